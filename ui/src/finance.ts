/**
 * The figures of the Financiering panel, the uitvoeringskosten and the Ruimte view, worked out from
 * one evaluation (docs/model.md §11–13) in display units: € per connection per year, mln €, ha, %.
 * Pure functions, so the panel, the tables and their tests read the same numbers.
 */
import type { NationalResult, RegionResult } from '../../engine/model/outputs.ts';
import { num } from './format.ts';

/** One financing route as the panel shows it side by side with the others. */
export interface RouteFigures {
  key: 'tarief' | 'deelneming' | 'subsidie';
  label: string;
  /** Who pays the grid and battery annuity in this route. */
  payer: string;
  /** What the small consumer pays per connection per year, €. */
  perConnectionEUR: number;
  /** Difference with the tariff route per connection per year, € (negative = cheaper for users). */
  diffVsTariffEUR: number;
  /** The state's capital put in (deelneming), €; 0 in the other routes. */
  stateCapitalEUR: number;
  /** The state's yearly payment (subsidie), €/year; 0 in the other routes. */
  stateYearlyEUR: number;
}

type FinanceRow = Pick<
  RegionResult,
  | 'financeTariffEURPerConnection'
  | 'financeEquityTariffEURPerConnection'
  | 'financeEquityStateEUR'
  | 'financeSubsidyStateEURPerYear'
>;

/** The three routes of one region or of the country, in the order the panel shows them. */
export function financeRoutes(row: FinanceRow): RouteFigures[] {
  const tariff = row.financeTariffEURPerConnection;
  return [
    {
      key: 'tarief',
      label: 'Via nettarieven',
      payer: 'Netgebruikers betalen alles via het tarief (WACC netbeheer).',
      perConnectionEUR: tariff,
      diffVsTariffEUR: 0,
      stateCapitalEUR: 0,
      stateYearlyEUR: 0,
    },
    {
      key: 'deelneming',
      label: 'Staatsdeelneming',
      payer: 'De staat legt kapitaal in tegen een eigen rendement; netgebruikers betalen de rest via het tarief.',
      perConnectionEUR: row.financeEquityTariffEURPerConnection,
      diffVsTariffEUR: row.financeEquityTariffEURPerConnection - tariff,
      stateCapitalEUR: row.financeEquityStateEUR,
      stateYearlyEUR: 0,
    },
    {
      key: 'subsidie',
      label: 'Subsidie uit energiebelasting',
      payer: 'De provincies betalen de hele annuïteit uit de energiebelasting; netgebruikers niets.',
      perConnectionEUR: 0,
      diffVsTariffEUR: -tariff,
      stateCapitalEUR: 0,
      stateYearlyEUR: row.financeSubsidyStateEURPerYear,
    },
  ];
}

/** Why a nullable output has no value, in Dutch. */
export const NULL_REASONS = {
  financeSubsidyEBShare: 'geen EB-opbrengst ingesteld',
  landClaimShareOfArable: 'landbouwgrond onbekend',
  nationalLandClaimShareOfArable: 'niet voor elke regio is de landbouwgrond bekend',
} as const;

/**
 * Why a nullable output has no value in an area ('NL' or a region id), in Dutch; for '—' in tables,
 * the sweep scatter and the tornado chart.
 */
export function nullReason(output: string, area = 'NL'): string {
  if (output === 'financeSubsidyEBShare') return NULL_REASONS.financeSubsidyEBShare;
  if (output === 'landClaimShareOfArable')
    return area === 'NL' ? NULL_REASONS.nationalLandClaimShareOfArable : NULL_REASONS.landClaimShareOfArable;
  return 'geen waarde';
}

/** A share (0–1) as a Dutch percentage, or "—" with the reason when the model gives no value. */
export function shareOrReason(share: number | null | undefined, reason: string, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return `— (${reason})`;
  return `${num(share * 100, digits)}\u00a0%`;
}

/** One row of the region table of the Financiering panel, in display units. */
export interface FinanceRegionRow {
  id: string;
  name: string;
  /** €/aansluiting/jaar in each route. */
  tariff: number;
  equity: number;
  equityDiff: number;
  subsidyDiff: number;
  /** mln €. */
  equityStateMln: number;
  /** mln € per year. */
  subsidyStateMlnPerYear: number;
  /** The scenario's own tariff (after its EB reinvestment), €/aansluiting/jaar. */
  ownTariff: number;
}

/** The region table of the Financiering panel. */
export function financeRegionRows(
  regions: readonly RegionResult[],
  nameOf: (id: string) => string,
): FinanceRegionRow[] {
  return regions.map((r) => ({
    id: r.id,
    name: nameOf(r.id),
    tariff: r.financeTariffEURPerConnection,
    equity: r.financeEquityTariffEURPerConnection,
    equityDiff: r.financeEquityTariffEURPerConnection - r.financeTariffEURPerConnection,
    subsidyDiff: -r.financeTariffEURPerConnection,
    equityStateMln: r.financeEquityStateEUR / 1e6,
    subsidyStateMlnPerYear: r.financeSubsidyStateEURPerYear / 1e6,
    ownTariff: r.tariffEURPerConnection,
  }));
}

/** Uitvoeringskosten of one region per klimaattafel, mln € (programme to 2030). */
export interface ExecutionRow {
  id: string;
  name: string;
  gebouwdMln: number;
  elektriciteitMln: number;
  totalMln: number;
}

type ExecutionSource = Pick<RegionResult, 'uitvoeringWarmteEUR' | 'uitvoeringRESEUR'>;

/** The uitvoeringskosten of a region (or the country) per klimaattafel, in mln €. */
export function executionRow(id: string, name: string, r: ExecutionSource): ExecutionRow {
  const gebouwdMln = r.uitvoeringWarmteEUR / 1e6;
  const elektriciteitMln = r.uitvoeringRESEUR / 1e6;
  return { id, name, gebouwdMln, elektriciteitMln, totalMln: gebouwdMln + elektriciteitMln };
}

/** One row of the Ruimte table, ha and % (ruimtedruk null when the arable land is unknown). */
export interface LandRow {
  id: string;
  name: string;
  fieldSolarHa: number;
  windHa: number;
  housingHa: number;
  housingNeedHomes: number;
  landClaimHa: number;
  arableLandHa: number | null;
  /** landClaimShareOfArable × 100, or null. */
  pressurePct: number | null;
}

/** The Ruimte table: the region outputs of §13 with the region data's arable land. */
export function landRows(
  regions: readonly RegionResult[],
  data: ReadonlyArray<{ id: string; name: string; arableLandHa?: number | null }>,
): LandRow[] {
  const byId = new Map(data.map((d) => [d.id, d]));
  return regions.map((r) => {
    const d = byId.get(r.id);
    const share = r.landClaimShareOfArable;
    return {
      id: r.id,
      name: d?.name ?? r.id,
      fieldSolarHa: r.fieldSolarHa,
      windHa: r.windHa,
      housingHa: r.housingHa,
      housingNeedHomes: r.housingNeedHomes,
      landClaimHa: r.landClaimHa,
      arableLandHa: d?.arableLandHa ?? null,
      pressurePct: share === null || !Number.isFinite(share) ? null : share * 100,
    };
  });
}

export type { NationalResult };
