/**
 * What the coordinator and the remote workers agree on: Redis key names, the chunk job, the
 * published sweep, and the Arrow IPC record batch a worker returns for a chunk.
 */
import {
  Field,
  Float64,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  tableFromIPC,
} from 'apache-arrow';
import type { InvalidScenario } from './evaluate-range.ts';
import type { SweepFaults } from './protocol.ts';
import type { SweepPlan } from './spec.ts';

/** BullMQ key prefix and queue: every key of the scale-out lives under `samenhang:`. */
export const KEY_PREFIX = 'samenhang';
export const QUEUE_NAME = 'sweep-chunks';
/** Pub/sub channel on which a coordinator announces a cancelled sweep's id. */
export const CANCEL_CHANNEL = `${KEY_PREFIX}:cancel`;

/** The published sweep (a hash): plan, dataset hash, faults; it expires unless the coordinator renews it. */
export function sweepKey(sweepId: string): string {
  return `${KEY_PREFIX}:sweep:${sweepId}`;
}
/** A dataset blob by content hash (see remote-dataset.ts). */
export function datasetKey(hash: string): string {
  return `${KEY_PREFIX}:dataset:${hash}`;
}
/** A chunk's Arrow IPC bytes, until the coordinator has copied them into its batch. */
export function chunkResultKey(sweepId: string, chunk: number): string {
  return `${KEY_PREFIX}:result:${sweepId}:${chunk}`;
}
/** BullMQ job id of a chunk (BullMQ ids may not contain ':'). */
export function chunkJobId(sweepId: string, chunk: number): string {
  return `${sweepId}-${chunk}`;
}

/**
 * Lifetimes, in seconds. A sweep's key lives SWEEP_TTL_S unless renewed (the coordinator renews
 * it every SWEEP_RENEW_MS): when a coordinator dies, its sweep disappears within this time and
 * workers drop the sweep's remaining jobs instead of computing them for no one.
 */
export const SWEEP_TTL_S = 30;
export const SWEEP_RENEW_MS = 5_000;
export const DATASET_TTL_S = 3600;
export const RESULT_TTL_S = 600;

/** The job of one chunk: scenarios [from, to) of sweep `sweep`. */
export interface ChunkJobData {
  sweep: string;
  chunk: number;
  from: number;
  to: number;
}

/** A chunk job's return value; the rows themselves are under chunkResultKey. */
export interface ChunkJobResult {
  done: number;
  hourlyRuns: number;
  invalid?: InvalidScenario;
  /** Set when the worker dropped the chunk: the sweep was cancelled or is gone. */
  dropped?: 'cancelled' | 'gone';
}

/** The sweep as published in Redis (hash fields). */
export interface PublishedSweep {
  plan: string;
  dataset: string;
  faults: string;
}

/** A plan as JSON: its draws (Float64) as base64 of their bytes, so they arrive bit for bit. */
export function serializePlan(plan: SweepPlan): string {
  const draws = Buffer.from(plan.draws.buffer, plan.draws.byteOffset, plan.draws.byteLength).toString('base64');
  return JSON.stringify({ ...plan, draws });
}

/**
 * The inverse of serializePlan. The draws land in shared memory: a worker hands the plan to its
 * pool threads with every chunk, and a shared buffer is passed by reference where an ordinary one
 * would be copied each time (32 MB a chunk for a million scenarios over four sampled axes).
 */
export function deserializePlan(text: string): SweepPlan {
  const parsed = JSON.parse(text) as Omit<SweepPlan, 'draws'> & { draws: string };
  const bytes = Buffer.from(parsed.draws, 'base64');
  const draws = new Float64Array(new SharedArrayBuffer(bytes.byteLength));
  new Uint8Array(draws.buffer).set(bytes);
  return { ...parsed, draws };
}

/** Serializes faults (tests only) for the published sweep. */
export function serializeFaults(faults: SweepFaults | undefined): string {
  return JSON.stringify(faults ?? {});
}

/**
 * Encodes rows of a chunk as an Arrow IPC stream holding one record batch: one Float64 column per
 * sweep column (axes, then outputs) in the engine's own encoding (NaN where the table has null),
 * so the coordinator copies the columns into its batch without converting anything.
 * `values` is column-major with `capacityRows` per column (see BatchColumns).
 */
export function encodeChunk(
  values: Float64Array,
  capacityRows: number,
  rowCount: number,
  columnCount: number,
): Uint8Array {
  const fields: Field[] = [];
  const children = [];
  for (let c = 0; c < columnCount; c++) {
    fields.push(new Field(`c${c}`, new Float64(), false));
    const data = values.subarray(c * capacityRows, c * capacityRows + rowCount);
    children.push(makeData({ type: new Float64(), length: rowCount, nullCount: 0, data }));
  }
  const struct = makeData({ type: new Struct(fields), length: rowCount, nullCount: 0, children });
  const batch = new RecordBatch(new Schema(fields), struct);
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

/**
 * Copies the columns of an encoded chunk into `target` (column-major, `capacityRows` per column)
 * from row `firstRow` on; checks the chunk has `rowCount` rows and `columnCount` columns.
 */
export function decodeChunkInto(
  bytes: Uint8Array,
  target: Float64Array,
  capacityRows: number,
  firstRow: number,
  rowCount: number,
  columnCount: number,
): void {
  const table = tableFromIPC(bytes);
  if (table.numRows !== rowCount || table.numCols !== columnCount)
    throw new Error(
      `a chunk arrived with ${table.numRows}×${table.numCols} values, expected ${rowCount}×${columnCount}`,
    );
  for (let c = 0; c < columnCount; c++) {
    let row = firstRow;
    for (const data of table.getChildAt(c)!.data) {
      target.set((data.values as Float64Array).subarray(0, data.length), c * capacityRows + row);
      row += data.length;
    }
  }
}
