// Agreement of `samenhang evaluate --json` with the reference model on the v2 parts the engine
// implements (agreement.ts ENGINE_V2): the tiny-v2 worked example in both weather years, v2 edge
// scenarios on it, and exit status 2 with a located message for every invalid v2 input
// (invalid-v2-cases.ts). The random cases of cli-agreement.test.ts draw the same v2 parts.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CliOutput,
  compareOutputs,
  ENGINE_V2,
  evaluateArgs,
  invalidProblems,
  keyProblems,
  referenceFor,
  runCli,
} from './agreement.ts';
import { invalidV2Cases, TINY_V2, tinyV2ScenarioFor } from './invalid-v2-cases.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'samenhang-cli-agreement-v2-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const DATASET = join(TINY_V2, 'dataset');
const ALL_V2 = ENGINE_V2.lv && ENGINE_V2.weatherYears && ENGINE_V2.finance;

async function evaluate(name: string, scenario: object, dataset = DATASET, text = JSON.stringify(scenario)) {
  const path = join(ROOT, `${name}.json`);
  writeFileSync(path, text);
  const run = await runCli(evaluateArgs(path, dataset));
  expect(run.status, run.stderr).toBe(0);
  const cli: CliOutput = JSON.parse(run.stdout);
  expect(keyProblems(cli)).toEqual([]);
  return cli;
}

/** The CLI and the reference agree on this scenario over tiny-v2. */
async function agreeOn(name: string, scenario: object, dataset = DATASET, text?: string): Promise<void> {
  const cli: CliOutput = await evaluate(name, scenario, dataset, text);
  expect(compareOutputs(referenceFor(dataset, scenario), cli)).toEqual([]);
}

// the worked example's scenario, without parameters of v2 parts the engine does not have yet
const base = tinyV2ScenarioFor(ENGINE_V2);
const withNational = (extra: object) => ({ ...base, national: { ...base.national, ...extra } });
const withRegions = (regions: Record<string, object>) => ({
  ...base,
  regions: Object.fromEntries(
    Object.entries(base.regions).map(([id, o]) => [id, { ...(o as object), ...regions[id] }]),
  ),
});

if (ALL_V2)
  describe('CLI on the tiny-v2 worked example', () => {
    for (const [scenario, expected] of [
      ['scenario.json', 'expected.json'],
      ['scenario-2031.json', 'expected-2031.json'],
    ])
      it(`${scenario}: every output equals ${expected} within 1e-6 and the reference`, async () => {
        const sc = JSON.parse(readFileSync(join(TINY_V2, scenario), 'utf8'));
        const cli = await evaluate(scenario, sc);
        expect(compareOutputs(JSON.parse(readFileSync(join(TINY_V2, expected), 'utf8')), cli)).toEqual([]);
        expect(compareOutputs(referenceFor(DATASET, sc), cli)).toEqual([]);
      });
  });

if (ENGINE_V2.lv)
  describe('CLI agrees with the reference on v2 LV edges (tiny-v2)', () => {
    it('the empty scenario with lvSpareShare 0: load exactly on capacity, nothing overloaded', async () => {
      await agreeOn('spare-0', { national: { lvSpareShare: 0 } });
    });
    it('wijkClustering 0, 1 and between, s = 0 and s = 1', async () => {
      await agreeOn(
        'clustering',
        withRegions({ T1: { wijkClustering: 0 }, T2: { shareHybrid: 1, wijkClustering: 1 } }),
      );
      await agreeOn(
        'clustering-s1',
        withRegions({ T3: { shareAllElectric: 0.4, shareHybrid: 0.6, wijkClustering: 0.3 } }),
      );
    });
    it('z = 0, σ = 0, n below 1, a given LV capacity 0 and small roofs dominating', async () => {
      await agreeOn('lv-edges', {
        ...withNational({ lvZ: 0, lvSigmaHybridKW: 0, lvHomesPerGroup: 0.5, costLvEURPerMW: 0 }),
        regions: { ...base.regions, T2: { lvCapacityKWPerHome: 0, solarSmallRoofTWh: 0.05 } },
      });
    });
  });

if (ENGINE_V2.weatherYears)
  describe('CLI agrees with the reference on weather years (tiny-v2)', () => {
    it('weatherYear null and the dataset.json year are the reference profiles; 2031.0 is 2031', async () => {
      await agreeOn('year-null', withNational({ weatherYear: null }));
      await agreeOn('year-2030', withNational({ weatherYear: 2030 }));
      const y2031 = withNational({ weatherYear: 2031 });
      const text = JSON.stringify(y2031).replace('"weatherYear":2031', '"weatherYear":2031.0');
      await agreeOn('year-2031.0', y2031, DATASET, text);
    });
    it('without dataset.json only null selects profiles.csv; the other years still run', async () => {
      const dir = join(ROOT, 'no-dataset-json');
      cpSync(DATASET, dir, { recursive: true });
      rmSync(join(dir, 'dataset.json'));
      await agreeOn('no-json-null', withNational({ weatherYear: null }), dir);
      await agreeOn('no-json-2031', withNational({ weatherYear: 2031 }), dir);
    });
    it('the bundled dataset in 1987 with heat pumps clustered and EVs', async () => {
      const dir = join(import.meta.dirname, '..', '..', 'scenarios', 'data', 'nl-res30');
      const sc = {
        national: { weatherYear: 1987, lvSpareShare: 0.2 },
        defaults: { shareAllElectric: 0.15, shareHybrid: 0.3, wijkClustering: 0.7, evCount: 30000, evSmartShare: 0.3 },
      };
      await agreeOn('bundled-1987', sc, dir);
    });
    it('--weather-year 2031 is the scenario with national.weatherYear 2031', async () => {
      const path = join(ROOT, 'flag.json');
      writeFileSync(path, JSON.stringify(base));
      const run = await runCli([...evaluateArgs(path, DATASET), '--weather-year', '2031']);
      expect(run.status, run.stderr).toBe(0);
      expect(
        compareOutputs(referenceFor(DATASET, withNational({ weatherYear: 2031 })), JSON.parse(run.stdout)),
      ).toEqual([]);
    });
    it('the weatherYear error names the years the dataset has', async () => {
      const path = join(ROOT, 'bad-year.json');
      writeFileSync(path, JSON.stringify(withNational({ weatherYear: 1987 })));
      const run = await runCli(evaluateArgs(path, DATASET));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('national.weatherYear');
      expect(run.stderr).toMatch(/2030[^\n]*2031|2031[^\n]*2030/);
    });
  });

if (ENGINE_V2.finance)
  describe('CLI agrees with the reference on financing and land edges (tiny-v2)', () => {
    it('equityShare 0 and 1, waccState 0 with waccGrid 0, ebRevenue 0 (null share), housing growth above 1', async () => {
      await agreeOn('equity-0', withNational({ equityShare: 0, ebRevenueEURPerYear: 0 }));
      await agreeOn('equity-1', withNational({ equityShare: 1, waccState: 0, waccGrid: 0, housingGrowthShare: 1.5 }));
    });
  });

describe('invalid v2 inputs exit with status 2 and a located message', () => {
  const cases = invalidV2Cases(ENGINE_V2);
  it('covers the v2 parts the engine implements', () => {
    expect(cases.length > 0).toBe(ENGINE_V2.lv || ENGINE_V2.weatherYears || ENGINE_V2.finance);
  });
  it.each(cases.map((k, i) => [k.name, k, i] as const))('%s', async (_name, k, i) => {
    const dir = join(ROOT, 'invalid', `case-${i}`);
    const datasetDir = join(dir, 'dataset');
    cpSync(DATASET, datasetDir, { recursive: true });
    k.dataset?.(datasetDir);
    const scenarioPath = join(dir, 'scenario.json');
    writeFileSync(scenarioPath, k.scenario!);
    const run = await runCli(evaluateArgs(scenarioPath, datasetDir));
    expect(invalidProblems(k, run), `stderr:\n${run.stderr}`).toEqual([]);
  });
});
