import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { RecordBatchReader, Table, tableToIPC, type RecordBatch, type Schema } from 'apache-arrow';
import {
  csvCell,
  ParetoFrontBuilder,
  SensitivityBuilder,
  type ParetoPoint,
  type SensitivityResult,
} from '../engine/index.ts';

type Cell = number | string | boolean | null;

/**
 * The one reader of result files: the schema's column names, then the record batches one by one
 * (memory stays bounded by a batch). The file is closed when the caller stops iterating.
 */
async function* batchesOf(file: string): AsyncGenerator<{ columns: string[]; batch: RecordBatch }> {
  const handle = await open(file);
  try {
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    const columns = reader.schema.fields.map((field) => field.name);
    for await (const batch of reader as AsyncIterable<RecordBatch>) yield { columns, batch };
  } finally {
    await handle.close();
  }
}

/**
 * The Arrow IPC *stream* of a sweep result file, without reading the file into memory.
 * An IPC file is `ARROW1\0\0`, the record-batch messages and an end-of-stream marker, then a footer
 * holding the schema. The stream format wants the schema message first, so we send the schema
 * (encoded from the footer) followed by the file's message bytes.
 */
export async function arrowStreamOf(file: string): Promise<{ length: number; stream: Readable }> {
  const handle = await open(file);
  let schema: Schema;
  try {
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    schema = reader.schema;
  } finally {
    await handle.close();
  }
  const encoded = tableToIPC(new Table(schema), 'stream');
  const schemaMessage = encoded.subarray(0, encoded.length - 8); // drop the empty table's end-of-stream marker
  const size = (await stat(file)).size;
  const tail = Buffer.alloc(10);
  const tailHandle = await open(file);
  try {
    await tailHandle.read(tail, 0, 10, size - 10);
  } finally {
    await tailHandle.close();
  }
  if (tail.subarray(4).toString('latin1') !== 'ARROW1') throw new Error(`${file} is not an Arrow IPC file`);
  const footerLength = tail.readInt32LE(0);
  const end = size - 10 - footerLength; // exclusive; the messages end with the end-of-stream marker
  async function* bytes() {
    yield Buffer.from(schemaMessage.buffer, schemaMessage.byteOffset, schemaMessage.byteLength);
    if (end > 8) yield* createReadStream(file, { start: 8, end: end - 1 });
  }
  return { length: schemaMessage.byteLength + Math.max(0, end - 8), stream: Readable.from(bytes()) };
}

/** Rows of a result file in order, as column-name → value records; `region` filters on one region id. */
export async function* readRows(
  file: string,
  options: { offset?: number; limit?: number; region?: string } = {},
): AsyncGenerator<{ columns: string[]; row: Cell[] }> {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  let seen = 0;
  let emitted = 0;
  for await (const { columns, batch } of batchesOf(file)) {
    const regionColumn = batch.getChild('region');
    if (!options.region && seen + batch.numRows <= offset) {
      seen += batch.numRows;
      continue;
    }
    const vectors = columns.map((_, c) => batch.getChildAt(c)!);
    for (let r = 0; r < batch.numRows; r++) {
      if (options.region && regionColumn?.get(r) !== options.region) continue;
      if (seen++ < offset) continue;
      yield { columns, row: vectors.map((vector) => vector.get(r) as Cell) };
      if (++emitted >= limit) return;
    }
  }
}

/** Column names of a result file. */
export async function columnsOf(file: string): Promise<string[]> {
  const handle = await open(file);
  try {
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    return reader.schema.fields.map((field) => field.name);
  } finally {
    await handle.close();
  }
}

function csvValue(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return csvCell(value); // formula-injection guard for text cells only
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  return value ? 'true' : 'false';
}

/** CSV text of (a window of) the result, streamed in chunks; text cells are guarded against formula injection. */
export function csvStreamOf(file: string, options: { offset?: number; limit?: number; region?: string }): Readable {
  async function* lines() {
    let header = false;
    let chunk = '';
    for await (const { columns, row } of readRows(file, options)) {
      if (!header) {
        chunk += `${columns.map(csvCell).join(',')}\n`;
        header = true;
      }
      chunk += `${row.map(csvValue).join(',')}\n`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (!header) chunk += `${(await columnsOf(file)).map(csvCell).join(',')}\n`;
    yield chunk;
  }
  return Readable.from(lines());
}

/**
 * The Pareto front of a sweep (minimise national grid capex and land, maximise delivered RES TWh),
 * by the engine's analysis fed batch by batch: memory stays bounded by a batch and the front.
 */
export async function paretoOf(file: string, axisPaths: string[]): Promise<ParetoPoint[]> {
  const front = new ParetoFrontBuilder(axisPaths);
  for await (const { batch } of batchesOf(file)) front.add(batch);
  return front.result();
}

/**
 * Tornado analysis of a sweep (the engine's): how `output` moves between each axis' lowest and highest
 * values, on the rows of `region` ('NL' for the national rows), fed batch by batch. `regions` lists the
 * region ids the file holds, so a caller can tell an unknown region from an output without values there.
 */
export async function sensitivityOf(
  file: string,
  axisPaths: string[],
  output: string,
  region: string,
): Promise<{ regions: string[] } & SensitivityResult> {
  const bars = new SensitivityBuilder(axisPaths, output, region);
  for await (const { batch } of batchesOf(file)) bars.add(batch);
  return { regions: [...bars.regions], ...bars.result() };
}
