/**
 * Piscina worker entry: a thin adapter that rebuilds the shared dataset once per dataset (not per
 * sweep) and runs the same evaluateSweepRange the in-thread executor runs, on chunks it claims itself.
 */
import type { Dataset } from '../data/types.ts';
import { createSweepContext, evaluateSweepRange, type SweepContext } from './evaluate-range.ts';
import type { SweepChunkResult, SweepChunkTask } from './protocol.ts';
import { datasetFromShared, type SharedDataset } from './shared-dataset.ts';

/** Prepared datasets by content hash, least recently used first. */
const preparedDatasets = new Map<string, Dataset>();
/** Datasets kept per thread: the server's bundled one and the one being uploaded or compared. */
export const MAX_PREPARED_DATASETS = 2;

/**
 * The dataset of `shared`, prepared (region arrays, weather years, per-block bounds) once per
 * content and thread: every sweep on the same data reuses it, whatever its run id.
 */
export function preparedDatasetOf(shared: SharedDataset): Dataset {
  let dataset = preparedDatasets.get(shared.contentHash);
  if (dataset) {
    preparedDatasets.delete(shared.contentHash); // re-inserted below: Map order is recency order
  } else {
    dataset = datasetFromShared(shared);
    if (preparedDatasets.size >= MAX_PREPARED_DATASETS)
      preparedDatasets.delete(preparedDatasets.keys().next().value as string);
  }
  preparedDatasets.set(shared.contentHash, dataset);
  return dataset;
}

/**
 * Contexts by sweep run, so that sweeps running at the same time (the server runs several on one
 * pool) keep their own hourly-run caches instead of evicting each other's at every task.
 */
const contexts = new Map<string, SweepContext>();
/** Contexts kept per thread; the least recently used goes first (a finished sweep's tasks never return). */
const MAX_CONTEXTS = 8;

function contextFor(task: SweepChunkTask): SweepContext {
  let context = contexts.get(task.runId);
  if (context) {
    contexts.delete(task.runId); // re-inserted below: Map order is recency order
  } else {
    context = createSweepContext(preparedDatasetOf(task.dataset), task.plan);
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
  }
  contexts.set(task.runId, context);
  return context;
}

function injectFaults(task: SweepChunkTask, from: number, to: number): void {
  const faults = task.faults;
  if (faults?.throwAtScenario !== undefined && faults.throwAtScenario >= from && faults.throwAtScenario < to)
    throw new Error(`injected fault at scenario ${faults.throwAtScenario}`);
  if (faults?.exitAtScenario !== undefined && faults.exitAtScenario >= from && faults.exitAtScenario < to)
    process.exit(1);
}

/**
 * Evaluates scenarios of one batch into the shared columns: claims chunks of `chunkSize` from the
 * batch's shared counter until the batch is used up, so the threads share a batch without a
 * round trip through the main thread per chunk.
 */
export default function runSweepChunk(task: SweepChunkTask): SweepChunkResult {
  const context = contextFor(task);
  const runsBefore = context.hourlyRuns;
  const next = new Int32Array(task.next);
  const columns = {
    values: new Float64Array(task.columns),
    capacityRows: task.capacityRows,
    batchStart: task.batchStart,
  };
  const progress = new Int32Array(task.progress);
  const stopAt = new Int32Array(task.stopAt);
  let done = 0;
  for (;;) {
    const from = Atomics.add(next, 0, task.chunkSize);
    if (from >= task.to) break;
    const to = Math.min(task.to, from + task.chunkSize);
    injectFaults(task, from, to);
    const outcome = evaluateSweepRange(context, from, to, columns, progress, stopAt);
    done += outcome.done;
    if (outcome.invalid) return { done, invalid: outcome.invalid, hourlyRuns: context.hourlyRuns - runsBefore };
    if (outcome.done < to - from) break; // stopped (cancelled, or an invalid scenario earlier)
  }
  return { done, hourlyRuns: context.hourlyRuns - runsBefore };
}
