import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { evaluate } from '../model/evaluate.ts';
import { OUTPUTS } from '../model/outputs.ts';
import { SweepEnumerator } from './enumerate.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep } from './spec.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-sweep-'));
const SPEC = {
  base: { national: { ebReinvestShare: 0.2 }, regions: { T1: { shareHybrid: 0.3, evCount: 100 } } },
  axes: [
    { path: 'defaults.solarShare', values: [0, 0.5, null] },
    { path: 'national.waccGrid', values: [0, 0.03] },
    { path: 'regions.T3.storageMWh', uniform: [0, 50] },
    { path: 'national.gasPriceEURPerM3', triangular: [0.3, 0.5, 1.0] },
  ],
  samples: 3,
  seed: 11,
};
const plan = parseSweep(SPEC, dataset);

function readTable(file: string): Table {
  return tableFromIPC(readFileSync(file));
}

/** One suite, two executors: the in-thread engine and the worker pool (duckdb-wasm style). */
function describeRunner(label: string, workers: number): void {
  describe(`SweepRunner (${label})`, () => {
    const runner = new SweepRunner({ workers });
    afterAll(() => runner.close());

    it('writes one row per scenario and region plus a national row, re-evaluable row by row', async () => {
      const outFile = join(scratch, `${label}.arrow`);
      const summary = await runner.run(dataset, plan, { outFile, batchScenarios: 5, chunkSize: 2 });
      expect(summary.scenarios).toBe(18);
      expect(summary.rows).toBe(18 * 5);
      expect(existsSync(`${outFile}.partial`)).toBe(false);
      const table = readTable(outFile);
      expect(table.numRows).toBe(90);
      expect(table.schema.fields.map((f) => f.name)).toEqual([
        'scenario',
        'region',
        ...plan.axisPaths,
        ...OUTPUTS.map((o) => o.name),
      ]);
      const enumerator = new SweepEnumerator(plan);
      for (let scenario = 0; scenario < 18; scenario++) {
        const expected = evaluate(dataset, enumerator.scenario(scenario));
        for (let r = 0; r < 5; r++) {
          const row = table.get(scenario * 5 + r)!.toJSON() as Record<string, unknown>;
          expect(row.scenario).toBe(scenario);
          if (r < 4) {
            expect(row.region).toBe(expected.regions[r].id);
            for (const output of OUTPUTS) {
              if (output.scope === 'national') expect(row[output.name]).toBeNull();
              else expect(row[output.name]).toBe((expected.regions[r] as Record<string, number>)[output.name]);
            }
          } else {
            expect(row.region).toBe('NL');
            for (const output of OUTPUTS) {
              if (output.scope === 'region') expect(row[output.name]).toBeNull();
              else expect(row[output.name]).toBe((expected.national as Record<string, unknown>)[output.name]);
            }
          }
        }
      }
      // the axis columns hold the values used (null for solarShare null)
      expect(table.getChild('defaults.solarShare')!.get(12 * 5)).toBeNull();
      expect(table.getChild('national.waccGrid')!.get(3 * 5)).toBe(0.03);
    });

    it('runs the hourly kernel once per physical combination when finance axes repeat it', async () => {
      const financeOnly = parseSweep(
        { base: {}, axes: [{ path: 'national.ebReinvestShare', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] }] },
        dataset,
      );
      const summary = await runner.run(dataset, financeOnly, {
        outFile: join(scratch, `${label}-finance.arrow`),
        chunkSize: 6,
      });
      expect(summary.hourlyRuns).toBe(1);
    });

    it('writes CSV with empty cells for null', async () => {
      const outFile = join(scratch, `${label}.csv`);
      await runner.run(dataset, plan, { outFile, format: 'csv' });
      const lines = readFileSync(outFile, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(91);
      expect(lines[0].startsWith('scenario,region,defaults.solarShare,national.waccGrid')).toBe(true);
      const national = lines[5].split(',');
      expect(national[1]).toBe('NL');
      expect(national[national.length - 2]).toBe('true'); // route35Triggered on a tiny dataset
    });

    it('stops promptly on cancel and leaves no file', async () => {
      // Large enough to run for seconds; cancelled at the first progress report, whatever the load.
      const big = parseSweep(
        { base: {}, axes: [{ path: 'defaults.evCount', uniform: [0, 1000] }], samples: 400000 },
        dataset,
      );
      const abort = new AbortController();
      const outFile = join(scratch, `${label}-cancelled.arrow`);
      const running = runner.run(dataset, big, {
        outFile,
        signal: abort.signal,
        chunkSize: 50,
        batchScenarios: 500,
        onProgress: () => abort.abort(),
      });
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      expect(existsSync(outFile)).toBe(false);
      expect(existsSync(`${outFile}.partial`)).toBe(false);
    });

    it('fails with the worker’s message and leaves no file when a chunk throws', async () => {
      const outFile = join(scratch, `${label}-failed.arrow`);
      await expect(
        runner.run(dataset, plan, { outFile, chunkSize: 2, batchScenarios: 4, faults: { throwAtScenario: 9 } }),
      ).rejects.toThrow('injected fault at scenario 9');
      expect(readdirSync(scratch).filter((f) => f.startsWith(`${label}-failed`))).toEqual([]);
      // and the runner still works afterwards
      const summary = await runner.run(dataset, plan, { outFile });
      expect(summary.scenarios).toBe(18);
    });

    it('reports progress up to the total', async () => {
      const seen: number[] = [];
      await runner.run(dataset, plan, {
        outFile: join(scratch, `${label}-progress.arrow`),
        onProgress: (done, total) => seen.push(done / total),
      });
      expect(seen[seen.length - 1]).toBe(1);
    });
  });
}

describeRunner('in-thread', 0);
describeRunner('pool', 2);

describe('hourly runs', () => {
  it('counts the heat-network and insulation-only shares as finance-only (warmte-mix: 12 runs for 24 scenarios)', async () => {
    const bundled = loadDataset();
    const spec = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/sweeps/warmte-mix.json'), 'utf8'));
    const warmteMix = parseSweep(spec, bundled);
    expect(warmteMix.scenarioCount).toBe(24);
    const runner = new SweepRunner({ workers: 0 });
    const summary = await runner.run(bundled, warmteMix, { outFile: join(scratch, 'warmte-mix.arrow') });
    expect(summary.hourlyRuns).toBe(12);
  });

  it('keeps each sweep’s cache when two finance-only sweeps share the pool', async () => {
    const financeOnly = (path: string) =>
      parseSweep({ base: {}, axes: [{ path, uniform: [0.01, 0.05] }], samples: 200, seed: 3 }, dataset);
    const runner = new SweepRunner({ workers: 2 });
    const [a, b] = await Promise.all([
      runner.run(dataset, financeOnly('national.waccGrid'), { outFile: join(scratch, 'fa.arrow'), chunkSize: 1 }),
      runner.run(dataset, financeOnly('national.consumerRate'), { outFile: join(scratch, 'fb.arrow'), chunkSize: 1 }),
    ]);
    await runner.close();
    // One hourly run per sweep and thread at most, however the two sweeps' tasks interleave.
    expect(a.hourlyRuns).toBeLessThanOrEqual(2);
    expect(b.hourlyRuns).toBeLessThanOrEqual(2);
  });
});

describe('SweepRunner determinism', () => {
  it('writes identical files for 1 and 2 workers and any chunk and batch size', async () => {
    const files: Buffer[] = [];
    for (const [workers, chunkSize, batchScenarios] of [
      [1, undefined, undefined],
      [2, 1, undefined],
      [2, 7, undefined],
      [0, 3, undefined],
    ] as const) {
      const runner = new SweepRunner({ workers });
      const outFile = join(scratch, `det-${workers}-${chunkSize}.arrow`);
      await runner.run(dataset, plan, { outFile, chunkSize, batchScenarios });
      await runner.close();
      files.push(readFileSync(outFile));
    }
    for (const file of files.slice(1)) expect(file.equals(files[0])).toBe(true);
  });

  it('gives the same table for another batch size (record batches differ, rows do not)', async () => {
    const runner = new SweepRunner({ workers: 0 });
    await runner.run(dataset, plan, { outFile: join(scratch, 'b1.arrow'), batchScenarios: 1 });
    await runner.run(dataset, plan, { outFile: join(scratch, 'b18.arrow'), batchScenarios: 18 });
    const a = readTable(join(scratch, 'b1.arrow'));
    const b = readTable(join(scratch, 'b18.arrow'));
    expect(a.toArray().map((row) => row.toJSON())).toEqual(b.toArray().map((row) => row.toJSON()));
  });

  it('fails the sweep when a worker thread dies, and the pool recovers', async () => {
    const runner = new SweepRunner({ workers: 2 });
    const outFile = join(scratch, 'killed.arrow');
    await expect(runner.run(dataset, plan, { outFile, chunkSize: 1, faults: { exitAtScenario: 4 } })).rejects.toThrow();
    expect(existsSync(outFile)).toBe(false);
    expect(existsSync(`${outFile}.partial`)).toBe(false);
    const summary = await runner.run(dataset, plan, { outFile });
    expect(summary.scenarios).toBe(18);
    await runner.close();
  });
});
