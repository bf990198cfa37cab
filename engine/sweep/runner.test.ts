import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { dataset, describeExecutor, plan } from '../testing/executor-suite.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep } from './spec.ts';

const scratch = mkdtempSync(join(tmpdir(), 'samenhang-sweep-'));

function readTable(file: string): Table {
  return tableFromIPC(readFileSync(file));
}

describeExecutor('in-thread', async () => {
  const runner = new SweepRunner({ workers: 0 });
  return { executor: runner, teardown: () => runner.close() };
});
describeExecutor('pool', async () => {
  const runner = new SweepRunner({ workers: 2 });
  return { executor: runner, teardown: () => runner.close() };
});

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
