import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { parseScenario } from '../scenario/validate.ts';
import { evaluate } from './evaluate.ts';
import { NATIONAL_PARAM_NAMES } from '../scenario/parameters.ts';
import { NATIONAL_OUTPUT_NAMES, REGION_OUTPUT_NAMES } from './outputs.ts';

const TESTDATA = join(import.meta.dirname, '../testdata');

/** 1e-9 relative, 1e-9 absolute near zero; booleans and nulls exactly. */
function expectClose(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === 'boolean' || expected === null) {
    expect(actual, label).toBe(expected);
    return;
  }
  const a = actual as number;
  const e = expected as number;
  expect(Math.abs(a - e) / Math.max(1, Math.abs(e)), `${label}: got ${a}, expected ${e}`).toBeLessThan(1e-9);
}

type Row = Record<string, unknown>;
interface Expected {
  regions: Row[];
  national: Row;
}

/** Checks every output we compute that the example lists, and that the example lists every one we compute. */
function expectAgreement(result: { regions: Row[]; national: Row }, expected: Expected): void {
  expect(result.regions.map((r) => r.id)).toEqual(expected.regions.map((r) => r.id));
  for (let i = 0; i < expected.regions.length; i++) {
    const want = expected.regions[i];
    for (const name of REGION_OUTPUT_NAMES) {
      expect(Object.hasOwn(want, name), `${want.id}.${name} in the example`).toBe(true);
      expectClose(result.regions[i][name], want[name], `${want.id}.${name}`);
    }
  }
  for (const name of NATIONAL_OUTPUT_NAMES) {
    expect(Object.hasOwn(expected.national, name), `national.${name} in the example`).toBe(true);
    expectClose(result.national[name], expected.national[name], `national.${name}`);
  }
}

function run(example: string, scenarioFile: string, overlay: Row = {}) {
  const dir = join(TESTDATA, example);
  const dataset = loadDataset(join(dir, 'dataset'));
  const input = JSON.parse(readFileSync(join(dir, scenarioFile), 'utf8'));
  // Parameters of outputs this engine does not compute yet (none once every v2 section is in) are left out.
  const known = new Set<string>([...NATIONAL_PARAM_NAMES, 'weatherYear']);
  const national = Object.fromEntries(Object.entries(input.national).filter(([key]) => known.has(key)));
  input.national = { ...national, ...overlay };
  return evaluate(dataset, parseScenario(input, dataset)) as unknown as { regions: Row[]; national: Row };
}

const readExpected = (example: string, file: string): Expected =>
  JSON.parse(readFileSync(join(TESTDATA, example, file), 'utf8'));

describe('worked example v2 (shared/examples/tiny-v2, independent implementation, 1e-9)', () => {
  it('reference weather year 2030 agrees on every output', () => {
    expectAgreement(run('tiny-v2', 'scenario.json'), readExpected('tiny-v2', 'expected.json'));
  });

  it('weather year 2031 (colder, half the wind, more sun) agrees on every output', () => {
    expectAgreement(run('tiny-v2', 'scenario-2031.json'), readExpected('tiny-v2', 'expected-2031.json'));
  });

  it('the same MW deliver less in 2031 while the RES-counted TWh stay', () => {
    const reference = run('tiny-v2', 'scenario.json').national;
    const cold = run('tiny-v2', 'scenario-2031.json').national;
    expect(cold.resNominalTWh).toBe(reference.resNominalTWh);
    expect(cold.resDeliveredTWh as number).not.toBe(reference.resDeliveredTWh);
  });
});

describe('worked example v1 under the v1 compatibility costs', () => {
  const V1_OVERLAY = { costOfftakeEURPerMW: 2056000, costLvEURPerMW: 0, costHomeConnUpgradeEUR: 0 };
  const expected = readExpected('tiny', 'expected.json');
  const result = run('tiny', 'scenario.json', V1_OVERLAY);

  it('gives every v1 output of the example unchanged', () => {
    for (let i = 0; i < expected.regions.length; i++) {
      for (const [key, value] of Object.entries(expected.regions[i]))
        if (key !== 'id') expectClose(result.regions[i][key], value, `${expected.regions[i].id}.${key}`);
    }
    for (const [key, value] of Object.entries(expected.national))
      expectClose(result.national[key], value, `national.${key}`);
  });
});
