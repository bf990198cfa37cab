// The reference model (engine/testing/reference-model.ts) against the worked example of MODEL.md,
// whose outputs were computed in exact rational arithmetic: agreement within 1e-9 relative.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Q } from './exact.ts';
import {
  NATIONAL_OUTPUT_KEYS,
  REGION_OUTPUT_KEYS,
  parseCsv,
  referenceEvaluate,
  referenceEvaluateDetailed,
} from './reference-model.ts';

const TINY = join(import.meta.dirname, '..', 'testdata', 'tiny');
const scenario = JSON.parse(readFileSync(join(TINY, 'scenario.json'), 'utf8'));
const expected = JSON.parse(readFileSync(join(TINY, 'expected.json'), 'utf8'));

function close(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= 1e-12;
}

describe('reference model on the tiny worked example', () => {
  const got = referenceEvaluate(join(TINY, 'dataset'), scenario);

  it('has the output keys of MODEL.md', () => {
    for (const r of expected.regions) expect(Object.keys(r).sort()).toEqual(['id', ...REGION_OUTPUT_KEYS].sort());
    expect(Object.keys(expected.national).sort()).toEqual([...NATIONAL_OUTPUT_KEYS].sort());
    for (const r of got.regions) expect(Object.keys(r).sort()).toEqual(['id', ...REGION_OUTPUT_KEYS].sort());
    expect(Object.keys(got.national).sort()).toEqual([...NATIONAL_OUTPUT_KEYS].sort());
  });

  for (const exp of expected.regions as Array<Record<string, number | string>>) {
    it(`region ${exp.id} agrees within 1e-9`, () => {
      const r = got.regions.find((x) => x.id === exp.id)!;
      const bad = REGION_OUTPUT_KEYS.filter((k) => !close(exp[k] as number, r[k] as number, 1e-9)).map(
        (k) => `${k}: expected ${exp[k]}, got ${r[k]}`,
      );
      expect(bad).toEqual([]);
    });
  }

  it('national block agrees within 1e-9', () => {
    const bad = NATIONAL_OUTPUT_KEYS.filter((k) => {
      const e = expected.national[k];
      const g = got.national[k];
      return typeof e === 'boolean' ? e !== g : !close(e, g as number, 1e-9);
    });
    expect(bad).toEqual([]);
  });

  it('needs no exact tie-breaking on the example (all comparisons are clear in floating point)', () => {
    const { diagnostics } = referenceEvaluateDetailed(join(TINY, 'dataset'), scenario);
    expect(diagnostics.every((d) => d.exactFeedinTies === 0 && d.exactOfftakeTies === 0)).toBe(true);
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
});
