import { NATIONAL_PARAM_LABELS, OUTPUT_LABELS } from '../labels/index.ts';
import type { EvaluationResult } from '../model/evaluate.ts';
import type { NationalOutputName, RegionOutputName } from '../model/outputs.ts';
import type { NationalParams } from '../scenario/parameters.ts';
import { displayText, labelledLines, quantityColumn, textTable } from './format-quantity.ts';

/** `label  value` of a national output; `whenNull` explains a missing share. */
function outputRow(result: EvaluationResult, name: NationalOutputName, whenNull = ''): [string, string] {
  const value = result.national[name];
  const text = displayText(OUTPUT_LABELS[name], value);
  return [OUTPUT_LABELS[name].label, value === null && whenNull ? `${text} (${whenNull})` : text];
}

/** `label: value` of a national parameter, to say which rate or share an output used. */
function parameterNote(n: NationalParams, name: 'waccGrid' | 'waccState' | 'equityShare'): string {
  const q = NATIONAL_PARAM_LABELS[name];
  return `${q.label} ${displayText(q, n[name])}`;
}

/**
 * The "Financiering" block: the three ways to pay the grid and storage annuity nationally, per
 * connection per year for the users and what the state puts in, with the rates each route uses.
 */
export function formatFinanceBlock(result: EvaluationResult, n: NationalParams): string[] {
  const rows = labelledLines(
    [
      outputRow(result, 'financeTariffEURPerConnection'),
      outputRow(result, 'financeEquityTariffEURPerConnection'),
      outputRow(result, 'financeEquityStateEUR'),
      outputRow(result, 'financeSubsidyStateEURPerYear'),
      outputRow(result, 'financeSubsidyEBShare', 'geen opbrengst van de energiebelasting om mee te vergelijken'),
    ],
    '  ',
  );
  // Each route's rates follow its line, so the figures can be checked against the levers.
  rows[0] += `  (${parameterNote(n, 'waccGrid')})`;
  rows[1] += `  (${parameterNote(n, 'equityShare')}, ${parameterNote(n, 'waccState')})`;
  return ['Financiering van net en batterijen: drie routes', ...rows];
}

/** Uitvoeringskosten of decentrale overheden to 2030 per klimaattafel. */
export function formatExecutionBlock(result: EvaluationResult): string[] {
  return [
    'Uitvoeringskosten decentrale overheden tot 2030, per klimaattafel',
    ...labelledLines([outputRow(result, 'uitvoeringWarmteEUR'), outputRow(result, 'uitvoeringRESEUR')], '  '),
  ];
}

/** The land claim of solar fields, wind and housing, and its share of the arable land. */
export function formatLandBlock(result: EvaluationResult): string[] {
  return [
    'Ruimte',
    ...labelledLines(
      [
        outputRow(result, 'fieldSolarHa'),
        outputRow(result, 'windHa'),
        outputRow(result, 'housingNeedHomes'),
        outputRow(result, 'housingHa'),
        outputRow(result, 'landClaimHa'),
        outputRow(result, 'landClaimShareOfArable', 'niet elke regio heeft landbouwgrond in de dataset'),
      ],
      '  ',
    ),
  ];
}

/** The columns of the per-region table of routes, uitvoeringskosten and land. */
const FINANCE_COLUMNS: readonly RegionOutputName[] = [
  'financeTariffEURPerConnection',
  'financeEquityTariffEURPerConnection',
  'financeEquityStateEUR',
  'financeSubsidyStateEURPerYear',
  'uitvoeringWarmteEUR',
  'uitvoeringRESEUR',
  'landClaimHa',
  'landClaimShareOfArable',
];

/** The per-region table of routes, uitvoeringskosten and land. */
export function financeRegionTable(result: EvaluationResult): string {
  return textTable([
    { label: 'regio', cells: result.regions.map((r) => r.id), alignRight: false },
    ...FINANCE_COLUMNS.map((name) =>
      quantityColumn(
        OUTPUT_LABELS[name],
        result.regions.map((r) => r[name]),
      ),
    ),
  ]);
}
