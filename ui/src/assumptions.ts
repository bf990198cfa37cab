/**
 * What the "Aannames & bronnen" page and the info popovers show: every parameter's default in its
 * display unit with its source, every output's explanation, the dated defaults and the current
 * values a public source gives for them. Anchors are `#/aannames/<path>` (`national.waccGrid`,
 * `defaults.solarShare`, `output.gridCapexEUR`).
 */
import {
  NATIONAL_PARAM_LABELS,
  OUTPUT_LABELS,
  type ParameterLabel,
  type QuantityLabel,
  REGIONAL_PARAM_LABELS,
  toDisplay,
  WEATHER_YEAR_LABEL,
} from '../../engine/labels/index.ts';
import { OUTPUT_NAMES, type OutputName } from '../../engine/model/outputs.ts';
import { NATIONAL_DEFAULTS, NATIONAL_PARAM_NAMES, REGIONAL_PARAM_NAMES } from '../../engine/scenario/parameters.ts';
import type { ScenarioJson } from './api.ts';
import { num } from './format.ts';
import type { Lever } from './levers.ts';

/** One row of the page. */
export interface AssumptionRow {
  /** Anchor path: `national.<p>`, `defaults.<p>` or `output.<o>`. */
  path: string;
  q: QuantityLabel;
  /** The default as shown ("35 TWh/jaar", "regiodata"); empty for outputs. */
  defaultText: string;
  source: string;
  dated?: string;
}

/** A model value in its display unit, with enough digits to show small defaults exactly. */
export function displayDefault(value: number, q: QuantityLabel): string {
  const v = toDisplay(value, q.display);
  const rounded = Number(v.toPrecision(10));
  const digits = Math.max(q.display.digits, (String(rounded).split('.')[1] ?? '').length);
  const text = num(rounded, Math.min(digits, 6));
  return q.display.unit ? `${text}\u00a0${q.display.unit}` : text;
}

const nationalRow = (name: (typeof NATIONAL_PARAM_NAMES)[number]): AssumptionRow => {
  const q: ParameterLabel = NATIONAL_PARAM_LABELS[name];
  return {
    path: `national.${name}`,
    q,
    defaultText: displayDefault(NATIONAL_DEFAULTS[name], q),
    source: q.source,
    dated: q.dated,
  };
};

/** National parameters, the weather year included. */
export const NATIONAL_ROWS: readonly AssumptionRow[] = [
  ...NATIONAL_PARAM_NAMES.map(nationalRow),
  {
    path: 'national.weatherYear',
    q: WEATHER_YEAR_LABEL,
    defaultText: 'referentiejaar van de dataset',
    source: WEATHER_YEAR_LABEL.source,
  },
];

/** Regional parameters with their default when no layer sets them. */
export const REGIONAL_ROWS: readonly AssumptionRow[] = REGIONAL_PARAM_NAMES.map((name) => {
  const q = REGIONAL_PARAM_LABELS[name];
  const d = q.regionalDefault;
  return {
    path: `defaults.${name}`,
    q,
    defaultText: d === 'regiodata' ? 'uit de regiogegevens' : d === null ? 'leeg' : displayDefault(d, q),
    source: q.source,
  };
});

/** Outputs, explained. */
export const OUTPUT_ROWS: readonly AssumptionRow[] = OUTPUT_NAMES.map((name) => ({
  path: `output.${name}`,
  q: OUTPUT_LABELS[name],
  defaultText: '',
  source: '',
}));

/** Every row by its anchor path. */
export const ROWS_BY_PATH: ReadonlyMap<string, AssumptionRow> = new Map(
  [...NATIONAL_ROWS, ...REGIONAL_ROWS, ...OUTPUT_ROWS].map((r) => [r.path, r]),
);

/** The row a lever explains: its parameter (national totals and translated levers by the parameter they set). */
export function leverPath(lever: Lever): string {
  const k = lever.kind;
  switch (k.type) {
    case 'national':
      return `national.${k.param}`;
    case 'default':
    case 'total':
      return `defaults.${k.param}`;
    case 'resTWh':
      return 'defaults.resScale';
    case 'solarShare':
      return 'defaults.solarShare';
    case 'roofShare':
      return 'defaults.solarRoofTWh';
  }
}

/** The row of an output. */
export const outputPath = (name: OutputName): string => `output.${name}`;

/**
 * Current values for the dated tax defaults, from public sources: the 2023 energy-tax rates (the
 * ODE merged into the energy tax in 2023) and the latest energy-tax revenue CBS gives (2021,
 * provisional, including ODE).
 */
export const CURRENT_TAX = {
  name: 'Actuele tarieven (energiebelasting 2023)',
  national: {
    ebElecEURPerKWh: 0.12599,
    ebGasEURPerM3: 0.4898,
    odeElecEURPerKWh: 0,
    odeGasEURPerM3: 0,
    ebRevenueEURPerYear: 6.962e9,
  },
  sources: [
    'Energiebelasting 2023, eerste schijf, excl. btw: elektriciteit 0,12599 €/kWh, aardgas 0,48980 €/m³ (Belastingdienst); sinds 2023 is de ODE opgegaan in de energiebelasting.',
    'Opbrengst energiebelasting inclusief ODE 2021: 6.962 mln € (CBS StatLine 82725NED, voorlopig).',
  ],
} as const;

/** The scenario with the current tax values set nationally (the rest unchanged). */
export function withCurrentTax(s: ScenarioJson): ScenarioJson {
  return { ...s, national: { ...s.national, ...CURRENT_TAX.national } };
}
