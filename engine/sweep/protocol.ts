import type { InvalidScenario } from './evaluate-range.ts';
import type { SharedDataset } from './shared-dataset.ts';
import type { SweepPlan } from './spec.ts';

/**
 * One task for a sweep worker: evaluate scenarios of [from, to) into a shared batch block, claiming
 * chunks of `chunkSize` from the shared counter `next` (every thread gets one such task per batch).
 */
export interface SweepChunkTask {
  /** Identifies the sweep run, so the worker reuses its context across chunks. */
  runId: string;
  dataset: SharedDataset;
  plan: SweepPlan;
  from: number;
  to: number;
  /** Int32[1]: the next unclaimed scenario of the batch (starts at `from`). */
  next: SharedArrayBuffer;
  chunkSize: number;
  batchStart: number;
  capacityRows: number;
  /** Float64 batch columns (see BatchColumns). */
  columns: SharedArrayBuffer;
  /** Int32[1]: scenarios done, for progress. */
  progress: SharedArrayBuffer;
  /** Int32[1]: workers stop before this scenario (0 cancels; see evaluateSweepRange). */
  stopAt: SharedArrayBuffer;
  /** Injected faults, for the tests that prove a failing worker fails the sweep cleanly. */
  faults?: SweepFaults;
}

/** Faults a test can inject into sweep workers. */
export interface SweepFaults {
  /** Throw an error when evaluating this scenario index. */
  throwAtScenario?: number;
  /** End the worker thread abruptly at this scenario index. */
  exitAtScenario?: number;
}

/** What a worker returns for a chunk. */
export interface SweepChunkResult {
  done: number;
  hourlyRuns: number;
  /** The scenario the chunk stopped at because `evaluate` would reject it. */
  invalid?: InvalidScenario;
}
