import { ValidationError, type Issue } from '../errors.ts';
import { CsvSyntaxError, parseCsv, type CsvTable } from './csv.ts';
import { prepareDataset, sumOf, type WeatherYearProfiles } from './prepare.ts';
import {
  REGION_COLUMNS,
  REQUIRED_REGION_COLUMNS,
  type ProfileColumnName,
  type RegionColumn,
} from './region-columns.ts';
import type { Dataset, RegionData } from './types.ts';

/**
 * The profile columns of a profiles CSV with what error messages need to point at a cell: the
 * header (with `hour`), its line and each row's line.
 */
export interface ProfileTable {
  columns: Map<string, Float64Array>;
  hours: number;
  header: readonly string[];
  headerLine: number;
  rowLines: ArrayLike<number>;
}

/** The texts of a dataset's files and the labels used for them in error messages. */
export interface DatasetSource {
  name: string;
  regionsCsv: string;
  /** The text of profiles.csv, or its table already read (from the binary cache, see profile-cache.ts). */
  profilesCsv: string | ProfileTable;
  regionsFile?: string;
  profilesFile?: string;
  /** Text of the optional dataset.json (v2: names the weather year of profiles.csv). */
  datasetJson?: string;
  datasetJsonFile?: string;
  /** Further weather years: the texts of `profiles-<YYYY>.csv` (v2). */
  weatherYears?: ReadonlyArray<{ year: number; csv: string | ProfileTable; file?: string }>;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Largest magnitude of a dataset number. Real values are far below it (a region has at most millions
 * of homes, GW and hundreds of TWh); larger ones would overflow the hourly sums to Infinity.
 */
export const MAX_DATASET_VALUE = 1e12;

/** Parses a `.`-decimal number; undefined for anything else (NaN, Infinity, `1,5`, blanks). */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses and validates a dataset from its CSV texts; throws ValidationError listing every problem. */
export function parseDataset(source: DatasetSource): Dataset {
  const regionsFile = source.regionsFile ?? 'regions.csv';
  const profilesFile = source.profilesFile ?? 'profiles.csv';
  const issues: Issue[] = [];
  const regionTable = parseTable(source.regionsCsv, regionsFile, issues);
  const profilesText = source.profilesCsv;
  const profileCsv = typeof profilesText === 'string' ? parseTable(profilesText, profilesFile, issues) : undefined;
  if (!regionTable || (typeof profilesText === 'string' && !profileCsv)) throw new ValidationError(issues);

  const profiles = profileCsv ? profileTableOf(profileCsv, profilesFile, issues) : (profilesText as ProfileTable);
  const regions = readRegions(regionTable, regionsFile, issues);
  if (issues.length > 0) throw new ValidationError(issues);

  checkProfileReferences(regions, regionTable, regionsFile, profiles, profilesFile, issues);
  const referenceYear = readReferenceYear(source, issues);
  const years: WeatherYearProfiles[] = [];
  for (const yearSource of source.weatherYears ?? []) {
    const file = yearSource.file ?? `profiles-${yearSource.year}.csv`;
    if (yearSource.year === referenceYear) {
      issues.push({
        where: file,
        message: `weather year ${referenceYear} is already the year of profiles.csv (dataset.json): a year may not be both`,
      });
      continue;
    }
    const table = typeof yearSource.csv === 'string' ? readProfileTable(yearSource.csv, file, issues) : yearSource.csv;
    if (!table) continue;
    checkProfileReferences(regions, regionTable, regionsFile, table, file, issues);
    years.push({ year: yearSource.year, profiles: table.columns, hours: table.hours });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  return prepareDataset(
    source.name,
    regions.map((r) => r.region),
    profiles.columns,
    profiles.hours,
    { referenceYear, years: years.sort((a, b) => a.year - b.year) },
  );
}

/** The weather year of profiles.csv from dataset.json (MODEL.md §6), null without the file. */
function readReferenceYear(source: DatasetSource, issues: Issue[]): number | null {
  if (source.datasetJson === undefined) return null;
  const file = source.datasetJsonFile ?? 'dataset.json';
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.datasetJson);
  } catch (error) {
    issues.push({ where: file, message: `not valid JSON: ${(error as Error).message}` });
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    issues.push({ where: file, message: 'must be a JSON object with a weatherYear' });
    return null;
  }
  const year = (parsed as { weatherYear?: unknown }).weatherYear;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    issues.push({
      where: `${file}: weatherYear`,
      message: `must be a whole number naming the year of profiles.csv, got ${JSON.stringify(year) ?? 'nothing'}`,
    });
    return null;
  }
  return year;
}

function parseTable(text: string, file: string, issues: Issue[]): CsvTable | undefined {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      issues.push({ where: `${file}:${error.line}:${error.column}`, message: error.message });
      return undefined;
    }
    throw error;
  }
}

function checkHeader(table: CsvTable, file: string, required: readonly string[], issues: Issue[]): Map<string, number> {
  const columnIndex = new Map<string, number>();
  table.header.forEach((name, index) => {
    if (columnIndex.has(name)) {
      issues.push({ where: `${file}:${table.headerLine}:${index + 1}`, message: `duplicate column '${name}'` });
    } else columnIndex.set(name, index);
  });
  for (const name of required) {
    if (!columnIndex.has(name))
      issues.push({ where: `${file}:${table.headerLine}`, message: `missing column '${name}'` });
  }
  return columnIndex;
}

function checkRagged(table: CsvTable, file: string, issues: Issue[]): boolean {
  let ok = true;
  table.rows.forEach((row, r) => {
    if (row.length !== table.header.length) {
      issues.push({
        where: `${file}:${table.rowLines[r]}`,
        message: `row has ${row.length} cells but the header has ${table.header.length}`,
      });
      ok = false;
    }
  });
  return ok;
}

interface ProfileColumns {
  columns: Map<string, Float64Array>;
  hours: number;
}

/** The ProfileTable of a parsed profiles CSV; its problems go to `issues`. */
function profileTableOf(table: CsvTable, file: string, issues: Issue[]): ProfileTable {
  const { columns, hours } = readProfiles(table, file, issues);
  return { columns, hours, header: table.header, headerLine: table.headerLine, rowLines: table.rowLines };
}

/** Reads a profiles CSV text into its table; undefined, with the problems in `issues`, when it has any. */
export function readProfileTable(text: string, file: string, issues: Issue[]): ProfileTable | undefined {
  const table = parseTable(text, file, issues);
  if (!table) return undefined;
  const before = issues.length;
  const profiles = profileTableOf(table, file, issues);
  return issues.length > before ? undefined : profiles;
}

function readProfiles(table: CsvTable, file: string, issues: Issue[]): ProfileColumns {
  const columns = new Map<string, Float64Array>();
  const before = issues.length;
  const columnIndex = checkHeader(table, file, ['hour'], issues);
  if (!checkRagged(table, file, issues) || issues.length > before) return { columns, hours: 0 };
  const hours = table.rows.length;
  if (hours === 0) {
    issues.push({ where: `${file}:${table.headerLine}`, message: 'no hourly rows' });
    return { columns, hours };
  }
  for (const [name, c] of columnIndex) {
    const values = new Float64Array(hours);
    for (let h = 0; h < hours; h++) {
      const cell = table.rows[h][c];
      const value = parseDecimal(cell);
      const where = `${file}:${table.rowLines[h]}:${c + 1}`;
      if (value === undefined) {
        issues.push({ where, message: `column '${name}': not a finite number: ${JSON.stringify(cell)}` });
        if (issues.length - before > 20) return { columns, hours };
        continue;
      }
      if (Math.abs(value) > MAX_DATASET_VALUE) {
        issues.push({ where, message: `column '${name}': too large, got ${cell.trim()} (at most 1e12 in magnitude)` });
        if (issues.length - before > 20) return { columns, hours };
        continue;
      }
      if (name === 'hour' && value !== h) {
        issues.push({
          where,
          message: `column 'hour': expected ${h} (hours must run 0..${hours - 1} in order), got ${cell.trim()}`,
        });
        if (issues.length - before > 20) return { columns, hours };
      }
      values[h] = value;
    }
    if (name !== 'hour') columns.set(name, values);
  }
  return { columns, hours };
}

interface ParsedRegion {
  region: RegionData;
  rowIndex: number;
}

function readRegions(table: CsvTable, file: string, issues: Issue[]): ParsedRegion[] {
  const before = issues.length;
  const columnIndex = checkHeader(table, file, REQUIRED_REGION_COLUMNS, issues);
  if (!checkRagged(table, file, issues) || issues.length > before) return [];
  if (table.rows.length === 0) {
    issues.push({ where: `${file}:${table.headerLine}`, message: 'no regions' });
    return [];
  }
  const seen = new Map<string, number>();
  return table.rows.map((row, rowIndex) => {
    const line = table.rowLines[rowIndex];
    const whereOf = (name: string) => `${file}:${line}:${columnIndex.get(name)! + 1}`;
    const fields: Record<string, unknown> = {};
    const derived: Record<string, boolean> = {};
    for (const column of REGION_COLUMNS) {
      const c = columnIndex.get(column.name);
      if (c === undefined && column.whenAbsent !== undefined) fields[column.name] = column.whenAbsent;
      else fields[column.name] = readCell(column, c === undefined ? '' : row[c], () => whereOf(column.name), issues);
      if (column.empty === 'derived') derived[column.name] = Number.isNaN(fields[column.name]);
    }
    const region = { ...fields, derived } as unknown as RegionData;
    checkId(region.id, seen, line, whereOf('id'), issues);
    checkConnections(region, row[columnIndex.get('homes')!], whereOf('connections'), issues);
    checkPerHomeEnergy(region, whereOf('homes'), issues);
    return { rowIndex, region };
  });
}

/** One cell as its column's field; an empty `derived` number is NaN until the default rule fills it in. */
function readCell(column: RegionColumn, cell: string, where: () => string, issues: Issue[]): unknown {
  const empty = cell.trim() === '';
  if (empty && column.empty === 'null') return null;
  switch (column.kind) {
    case 'text':
      return column.name === 'id' ? cell.trim() : cell;
    case 'list':
      return cell
        .split(';')
        .map((p) => p.trim())
        .filter((p) => p !== '');
    case 'profile':
      return cell.trim();
    case 'number':
      return empty && column.empty === 'derived' ? Number.NaN : readNumber(column.name, cell, where, issues);
  }
}

/** A non-negative finite number at most MAX_DATASET_VALUE; 0 after reporting a bad cell. */
function readNumber(name: string, cell: string, where: () => string, issues: Issue[]): number {
  const value = parseDecimal(cell);
  if (value === undefined) {
    issues.push({ where: where(), message: `column '${name}': not a finite number: ${JSON.stringify(cell)}` });
  } else if (value < 0) {
    issues.push({ where: where(), message: `column '${name}': must not be negative, got ${cell.trim()}` });
  } else if (value > MAX_DATASET_VALUE) {
    issues.push({ where: where(), message: `column '${name}': too large, got ${cell.trim()} (at most 1e12)` });
  } else if (name === 'homes' && value === 0) {
    issues.push({ where: where(), message: "column 'homes': must be greater than 0 (the LV layer works per home)" });
  } else if (name === 'connections' && value === 0) {
    issues.push({
      where: where(),
      message: "column 'connections': must be greater than 0 (leave it empty for homes × 1.1)",
    });
  } else if (name === 'connections' && value < 1) {
    issues.push({
      where: where(),
      message: `column 'connections': must be at least 1 (a number of connections), got ${cell.trim()}`,
    });
  }
  return value ?? 0;
}

/** Region ids are non-empty, unique, without dots and not the national id `NL`. */
function checkId(id: string, seen: Map<string, number>, line: number, where: string, issues: Issue[]): void {
  if (id === '') issues.push({ where, message: 'empty region id' });
  else if (id.includes('.')) issues.push({ where, message: `region id '${id}' contains a dot` });
  else if (id === 'NL') issues.push({ where, message: "region id 'NL' is reserved for national rows" });
  else if (seen.has(id)) issues.push({ where, message: `duplicate region id '${id}' (first on line ${seen.get(id)})` });
  else seen.set(id, line);
}

/** An empty connections cell needs homes × 1.1 ≥ 1 for the default rule to give a real connection count. */
function checkConnections(region: RegionData, homesCell: string, where: string, issues: Issue[]): void {
  if (!region.derived.connections || parseDecimal(homesCell) === undefined || region.homes * 1.1 >= 1) return;
  issues.push({
    where,
    message: `column 'connections': empty, but homes × 1.1 = ${region.homes * 1.1} is less than 1 connection: give the number of connections`,
  });
}

/**
 * The LV layer divides household demand and small-roof solar by the number of homes. A positive but
 * tiny `homes` (a unit slip, or 5e-324) would make those per-home figures overflow to Infinity and the
 * results NaN, so the yearly energy per home is held to the same bound as every dataset number.
 */
function checkPerHomeEnergy(region: RegionData, where: string, issues: Issue[]): void {
  if (!(region.homes > 0)) return;
  const perHome: Array<[string, number | null]> = [
    ['householdDemandTWh', region.householdDemandTWh],
    ['solarSmallRoofTWh', region.solarSmallRoofTWh],
  ];
  for (const [name, twh] of perHome) {
    if (twh === null || !(twh > 0)) continue;
    const kWhPerHome = (twh * 1e9) / region.homes;
    if (kWhPerHome <= MAX_DATASET_VALUE) continue;
    issues.push({
      where,
      message: `column 'homes': ${region.homes} homes give ${kWhPerHome.toPrecision(3)} kWh of ${name} per home (at most 1e12): too few homes for this region`,
    });
  }
}

function checkProfileReferences(
  parsed: ParsedRegion[],
  table: CsvTable,
  file: string,
  profileTable: ProfileTable,
  profilesFile: string,
  issues: Issue[],
): void {
  const columns = profileTable.columns;
  const stats = new Map<Float64Array, ProfileStats>();
  const columnNumber = new Map(table.header.map((name, index) => [name, index + 1]));
  const profileColumnNumber = new Map(profileTable.header.map((name, index) => [name, index + 1]));
  // A bad value is reported once at its cell in profiles.csv, however many regions use the profile.
  const reported = new Set<string>();
  const reportCell = (profileName: string, problem: ProfileProblem, usedAs: string) => {
    const key = `${profileName}:${problem.hour}`;
    if (reported.has(key)) return;
    reported.add(key);
    issues.push({
      where: `${profilesFile}:${profileTable.rowLines[problem.hour!]}:${profileColumnNumber.get(profileName)}`,
      message: `column '${profileName}' (${usedAs}): ${problem.message}`,
    });
  };
  for (const { region, rowIndex } of parsed) {
    const where = (name: string) => `${file}:${table.rowLines[rowIndex]}:${columnNumber.get(name)}`;
    const solarTWh =
      region.solarRoofTWh +
      region.solarFieldTWh +
      region.solarSmallRoofTWh +
      region.existingSolarFieldTWh +
      region.existingSolarRoofTWh;
    const windTWh = region.windTWh + region.existingWindTWh;
    // Capacity-factor profiles must be able to carry the region's production of their kind.
    const productionTWh: Partial<Record<ProfileColumnName, number>> = { solarProfile: solarTWh, windProfile: windTWh };
    for (const column of REGION_COLUMNS) {
      if (column.kind !== 'profile') continue;
      const reference = column.name as ProfileColumnName;
      const kind = column.profileKind;
      const twh = productionTWh[reference] ?? 0;
      const profileName: string | null = region[reference];
      if (profileName === null) continue;
      const values = columns.get(profileName);
      if (!values) {
        issues.push({
          where: where(reference),
          message: `${reference} '${profileName}' is not a column of ${profilesFile}`,
        });
        continue;
      }
      const problem = profileProblem(values, kind, twh, stats);
      if (!problem) continue;
      if (problem.hour !== undefined) reportCell(profileName, problem, `${reference} of region ${region.id}`);
      else issues.push({ where: where(reference), message: `${reference} '${profileName}': ${problem.message}` });
    }
  }
  for (const name of ['evDumb', 'evSmart']) {
    const values = columns.get(name);
    const problem = values && profileProblem(values, 'shape', 0, stats);
    if (!problem) continue;
    if (problem.hour !== undefined) reportCell(name, problem, 'EV charging shape');
    else
      issues.push({
        where: `${profilesFile}:${profileTable.headerLine}:${profileColumnNumber.get(name)}`,
        message: `column '${name}': ${problem.message}`,
      });
  }
}

/** A profile problem; `hour` is set when one value is at fault. */
interface ProfileProblem {
  message: string;
  hour?: number;
}

/** What the profile checks need of one column: its first out-of-range hours and its sum. */
interface ProfileStats {
  /** First hour outside [0, 1] (−1: none), first negative hour (−1: none). */
  outsideUnitHour: number;
  negativeHour: number;
  sum: number;
}

function profileStatsOf(values: Float64Array): ProfileStats {
  let outsideUnitHour = -1;
  let negativeHour = -1;
  for (let h = 0; h < values.length && negativeHour < 0; h++) {
    if (outsideUnitHour < 0 && (values[h] < 0 || values[h] > 1)) outsideUnitHour = h;
    if (values[h] < 0) negativeHour = h;
  }
  return { outsideUnitHour, negativeHour, sum: sumOf(values) };
}

/**
 * Why a profile cannot serve as the given kind, or undefined when it can. `stats` memoises each
 * column's scan: thirty regions on one profile column (in six weather years) scan it once.
 */
function profileProblem(
  values: Float64Array,
  kind: 'cf' | 'shape' | 'temp',
  twh: number,
  stats: Map<Float64Array, ProfileStats>,
): ProfileProblem | undefined {
  if (kind === 'temp') return undefined;
  let column = stats.get(values);
  if (!column) {
    column = profileStatsOf(values);
    stats.set(values, column);
  }
  const { outsideUnitHour, negativeHour, sum } = column;
  if (kind === 'cf' && outsideUnitHour >= 0) {
    const h = outsideUnitHour;
    return { hour: h, message: `capacity factor ${values[h]} outside [0, 1] at hour ${h}` };
  }
  if (kind === 'shape' && negativeHour >= 0) {
    const h = negativeHour;
    return { hour: h, message: `negative shape value ${values[h]} at hour ${h}` };
  }
  if (kind === 'cf' && sum === 0 && twh > 0)
    return { message: 'capacity factors sum to 0 but the region has production of this kind' };
  if (kind === 'cf' && twh > 0 && !Number.isFinite((twh * 1e6) / sum)) {
    return {
      message: `capacity factors sum to ${sum}, too little for ${twh} TWh (the installed MW would not be a finite number)`,
    };
  }
  if (kind === 'shape' && sum === 0) return { message: 'shape sums to 0' };
  return undefined;
}
