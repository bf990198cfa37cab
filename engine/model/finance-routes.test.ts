import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIONAL_DEFAULTS, type NationalParams } from '../scenario/parameters.ts';
import { annuity } from './annuity.ts';
import { equityAnnuityFactors, financeRoutes, subsidyEBShare } from './finance-routes.ts';

const params = (overrides: Partial<NationalParams>): NationalParams => ({
  ...NATIONAL_DEFAULTS,
  weatherYear: null,
  ...overrides,
});

describe('annuity', () => {
  it('repays the capital at the rate, and C/L at rate 0', () => {
    expect(annuity(1000, 0, 40)).toBe(25);
    // 1000 at 5% over 2 years: 537.80 (standard table value)
    expect(annuity(1000, 0.05, 2)).toBeCloseTo(537.8049, 4);
    // 1e6 at 2% over 40 years: 1.02^40 = 2.2080396636 → 20000 / (1 − 1/2.2080396636) = 36555.7478
    expect(annuity(1e6, 0.02, 40)).toBeCloseTo(36555.747797, 5);
  });

  it('gives C/L for a rate that is 0 only up to rounding, never a division by 0', () => {
    // A blended rate of (1 − e)·waccGrid + e·waccState may land on 1e-18 instead of 0.
    expect(annuity(1000, 1e-18, 40)).toBeCloseTo(25, 12);
    expect(annuity(1000, -1e-18, 40)).toBeCloseTo(25, 12);
    // small r: r / (1 − (1 + r)^−L) ≈ 1/L + r (L + 1) / (2L) → 1000 × (1/40 + 1e-9 × 41/80) = 25.0000005125
    expect(annuity(1000, 1e-9, 40)).toBeCloseTo(25.0000005125, 9);
  });
});

describe('financing routes (hand-computed)', () => {
  // Grid 1 M€ over 40 years, storage 0.2 M€ over 15 years, 100 connections, half the capital at 1%.
  const n = params({ waccGrid: 0.03, waccState: 0.01, equityShare: 0.5 });
  const gridAnnuityEUR = 43262.37789046286 + 16753.3160924576; // at 3%: 1e6 over 40 y, 2e5 over 15 y
  const routes = financeRoutes(1e6, 2e5, gridAnnuityEUR, 100, equityAnnuityFactors(n), n);

  it('charges the whole annuity at waccGrid to the connections on the tariff route', () => {
    expect(routes.tariffEURPerConnection).toBeCloseTo(600.1569398292046, 9);
    expect(routes.subsidyStateEURPerYear).toBe(gridAnnuityEUR);
  });

  it('finances at the blended rate 2% on the equity route, the state putting in half the capital', () => {
    // annuity(1e6, 2%, 40) = 36555.7478, annuity(2e5, 2%, 15) = 15565.0945
    expect(routes.equityAnnuityEUR).toBeCloseTo(36555.747797347474 + 15565.094450048813, 6);
    expect(routes.equityTariffEURPerConnection).toBeCloseTo(521.2084224739629, 9);
    expect(routes.equityStateEUR).toBe(600000);
  });

  it('equals the tariff route with no state equity (e = 0), whatever waccState', () => {
    const none = params({ equityShare: 0, waccState: 0.5 });
    const factors = equityAnnuityFactors(none);
    expect(factors.grid).toBe(annuity(1, none.waccGrid, none.gridLifeYears));
    expect(factors.storage).toBe(annuity(1, none.waccGrid, none.storageLifeYears));
  });

  it('lowers the yearly cost exactly when the state asks less than the grid WACC', () => {
    const equityTariff = (waccState: number) => {
      const m = params({ waccGrid: 0.03, waccState, equityShare: 0.3 });
      return financeRoutes(1e6, 2e5, gridAnnuityEUR, 100, equityAnnuityFactors(m), m).equityTariffEURPerConnection;
    };
    expect(equityTariff(0.02)).toBeLessThan(routes.tariffEURPerConnection);
    expect(equityTariff(0.03)).toBeCloseTo(routes.tariffEURPerConnection, 9);
    expect(equityTariff(0.04)).toBeGreaterThan(routes.tariffEURPerConnection);
  });

  it('takes the annuity as a share of the energy-tax revenue, null (NaN) without revenue', () => {
    expect(subsidyEBShare(6.408e8, params({ ebRevenueEURPerYear: 6.408e9 }))).toBeCloseTo(0.1, 15);
    expect(subsidyEBShare(6.408e8, params({ ebRevenueEURPerYear: 0 }))).toBeNaN();
  });
});

describe('financing routes on the capex of the worked example tiny-v2 (independent implementation)', () => {
  const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../testdata/tiny-v2/expected.json'), 'utf8')) as {
    regions: Array<Record<string, number>>;
    national: Record<string, number>;
  };
  // tiny-v2: equity 0.4 at 1.5%, waccGrid and lifetimes at their defaults; connections of its regions.csv
  const n = params({ equityShare: 0.4, waccState: 0.015, ebRevenueEURPerYear: 21600000 });
  const connections: Record<string, number> = { T1: 110000, T2: 3000, T3: 1000, T4: 4400 };

  it('gives every region the routes of the example from its grid and storage capex', () => {
    for (const region of expected.regions) {
      const routes = financeRoutes(
        region.gridCapexEUR,
        region.storageCapexEUR,
        region.gridAnnuityEUR,
        connections[region.id],
        equityAnnuityFactors(n),
        n,
      );
      const close = (actual: number, name: string) =>
        expect(Math.abs(actual - region[name]) / Math.max(1, Math.abs(region[name])), name).toBeLessThan(1e-9);
      close(routes.tariffEURPerConnection, 'financeTariffEURPerConnection');
      close(routes.equityTariffEURPerConnection, 'financeEquityTariffEURPerConnection');
      close(routes.equityStateEUR, 'financeEquityStateEUR');
      close(routes.subsidyStateEURPerYear, 'financeSubsidyStateEURPerYear');
    }
    expect(subsidyEBShare(expected.national.gridAnnuityEUR, n)).toBeCloseTo(
      expected.national.financeSubsidyEBShare,
      12,
    );
  });
});
