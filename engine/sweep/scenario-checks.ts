import type { Dataset } from '../data/types.ts';
import { formatIssue, type Issue, ValidationError } from '../errors.ts';
import { checkScenarioAgainstDataset, CROSS_CHECKED_PARAMS } from '../scenario/validate.ts';
import { SweepEnumerator } from './enumerate.ts';
import type { SweepPlan } from './spec.ts';

/**
 * Distinct combinations of cross-checked parameters a sweep checks before it runs (a few hundred
 * ms at most); beyond this, each scenario is checked as it is evaluated instead.
 */
export const PRECHECK_LIMIT = 10_000;

/** `defaults.solarShare = 0, national.waccGrid = 0.03`: the axis values of scenario `index`. */
export function describeAxisValues(plan: SweepPlan, index: number, enumerator = new SweepEnumerator(plan)): string {
  const values = new Float64Array(plan.axes.length);
  enumerator.axisValues(index, values);
  return plan.axes.map((axis, a) => `${axis.path} = ${Number.isNaN(values[a]) ? 'null' : values[a]}`).join(', ');
}

/** The one-line error of a sweep whose scenario `index` `evaluate` would reject for `reason`. */
export function invalidScenarioError(plan: SweepPlan, index: number, reason: string): ValidationError {
  const axes = plan.axes.length > 0 ? ` (${describeAxisValues(plan, index)})` : '';
  return new ValidationError([{ where: 'axes', message: `scenario ${index}${axes} is invalid: ${reason}` }]);
}

/** The first of a scenario's dataset issues as one line, with a count of the others. */
export function describeIssues(issues: readonly Issue[]): string {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${formatIssue(issues[0])}${more}`;
}

/**
 * Checks, before a sweep runs, every scenario's parameters against the dataset as `evaluate`
 * would (share sums, COP order, production on a profile summing to 0). Only axes over
 * cross-checked parameters can change the outcome, so one scenario per distinct combination of
 * them is checked, in scenario order: the first failure is the sweep's first invalid scenario.
 * Throws its ValidationError; returns false when there are too many combinations to check now
 * (each scenario is then checked as it runs).
 */
export function precheckScenarios(plan: SweepPlan, dataset: Dataset): boolean {
  const checkedGrid = plan.gridAxes.filter((a) => CROSS_CHECKED_PARAMS.has(plan.axes[a].target.param));
  const samplesChecked = plan.sampledAxes.some((a) => CROSS_CHECKED_PARAMS.has(plan.axes[a].target.param));
  const sizes = plan.gridAxes.map((a) => plan.axes[a].values.length);
  let combinations = samplesChecked ? plan.samples : 1;
  for (const a of checkedGrid) combinations *= plan.axes[a].values.length;
  if (combinations > PRECHECK_LIMIT) return false;

  // Scenario index of grid point g and sample s is g·samples + s; grid point digits run first axis slowest.
  const strides = sizes.map((_, j) => sizes.slice(j + 1).reduce((product, size) => product * size, 1));
  const checkedPositions = checkedGrid.map((a) => plan.gridAxes.indexOf(a));
  const enumerator = new SweepEnumerator(plan);
  for (let c = 0; c < combinations; c++) {
    let rest = c;
    const sample = samplesChecked ? rest % plan.samples : 0;
    if (samplesChecked) rest = Math.floor(rest / plan.samples);
    let gridPoint = 0;
    for (let k = checkedPositions.length - 1; k >= 0; k--) {
      const j = checkedPositions[k];
      gridPoint += (rest % sizes[j]) * strides[j];
      rest = Math.floor(rest / sizes[j]);
    }
    const index = gridPoint * plan.samples + sample;
    const issues = checkScenarioAgainstDataset(enumerator.scenario(index), dataset);
    if (issues.length > 0) throw invalidScenarioError(plan, index, describeIssues(issues));
  }
  return true;
}
