import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { parseScenario } from '../scenario/validate.ts';
import { evaluate } from './evaluate.ts';

const TINY = join(import.meta.dirname, '../testdata/tiny');

/** Relative agreement, absolute near zero. */
function expectClose(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === 'boolean') {
    expect(actual, label).toBe(expected);
    return;
  }
  const a = actual as number;
  const e = expected as number;
  const scale = Math.max(1, Math.abs(e));
  expect(Math.abs(a - e) / scale, `${label}: got ${a}, expected ${e}`).toBeLessThan(1e-9);
}

describe('worked example (shared/examples/tiny, exact rational reference)', () => {
  const dataset = loadDataset(join(TINY, 'dataset'));
  const scenario = parseScenario(JSON.parse(readFileSync(join(TINY, 'scenario.json'), 'utf8')), dataset);
  const expected = JSON.parse(readFileSync(join(TINY, 'expected.json'), 'utf8'));
  const result = evaluate(dataset, scenario);

  it('reports the expected regions and every v1 key, in order (the v2 outputs are extra)', () => {
    expect(result.regions.map((r) => r.id)).toEqual(expected.regions.map((r: { id: string }) => r.id));
    const v1Keys = (keys: string[], reference: object) => keys.filter((key) => key in reference);
    for (let i = 0; i < expected.regions.length; i++)
      expect(v1Keys(Object.keys(result.regions[i]), expected.regions[i])).toEqual(Object.keys(expected.regions[i]));
    expect(v1Keys(Object.keys(result.national), expected.national).sort()).toEqual(
      Object.keys(expected.national).sort(),
    );
  });

  for (const region of expected.regions as Array<Record<string, number | string>>) {
    it(`region ${region.id} agrees on every output`, () => {
      const actual = result.regions.find((r) => r.id === region.id)! as unknown as Record<string, number>;
      for (const [key, value] of Object.entries(region))
        if (key !== 'id') expectClose(actual[key], value, `${region.id}.${key}`);
    });
  }

  it('national outcomes agree', () => {
    for (const [key, value] of Object.entries(expected.national)) {
      expectClose((result.national as Record<string, unknown>)[key], value, `national.${key}`);
    }
  });
});
