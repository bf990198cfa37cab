import type { EvaluationResult } from '../model/evaluate.ts';
import type { NationalParams } from '../scenario/parameters.ts';

const digits = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: n, minimumFractionDigits: n });
const fmt0 = digits(0);
const fmt1 = digits(1);
const percent = (share: number) => `${fmt1.format(share * 100)}%`;
const millions = (eur: number) => `${fmt1.format(eur / 1e6)} M EUR`;

/** Lines `label  value` with the labels padded to one width. */
function labelled(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}

/**
 * The "Financiering" block: the three ways to pay for the grid and storage annuity nationally, in EUR
 * per connection per year for the users and what the state puts in.
 */
export function formatFinanceBlock(result: EvaluationResult, n: NationalParams): string[] {
  const nat = result.national;
  const ebShare =
    nat.financeSubsidyEBShare === null
      ? 'no energy-tax revenue to compare with'
      : `${percent(nat.financeSubsidyEBShare)} of the energy-tax revenue`;
  return [
    'Financiering (grid and storage, per connection per year; what the state puts in)',
    ...labelled([
      [
        `Tariffs (netbeheerder at ${percent(n.waccGrid)})`,
        `${fmt1.format(nat.financeTariffEURPerConnection)} EUR; state: nothing`,
      ],
      [
        `State equity (${percent(n.equityShare)} at ${percent(n.waccState)})`,
        `${fmt1.format(nat.financeEquityTariffEURPerConnection)} EUR; state: ${millions(nat.financeEquityStateEUR)} capital`,
      ],
      [
        'Energy-tax subsidy (provinces pay)',
        `0.0 EUR; state: ${millions(nat.financeSubsidyStateEURPerYear)} per year, ${ebShare}`,
      ],
    ]),
  ];
}

/** Uitvoeringskosten to 2030 per klimaattafel: warmte → Gebouwde omgeving, RES → Elektriciteit. */
export function formatExecutionBlock(result: EvaluationResult): string[] {
  const nat = result.national;
  return [
    'Uitvoeringskosten decentrale overheden (programme to 2030, per klimaattafel)',
    ...labelled([
      ['Gebouwde omgeving (warmte, per switching home)', millions(nat.uitvoeringWarmteEUR)],
      ['Elektriciteit (RES, per TWh of new production)', millions(nat.uitvoeringRESEUR)],
    ]),
  ];
}

/** The land claim of solar fields, wind and housing, and its share of the arable land. */
export function formatLandLine(result: EvaluationResult): string {
  const nat = result.national;
  const share =
    nat.landClaimShareOfArable === null
      ? 'share of arable land unknown (not every region has arable land in the dataset)'
      : `${percent(nat.landClaimShareOfArable)} of the arable land`;
  return (
    `Land claim: solar fields ${fmt0.format(nat.fieldSolarHa)} + wind ${fmt0.format(nat.windHa)} + ` +
    `housing ${fmt0.format(nat.housingHa)} (${fmt0.format(nat.housingNeedHomes)} homes) = ` +
    `${fmt0.format(nat.landClaimHa)} ha; ${share}`
  );
}

/** Header and rows of the per-region table of routes, uitvoeringskosten and land. */
export function financeRegionTable(result: EvaluationResult): { header: string[]; rows: string[][] } {
  return {
    header: [
      'region',
      'tariff EUR',
      'equity EUR',
      'state cap M EUR',
      'subsidy M EUR/yr',
      'GO M EUR',
      'Elek M EUR',
      'land ha',
      'of arable',
    ],
    rows: result.regions.map((r) => [
      r.id,
      fmt1.format(r.financeTariffEURPerConnection),
      fmt1.format(r.financeEquityTariffEURPerConnection),
      fmt1.format(r.financeEquityStateEUR / 1e6),
      fmt1.format(r.financeSubsidyStateEURPerYear / 1e6),
      fmt1.format(r.uitvoeringWarmteEUR / 1e6),
      fmt1.format(r.uitvoeringRESEUR / 1e6),
      fmt0.format(r.landClaimHa),
      r.landClaimShareOfArable === null ? '–' : percent(r.landClaimShareOfArable),
    ]),
  };
}
