/**
 * CSV as Dutch Excel opens it with a double click: `;` between fields (the comma is the decimal
 * separator in the nl-NL locale), a decimal comma, no thousands separator, CRLF line ends and a
 * UTF-8 byte-order mark, without which Excel reads "€" and "ë" as Windows-1252.
 */
import type { ExportCell, ExportTable } from './export-table.ts';

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** One number the Dutch way: decimal comma, no grouping, as many decimals as `digits` allows (trailing zeros dropped). */
export function dutchNumber(value: number, digits: number): string {
  // toString and toFixed switch to exponent notation below 1e-6 and from 1e21 on; Excel would read text.
  if (Math.abs(value) >= 1e21) return BigInt(Math.round(value)).toString();
  const text = Number(value.toFixed(digits)).toString();
  const plain = /e/i.test(text) ? value.toFixed(digits).replace(/\.?0+$/, '') : text;
  return (plain === '-0' ? '0' : plain).replace('.', ',');
}

/** A field, quoted when it holds the separator, a quote or a line break (RFC 4180 quoting). */
function field(cell: ExportCell, digits: number | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return dutchNumber(cell, digits ?? 6);
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The table as Dutch CSV text, BOM included. */
export function toDutchCsv(table: ExportTable): string {
  const lines = [table.headers.map((h) => field(h, null)).join(CSV_SEPARATOR)];
  for (const row of table.rows) lines.push(row.map((c, i) => field(c, table.digits[i])).join(CSV_SEPARATOR));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
