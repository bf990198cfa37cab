import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { SweepEnumerator } from './enumerate.ts';
import { createRandom, triangularFromUniform } from './random.ts';
import { parseSweep } from './spec.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));

function issuesOf(input: unknown, maxScenarios?: number): string {
  try {
    parseSweep(input, dataset, { maxScenarios });
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.where}: ${i.message}`).join('\n');
    throw error;
  }
  return '';
}

describe('parseSweep', () => {
  it('counts grid points times samples, and ignores samples without sampled axes', () => {
    const grid = parseSweep(
      {
        base: {},
        axes: [
          { path: 'defaults.solarShare', values: [0, 0.5, 1] },
          { path: 'national.waccGrid', values: [0.02, 0.04] },
        ],
        samples: 9,
      },
      dataset,
    );
    expect(grid.scenarioCount).toBe(6);
    expect(grid.samples).toBe(1);
    const mixed = parseSweep(
      {
        base: {},
        axes: [
          { path: 'national.waccGrid', values: [0.02, 0.04] },
          { path: 'regions.T1.storageMW', uniform: [0, 10] },
        ],
        samples: 5,
      },
      dataset,
    );
    expect(mixed.scenarioCount).toBe(10);
  });

  it('marks finance-only axes as not physical', () => {
    const plan = parseSweep(
      {
        base: {},
        axes: [
          { path: 'national.waccGrid', values: [0.02] },
          { path: 'national.copA', values: [3] },
          { path: 'regions.T2.gridFeedinMW', values: [1] },
          { path: 'defaults.shareHeatNet', values: [0.1] },
          { path: 'regions.T1.shareInsulationOnly', values: [0.1] },
          { path: 'defaults.resScale', values: [2] },
        ],
      },
      dataset,
    );
    expect(plan.axes.map((a) => a.physical)).toEqual([false, true, true, false, false, true]);
  });

  const cases: Array<[string, unknown, string]> = [
    [
      'a path with an unknown layer',
      { base: {}, axes: [{ path: 'foo.bar', values: [1] }] },
      "axes.0.path: must be 'national.<parameter>'",
    ],
    [
      'an unknown national parameter',
      { base: {}, axes: [{ path: 'national.price', values: [1] }] },
      "axes.0.path: unknown national parameter 'price'",
    ],
    [
      'an unknown region',
      { base: {}, axes: [{ path: 'regions.T9.storageMW', values: [1] }] },
      "axes.0.path: unknown region id 'T9'",
    ],
    [
      'an unknown regional parameter',
      { base: {}, axes: [{ path: 'defaults.storage', values: [1] }] },
      "axes.0.path: unknown regional parameter 'storage'",
    ],
    [
      'a value out of bounds',
      { base: {}, axes: [{ path: 'defaults.fieldSolarClip', values: [0.5, 0] }] },
      'axes.0.values.1: must lie in (0, 1]',
    ],
    [
      'null outside solarShare',
      { base: {}, axes: [{ path: 'defaults.storageMW', values: [null] }] },
      'axes.0.values.0: null is allowed only for solarShare',
    ],
    [
      'an empty value list',
      { base: {}, axes: [{ path: 'defaults.storageMW', values: [] }] },
      'axes.0.values: needs at least one value',
    ],
    [
      'a decreasing range',
      { base: {}, axes: [{ path: 'defaults.storageMW', uniform: [10, 0] }] },
      'axes.0.uniform: values must be in increasing order',
    ],
    [
      'a triangular mode outside the range',
      { base: {}, axes: [{ path: 'national.waccGrid', triangular: [0.02, 0.05, 0.04] }] },
      'axes.0.triangular: values must be in increasing order',
    ],
    [
      'a negative sampled bound',
      { base: {}, axes: [{ path: 'defaults.evCount', uniform: [-1, 10] }] },
      'axes.0.uniform.0: must not be negative',
    ],
    [
      'two kinds in one axis',
      { base: {}, axes: [{ path: 'defaults.evCount', values: [1], uniform: [0, 1] }] },
      'axes.0',
    ],
    [
      'a duplicate path',
      {
        base: {},
        axes: [
          { path: 'defaults.evCount', values: [1] },
          { path: 'defaults.evCount', values: [2] },
        ],
      },
      'axes.1.path: path',
    ],
    [
      'share combinations above 1',
      { base: { defaults: { shareHybrid: 0.5 } }, axes: [{ path: 'defaults.shareAllElectric', values: [0.2, 0.6] }] },
      'axes: scenario 1 (defaults.shareAllElectric = 0.6) is invalid: defaults: heat strategy shares sum to 1.1',
    ],
    [
      'COP combinations out of order',
      { base: {}, axes: [{ path: 'national.copMin', values: [2, 6] }] },
      'axes: scenario 1 (national.copMin = 6) is invalid: national.copMin: copMin (6) is greater than copMax (5)',
    ],
    [
      'an invalid base',
      { base: { defaults: { storageMW: -1 } }, axes: [] },
      'base.defaults.storageMW: must not be negative',
    ],
    ['an unknown top-level key', { base: {}, axes: [], runs: 3 }, 'runs: unknown key'],
    ['samples below 1', { base: {}, axes: [], samples: 0 }, 'samples: must be at least 1'],
    ['a fractional seed', { base: {}, axes: [], seed: 1.5 }, 'seed: must be a whole number'],
  ];
  for (const [label, input, expected] of cases) {
    it(`rejects ${label}`, () => expect(issuesOf(input)).toContain(expected));
  }

  it('rejects a sweep above the scenario cap', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const input = {
      base: {},
      axes: [
        { path: 'defaults.evCount', values },
        { path: 'defaults.industryAddMW', values },
      ],
    };
    expect(issuesOf(input, 9999)).toContain('axes: the sweep has 10000 scenarios, more than the maximum of 9999');
    expect(issuesOf(input, 10000)).toBe('');
  });
});

describe('SweepEnumerator', () => {
  const plan = parseSweep(
    {
      base: { regions: { T1: { storageMW: 1 } } },
      axes: [
        { path: 'defaults.solarShare', values: [0.2, null] },
        { path: 'national.waccGrid', values: [0.01, 0.02, 0.03] },
        { path: 'regions.T1.storageMWh', uniform: [0, 10] },
        { path: 'national.costFeedinEURPerMW', triangular: [1, 2, 4] },
      ],
      samples: 2,
      seed: 42,
    },
    dataset,
  );
  const enumerator = new SweepEnumerator(plan);
  const values = new Float64Array(4);

  it('puts the first axis slowest and the sample index fastest (MODEL.md §5)', () => {
    expect(plan.scenarioCount).toBe(12);
    const seen: number[][] = [];
    for (let i = 0; i < 12; i++) {
      enumerator.axisValues(i, values);
      seen.push([...values]);
    }
    expect(seen.map((v) => v[0])).toEqual([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, NaN, NaN, NaN, NaN, NaN, NaN]);
    expect(seen.map((v) => v[1])).toEqual([0.01, 0.01, 0.02, 0.02, 0.03, 0.03, 0.01, 0.01, 0.02, 0.02, 0.03, 0.03]);
    // the same two draws at every grid point
    for (let i = 2; i < 12; i++) expect(seen[i].slice(2)).toEqual(seen[i % 2].slice(2));
    expect(seen[0][2]).not.toBe(seen[1][2]);
    for (const v of seen) {
      expect(v[2]).toBeGreaterThanOrEqual(0);
      expect(v[2]).toBeLessThanOrEqual(10);
      expect(v[3]).toBeGreaterThanOrEqual(1);
      expect(v[3]).toBeLessThanOrEqual(4);
    }
  });

  it('builds each scenario from the base and the axis values', () => {
    const scenario = enumerator.scenario(7);
    expect(scenario.defaults.solarShare).toBeNull();
    expect(scenario.national.waccGrid).toBe(0.01);
    expect(scenario.regions.T1.storageMW).toBe(1);
    expect(scenario.regions.T1.storageMWh).toBe(plan.draws[1 * 2 + 0]);
    expect(plan.base.regions.T1.storageMWh).toBeUndefined();
  });

  it('groups scenarios that differ only in finance axes into one physical run', () => {
    // physical: solarShare (grid) and the storage draw (sampled) → 2 × 2 combinations
    expect(enumerator.physicalCount).toBe(4);
    const ids = Array.from({ length: 12 }, (_, i) => enumerator.physicalId(i));
    expect(ids).toEqual([0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3]);
  });

  it('draws the same values from the same seed, different ones from another', () => {
    const again = parseSweep(
      {
        ...JSON.parse(JSON.stringify({ base: {}, axes: [{ path: 'defaults.evCount', uniform: [0, 1] }], samples: 5 })),
        seed: 42,
      },
      dataset,
    );
    const same = parseSweep(
      { base: {}, axes: [{ path: 'defaults.evCount', uniform: [0, 1] }], samples: 5, seed: 42 },
      dataset,
    );
    const other = parseSweep(
      { base: {}, axes: [{ path: 'defaults.evCount', uniform: [0, 1] }], samples: 5, seed: 43 },
      dataset,
    );
    expect([...again.draws]).toEqual([...same.draws]);
    expect([...other.draws]).not.toEqual([...same.draws]);
  });
});

describe('random draws', () => {
  it('are uniform on [0, 1) with a stable sequence', () => {
    const random = createRandom(1);
    const draws = Array.from({ length: 20000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, v) => s + v, 0) / draws.length).toBeCloseTo(0.5, 2);
    // pinned: the same seed must give the same numbers on every machine
    const first = createRandom(2024);
    expect([first(), first(), first()].map((v) => v.toFixed(12))).toMatchSnapshot();
  });

  it('map to the triangular distribution by its inverse CDF', () => {
    expect(triangularFromUniform(0, 1, 2, 4)).toBe(1);
    expect(triangularFromUniform(1, 1, 2, 4)).toBe(4);
    expect(triangularFromUniform(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12); // F(mode) = (2−1)/(4−1)
    expect(triangularFromUniform(0.5, 3, 3, 3)).toBe(3);
  });
});
