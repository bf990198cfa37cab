import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  Float64,
  RecordBatchReader,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type RecordBatch,
  type Schema,
} from 'apache-arrow';
import { csvCell, paretoFrontOf, sensitivity, type AxisSensitivity, type ParetoPoint } from '../engine/index.ts';

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

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A Pareto-optimal scenario with the axis values that produced it. */
export interface ParetoEntry extends ParetoPoint {
  axes: Record<string, number | null>;
}

/**
 * The Pareto front of a sweep (minimise national grid capex and land, maximise delivered RES TWh),
 * read batch by batch from the national rows.
 */
export async function paretoOf(file: string, axisPaths: string[]): Promise<ParetoEntry[]> {
  const points: ParetoEntry[] = [];
  for await (const { batch } of batchesOf(file)) {
    const get = (name: string) => batch.getChild(name)!;
    const [region, scenario, capex, delivered, fieldHa, windHa] = [
      'region',
      'scenario',
      'gridCapexEUR',
      'resDeliveredTWh',
      'fieldSolarHa',
      'windHa',
    ].map(get);
    const axes = axisPaths.map((path) => [path, get(path)] as const);
    for (let r = 0; r < batch.numRows; r++) {
      if (region.get(r) !== 'NL') continue;
      // A scenario whose objectives overflowed (Infinity, NaN) cannot be compared: it is left out.
      if (![capex, delivered, fieldHa, windHa].every((vector) => Number.isFinite(vector.get(r)))) continue;
      points.push({
        scenario: scenario.get(r) as number,
        gridCapexEUR: capex.get(r) as number,
        resDeliveredTWh: delivered.get(r) as number,
        landHa: (fieldHa.get(r) as number) + (windHa.get(r) as number),
        axes: Object.fromEntries(axes.map(([path, vector]) => [path, finiteOrNull(vector.get(r))])),
      });
    }
  }
  return paretoFrontOf(points) as ParetoEntry[];
}

/** A numeric cell as a finite number or null (Route 35's booleans count as 0 and 1). */
function measured(value: unknown): number | null {
  return finiteOrNull(typeof value === 'boolean' ? Number(value) : value);
}

/**
 * Tornado analysis of a sweep (engine `sensitivity`): how `output` moves between each axis' lowest
 * and highest values, on the rows of `region` ('NL' for the national rows). Reads only those rows
 * and columns, batch by batch, into a small table for the engine. Cells that are null or overflowed
 * (Infinity, NaN) are left out. `regions` lists the region ids the file holds, so a caller can tell
 * an unknown region from an output that has no values there.
 */
export async function sensitivityOf(
  file: string,
  axisPaths: string[],
  output: string,
  region: string,
): Promise<{ regions: string[]; axes: AxisSensitivity[] }> {
  const axes = axisPaths.map(() => [] as (number | null)[]);
  const outputs: (number | null)[] = [];
  const regions = new Set<string>();
  for await (const { batch } of batchesOf(file)) {
    const regionColumn = batch.getChild('region')!;
    const outputColumn = batch.getChild(output);
    if (!outputColumn) throw new RangeError(`unknown output column '${output}'`);
    const axisColumns = axisPaths.map((path) => batch.getChild(path)!);
    for (let r = 0; r < batch.numRows; r++) {
      const id = regionColumn.get(r) as string;
      regions.add(id);
      if (id !== region) continue;
      outputs.push(measured(outputColumn.get(r)));
      axisColumns.forEach((column, a) => {
        axes[a].push(measured(column.get(r)));
      });
    }
  }
  const table = new Table({
    region: vectorFromArray(
      outputs.map(() => region),
      new Utf8(),
    ),
    [output]: vectorFromArray(outputs, new Float64()),
    ...Object.fromEntries(axisPaths.map((path, a) => [path, vectorFromArray(axes[a], new Float64())])),
  });
  const bars = sensitivity(table, axisPaths, output, region).filter((bar) =>
    [bar.lowValue, bar.highValue, bar.outputAtLow, bar.outputAtHigh, bar.swing].every(Number.isFinite),
  );
  return { regions: [...regions], axes: bars };
}
