import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { OUTPUT_NAMES } from '../model/outputs.ts';
import { resolveRegion } from '../scenario/resolve.ts';
import { parseScenario } from '../scenario/validate.ts';
import { NATIONAL_DEFAULTS, NATIONAL_PARAM_NAMES, REGIONAL_PARAM_NAMES } from '../scenario/parameters.ts';
import {
  columnLabel,
  fromDisplay,
  NATIONAL_PARAM_LABELS,
  OUTPUT_LABELS,
  parameterAtPath,
  pathLabel,
  type QuantityLabel,
  REGIONAL_PARAM_LABELS,
  toDisplay,
  WEATHER_YEAR_LABEL,
} from './index.ts';

const every: Array<[string, QuantityLabel]> = [
  ...NATIONAL_PARAM_NAMES.map((n): [string, QuantityLabel] => [n, NATIONAL_PARAM_LABELS[n]]),
  ['weatherYear', WEATHER_YEAR_LABEL],
  ...REGIONAL_PARAM_NAMES.map((n): [string, QuantityLabel] => [n, REGIONAL_PARAM_LABELS[n]]),
  ...OUTPUT_NAMES.map((n): [string, QuantityLabel] => [n, OUTPUT_LABELS[n]]),
];

describe('the label table', () => {
  it('has an entry for every parameter and output the engine knows, and no others', () => {
    expect(Object.keys(NATIONAL_PARAM_LABELS).sort()).toEqual([...NATIONAL_PARAM_NAMES].sort());
    expect(Object.keys(REGIONAL_PARAM_LABELS).sort()).toEqual([...REGIONAL_PARAM_NAMES].sort());
    expect(Object.keys(OUTPUT_LABELS).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it.each(every)('%s has a Dutch label that is not its identifier, a unit and an explanation', (name, q) => {
    expect(q.label.trim().length).toBeGreaterThan(2);
    expect(q.label.toLowerCase()).not.toBe(name.toLowerCase());
    // No camelCase identifier inside a label or explanation (units such as kWh are fine).
    expect(`${q.label} ${q.help}`).not.toMatch(/\b[a-z]{2,}[A-Z]/);
    for (const [id] of every) expect(`${q.label} ${q.help}`).not.toContain(id);
    expect(q.unit.length).toBeGreaterThan(0);
    expect(q.help.length).toBeGreaterThan(15);
    expect(q.help.length).toBeLessThan(140);
    expect(q.display.scale).toBeGreaterThan(0);
    expect(Number.isInteger(q.display.digits)).toBe(true);
  });

  it('gives every parameter a source', () => {
    for (const name of NATIONAL_PARAM_NAMES) expect(NATIONAL_PARAM_LABELS[name].source.length, name).toBeGreaterThan(3);
    for (const name of REGIONAL_PARAM_NAMES) expect(REGIONAL_PARAM_LABELS[name].source.length, name).toBeGreaterThan(3);
  });

  it('keeps labels unique within parameters and within outputs, so a picker never shows two equal options', () => {
    const national = NATIONAL_PARAM_NAMES.map((n) => NATIONAL_PARAM_LABELS[n].label);
    const regional = REGIONAL_PARAM_NAMES.map((n) => REGIONAL_PARAM_LABELS[n].label);
    const outputs = OUTPUT_NAMES.map((n) => OUTPUT_LABELS[n].label);
    expect(new Set(national).size).toBe(national.length);
    expect(new Set(regional).size).toBe(regional.length);
    expect(new Set(outputs).size).toBe(outputs.length);
  });

  it('shows shares as % and €/MW as €/kW, as the Scenario view does', () => {
    for (const [name, q] of every) {
      if (q.unit === 'fractie' || q.unit.startsWith('fractie ')) expect(q.display, name).toMatchObject({ scale: 100 });
      if (q.unit === '€/MW') expect(q.display, name).toEqual({ unit: '€/kW', scale: 0.001, digits: 0 });
    }
  });
});

describe('regional defaults', () => {
  it('match what the engine resolves for a scenario that sets nothing', () => {
    const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
    const resolved = resolveRegion(dataset, 0, parseScenario({ name: 'leeg' }, dataset)) as unknown as Record<
      string,
      number | null
    >;
    for (const name of REGIONAL_PARAM_NAMES) {
      const expected = REGIONAL_PARAM_LABELS[name].regionalDefault;
      // resScale and solarShare are applied, not kept; 'regiodata' comes from the region's row.
      if (typeof expected === 'number' && name in resolved) expect(resolved[name], name).toBe(expected);
    }
    expect(REGIONAL_PARAM_LABELS.resScale.regionalDefault).toBe(1);
  });
});

describe('display conversion', () => {
  it('converts both ways without rounding noise on the values people type', () => {
    const perKW = NATIONAL_PARAM_LABELS.costFeedinEURPerMW.display;
    expect(toDisplay(NATIONAL_DEFAULTS.costFeedinEURPerMW, perKW)).toBe(614);
    expect(fromDisplay(614, perKW)).toBe(614000);
    const share = REGIONAL_PARAM_LABELS.solarShare.display;
    expect(fromDisplay(35, share)).toBe(0.35);
    expect(fromDisplay(7, share)).toBe(0.07);
    const billions = NATIONAL_PARAM_LABELS.ebRevenueEURPerYear.display;
    expect(toDisplay(6.408e9, billions)).toBeCloseTo(6.408, 12);
    expect(fromDisplay(6.408, billions)).toBe(6.408e9);
  });
});

describe('path labels', () => {
  const names = (id: string) => (id === 'ES01' ? 'Groningen' : id);
  it('names the layer: national, all regions, or one region by name', () => {
    expect(pathLabel('national.waccGrid')).toBe('Vermogenskosten netbeheer (WACC) — landelijk');
    expect(pathLabel('defaults.solarShare')).toBe('Zon-aandeel in RES — alle regio’s');
    expect(pathLabel('regions.ES01.evCount', names)).toBe('Elektrische auto’s — Groningen');
    expect(pathLabel('national.weatherYear')).toBe('Weerjaar — landelijk');
  });

  it('adds the display unit to table heads', () => {
    expect(columnLabel('gridCapexEUR')).toBe('Netinvestering (mln €)');
    expect(columnLabel('defaults.fieldSolarClip')).toBe(
      'Netbewust aansluiten zonneveld (κ) — alle regio’s (% van piek)',
    );
  });

  it('leaves unknown names and malformed paths alone', () => {
    expect(parameterAtPath('national.nope')).toBeUndefined();
    expect(parameterAtPath('defaults')).toBeUndefined();
    expect(parameterAtPath('regions.ES01')).toBeUndefined();
    expect(pathLabel('regions.ES01.nope')).toBe('regions.ES01.nope');
    expect(columnLabel('nope')).toBe('nope');
  });
});
