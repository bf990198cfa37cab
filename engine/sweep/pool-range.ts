import type { Piscina } from 'piscina';
import { OUTPUT_COUNT } from '../model/outputs.ts';
import { NOT_STOPPED, type InvalidScenario } from './evaluate-range.ts';
import type { SweepChunkResult, SweepChunkTask, SweepFaults } from './protocol.ts';
import type { SharedDataset } from './shared-dataset.ts';
import type { SweepPlan } from './spec.ts';

/** One range of a sweep to compute on a local pool (a remote worker's chunk job). */
export interface PoolRange {
  /** Sweep id: the pool's threads keep one context (caches) per sweep across its chunks. */
  runId: string;
  dataset: SharedDataset;
  plan: SweepPlan;
  from: number;
  to: number;
  faults?: SweepFaults;
}

/** A computed range: column-major values, `capacityRows` per column, rows of `done` scenarios. */
export interface PoolRangeResult {
  values: Float64Array;
  capacityRows: number;
  done: number;
  hourlyRuns: number;
  invalid?: InvalidScenario;
}

/**
 * Computes scenarios [from, to) on `threads` threads of `pool`, which claim small sub-chunks from a
 * shared counter (the same task protocol the local runner uses for a batch). `stopAt` (Int32[1],
 * NOT_STOPPED to run) is the caller's handle to stop the threads before their next scenario.
 */
export async function computeRangeOnPool(
  pool: Piscina<SweepChunkTask, SweepChunkResult>,
  threads: number,
  range: PoolRange,
  stopAt: Int32Array,
): Promise<PoolRangeResult> {
  const regionRows = range.dataset.regions.length + 1;
  const columnCount = range.plan.axes.length + OUTPUT_COUNT;
  const scenarios = range.to - range.from;
  const capacityRows = scenarios * regionRows;
  const columns = new SharedArrayBuffer(capacityRows * columnCount * 8);
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = range.from;
  const task: SweepChunkTask = {
    runId: range.runId,
    dataset: range.dataset,
    plan: range.plan,
    from: range.from,
    to: range.to,
    next: next.buffer as SharedArrayBuffer,
    // Small sub-chunks keep the threads busy to the end of the range.
    chunkSize: Math.max(1, Math.ceil(scenarios / (threads * 16))),
    batchStart: range.from,
    capacityRows,
    columns,
    progress: new SharedArrayBuffer(4),
    stopAt: stopAt.buffer as SharedArrayBuffer,
    faults: range.faults,
  };
  const settled = await Promise.allSettled(Array.from({ length: threads }, () => pool.run(task)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  let hourlyRuns = 0;
  let invalid: InvalidScenario | undefined;
  for (const s of settled as PromiseFulfilledResult<SweepChunkResult>[]) {
    hourlyRuns += s.value.hourlyRuns;
    if (s.value.invalid && (!invalid || s.value.invalid.scenario < invalid.scenario)) invalid = s.value.invalid;
  }
  // Threads claim sub-chunks in order, so every scenario below the first invalid one is done.
  const done = invalid ? invalid.scenario - range.from : Atomics.load(stopAt, 0) === NOT_STOPPED ? scenarios : 0;
  return { values: new Float64Array(columns), capacityRows, done, hourlyRuns, invalid };
}
