// The reference model (engine/testing/reference-model.ts) against the worked examples: tiny (v1,
// outputs in exact rational arithmetic, run under the v1-compatibility costs) and tiny-v2 (both
// weather years, every v2 output), within 1e-9 relative (1e-9 absolute near zero).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Q, signWithRoots } from './exact.ts';
import {
  NATIONAL_OUTPUT_KEYS,
  parseCsv,
  REGION_OUTPUT_KEYS,
  referenceEvaluate,
  referenceEvaluateDetailed,
  V1_COMPATIBILITY_OVERLAY,
  V1_NATIONAL_OUTPUT_KEYS,
  V1_REGION_OUTPUT_KEYS,
} from './reference-model.ts';

const TESTDATA = join(import.meta.dirname, '..', 'testdata');
const TINY = join(TESTDATA, 'tiny');
const TINY_V2 = join(TESTDATA, 'tiny-v2');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const WORK = mkdtempSync(join(tmpdir(), 'samenhang-reference-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function close(a: unknown, b: unknown, tol: number): boolean {
  if (a === null || b === null || typeof a === 'boolean') return a === b;
  const x = a as number;
  const y = b as number;
  return Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y)) || Math.abs(x - y) <= tol;
}

type Result = { regions: Array<Record<string, unknown>>; national: Record<string, unknown> };

/** Lines naming every output that differs by more than 1e-9. */
function differences(expected: Result, got: Result, regionKeys: readonly string[], nationalKeys: readonly string[]) {
  const bad: string[] = [];
  for (const exp of expected.regions) {
    const r = got.regions.find((x) => x.id === exp.id)!;
    for (const k of regionKeys)
      if (!close(exp[k], r[k], 1e-9)) bad.push(`${exp.id}.${k}: expected ${exp[k]}, got ${r[k]}`);
  }
  for (const k of nationalKeys)
    if (!close(expected.national[k], got.national[k], 1e-9))
      bad.push(`national.${k}: expected ${expected.national[k]}, got ${got.national[k]}`);
  return bad;
}

describe('reference model on the tiny v1 example under the v1-compatibility costs', () => {
  const scenario = readJson(join(TINY, 'scenario.json'));
  scenario.national = { ...scenario.national, ...V1_COMPATIBILITY_OVERLAY };
  const expected = readJson(join(TINY, 'expected.json'));
  const got = referenceEvaluate(join(TINY, 'dataset'), scenario);

  it('the v1 example carries exactly the v1 output keys', () => {
    for (const r of expected.regions) expect(Object.keys(r).sort()).toEqual(['id', ...V1_REGION_OUTPUT_KEYS].sort());
    expect(Object.keys(expected.national).sort()).toEqual([...V1_NATIONAL_OUTPUT_KEYS].sort());
  });

  it('every v1 output agrees within 1e-9', () => {
    expect(differences(expected, got, V1_REGION_OUTPUT_KEYS, V1_NATIONAL_OUTPUT_KEYS)).toEqual([]);
  });

  it('without the overlay, the v2 costs change gridCapexEUR (the LV layer and the 940,000 offtake cost)', () => {
    const plain = referenceEvaluate(join(TINY, 'dataset'), readJson(join(TINY, 'scenario.json')));
    const t1 = plain.regions.find((r) => r.id === 'T1')!;
    const t1v1 = expected.regions.find((r: { id: string }) => r.id === 'T1');
    expect(t1.gridCapexEUR).not.toBeCloseTo(t1v1.gridCapexEUR, 0);
  });

  it('needs no exact tie-breaking on the example (all comparisons are clear in floating point)', () => {
    const { diagnostics } = referenceEvaluateDetailed(join(TINY, 'dataset'), scenario);
    expect(diagnostics.every((d) => d.exactFeedinTies === 0 && d.exactOfftakeTies === 0)).toBe(true);
  });
});

for (const [scenarioFile, expectedFile] of [
  ['scenario.json', 'expected.json'],
  ['scenario-2031.json', 'expected-2031.json'],
]) {
  describe(`reference model on tiny-v2 ${scenarioFile}`, () => {
    const expected = readJson(join(TINY_V2, expectedFile));
    const got = referenceEvaluate(join(TINY_V2, 'dataset'), readJson(join(TINY_V2, scenarioFile)));

    it('has the output keys of the v2 model', () => {
      for (const r of [...expected.regions, ...got.regions])
        expect(Object.keys(r).sort()).toEqual(['id', ...REGION_OUTPUT_KEYS].sort());
      expect(Object.keys(expected.national).sort()).toEqual([...NATIONAL_OUTPUT_KEYS].sort());
      expect(Object.keys(got.national).sort()).toEqual([...NATIONAL_OUTPUT_KEYS].sort());
    });

    it('every output of every region and the national block agrees within 1e-9', () => {
      expect(differences(expected, got, REGION_OUTPUT_KEYS, NATIONAL_OUTPUT_KEYS)).toEqual([]);
    });
  });
}

describe('reference model: v2 rules checked on variations of tiny-v2', () => {
  const scenario = readJson(join(TINY_V2, 'scenario.json'));
  const dataset = join(TINY_V2, 'dataset');

  it('weatherYear 2030 (the dataset.json year) is the reference profiles, the same as null', () => {
    const a = referenceEvaluate(dataset, { ...scenario, national: { ...scenario.national, weatherYear: 2030 } });
    const b = referenceEvaluate(dataset, { ...scenario, national: { ...scenario.national, weatherYear: null } });
    expect(a).toEqual(referenceEvaluate(dataset, scenario));
    expect(b).toEqual(a);
  });

  it('an unknown weatherYear is an error naming national.weatherYear and the years the dataset has', () => {
    expect(() => referenceEvaluate(dataset, { national: { weatherYear: 1987 } })).toThrow(
      /national\.weatherYear.*2030, 2031/,
    );
  });

  it('the empty scenario with lvSpareShare 0: today’s load sits exactly on today’s capacity, nothing is overloaded', () => {
    const { result, diagnostics } = referenceEvaluateDetailed(dataset, { national: { lvSpareShare: 0 } });
    // T3 has a given capacity (0.5 kW) below its household peak; the others use the default rule
    for (const r of result.regions.filter((x) => x.id !== 'T3')) {
      expect(r.lvOverloadedHomesShare).toBe(0);
      expect(r.lvReinforceMW).toBe(0);
    }
    expect(diagnostics.filter((d) => d.id !== 'T3').every((d) => d.exactLvTies === 1)).toBe(true);
  });

  it('clustering 0 gives one class (f = 1) and clustering 1 puts every heat pump in f = s', () => {
    const at = (c: number) =>
      referenceEvaluate(dataset, { regions: { T1: { shareAllElectric: 0.2, shareHybrid: 0.1, wijkClustering: c } } })
        .regions[0];
    expect(at(0).lvTransitionHomesShare).toBe(1);
    expect(at(1).lvTransitionHomesShare).toBeCloseTo(0.3, 15);
    expect(at(1).lvPeakKWPerHome as number).toBeGreaterThan(at(0).lvPeakKWPerHome as number);
  });

  it('arable land 0 makes the regional and national land shares null; housing need from the data', () => {
    const dir = join(WORK, 'arable0');
    cpSync(dataset, dir, { recursive: true });
    const rows = parseCsv(readFileSync(join(dir, 'regions.csv'), 'utf8')).map((r) => r.fields);
    const col = rows[0].indexOf('arableLandHa');
    rows[2][col] = '0';
    writeFileSync(
      join(dir, 'regions.csv'),
      rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'),
    );
    const got = referenceEvaluate(dir, scenario);
    expect(got.regions[1].landClaimShareOfArable).toBeNull();
    expect(got.regions[0].landClaimShareOfArable).not.toBeNull();
    expect(got.national.landClaimShareOfArable).toBeNull();
    expect(got.regions[1].housingNeedHomes).toBe(600);
  });

  it('ebRevenueEURPerYear 0 makes financeSubsidyEBShare null', () => {
    const got = referenceEvaluate(dataset, { national: { ebRevenueEURPerYear: 0 } });
    expect(got.national.financeSubsidyEBShare).toBeNull();
  });
});

describe('reference CSV reader and exact numbers', () => {
  it('reads RFC 4180 quoting, CRLF and line breaks inside quotes', () => {
    const recs = parseCsv('a,b,c\r\n"x, ""y""",2,"multi\nline"\r\n3,,"4"');
    expect(recs.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x, "y"', '2', 'multi\nline'],
      ['3', '', '4'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('Q reads decimal texts exactly and prints them back', () => {
    expect(Q.of('0.1').add(Q.of('0.2')).eq(Q.of('0.3'))).toBe(true);
    expect(Q.of('1.5e-3').toDecimal()).toBe('0.0015');
    expect(Q.of(1e-7).toDecimal()).toBe('0.0000001');
    expect(Q.of('-2.50').toDecimal()).toBe('-2.5');
    expect(Q.ONE.div(Q.of(3)).toDecimal()).toBeNull();
    expect(Q.of('0.1').toNumber()).toBe(0.1);
    expect(Q.of('1464.84375').toNumber()).toBe(1464.84375);
  });

  it('signWithRoots decides sums with square roots exactly', () => {
    const q = (x: number | string) => Q.of(x);
    // 1.65 × 1.5/√150 against 1.65 × √(2.25/150): equal
    expect(signWithRoots(Q.ZERO, q('1.65'), q('0.015'), q('-1.65'), q('0.015'))).toBe(0);
    // √2 + √3 − 3.146264369941972 (just below √2 + √3 = 3.14626436994197234...)
    expect(signWithRoots(q('-3.146264369941972'), Q.ONE, q(2), Q.ONE, q(3))).toBe(1);
    expect(signWithRoots(q('-3.146264369941973'), Q.ONE, q(2), Q.ONE, q(3))).toBe(-1);
    // 5 − √2 − √3 > 0; 3 − √2 − √3 < 0; √8 − 2√2 = 0
    expect(signWithRoots(q(5), q(-1), q(2), q(-1), q(3))).toBe(1);
    expect(signWithRoots(q(3), q(-1), q(2), q(-1), q(3))).toBe(-1);
    expect(signWithRoots(Q.ZERO, Q.ONE, q(8), q(-2), q(2))).toBe(0);
  });
});
