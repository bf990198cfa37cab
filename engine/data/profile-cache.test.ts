import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { evaluate } from '../model/evaluate.ts';
import { parseScenario } from '../scenario/validate.ts';
import { loadDataset } from './load-dataset.ts';
import { parseDataset } from './parse-dataset.ts';
import { profileCacheFile } from './profile-cache.ts';

const TINY_V2 = join(import.meta.dirname, '../testdata/tiny-v2/dataset');
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-profile-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of the tiny-v2 dataset (profiles.csv and profiles-2031.csv), without caches. */
function datasetCopy(name: string): string {
  const dir = join(scratch, name);
  cpSync(TINY_V2, dir, { recursive: true });
  for (const file of ['profiles.csv', 'profiles-2031.csv']) rmSync(profileCacheFile(join(dir, file)), { force: true });
  return dir;
}

/** The dataset parsed from the CSV texts alone, as parseDataset does without any cache. */
function fromTexts(dir: string) {
  const text = (file: string) => readFileSync(join(dir, file), 'utf8');
  return parseDataset({
    name: 'tiny-v2',
    regionsCsv: text('regions.csv'),
    profilesCsv: text('profiles.csv'),
    datasetJson: text('dataset.json'),
    weatherYears: [{ year: 2031, csv: text('profiles-2031.csv') }],
  });
}

/** Overwrites the first value of column `column` (0 = first profile after `hour`) in a cache file. */
function patchCacheValue(cacheFile: string, column: number, value: number): void {
  const bytes = readFileSync(cacheFile);
  const jsonBytes = bytes.readUInt32LE(8);
  const head = JSON.parse(bytes.toString('utf8', 12, 12 + jsonBytes)) as { hours: number };
  const columns = Math.ceil((12 + jsonBytes) / 8) * 8 + Math.ceil((head.hours * 4) / 8) * 8;
  bytes.writeDoubleLE(value, columns + column * head.hours * 8);
  writeFileSync(cacheFile, bytes);
}

function issuesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('profile cache (a binary copy of each profiles CSV, checked against its hash)', () => {
  it('writes a cache per profiles file and loads the same numbers from it as from the CSV', () => {
    const dir = datasetCopy('same');
    const first = loadDataset(dir);
    expect(existsSync(profileCacheFile(join(dir, 'profiles.csv')))).toBe(true);
    expect(existsSync(profileCacheFile(join(dir, 'profiles-2031.csv')))).toBe(true);
    const second = loadDataset(dir);
    const plain = fromTexts(dir);
    for (const dataset of [first, second]) {
      expect(dataset.profiles).toEqual(plain.profiles);
      expect(dataset.weatherVariants.get(2031)!.profiles).toEqual(plain.weatherVariants.get(2031)!.profiles);
      expect(dataset.regions).toEqual(plain.regions);
    }
    const scenario = JSON.parse(readFileSync(join(TINY_V2, '../scenario.json'), 'utf8'));
    expect(evaluate(second, parseScenario(scenario, second))).toEqual(evaluate(plain, parseScenario(scenario, plain)));
  });

  it('reads the values from the cache while it matches the CSV, and from the CSV once the CSV changes', () => {
    const dir = datasetCopy('stale');
    const csvFile = join(dir, 'profiles.csv');
    loadDataset(dir);
    const firstColumn = readFileSync(csvFile, 'utf8').split('\n')[0].split(',')[1];
    // A cache that still matches the CSV's hash is what is read (patched here to show it).
    patchCacheValue(profileCacheFile(csvFile), 0, 0.125);
    expect(loadDataset(dir).profiles.get(firstColumn)![0]).toBe(0.125);
    // Any change to the CSV's bytes makes the cache stale: the CSV's values count and the cache is rewritten.
    const lines = readFileSync(csvFile, 'utf8').split('\n');
    const cells = lines[1].split(',');
    cells[1] = '0.0625';
    lines[1] = cells.join(',');
    writeFileSync(csvFile, lines.join('\n'));
    expect(loadDataset(dir).profiles.get(firstColumn)![0]).toBe(0.0625);
    expect(loadDataset(dir).profiles.get(firstColumn)![0]).toBe(0.0625);
  });

  it('ignores a damaged cache (bad value, cut short, garbage) and loads the CSV', () => {
    const dir = datasetCopy('damaged');
    const csvFile = join(dir, 'profiles.csv');
    const cacheFile = profileCacheFile(csvFile);
    const plain = fromTexts(dir);
    loadDataset(dir);
    patchCacheValue(cacheFile, 0, Number.NaN);
    expect(loadDataset(dir).profiles).toEqual(plain.profiles);
    const whole = readFileSync(cacheFile);
    writeFileSync(cacheFile, whole.subarray(0, whole.length - 8));
    expect(loadDataset(dir).profiles).toEqual(plain.profiles);
    writeFileSync(cacheFile, 'not a cache');
    expect(loadDataset(dir).profiles).toEqual(plain.profiles);
  });

  it('reports a profile problem at the same cell whether the profiles come from the CSV or the cache', () => {
    const dir = datasetCopy('problem');
    const csvFile = join(dir, 'profiles.csv');
    const lines = readFileSync(csvFile, 'utf8').split('\n');
    const header = lines[0].split(',');
    const cells = lines[3].split(',');
    cells[header.indexOf('sol')] = '1.5'; // a number, but not a capacity factor
    lines[3] = cells.join(',');
    writeFileSync(csvFile, lines.join('\n'));
    const fromCsv = issuesOf(() => loadDataset(dir));
    expect(fromCsv.some((issue) => issue.includes(`profiles.csv:4:${header.indexOf('sol') + 1}: column 'sol'`))).toBe(
      true,
    );
    expect(existsSync(profileCacheFile(csvFile))).toBe(true);
    expect(issuesOf(() => loadDataset(dir))).toEqual(fromCsv);
  });

  it('writes no cache for a CSV with problems and reports them as before', () => {
    const dir = datasetCopy('bad-number');
    const csvFile = join(dir, 'profiles.csv');
    const lines = readFileSync(csvFile, 'utf8').split('\n');
    lines[2] = lines[2].replace(/,[^,]*$/, ',x');
    writeFileSync(csvFile, lines.join('\n'));
    const issues = issuesOf(() => loadDataset(dir));
    expect(issues.some((issue) => issue.includes('not a finite number: "x"'))).toBe(true);
    expect(existsSync(profileCacheFile(csvFile))).toBe(false);
  });
});
