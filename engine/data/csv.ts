/** A parsed CSV table: header names and rows of raw cell strings, with 1-based source line numbers. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Source line (1-based) on which each row starts; quoted cells may span lines. */
  rowLines: number[];
  headerLine: number;
}

/** Error in CSV syntax, with its 1-based line and column. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses RFC 4180 CSV (comma separator, `"` quoting, CRLF or LF line ends, optional BOM).
 * Blank lines are skipped, so a trailing newline does not make an empty row.
 */
export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  const recordLines: number[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell = '';
      if (text[i] === '"') {
        const quoteLine = line;
        const quoteColumn = column;
        i++;
        column++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(quoteLine, quoteColumn, 'quoted cell is not closed');
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              column += 2;
              continue;
            }
            i++;
            column++;
            break;
          }
          if (ch === '\n') {
            line++;
            column = 1;
          } else column++;
          cell += ch;
          i++;
        }
        const next = text[i];
        if (i < n && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, column, 'unexpected character after a closing quote');
        }
      } else {
        const start = i;
        while (i < n) {
          const ch = text[i];
          if (ch === ',' || ch === '\n' || ch === '\r') break;
          if (ch === '"') throw new CsvSyntaxError(line, column + (i - start), 'quote inside an unquoted cell');
          i++;
        }
        cell = text.slice(start, i);
        column += i - start;
      }
      cells.push(cell);
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i++;
        column++;
      } else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        column = 1;
        endOfRecord = true;
      }
    }
    const blank = cells.length === 1 && cells[0] === '';
    if (!blank) {
      records.push(cells);
      recordLines.push(startLine);
    }
  }
  if (records.length === 0) throw new CsvSyntaxError(1, 1, 'file is empty (no header line)');
  return {
    header: records[0].map((name) => name.trim()),
    rows: records.slice(1),
    rowLines: recordLines.slice(1),
    headerLine: recordLines[0],
  };
}
