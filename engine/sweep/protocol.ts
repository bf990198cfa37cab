import type { SharedDataset } from './shared-dataset.ts';
import type { SweepPlan } from './spec.ts';

/** One task for a sweep worker: evaluate scenarios [from, to) into a shared batch block. */
export interface SweepChunkTask {
  /** Identifies the sweep run, so the worker reuses its context across chunks. */
  runId: string;
  dataset: SharedDataset;
  plan: SweepPlan;
  from: number;
  to: number;
  batchStart: number;
  capacityRows: number;
  /** Float64 batch columns (see BatchColumns). */
  columns: SharedArrayBuffer;
  /** Int32[1]: scenarios done, for progress. */
  progress: SharedArrayBuffer;
  /** Int32[1]: non-zero asks workers to stop. */
  cancel: SharedArrayBuffer;
}

/** What a worker returns for a chunk. */
export interface SweepChunkResult {
  done: number;
  hourlyRuns: number;
}
