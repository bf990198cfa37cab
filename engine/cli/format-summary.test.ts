/**
 * The CLI summary in Dutch and display units, on the tiny-v2 worked example: every figure below is
 * the example's expected.json value converted and rounded by hand (not by the code under test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { NATIONAL_PARAM_LABELS, OUTPUT_LABELS } from '../labels/index.ts';
import { evaluate } from '../model/evaluate.ts';
import { resolveNational } from '../scenario/resolve.ts';
import { parseScenario } from '../scenario/validate.ts';
import { formatSummary } from './format-summary.ts';
import { textTable, wrapWords } from './format-quantity.ts';

const TESTDATA = join(import.meta.dirname, '../testdata');

function summaryOf(datasetDir: string, input: unknown): string {
  const dataset = loadDataset(datasetDir);
  const scenario = parseScenario(input, dataset);
  return formatSummary('s', dataset.name, evaluate(dataset, scenario), resolveNational(scenario));
}

/** The line that starts with `label` followed by two spaces (a labelled line of the summary). */
function lineValue(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${label}  `));
  expect(line, label).toBeDefined();
  return (line as string).trimStart().slice(label.length).trim();
}

/** The cells of a table row that starts with `id`. */
function rowOf(text: string, id: string, nth = 0): string[] {
  const rows = text.split('\n').filter((l) => l.startsWith(`${id} `));
  expect(rows.length, id).toBeGreaterThan(nth);
  return rows[nth].trim().split(/\s+/);
}

const out = (name: keyof typeof OUTPUT_LABELS) => OUTPUT_LABELS[name].label;
const tinyV2 = join(TESTDATA, 'tiny-v2');
const text = summaryOf(join(tinyV2, 'dataset'), JSON.parse(readFileSync(join(tinyV2, 'scenario.json'), 'utf8')));

describe('the CLI summary of the tiny-v2 worked example', () => {
  it('gives the national KPIs under their Dutch labels in display units, Dutch style', () => {
    expect(text.split('\n')[0]).toBe('Scenario "s" op dataset dataset');
    expect(lineValue(text, out('resNominalTWh'))).toBe('0,01 TWh/jaar'); // 0.008705 TWh
    expect(lineValue(text, out('route35Triggered'))).toBe('ja');
    expect(lineValue(text, NATIONAL_PARAM_LABELS.targetTWh.label)).toBe('35 TWh/jaar');
    expect(lineValue(text, out('targetGapTWh'))).toBe('34,99 TWh/jaar'); // 34.991295
    expect(lineValue(text, out('peakFeedinMW'))).toBe('915 MW'); // 914.67
    expect(lineValue(text, out('reinforceOfftakeMW'))).toBe('39 MW'); // 39.30
    expect(lineValue(text, out('gridCapexEUR'))).toBe('401 mln €'); // 400,741,630.6 €
    expect(lineValue(text, out('storageCapexEUR'))).toBe('22 mln €'); // 21,620,000 €
    expect(lineValue(text, out('gridAnnuityEUR'))).toBe('19,1 mln €/jaar'); // 19,148,069 €
    expect(lineValue(text, out('tariffEURPerConnection'))).toBe('125 €/aansluiting/jaar'); // 125.28
    expect(lineValue(text, out('ebToGridEUR'))).toBe('4,3 mln €/jaar'); // 4,314,590 €
    expect(lineValue(text, out('lvOverloadedHomesShare'))).toBe('97,2 % woningen'); // 0.97222
    expect(lineValue(text, out('lvCapexEUR'))).toBe('45 mln €'); // 45,103,568 €
    expect(lineValue(text, out('windTurbines'))).toBe('143 stuks'); // 142.857
  });

  it('shows the three financing routes with the rates they use and what the state puts in', () => {
    expect(lineValue(text, out('financeTariffEURPerConnection'))).toBe(
      '162 €/aansluiting/jaar  (Vermogenskosten netbeheer (WACC) 3,0 %/jaar)',
    ); // 161.72; WACC 0.03
    expect(lineValue(text, out('financeEquityTariffEURPerConnection'))).toBe(
      '147 €/aansluiting/jaar  (Aandeel staatsdeelneming 40 % van het kapitaal, Rendement staat op deelneming 1,5 %/jaar)',
    ); // 147.21; equity 0.4 at 0.015
    expect(lineValue(text, out('financeEquityStateEUR'))).toBe('169 mln €'); // 168,944,652 €
    expect(lineValue(text, out('financeSubsidyStateEURPerYear'))).toBe('19,1 mln €/jaar');
    expect(lineValue(text, out('financeSubsidyEBShare'))).toBe('88,6 % van de EB-opbrengst'); // 0.88648
  });

  it('gives the uitvoeringskosten per klimaattafel and the land claim with its share of arable land', () => {
    expect(lineValue(text, out('uitvoeringWarmteEUR'))).toBe('112 mln €'); // 111,800,000 €
    expect(lineValue(text, out('uitvoeringRESEUR'))).toBe('0 mln €'); // 335,250 €
    expect(lineValue(text, out('housingNeedHomes'))).toBe('12.150 woningen');
    expect(lineValue(text, out('housingHa'))).toBe('608 ha'); // 607.5
    expect(lineValue(text, out('landClaimHa'))).toBe('1.309 ha'); // 1308.93
    expect(lineValue(text, out('landClaimShareOfArable'))).toBe('17,7 % van de landbouwgrond'); // 0.17688
  });

  it('has two tables per region in display units', () => {
    // RES 0.0018 TWh; peaks 141.67 / 130.40 MW; reinforcement 41.67 / 10.40 MW; LV 13.74 MW, 100 %
    // of homes overloaded; congestion 3 / 6 h; grid 60.3 mln €; tariff 0; woonlasten hybride 690.44 €.
    expect(rowOf(text, 'T1', 0)).toEqual([
      'T1',
      '0,00',
      '142',
      '130',
      '42',
      '10',
      '14',
      '100,0',
      '3',
      '6',
      '60',
      '0',
      '690',
    ]);
    // Tariff routes 31.95 / 29.35 €; state capital 28.4 mln €, subsidy 3.51 mln €/jaar; uitvoering
    // 107.5 mln € and 45,000 €; land 761.9 ha, 15.24 % of the arable land.
    expect(rowOf(text, 'T1', 1)).toEqual(['T1', '32', '29', '28', '3,5', '108', '0', '762', '15,2']);
  });

  it('heads its table columns with the labels and display units of the label table, no English left', () => {
    expect(text).toMatch(/^regio +TWh\/jaar +MW +MW/m);
    for (const english of ['EUR', 'region', 'production', 'triggered', 'connection', 'Land claim', 'Tariff', 'state'])
      expect(text).not.toContain(english);
  });

  it('says why a share is missing (no energy-tax revenue, arable land unknown)', () => {
    const v1 = summaryOf(join(TESTDATA, 'tiny/dataset'), { national: { ebRevenueEURPerYear: 0 } });
    expect(lineValue(v1, out('financeSubsidyEBShare'))).toBe(
      '– (geen opbrengst van de energiebelasting om mee te vergelijken)',
    );
    expect(lineValue(v1, out('landClaimShareOfArable'))).toBe('– (niet elke regio heeft landbouwgrond in de dataset)');
    expect(rowOf(v1, 'T1', 1).at(-1)).toBe('–');
  });
});

describe('text tables', () => {
  it('wrap heads over lines at the narrowest width that keeps a label to three lines', () => {
    expect(wrapWords('Verandering woonlasten, hybride warmtepomp', 12)).toEqual([
      'Verandering',
      'woonlasten,',
      'hybride',
      'warmtepomp',
    ]);
    const table = textTable([
      { label: 'regio', cells: ['A', 'B'], alignRight: false },
      { label: 'Piek netto teruglevering', unit: 'MW', cells: ['1.234', '5'], alignRight: true },
    ]);
    expect(table.split('\n')).toEqual([
      '          Piek netto',
      '       teruglevering',
      'regio             MW',
      '-----  -------------',
      'A              1.234',
      'B                  5',
    ]);
  });
});
