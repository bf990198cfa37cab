import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { isHourlyNationalParam } from '../scenario/hourly-params.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep } from './spec.ts';

// The v2 example has arable land in every region; its financing, uitvoering and land parameters act
// after the hourly run only.
const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny-v2/dataset'));
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-finance-axes-'));

describe('sweeps over the financing, uitvoering and land parameters', () => {
  const runner = new SweepRunner({ workers: 0 });
  afterAll(() => runner.close());

  it('are finance-only in the one list of what the kernel reads', () => {
    const names = [
      'equityShare',
      'waccState',
      'uitvoeringWarmteEURPerHome',
      'uitvoeringRESEURPerTWh',
      'homesPerHa',
      'housingGrowthShare',
    ] as const;
    expect(names.filter(isHourlyNationalParam)).toEqual([]);
  });

  it('reuse one hourly run for every combination', async () => {
    const plan = parseSweep(
      {
        base: { defaults: { shareHybrid: 0.3, storageMW: 5, storageMWh: 10 } },
        axes: [
          { path: 'national.equityShare', values: [0, 0.5, 1] },
          { path: 'national.waccState', values: [0, 0.02] },
          { path: 'national.uitvoeringWarmteEURPerHome', uniform: [1000, 3000] },
          { path: 'national.uitvoeringRESEURPerTWh', uniform: [2e7, 8e7] },
          { path: 'national.homesPerHa', triangular: [20, 30, 40] },
          { path: 'national.housingGrowthShare', uniform: [0, 0.2] },
        ],
        samples: 3,
        seed: 5,
      },
      dataset,
    );
    const summary = await runner.run(dataset, plan, { outFile: join(scratch, 'finance.arrow') });
    expect(summary.scenarios).toBe(18);
    expect(summary.hourlyRuns).toBe(1);
  });

  it('writes the nullable outputs as nullable Arrow columns: null without revenue, numbers otherwise', async () => {
    const plan = parseSweep({ base: {}, axes: [{ path: 'national.ebRevenueEURPerYear', values: [0, 1e9] }] }, dataset);
    const outFile = join(scratch, 'nullable.arrow');
    await runner.run(dataset, plan, { outFile });
    const table = tableFromIPC(readFileSync(outFile));
    const share = table.getChild('financeSubsidyEBShare')!;
    const land = table.getChild('landClaimShareOfArable')!;
    expect(table.schema.fields.find((f) => f.name === 'financeSubsidyEBShare')!.nullable).toBe(true);
    const regionRows = dataset.regions.length + 1;
    // scenario 0: no revenue → null on the national row; scenario 1: a share
    expect(share.get(regionRows - 1)).toBeNull();
    expect(share.get(2 * regionRows - 1)).toBeGreaterThan(0);
    expect(share.get(0)).toBeNull(); // a national-only output on a region row
    // every region of the example has arable land, so the share exists on every row
    for (let row = 0; row < 2 * regionRows; row++) expect(land.get(row)).toBeGreaterThan(0);
  });
});
