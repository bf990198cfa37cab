import type { Dataset } from '../data/types.ts';
import { KERNEL_OUTPUT_COUNT } from '../kernel/region-hours.ts';
import { computeOutputRows, resolveScenario, runScenarioHours } from '../model/evaluate.ts';
import { HeatProfileCache } from '../model/heat.ts';
import { LoadShapeCache } from '../model/load-shapes.ts';
import { firstNonFiniteOutput, nonFiniteMessage } from '../model/finite-results.ts';
import { OUTPUT_COUNT } from '../model/outputs.ts';
import { checkScenarioAgainstDataset } from '../scenario/validate.ts';
import { describeIssues } from './scenario-checks.ts';
import { SweepEnumerator } from './enumerate.ts';
import type { SweepPlan } from './spec.ts';

/**
 * Everything a thread needs to evaluate scenarios of one sweep, kept across its chunks: the
 * enumerator, heat profiles, and the kernel outputs of physical combinations already run.
 */
export interface SweepContext {
  dataset: Dataset;
  plan: SweepPlan;
  enumerator: SweepEnumerator;
  heatCache: HeatProfileCache;
  shapeCache: LoadShapeCache;
  /** Kernel outputs (regions × KERNEL_OUTPUT_COUNT) by physical combination id. */
  kernelCache: Map<number, Float64Array>;
  rows: Float64Array;
  axisValues: Float64Array;
  hourlyRuns: number;
}

/** Cached hourly results per thread; a few MB even at the cap (30 regions × 6 values × 8 bytes each). */
const KERNEL_CACHE_LIMIT = 8192;

/** Creates the per-thread state for evaluating scenarios of `plan` on `dataset`. */
export function createSweepContext(dataset: Dataset, plan: SweepPlan): SweepContext {
  return {
    dataset,
    plan,
    enumerator: new SweepEnumerator(plan),
    heatCache: new HeatProfileCache(),
    shapeCache: new LoadShapeCache(),
    kernelCache: new Map(),
    rows: new Float64Array((dataset.regions.length + 1) * OUTPUT_COUNT),
    axisValues: new Float64Array(plan.axes.length),
    hourlyRuns: 0,
  };
}

/**
 * Column-major result block of a batch: `axisCount` axis columns then OUTPUT_COUNT output
 * columns, each `capacityRows` long; scenario i's row for region r is (i − batchStart)·(R+1) + r,
 * its national row follows the regions.
 */
export interface BatchColumns {
  values: Float64Array;
  capacityRows: number;
  batchStart: number;
}

/** `stopAt` value of a sweep that runs to its end (scenario indices stay below it). */
export const NOT_STOPPED = 0x7fffffff;

/** A scenario `evaluate` would reject: the sweep fails naming it (see invalidScenarioError). */
export interface InvalidScenario {
  scenario: number;
  reason: string;
}

/** What evaluating a range did: scenarios written, and the invalid scenario it stopped at, if any. */
export interface RangeOutcome {
  done: number;
  invalid?: InvalidScenario;
}

/**
 * Evaluates scenarios [from, to) into `out`. The hourly kernel runs once per physical combination;
 * scenarios that differ only in finance axes reuse it and pay only the finance pass. Stops before
 * scenario `stopAt[0]` (0 when cancelled, the lowest invalid scenario found by any thread
 * otherwise), or at a scenario `evaluate` would reject: its parameters fail
 * the dataset checks (when the plan could not check them all up front) or its results are not
 * finite. Nothing of such a scenario is written.
 */
export function evaluateSweepRange(
  context: SweepContext,
  from: number,
  to: number,
  out: BatchColumns,
  progress: Int32Array | null,
  stopAt: Int32Array | null,
): RangeOutcome {
  const { dataset, enumerator, rows, axisValues } = context;
  const regionRows = dataset.regions.length + 1;
  const axisCount = context.plan.axes.length;
  const capacity = out.capacityRows;
  const values = out.values;
  for (let i = from; i < to; i++) {
    if (stopAt !== null && i >= Atomics.load(stopAt, 0)) return { done: i - from };
    const scenario = enumerator.scenario(i);
    if (context.plan.checkEachScenario) {
      const issues = checkScenarioAgainstDataset(scenario, dataset);
      if (issues.length > 0) return { done: i - from, invalid: { scenario: i, reason: describeIssues(issues) } };
    }
    const run = resolveScenario(dataset, scenario, context.heatCache, context.shapeCache);
    const physicalId = enumerator.physicalId(i);
    let kernel = context.kernelCache.get(physicalId);
    if (!kernel) {
      kernel = new Float64Array(dataset.regions.length * KERNEL_OUTPUT_COUNT);
      runScenarioHours(run, kernel);
      context.hourlyRuns++;
      if (context.kernelCache.size >= KERNEL_CACHE_LIMIT) context.kernelCache.clear();
      context.kernelCache.set(physicalId, kernel);
    }
    computeOutputRows(dataset, run, kernel, rows);
    const nonFinite = firstNonFiniteOutput(dataset, rows);
    if (nonFinite !== undefined)
      return { done: i - from, invalid: { scenario: i, reason: nonFiniteMessage([nonFinite]) } };
    enumerator.axisValues(i, axisValues);
    const firstRow = (i - out.batchStart) * regionRows;
    for (let a = 0; a < axisCount; a++) {
      const column = a * capacity + firstRow;
      for (let r = 0; r < regionRows; r++) values[column + r] = axisValues[a];
    }
    for (let k = 0; k < OUTPUT_COUNT; k++) {
      const column = (axisCount + k) * capacity + firstRow;
      for (let r = 0; r < regionRows; r++) values[column + r] = rows[r * OUTPUT_COUNT + k];
    }
    if (progress !== null) Atomics.add(progress, 0, 1);
  }
  return { done: to - from };
}
