/**
 * The building blocks of the CLI summary: values in their display units, Dutch style, and lines
 * and tables headed by the labels of the one label table (engine/labels), as the UI shows them.
 */
import { type QuantityLabel, toDisplay } from '../labels/index.ts';

const formats = new Map<number, Intl.NumberFormat>();

/** A number Dutch style with a fixed number of decimals (1.234,5); '–' when missing or not finite. */
export function dutchNumber(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let format = formats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  // Values that round to zero print as 0, not "-0".
  return format.format(Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value);
}

/** A model value in the quantity's display unit, without the unit: 5.6e9 € → "5.602"; true → "ja". */
export function displayNumber(q: QuantityLabel, value: number | boolean | null | undefined): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value === null || value === undefined) return '–';
  return dutchNumber(toDisplay(value, q.display), q.display.digits);
}

/** A model value with its display unit: 5.6e9 € → "5.602 mln €"; a missing value is "–" alone. */
export function displayText(q: QuantityLabel, value: number | boolean | null | undefined): string {
  const text = displayNumber(q, value);
  return typeof value === 'boolean' || text === '–' || !q.display.unit ? text : `${text} ${q.display.unit}`;
}

/** Lines `label  value` with the labels padded to one width. */
export function labelledLines(rows: Array<[label: string, value: string]>, indent = ''): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}

/** The words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A column of a text table: its head (label, then unit on lines of its own) and one cell per row. */
export interface TextColumn {
  label: string;
  unit?: string;
  cells: string[];
  alignRight: boolean;
}

/** A column of display values of one quantity, headed by its label and display unit. */
export function quantityColumn(q: QuantityLabel, values: Array<number | boolean | null | undefined>): TextColumn {
  return { label: q.label, unit: q.display.unit, cells: values.map((v) => displayNumber(q, v)), alignRight: true };
}

const longestWord = (text: string) => Math.max(...text.split(' ').map((w) => w.length));

/** The narrowest width at which the label wraps into at most three lines and the unit into two. */
function columnWidth(column: TextColumn): number {
  const unit = column.unit ?? '';
  let width = Math.max(0, ...column.cells.map((c) => c.length), longestWord(column.label), longestWord(unit));
  while (wrapWords(column.label, width).length > 3 || wrapWords(unit, width).length > 2) width++;
  return width;
}

/** The head lines of a column at its width: the wrapped label, then the wrapped unit. */
function headLines(column: TextColumn, width: number): string[] {
  return [...wrapWords(column.label, width), ...(column.unit ? wrapWords(column.unit, width) : [])];
}

/** A plain-text table whose heads wrap over several lines, so long Dutch labels keep the columns narrow. */
export function textTable(columns: TextColumn[]): string {
  const widths = columns.map(columnWidth);
  const heads = columns.map((c, i) => headLines(c, widths[i]));
  const headHeight = Math.max(...heads.map((h) => h.length));
  const rowCount = Math.max(0, ...columns.map((c) => c.cells.length));
  const line = (cell: (i: number) => string) =>
    columns
      .map((c, i) => (c.alignRight ? cell(i).padStart(widths[i]) : cell(i).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  // Heads sit at the bottom of their block, next to the rule, so every unit is on the line above it.
  for (let l = 0; l < headHeight; l++) lines.push(line((i) => heads[i][l - (headHeight - heads[i].length)] ?? ''));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (let r = 0; r < rowCount; r++) lines.push(line((i) => columns[i].cells[r] ?? ''));
  return lines.join('\n');
}
