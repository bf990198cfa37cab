/**
 * Exported tables as an Excel workbook (.xlsx), written by write-excel-file: a small, maintained
 * OOXML writer on fflate that runs in the browser. Numbers stay numbers (Excel shows them in the
 * user's own locale), the head row is bold and stays in view when scrolling.
 */
import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/universal';
import type { ExportTable } from './export-table.ts';

/** A sheet of the workbook: its name (at most 31 characters, Excel's limit) and its table. */
export interface WorkbookSheet {
  name: string;
  table: ExportTable;
}

/** Column width in characters: the longest of head (capped) and cells, so heads wrap rather than stretch. */
function columnWidths(table: ExportTable): Array<{ width: number }> {
  return table.headers.map((head, i) => {
    let w = Math.min(head.length, 24);
    for (const row of table.rows.slice(0, 100)) w = Math.max(w, String(row[i] ?? '').length);
    return { width: w + 2 };
  });
}

function sheetOf({ name, table }: WorkbookSheet): Sheet<Blob> {
  const head: Row = table.headers.map((h) => ({ value: h, fontWeight: 'bold', wrap: true }));
  const body: Row[] = table.rows.map((row) => row.map((c) => (c === null ? null : c)));
  return { sheet: name.slice(0, 31), data: [head, ...body], columns: columnWidths(table), stickyRowsCount: 1 };
}

/** The workbook as a Blob (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). */
export function toXlsxBlob(sheets: WorkbookSheet[]): Promise<Blob> {
  return writeXlsxFile(sheets.map(sheetOf)).toBlob();
}
