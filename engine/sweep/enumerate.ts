import type { Scenario } from '../scenario/schema.ts';
import type { AxisTarget, SweepPlan } from './spec.ts';

/** Sets one axis value on a scenario (mutating it); the scenario must be a private copy. */
export function setAxisValue(scenario: Scenario, target: AxisTarget, value: number | null): void {
  if (target.layer === 'national') scenario.national[target.param] = value as number;
  else if (target.layer === 'defaults') scenario.defaults[target.param] = value;
  else (scenario.regions[target.region] ??= {})[target.param] = value;
}

/** A deep copy of a scenario (its layers are flat records of numbers). */
export function copyScenario(scenario: Scenario): Scenario {
  const regions: Scenario['regions'] = {};
  for (const id of Object.keys(scenario.regions)) regions[id] = { ...scenario.regions[id] };
  return { name: scenario.name, national: { ...scenario.national }, defaults: { ...scenario.defaults }, regions };
}

/**
 * Maps scenario indices of a sweep to axis values (MODEL.md §5: grid axes form the Cartesian
 * product with the first axis slowest; each grid point takes every sample, sample index fastest)
 * and to a physical combination id: scenarios with the same id differ only in finance-only axes
 * and share one hourly run.
 */
export class SweepEnumerator {
  readonly plan: SweepPlan;
  readonly physicalCount: number;
  private readonly gridSizes: number[];
  private readonly samplesPhysical: boolean;
  private readonly gridIndex: Int32Array;

  constructor(plan: SweepPlan) {
    this.plan = plan;
    this.gridSizes = plan.gridAxes.map((a) => plan.axes[a].values.length);
    this.samplesPhysical = plan.sampledAxes.some((a) => plan.axes[a].physical);
    this.gridIndex = new Int32Array(plan.gridAxes.length);
    let count = this.samplesPhysical ? plan.samples : 1;
    plan.gridAxes.forEach((a, j) => {
      if (plan.axes[a].physical) count *= this.gridSizes[j];
    });
    this.physicalCount = count;
  }

  /** Decomposes scenario `i` into grid indices (kept in this.gridIndex) and returns its sample index. */
  private decompose(i: number): number {
    const samples = this.plan.samples;
    let gridPoint = Math.floor(i / samples);
    for (let j = this.gridSizes.length - 1; j >= 0; j--) {
      this.gridIndex[j] = gridPoint % this.gridSizes[j];
      gridPoint = Math.floor(gridPoint / this.gridSizes[j]);
    }
    return i % samples;
  }

  /** Writes the value of every axis in scenario `i` into `out` (NaN stands for null). */
  axisValues(i: number, out: Float64Array): void {
    const plan = this.plan;
    const sample = this.decompose(i);
    plan.gridAxes.forEach((a, j) => {
      const value = plan.axes[a].values[this.gridIndex[j]];
      out[a] = value === null ? Number.NaN : value;
    });
    plan.sampledAxes.forEach((a, k) => {
      out[a] = plan.draws[sample * plan.sampledAxes.length + k];
    });
  }

  /** The scenario with index `i`: the base with every axis set. */
  scenario(i: number): Scenario {
    const plan = this.plan;
    const sample = this.decompose(i);
    const scenario = copyScenario(plan.base);
    plan.gridAxes.forEach((a, j) => {
      setAxisValue(scenario, plan.axes[a].target, plan.axes[a].values[this.gridIndex[j]]);
    });
    plan.sampledAxes.forEach((a, k) => {
      setAxisValue(scenario, plan.axes[a].target, plan.draws[sample * plan.sampledAxes.length + k]);
    });
    return scenario;
  }

  /** Id in [0, physicalCount) of the hourly run scenario `i` needs. */
  physicalId(i: number): number {
    const plan = this.plan;
    const sample = this.decompose(i);
    let id = 0;
    plan.gridAxes.forEach((a, j) => {
      if (plan.axes[a].physical) id = id * this.gridSizes[j] + this.gridIndex[j];
    });
    return this.samplesPhysical ? id * plan.samples + sample : id;
  }
}
