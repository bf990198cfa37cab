import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, loadDataset, parseScenario } from '../engine/index.ts';
import { REFERENCE_2030_FILE, reference2030Json } from './reference-2030.ts';

const dataset = loadDataset();

describe('the reference scenario 2030', () => {
  it('is the file the script writes (`npx tsx scenarios/reference-2030.ts`)', () => {
    expect(readFileSync(REFERENCE_2030_FILE, 'utf8')).toBe(reference2030Json(dataset));
  });

  it('has the sourced national figures: 39 TWh RES, 1.9 mln EVs, 1.25 mln new heat pumps, 2.5 mln insulated homes', () => {
    const scenario = JSON.parse(readFileSync(REFERENCE_2030_FILE, 'utf8'));
    const result = evaluate(dataset, parseScenario(scenario, dataset));
    expect(result.national.resNominalTWh).toBeCloseTo(39, 3);
    const evs = Object.values(scenario.regions as Record<string, { evCount: number }>).reduce(
      (s, r) => s + r.evCount,
      0,
    );
    expect(Math.abs(evs - 1_900_000)).toBeLessThanOrEqual(15); // per-region rounding
    const homes = dataset.regions.reduce((s, r) => s + r.homes, 0);
    const d = scenario.defaults;
    expect((d.shareAllElectric + d.shareHybrid) * homes).toBeCloseTo(1_250_000, -3);
    expect((d.shareAllElectric + d.shareHybrid + d.shareInsulationOnly) * homes).toBeCloseTo(2_500_000, -3);
    expect(result.national.route35Triggered).toBe(false);
    expect(result.national.heatElecTWh).toBeGreaterThan(0);
  });
});
