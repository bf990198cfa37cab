// The random case generator (random-dataset.ts): same seed ⇒ same files, v1 cases without any v2
// input, v2 cases that cover every v2 feature over a few dozen seeds, and cases the reference model
// evaluates to finite numbers.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCase } from './random-dataset.ts';
import { parseCsv, referenceEvaluate, V2_COLUMNS } from './reference-model.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'samenhang-generator-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const V2 = { v2: { lv: true, weatherYears: true, finance: true } };

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('random case generator', () => {
  it('the same seed writes the same files', () => {
    for (const seed of [6, 14]) {
      const a = generateCase(seed, join(ROOT, 'a'), V2);
      const b = generateCase(seed, join(ROOT, 'b'), V2);
      expect(files(a.datasetDir)).toEqual(files(b.datasetDir));
      expect(readFileSync(a.scenarioPath, 'utf8')).toBe(readFileSync(b.scenarioPath, 'utf8'));
    }
  });

  it('a v1 case has no v2 column, file or parameter', () => {
    for (const seed of [1, 2, 3]) {
      const c = generateCase(seed, join(ROOT, 'v1'));
      const header = parseCsv(readFileSync(join(c.datasetDir, 'regions.csv'), 'utf8'))[0].fields;
      expect(header.filter((col) => V2_COLUMNS.includes(col))).toEqual([]);
      expect(readdirSync(c.datasetDir).sort()).toEqual(['profiles.csv', 'regions.csv']);
      expect(JSON.stringify(c.scenario)).not.toMatch(
        /"(lv\w*|wijkClustering|weatherYear|equityShare|waccState|homesPerHa|housingGrowthShare|uitvoering\w*|cost(Lv|HomeConn)\w*)"/,
      );
    }
  });

  it('v2 cases cover every v2 feature over seeds 1..40', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++)
      for (const f of generateCase(seed, join(ROOT, 'cover'), V2).features) seen.add(f.replace(/ \(.*/, ''));
    const wanted = [
      'dataset.json',
      'a weather-year file of 8784 hours',
      'a file name to ignore',
      'weatherYear null',
      'weatherYear = the dataset.json year',
      'weatherYear 1987',
      'LV feed-in from small roofs',
      'wijkClustering 0',
      'wijkClustering 1',
      'wijkClustering between 0 and 1',
      's = 0',
      'lvSpareShare 0',
      'lvCapacityKWPerHome in the scenario',
      'empty householdDemandTWh',
      'householdDemandTWh 0',
      'empty householdProfile',
      'empty lvCapacityKWPerHome',
      'lvCapacityKWPerHome 0',
      'empty housingNeedHomes',
      'housingNeedHomes 0',
      'empty arableLandHa',
      'arableLandHa 0',
      'TIEB',
      'TIED',
      'TIEF',
      'targetTWh = Σ resNominalTWh exactly',
    ];
    const years = [...seen].filter((f) => /^weatherYear \d{4}$/.test(f));
    expect(wanted.filter((f) => !seen.has(f) && !(f === 'weatherYear 1987' && years.length > 0))).toEqual([]);
  });

  it('the reference evaluates v2 cases to finite numbers (nulls only where the model allows them)', () => {
    const nullable = new Set(['landClaimShareOfArable', 'financeSubsidyEBShare']);
    for (const seed of [1, 2, 5, 6, 7, 8]) {
      const c = generateCase(seed, join(ROOT, 'eval'), V2);
      const { regions, national } = referenceEvaluate(c.datasetDir, c.scenario);
      for (const row of [...regions, national])
        for (const [k, v] of Object.entries(row)) {
          if (v === null) expect(nullable.has(k), `seed ${seed} ${k}`).toBe(true);
          else if (typeof v === 'number') expect(Number.isFinite(v), `seed ${seed} ${k} = ${v}`).toBe(true);
        }
    }
  });
});
