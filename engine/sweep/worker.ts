/**
 * Piscina worker entry: a thin adapter that rebuilds the shared dataset once per sweep and runs
 * the same evaluateSweepRange the in-thread executor runs.
 */
import { createSweepContext, evaluateSweepRange, type SweepContext } from './evaluate-range.ts';
import type { SweepChunkResult, SweepChunkTask } from './protocol.ts';
import { datasetFromShared } from './shared-dataset.ts';

let current: { runId: string; context: SweepContext } | undefined;

/** Evaluates one chunk of scenarios into the shared columns. */
export default function runSweepChunk(task: SweepChunkTask): SweepChunkResult {
  if (current?.runId !== task.runId) {
    current = { runId: task.runId, context: createSweepContext(datasetFromShared(task.dataset), task.plan) };
  }
  const context = current.context;
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
  const done = evaluateSweepRange(
    context,
    task.from,
    task.to,
    { values: new Float64Array(task.columns), capacityRows: task.capacityRows, batchStart: task.batchStart },
    new Int32Array(task.progress),
    new Int32Array(task.cancel),
  );
  return { done, hourlyRuns: context.hourlyRuns - runsBefore };
}
