import type { EvaluationResult } from '../model/evaluate.ts';
import type { NationalParams } from '../scenario/parameters.ts';
import { financeRegionTable, formatExecutionBlock, formatFinanceBlock, formatLandLine } from './format-finance.ts';

const nl = (digits: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const fmt0 = nl(0);
const fmt1 = nl(1);
const fmt2 = nl(2);

function pad(text: string, width: number, alignRight: boolean): string {
  return alignRight ? text.padStart(width) : text.padEnd(width);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c], c > 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A readable summary of an evaluation: national KPIs, Route 35 status, the financing routes,
 * uitvoeringskosten and land claim, and two tables per region.
 */
export function formatSummary(
  scenarioName: string,
  datasetName: string,
  result: EvaluationResult,
  national: NationalParams,
): string {
  const n = result.national;
  const targetTWh = national.targetTWh;
  const route35 = n.route35Triggered
    ? `TRIGGERED: RES production ${fmt2.format(n.resNominalTWh)} TWh is ${fmt2.format(n.targetGapTWh)} TWh short of ${fmt0.format(targetTWh)} TWh`
    : `not triggered: RES production ${fmt2.format(n.resNominalTWh)} TWh meets the ${fmt0.format(targetTWh)} TWh target`;
  const kpis = [
    ['RES production (nominal / delivered)', `${fmt2.format(n.resNominalTWh)} / ${fmt2.format(n.resDeliveredTWh)} TWh`],
    ['Route 35', route35],
    ['Peak feed-in / offtake (sum of regions)', `${fmt0.format(n.peakFeedinMW)} / ${fmt0.format(n.peakOfftakeMW)} MW`],
    [
      'Reinforcement feed-in / offtake',
      `${fmt0.format(n.reinforceFeedinMW)} / ${fmt0.format(n.reinforceOfftakeMW)} MW`,
    ],
    [
      'Grid capex / storage capex',
      `${fmt0.format(n.gridCapexEUR / 1e6)} / ${fmt0.format(n.storageCapexEUR / 1e6)} M EUR`,
    ],
    ['Grid annuity', `${fmt0.format(n.gridAnnuityEUR / 1e6)} M EUR per year`],
    ['Tariff', `${fmt1.format(n.tariffEURPerConnection)} EUR per connection per year`],
    [
      'Energy tax reinvested (grid / heat)',
      `${fmt0.format(n.ebToGridEUR / 1e6)} / ${fmt0.format(n.ebToHeatEUR / 1e6)} M EUR per year`,
    ],
    [
      'LV reinforcement (streets)',
      `${fmt0.format(n.lvReinforceMW)} MW, ${fmt0.format(n.lvCapexEUR / 1e6)} M EUR (in grid capex); ${fmt1.format(
        n.lvOverloadedHomesShare * 100,
      )}% of homes on overloaded LV groups`,
    ],
    ['Heat-pump electricity', `${fmt2.format(n.heatElecTWh)} TWh`],
    ['CO2 avoided', `${fmt0.format(n.co2AvoidedT / 1e3)} kt per year`],
    ['Land: solar fields / wind', `${fmt0.format(n.fieldSolarHa)} ha / ${fmt0.format(n.windTurbines)} turbines`],
  ];
  const finance = financeRegionTable(result);
  const width = Math.max(...kpis.map(([label]) => label.length));
  const regionRows = result.regions.map((r) => [
    r.id,
    fmt2.format(r.resNominalTWh),
    fmt0.format(r.peakFeedinMW),
    fmt0.format(r.peakOfftakeMW),
    fmt0.format(r.reinforceFeedinMW),
    fmt0.format(r.reinforceOfftakeMW),
    fmt0.format(r.lvReinforceMW),
    fmt0.format(r.lvOverloadedHomesShare * 100),
    fmt0.format(r.congestionHoursFeedin),
    fmt0.format(r.congestionHoursOfftake),
    fmt0.format(r.gridCapexEUR / 1e6),
    fmt1.format(r.tariffEURPerConnection),
    fmt0.format(r.deltaWoonlastenHY_EUR),
  ]);
  return [
    `Scenario "${scenarioName}" on dataset ${datasetName}`,
    '',
    ...kpis.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    '',
    table(
      [
        'region',
        'RES TWh',
        'peak in MW',
        'peak out MW',
        'reinf in MW',
        'reinf out MW',
        'LV MW',
        'LV over %',
        'cong h in',
        'cong h out',
        'grid M EUR',
        'tariff EUR',
        'dWoon HY EUR',
      ],
      regionRows,
    ),
    '',
    '',
    ...formatFinanceBlock(result, national),
    '',
    ...formatExecutionBlock(result),
    '',
    formatLandLine(result),
    '',
    table(finance.header, finance.rows),
    '',
  ].join('\n');
}
