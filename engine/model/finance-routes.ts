import type { NationalParams } from '../scenario/parameters.ts';
import { annuity } from './annuity.ts';

/**
 * Annuity factors of the state-equity route (MODEL.md §11): a share `equityShare` of the capital
 * comes from the state at `waccState`, the rest from the netbeheerder at `waccGrid`, so the capital
 * costs the blended rate rE = (1 − e) × waccGrid + e × waccState.
 */
export interface EquityAnnuityFactors {
  /** annuity(1, rE, gridLifeYears) and annuity(1, rE, storageLifeYears). */
  grid: number;
  storage: number;
}

/** The blended rate of the state-equity route and its annuity factors, once per scenario. */
export function equityAnnuityFactors(n: NationalParams): EquityAnnuityFactors {
  const blendedRate = (1 - n.equityShare) * n.waccGrid + n.equityShare * n.waccState;
  return {
    grid: annuity(1, blendedRate, n.gridLifeYears),
    storage: annuity(1, blendedRate, n.storageLifeYears),
  };
}

/** The three financing routes of one region or of the country (MODEL.md §11). */
export interface FinanceRoutes {
  /** Tariff route: the whole annuity at waccGrid paid by the connections, EUR per connection per year. */
  tariffEURPerConnection: number;
  /** State-equity route: the annuity at the blended rate per connection, EUR per year. */
  equityTariffEURPerConnection: number;
  /** Yearly annuity at the blended rate, EUR (the national tariff of this route divides its sum). */
  equityAnnuityEUR: number;
  /** Capital the state puts in, EUR. */
  equityStateEUR: number;
  /** Subsidy route: the state (through the energy tax) pays the whole annuity, EUR per year. */
  subsidyStateEURPerYear: number;
}

/** Works out the three routes for grid and storage capital whose tariff-route annuity is `gridAnnuityEUR`. */
export function financeRoutes(
  gridCapexEUR: number,
  storageCapexEUR: number,
  gridAnnuityEUR: number,
  connections: number,
  equity: EquityAnnuityFactors,
  n: NationalParams,
): FinanceRoutes {
  const equityAnnuityEUR = gridCapexEUR * equity.grid + storageCapexEUR * equity.storage;
  return {
    tariffEURPerConnection: gridAnnuityEUR / connections,
    equityTariffEURPerConnection: equityAnnuityEUR / connections,
    equityAnnuityEUR,
    equityStateEUR: n.equityShare * (gridCapexEUR + storageCapexEUR),
    subsidyStateEURPerYear: gridAnnuityEUR,
  };
}

/** Share of the energy-tax revenue the subsidy route takes; NaN (null) when there is no revenue. */
export function subsidyEBShare(gridAnnuityEUR: number, n: NationalParams): number {
  return n.ebRevenueEURPerYear > 0 ? gridAnnuityEUR / n.ebRevenueEURPerYear : Number.NaN;
}
