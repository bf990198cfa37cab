import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { evaluate } from '../model/evaluate.ts';
import { SweepEnumerator } from './enumerate.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep } from './spec.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny-v2/dataset'));
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-weather-sweep-'));
const SPEC = {
  base: { defaults: { shareAllElectric: 0.2, shareHybrid: 0.2, evCount: 100 } },
  axes: [
    { path: 'national.weatherYear', values: [null, 2030, 2031] },
    { path: 'defaults.wijkClustering', values: [0, 1] },
    { path: 'national.costLvEURPerMW', values: [0, 2e6] },
  ],
};

function issuesOf(spec: unknown): string[] {
  try {
    parseSweep(spec, dataset);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('national.weatherYear as a sweep axis (MODEL.md §5, §10)', () => {
  const plan = parseSweep(SPEC, dataset);

  it('is hourly, like clustering; the LV cost is finance-only', () => {
    expect(plan.axes.map((axis) => axis.physical)).toEqual([true, true, false]);
    expect(new SweepEnumerator(plan).physicalCount).toBe(6);
  });

  it('takes only years the dataset has, or null, and no distributions', () => {
    expect(issuesOf({ ...SPEC, axes: [{ path: 'national.weatherYear', values: [1987] }] })).toEqual([
      'axes.0.values.0: the dataset has no weather year 1987 (it has 2030, 2031, or null for the reference profiles)',
    ]);
    expect(issuesOf({ ...SPEC, axes: [{ path: 'national.weatherYear', values: [2030.5] }] })).toEqual([
      'axes.0.values.0: must be a whole year or null, got 2030.5',
    ]);
    expect(issuesOf({ ...SPEC, axes: [{ path: 'national.weatherYear', uniform: [2030, 2031] }] })).toEqual([
      'axes.0: national.weatherYear takes a list of years (values), not a distribution',
    ]);
  });

  for (const workers of [0, 2]) {
    describe(`run with ${workers === 0 ? 'the in-thread engine' : `${workers} worker threads`}`, () => {
      const runner = new SweepRunner({ workers });
      afterAll(() => runner.close());

      it('holds the year in its column (null for the reference) and every row equals a single evaluation', async () => {
        const outFile = join(scratch, `weather-${workers}.arrow`);
        const summary = await runner.run(dataset, plan, { outFile });
        expect(summary.scenarios).toBe(12);
        const table = tableFromIPC(readFileSync(outFile));
        const enumerator = new SweepEnumerator(plan);
        const regionRows = dataset.regions.length + 1;
        for (let scenario = 0; scenario < 12; scenario++) {
          const expected = evaluate(dataset, enumerator.scenario(scenario));
          const national = table.get(scenario * regionRows + dataset.regions.length)!.toJSON() as Record<
            string,
            unknown
          >;
          expect(national['national.weatherYear']).toBe([null, 2030, 2031][Math.floor(scenario / 4)]);
          for (const name of ['resDeliveredTWh', 'lvReinforceMW', 'lvCapexEUR', 'gridCapexEUR', 'gasAvoidedM3'])
            expect(national[name], `scenario ${scenario} ${name}`).toBe(
              (expected.national as unknown as Record<string, number>)[name],
            );
        }
      });
    });
  }
});
