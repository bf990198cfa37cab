// Second, independent implementation of MODEL.md v1 §1–4 (the reference model), written from
// /work/shared/MODEL.md alone, without reading the engine. It is a plain, literal transcription:
// clarity over speed. It is the oracle of engine/testing/cli-agreement.test.ts.
//
// Floating point everywhere, except for the comparisons the model makes with a hard edge where
// rounding could decide the outcome:
//   - `P[h] > gridFeedinMW` and `P[h] < −gridOfftakeMW` (congestion counts, storage branches): when
//     the float difference is within 1e-9 relative, P[h] and the limit are recomputed in exact
//     rational arithmetic (exact.ts) from the decimal texts of the dataset and the scenario.
//     An hour exactly on the limit is not congested (strict inequalities in §2.3 / §2.4).
//   - `route35Triggered = Σ resNominalTWh < targetTWh`: decided in exact arithmetic.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Q } from './exact.ts';

// ---------------------------------------------------------------------------------------------
// Parameter names and defaults (MODEL.md §1.3)

export const NATIONAL_DEFAULTS: Record<string, number> = {
  heatPerHomeGJ: 34,
  dhwShare: 0.2,
  heatBaseTempC: 18,
  insulationSaving: 0.3,
  deepInsulationSaving: 0.45,
  hybridThermalKW: 4,
  boilerEfficiency: 0.9,
  gasKWhPerM3: 8.792,
  copA: 3.25,
  copB: 0.0875,
  copMin: 1.5,
  copMax: 5,
  evKWhPerYear: 2500,
  storageRoundTrip: 0.88,
  costFeedinEURPerMW: 614000,
  costOfftakeEURPerMW: 2056000,
  costConnSolarEURPerMW: 70000,
  costConnWindEURPerMW: 100000,
  costStorageEURPerMW: 214000,
  costStorageEURPerMWh: 190000,
  waccGrid: 0.03,
  gridLifeYears: 40,
  storageLifeYears: 15,
  ebRevenueEURPerYear: 6.408e9,
  ebReinvestShare: 0,
  ebElecEURPerKWh: 0.0977,
  ebGasEURPerM3: 0.33307,
  odeElecEURPerKWh: 0.0273,
  odeGasEURPerM3: 0.0775,
  elecPriceEURPerKWh: 0.13,
  gasPriceEURPerM3: 0.473,
  capexInsulationEUR: 7200,
  capexHybridEUR: 3819,
  capexAllElectricEUR: 25100,
  capexHeatNetEUR: 10080,
  consumerRate: 0.055,
  homeMeasureLifeYears: 25,
  co2GasTPerM3: 0.001785,
  co2ElecTPerMWh: 0.3,
  co2HeatNetTPerGJ: 0.02,
  fieldSolarMWpPerHa: 1.0,
  turbineMW: 4.2,
  haPerTurbine: 0.5,
  targetTWh: 35,
};

/** Regional parameters; `null` in this table means "from the region data" (or, for solarShare, null). */
export const REGIONAL_DEFAULTS: Record<string, number | null> = {
  solarRoofTWh: null,
  solarFieldTWh: null,
  windTWh: null,
  solarSmallRoofTWh: null,
  resScale: 1,
  solarShare: null,
  fieldSolarClip: 1,
  storageMW: 0,
  storageMWh: 0,
  shareAllElectric: 0,
  shareHybrid: 0,
  shareHeatNet: 0,
  shareInsulationOnly: 0,
  evCount: 0,
  evSmartShare: 0,
  industryAddMW: 0,
  gridFeedinMW: null,
  gridOfftakeMW: null,
};

/** Every output of §2.4 and §3, in the order of MODEL.md / the worked example. */
export const REGION_OUTPUT_KEYS = [
  'peakFeedinMW',
  'peakOfftakeMW',
  'reinforceFeedinMW',
  'reinforceOfftakeMW',
  'congestionHoursFeedin',
  'congestionHoursOfftake',
  'resNominalTWh',
  'resDeliveredTWh',
  'smallRoofSolarTWh',
  'clipCurtailedTWh',
  'storageThroughputMWh',
  'connSolarMW',
  'connWindMW',
  'gridCapexEUR',
  'storageCapexEUR',
  'gridAnnuityEUR',
  'ebBudgetEUR',
  'ebToGridEUR',
  'ebToHeatEUR',
  'tariffEURPerConnection',
  'subsidyPerSwitchingHomeEUR',
  'deltaWoonlastenINS_EUR',
  'deltaWoonlastenHY_EUR',
  'deltaWoonlastenAE_EUR',
  'deltaWoonlastenHN_EUR',
  'ebRevenueChangeEUR',
  'heatElecTWh',
  'gasAvoidedM3',
  'co2AvoidedT',
  'homesCapexEUR',
  'fieldSolarHa',
  'windTurbines',
  'windHa',
] as const;

/** §4: not summed are congestion hours and the per-home / per-connection outputs. */
const NOT_SUMMED = new Set<string>([
  'congestionHoursFeedin',
  'congestionHoursOfftake',
  'tariffEURPerConnection',
  'subsidyPerSwitchingHomeEUR',
  'deltaWoonlastenINS_EUR',
  'deltaWoonlastenHY_EUR',
  'deltaWoonlastenAE_EUR',
  'deltaWoonlastenHN_EUR',
]);
export const NATIONAL_SUMMED_KEYS = REGION_OUTPUT_KEYS.filter((k) => !NOT_SUMMED.has(k));
export const NATIONAL_OUTPUT_KEYS = [
  ...NATIONAL_SUMMED_KEYS,
  'tariffEURPerConnection',
  'route35Triggered',
  'targetGapTWh',
];

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180: comma separated, optional double-quoted fields with "" as an escaped quote,
// quoted fields may hold commas and line breaks; records end in CRLF or LF)

export interface CsvRecord {
  line: number; // 1-based line on which the record starts
  fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numberCell(text: string, where: string): number {
  const t = text.trim();
  if (!NUMBER_TEXT.test(t)) throw new Error(`${where}: not a number: ${JSON.stringify(text)}`);
  return Number(t);
}

// ---------------------------------------------------------------------------------------------
// Dataset (MODEL.md §1.1, §1.2, §1.4, §6)

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
const NUMERIC_REGION_COLUMNS = [
  'homes',
  'connections',
  'baseDemandTWh',
  'solarRoofTWh',
  'solarFieldTWh',
  'windTWh',
  'solarSmallRoofTWh',
  'existingSolarRoofTWh',
  'existingSolarFieldTWh',
  'existingWindTWh',
  'gridFeedinMW',
  'gridOfftakeMW',
];
const MAY_BE_EMPTY = new Set(['connections', 'gridFeedinMW', 'gridOfftakeMW']);

export interface Profile {
  values: number[];
  texts: string[]; // decimal texts, for exact arithmetic
}

export interface RegionData {
  id: string;
  name: string;
  provinces: string[];
  /** numeric cells after the §1.4 default rules (float) */
  num: Record<string, number>;
  /** decimal texts of the numeric cells as in the file ('' when empty) */
  text: Record<string, string>;
  solarProfile: string;
  windProfile: string;
  tempProfile: string;
  baseProfile: string;
}

export interface Dataset {
  H: number;
  regions: RegionData[];
  profiles: Map<string, Profile>;
  evDumb: Profile;
  evSmart: Profile;
}

function defaultEvShapes(H: number): { evDumb: Profile; evSmart: Profile } {
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

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function loadDataset(dir: string): Dataset {
  // profiles.csv
  const pRecords = parseCsv(readFileSync(join(dir, 'profiles.csv'), 'utf8'));
  const pHeader = pRecords[0].fields;
  const hourCol = pHeader.indexOf('hour');
  if (hourCol < 0) throw new Error('profiles.csv: no hour column');
  const profiles = new Map<string, Profile>();
  for (const name of pHeader) if (name !== 'hour') profiles.set(name, { values: [], texts: [] });
  const pRows = pRecords.slice(1);
  pRows.forEach((rec, h) => {
    if (rec.fields.length !== pHeader.length) throw new Error(`profiles.csv line ${rec.line}: ragged row`);
    if (numberCell(rec.fields[hourCol], `profiles.csv line ${rec.line}`) !== h)
      throw new Error(`profiles.csv line ${rec.line}: hour out of order`);
    pHeader.forEach((name, c) => {
      if (c === hourCol) return;
      const p = profiles.get(name)!;
      const text = rec.fields[c].trim();
      p.values.push(numberCell(text, `profiles.csv line ${rec.line} column ${name}`));
      p.texts.push(text);
    });
  });
  const H = pRows.length;
  const defaults = defaultEvShapes(H);
  const evDumb = profiles.get('evDumb') ?? defaults.evDumb;
  const evSmart = profiles.get('evSmart') ?? defaults.evSmart;

  // regions.csv
  const rRecords = parseCsv(readFileSync(join(dir, 'regions.csv'), 'utf8'));
  const rHeader = rRecords[0].fields;
  for (const col of REGION_COLUMNS) if (!rHeader.includes(col)) throw new Error(`regions.csv: missing column ${col}`);
  const regions: RegionData[] = [];
  for (const rec of rRecords.slice(1)) {
    if (rec.fields.length !== rHeader.length) throw new Error(`regions.csv line ${rec.line}: ragged row`);
    const cell = (col: string): string | undefined => {
      const c = rHeader.indexOf(col);
      return c < 0 ? undefined : rec.fields[c];
    };
    const num: Record<string, number> = {};
    const text: Record<string, string> = {};
    for (const col of NUMERIC_REGION_COLUMNS) {
      const raw = cell(col);
      if (raw === undefined) {
        // optional column absent: 0
        num[col] = 0;
        text[col] = '0';
        continue;
      }
      const t = raw.trim();
      text[col] = t;
      if (t === '' && MAY_BE_EMPTY.has(col)) {
        num[col] = NaN; // default rule below
        continue;
      }
      num[col] = numberCell(t, `regions.csv line ${rec.line} column ${col}`);
    }
    const r: RegionData = {
      id: cell('id')!,
      name: cell('name')!,
      provinces: cell('provinces')!.split(';'),
      num,
      text,
      solarProfile: cell('solarProfile')!,
      windProfile: cell('windProfile')!,
      tempProfile: cell('tempProfile')!,
      baseProfile: cell('baseProfile')!,
    };
    for (const p of [r.solarProfile, r.windProfile, r.tempProfile, r.baseProfile])
      if (!profiles.has(p))
        throw new Error(`regions.csv line ${rec.line}: profile ${p} is not a column of profiles.csv`);
    if (regions.some((x) => x.id === r.id)) throw new Error(`regions.csv line ${rec.line}: duplicate id ${r.id}`);

    // §1.4 default grid capacity rule, per empty cell
    const solarCF = profiles.get(r.solarProfile)!.values;
    const windCF = profiles.get(r.windProfile)!.values;
    const baseShape = profiles.get(r.baseProfile)!.values;
    const baseShapeSum = sum(baseShape);
    const base = baseShape.map((s) => (num.baseDemandTWh * 1e6 * s) / baseShapeSum);
    if (Number.isNaN(num.gridOfftakeMW)) num.gridOfftakeMW = 1.3 * Math.max(...base);
    if (Number.isNaN(num.gridFeedinMW)) {
      const FLHs = sum(solarCF);
      const FLHw = sum(windCF);
      const solarToday = num.existingSolarRoofTWh + num.existingSolarFieldTWh + num.solarSmallRoofTWh;
      let maxNet = -Infinity;
      for (let h = 0; h < H; h++) {
        const today =
          (solarToday === 0 ? 0 : (solarToday * 1e6 * solarCF[h]) / FLHs) +
          (num.existingWindTWh === 0 ? 0 : (num.existingWindTWh * 1e6 * windCF[h]) / FLHw);
        maxNet = Math.max(maxNet, today - base[h]);
      }
      num.gridFeedinMW = Math.max(0.6 * num.gridOfftakeMW, maxNet);
    }
    if (Number.isNaN(num.connections)) num.connections = num.homes * 1.1;
    regions.push(r);
  }
  return { H, regions, profiles, evDumb, evSmart };
}

// ---------------------------------------------------------------------------------------------
// Scenario (MODEL.md §1.3, §1.5)

export interface Scenario {
  name?: string;
  national?: Record<string, number>;
  defaults?: Record<string, number | null>;
  regions?: Record<string, Record<string, number | null>>;
}

export type RegionalParams = Record<string, number> & { solarShare: number };

function resolveNational(sc: Scenario): Record<string, number> {
  return { ...NATIONAL_DEFAULTS, ...(sc.national ?? {}) };
}

/** Layering in order: region data → defaults → regions[id] → resScale → solarShare. */
function resolveRegional(r: RegionData, sc: Scenario): Record<string, number | null> {
  const p: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(REGIONAL_DEFAULTS)) p[k] = v;
  p.solarRoofTWh = r.num.solarRoofTWh;
  p.solarFieldTWh = r.num.solarFieldTWh;
  p.windTWh = r.num.windTWh;
  p.solarSmallRoofTWh = r.num.solarSmallRoofTWh;
  p.gridFeedinMW = r.num.gridFeedinMW;
  p.gridOfftakeMW = r.num.gridOfftakeMW;
  for (const layer of [sc.defaults ?? {}, sc.regions?.[r.id] ?? {}])
    for (const [k, v] of Object.entries(layer)) p[k] = v;
  const s = p.resScale as number;
  p.solarRoofTWh = (p.solarRoofTWh as number) * s;
  p.solarFieldTWh = (p.solarFieldTWh as number) * s;
  p.windTWh = (p.windTWh as number) * s;
  if (p.solarShare !== null) {
    const T = (p.solarRoofTWh as number) + (p.solarFieldTWh as number) + (p.windTWh as number);
    const roofField = (p.solarRoofTWh as number) + (p.solarFieldTWh as number);
    const roofFrac = roofField === 0 ? 0.4 : (p.solarRoofTWh as number) / roofField;
    const solar = (p.solarShare as number) * T;
    p.solarRoofTWh = roofFrac * solar;
    p.solarFieldTWh = solar - (p.solarRoofTWh as number);
    p.windTWh = T - solar;
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Exact side: P[h], gridFeedinMW, gridOfftakeMW and the RES TWh in rational arithmetic

function textOrNumber(v: number | string): Q {
  return Q.of(v);
}

function qsum(xs: Q[]): Q {
  let s = Q.ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}

function resolveRegionalExact(r: RegionData, sc: Scenario): Record<string, Q | null> {
  const p: Record<string, Q | null> = {};
  for (const [k, v] of Object.entries(REGIONAL_DEFAULTS)) p[k] = v === null ? null : Q.of(v);
  for (const k of ['solarRoofTWh', 'solarFieldTWh', 'windTWh', 'solarSmallRoofTWh']) p[k] = textOrNumber(r.text[k]);
  p.gridFeedinMW = null; // filled lazily by the caller from the data when not overridden
  p.gridOfftakeMW = null;
  for (const layer of [sc.defaults ?? {}, sc.regions?.[r.id] ?? {}])
    for (const [k, v] of Object.entries(layer)) p[k] = v === null ? null : Q.of(v);
  const s = p.resScale!;
  p.solarRoofTWh = p.solarRoofTWh!.mul(s);
  p.solarFieldTWh = p.solarFieldTWh!.mul(s);
  p.windTWh = p.windTWh!.mul(s);
  if (p.solarShare !== null) {
    const T = p.solarRoofTWh.add(p.solarFieldTWh).add(p.windTWh);
    const roofField = p.solarRoofTWh.add(p.solarFieldTWh);
    const roofFrac = roofField.isZero() ? Q.of('0.4') : p.solarRoofTWh.div(roofField);
    const solar = p.solarShare.mul(T);
    p.solarRoofTWh = roofFrac.mul(solar);
    p.solarFieldTWh = solar.sub(p.solarRoofTWh);
    p.windTWh = T.sub(solar);
  }
  return p;
}

/** Everything needed to compute P[h] exactly for one region, built on first use. */
class ExactRegion {
  private readonly p: Record<string, Q | null>;
  private readonly nat: Record<string, Q>;
  private readonly solarCF: Q[];
  private readonly windCF: Q[];
  private readonly tempC: Q[];
  private readonly baseShape: Q[];
  private readonly evDumb: Q[];
  private readonly evSmart: Q[];
  private readonly H: number;
  private readonly FLHs: Q;
  private readonly FLHw: Q;
  private readonly baseShapeSum: Q;
  private readonly shSum: Q;
  private readonly evDumbSum: Q;
  private readonly evSmartSum: Q;
  private readonly r: RegionData;
  private readonly sc: Scenario;
  private F: Q | undefined;
  private O: Q | undefined;
  private Odata: Q | undefined;

  constructor(ds: Dataset, r: RegionData, sc: Scenario) {
    this.r = r;
    this.sc = sc;
    this.H = ds.H;
    this.p = resolveRegionalExact(r, sc);
    this.nat = {};
    for (const [k, v] of Object.entries(resolveNational(sc))) this.nat[k] = Q.of(v);
    const q = (prof: Profile) => prof.texts.map((t) => Q.of(t));
    this.solarCF = q(ds.profiles.get(r.solarProfile)!);
    this.windCF = q(ds.profiles.get(r.windProfile)!);
    this.tempC = q(ds.profiles.get(r.tempProfile)!);
    this.baseShape = q(ds.profiles.get(r.baseProfile)!);
    this.evDumb = q(ds.evDumb);
    this.evSmart = q(ds.evSmart);
    this.FLHs = qsum(this.solarCF);
    this.FLHw = qsum(this.windCF);
    this.baseShapeSum = qsum(this.baseShape);
    this.shSum = qsum(this.tempC.map((t) => Q.max(Q.ZERO, this.nat.heatBaseTempC.sub(t))));
    this.evDumbSum = qsum(this.evDumb);
    this.evSmartSum = qsum(this.evSmart);
  }

  private perFLH(twh: Q, flh: Q): Q {
    return twh.isZero() ? Q.ZERO : twh.mul(Q.of(1e6)).div(flh);
  }

  private base(h: number): Q {
    return Q.of(this.r.text.baseDemandTWh).mul(Q.of(1e6)).mul(this.baseShape[h]).div(this.baseShapeSum);
  }

  private offtakeData(): Q {
    if (this.Odata) return this.Odata;
    const t = this.r.text.gridOfftakeMW;
    if (t !== '') this.Odata = Q.of(t);
    else {
      let m: Q | undefined;
      for (let h = 0; h < this.H; h++) {
        const b = this.base(h);
        if (!m || b.gt(m)) m = b;
      }
      this.Odata = Q.of('1.3').mul(m!);
    }
    return this.Odata;
  }

  offtake(): Q {
    if (this.O) return this.O;
    const o = this.sc.regions?.[this.r.id]?.gridOfftakeMW ?? this.sc.defaults?.gridOfftakeMW;
    this.O = o !== undefined && o !== null ? Q.of(o) : this.offtakeData();
    return this.O;
  }

  feedin(): Q {
    if (this.F) return this.F;
    const f = this.sc.regions?.[this.r.id]?.gridFeedinMW ?? this.sc.defaults?.gridFeedinMW;
    if (f !== undefined && f !== null) this.F = Q.of(f);
    else if (this.r.text.gridFeedinMW !== '') this.F = Q.of(this.r.text.gridFeedinMW);
    else {
      const t = this.r.text;
      const solarToday = Q.of(t.existingSolarRoofTWh).add(Q.of(t.existingSolarFieldTWh)).add(Q.of(t.solarSmallRoofTWh));
      const ps = this.perFLH(solarToday, this.FLHs);
      const pw = this.perFLH(Q.of(t.existingWindTWh), this.FLHw);
      let m: Q | undefined;
      for (let h = 0; h < this.H; h++) {
        const net = ps.mul(this.solarCF[h]).add(pw.mul(this.windCF[h])).sub(this.base(h));
        if (!m || net.gt(m)) m = net;
      }
      this.F = Q.max(Q.of('0.6').mul(this.offtakeData()), m!);
    }
    return this.F;
  }

  private readonly cache = new Map<number, Q>();

  /** P[h] = gen[h] − load[h], exactly (MODEL.md §2.1, §2.2). */
  P(h: number): Q {
    let v = this.cache.get(h);
    if (!v) {
      v = this.computeP(h);
      this.cache.set(h, v);
    }
    return v;
  }

  private computeP(h: number): Q {
    const p = this.p as Record<string, Q>;
    const n = this.nat;
    const Proof = this.perFLH(p.solarRoofTWh, this.FLHs);
    const Pfield = this.perFLH(p.solarFieldTWh, this.FLHs);
    const Pwind = this.perFLH(p.windTWh, this.FLHw);
    const Psmall = this.perFLH(p.solarSmallRoofTWh, this.FLHs);
    const fieldRaw = Pfield.mul(this.solarCF[h]);
    const field = Q.min(fieldRaw, p.fieldSolarClip.mul(Pfield));
    const gen = Proof.mul(this.solarCF[h]).add(field).add(Pwind.mul(this.windCF[h])).add(Psmall.mul(this.solarCF[h]));

    const homes = Q.of(this.r.text.homes);
    const Qkwh = n.heatPerHomeGJ.mul(Q.of(1e9)).div(Q.of(3.6e6));
    const HQ = Q.of(this.H);
    const sh = Q.max(Q.ZERO, n.heatBaseTempC.sub(this.tempC[h]));
    const heatShape = this.shSum.isZero()
      ? Q.ONE.div(HQ)
      : Q.ONE.sub(n.dhwShare).mul(sh).div(this.shSum).add(n.dhwShare.div(HQ));
    const COP = Q.min(n.copMax, Q.max(n.copMin, n.copA.add(n.copB.mul(this.tempC[h]))));
    const nAE = p.shareAllElectric.mul(homes);
    const nHY = p.shareHybrid.mul(homes);
    const Qins = Qkwh.mul(Q.ONE.sub(n.insulationSaving));
    const Qae = Qkwh.mul(Q.ONE.sub(n.deepInsulationSaving));
    const aeMW = nAE.mul(Qae).mul(heatShape).div(COP).div(Q.of(1000));
    const q = Qins.mul(heatShape);
    const hp = Q.min(q, n.hybridThermalKW);
    const hyMW = nHY.mul(hp).div(COP).div(Q.of(1000));
    const sigma = p.evSmartShare;
    const evMW = p.evCount
      .mul(n.evKWhPerYear)
      .div(Q.of(1000))
      .mul(
        Q.ONE.sub(sigma)
          .mul(this.evDumb[h].div(this.evDumbSum))
          .add(sigma.mul(this.evSmart[h].div(this.evSmartSum))),
      );
    const load = this.base(h).add(aeMW).add(hyMW).add(evMW).add(p.industryAddMW);
    return gen.sub(load);
  }
}

/** Σ resNominalTWh over the regions, exactly (used by the generator to put targetTWh on it). */
export function referenceResNominalExact(datasetDir: string, scenario: object): Q {
  const ds = loadDataset(datasetDir);
  let s = Q.ZERO;
  for (const r of ds.regions) {
    const p = resolveRegionalExact(r, scenario as Scenario) as Record<string, Q>;
    s = s.add(p.solarRoofTWh).add(p.solarFieldTWh).add(p.windTWh);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// The model

function annuity(C: number, r: number, L: number): number {
  return r === 0 ? C / L : (C * r) / (1 - (1 + r) ** -L);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export interface RegionDiagnostics {
  id: string;
  exactFeedinDecisions: number; // hours where P[h] vs gridFeedinMW needed exact arithmetic
  exactOfftakeDecisions: number;
  exactFeedinTies: number; // hours exactly on the feed-in limit
  exactOfftakeTies: number;
}

export interface ReferenceResult {
  regions: Array<Record<string, number | string>>;
  national: Record<string, number | boolean>;
}

export function referenceEvaluate(datasetDir: string, scenario: object): ReferenceResult {
  return referenceEvaluateDetailed(datasetDir, scenario).result;
}

export function referenceEvaluateDetailed(
  datasetDir: string,
  scenarioIn: object,
): { result: ReferenceResult; diagnostics: RegionDiagnostics[] } {
  const sc = scenarioIn as Scenario;
  const ds = loadDataset(datasetDir);
  const nat = resolveNational(sc);
  const H = ds.H;
  const totalHomes = sum(ds.regions.map((r) => r.num.homes));
  const out: Array<Record<string, number | string>> = [];
  const diagnostics: RegionDiagnostics[] = [];
  const exactRes: Q[] = [];

  for (const r of ds.regions) {
    const p = resolveRegional(r, sc) as Record<string, number>;
    let exact: ExactRegion | undefined;
    const ex = () => (exact ??= new ExactRegion(ds, r, sc));
    const pq = resolveRegionalExact(r, sc) as Record<string, Q>;
    exactRes.push(pq.solarRoofTWh.add(pq.solarFieldTWh).add(pq.windTWh));
    const diag: RegionDiagnostics = {
      id: r.id,
      exactFeedinDecisions: 0,
      exactOfftakeDecisions: 0,
      exactFeedinTies: 0,
      exactOfftakeTies: 0,
    };

    const solarCF = ds.profiles.get(r.solarProfile)!.values;
    const windCF = ds.profiles.get(r.windProfile)!.values;
    const tempC = ds.profiles.get(r.tempProfile)!.values;
    const baseShape = ds.profiles.get(r.baseProfile)!.values;
    const kappa = p.fieldSolarClip;

    // §2.1 Generation
    const FLHs = sum(solarCF);
    const FLHw = sum(windCF);
    const perFLH = (twh: number, flh: number) => (twh === 0 ? 0 : (twh * 1e6) / flh);
    const Proof = perFLH(p.solarRoofTWh, FLHs);
    const Pfield = perFLH(p.solarFieldTWh, FLHs);
    const Pwind = perFLH(p.windTWh, FLHw);
    const Psmall = perFLH(p.solarSmallRoofTWh, FLHs);
    const roof: number[] = [];
    const fieldRaw: number[] = [];
    const field: number[] = [];
    const wind: number[] = [];
    const small: number[] = [];
    const gen: number[] = [];
    for (let h = 0; h < H; h++) {
      roof[h] = Proof * solarCF[h];
      fieldRaw[h] = Pfield * solarCF[h];
      field[h] = Math.min(fieldRaw[h], kappa * Pfield);
      wind[h] = Pwind * windCF[h];
      small[h] = Psmall * solarCF[h];
      gen[h] = roof[h] + field[h] + wind[h] + small[h];
    }

    // §2.2 Demand
    const baseShapeSum = sum(baseShape);
    const base: number[] = [];
    for (let h = 0; h < H; h++) base[h] = (r.num.baseDemandTWh * 1e6 * baseShape[h]) / baseShapeSum;
    const Qkwh = (nat.heatPerHomeGJ * 1e9) / 3.6e6;
    const sh: number[] = [];
    for (let h = 0; h < H; h++) sh[h] = Math.max(0, nat.heatBaseTempC - tempC[h]);
    const shSum = sum(sh);
    const heatShape: number[] = [];
    const COP: number[] = [];
    for (let h = 0; h < H; h++) {
      heatShape[h] = shSum === 0 ? 1 / H : ((1 - nat.dhwShare) * sh[h]) / shSum + nat.dhwShare / H;
      COP[h] = clamp(nat.copA + nat.copB * tempC[h], nat.copMin, nat.copMax);
    }
    const homes = r.num.homes;
    const nAE = p.shareAllElectric * homes;
    const nHY = p.shareHybrid * homes;
    const nHN = p.shareHeatNet * homes;
    const nINS = p.shareInsulationOnly * homes;
    const nGAS = homes - nAE - nHY - nHN - nINS;
    void nGAS;
    const Qgas = Qkwh;
    const Qins = Qkwh * (1 - nat.insulationSaving);
    const Qae = Qkwh * (1 - nat.deepInsulationSaving);
    const evDumbSum = sum(ds.evDumb.values);
    const evSmartSum = sum(ds.evSmart.values);
    const sigma = p.evSmartShare;
    const aeMW: number[] = [];
    const q: number[] = [];
    const hp: number[] = [];
    const hyMW: number[] = [];
    const evMW: number[] = [];
    const load: number[] = [];
    let hybridGasHeatPerHomeKWh = 0;
    for (let h = 0; h < H; h++) {
      aeMW[h] = (nAE * Qae * heatShape[h]) / COP[h] / 1000;
      q[h] = Qins * heatShape[h];
      hp[h] = Math.min(q[h], nat.hybridThermalKW);
      hyMW[h] = (nHY * hp[h]) / COP[h] / 1000;
      hybridGasHeatPerHomeKWh += q[h] - hp[h];
      evMW[h] =
        ((p.evCount * nat.evKWhPerYear) / 1000) *
        ((1 - sigma) * (ds.evDumb.values[h] / evDumbSum) + sigma * (ds.evSmart.values[h] / evSmartSum));
      load[h] = base[h] + aeMW[h] + hyMW[h] + evMW[h] + p.industryAddMW;
    }

    // §2.3 Storage
    const F = p.gridFeedinMW;
    const O = p.gridOfftakeMW;
    const E = p.storageMWh;
    const Pb = p.storageMW;
    const etaC = Math.sqrt(nat.storageRoundTrip);
    const etaD = etaC;
    const P: number[] = [];
    for (let h = 0; h < H; h++) P[h] = gen[h] - load[h];

    // Below this distance from a limit, the float P[h] is not trusted and exact arithmetic decides.
    const tolerance = (h: number, limit: number) =>
      1e-9 * Math.max(1, Math.abs(P[h]), Math.abs(gen[h]), Math.abs(load[h]), Math.abs(limit));
    // sign(P[h] − limit)
    const compare = (h: number, limit: number, exactLimit: () => Q, kind: 'feedin' | 'offtake'): number => {
      const diff = P[h] - limit;
      if (Math.abs(diff) > tolerance(h, limit)) return Math.sign(diff);
      const c = ex().P(h).cmp(exactLimit());
      if (kind === 'feedin') {
        diag.exactFeedinDecisions++;
        if (c === 0) diag.exactFeedinTies++;
      } else {
        diag.exactOfftakeDecisions++;
        if (c === 0) diag.exactOfftakeTies++;
      }
      return c;
    };
    const aboveFeedin: boolean[] = [];
    const belowOfftake: boolean[] = [];
    for (let h = 0; h < H; h++) {
      aboveFeedin[h] = compare(h, F, () => ex().feedin(), 'feedin') > 0;
      belowOfftake[h] = compare(h, -O, () => ex().offtake().neg(), 'offtake') < 0;
    }

    const Pafter: number[] = [];
    // What P'[h] is exactly, where that is known: 'P' (the battery did nothing), 'F' (the battery
    // brought it exactly to gridFeedinMW), '-O' (exactly to −gridOfftakeMW), or '' (other).
    const exactAfter: Array<'P' | 'F' | '-O' | ''> = [];
    let soc = 0.5 * E;
    let storageThroughputMWh = 0;
    for (let h = 0; h < H; h++) {
      exactAfter[h] = '';
      if (aboveFeedin[h]) {
        const c = Math.min(P[h] - F, Pb, (E - soc) / etaC);
        soc += c * etaC;
        Pafter[h] = P[h] - c;
        storageThroughputMWh += c;
        if (c === P[h] - F) exactAfter[h] = 'F';
        else if (c === 0) exactAfter[h] = 'P';
      } else if (belowOfftake[h]) {
        const d = Math.min(-O - P[h], Pb, soc * etaD);
        soc -= d / etaD;
        Pafter[h] = P[h] + d;
        if (d === -O - P[h]) exactAfter[h] = '-O';
        else if (d === 0) exactAfter[h] = 'P';
      } else if (soc < 0.5 * E) {
        const c = Math.min(Pb, (0.5 * E - soc) / etaC, P[h] + O);
        soc += c * etaC;
        Pafter[h] = P[h] - c;
        storageThroughputMWh += c;
        if (c === P[h] + O) exactAfter[h] = '-O';
        else if (c === 0) exactAfter[h] = 'P';
      } else if (soc > 0.5 * E) {
        const d = Math.min(Pb, (soc - 0.5 * E) * etaD, F - P[h]);
        soc -= d / etaD;
        Pafter[h] = P[h] + d;
        if (d === F - P[h]) exactAfter[h] = 'F';
        else if (d === 0) exactAfter[h] = 'P';
      } else {
        Pafter[h] = P[h];
        exactAfter[h] = 'P';
      }
      soc = clamp(soc, 0, E);
    }

    // §2.4 Grid outcomes
    let maxP = -Infinity;
    let maxNegP = -Infinity;
    for (let h = 0; h < H; h++) {
      maxP = Math.max(maxP, Pafter[h]);
      maxNegP = Math.max(maxNegP, -Pafter[h]);
    }
    const peakFeedinMW = Math.max(0, maxP);
    const peakOfftakeMW = Math.max(0, maxNegP);
    // reinforce = max(0, peak − limit) = max(0, max_h (P'[h] − limit)); a P'[h] that is exactly on
    // the limit must give exactly 0 (a float residue of 1e-11 MW would cost ~1e-5 EUR).
    const overLimit = (h: number, side: 'feedin' | 'offtake'): number => {
      const limit = side === 'feedin' ? F : O;
      const diff = side === 'feedin' ? Pafter[h] - F : -Pafter[h] - O;
      if (Math.abs(diff) > tolerance(h, limit)) return diff;
      const tag = exactAfter[h];
      if ((side === 'feedin' && tag === 'F') || (side === 'offtake' && tag === '-O')) return 0;
      if (tag === 'P')
        return side === 'feedin'
          ? ex().P(h).sub(ex().feedin()).toNumber()
          : ex().P(h).neg().sub(ex().offtake()).toNumber();
      return diff;
    };
    let reinforceFeedinMW = 0;
    let reinforceOfftakeMW = 0;
    for (let h = 0; h < H; h++) {
      reinforceFeedinMW = Math.max(reinforceFeedinMW, overLimit(h, 'feedin'));
      reinforceOfftakeMW = Math.max(reinforceOfftakeMW, overLimit(h, 'offtake'));
    }
    let congestionHoursFeedin = 0;
    let congestionHoursOfftake = 0;
    for (let h = 0; h < H; h++) {
      if (aboveFeedin[h]) congestionHoursFeedin++;
      if (belowOfftake[h]) congestionHoursOfftake++;
    }
    const resNominalTWh = p.solarRoofTWh + p.solarFieldTWh + p.windTWh;
    let delivered = 0;
    let smallSum = 0;
    let clipped = 0;
    for (let h = 0; h < H; h++) {
      delivered += gen[h] - small[h];
      smallSum += small[h];
      clipped += fieldRaw[h] - field[h];
    }
    const resDeliveredTWh = delivered / 1e6;
    const smallRoofSolarTWh = smallSum / 1e6;
    const clipCurtailedTWh = clipped / 1e6;

    // §3 Costs
    const PfieldExisting = perFLH(r.num.existingSolarFieldTWh, FLHs);
    const PwindExisting = perFLH(r.num.existingWindTWh, FLHw);
    const connSolarMW = kappa * Math.max(0, Pfield - PfieldExisting);
    const connWindMW = Math.max(0, Pwind - PwindExisting);
    const gridCapexEUR =
      reinforceFeedinMW * nat.costFeedinEURPerMW +
      reinforceOfftakeMW * nat.costOfftakeEURPerMW +
      connSolarMW * nat.costConnSolarEURPerMW +
      connWindMW * nat.costConnWindEURPerMW;
    const storageCapexEUR = p.storageMW * nat.costStorageEURPerMW + p.storageMWh * nat.costStorageEURPerMWh;
    const gridAnnuityEUR =
      annuity(gridCapexEUR, nat.waccGrid, nat.gridLifeYears) +
      annuity(storageCapexEUR, nat.waccGrid, nat.storageLifeYears);

    // Energy tax reinvestment
    const ebBudgetEUR = (nat.ebReinvestShare * nat.ebRevenueEURPerYear * homes) / totalHomes;
    const ebToGridEUR = Math.min(ebBudgetEUR, gridAnnuityEUR);
    const ebToHeatEUR = ebBudgetEUR - ebToGridEUR;
    const tariffEURPerConnection = (gridAnnuityEUR - ebToGridEUR) / r.num.connections;

    // Homes
    const gasDivisor = nat.boilerEfficiency * nat.gasKWhPerM3;
    const m3 = {
      GAS: Qgas / gasDivisor,
      INS: Qins / gasDivisor,
      HY: hybridGasHeatPerHomeKWh / gasDivisor,
      AE: 0,
      HN: 0,
    };
    let kWhHY = 0;
    let kWhAE = 0;
    for (let h = 0; h < H; h++) {
      kWhHY += hp[h] / COP[h];
      kWhAE += (Qae * heatShape[h]) / COP[h];
    }
    const kWh = { GAS: 0, INS: 0, HY: kWhHY, AE: kWhAE, HN: 0 };
    const capex = {
      GAS: 0,
      INS: nat.capexInsulationEUR,
      HY: nat.capexInsulationEUR + nat.capexHybridEUR,
      AE: nat.capexAllElectricEUR,
      HN: nat.capexInsulationEUR + nat.capexHeatNetEUR,
    };
    const switching = nAE + nHY + nHN + nINS;
    const subsidyPerSwitchingHomeEUR = switching > 0 ? ebToHeatEUR / switching : 0;
    const gasPrice = nat.gasPriceEURPerM3 + nat.ebGasEURPerM3 + nat.odeGasEURPerM3;
    const elecPrice = nat.elecPriceEURPerKWh + nat.ebElecEURPerKWh + nat.odeElecEURPerKWh;
    const ann = (c: number) => annuity(c, nat.consumerRate, nat.homeMeasureLifeYears);
    const billGAS = m3.GAS * gasPrice + kWh.GAS * elecPrice + ann(capex.GAS);
    const billINS = m3.INS * gasPrice + kWh.INS * elecPrice + ann(capex.INS) - subsidyPerSwitchingHomeEUR;
    const billHY = m3.HY * gasPrice + kWh.HY * elecPrice + ann(capex.HY) - subsidyPerSwitchingHomeEUR;
    const billAE = m3.AE * gasPrice + kWh.AE * elecPrice + ann(capex.AE) - subsidyPerSwitchingHomeEUR;
    // heat-network homes pay the INS energy cost
    const billHN = m3.INS * gasPrice + kWh.INS * elecPrice + ann(capex.HN) - subsidyPerSwitchingHomeEUR;

    const ebRevenueChangeEUR =
      nINS * ((m3.INS - m3.GAS) * nat.ebGasEURPerM3 + kWh.INS * nat.ebElecEURPerKWh) +
      nHY * ((m3.HY - m3.GAS) * nat.ebGasEURPerM3 + kWh.HY * nat.ebElecEURPerKWh) +
      nAE * ((m3.AE - m3.GAS) * nat.ebGasEURPerM3 + kWh.AE * nat.ebElecEURPerKWh) +
      nHN * (-m3.GAS * nat.ebGasEURPerM3 + 0 * nat.ebElecEURPerKWh);
    let heatElecMWh = 0;
    for (let h = 0; h < H; h++) heatElecMWh += aeMW[h] + hyMW[h];
    const heatElecTWh = heatElecMWh / 1e6;
    const gasAvoidedM3 =
      nINS * (m3.GAS - m3.INS) + nHY * (m3.GAS - m3.HY) + nAE * (m3.GAS - m3.AE) + nHN * (m3.GAS - m3.HN);
    const QinsGJ = (Qins * 3.6e6) / 1e9;
    const co2AvoidedT =
      gasAvoidedM3 * nat.co2GasTPerM3 - heatElecTWh * 1e6 * nat.co2ElecTPerMWh - nHN * QinsGJ * nat.co2HeatNetTPerGJ;
    const homesCapexEUR = nINS * capex.INS + nHY * capex.HY + nAE * capex.AE + nHN * capex.HN;

    // Land
    const fieldSolarHa = Pfield / nat.fieldSolarMWpPerHa;
    const windTurbines = Pwind / nat.turbineMW;
    const windHa = windTurbines * nat.haPerTurbine;

    out.push({
      id: r.id,
      peakFeedinMW,
      peakOfftakeMW,
      reinforceFeedinMW,
      reinforceOfftakeMW,
      congestionHoursFeedin,
      congestionHoursOfftake,
      resNominalTWh,
      resDeliveredTWh,
      smallRoofSolarTWh,
      clipCurtailedTWh,
      storageThroughputMWh,
      connSolarMW,
      connWindMW,
      gridCapexEUR,
      storageCapexEUR,
      gridAnnuityEUR,
      ebBudgetEUR,
      ebToGridEUR,
      ebToHeatEUR,
      tariffEURPerConnection,
      subsidyPerSwitchingHomeEUR,
      deltaWoonlastenINS_EUR: billINS - billGAS,
      deltaWoonlastenHY_EUR: billHY - billGAS,
      deltaWoonlastenAE_EUR: billAE - billGAS,
      deltaWoonlastenHN_EUR: billHN - billGAS,
      ebRevenueChangeEUR,
      heatElecTWh,
      gasAvoidedM3,
      co2AvoidedT,
      homesCapexEUR,
      fieldSolarHa,
      windTurbines,
      windHa,
    });
    diagnostics.push(diag);
  }

  // §4 National
  const national: Record<string, number | boolean> = {};
  for (const k of NATIONAL_SUMMED_KEYS) national[k] = sum(out.map((o) => o[k] as number));
  const netAnnuity = sum(out.map((o) => (o.gridAnnuityEUR as number) - (o.ebToGridEUR as number)));
  national.tariffEURPerConnection = netAnnuity / sum(ds.regions.map((r) => r.num.connections));
  const resQ = qsum(exactRes);
  const targetQ = Q.of(nat.targetTWh);
  national.route35Triggered = resQ.lt(targetQ);
  national.targetGapTWh = Math.max(0, nat.targetTWh - (national.resNominalTWh as number));
  if (!resQ.lt(targetQ)) national.targetGapTWh = 0;
  return { result: { regions: out, national }, diagnostics };
}
