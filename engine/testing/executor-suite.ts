import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { evaluate } from '../model/evaluate.ts';
import { OUTPUTS } from '../model/outputs.ts';
import { SweepEnumerator } from '../sweep/enumerate.ts';
import type { SweepExecutor } from '../sweep/executor.ts';
import { parseSweep } from '../sweep/spec.ts';

/** The tiny test dataset (4 regions, 24 hours) and a sweep over physical and finance axes on it. */
export const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
export const SPEC = {
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
export const plan = parseSweep(SPEC, dataset);
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-executor-'));

function readTable(file: string): Table {
  return tableFromIPC(readFileSync(file));
}

/** What a suite run needs: an executor, and how to release it (and whatever serves it) afterwards. */
export interface ExecutorUnderTest {
  executor: SweepExecutor;
  teardown: () => Promise<void>;
}

/**
 * One suite for every executor (duckdb-wasm style): the in-thread engine, the worker pool and the
 * remote workers on Redis must all pass it. `start` runs before the suite's first test.
 */
export function describeExecutor(label: string, start: () => Promise<ExecutorUnderTest>): void {
  describe(`sweep executor (${label})`, () => {
    let runner: SweepExecutor;
    let teardown: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ executor: runner, teardown } = await start());
    });
    afterAll(() => teardown?.());

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
