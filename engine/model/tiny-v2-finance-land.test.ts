import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { parseScenario } from '../scenario/validate.ts';
import { evaluate } from './evaluate.ts';
import { OUTPUT_NAMES } from './outputs.ts';

/**
 * The v2 worked example (engine/testdata/tiny-v2, computed by an independent implementation) on the
 * outputs of the financing routes, uitvoeringskosten and land against housing.
 */
const TINY_V2 = join(import.meta.dirname, '../testdata/tiny-v2');

/** Outputs of the financing routes: they build on gridCapexEUR, which includes the LV layer's capex. */
const FINANCE_OUTPUTS = [
  'financeTariffEURPerConnection',
  'financeEquityTariffEURPerConnection',
  'financeEquityStateEUR',
  'financeSubsidyStateEURPerYear',
  'financeSubsidyEBShare',
];
/** Outputs of uitvoeringskosten and land: independent of the grid capex. */
const EXECUTION_AND_LAND_OUTPUTS = [
  'uitvoeringWarmteEUR',
  'uitvoeringRESEUR',
  'housingNeedHomes',
  'housingHa',
  'landClaimHa',
  'landClaimShareOfArable',
];
/** The financing routes agree only once the engine has the LV layer (its capex is part of gridCapexEUR). */
const hasLvLayer = (OUTPUT_NAMES as readonly string[]).includes('lvCapexEUR');

type Row = Record<string, number | string | boolean | null>;

/** Relative agreement within 1e-9, absolute near zero; null must be null. */
function expectClose(actual: unknown, expected: unknown, label: string): void {
  if (expected === null || actual === null) {
    expect(actual, label).toBe(expected);
    return;
  }
  const a = actual as number;
  const e = expected as number;
  expect(Math.abs(a - e) / Math.max(1, Math.abs(e)), `${label}: got ${a}, expected ${e}`).toBeLessThan(1e-9);
}

describe('worked example tiny-v2: financing routes, uitvoeringskosten, land', () => {
  const dataset = loadDataset(join(TINY_V2, 'dataset'));
  const input = JSON.parse(readFileSync(join(TINY_V2, 'scenario.json'), 'utf8'));
  // Without the LV layer its parameters are unknown keys; they do not act on uitvoeringskosten or land.
  if (!hasLvLayer) {
    for (const key of Object.keys(input.national)) if (key.startsWith('lv')) delete input.national[key];
    for (const region of Object.values(input.regions) as Array<Record<string, unknown>>) delete region.wijkClustering;
  }
  const scenario = parseScenario(input, dataset);
  const expected = JSON.parse(readFileSync(join(TINY_V2, 'expected.json'), 'utf8')) as {
    regions: Row[];
    national: Row;
  };
  const result = evaluate(dataset, scenario);
  const regions = result.regions as unknown as Row[];
  const national = result.national as unknown as Row;

  function checkOutputs(names: string[]): void {
    for (const [r, expectedRegion] of expected.regions.entries()) {
      expect(regions[r].id).toBe(expectedRegion.id);
      for (const name of names)
        if (name in expectedRegion) expectClose(regions[r][name], expectedRegion[name], `${expectedRegion.id}.${name}`);
    }
    for (const name of names) expectClose(national[name], expected.national[name], `national.${name}`);
  }

  it('agrees on uitvoeringskosten, housing and land (with a given housing need and the default share)', () => {
    checkOutputs(EXECUTION_AND_LAND_OUTPUTS);
  });

  it.skipIf(!hasLvLayer)('agrees on the three financing routes', () => {
    checkOutputs(FINANCE_OUTPUTS);
  });

  it('reports the section 11–13 outputs per region and nationally with the names of the example', () => {
    for (const name of [...FINANCE_OUTPUTS, ...EXECUTION_AND_LAND_OUTPUTS]) {
      expect(name in regions[0]).toBe(name in expected.regions[0]);
      expect(name in national).toBe(name in expected.national);
    }
  });
});
