/**
 * The tables the UI exports (regional results, a region's hours) as plain headers and rows in
 * display units, so that the CSV and the XLSX writer show exactly the same figures. Pure: no DOM.
 */
import { labelWithUnit, outputLabel, toDisplay } from '../../engine/labels/index.ts';
import { NATIONAL_OUTPUT_NAMES, REGION_OUTPUT_NAMES } from '../../engine/model/outputs.ts';
import type { EvaluateResponse, HourlySeries } from './api.ts';

/** A cell: text, a number in display units, or empty (an output that is null, or absent for the row). */
export type ExportCell = string | number | null;

/** One exported table; `digits[i]` is the number of decimals column i is shown with (null: text). */
export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
  digits: Array<number | null>;
}

/**
 * Extra decimals written beyond a quantity's display digits: "mln €" shows 0 decimals on screen,
 * but a spreadsheet user summing 30 regions should not lose the thousands.
 */
export const EXTRA_EXPORT_DIGITS = 3;

/** A display value rounded to `digits` decimals (no "-0", no binary noise such as 28.000000000000004). */
export function roundTo(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/** The model value of an output in its display unit, rounded for export; null stays null. */
function exportValue(name: string, value: number | null | undefined): number | null {
  const q = outputLabel(name);
  if (value === null || value === undefined || !Number.isFinite(value) || !q) return null;
  return roundTo(toDisplay(value, q.display), q.display.digits + EXTRA_EXPORT_DIGITS);
}

/**
 * Every regional output of an evaluation, one row per RES region in the API's order and a last row
 * "Nederland" with the national figures (empty where an output exists per region only).
 */
export function regionalResultsTable(res: EvaluateResponse, regionName: (id: string) => string): ExportTable {
  const names = REGION_OUTPUT_NAMES;
  const headers = ['RES-code', 'RES-regio', ...names.map((n) => labelWithUnit(outputLabel(n)!))];
  const digits = [null, null, ...names.map((n) => outputLabel(n)!.display.digits + EXTRA_EXPORT_DIGITS)];
  const rows: ExportCell[][] = res.regions.map((r) => [
    r.id,
    regionName(r.id),
    ...names.map((n) => exportValue(n, (r as unknown as Record<string, number | null>)[n])),
  ]);
  const national = res.national as unknown as Record<string, number | null>;
  const nationalNames = new Set<string>(NATIONAL_OUTPUT_NAMES);
  rows.push(['NL', 'Nederland', ...names.map((n) => (nationalNames.has(n) ? exportValue(n, national[n]) : null))]);
  return { headers, rows, digits };
}

/** Columns of the hourly export: the series' field, its Dutch head (with unit) and decimals. */
const HOURLY_COLUMNS = [
  { key: 'genMW', head: 'Opwek (MW)', digits: 3 },
  { key: 'loadMW', head: 'Vraag (MW)', digits: 3 },
  { key: 'netMW', head: 'Netto: opwek − vraag (MW)', digits: 3 },
  { key: 'netAfterStorageMW', head: 'Netto na opslag (MW)', digits: 3 },
  { key: 'socMWh', head: 'Lading netbatterijen (MWh)', digits: 3 },
  { key: 'lvTransitionKWPerHome', head: 'Laagspanning: belasting per woning in transitiewijk (kW)', digits: 4 },
] as const;

/** "2030-01-01 00:00": the start of hour `h` of `year` (hour 0 = 1 January 00:00, no daylight saving). */
export function hourStamp(h: number, year: number): string {
  return new Date(Date.UTC(year, 0, 1) + h * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A region's hourly series, one row per hour: hour number, date and time in `year`, the series in
 * MW (kW per home for the LV load) and the region's constant capacities as their own columns.
 */
export function hourlyTable(s: HourlySeries, year: number): ExportTable {
  const headers = [
    'Uur',
    'Datum en tijd',
    ...HOURLY_COLUMNS.map((c) => c.head),
    'Capaciteit invoeding (MW)',
    'Capaciteit afname (MW)',
  ];
  const digits = [0, null, ...HOURLY_COLUMNS.map((c) => c.digits), 3, 3];
  const rows: ExportCell[][] = [];
  for (let i = 0; i < s.genMW.length; i++) {
    const h = s.from + i;
    rows.push([
      h,
      hourStamp(h, year),
      ...HOURLY_COLUMNS.map((c) => roundTo(s[c.key][i], c.digits)),
      roundTo(s.feedinLimitMW, 3),
      roundTo(s.offtakeLimitMW, 3),
    ]);
  }
  return { headers, rows, digits };
}
