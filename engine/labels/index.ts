/**
 * Dutch labels, display units and explanations of every parameter and output, and the helpers
 * that turn a parameter path or output name into what a user reads. Pure: no I/O, no DOM.
 */
import { OUTPUT_NAMES } from '../model/outputs.ts';
import { NATIONAL_PARAM_NAMES, REGIONAL_PARAM_NAMES, WEATHER_YEAR_PARAM } from '../scenario/parameters.ts';
import {
  type DisplayUnit,
  NATIONAL_PARAM_LABELS,
  OUTPUT_LABELS,
  type ParameterLabel,
  type QuantityLabel,
  REGIONAL_PARAM_LABELS,
  WEATHER_YEAR_LABEL,
} from './quantities.ts';

export * from './quantities.ts';

/**
 * Display value of a model value. Scales below 1 are powers of ten applied by division, so that
 * 614000 €/MW gives exactly 614 €/kW.
 */
export function toDisplay(value: number, display: DisplayUnit): number {
  return display.scale >= 1 ? value * display.scale : value / Math.round(1 / display.scale);
}

/** Model value of a display value (the inverse of toDisplay): 35 % → 0.35, 614 €/kW → 614000 €/MW. */
export function fromDisplay(value: number, display: DisplayUnit): number {
  return display.scale >= 1 ? value / display.scale : value * Math.round(1 / display.scale);
}

/** The label of a national parameter name, the weather year included; undefined for unknown names. */
export function nationalParamLabel(name: string): ParameterLabel | undefined {
  if (name === WEATHER_YEAR_PARAM) return WEATHER_YEAR_LABEL;
  return (NATIONAL_PARAM_NAMES as readonly string[]).includes(name)
    ? NATIONAL_PARAM_LABELS[name as keyof typeof NATIONAL_PARAM_LABELS]
    : undefined;
}

/** The label of a regional parameter name; undefined for unknown names. */
export function regionalParamLabel(name: string): ParameterLabel | undefined {
  return (REGIONAL_PARAM_NAMES as readonly string[]).includes(name)
    ? REGIONAL_PARAM_LABELS[name as keyof typeof REGIONAL_PARAM_LABELS]
    : undefined;
}

/** The label of an output name; undefined for unknown names. */
export function outputLabel(name: string): QuantityLabel | undefined {
  return (OUTPUT_NAMES as readonly string[]).includes(name)
    ? OUTPUT_LABELS[name as keyof typeof OUTPUT_LABELS]
    : undefined;
}

/**
 * The quantity a scenario path names: `national.<p>`, `defaults.<p>` or `regions.<id>.<p>`
 * (the paths of sweep axes and validation errors); undefined when it names none.
 */
export function parameterAtPath(path: string): ParameterLabel | undefined {
  const parts = path.split('.');
  if (parts[0] === 'national' && parts.length === 2) return nationalParamLabel(parts[1]);
  if (parts[0] === 'defaults' && parts.length === 2) return regionalParamLabel(parts[1]);
  if (parts[0] === 'regions' && parts.length === 3) return regionalParamLabel(parts[2]);
  return undefined;
}

/**
 * "defaults.solarShare" → "Zon-aandeel in RES — alle regio’s"; "regions.ES01.solarShare" →
 * "Zon-aandeel in RES — Groningen" (with `regionName` giving names by id); "national.waccGrid" →
 * "Vermogenskosten netbeheer (WACC) — landelijk". Unknown paths come back as they are.
 */
export function pathLabel(path: string, regionName: (id: string) => string = (id) => id): string {
  const q = parameterAtPath(path);
  if (!q) return path;
  const [layer, id] = path.split('.');
  const where = layer === 'national' ? 'landelijk' : layer === 'defaults' ? 'alle regio’s' : regionName(id);
  return `${q.label} — ${where}`;
}

/** The quantity of a column name: an output name or a parameter path. */
export function quantityOf(name: string): QuantityLabel | undefined {
  return outputLabel(name) ?? parameterAtPath(name);
}

/** "Netinvestering (mln €)": a label with its display unit, for table heads and chart axes. */
export function labelWithUnit(q: QuantityLabel, label = q.label): string {
  return q.display.unit ? `${label} (${q.display.unit})` : label;
}

/** Table-head or axis label of an output name or parameter path, with its display unit. */
export function columnLabel(name: string, regionName?: (id: string) => string): string {
  const out = outputLabel(name);
  if (out) return labelWithUnit(out);
  const param = parameterAtPath(name);
  return param ? labelWithUnit(param, pathLabel(name, regionName)) : name;
}
