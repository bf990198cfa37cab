import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { parseDataset } from '../data/parse-dataset.ts';
import { parseScenario } from '../scenario/validate.ts';
import { evaluate } from './evaluate.ts';

// One region of 100 homes over four hours. Household 4e-7 TWh = 4 kWh per home on a flat shape: 1 kW
// every hour. Heat: 0.1152 GJ = 32 kWh, all hot water (dhwShare 1, flat 1/4 per hour), deep
// insulation halves it (16 kWh), COP fixed at 2: an all-electric home draws 16 × 0.25 / 2 = 2 kW.
// Small roofs: 5e-7 TWh on CF 0, 1, 0, 0 (FLH 1) = 0.5 MW = 5 kW per home in hour 1.
const REGIONS = [
  'id,name,provinces,homes,connections,baseDemandTWh,solarRoofTWh,solarFieldTWh,windTWh,existingSolarFieldTWh,existingWindTWh,gridFeedinMW,gridOfftakeMW,solarProfile,windProfile,tempProfile,baseProfile,solarSmallRoofTWh,householdDemandTWh,householdProfile',
  'L,Lane,P,100,110,0.001,0,0,0,0,0,100,100,sol,wnd,tmp,bas,0,4e-7,flat',
  'S,Sunny lane,P,100,110,0.001,0,0,0,0,0,100,100,sol,wnd,tmp,bas,5e-7,4e-7,flat',
].join('\n');
const PROFILES = ['hour,sol,wnd,tmp,bas,flat', '0,0,0,5,1,1', '1,1,0,5,1,1', '2,0,0,5,1,1', '3,0,0,5,1,1'].join('\n');
const dataset = parseDataset({ name: 'lv', regionsCsv: REGIONS, profilesCsv: PROFILES });

// z = 2, n = 4, σ home 0.6, σ all-electric 0.8: margin of a home without heat pump 2 × √(0.36 / 4) = 0.6 kW,
// of an all-electric home 2 × √((0.36 + 0.64) / 4) = 1 kW. Spare share 0.5.
const NATIONAL = {
  heatPerHomeGJ: 0.1152,
  dhwShare: 1,
  deepInsulationSaving: 0.5,
  copMin: 2,
  copMax: 2,
  lvZ: 2,
  lvHomesPerGroup: 4,
  lvSigmaHomeKW: 0.6,
  lvSigmaAllElectricKW: 0.8,
  lvSpareShare: 0.5,
};

function lvOf(region: string, overrides: Record<string, unknown>, national: Record<string, number> = {}) {
  const scenario = parseScenario({ national: { ...NATIONAL, ...national }, regions: { [region]: overrides } }, dataset);
  return evaluate(dataset, scenario).regions.find((r) => r.id === region)!;
}

describe('LV layer on hand-computed homes (MODEL.md §9)', () => {
  it('derives today’s capacity from the household peak, its margin and the spare share', () => {
    // (1 + 0.6) / (1 − 0.5) = 3.2 kW per home
    expect(lvOf('L', {}).lvCapacityKWPerHome).toBeCloseTo(3.2, 12);
    // with small roofs: max(1.6, 5 − 1 = 4) / 0.5 = 8 kW per home
    expect(lvOf('S', {}).lvCapacityKWPerHome).toBeCloseTo(8, 12);
  });

  it('fully clustered: the transition class of 20% holds every heat pump and is overloaded', () => {
    const lv = lvOf('L', { shareAllElectric: 0.2, wijkClustering: 1 });
    // transition homes: 1 + 2 = 3 kW plus margin 1 → 4 kW > 3.2; the other 80%: 1 + 0.6 = 1.6 kW
    expect(lv.lvTransitionHomesShare).toBeCloseTo(0.2, 15);
    expect(lv.lvPeakKWPerHome).toBeCloseTo(4, 12);
    expect(lv.lvOverloadedHomesShare).toBeCloseTo(0.2, 15);
    // 0.2 × 100 homes × 0.8 kW = 16 kW
    expect(lv.lvReinforceMW).toBeCloseTo(0.016, 12);
    // 0.016 MW × 1,116,000 €/MW + 20 all-electric homes × 227 €
    expect(lv.lvCapexEUR).toBeCloseTo(17856 + 4540, 6);
  });

  it('spread evenly (clustering 0): one class of 0.2 heat pumps per home, within capacity', () => {
    const lv = lvOf('L', { shareAllElectric: 0.2, wijkClustering: 0 });
    // 1 + 0.2 × 2 = 1.4 kW plus 2 × √((0.36 + 0.2 × 0.64) / 4) = 0.69857 kW
    expect(lv.lvTransitionHomesShare).toBe(1);
    expect(lv.lvPeakKWPerHome).toBeCloseTo(1.4 + 2 * Math.sqrt(0.488 / 4), 12);
    expect(lv.lvOverloadedHomesShare).toBe(0);
    expect(lv.lvReinforceMW).toBe(0);
    expect(lv.lvCapexEUR).toBeCloseTo(4540, 9); // only the connection upgrades
  });

  it('small roofs overload a given capacity by feed-in', () => {
    // peak max(1 + 0.6, −(1 − 5)) = 4 kW against 0.5 given: 100 × 3.5 kW = 0.35 MW
    const lv = lvOf('S', { lvCapacityKWPerHome: 0.5 });
    expect(lv.lvCapacityKWPerHome).toBe(0.5);
    expect(lv.lvPeakKWPerHome).toBeCloseTo(4, 12);
    expect(lv.lvReinforceMW).toBeCloseTo(0.35, 12);
  });

  it('EVs spread over every home add their load and their variance', () => {
    // 50 EVs × 8 kWh over 100 homes: 4 kWh per home, default shape flat over 4 hours → 1 kW; e = 0.5
    // margin 2 × √((0.36 + 0.5 × 9) / 4) = 2.2045 kW; peak 2 + 2.2045 = 4.2045 > 3.2
    const lv = lvOf('L', { evCount: 50 }, { evKWhPerYear: 8 });
    expect(lv.lvPeakKWPerHome).toBeCloseTo(2 + 2 * Math.sqrt(4.86 / 4), 12);
    expect(lv.lvReinforceMW).toBeCloseTo((100 * (2 + 2 * Math.sqrt(4.86 / 4) - 3.2)) / 1000, 12);
  });
});

describe('LV layer properties', () => {
  it('without heat pumps there is one class whatever the clustering', () => {
    for (const wijkClustering of [0, 0.3, 1]) {
      const lv = lvOf('L', { wijkClustering, shareHeatNet: 0.5 });
      expect(lv.lvTransitionHomesShare).toBe(1);
      expect(lv.lvReinforceMW).toBe(0);
      expect(lv.lvPeakKWPerHome).toBeCloseTo(1.6, 12);
    }
  });

  it('more clustering never lowers LV reinforcement (bundled data, s in (0, 1))', () => {
    const bundled = loadDataset();
    for (const [allElectric, hybrid] of [
      [0.15, 0.3],
      [0.05, 0],
      [0, 0.5],
      [0.4, 0.4],
    ]) {
      let previous: number[] | undefined;
      for (const wijkClustering of [0, 0.25, 0.5, 0.75, 1]) {
        const scenario = parseScenario(
          { defaults: { shareAllElectric: allElectric, shareHybrid: hybrid, wijkClustering } },
          bundled,
        );
        const mw = evaluate(bundled, scenario).regions.map((r) => r.lvReinforceMW);
        if (previous)
          mw.forEach((value, r) => {
            expect(value, `s = ${allElectric} + ${hybrid}, c = ${wijkClustering}, region ${r}`).toBeGreaterThanOrEqual(
              previous![r] - 1e-9,
            );
          });
        previous = mw;
      }
    }
  });

  it('the empty scenario needs no LV reinforcement on the bundled data (today’s grid carries today’s load)', () => {
    const bundled = loadDataset();
    const result = evaluate(bundled, parseScenario({}, bundled));
    expect(result.national.lvReinforceMW).toBe(0);
    expect(result.national.lvOverloadedHomesShare).toBe(0);
  });

  it('the empty scenario needs none even without spare capacity (the margins agree to the bit)', () => {
    const result = evaluate(dataset, parseScenario({ national: { ...NATIONAL, lvSpareShare: 0 } }, dataset));
    for (const region of result.regions) expect(region.lvReinforceMW).toBe(0);
  });
});
