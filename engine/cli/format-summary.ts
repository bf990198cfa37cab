import { NATIONAL_PARAM_LABELS, OUTPUT_LABELS } from '../labels/index.ts';
import type { EvaluationResult } from '../model/evaluate.ts';
import type { NationalOutputName, RegionOutputName } from '../model/outputs.ts';
import type { NationalParams } from '../scenario/parameters.ts';
import { financeRegionTable, formatExecutionBlock, formatFinanceBlock, formatLandBlock } from './format-finance.ts';
import { displayText, labelledLines, quantityColumn, textTable } from './format-quantity.ts';

/** The national outputs of the summary's first block, in the order the UI's KPI panel reads them. */
const NATIONAL_KPIS: readonly NationalOutputName[] = [
  'resNominalTWh',
  'resDeliveredTWh',
  'route35Triggered',
  'targetGapTWh',
  'peakFeedinMW',
  'peakOfftakeMW',
  'reinforceFeedinMW',
  'reinforceOfftakeMW',
  'gridCapexEUR',
  'storageCapexEUR',
  'gridAnnuityEUR',
  'tariffEURPerConnection',
  'ebToGridEUR',
  'ebToHeatEUR',
  'lvReinforceMW',
  'lvCapexEUR',
  'lvOverloadedHomesShare',
  'heatElecTWh',
  'co2AvoidedT',
  'fieldSolarHa',
  'windTurbines',
];

/** The columns of the per-region table of grid and homes. */
const REGION_COLUMNS: readonly RegionOutputName[] = [
  'resNominalTWh',
  'peakFeedinMW',
  'peakOfftakeMW',
  'reinforceFeedinMW',
  'reinforceOfftakeMW',
  'lvReinforceMW',
  'lvOverloadedHomesShare',
  'congestionHoursFeedin',
  'congestionHoursOfftake',
  'gridCapexEUR',
  'tariffEURPerConnection',
  'deltaWoonlastenHY_EUR',
];

/** The national KPI lines: label and display value of each output, the RES target after Route 35. */
function nationalLines(result: EvaluationResult, national: NationalParams): string[] {
  const rows = NATIONAL_KPIS.map((name): [string, string] => [
    OUTPUT_LABELS[name].label,
    displayText(OUTPUT_LABELS[name], result.national[name]),
  ]);
  const target = NATIONAL_PARAM_LABELS.targetTWh;
  rows.splice(NATIONAL_KPIS.indexOf('route35Triggered') + 1, 0, [
    target.label,
    displayText(target, national.targetTWh),
  ]);
  return labelledLines(rows);
}

/**
 * A readable summary of an evaluation, in Dutch and display units like the UI: national KPIs,
 * Route 35, a table per region, the financing routes, uitvoeringskosten and land claim.
 */
export function formatSummary(
  scenarioName: string,
  datasetName: string,
  result: EvaluationResult,
  national: NationalParams,
): string {
  const regionTable = textTable([
    { label: 'regio', cells: result.regions.map((r) => r.id), alignRight: false },
    ...REGION_COLUMNS.map((name) =>
      quantityColumn(
        OUTPUT_LABELS[name],
        result.regions.map((r) => r[name]),
      ),
    ),
  ]);
  return [
    `Scenario "${scenarioName}" op dataset ${datasetName}`,
    '',
    ...nationalLines(result, national),
    '',
    'Per regio: net en woonlasten',
    regionTable,
    '',
    ...formatFinanceBlock(result, national),
    '',
    ...formatExecutionBlock(result),
    '',
    ...formatLandBlock(result),
    '',
    'Per regio: financiering, uitvoeringskosten en ruimte',
    financeRegionTable(result),
    '',
  ].join('\n');
}
