/**
 * Piscina worker entry: a thin adapter that rebuilds the shared dataset once per sweep and runs
 * the same evaluateSweepRange the in-thread executor runs.
 */
import { createSweepContext, evaluateSweepRange, type SweepContext } from './evaluate-range.ts';
import type { SweepChunkResult, SweepChunkTask } from './protocol.ts';
import { datasetFromShared } from './shared-dataset.ts';

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
    context = createSweepContext(datasetFromShared(task.dataset), task.plan);
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
  }
  contexts.set(task.runId, context);
  return context;
}

/** Evaluates one chunk of scenarios into the shared columns. */
export default function runSweepChunk(task: SweepChunkTask): SweepChunkResult {
  const context = contextFor(task);
  const runsBefore = context.hourlyRuns;
  const faults = task.faults;
  if (
    faults?.throwAtScenario !== undefined &&
    faults.throwAtScenario >= task.from &&
    faults.throwAtScenario < task.to
  ) {
    throw new Error(`injected fault at scenario ${faults.throwAtScenario}`);
  }
  if (faults?.exitAtScenario !== undefined && faults.exitAtScenario >= task.from && faults.exitAtScenario < task.to) {
    process.exit(1);
  }
  const outcome = evaluateSweepRange(
    context,
    task.from,
    task.to,
    { values: new Float64Array(task.columns), capacityRows: task.capacityRows, batchStart: task.batchStart },
    new Int32Array(task.progress),
    new Int32Array(task.stopAt),
  );
  return { ...outcome, hourlyRuns: context.hourlyRuns - runsBefore };
}
