/**
 * Builds the bundled datasets of the 30 Dutch RES regions (MODEL.md §6 format)
 * from the source files in scenarios/sources/.
 *
 *   npx tsx scenarios/build-dataset.ts             (or: npm run dataset)
 *   npx tsx scenarios/build-dataset.ts --summary   prints the region table of docs/data.md
 *
 * It writes the one dataset scenarios/data/nl-res30/: profiles.csv (weather year 2023, the
 * reference) and profiles-<YYYY>.csv for the other ETM weather years. The output is
 * deterministic: the same sources give the same bytes on every run and machine.
 * See docs/data.md and scenarios/sources/PROVENANCE.md for what the numbers mean.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REGION_COLUMNS, type RegionColumnName } from '../engine/index.ts';

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

/** Weather year of the default dataset `nl-res30`. */
export const DEFAULT_WEATHER_YEAR = 2023;

/** All weather years of the dataset; 2023 first because it is the reference (profiles.csv). */
export const WEATHER_YEARS: readonly number[] = [2023, 1987, 1997, 2004, 2015, 2019];

/** The one bundled dataset folder: profiles.csv (2023) plus profiles-<YYYY>.csv for the other years. */
export const DATASET_NAME = 'nl-res30';

/** Name of the household demand shape in every profiles file (NEDU E1A). */
const HOUSEHOLD_PROFILE = 'household';

/** The household and business demand shapes are only available for calendar 2023, so
 * every weather year uses them (a weather year changes solar, wind and temperature only). */
const DEMAND_SHAPE_YEAR = 2023;

/** Number of hours in every profile (the ETM curves have 8760 values, also for 2004). */
export const HOURS = 8760;

/** Output precision: 12 significant digits keeps every TWh value and shape far below any
 * difference that matters (relative error ≤ 5e-12) while staying readable. */
const SIGNIFICANT_DIGITS = 12;

/**
 * Province(s) of each RES region, `;`-separated in the output. Source: public knowledge of
 * the RES regions (regionale-energiestrategie.nl lists the regions and their provinces),
 * checked against the municipality → region assignment in shared data
 * regions/municipalities.csv (etlocal, 2023 boundaries). Two regions cross a provincial
 * border: Foodvalley (Renswoude, Rhenen and Veenendaal lie in Utrecht) and, as a reminder
 * that the 2023 split matters, Cleantech Regio holds only Gelderland municipalities here
 * (Deventer takes part in RES West-Overijssel). Official province names (CBS): "Fryslân".
 */
const PROVINCES: Readonly<Record<string, readonly string[]>> = {
  ES01: ['Groningen'],
  ES02: ['Fryslân'],
  ES03: ['Drenthe'],
  ES04: ['Overijssel'],
  ES05: ['Overijssel'],
  ES06: ['Flevoland'],
  ES07: ['Gelderland'],
  ES08: ['Gelderland'],
  ES09: ['Gelderland', 'Utrecht'],
  ES10: ['Gelderland'],
  ES11: ['Gelderland'],
  ES12: ['Gelderland'],
  ES13: ['Utrecht'],
  ES14: ['Utrecht'],
  ES15: ['Noord-Holland'],
  ES16: ['Noord-Holland'],
  ES17: ['Zuid-Holland'],
  ES18: ['Zuid-Holland'],
  ES19: ['Zuid-Holland'],
  ES20: ['Zuid-Holland'],
  ES21: ['Zuid-Holland'],
  ES22: ['Zuid-Holland'],
  ES23: ['Zuid-Holland'],
  ES24: ['Zeeland'],
  ES25: ['Noord-Brabant'],
  ES26: ['Noord-Brabant'],
  ES27: ['Noord-Brabant'],
  ES28: ['Noord-Brabant'],
  ES29: ['Limburg'],
  ES30: ['Limburg'],
};

/** Sectors whose electricity is served by the regional (distribution) grid. Energy-intensive
 * industry (chemicals, refineries, fertilizers, metals) and rail hang on the transmission
 * grid, and EVs are a lever of their own, so they are left out of baseDemandTWh. */
const BASE_DEMAND_COLUMNS = [
  'households_electricity_demand_gwh',
  'buildings_electricity_demand_gwh',
  'agriculture_electricity_demand_gwh',
  'industry_excl_chemicals_metals_gwh',
  'ict_electricity_demand_gwh',
] as const;

/** What each weather year's profiles are (from the ETM documentation, see PROVENANCE.md). */
const WEATHER_YEAR_NOTES: Readonly<Record<number, string>> = {
  1987: 'an ETM weather year, cold with little wind and sun. Wind is modelled from KNMI wind speeds at Schiphol with a turbine power curve; solar follows the KNMI De Bilt irradiation.',
  1997: 'an ETM weather year. Wind is modelled from KNMI wind speeds at Schiphol with a turbine power curve; solar follows the KNMI De Bilt irradiation.',
  2004: 'an ETM weather year. Wind is modelled from KNMI wind speeds at Schiphol with a turbine power curve; solar follows the KNMI De Bilt irradiation. 2004 was a leap year, but the ETM curves have 8760 values (which day was dropped is not documented).',
  2015: 'the default year of the ETM dataset `nl`. Wind is measured production (Open Power System Data / ENTSO-E); the solar curve comes from SoDa satellite data for central NL (2004/2005), not from 2015 production.',
  2019: 'the default year of the ETM dataset `nl2019`. Wind is measured production (Open Power System Data / ENTSO-E); 110 hours above a capacity factor of 1 were capped, so the full-load hours are 2067.1 instead of 2069.3.',
  2023: 'the default year of the ETM dataset `nl2023`. Wind is measured production (Open Power System Data / ENTSO-E) scaled to the national full-load hours; the solar curve was updated in etsource PR #3351 (Nov 2025).',
};

/** Source files, relative to the sources directory. */
const SOURCE = {
  regions: 'regions/res_regions.csv',
  demand: 'regions/res_regions_electricity_demand.csv',
  bids: 'regions/res_1_0_bids_partial.csv',
  supply: 'profiles/nl_supply_capacity_factors_hourly.csv',
  demandShapes: 'profiles/nl_demand_shapes_hourly.csv',
  heat: 'profiles/nl_heat_demand_shapes_and_temperature_hourly.csv',
} as const;

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/** One source table: header and rows as string records. */
interface Table {
  file: string;
  header: string[];
  rows: Record<string, string>[];
}

/** One region of the dataset, all energies in TWh/yr. */
export interface Region {
  id: string;
  name: string;
  provinces: string[];
  homes: number;
  connections: number;
  baseDemandTWh: number;
  /** Household share of baseDemandTWh: the weight of the E1A shape in the blend. */
  householdShare: number;
  existingSolarFieldTWh: number;
  existingSolarRoofTWh: number;
  existingWindTWh: number;
  solarSmallRoofTWh: number;
  solarFieldTWh: number;
  solarRoofTWh: number;
  windTWh: number;
  /** Household electricity 2023 (part of baseDemandTWh), for the LV layer. */
  householdDemandTWh: number;
  /** Agricultural land, ha. */
  arableLandHa: number;
  /** Where the 2030 total comes from. */
  source2030: 'RES 1.0 bid' | 'indicative';
}

/** The region table plus the facts behind the indicative 2030 figures. */
export interface RegionSet {
  regions: Region[];
  /** National sum of RES 1.0 bids (TWh) the indicative figures are scaled to. */
  nationalTargetTWh: number;
  /** The one factor applied to the 2023 RES-counted production of regions without a bid. */
  scaleFactor: number;
}

/** The hourly columns of one weather year. */
export interface Profiles {
  year: number;
  solar: number[];
  wind: number[];
  temp: number[];
  /** base_<id> → normalised base-demand shape (sums to 1). */
  base: Map<string, number[]>;
  /** Normalised household shape (NEDU E1A, sums to 1). */
  household: number[];
}

/** What buildDatasets wrote. */
export interface BuildResult {
  regionSet: RegionSet;
  datasets: { year: number; dir: string; files: string[] }[];
}

// ---------------------------------------------------------------------------
// CSV reading and writing
// ---------------------------------------------------------------------------

/** Parses RFC 4180 CSV text (quoted cells, doubled quotes, LF or CRLF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('unterminated quoted cell at end of file');
  // A last line without a newline still counts; an empty trailing line does not.
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV source into a Table, refusing ragged rows so that a damaged file fails loudly. */
function readTable(sourcesDir: string, file: string): Table {
  const [header, ...body] = parseCsv(readFileSync(join(sourcesDir, file), 'utf8'));
  if (!header) throw new Error(`${file}: empty file`);
  const rows = body.map((cells, i) => {
    if (cells.length !== header.length)
      throw new Error(`${file}:${i + 2}: ${cells.length} cells, header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!]));
  });
  return { file, header, rows };
}

/** Reads a numeric cell; a missing column or non-numeric text is an error naming the place. */
function num(table: Table, row: Record<string, string>, column: string): number {
  const text = row[column];
  if (text === undefined) throw new Error(`${table.file}: no column ${column}`);
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new Error(`${table.file}: column ${column}: not a number: ${JSON.stringify(text)}`);
  return value;
}

/** Reads one whole numeric column of an hourly table. */
function hourlyColumn(table: Table, column: string): number[] {
  return table.rows.map((row) => num(table, row, column));
}

/**
 * Formats a number as plain decimal text with at most 12 significant digits: no exponent,
 * no trailing zeros, `.` as the decimal point, and "0" for zero (also for −0), so that
 * every CSV reader parses it and the bytes do not depend on the platform.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write non-finite number ${x}`);
  if (x === 0) return '0';
  // toExponential gives exactly SIGNIFICANT_DIGITS digits, correctly rounded, as d.ddd…e±k.
  const [mantissa, expText] = x.toExponential(SIGNIFICANT_DIGITS - 1).split('e') as [string, string];
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  let text: string;
  if (exp >= digits.length - 1) text = digits + '0'.repeat(exp - digits.length + 1);
  else if (exp >= 0) text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  else text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return negative ? `-${text}` : text;
}

/** Quotes a CSV cell only where RFC 4180 requires it (comma, quote or line break). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Joins cells into one CSV line (LF line endings; the files end with a newline). */
function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

/** 2023 RES-counted production (GWh): solar fields + large (building) roofs + onshore wind.
 * Small household roofs are on the grid but do not count for the RES. */
function resCounted2023GWh(t: Table, row: Record<string, string>): number {
  return num(t, row, 'solar_fields_gwh') + num(t, row, 'solar_roofs_buildings_gwh') + windGWh(t, row);
}

/** Onshore wind in 2023 (GWh): the ETM splits it into inland and coastal (coastal is 0 today). */
function windGWh(t: Table, row: Record<string, string>): number {
  return num(t, row, 'wind_onshore_inland_gwh') + num(t, row, 'wind_onshore_coastal_gwh');
}

/** The RES 1.0 bids per region (TWh) and the national RES 1.0 total, from the bids file.
 * Only rows of stage exactly "RES 1.0" are bids; concept-RES figures (ES01) are not used. */
function readBids(t: Table): { bids: Map<string, number>; nationalTWh: number } {
  const bids = new Map<string, number>();
  let nationalTWh: number | undefined;
  for (const row of t.rows) {
    if (row.res_code === 'NL' && row.stage!.startsWith('RES 1.0')) nationalTWh = num(t, row, 'bid_twh_2030');
    else if (/^ES\d\d$/.test(row.res_code!) && row.stage === 'RES 1.0')
      bids.set(row.res_code!, num(t, row, 'bid_twh_2030'));
  }
  if (nationalTWh === undefined) throw new Error(`${t.file}: no national RES 1.0 row (res_code NL)`);
  return { bids, nationalTWh };
}

/**
 * The one common factor for regions without a RES 1.0 bid: their 2023 RES-counted production
 * times this factor, plus the bids, adds up to the national RES 1.0 total exactly.
 */
export function commonScaleFactor(nationalTWh: number, bidsTWh: number, otherRegions2023TWh: number): number {
  if (otherRegions2023TWh <= 0) throw new Error('no 2023 production to scale');
  return (nationalTWh - bidsTWh) / otherRegions2023TWh;
}

/** Reads and derives the 30 regions (sorted by id) from the three region source files. */
export function buildRegions(sourcesDir: string): RegionSet {
  const facts = readTable(sourcesDir, SOURCE.regions);
  const demand = readTable(sourcesDir, SOURCE.demand);
  const { bids, nationalTWh } = readBids(readTable(sourcesDir, SOURCE.bids));

  // The source lists ES19 before ES18; sorting by id makes the order obvious and stable.
  const rows = [...facts.rows].sort((a, b) => a.res_code!.localeCompare(b.res_code!));
  const demandById = new Map(demand.rows.map((r) => [r.res_code!, r]));
  checkRegionIds(
    rows.map((r) => r.res_code!),
    [...demandById.keys()],
    [...bids.keys()],
  );

  const res2023 = new Map(rows.map((r) => [r.res_code!, resCounted2023GWh(facts, r) / 1000]));
  let bidsTWh = 0;
  let others2023TWh = 0;
  for (const [id, twh] of res2023) {
    if (bids.has(id)) bidsTWh += bids.get(id)!;
    else others2023TWh += twh;
  }
  const scaleFactor = commonScaleFactor(nationalTWh, bidsTWh, others2023TWh);

  const regions = rows.map((row): Region => {
    const id = row.res_code!;
    const d = demandById.get(id)!;
    const households = num(demand, d, 'households_electricity_demand_gwh');
    if (households !== num(facts, row, 'households_electricity_demand_gwh'))
      throw new Error(`${id}: household demand differs between ${SOURCE.regions} and ${SOURCE.demand}`);
    const baseGWh = BASE_DEMAND_COLUMNS.reduce((sum, c) => sum + num(demand, d, c), 0);

    const field2023 = num(facts, row, 'solar_fields_gwh') / 1000;
    const roof2023 = num(facts, row, 'solar_roofs_buildings_gwh') / 1000;
    const wind2023 = windGWh(facts, row) / 1000;
    const total2023 = res2023.get(id)!;
    const bid = bids.get(id);
    const total2030 = bid ?? total2023 * scaleFactor;
    if (total2023 <= 0) throw new Error(`${id}: no 2023 production to take the 2030 mix from`);
    // Each region keeps its own 2023 mix of fields, roofs and wind in 2030.
    const split = total2030 / total2023;

    return {
      id,
      name: row.res_name!,
      provinces: provincesOf(id),
      homes: num(facts, row, 'residences'),
      connections: num(facts, row, 'residences') + num(facts, row, 'nonresidential_buildings'),
      baseDemandTWh: baseGWh / 1000,
      householdShare: households / baseGWh,
      existingSolarFieldTWh: field2023,
      existingSolarRoofTWh: roof2023,
      existingWindTWh: wind2023,
      solarSmallRoofTWh: num(facts, row, 'solar_roofs_households_gwh') / 1000,
      solarFieldTWh: field2023 * split,
      solarRoofTWh: roof2023 * split,
      windTWh: wind2023 * split,
      householdDemandTWh: households / 1000,
      arableLandHa: num(facts, row, 'arable_land_km2') * 100,
      source2030: bid === undefined ? 'indicative' : 'RES 1.0 bid',
    };
  });
  return { regions, nationalTargetTWh: nationalTWh, scaleFactor };
}

/** Checks that the sources describe exactly ES01..ES30, each once, and that bids name known regions. */
function checkRegionIds(ids: string[], demandIds: string[], bidIds: string[]): void {
  const expected = Array.from({ length: 30 }, (_, i) => `ES${String(i + 1).padStart(2, '0')}`);
  if (ids.join() !== expected.join())
    throw new Error(`${SOURCE.regions}: expected regions ES01..ES30, got ${ids.join()}`);
  if ([...demandIds].sort().join() !== expected.join())
    throw new Error(`${SOURCE.demand}: expected regions ES01..ES30`);
  for (const id of bidIds) if (!expected.includes(id)) throw new Error(`${SOURCE.bids}: unknown region ${id}`);
}

/** The province(s) of a region from the PROVINCES table. */
function provincesOf(id: string): string[] {
  const provinces = PROVINCES[id];
  if (!provinces) throw new Error(`no province known for region ${id}`);
  return [...provinces];
}

// ---------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------

/** Reads a table of 8760 hourly rows and checks that `hour_of_year` runs 0..8759 in order. */
function readHourly(sourcesDir: string, file: string): Table {
  const t = readTable(sourcesDir, file);
  if (t.rows.length !== HOURS) throw new Error(`${file}: ${t.rows.length} rows, expected ${HOURS}`);
  t.rows.forEach((row, h) => {
    if (num(t, row, 'hour_of_year') !== h) throw new Error(`${file}:${h + 2}: hour_of_year is not ${h}`);
  });
  return t;
}

/** Divides a shape by its sum so that it sums to 1 (the sources sum to 1 only to ~4e-7). */
function normalise(shape: readonly number[]): number[] {
  const sum = shape.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || shape.some((v) => v < 0)) throw new Error('shape must be non-negative with a positive sum');
  return shape.map((v) => v / sum);
}

/**
 * A region's base-demand shape: the household shape (NEDU E1A) and the business shape
 * (NEDU E3A) blended by energy, weights householdShare and 1 − householdShare. Both inputs
 * sum to 1, so the blend does too.
 */
export function blendBaseShape(
  household: readonly number[],
  business: readonly number[],
  householdShare: number,
): number[] {
  return household.map((e1a, h) => householdShare * e1a + (1 - householdShare) * business[h]!);
}

/** Builds the hourly columns of one weather year from the three profile sources. */
export function buildProfiles(
  sources: { supply: Table; demandShapes: Table; heat: Table },
  year: number,
  regions: readonly Region[],
): Profiles {
  // National curves: the ETM has no regional solar or wind profiles (see PROVENANCE.md).
  const solar = hourlyColumn(sources.supply, `solar_pv_fields_${year}`);
  const wind = hourlyColumn(sources.supply, `wind_onshore_${year}`);
  const temp = hourlyColumn(sources.heat, `air_temperature_c_${year}`);
  const e1a = normalise(hourlyColumn(sources.demandShapes, `households_appliances_e1a_${DEMAND_SHAPE_YEAR}`));
  const e3a = normalise(hourlyColumn(sources.demandShapes, `buildings_appliances_e3a_${DEMAND_SHAPE_YEAR}`));
  for (const [name, cf] of [
    ['solar', solar],
    ['wind', wind],
  ] as const)
    if (cf.some((v) => v < 0 || v > 1)) throw new Error(`${year} ${name}: capacity factor outside [0, 1]`);
  const base = new Map(regions.map((r) => [baseProfileName(r.id), blendBaseShape(e1a, e3a, r.householdShare)]));
  return { year, solar, wind, temp, base, household: e1a };
}

/** Name of a region's base-demand column in profiles.csv. */
function baseProfileName(id: string): string {
  return `base_${id}`;
}

/** Full-load hours of a capacity-factor profile: Σ CF over the year. */
export function fullLoadHours(cf: readonly number[]): number {
  return cf.reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------
// Output files
// ---------------------------------------------------------------------------

/** File name of a weather year's profiles: profiles.csv for the reference year, else profiles-<YYYY>.csv. */
export function profilesFileName(year: number): string {
  return year === DEFAULT_WEATHER_YEAR ? 'profiles.csv' : `profiles-${year}.csv`;
}

/** dataset.json: names the weather year of profiles.csv. */
export function datasetJson(): string {
  return `${JSON.stringify({ weatherYear: DEFAULT_WEATHER_YEAR })}\n`;
}

/** regions.csv text. The grid-capacity cells stay empty: MODEL.md §1.4 derives them at load time. */
export function regionsCsv(regions: readonly Region[]): string {
  const rows = regions.map(regionCells);
  // Every required column, and the optional ones this build has values for, in the engine's column order.
  const columns = REGION_COLUMNS.filter((c) => c.required || rows.some((cells) => cells[c.name] !== undefined)).map(
    (c) => c.name,
  );
  let text = csvLine(columns);
  for (const cells of rows) text += csvLine(columns.map((c) => cells[c] ?? ''));
  return text;
}

/** The cells of one region's row; optional columns without a value are left out. */
function regionCells(r: Region): Partial<Record<RegionColumnName, string>> {
  return {
    id: r.id,
    name: r.name,
    provinces: r.provinces.join(';'),
    homes: formatNumber(r.homes),
    connections: formatNumber(r.connections),
    baseDemandTWh: formatNumber(r.baseDemandTWh),
    solarRoofTWh: formatNumber(r.solarRoofTWh),
    solarFieldTWh: formatNumber(r.solarFieldTWh),
    windTWh: formatNumber(r.windTWh),
    solarSmallRoofTWh: formatNumber(r.solarSmallRoofTWh),
    existingSolarRoofTWh: formatNumber(r.existingSolarRoofTWh),
    existingSolarFieldTWh: formatNumber(r.existingSolarFieldTWh),
    existingWindTWh: formatNumber(r.existingWindTWh),
    gridFeedinMW: '',
    gridOfftakeMW: '',
    solarProfile: 'solar',
    windProfile: 'wind',
    tempProfile: 'temp',
    baseProfile: baseProfileName(r.id),
    householdDemandTWh: formatNumber(r.householdDemandTWh),
    householdProfile: HOUSEHOLD_PROFILE,
    // Empty: the default rules (today's peak per home; homes × housingGrowthShare) apply.
    lvCapacityKWPerHome: '',
    housingNeedHomes: '',
    arableLandHa: formatNumber(r.arableLandHa),
  };
}

/** Profiles text of one year: hour, solar, wind, temp, one base_<id> column per region and household. */
export function profilesCsv(p: Profiles): string {
  const baseNames = [...p.base.keys()];
  const baseColumns = baseNames.map((n) => p.base.get(n)!);
  const lines = [csvLine(['hour', 'solar', 'wind', 'temp', ...baseNames, HOUSEHOLD_PROFILE])];
  for (let h = 0; h < HOURS; h++) {
    const values = [h, p.solar[h]!, p.wind[h]!, p.temp[h]!, ...baseColumns.map((c) => c[h]!), p.household[h]!];
    lines.push(csvLine(values.map(formatNumber)));
  }
  return lines.join('');
}

/** Sums a field over all regions. */
function total(regions: readonly Region[], pick: (r: Region) => number): number {
  return regions.reduce((sum, r) => sum + pick(r), 0);
}

/** Rounds for prose and tables (not for the CSV files). */
function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

/** Formats an integer count with thousands separators (fixed, not locale dependent). */
function count(x: number): string {
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One line per weather year: its file, full-load hours and mean temperature, and what the year is. */
function weatherYearRows(years: readonly Profiles[]): string {
  return years
    .map((p) => {
      const meanTemp = p.temp.reduce((a, b) => a + b, 0) / p.temp.length;
      const file = p.year === DEFAULT_WEATHER_YEAR ? 'profiles.csv (reference)' : profilesFileName(p.year);
      return `| ${p.year} | \`${file}\` | ${fixed(fullLoadHours(p.solar), 1)} | ${fixed(fullLoadHours(p.wind), 1)} | ${fixed(meanTemp, 2)} | ${WEATHER_YEAR_NOTES[p.year] ?? ''} |`;
    })
    .join('\n');
}

/** README.md of the dataset: what it is, its weather years, how each column was made, licences. */
export function datasetReadme(set: RegionSet, years: readonly Profiles[]): string {
  const rs = set.regions;
  const bidIds = rs
    .filter((r) => r.source2030 === 'RES 1.0 bid')
    .map((r) => r.id)
    .join(', ');
  const sum = (pick: (r: Region) => number) => fixed(total(rs, pick), 3);
  return `# ${DATASET_NAME}: the 30 Dutch RES regions

Generated by \`scenarios/build-dataset.ts\` (\`npm run dataset\`) from \`scenarios/sources/\`;
do not edit by hand. This is the **default dataset**: the engine uses it when no \`--dataset\` is given.
Files: \`regions.csv\`, \`profiles.csv\` (reference weather year ${DEFAULT_WEATHER_YEAR}, named in \`dataset.json\`)
and one \`profiles-<YYYY>.csv\` per further weather year. Full documentation: \`docs/data.md\`.

- Regions: the 30 RES regions ES01–ES30 (CBS codes), base year 2023.
- Weather years: a scenario picks one with \`national.weatherYear\` (null = ${DEFAULT_WEATHER_YEAR}). A weather year
  changes solar, wind and temperature; the demand shapes are calendar ${DEMAND_SHAPE_YEAR} in every year.
  Installed MW are those of ${DEFAULT_WEATHER_YEAR} (TWh ÷ its full-load hours), so a dull or calm year delivers
  fewer TWh from the same MW, and a cold year needs more space heat.

| weather year | file | solar full-load hours | wind full-load hours | mean temperature °C | about the year |
|---|---|---:|---:|---:|---|
${weatherYearRows(years)}
- National sums: ${count(total(rs, (r) => r.homes))} homes, base demand ${sum((r) => r.baseDemandTWh)} TWh,
  existing (2023) RES-counted production ${sum((r) => r.existingSolarFieldTWh + r.existingSolarRoofTWh + r.existingWindTWh)} TWh,
  indicative 2030 RES-counted production ${sum((r) => r.solarFieldTWh + r.solarRoofTWh + r.windTWh)} TWh,
  small roofs ${sum((r) => r.solarSmallRoofTWh)} TWh.

**The 2030 figures are indicative, not the regions' official RES 1.0 bids, except ${bidIds}.**
See "How to replace the 2030 figures" in \`docs/data.md\`.

## regions.csv

| column | derivation (source file in \`scenarios/sources/\`) |
|---|---|
| id, name | \`res_code\`, \`res_name\` of \`regions/res_regions.csv\` (CBS code and name) |
| provinces | the province(s) the region lies in, \`;\`-separated (table in the build script, from public knowledge of the RES regions, checked against the 2023 municipality assignment) |
| homes | \`residences\` (dwellings, 2023) |
| connections | \`residences\` + \`nonresidential_buildings\` |
| baseDemandTWh | (households + buildings + agriculture + industry excluding chemicals and metals + ICT) electricity demand 2023, GWh ÷ 1000, from \`regions/res_regions_electricity_demand.csv\`. Energy-intensive industry and rail are served by the transmission grid; EVs are a lever of their own (\`evCount\`) |
| existingSolarFieldTWh | \`solar_fields_gwh\` ÷ 1000 (production 2023) |
| existingSolarRoofTWh | \`solar_roofs_buildings_gwh\` ÷ 1000 (large roofs, 2023) |
| existingWindTWh | (\`wind_onshore_inland_gwh\` + \`wind_onshore_coastal_gwh\`) ÷ 1000 (2023) |
| solarSmallRoofTWh | \`solar_roofs_households_gwh\` ÷ 1000: small household roofs, kept at the 2023 value for 2030, not counted for the RES |
| solarFieldTWh, solarRoofTWh, windTWh | default 2030 production "RES 1.0 indicatief": ${bidIds} get their RES 1.0 bid (\`regions/res_1_0_bids_partial.csv\`); every other region gets its 2023 RES-counted production (fields + building roofs + onshore wind) × ${formatNumber(set.scaleFactor)}, the one common factor that makes the national sum exactly ${formatNumber(set.nationalTargetTWh)} TWh (the sum of the RES 1.0 bids). Each region's total is split by its own 2023 mix |
| gridFeedinMW, gridOfftakeMW | empty: the default rule applies when the dataset is loaded (1.3 × the base-load peak for offtake; for feed-in at least 0.6 × offtake and today’s net generation peak, see docs/model.md) |
| solarProfile, windProfile, tempProfile, baseProfile | \`solar\`, \`wind\`, \`temp\` and \`base_<id>\` (columns of profiles.csv) |
| householdDemandTWh | \`households_electricity_demand_gwh\` ÷ 1000 (2023, part of baseDemandTWh): the household load of the low-voltage layer |
| householdProfile | \`${HOUSEHOLD_PROFILE}\`: the NEDU E1A household shape of ${DEMAND_SHAPE_YEAR} (column of profiles.csv) |
| lvCapacityKWPerHome | empty: today's LV capacity per home is derived from today's household peak and small-roof feed-in (see docs/model.md) |
| housingNeedHomes | empty: homes to build by 2030 = homes × the scenario's housingGrowthShare |
| arableLandHa | \`arable_land_km2\` of \`regions/res_regions.csv\` × 100 (agricultural land, ha) |

Numbers are written with up to ${SIGNIFICANT_DIGITS} significant digits, without exponents.

## profiles.csv and profiles-<YYYY>.csv

Each file has 8760 rows, \`hour\` 0..8759 (hour 0 = 1 January 00:00–01:00, CET without summer time),
and the same columns; YYYY below is the file's weather year (${DEFAULT_WEATHER_YEAR} for profiles.csv).

| column | derivation |
|---|---|
| solar | capacity factor \`solar_pv_fields_YYYY\` of \`profiles/nl_supply_capacity_factors_hourly.csv\` (ETM solar PV on land), used for every region and for roofs as well as fields |
| wind | capacity factor \`wind_onshore_YYYY\` (ETM \`wind_inland_baseline\`) |
| temp | \`air_temperature_c_YYYY\` of \`profiles/nl_heat_demand_shapes_and_temperature_hourly.csv\` (KNMI De Bilt via the ETM, °C) |
| base_<id> | the region's base-demand shape: NEDU E1A (\`households_appliances_e1a_${DEMAND_SHAPE_YEAR}\`) × w + NEDU E3A (\`buildings_appliances_e3a_${DEMAND_SHAPE_YEAR}\`) × (1 − w), both normalised to sum 1 first, where w = household demand ÷ base demand of the region. Each column sums to 1. Calendar ${DEMAND_SHAPE_YEAR} in every weather year |
| ${HOUSEHOLD_PROFILE} | NEDU E1A \`households_appliances_e1a_${DEMAND_SHAPE_YEAR}\` of \`profiles/nl_demand_shapes_hourly.csv\`, normalised to sum 1. Calendar ${DEMAND_SHAPE_YEAR} in every weather year |

The profiles are national: every region uses the same solar, wind and temperature curves.
Roofs use the solar-field curve too (the ETM gives 2023 roofs 900 full-load hours against 950
for fields; the TWh are kept, so the implied roof MW are about 5% lower than the ETM's).
There are no \`evDumb\`/\`evSmart\` columns, so the model's default EV shapes apply.

The TWh in regions.csv are those of the reference year ${DEFAULT_WEATHER_YEAR}: the model turns them into MW
with the full-load hours of profiles.csv, and another weather year runs the same MW on its own
solar, wind and temperature curves.

## Licences and attribution

- Region data and profiles: Energy Transition Model / Quintel Intelligence, etsource and
  etlocal, **MIT licence** (etsource \`quintel/etsource@54775b3d\`, etlocal \`quintel/etlocal@49865daf\`).
  The ETM's own sources: NEDU (E1A/E3A profiles), KNMI (temperature, irradiation, wind),
  Open Power System Data / ENTSO-E (measured wind and solar), Klimaatmonitor (Rijkswaterstaat)
  and CBS (regional data). Please credit them as well.
- RES 1.0 bids and the national total: published facts, each row of \`regions/res_1_0_bids_partial.csv\` cites its web page.
- The region map served with this dataset (\`scenarios/sources/geo/res_regions_2023.geojson\`):
  "Kadaster / Centraal Bureau voor de Statistiek (CBS), 2023", CC BY 4.0; simplified by cartomap/nl.
- Details per file: \`scenarios/sources/PROVENANCE.md\`.
`;
}

/** Markdown table of the 30 regions with national totals (the table in docs/data.md). */
export function summaryTable(set: RegionSet): string {
  const rs = set.regions;
  const f3 = (x: number) => fixed(x, 3);
  const lines = [
    '| id | name | provinces | homes | base demand TWh | 2023 fields TWh | 2023 roofs TWh | 2023 wind TWh | 2023 RES TWh | 2030 fields TWh | 2030 roofs TWh | 2030 wind TWh | 2030 RES TWh | 2030 source |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const row = (cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  const columns = (
    r: Pick<
      Region,
      | 'homes'
      | 'baseDemandTWh'
      | 'existingSolarFieldTWh'
      | 'existingSolarRoofTWh'
      | 'existingWindTWh'
      | 'solarFieldTWh'
      | 'solarRoofTWh'
      | 'windTWh'
    >,
  ) => [
    count(r.homes),
    f3(r.baseDemandTWh),
    f3(r.existingSolarFieldTWh),
    f3(r.existingSolarRoofTWh),
    f3(r.existingWindTWh),
    f3(r.existingSolarFieldTWh + r.existingSolarRoofTWh + r.existingWindTWh),
    f3(r.solarFieldTWh),
    f3(r.solarRoofTWh),
    f3(r.windTWh),
    f3(r.solarFieldTWh + r.solarRoofTWh + r.windTWh),
  ];
  for (const r of rs) row([r.id, r.name, r.provinces.join('; '), ...columns(r), r.source2030]);
  const sums = {
    homes: total(rs, (r) => r.homes),
    baseDemandTWh: total(rs, (r) => r.baseDemandTWh),
    existingSolarFieldTWh: total(rs, (r) => r.existingSolarFieldTWh),
    existingSolarRoofTWh: total(rs, (r) => r.existingSolarRoofTWh),
    existingWindTWh: total(rs, (r) => r.existingWindTWh),
    solarFieldTWh: total(rs, (r) => r.solarFieldTWh),
    solarRoofTWh: total(rs, (r) => r.solarRoofTWh),
    windTWh: total(rs, (r) => r.windTWh),
  };
  row(['**NL**', '**30 regions**', '', ...columns(sums).map((c) => `**${c}**`), `factor ${fixed(set.scaleFactor, 6)}`]);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

/** Builds the dataset from sourcesDir into outDir/nl-res30/: regions, dataset.json and every weather year's profiles. */
export function buildDatasets(sourcesDir: string, outDir: string): BuildResult {
  const regionSet = buildRegions(sourcesDir);
  const hourly = {
    supply: readHourly(sourcesDir, SOURCE.supply),
    demandShapes: readHourly(sourcesDir, SOURCE.demandShapes),
    heat: readHourly(sourcesDir, SOURCE.heat),
  };
  const years = WEATHER_YEARS.map((year) => buildProfiles(hourly, year, regionSet.regions));
  const dir = join(outDir, DATASET_NAME);
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'regions.csv': regionsCsv(regionSet.regions),
    'dataset.json': datasetJson(),
    'README.md': datasetReadme(regionSet, years),
  };
  for (const profiles of years) files[profilesFileName(profiles.year)] = profilesCsv(profiles);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { regionSet, datasets: [{ year: DEFAULT_WEATHER_YEAR, dir, files: Object.keys(files) }] };
}

/** Directory of this script, so that the CLI works from any working directory. */
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Default locations of the sources and of the generated datasets. */
export const DEFAULT_SOURCES_DIR = join(HERE, 'sources');
export const DEFAULT_OUT_DIR = join(HERE, 'data');

/** CLI: builds the datasets, or with --summary only prints the region table. */
function main(args: string[]): void {
  if (args.includes('--summary')) {
    process.stdout.write(summaryTable(buildRegions(DEFAULT_SOURCES_DIR)));
    return;
  }
  const unknown = args.filter((a) => a !== '--summary');
  if (unknown.length > 0)
    throw new Error(`unknown argument(s): ${unknown.join(' ')} (usage: build-dataset.ts [--summary])`);
  const { regionSet, datasets } = buildDatasets(DEFAULT_SOURCES_DIR, DEFAULT_OUT_DIR);
  for (const d of datasets) console.log(`wrote ${d.dir} (${d.files.join(', ')})`);
  console.log(
    `common scale factor ${formatNumber(regionSet.scaleFactor)}; national 2030 RES ${formatNumber(
      total(regionSet.regions, (r) => r.solarFieldTWh + r.solarRoofTWh + r.windTWh),
    )} TWh`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
