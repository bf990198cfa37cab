// Invalid v2 inputs (MODEL.md v2 §1.6, §6, §8) as edits of the tiny-v2 worked example, each with the
// place its error message must name and the v2 part it belongs to (test code).

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvalidCase } from './agreement.ts';
import { csvText } from './random-basics.ts';
import { parseCsv } from './reference-model.ts';

export const TINY_V2 = join(import.meta.dirname, '..', 'testdata', 'tiny-v2');

export interface InvalidV2Case extends InvalidCase {
  part: 'lv' | 'weatherYears' | 'finance';
}

type Json = Record<string, Record<string, unknown>> & { regions: Record<string, Record<string, unknown>> };
type Parts = { lv: boolean; weatherYears: boolean; finance: boolean };

const FINANCE_PARAMETERS = [
  'waccState',
  'equityShare',
  'uitvoeringWarmteEURPerHome',
  'uitvoeringRESEURPerTWh',
  'homesPerHa',
  'housingGrowthShare',
];
const LV_PARAMETERS = ['lvHomesPerGroup', 'lvZ', 'lvSpareShare', 'lvSigmaHomeKW', 'costLvEURPerMW'];

/** The tiny-v2 scenario without the parameters of the v2 parts an engine does not implement yet. */
export function tinyV2ScenarioFor(parts: Parts, file = 'scenario.json'): Json {
  const sc = JSON.parse(readFileSync(join(TINY_V2, file), 'utf8')) as Json;
  const drop = [...(parts.finance ? [] : FINANCE_PARAMETERS), ...(parts.lv ? [] : LV_PARAMETERS)];
  if (!parts.weatherYears) drop.push('weatherYear');
  for (const k of drop) delete sc.national[k];
  if (!parts.lv) for (const o of Object.values(sc.regions)) delete o.wijkClustering;
  return sc;
}

let base: Json = tinyV2ScenarioFor({ lv: true, weatherYears: true, finance: true });
function scenarioWith(edit: (sc: Json) => void): string {
  const sc = structuredClone(base);
  edit(sc);
  return JSON.stringify(sc);
}
function set(path: string, value: unknown): string {
  return scenarioWith((sc) => {
    const parts = path.split('.');
    let o: Record<string, unknown> = sc;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = value;
  });
}
const rule = (part: InvalidV2Case['part'], path: string, value: unknown, place: string[] = [path]): InvalidV2Case => ({
  part,
  name: `${path} = ${JSON.stringify(value)}`,
  scenario: set(path, value),
  place,
});

function editCsv(file: string, edit: (rows: string[][], col: (name: string) => number) => void) {
  return (dir: string) => {
    const rows = parseCsv(readFileSync(join(dir, file), 'utf8')).map((r) => r.fields);
    edit(rows, (name) => rows[0].indexOf(name));
    writeFileSync(join(dir, file), csvText(rows, { eol: '\n', finalNewline: true }));
  };
}
const line = (n: number) => [`:${n}:`, `:${n} `, `:${n})`, `line ${n}`, `row ${n}`];

/** One CSV cell set to `value` on line `n` (the header is line 1): the error names the file and the line. */
function cellCase(
  part: InvalidV2Case['part'],
  file: string,
  n: number,
  column: string,
  value: string,
  name: string,
  place: string[] = [],
): InvalidV2Case {
  return {
    part,
    name: `${file === 'regions.csv' ? '' : `${file} `}${name} (line ${n})`,
    file,
    place: [...line(n), ...place],
    dataset: editCsv(file, (rows, col) => {
      rows[n - 1][col(column)] = value;
    }),
  };
}

/** dataset.json with `text`: the error names its weatherYear. */
const datasetJsonCase = (name: string, text: string): InvalidV2Case => ({
  part: 'weatherYears',
  name,
  file: 'dataset.json',
  place: ['weatherYear'],
  dataset: (dir) => writeFileSync(join(dir, 'dataset.json'), text),
});

const scenarioCases = (): InvalidV2Case[] => [
  // §10 / §1.6: a weatherYear the dataset does not have names the years it has
  { ...rule('weatherYears', 'national.weatherYear', 1987), place: ['national.weatherYear'] },
  rule('weatherYears', 'national.weatherYear', 2030.5),
  rule('weatherYears', 'national.weatherYear', '2031'),
  // §9 parameters
  rule('lv', 'national.lvSpareShare', 1),
  rule('lv', 'national.lvSpareShare', -0.1),
  rule('lv', 'national.lvHomesPerGroup', 0),
  rule('lv', 'national.lvZ', -1),
  rule('lv', 'national.lvSigmaEvKW', -0.5),
  rule('lv', 'national.costLvEURPerMW', -1),
  rule('lv', 'national.costHomeConnUpgradeEUR', -227),
  rule('lv', 'regions.T1.wijkClustering', 1.2),
  rule('lv', 'defaults.wijkClustering', -0.1),
  rule('lv', 'regions.T2.wijkClustering', null),
  rule('lv', 'regions.T3.lvCapacityKWPerHome', -1),
  rule('lv', 'national.lvHomesPerGroupp', 150),
  // §11–13 parameters
  rule('finance', 'national.equityShare', 1.5),
  rule('finance', 'national.equityShare', -0.2),
  rule('finance', 'national.homesPerHa', 0),
  rule('finance', 'national.uitvoeringWarmteEURPerHome', -1),
  rule('finance', 'national.uitvoeringRESEURPerTWh', -1),
  rule('finance', 'national.housingGrowthShare', -0.1),
  rule('finance', 'national.ebRevenueEURPerYear', -1),
  rule('finance', 'national.waccState', null),
];

const datasetCases = (): InvalidV2Case[] => [
  datasetJsonCase('dataset.json weatherYear not integral', '{"weatherYear": 2030.5}'),
  datasetJsonCase('dataset.json weatherYear null', '{"weatherYear": null}'),
  {
    part: 'weatherYears',
    name: 'a year both in dataset.json and a profiles-<YYYY>.csv',
    place: ['2031'],
    dataset: (dir) => writeFileSync(join(dir, 'dataset.json'), '{"weatherYear": 2031}'),
  },
  {
    part: 'weatherYears',
    name: 'profiles-2031.csv misses a profile regions.csv names (hh)',
    file: 'profiles-2031.csv',
    place: ['hh'],
    dataset: editCsv('profiles-2031.csv', (rows, col) => {
      const c = col('hh');
      for (const r of rows) r.splice(c, 1);
    }),
  },
  {
    ...cellCase('weatherYears', 'profiles-2031.csv', 6, 'hour', '7', 'hour out of order'),
    name: 'profiles-2031.csv hour out of order (line 6), checked although not used',
    scenario: '{}',
  },
  cellCase('weatherYears', 'profiles-2031.csv', 14, 'sol', '1.5', 'capacity factor 1.5', ['hour 12']),
  {
    part: 'weatherYears',
    name: 'profiles-2031.csv ragged row (line 9)',
    file: 'profiles-2031.csv',
    place: line(9),
    dataset: editCsv('profiles-2031.csv', (rows) => {
      rows[8].push('1');
    }),
  },
  {
    part: 'weatherYears',
    name: 'profiles-2031.csv missing while the scenario asks for 2031',
    scenario: set('national.weatherYear', 2031),
    place: ['national.weatherYear'],
    dataset: (dir) => rmSync(join(dir, 'profiles-2031.csv')),
  },
  cellCase('lv', 'regions.csv', 3, 'homes', '0', 'homes 0'),
  cellCase('lv', 'regions.csv', 2, 'householdDemandTWh', '-0.001', 'negative householdDemandTWh'),
  cellCase('lv', 'regions.csv', 4, 'lvCapacityKWPerHome', 'x', 'non-numeric lvCapacityKWPerHome'),
  cellCase('lv', 'regions.csv', 5, 'householdProfile', 'nosuch', 'householdProfile that is not a column', ['nosuch']),
  {
    part: 'lv',
    name: 'household profile summing to 0 (hh)',
    place: ['hh'],
    dataset: (dir) => {
      for (const f of ['profiles.csv', 'profiles-2031.csv'])
        editCsv(f, (rows, col) => {
          for (const r of rows.slice(1)) r[col('hh')] = '0';
        })(dir);
    },
  },
  cellCase('finance', 'regions.csv', 3, 'arableLandHa', '-1', 'negative arableLandHa'),
  cellCase('finance', 'regions.csv', 2, 'housingNeedHomes', 'veel', 'non-numeric housingNeedHomes'),
];

/** Every invalid v2 input of the parts the engine implements. */
export function invalidV2Cases(parts: Parts): InvalidV2Case[] {
  base = tinyV2ScenarioFor(parts);
  return [...scenarioCases(), ...datasetCases()]
    .filter((k) => parts[k.part])
    .map((k) => ({ ...k, scenario: k.scenario ?? JSON.stringify(base) }));
}
