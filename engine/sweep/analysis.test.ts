import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  ParetoFrontBuilder,
  paretoFront,
  paretoFrontOf,
  SensitivityBuilder,
  sensitivity,
  type ParetoObjectives,
} from './analysis.ts';

const point = (scenario: number, gridCapexEUR: number, resDeliveredTWh: number, landHa: number): ParetoObjectives => ({
  scenario,
  gridCapexEUR,
  resDeliveredTWh,
  landHa,
});

describe('paretoFrontOf', () => {
  it('keeps exactly the non-dominated points', () => {
    const points = [
      point(0, 10, 50, 100), // front: cheapest
      point(1, 20, 55, 100), // front: more TWh
      point(2, 20, 50, 100), // dominated by 0
      point(3, 30, 55, 90), // front: less land
      point(4, 30, 55, 95), // dominated by 3
      point(5, 10, 50, 100), // same objectives as 0: kept once
    ];
    expect(paretoFrontOf(points).map((p) => p.scenario)).toEqual([0, 1, 3]);
  });

  it('keeps every point of a strict trade-off', () => {
    const points = Array.from({ length: 10 }, (_, i) => point(i, i, i, 0));
    expect(paretoFrontOf(points)).toHaveLength(10);
  });
});

describe('sweep table analysis', () => {
  // two scenarios × (one region + NL)
  const table = tableFromArrays({
    scenario: Int32Array.of(0, 0, 1, 1, 2, 2),
    region: ['A', 'NL', 'A', 'NL', 'A', 'NL'],
    'defaults.solarShare': Float64Array.of(0.2, 0.2, 0.8, 0.8, 0.5, 0.5),
    'national.waccGrid': Float64Array.of(0.03, 0.03, 0.03, 0.03, 0.05, 0.05),
    gridCapexEUR: Float64Array.of(1, 100, 2, 300, 1, 150),
    resDeliveredTWh: Float64Array.of(1, 55, 1, 55, 1, 54),
    fieldSolarHa: Float64Array.of(0, 1000, 0, 4000, 0, 2500),
    windHa: Float64Array.of(0, 200, 0, 50, 0, 100),
  });

  it('finds the Pareto front among the national rows', () => {
    // 0: 100 € / 55 TWh / 1200 ha; 1: 300 / 55 / 4050 (dominated by 0); 2: 150 / 54 / 2600 (dominated by 0)
    expect(paretoFront(table)).toEqual([
      { scenario: 0, gridCapexEUR: 100, resDeliveredTWh: 55, landHa: 1200, axes: {} },
    ]);
    expect(paretoFront(table, ['national.waccGrid'])[0].axes).toEqual({ 'national.waccGrid': 0.03 });
  });

  it('ranks axes by the swing of an output between their low and high values', () => {
    const bars = sensitivity(table, ['defaults.solarShare', 'national.waccGrid'], 'gridCapexEUR').axes;
    expect(bars.map((b) => b.path)).toEqual(['defaults.solarShare', 'national.waccGrid']);
    expect(bars[0]).toMatchObject({ lowValue: 0.2, highValue: 0.8, outputAtLow: 100, outputAtHigh: 300, swing: 200 });
    // waccGrid: low 0.03 → mean(100, 300) = 200; high 0.05 → 150
    expect(bars[1]).toMatchObject({ lowValue: 0.03, highValue: 0.05, outputAtLow: 200, outputAtHigh: 150, swing: -50 });
  });

  it('works on a region’s rows and rejects unknown columns', () => {
    expect(sensitivity(table, ['defaults.solarShare'], 'gridCapexEUR', 'A').axes[0].swing).toBe(1);
    expect(() => sensitivity(table, ['defaults.solarShare'], 'nope')).toThrow(/unknown output column/);
  });

  it('gives the same front and bars fed batch by batch as on the whole table', () => {
    const axes = ['defaults.solarShare', 'national.waccGrid'];
    const front = new ParetoFrontBuilder(axes);
    const bars = new SensitivityBuilder(axes, 'gridCapexEUR', 'NL');
    for (const part of [table.slice(0, 3), table.slice(3, 4), table.slice(4)]) {
      front.add(part);
      bars.add(part);
    }
    expect(front.result()).toEqual(paretoFront(table, axes));
    expect(bars.result()).toEqual(sensitivity(table, axes, 'gridCapexEUR'));
    expect([...bars.regions].sort()).toEqual(['A', 'NL']);
  });

  it('leaves out cells that are not finite numbers and counts booleans as 0 and 1', () => {
    const odd = tableFromArrays({
      scenario: Int32Array.of(0, 1, 2, 3),
      region: ['NL', 'NL', 'NL', 'NL'],
      'defaults.solarShare': Float64Array.of(0, 0, 1, 1),
      gridCapexEUR: Float64Array.of(Number.POSITIVE_INFINITY, 10, 20, 30),
      resDeliveredTWh: Float64Array.of(1, 1, 1, 1),
      fieldSolarHa: Float64Array.of(0, 0, 0, 0),
      windHa: Float64Array.of(0, 0, 0, 0),
      route35Triggered: [true, false, true, true],
    });
    // Scenario 0 (capex Infinity) is not comparable; 1 has the lowest capex of the rest.
    expect(paretoFront(odd).map((p) => p.scenario)).toEqual([1]);
    // At solarShare 0 only scenario 1 counts (10); at 1: mean(20, 30) = 25.
    expect(sensitivity(odd, ['defaults.solarShare'], 'gridCapexEUR').axes[0]).toMatchObject({
      outputAtLow: 10,
      outputAtHigh: 25,
    });
    // Booleans: at 0 mean(1, 0) = 0.5; at 1: mean(1, 1) = 1.
    expect(sensitivity(odd, ['defaults.solarShare'], 'route35Triggered').axes[0]).toMatchObject({
      outputAtLow: 0.5,
      outputAtHigh: 1,
    });
  });

  it('gives no bar, but the reason, for an axis with one value left where a nullable output has values', () => {
    // The EB share has no value at an EB revenue of 0 (null), so only the revenue 1e9 is left to compare:
    // a bar would put its low and high end on the same rows (swing 0, the same value twice).
    const nullable = tableFromArrays({
      scenario: Int32Array.of(0, 1, 2, 3),
      region: ['NL', 'NL', 'NL', 'NL'],
      'national.ebRevenueEURPerYear': Float64Array.of(0, 0, 1e9, 1e9),
      'national.equityShare': Float64Array.of(0, 0.5, 0, 0.5),
      'national.waccState': Float64Array.of(0.02, 0.02, 0.02, 0.02),
      financeSubsidyEBShare: [null, null, 0.3, 0.2],
    });
    const result = sensitivity(
      nullable,
      ['national.ebRevenueEURPerYear', 'national.equityShare', 'national.waccState'],
      'financeSubsidyEBShare',
    );
    // The equity share has values at both ends: 0.3 at 0 and 0.2 at 0.5.
    expect(result.axes).toHaveLength(1);
    expect(result.axes[0]).toMatchObject({ path: 'national.equityShare', outputAtLow: 0.3, outputAtHigh: 0.2 });
    expect(result.axes[0].swing).toBeCloseTo(-0.1, 12);
    expect(result.axesWithoutBar).toEqual([
      { path: 'national.ebRevenueEURPerYear', reason: 'oneAxisValue' },
      { path: 'national.waccState', reason: 'oneAxisValue' },
    ]);
    // No row with a value at all: no bar for any axis.
    const empty = sensitivity(nullable.slice(0, 2), ['national.equityShare'], 'financeSubsidyEBShare');
    expect(empty).toEqual({ axes: [], axesWithoutBar: [{ path: 'national.equityShare', reason: 'noValues' }] });
  });

  it('never returns a bar whose two ends are the same rows, whatever the output', () => {
    const result = sensitivity(table, ['defaults.solarShare', 'national.waccGrid'], 'gridCapexEUR', 'NL');
    for (const bar of result.axes) expect(bar.lowValue).not.toBe(bar.highValue);
  });

  it('names a missing axis column', () => {
    expect(() => sensitivity(table, ['national.nope'], 'gridCapexEUR')).toThrow(/unknown axis column 'national.nope'/);
    expect(() => paretoFront(table, ['national.nope'])).toThrow(/unknown axis column 'national.nope'/);
  });
});
