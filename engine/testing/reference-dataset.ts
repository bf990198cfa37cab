// Dataset reader of the reference model (MODEL.md v2 §1.1, §1.2, §1.4, §6, §10), written from the
// spec alone, without reading the engine. Plain and literal: clarity over speed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180: comma separated, optional double-quoted fields with "" as an escaped quote,
// quoted fields may hold commas and line breaks; records end in CRLF or LF)

export interface CsvRecord {
  line: number; // 1-based line on which the record starts
  fields: string[];
}

/** Records of a CSV text, each with the line it starts on. */
export function parseCsv(text: string): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.includes('"')) return parseUnquotedCsv(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false; // anything seen in the current record
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (ch === '\n') {
      if (fieldStarted || field !== '' || fields.length > 0) endRecord();
      line++;
      recordLine = line;
      i++;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (inQuotes) throw new Error(`unterminated quoted field starting on line ${recordLine}`);
  if (fieldStarted || field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The same records for a text without quotes (fast path for long profile files). */
function parseUnquotedCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line !== '') records.push({ line: i + 1, fields: line.split(',') });
  });
  return records;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numberCell(text: string, where: string): number {
  const t = text.trim();
  if (!NUMBER_TEXT.test(t)) throw new Error(`${where}: not a number: ${JSON.stringify(text)}`);
  return Number(t);
}

/** Σ of an array, in index order. */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Profiles (one file: profiles.csv or profiles-<YYYY>.csv)

export interface Profile {
  values: number[];
  texts: string[]; // decimal texts, for exact arithmetic
}

/** The profiles of one weather year. */
export interface ProfileSet {
  file: string;
  H: number;
  profiles: Map<string, Profile>;
  evDumb: Profile;
  evSmart: Profile;
}

/** §1.2 default EV shapes for a file of length H (hour ranges inclusive, §8). */
export function defaultEvShapes(H: number): { evDumb: Profile; evSmart: Profile } {
  const dumb: string[] = [];
  const smart: string[] = [];
  for (let h = 0; h < H; h++) {
    const d = h % 24;
    dumb.push(d >= 17 && d <= 22 ? '1' : '0.1');
    smart.push((d >= 0 && d <= 5) || (d >= 11 && d <= 14) ? '1' : '0.1');
  }
  return {
    evDumb: { texts: dumb, values: dumb.map(Number) },
    evSmart: { texts: smart, values: smart.map(Number) },
  };
}

function readProfileSet(dir: string, file: string): ProfileSet {
  const records = parseCsv(readFileSync(join(dir, file), 'utf8'));
  const header = records[0].fields;
  const hourCol = header.indexOf('hour');
  if (hourCol < 0) throw new Error(`${file}: no hour column`);
  const profiles = new Map<string, Profile>();
  for (const name of header) if (name !== 'hour') profiles.set(name, { values: [], texts: [] });
  const rows = records.slice(1);
  rows.forEach((rec, h) => {
    if (rec.fields.length !== header.length) throw new Error(`${file} line ${rec.line}: ragged row`);
    if (numberCell(rec.fields[hourCol], `${file} line ${rec.line}`) !== h)
      throw new Error(`${file} line ${rec.line}: hour out of order`);
    header.forEach((name, c) => {
      if (c === hourCol) return;
      const p = profiles.get(name)!;
      const text = rec.fields[c].trim();
      p.values.push(numberCell(text, `${file} line ${rec.line} column ${name}`));
      p.texts.push(text);
    });
  });
  const H = rows.length;
  const defaults = defaultEvShapes(H);
  for (const ev of ['evDumb', 'evSmart'] as const) {
    const p = profiles.get(ev);
    if (p && (p.values.some((v) => v < 0) || sum(p.values) === 0))
      throw new Error(`${file}: ${ev} must be ≥ 0 and not sum to 0`);
  }
  return {
    file,
    H,
    profiles,
    evDumb: profiles.get('evDumb') ?? defaults.evDumb,
    evSmart: profiles.get('evSmart') ?? defaults.evSmart,
  };
}

// ---------------------------------------------------------------------------------------------
// Regions

/** Columns regions.csv must have (§6); the generator writes them too. */
export const REGION_COLUMNS = [
  'id',
  'name',
  'provinces',
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
  'solarProfile',
  'windProfile',
  'tempProfile',
  'baseProfile',
];
/** Optional numeric columns: 0 when absent (v1). */
export const OPTIONAL_ZERO_COLUMNS = ['solarSmallRoofTWh', 'existingSolarRoofTWh'];
/** v2 optional columns (§1.1): absent or empty means "the default rule". */
export const V2_NUMERIC_COLUMNS = ['householdDemandTWh', 'lvCapacityKWPerHome', 'housingNeedHomes', 'arableLandHa'];
export const V2_COLUMNS = [
  'householdDemandTWh',
  'householdProfile',
  'lvCapacityKWPerHome',
  'housingNeedHomes',
  'arableLandHa',
];

const NUMERIC_REGION_COLUMNS = [
  'homes',
  'connections',
  'baseDemandTWh',
  'solarRoofTWh',
  'solarFieldTWh',
  'windTWh',
  ...OPTIONAL_ZERO_COLUMNS,
  'existingSolarFieldTWh',
  'existingWindTWh',
  'gridFeedinMW',
  'gridOfftakeMW',
  ...V2_NUMERIC_COLUMNS,
];
const MAY_BE_EMPTY = new Set(['connections', 'gridFeedinMW', 'gridOfftakeMW', ...V2_NUMERIC_COLUMNS]);

export interface RegionData {
  id: string;
  name: string;
  provinces: string[];
  /** numeric cells after the §1.4 default rules (float); NaN for an empty or absent v2 cell */
  num: Record<string, number>;
  /** decimal texts of the numeric cells as in the file ('' when empty) */
  text: Record<string, string>;
  solarProfile: string;
  windProfile: string;
  tempProfile: string;
  baseProfile: string;
  /** v2: the household profile, the baseProfile when the cell is empty or absent */
  householdProfile: string;
}

export interface Dataset {
  /** profiles.csv, the reference weather year */
  reference: ProfileSet;
  /** the dataset.json year of profiles.csv, or null */
  referenceYear: number | null;
  /** profiles-<YYYY>.csv by year */
  yearFiles: Map<number, ProfileSet>;
  regions: RegionData[];
  // v1 names for the reference profiles
  H: number;
  profiles: Map<string, Profile>;
  evDumb: Profile;
  evSmart: Profile;
}

function readReferenceYear(dir: string): number | null {
  const path = join(dir, 'dataset.json');
  if (!existsSync(path)) return null;
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const year = json?.weatherYear;
  if (typeof year !== 'number' || !Number.isInteger(year))
    throw new Error(`dataset.json: weatherYear must be an integer, not ${JSON.stringify(year)}`);
  return year;
}

function readYearFiles(dir: string): Map<number, ProfileSet> {
  const years = new Map<number, ProfileSet>();
  for (const f of readdirSync(dir).sort()) {
    const m = /^profiles-(\d{4})\.csv$/.exec(f);
    if (m) years.set(Number(m[1]), readProfileSet(dir, f));
  }
  return years;
}

function readRegion(rec: CsvRecord, header: string[]): RegionData {
  const cell = (col: string): string | undefined => {
    const c = header.indexOf(col);
    return c < 0 ? undefined : rec.fields[c];
  };
  const num: Record<string, number> = {};
  const text: Record<string, string> = {};
  for (const col of NUMERIC_REGION_COLUMNS) {
    const raw = cell(col);
    const v2 = V2_NUMERIC_COLUMNS.includes(col);
    const t = raw === undefined ? (v2 ? '' : '0') : raw.trim();
    text[col] = t;
    if (t === '' && (MAY_BE_EMPTY.has(col) || raw === undefined)) {
      num[col] = NaN; // a default rule decides
      continue;
    }
    num[col] = numberCell(t, `regions.csv line ${rec.line} column ${col}`);
    if (num[col] < 0) throw new Error(`regions.csv line ${rec.line} column ${col}: negative`);
  }
  if (num.homes === 0) throw new Error(`regions.csv line ${rec.line} column homes: 0 homes`);
  if (num.connections === 0) throw new Error(`regions.csv line ${rec.line} column connections: 0 connections`);
  const baseProfile = cell('baseProfile')!;
  const hhCell = cell('householdProfile')?.trim() ?? '';
  return {
    id: cell('id')!,
    name: cell('name')!,
    provinces: cell('provinces')!.split(';'),
    num,
    text,
    solarProfile: cell('solarProfile')!,
    windProfile: cell('windProfile')!,
    tempProfile: cell('tempProfile')!,
    baseProfile,
    householdProfile: hhCell === '' ? baseProfile : hhCell,
  };
}

/** §1.4 default grid capacity rule (over the reference profiles, §10) and the connections rule. */
function applyDefaultRules(r: RegionData, ref: ProfileSet) {
  const num = r.num;
  const solarCF = ref.profiles.get(r.solarProfile)!.values;
  const windCF = ref.profiles.get(r.windProfile)!.values;
  const baseShape = ref.profiles.get(r.baseProfile)!.values;
  const baseShapeSum = sum(baseShape);
  const base = baseShape.map((s) => (num.baseDemandTWh * 1e6 * s) / baseShapeSum);
  if (Number.isNaN(num.gridOfftakeMW)) num.gridOfftakeMW = 1.3 * Math.max(...base);
  if (Number.isNaN(num.gridFeedinMW)) {
    const FLHs = sum(solarCF);
    const FLHw = sum(windCF);
    const solarToday = num.existingSolarRoofTWh + num.existingSolarFieldTWh + num.solarSmallRoofTWh;
    let maxNet = -Infinity;
    for (let h = 0; h < ref.H; h++) {
      const today =
        (solarToday === 0 ? 0 : (solarToday * 1e6 * solarCF[h]) / FLHs) +
        (num.existingWindTWh === 0 ? 0 : (num.existingWindTWh * 1e6 * windCF[h]) / FLHw);
      maxNet = Math.max(maxNet, today - base[h]);
    }
    num.gridFeedinMW = Math.max(0.6 * num.gridOfftakeMW, maxNet);
  }
  if (Number.isNaN(num.connections)) num.connections = num.homes * 1.1;
  // §1.1: an empty household demand is 2600 kWh per home
  if (Number.isNaN(num.householdDemandTWh)) num.householdDemandTWh = (num.homes * 2600) / 1e9;
}

function checkProfileNames(r: RegionData, line: number, sets: ProfileSet[]) {
  for (const set of sets)
    for (const p of [r.solarProfile, r.windProfile, r.tempProfile, r.baseProfile, r.householdProfile])
      if (!set.profiles.has(p))
        throw new Error(`regions.csv line ${line}: profile ${p} is not a column of ${set.file}`);
  for (const set of sets) {
    const hh = set.profiles.get(r.householdProfile)!.values;
    if (hh.some((v) => v < 0) || sum(hh) === 0)
      throw new Error(`${set.file}: household profile ${r.householdProfile} must be ≥ 0 and not sum to 0`);
  }
}

/** Reads a dataset folder (regions.csv, profiles.csv, optional dataset.json and profiles-<YYYY>.csv). */
export function loadDataset(dir: string): Dataset {
  const reference = readProfileSet(dir, 'profiles.csv');
  const referenceYear = readReferenceYear(dir);
  const yearFiles = readYearFiles(dir);
  if (referenceYear !== null && yearFiles.has(referenceYear))
    throw new Error(`weather year ${referenceYear} is both dataset.json's and profiles-${referenceYear}.csv`);

  const records = parseCsv(readFileSync(join(dir, 'regions.csv'), 'utf8'));
  const header = records[0].fields;
  for (const col of REGION_COLUMNS) if (!header.includes(col)) throw new Error(`regions.csv: missing column ${col}`);
  const regions: RegionData[] = [];
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) throw new Error(`regions.csv line ${rec.line}: ragged row`);
    const r = readRegion(rec, header);
    checkProfileNames(r, rec.line, [reference, ...yearFiles.values()]);
    if (regions.some((x) => x.id === r.id)) throw new Error(`regions.csv line ${rec.line}: duplicate id ${r.id}`);
    applyDefaultRules(r, reference);
    regions.push(r);
  }
  return {
    reference,
    referenceYear,
    yearFiles,
    regions,
    H: reference.H,
    profiles: reference.profiles,
    evDumb: reference.evDumb,
    evSmart: reference.evSmart,
  };
}

/** The years a dataset has (§8): the profiles-<YYYY>.csv years plus the dataset.json year. */
export function datasetYears(ds: Dataset): number[] {
  const years = [...ds.yearFiles.keys()];
  if (ds.referenceYear !== null) years.push(ds.referenceYear);
  return years.sort((a, b) => a - b);
}

/** §10: the profiles of a run; null or the dataset.json year select profiles.csv. */
export function runProfiles(ds: Dataset, weatherYear: number | null | undefined): ProfileSet {
  if (weatherYear === null || weatherYear === undefined || weatherYear === ds.referenceYear) return ds.reference;
  const set = Number.isInteger(weatherYear) ? ds.yearFiles.get(weatherYear) : undefined;
  if (!set)
    throw new Error(
      `national.weatherYear: ${weatherYear} is not a weather year of the dataset (it has ${datasetYears(ds).join(', ') || 'none'})`,
    );
  return set;
}
