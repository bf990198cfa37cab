import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Issue } from '../errors.ts';
import { MAX_DATASET_VALUE, readProfileTable, type ProfileTable } from './parse-dataset.ts';

/**
 * A compact binary copy of a profiles CSV, kept next to it as `<file>.cache`. Parsing the six
 * weather-year CSVs of the bundled dataset (31 MB of decimal text) was most of the time of a
 * `samenhang evaluate`; reading the doubles back costs a small fraction of it. The CSV stays the
 * source of truth: a cache counts only when it was written from these very bytes (SHA-256) by this
 * cache format, and every value is checked again on reading. The regions, the profile references
 * and every other dataset check still run on each load (parse-dataset.ts).
 *
 * Layout: "SMHPROF\n", a uint32 length and a JSON header (format, byte order, hash, hours, header
 * names, header line), padding to 8 bytes, each row's source line as Int32 (padded to 8 bytes),
 * then each profile column (header order, without `hour`) as Float64.
 */
const MAGIC = Buffer.from('SMHPROF\n');
/** Raise when the layout or what readProfileTable accepts changes: older caches are then ignored. */
const CACHE_FORMAT = 1;

interface CacheHeader {
  format: number;
  endianness: string;
  sha256: string;
  hours: number;
  header: string[];
  headerLine: number;
}

/** Where the cache of `csvFile` lives. */
export function profileCacheFile(csvFile: string): string {
  return `${csvFile}.cache`;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Body offsets after the JSON header: row lines, then the columns. */
function layoutOf(jsonBytes: number, hours: number, columnCount: number) {
  const rowLines = align8(MAGIC.length + 4 + jsonBytes);
  const columns = rowLines + align8(hours * 4);
  return { rowLines, columns, total: columns + columnCount * hours * 8 };
}

function columnNames(header: readonly string[]): string[] {
  return header.filter((name) => name !== 'hour');
}

/** The table in `bytes` when they are a valid cache of a CSV with hash `sha256`; undefined otherwise. */
function decodeCache(bytes: Buffer, sha256: string): ProfileTable | undefined {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const jsonBytes = bytes.readUInt32LE(MAGIC.length);
  let head: CacheHeader;
  try {
    head = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonBytes)) as CacheHeader;
  } catch {
    return undefined;
  }
  if (head.format !== CACHE_FORMAT || head.endianness !== endianness() || head.sha256 !== sha256) return undefined;
  const names = columnNames(head.header);
  const layout = layoutOf(jsonBytes, head.hours, names.length);
  if (!(head.hours > 0) || bytes.length !== layout.total) return undefined;
  // The columns are views on the file's bytes (a large read has its own, aligned buffer), else on a copy.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const body = aligned.buffer;
  const base = aligned.byteOffset;
  const columns = new Map<string, Float64Array>();
  for (let c = 0; c < names.length; c++) {
    const values = new Float64Array(body, base + layout.columns + c * head.hours * 8, head.hours);
    for (let h = 0; h < values.length; h++) if (!(Math.abs(values[h]) <= MAX_DATASET_VALUE)) return undefined; // also rejects NaN
    columns.set(names[c], values);
  }
  return {
    columns,
    hours: head.hours,
    header: head.header,
    headerLine: head.headerLine,
    rowLines: new Int32Array(body, base + layout.rowLines, head.hours),
  };
}

function encodeCache(table: ProfileTable, sha256: string): Buffer {
  const head: CacheHeader = {
    format: CACHE_FORMAT,
    endianness: endianness(),
    sha256,
    hours: table.hours,
    header: [...table.header],
    headerLine: table.headerLine,
  };
  const json = Buffer.from(JSON.stringify(head));
  const names = columnNames(table.header);
  const layout = layoutOf(json.length, table.hours, names.length);
  const bytes = Buffer.alloc(layout.total);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt32LE(json.length, MAGIC.length);
  json.copy(bytes, MAGIC.length + 4);
  const aligned = new ArrayBuffer(layout.total - layout.rowLines);
  new Int32Array(aligned, 0, table.hours).set(Array.from(table.rowLines));
  names.forEach((name, c) => {
    new Float64Array(aligned, layout.columns - layout.rowLines + c * table.hours * 8, table.hours).set(
      table.columns.get(name)!,
    );
  });
  Buffer.from(aligned).copy(bytes, layout.rowLines);
  return bytes;
}

/** Writes the cache through a temporary file and a rename, so no reader ever sees half a cache. */
function writeCache(file: string, bytes: Buffer): void {
  const temporary = `${file}.${randomUUID()}.tmp`; // loads in parallel (test workers) each write their own
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    // A folder we may not write (an installed package, a read-only mount): load from the CSV each time.
    rmSync(temporary, { force: true });
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** SHA-256 (hex) of a file, read in 1 MB pieces into one buffer: no copy of the whole file. */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let bytes = readSync(fd, piece); bytes > 0; bytes = readSync(fd, piece)) hash.update(piece.subarray(0, bytes));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The profiles of `csvFile`, whose SHA-256 is `sha256`: from the cache when it was written from
 * those bytes, else parsed from the bytes `readCsv` returns (and cached for the next load). A CSV
 * with problems comes back as its text, so that parseDataset reports them exactly as for any other text.
 */
export function readProfilesCached(csvFile: string, sha256: string, readCsv: () => Buffer): string | ProfileTable {
  const cacheFile = profileCacheFile(csvFile);
  const cached = readCache(cacheFile);
  const table = cached && decodeCache(cached, sha256);
  if (table) return table;
  const bytes = readCsv();
  const text = bytes.toString('utf8');
  const issues: Issue[] = [];
  const parsed = readProfileTable(text, csvFile, issues);
  if (!parsed) return text;
  // The file may have changed since it was hashed: the cache names the hash of the bytes parsed.
  writeCache(cacheFile, encodeCache(parsed, createHash('sha256').update(bytes).digest('hex')));
  return parsed;
}
