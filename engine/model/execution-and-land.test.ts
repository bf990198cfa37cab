import { describe, expect, it } from 'vitest';
import { parseDataset } from '../data/parse-dataset.ts';
import { ValidationError } from '../errors.ts';
import { parseScenario } from '../scenario/validate.ts';
import { evaluate } from './evaluate.ts';

// Two regions on four hours. Solar CF 0.5, 0, 0.5, 0 (1 full-load hour) and wind CF 0.25 (1 full-load
// hour), so a TWh is 1e6 MW. A: 0.0012 TWh RES-counted, of which 0.0005 TWh exists (roof 0.0001,
// field 0.0001, wind 0.0003); 400 MW of field solar and 600 MW of wind. B: no RES.
const HEADER =
  'id,name,provinces,homes,connections,baseDemandTWh,solarRoofTWh,solarFieldTWh,windTWh,existingSolarFieldTWh,existingWindTWh,gridFeedinMW,gridOfftakeMW,solarProfile,windProfile,tempProfile,baseProfile,existingSolarRoofTWh,housingNeedHomes,arableLandHa';
const PROFILES = ['hour,sol,wnd,tmp,bas', '0,0.5,0.25,5,1', '1,0,0.25,6,2', '2,0.5,0.25,7,3', '3,0,0.25,8,4'].join(
  '\n',
);

function datasetWith(arableA: string, arableB: string) {
  const regionsCsv = [
    HEADER,
    `A,Alpha,P,1000,1000,0.0024,0.0002,0.0004,0.0006,0.0001,0.0003,10,10,sol,wnd,tmp,bas,0.0001,600,${arableA}`,
    `B,Beta,P,2000,2000,0.0048,0,0,0,0,0,50,60,sol,wnd,tmp,bas,0,,${arableB}`,
  ].join('\n');
  return parseDataset({ name: 'test', regionsCsv, profilesCsv: PROFILES });
}

const dataset = datasetWith('1000', '500');
const run = (input: object, on = dataset) => evaluate(on, parseScenario(input, on));

describe('uitvoeringskosten (hand-computed)', () => {
  it('charges the warmte amount per switching home, insulation-only and heat-network homes included', () => {
    const result = run({
      regions: { A: { shareAllElectric: 0.1, shareHybrid: 0.2, shareHeatNet: 0.05, shareInsulationOnly: 0.05 } },
    });
    // 400 switching homes × 2150 €
    expect(result.regions[0].uitvoeringWarmteEUR).toBeCloseTo(860000, 6);
    expect(result.regions[1].uitvoeringWarmteEUR).toBe(0);
    expect(result.national.uitvoeringWarmteEUR).toBeCloseTo(860000, 6);
  });

  it('charges RES work on new production above the region data’s existing production, never scaled', () => {
    // (0.0012 − 0.0005) TWh × 50 M€/TWh = 35,000 €
    expect(run({}).regions[0].uitvoeringRESEUR).toBeCloseTo(35000, 6);
    // resScale 2 doubles the RES-counted TWh but not the existing: (0.0024 − 0.0005) × 5e7 = 95,000 €
    expect(run({ defaults: { resScale: 2 } }).regions[0].uitvoeringRESEUR).toBeCloseTo(95000, 6);
    // below today's production: no new production, no cost
    expect(run({ defaults: { resScale: 0.25 } }).regions[0].uitvoeringRESEUR).toBe(0);
    expect(run({ national: { uitvoeringRESEURPerTWh: 1e6 } }).national.uitvoeringRESEUR).toBeCloseTo(700, 9);
  });
});

describe('land against housing (hand-computed)', () => {
  it('takes the given housing need, else homes × housingGrowthShare, at homesPerHa', () => {
    const result = run({});
    expect(result.regions[0].housingNeedHomes).toBe(600);
    expect(result.regions[0].housingHa).toBeCloseTo(20, 12); // 600 / 30
    expect(result.regions[1].housingNeedHomes).toBeCloseTo(220, 12); // 2000 × 0.11
    expect(result.national.housingNeedHomes).toBeCloseTo(820, 12);
    const denser = run({ national: { homesPerHa: 40, housingGrowthShare: 0.2 } });
    expect(denser.regions[0].housingHa).toBeCloseTo(15, 12); // the given need stays 600
    expect(denser.regions[1].housingHa).toBeCloseTo(10, 12); // 400 / 40
  });

  it('adds field solar, wind and housing land and divides by the arable land', () => {
    const result = run({});
    // A: 400 ha field solar (1 MWp/ha) + 600/4.2 turbines × 0.5 ha + 20 ha housing
    const claimA = 400 + (600 / 4.2) * 0.5 + 20;
    expect(result.regions[0].landClaimHa).toBeCloseTo(claimA, 9);
    expect(result.regions[0].landClaimShareOfArable).toBeCloseTo(claimA / 1000, 12);
    expect(result.regions[1].landClaimShareOfArable).toBeCloseTo(220 / 30 / 500, 12);
    expect(result.national.landClaimHa).toBeCloseTo(claimA + 220 / 30, 9);
    expect(result.national.landClaimShareOfArable).toBeCloseTo((claimA + 220 / 30) / 1500, 12);
  });

  it('is null where arable land is missing or 0, and nationally unless every region has some', () => {
    for (const [arableB, label] of [
      ['', 'empty'],
      ['0', 'zero'],
    ]) {
      const result = run({}, datasetWith('1000', arableB));
      expect(result.regions[0].landClaimShareOfArable, label).toBeCloseTo(0.49142857142857144, 12);
      expect(result.regions[1].landClaimShareOfArable, label).toBeNull();
      expect(result.national.landClaimShareOfArable, label).toBeNull();
      expect(result.national.landClaimHa, label).toBeGreaterThan(0);
    }
  });
});

describe('financing routes in an evaluation', () => {
  const levers = { regions: { A: { storageMW: 5, storageMWh: 10 } } };

  it('keeps the tariff route apart from the scenario’s own energy-tax reinvestment', () => {
    const without = run(levers);
    const withEB = run({ ...levers, national: { ebReinvestShare: 0.5 } });
    const a = without.regions[0];
    expect(a.gridCapexEUR).toBeGreaterThan(0);
    expect(a.financeTariffEURPerConnection).toBeCloseTo(a.gridAnnuityEUR / 1000, 9);
    expect(withEB.regions[0].tariffEURPerConnection).toBeLessThan(a.tariffEURPerConnection);
    expect(withEB.regions[0].financeTariffEURPerConnection).toBe(a.financeTariffEURPerConnection);
    expect(a.financeSubsidyStateEURPerYear).toBe(a.gridAnnuityEUR);
    expect(a.financeEquityStateEUR).toBeCloseTo(0.3 * (a.gridCapexEUR + a.storageCapexEUR), 6);
    expect(without.national.financeTariffEURPerConnection).toBeCloseTo(without.national.gridAnnuityEUR / 3000, 9);
  });

  it('with no state equity (e = 0) gives exactly the tariff route, per region and nationally', () => {
    const result = run({ ...levers, national: { equityShare: 0, waccState: 0 } });
    for (const region of result.regions)
      expect(region.financeEquityTariffEURPerConnection).toBe(region.financeTariffEURPerConnection);
    expect(result.national.financeEquityTariffEURPerConnection).toBeCloseTo(
      result.national.financeTariffEURPerConnection,
      10,
    );
    expect(result.national.financeEquityStateEUR).toBe(0);
  });

  it('lowers the tariff exactly when waccState is below waccGrid', () => {
    const equity = (waccState: number) => run({ ...levers, national: { waccState } }).national;
    const below = equity(0.02);
    expect(below.financeEquityTariffEURPerConnection).toBeLessThan(below.financeTariffEURPerConnection);
    const same = equity(0.03);
    expect(same.financeEquityTariffEURPerConnection).toBeCloseTo(same.financeTariffEURPerConnection, 9);
    const above = equity(0.05);
    expect(above.financeEquityTariffEURPerConnection).toBeGreaterThan(above.financeTariffEURPerConnection);
  });

  it('reports the subsidy route as a share of the energy-tax revenue, null when there is none', () => {
    const result = run({ ...levers, national: { ebRevenueEURPerYear: 1e6 } });
    expect(result.national.financeSubsidyEBShare).toBeCloseTo(result.national.gridAnnuityEUR / 1e6, 12);
    expect(run({ ...levers, national: { ebRevenueEURPerYear: 0 } }).national.financeSubsidyEBShare).toBeNull();
    expect('financeSubsidyEBShare' in result.regions[0]).toBe(false);
  });
});

describe('validation of the v2 financing, uitvoering and land parameters', () => {
  const issuesOf = (national: object): string[] => {
    try {
      parseScenario({ national }, dataset);
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
      throw error;
    }
    return [];
  };

  it('names the parameter out of bounds', () => {
    expect(issuesOf({ equityShare: 1.5 })).toEqual(['national.equityShare: must lie in [0, 1], got 1.5']);
    expect(issuesOf({ homesPerHa: 0 })).toEqual(['national.homesPerHa: must be greater than 0, got 0']);
    expect(issuesOf({ uitvoeringWarmteEURPerHome: -1 })).toEqual([
      'national.uitvoeringWarmteEURPerHome: must not be negative, got -1',
    ]);
    expect(issuesOf({ uitvoeringRESEURPerTWh: -1 })).toHaveLength(1);
    expect(issuesOf({ housingGrowthShare: -0.1 })).toHaveLength(1);
    expect(issuesOf({ waccState: null })).toHaveLength(1);
  });

  it('accepts the edges: no equity, all equity, a housing share above 1, a negative real state rate', () => {
    expect(issuesOf({ equityShare: 0, housingGrowthShare: 1.5 })).toEqual([]);
    expect(issuesOf({ equityShare: 1, waccState: -0.01, uitvoeringRESEURPerTWh: 0 })).toEqual([]);
  });
});
