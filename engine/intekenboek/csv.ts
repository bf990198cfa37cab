import { CsvSyntaxError, parseCsv } from '../data/csv.ts';
import type { Dataset } from '../data/types.ts';
import { ValidationError, type Issue } from '../errors.ts';
import { csvCell } from '../sweep/table-writer.ts';
import { CommitmentInputSchema, type CommitmentInput } from './schema.ts';
import { type Commitment, QUANTITY_NAMES } from './types.ts';
import { commitmentRegionIssues } from './validate.ts';

/** Columns of a commitment itself, in CSV order. */
const FIELD_COLUMNS = [
  'actor',
  'actorKind',
  'region',
  'kind',
  ...QUANTITY_NAMES,
  'purpose',
  'year',
  'status',
  'source',
  'note',
  'author',
] as const;

/** Columns of an exported register: `id` and `version` first, `updatedAt` last. */
export const COMMITMENT_CSV_COLUMNS = ['id', 'version', ...FIELD_COLUMNS, 'updatedAt'] as const;

/** Columns an import must have; the quantity columns, purpose, source, note and author may be left out. */
const REQUIRED_COLUMNS = ['actor', 'actorKind', 'region', 'kind', 'year', 'status'];
/** Export-only columns an import accepts and ignores, so an exported file can be imported again. */
const IGNORED_COLUMNS = new Set(['version', 'updatedAt']);

const QUANTITY_SET = new Set<string>(QUANTITY_NAMES);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A stored commitment as exported: its id, version and time of that version. */
export interface CommitmentRow extends Commitment {
  id: string;
  version: number;
  updatedAt: string;
}

/** One valid row of an import: the commitment, its source line, and the id it updates (empty: a new one). */
export interface ImportedRow {
  line: number;
  id?: string;
  commitment: Commitment;
}

function quantityCell(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** The register as CSV (comma separator, decimal point, RFC 4180 quoting, formula-safe text cells). */
export function commitmentsToCsv(rows: readonly CommitmentRow[]): string {
  const lines = [COMMITMENT_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const cells = COMMITMENT_CSV_COLUMNS.map((column): string => {
      if (QUANTITY_SET.has(column))
        return quantityCell(row.quantities[column as keyof typeof row.quantities] as number);
      if (column === 'purpose') return csvCell(row.quantities.purpose ?? '');
      if (column === 'region') return csvCell(row.region ?? '');
      const value = row[column as keyof CommitmentRow];
      return typeof value === 'number' ? String(value) : csvCell(String(value ?? ''));
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Spreadsheet column letter of a 0-based column index (0 → A, 26 → AA). */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Undoes the formula guard of csvCell: `'=…` → `=…`. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Parses an imported register: every row is validated (fields, quantities of its kind, region against
 * the dataset) and every problem is reported at once, located as `line N, column X (name)`. Throws
 * ValidationError when any row (or the header) is bad, so the caller stores all rows or none.
 */
export function parseCommitmentCsv(text: string, dataset: Dataset): ImportedRow[] {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ValidationError([{ where: `line ${error.line}, column ${error.column}`, message: error.message }]);
    }
    throw error;
  }
  const where = (line: number, index: number) => `line ${line}, column ${columnLetter(index)} (${table.header[index]})`;
  const headerIssues: Issue[] = [];
  const known = new Set<string>(COMMITMENT_CSV_COLUMNS);
  const seen = new Set<string>();
  table.header.forEach((name, index) => {
    if (!known.has(name)) headerIssues.push({ where: where(table.headerLine, index), message: 'unknown column' });
    else if (seen.has(name))
      headerIssues.push({ where: where(table.headerLine, index), message: 'column appears twice' });
    seen.add(name);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!seen.has(name))
      headerIssues.push({ where: `line ${table.headerLine}`, message: `column '${name}' is missing` });
  }
  if (headerIssues.length > 0) throw new ValidationError(headerIssues);

  const issues: Issue[] = [];
  const rows: ImportedRow[] = [];
  const columnIndex = new Map(table.header.map((name, index) => [name, index]));
  table.rows.forEach((cells, i) => {
    const line = table.rowLines[i];
    if (cells.length !== table.header.length) {
      issues.push({
        where: `line ${line}`,
        message: `has ${cells.length} cells, the header has ${table.header.length}`,
      });
      return;
    }
    const { input, id, cellIssues } = rowInput(cells, table.header, line, where);
    const result = CommitmentInputSchema.safeParse(input);
    const rowIssues = [...cellIssues];
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] === 'quantities' ? (issue.path[1] ?? 'quantities') : (issue.path[0] ?? ''));
        if (cellIssues.some((cellIssue) => cellIssue.key === key)) continue; // already said why the cell is bad
        const index = columnIndex.get(key);
        const located =
          index !== undefined
            ? where(line, index)
            : key === 'quantities'
              ? `line ${line}, quantity columns`
              : `line ${line}, column ${key}`;
        rowIssues.push({ key, where: located, message: issue.message });
      }
    }
    const regionIndex = columnIndex.get('region') ?? 0;
    const regionIssues = commitmentRegionIssues(input.region, dataset, where(line, regionIndex));
    issues.push(...rowIssues.map(({ where, message }) => ({ where, message })), ...regionIssues);
    if (result.success && rowIssues.length === 0 && regionIssues.length === 0) {
      rows.push({ line, ...(id ? { id } : {}), commitment: result.data as Commitment });
    }
  });
  if (table.rows.length === 0) issues.push({ where: `line ${table.headerLine}`, message: 'the file has no rows' });
  if (issues.length > 0) throw new ValidationError(issues);
  return rows;
}

type Where = (line: number, index: number) => string;

/** One CSV row as commitment input; cells that cannot be numbers are reported here, with their column. */
function rowInput(cells: string[], header: string[], line: number, where: Where) {
  const quantities: Record<string, unknown> = {};
  const input: Record<string, unknown> = { quantities };
  const cellIssues: Array<Issue & { key: string }> = [];
  let id: string | undefined;
  header.forEach((name, index) => {
    const raw = unguard(cells[index].trim());
    if (IGNORED_COLUMNS.has(name)) return;
    if (name === 'id') {
      id = raw || undefined;
    } else if (QUANTITY_SET.has(name) || name === 'year') {
      if (raw === '') {
        if (name === 'year') input.year = undefined;
        return;
      }
      const value = NUMBER.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isFinite(value)) {
        cellIssues.push({
          key: name,
          where: where(line, index),
          message: `'${raw}' is not a number (use a decimal point: 3.45)`,
        });
      }
      if (name === 'year') input.year = value;
      else quantities[name] = value;
    } else if (name === 'purpose') {
      if (raw !== '') quantities.purpose = raw;
    } else if (name === 'region') {
      input.region = raw === '' ? null : raw;
    } else {
      input[name] = raw;
    }
  });
  return { input: input as CommitmentInput & { region?: unknown }, id, cellIssues };
}
