import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { tinyWithZeroWindRegion, tinyWithZeroWindRegionSource } from '../testing/fuzz-support.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep } from './spec.ts';
import { warningLines } from '../data/warnings.ts';

const zeroWind = tinyWithZeroWindRegion();
const tiny = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-invalid-'));
const WIND_ON_ZERO_PROFILE = "regions.T5: wind production given but wind profile 'wnd0' sums to 0";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues).toHaveLength(1);
    return `${issues[0].where}: ${issues[0].message}`;
  }
  throw new Error('expected a ValidationError');
}

describe('a sweep holding a scenario evaluate rejects', () => {
  it('fails before running, naming the first such scenario and its axis values (solarShare is not monotone)', () => {
    // solarShare 0 moves T5's solar onto its all-zero wind profile; solarShare 1 is fine.
    const spec = (values: number[]) => ({ base: {}, axes: [{ path: 'defaults.solarShare', values }] });
    expect(messageOf(() => parseSweep(spec([0, 1]), zeroWind))).toBe(
      `axes: scenario 0 (defaults.solarShare = 0) is invalid: ${WIND_ON_ZERO_PROFILE}`,
    );
    expect(messageOf(() => parseSweep(spec([1, 0.5, 0]), zeroWind))).toBe(
      `axes: scenario 1 (defaults.solarShare = 0.5) is invalid: ${WIND_ON_ZERO_PROFILE}`,
    );
    expect(parseSweep(spec([1]), zeroWind).scenarioCount).toBe(1);
  });

  it('names the scenario among the others axes: the finance axis takes its first value', () => {
    const spec = {
      base: {},
      axes: [
        { path: 'national.waccGrid', values: [0.02, 0.04] },
        { path: 'regions.T5.solarShare', values: [1, 0.25] },
        { path: 'national.gasPriceEURPerM3', uniform: [0.3, 0.6] },
      ],
      samples: 3,
    };
    // Scenario (grid point 1, sample 0) = 3: waccGrid 0.02, solarShare 0.25, first draw.
    expect(messageOf(() => parseSweep(spec, zeroWind))).toMatch(
      /^axes: scenario 3 \(national\.waccGrid = 0\.02, regions\.T5\.solarShare = 0\.25, national\.gasPriceEURPerM3 = 0\.\d+\) is invalid: regions\.T5: wind/,
    );
  });

  it('exits 2 with one line in the CLI and writes nothing', async () => {
    const dir = join(scratch, 'zero-wind');
    mkdirSync(dir, { recursive: true });
    const source = tinyWithZeroWindRegionSource();
    writeFileSync(join(dir, 'regions.csv'), source.regionsCsv);
    writeFileSync(join(dir, 'profiles.csv'), source.profilesCsv);
    const specFile = join(scratch, 'repro.json');
    writeFileSync(specFile, JSON.stringify({ base: {}, axes: [{ path: 'defaults.solarShare', values: [0, 1] }] }));
    const out = join(scratch, 'repro.arrow');
    const io = captureIo();
    const status = await main(['sweep', specFile, '--dataset', dir, '--out', out, '--workers', '0'], io);
    expect(status).toBe(2);
    expect(io.err).toBe(
      `${warningLines(zeroWind.warnings)}error: axes: scenario 0 (defaults.solarShare = 0) is invalid: ${WIND_ON_ZERO_PROFILE}\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  for (const workers of [0, 2]) {
    describe(`while running (${workers} workers)`, () => {
      const runner = new SweepRunner({ workers });
      afterAll(() => runner.close());

      it('fails at the first scenario whose results overflow, naming it, and leaves no file', async () => {
        const plan = parseSweep(
          { base: {}, axes: [{ path: 'defaults.resScale', values: [1, 2, 1e308, 3, 1e308] }] },
          tiny,
        );
        const outFile = join(scratch, `overflow-${workers}.arrow`);
        const failure = runner.run(tiny, plan, { outFile, chunkSize: 1, batchScenarios: 2 });
        await expect(failure).rejects.toBeInstanceOf(ValidationError);
        await expect(failure).rejects.toThrow(
          /^axes: scenario 2 \(defaults\.resScale = 1e\+308\) is invalid: the results are not finite numbers \(regions\.T1\.\w+ = (Infinity|NaN)\): some values/,
        );
        expect(existsSync(outFile)).toBe(false);
        expect(existsSync(`${outFile}.partial`)).toBe(false);
      });

      it('checks parameters scenario by scenario when they were not checked before', async () => {
        const spec = { base: {}, axes: [{ path: 'defaults.solarShare', values: [1, 1, 0.5, 0] }] };
        const plan = parseSweep(spec, zeroWind, { precheck: false });
        expect(plan.checkEachScenario).toBe(true);
        const outFile = join(scratch, `params-${workers}.arrow`);
        await expect(runner.run(zeroWind, plan, { outFile, chunkSize: 1 })).rejects.toThrow(
          `axes: scenario 2 (defaults.solarShare = 0.5) is invalid: ${WIND_ON_ZERO_PROFILE}`,
        );
        expect(existsSync(outFile)).toBe(false);
      });
    });
  }

  it('leaves the check to the run when there are too many combinations to check first', () => {
    const spec = { base: {}, axes: [{ path: 'defaults.solarShare', uniform: [0.5, 1] }], samples: 20_000 };
    expect(parseSweep(spec, zeroWind).checkEachScenario).toBe(true);
    // A finance-only axis never needs a check, however many samples it has.
    const finance = { base: {}, axes: [{ path: 'national.waccGrid', uniform: [0, 0.1] }], samples: 20_000 };
    expect(parseSweep(finance, zeroWind).checkEachScenario).toBe(false);
  });
});
