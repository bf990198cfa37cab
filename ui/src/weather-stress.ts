/**
 * The weather-year stress test (issue 10): one sweep with the single axis `national.weatherYear`
 * over every year of the dataset, read back as one row per year with the outputs a netbeheerder
 * asks about first. The worst year is the one with the highest grid investment (regional and LV
 * together, what the tariffs pay for); each column also marks its own worst value.
 */
import { OUTPUT_LABELS, toDisplay } from '../../engine/labels/index.ts';
import type { OutputName } from '../../engine/model/outputs.ts';
import type { DatasetInfo, SweepAxisJson } from './api.ts';
import type { NationalRows } from './sweep-table.ts';
import { weatherYearLabel } from './weather-year.ts';

/** The axis path of a stress test; a sweep with exactly this one axis is shown as a stress test. */
export const WEATHER_YEAR_PATH = 'national.weatherYear';

/** The stress test's one axis: the reference (null) first, then every other year of the dataset. */
export function weatherYearAxis(info: DatasetInfo | undefined): SweepAxisJson & { values: Array<number | null> } {
  const others = (info?.weatherYears ?? []).filter((y) => y !== info?.weatherYear);
  return { path: WEATHER_YEAR_PATH, values: [null, ...others] };
}

/** Whether a sweep with these axes is a weather-year stress test. */
export const isStressTest = (axes: readonly string[]) => axes.length === 1 && axes[0] === WEATHER_YEAR_PATH;

/** One measure of the stress table, in display units: how to read it from a national row, and which way is worse. */
export interface StressMeasure {
  key: string;
  label: string;
  unit: string;
  digits: number;
  /** 'high': the highest value is the worst; 'low': the lowest. */
  worse: 'high' | 'low';
  value: (col: (name: string) => number) => number;
}

/** A measure that is one output, with its label and display unit from the label table. */
function output(name: OutputName, worse: 'high' | 'low', label?: string): StressMeasure {
  const q = OUTPUT_LABELS[name];
  return {
    key: name,
    label: label ?? q.label,
    unit: q.display.unit,
    digits: q.display.digits,
    worse,
    value: (c) => toDisplay(c(name), q.display),
  };
}

/** What a stress test shows per weather year (issue 10): delivered TWh, peak, both reinforcements, cost. */
export const STRESS_MEASURES: readonly StressMeasure[] = [
  output('resDeliveredTWh', 'low'),
  output('peakOfftakeMW', 'high'),
  {
    key: 'reinforceMW',
    label: 'Netverzwaring regionaal',
    unit: 'MW',
    digits: 0,
    worse: 'high',
    value: (c) => c('reinforceFeedinMW') + c('reinforceOfftakeMW'),
  },
  output('lvReinforceMW', 'high'),
  output('lvOverloadedHomesShare', 'high'),
  output('gridCapexEUR', 'high'),
  output('lvCapexEUR', 'high', 'waarvan laagspanningsnet'),
  output('tariffEURPerConnection', 'high'),
];

/** One weather year of a stress test. */
export interface StressYear {
  /** The scenario value (null: the reference profiles). */
  year: number | null;
  label: string;
  values: Record<string, number>;
}

export interface StressTable {
  years: StressYear[];
  /** Index into `years` of the worst year: the highest grid investment (then the least delivered). */
  worst: number;
  /** Per measure key, the index of the year with its worst value. */
  worstPerMeasure: Record<string, number>;
}

/** Turns a stress test's national rows into one row per weather year, in axis order. */
export function stressTable(rows: NationalRows, info: DatasetInfo | undefined): StressTable {
  const yearCol = rows.columns[WEATHER_YEAR_PATH];
  const years: StressYear[] = [];
  for (let i = 0; i < rows.length; i++) {
    const raw = yearCol?.[i];
    const year = raw === undefined || Number.isNaN(raw) ? null : raw;
    const col = (name: string) => rows.columns[name]?.[i] ?? Number.NaN;
    const values: Record<string, number> = {};
    for (const m of STRESS_MEASURES) values[m.key] = m.value(col);
    years.push({ year, label: weatherYearLabel(year, info), values });
  }
  const worstPerMeasure: Record<string, number> = {};
  for (const m of STRESS_MEASURES) {
    let best = -1;
    for (let i = 0; i < years.length; i++) {
      const v = years[i].values[m.key];
      if (!Number.isFinite(v)) continue;
      const b = best < 0 ? Number.NaN : years[best].values[m.key];
      if (best < 0 || (m.worse === 'high' ? v > b : v < b)) best = i;
    }
    worstPerMeasure[m.key] = best;
  }
  let worst = -1;
  for (let i = 0; i < years.length; i++) {
    if (worst < 0) {
      worst = i;
      continue;
    }
    const a = years[i].values,
      w = years[worst].values;
    if (a.gridCapexEUR > w.gridCapexEUR || (a.gridCapexEUR === w.gridCapexEUR && a.resDeliveredTWh < w.resDeliveredTWh))
      worst = i;
  }
  return { years, worst, worstPerMeasure };
}
