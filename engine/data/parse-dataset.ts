import { ValidationError, type Issue } from '../errors.ts';
import { CsvSyntaxError, parseCsv, type CsvTable } from './csv.ts';
import { prepareDataset, sumOf } from './prepare.ts';
import type { Dataset, RegionData } from './types.ts';

/** Numeric columns `regions.csv` must have, in MODEL.md §6 order. */
const REQUIRED_NUMERIC_COLUMNS = [
  'homes',
  'connections',
  'baseDemandTWh',
  'solarRoofTWh',
  'solarFieldTWh',
  'windTWh',
  'existingSolarFieldTWh',
  'existingWindTWh',
  'gridFeedinMW',
  'gridOfftakeMW',
] as const;
const PROFILE_REFERENCES = ['solarProfile', 'windProfile', 'tempProfile', 'baseProfile'] as const;
/** Columns `regions.csv` must have (MODEL.md §6). */
export const REQUIRED_REGION_COLUMNS = [
  'id',
  'name',
  'provinces',
  ...REQUIRED_NUMERIC_COLUMNS,
  ...PROFILE_REFERENCES,
] as const;
/** Optional numeric columns, 0 when absent (MODEL.md §1.1). */
const OPTIONAL_REGION_COLUMNS = ['solarSmallRoofTWh', 'existingSolarRoofTWh'] as const;
/** Optional v2 columns whose cells may be empty; absent or empty is "no value" (null), not 0 (MODEL.md §1.1). */
const OPTIONAL_NULLABLE_COLUMNS = ['housingNeedHomes', 'arableLandHa'] as const;
const NUMERIC_REGION_COLUMNS = [
  ...REQUIRED_NUMERIC_COLUMNS,
  ...OPTIONAL_REGION_COLUMNS,
  ...OPTIONAL_NULLABLE_COLUMNS,
] as const;
/** Cells that may be empty: the three meaning "use the default rule" (MODEL.md §1.4) and the optional v2 values. */
const MAY_BE_EMPTY = new Set<string>(['connections', 'gridFeedinMW', 'gridOfftakeMW', ...OPTIONAL_NULLABLE_COLUMNS]);
const NULL_WHEN_ABSENT = new Set<string>(OPTIONAL_NULLABLE_COLUMNS);

/** The texts of a dataset's two files and the labels used for them in error messages. */
export interface DatasetSource {
  name: string;
  regionsCsv: string;
  profilesCsv: string;
  regionsFile?: string;
  profilesFile?: string;
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
  const profileTable = parseTable(source.profilesCsv, profilesFile, issues);
  if (!regionTable || !profileTable) throw new ValidationError(issues);

  const profiles = readProfiles(profileTable, profilesFile, issues);
  const regions = readRegions(regionTable, regionsFile, issues);
  if (issues.length > 0) throw new ValidationError(issues);

  checkProfileReferences(regions, regionTable, regionsFile, profileTable, profilesFile, profiles.columns, issues);
  if (issues.length > 0) throw new ValidationError(issues);

  return prepareDataset(
    source.name,
    regions.map((r) => r.region),
    profiles.columns,
    profiles.hours,
  );
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
  const parsed: ParsedRegion[] = [];
  table.rows.forEach((row, r) => {
    const line = table.rowLines[r];
    const cellAt = (name: string) => row[columnIndex.get(name)!];
    const whereOf = (name: string) => `${file}:${line}:${columnIndex.get(name)! + 1}`;
    const id = cellAt('id').trim();
    if (id === '') issues.push({ where: whereOf('id'), message: 'empty region id' });
    else if (id.includes('.')) issues.push({ where: whereOf('id'), message: `region id '${id}' contains a dot` });
    else if (id === 'NL')
      issues.push({ where: whereOf('id'), message: "region id 'NL' is reserved for national rows" });
    else if (seen.has(id))
      issues.push({ where: whereOf('id'), message: `duplicate region id '${id}' (first on line ${seen.get(id)})` });
    else seen.set(id, line);

    const numbers: Record<string, number> = {};
    for (const name of NUMERIC_REGION_COLUMNS) {
      if (!columnIndex.has(name)) {
        // Optional column absent: 0, or "no value" for the v2 columns with their own default (MODEL.md §1.1).
        numbers[name] = NULL_WHEN_ABSENT.has(name) ? Number.NaN : 0;
        continue;
      }
      const cell = cellAt(name);
      if (cell.trim() === '' && MAY_BE_EMPTY.has(name)) {
        numbers[name] = Number.NaN; // filled in by the default rule
        continue;
      }
      const value = parseDecimal(cell);
      if (value === undefined) {
        issues.push({
          where: whereOf(name),
          message: `column '${name}': not a finite number: ${JSON.stringify(cell)}`,
        });
      } else if (value < 0) {
        issues.push({ where: whereOf(name), message: `column '${name}': must not be negative, got ${cell.trim()}` });
      } else if (value > MAX_DATASET_VALUE) {
        issues.push({
          where: whereOf(name),
          message: `column '${name}': too large, got ${cell.trim()} (at most 1e12)`,
        });
      } else if (name === 'connections' && value === 0) {
        issues.push({
          where: whereOf(name),
          message: "column 'connections': must be greater than 0 (leave it empty for homes × 1.1)",
        });
      } else if (name === 'connections' && value < 1) {
        issues.push({
          where: whereOf(name),
          message: `column 'connections': must be at least 1 (a number of connections), got ${cell.trim()}`,
        });
      }
      numbers[name] = value ?? 0;
    }
    if (Number.isNaN(numbers.connections) && parseDecimal(cellAt('homes')) !== undefined && numbers.homes * 1.1 < 1) {
      issues.push({
        where: whereOf('connections'),
        message: `column 'connections': empty, but homes × 1.1 = ${numbers.homes * 1.1} is less than 1 connection: give the number of connections`,
      });
    }
    const profileNames = Object.fromEntries(PROFILE_REFERENCES.map((name) => [name, cellAt(name).trim()])) as Record<
      (typeof PROFILE_REFERENCES)[number],
      string
    >;
    parsed.push({
      rowIndex: r,
      region: {
        id,
        name: cellAt('name'),
        provinces: cellAt('provinces')
          .split(';')
          .map((p) => p.trim())
          .filter((p) => p !== ''),
        homes: numbers.homes,
        connections: numbers.connections,
        baseDemandTWh: numbers.baseDemandTWh,
        solarRoofTWh: numbers.solarRoofTWh,
        solarFieldTWh: numbers.solarFieldTWh,
        windTWh: numbers.windTWh,
        solarSmallRoofTWh: numbers.solarSmallRoofTWh,
        existingSolarFieldTWh: numbers.existingSolarFieldTWh,
        existingWindTWh: numbers.existingWindTWh,
        existingSolarRoofTWh: numbers.existingSolarRoofTWh,
        gridFeedinMW: numbers.gridFeedinMW,
        gridOfftakeMW: numbers.gridOfftakeMW,
        housingNeedHomes: nullIfNaN(numbers.housingNeedHomes),
        arableLandHa: nullIfNaN(numbers.arableLandHa),
        derived: {
          connections: Number.isNaN(numbers.connections),
          gridFeedinMW: Number.isNaN(numbers.gridFeedinMW),
          gridOfftakeMW: Number.isNaN(numbers.gridOfftakeMW),
        },
        ...profileNames,
      },
    });
  });
  return parsed;
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function checkProfileReferences(
  parsed: ParsedRegion[],
  table: CsvTable,
  file: string,
  profileTable: CsvTable,
  profilesFile: string,
  columns: ReadonlyMap<string, Float64Array>,
  issues: Issue[],
): void {
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
    const checks: Array<[(typeof PROFILE_REFERENCES)[number], 'cf' | 'shape' | 'temp', number]> = [
      ['solarProfile', 'cf', solarTWh],
      ['windProfile', 'cf', windTWh],
      ['tempProfile', 'temp', 0],
      ['baseProfile', 'shape', 0],
    ];
    for (const [reference, kind, twh] of checks) {
      const profileName = region[reference];
      const values = columns.get(profileName);
      if (!values) {
        issues.push({
          where: where(reference),
          message: `${reference} '${profileName}' is not a column of ${profilesFile}`,
        });
        continue;
      }
      const problem = profileProblem(values, kind, twh);
      if (!problem) continue;
      if (problem.hour !== undefined) reportCell(profileName, problem, `${reference} of region ${region.id}`);
      else issues.push({ where: where(reference), message: `${reference} '${profileName}': ${problem.message}` });
    }
  }
  for (const name of ['evDumb', 'evSmart']) {
    const values = columns.get(name);
    const problem = values && profileProblem(values, 'shape', 0);
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

/** Why a profile cannot serve as the given kind, or undefined when it can. */
function profileProblem(values: Float64Array, kind: 'cf' | 'shape' | 'temp', twh: number): ProfileProblem | undefined {
  if (kind === 'temp') return undefined;
  for (let h = 0; h < values.length; h++) {
    if (kind === 'cf' && (values[h] < 0 || values[h] > 1))
      return { hour: h, message: `capacity factor ${values[h]} outside [0, 1] at hour ${h}` };
    if (kind === 'shape' && values[h] < 0)
      return { hour: h, message: `negative shape value ${values[h]} at hour ${h}` };
  }
  const sum = sumOf(values);
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
