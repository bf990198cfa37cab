import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import {
  countInput,
  deepJson,
  fuzzParameters,
  oddValue,
  sweepLike,
  writeFuzzReport,
  expectValueOrLocatedIssues,
} from '../testing/fuzz-support.ts';
import { parseSweep } from './spec.ts';

const tiny = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const ids = tiny.regions.map((region) => region.id);

/** parseSweep returns a plan within the cap or throws a ValidationError with located issues; nothing else, never slowly. */
function check(input: unknown, maxScenarios = 500): void {
  countInput('engine.parseSweep');
  expectValueOrLocatedIssues(
    () => parseSweep(input, tiny, { maxScenarios }),
    (plan) => {
      expect(plan.scenarioCount).toBeLessThanOrEqual(maxScenarios);
      expect(plan.scenarioCount).toBeGreaterThan(0);
      for (const value of plan.draws) expect(Number.isFinite(value)).toBe(true);
    },
  );
}

afterAll(writeFuzzReport);

describe('parseSweep under fuzzing', () => {
  it('sweep-shaped inputs: a plan or located issues, never another exception', () => {
    fc.assert(
      fc.property(sweepLike(ids), (input) => check(input)),
      fuzzParameters(300),
    );
  });

  it('any JSON-like value', () => {
    fc.assert(
      fc.property(oddValue, (input) => check(input)),
      fuzzParameters(150),
    );
  });

  it('deeply nested JSON as base or axes', () => {
    fc.assert(
      fc.property(deepJson, fc.boolean(), (text, asBase) =>
        check(asBase ? { base: JSON.parse(text), axes: [] } : { base: {}, axes: JSON.parse(text) }),
      ),
      fuzzParameters(20),
    );
  });

  it('the scenario cap holds for huge grids and sample counts', () => {
    const values = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(values, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (grids, samples) =>
          check(
            {
              base: {},
              axes: [
                ...grids
                  .map((grid, a) => ({ path: a % 2 ? `defaults.shareHybrid` : `national.waccGrid`, values: grid }))
                  .slice(0, 2),
                ...grids.slice(2).map((grid, a) => ({
                  path: `regions.${ids[a % ids.length]}.${['storageMW', 'storageMWh', 'resScale'][Math.floor(a / ids.length) % 3]}`,
                  values: grid,
                })),
                { path: 'national.costFeedinEURPerMW', uniform: [1, 2] },
              ],
              samples,
            },
            1_000_000,
          ),
      ),
      fuzzParameters(40),
    );
  });
});
