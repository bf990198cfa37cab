// Seeded generator of random but valid datasets and scenarios for MODEL.md v1 (test code).
//
// generateCase(seed) writes <root>/case-<seed>/dataset/{regions.csv,profiles.csv} and
// <root>/case-<seed>/scenario.json and returns where they are plus a list of the features used.
// Same seed ⇒ same files. Features (chosen per seed):
//   - 2–6 regions, H = 24, 168, 8760 or 8784 (leap year); profiles shared between regions or own;
//   - solar / wind capacity factors in [0, 1] (exact 0 and 1 included), temperatures −15..30 °C,
//     a warm temperature profile (Σ sh = 0), base shapes with zero hours, optional evDumb / evSmart;
//   - optional columns solarSmallRoofTWh / existingSolarRoofTWh; empty or given connections,
//     gridFeedinMW and gridOfftakeMW cells; regions without solar or without wind (also on an
//     all-zero capacity-factor profile, which is valid when the region has no TWh of that kind);
//   - RFC 4180 details: names with commas, quotes (and sometimes a line break), provinces with ';',
//     CRLF line endings, no final newline, shuffled column order, quoted numeric cells, exponent
//     notation;
//   - scenarios that move every lever (national, defaults, per-region overrides, resScale,
//     solarShare incl. an explicit null cancelling a defaults value, clipping, storage, heat
//     strategies summing to ≤ 1 (sometimes exactly 0.1+0.2+0.3+0.4), EVs, industry, grid capacity
//     overrides, energy-tax reinvestment, waccGrid 0 / consumerRate 0);
//   - "tie" regions whose net load P[h] lies exactly on gridFeedinMW / −gridOfftakeMW in some hours:
//     TIEB (binary-exact numbers: exact in floating point under any evaluation order), TIED (decimal
//     numbers: exact only in rational arithmetic) and TIEF (generation equal to today's, so the §1.4
//     default feed-in capacity equals max P exactly); sometimes targetTWh = Σ resNominalTWh exactly.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Q } from './exact.ts';
import { REGION_COLUMNS, referenceResNominalExact } from './reference-model.ts';

// ---------------------------------------------------------------------------------------------
// seeded random numbers

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed * 2654435761 + 0x9e3779b9) >>> 0;
  }
  /** mulberry32, in [0, 1) */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  u(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** x rounded to `d` decimals, as a JS number (its shortest text is what JSON / CSV will carry). */
export function round(x: number, d: number): number {
  return Number(x.toFixed(d));
}

// ---------------------------------------------------------------------------------------------
// CSV writing

export interface CsvStyle {
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

export function csvField(s: string, forceQuote = false): string {
  return forceQuote || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(
  rows: string[][],
  style: CsvStyle,
  quote: (row: number, col: number) => boolean = () => false,
): string {
  const body = rows.map((r, i) => r.map((c, j) => csvField(c, quote(i, j))).join(',')).join(style.eol);
  return style.finalNewline ? body + style.eol : body;
}

// ---------------------------------------------------------------------------------------------
// the case

export interface GeneratedCase {
  seed: number;
  dir: string;
  datasetDir: string;
  scenarioPath: string;
  scenario: Record<string, unknown>;
  H: number;
  features: string[];
}

type Kind = 'random' | 'zeroSolar' | 'zeroWind' | 'TIEB' | 'TIED' | 'TIEF';

interface RegionSpec {
  kind: Kind;
  id: string;
  name: string;
  provinces: string;
  cells: Record<string, string>; // numeric cells as text ('' = empty)
  solarProfile: string;
  windProfile: string;
  tempProfile: string;
  baseProfile: string;
}

const REGIONAL_KEYS = [
  'solarRoofTWh',
  'solarFieldTWh',
  'windTWh',
  'solarSmallRoofTWh',
  'resScale',
  'solarShare',
  'fieldSolarClip',
  'storageMW',
  'storageMWh',
  'shareAllElectric',
  'shareHybrid',
  'shareHeatNet',
  'shareInsulationOnly',
  'evCount',
  'evSmartShare',
  'industryAddMW',
  'gridFeedinMW',
  'gridOfftakeMW',
] as const;
const SHARE_KEYS = ['shareAllElectric', 'shareHybrid', 'shareHeatNet', 'shareInsulationOnly'] as const;

const PROVINCES = [
  'Groningen',
  'Friesland',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
];

function sumQ(texts: string[]): Q {
  let s = Q.ZERO;
  for (const t of texts) s = s.add(Q.of(t));
  return s;
}

export interface GenerateOptions {
  /** allow targetTWh exactly on Σ resNominalTWh (default true) */
  targetTie?: boolean;
  /** allow TIEB / TIED limits moved by 1e-9 or 1e-6 MW off the exact tie (default true) */
  nearTies?: boolean;
  /** allow TIEF regions (generation equal to today's, derived feed-in capacity = max P) (default true) */
  generationEqualsToday?: boolean;
  /** allow scenarios without the national / defaults / regions sections (default true) */
  omitSections?: boolean;
  /** allow batteries big enough to bring every congested hour exactly onto the limit (default true) */
  bigBattery?: boolean;
}

export function generateCase(
  seed: number,
  root: string = join(tmpdir(), 'samenhang-agreement'),
  options: GenerateOptions = {},
): GeneratedCase {
  const rng = new Rng(seed);
  const features: string[] = [];
  const H = seed % 5 === 3 ? 8760 : seed % 5 === 4 ? 8784 : rng.pick([24, 168] as const);
  features.push(`H=${H}`);
  const days = Math.ceil(H / 24);

  // file style
  const style: CsvStyle = { eol: rng.chance(0.3) ? '\r\n' : '\n', finalNewline: !rng.chance(0.2) };
  if (style.eol === '\r\n') features.push('CRLF');
  if (!style.finalNewline) features.push('no final newline');
  const shuffleColumns = rng.chance(0.25);
  const hourNotFirst = rng.chance(0.15);
  const quoteNumbers = rng.chance(0.15);
  const expNotation = rng.chance(0.3);
  const newlineInName = rng.chance(0.1);
  const hasSmallCol = rng.chance(0.65);
  const hasExRoofCol = rng.chance(0.65);
  if (shuffleColumns) features.push('shuffled regions.csv columns');
  if (hourNotFirst) features.push('hour column not first');
  if (quoteNumbers) features.push('quoted numeric cells');
  if (expNotation) features.push('exponent notation');
  if (hasSmallCol) features.push('solarSmallRoofTWh column');
  if (hasExRoofCol) features.push('existingSolarRoofTWh column');

  const num = (x: number, d: number): string => {
    const v = round(x, d);
    if (expNotation && v !== 0 && rng.chance(0.25)) return v.toExponential();
    return String(v);
  };

  // ---- profiles
  const profiles = new Map<string, string[]>();
  const solarNames: string[] = [];
  const windNames: string[] = [];
  const tempNames: string[] = [];
  const baseNames: string[] = [];
  const nSolar = rng.int(1, 3);
  for (let k = 0; k < nSolar; k++) {
    const name = k === 1 && rng.chance(0.4) ? 'zon, "oost"' : `sol_${k}`;
    const cloud = Array.from({ length: days }, () => rng.u(0.2, 1));
    const season = rng.u(0, 1);
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      const day = Math.floor(h / 24);
      const s = Math.max(0, Math.sin((Math.PI * (d - 5)) / 14));
      const seas = 0.6 + 0.4 * Math.sin(2 * Math.PI * (day / 366 + season));
      let cf = Math.min(1, s * seas * cloud[day] * rng.u(1.0, 1.4));
      if (cf > 0.97) cf = 1;
      texts.push(String(round(cf, 4)));
    }
    profiles.set(name, texts);
    solarNames.push(name);
  }
  const nWind = rng.int(1, 3);
  for (let k = 0; k < nWind; k++) {
    const name = `wind-${'NZOW'[k]}`;
    let w = rng.u(0, 1);
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      w = Math.min(1, Math.max(0, w + rng.u(-0.15, 0.15)));
      texts.push(String(round(w, 4)));
    }
    profiles.set(name, texts);
    windNames.push(name);
  }
  const nTemp = rng.int(1, 3);
  for (let k = 0; k < nTemp; k++) {
    const name = `T ${['de Bilt', 'Eelde', 'Beek'][k]}`;
    const off = rng.u(0, 1);
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      const day = Math.floor(h / 24);
      const t =
        8 - 11 * Math.cos(2 * Math.PI * (day / 366 + off)) + 4 * Math.sin((2 * Math.PI * (d - 9)) / 24) + rng.u(-4, 4);
      texts.push(String(round(Math.min(30, Math.max(-15, t)), 1)));
    }
    profiles.set(name, texts);
    tempNames.push(name);
  }
  const warm = rng.chance(0.4);
  if (warm) {
    profiles.set(
      'T_warm',
      Array.from({ length: H }, () => String(round(rng.u(25, 30), 1))),
    );
    tempNames.push('T_warm');
    features.push('warm profile (Σ sh = 0)');
  }
  const nBase = rng.int(1, 2);
  for (let k = 0; k < nBase; k++) {
    const name = `base${k}`;
    const zeros = rng.chance(0.3);
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      let v = 0.7 + 0.3 * Math.sin((2 * Math.PI * (d - 12)) / 24) + rng.u(0, 0.5);
      if (zeros && rng.chance(0.05)) v = 0;
      texts.push(String(round(v, 3)));
    }
    profiles.set(name, texts);
    baseNames.push(name);
  }
  for (const ev of ['evDumb', 'evSmart']) {
    if (rng.chance(0.4)) {
      const texts: string[] = [];
      for (let h = 0; h < H; h++) texts.push(rng.chance(0.2) ? '0' : String(round(rng.u(0, 2), 3)));
      if (!texts.some((t) => t !== '0')) texts[0] = '1';
      profiles.set(ev, texts);
      features.push(`${ev} column`);
    }
  }

  // ---- regions
  const nRegions = rng.int(2, 6);
  const kinds: Kind[] = [];
  if (seed % 3 === 0) kinds.push('TIEB');
  if (seed % 4 === 1) kinds.push('TIED');
  if (seed % 5 === 2 && options.generationEqualsToday !== false) kinds.push('TIEF');
  if (rng.chance(0.25)) kinds.push('zeroSolar');
  if (rng.chance(0.2)) kinds.push('zeroWind');
  while (kinds.length < nRegions) kinds.push('random');
  rng.shuffle(kinds);
  const idPatterns = [
    (i: number) => `ES${String(i + 1).padStart(2, '0')}`,
    (i: number) => `R-${i + 1}`,
    (i: number) => `Regio_${i + 1}`,
  ];
  const idPattern = rng.pick(idPatterns);
  const regions: RegionSpec[] = [];
  kinds.forEach((kind, i) => {
    const homes = rng.int(2000, 400000);
    const baseDemandTWh = round((homes * rng.u(3, 8)) / 1e6 + rng.u(0, 2), 4);
    const noSolar = kind === 'zeroSolar' || rng.chance(0.12);
    const noWind = kind === 'zeroWind' || rng.chance(0.12);
    const roof = noSolar ? 0 : round(rng.u(0, 1.5), 4);
    const field = noSolar ? 0 : round(rng.u(0, 2), 4);
    const wind = noWind ? 0 : round(rng.u(0, 3), 4);
    const exFrac = () => (rng.chance(0.1) ? rng.u(1, 1.5) : rng.u(0, 1));
    const cells: Record<string, string> = {
      homes: String(homes),
      connections: rng.chance(0.4)
        ? ''
        : String(rng.chance(0.5) ? Math.round(homes * rng.u(1.02, 1.3)) : round(homes * rng.u(1.02, 1.3), 2)),
      baseDemandTWh: num(baseDemandTWh, 4),
      solarRoofTWh: num(roof, 4),
      solarFieldTWh: num(field, 4),
      windTWh: num(wind, 4),
      existingSolarFieldTWh: num(field * exFrac(), 4),
      existingWindTWh: num(wind * exFrac(), 4),
      solarSmallRoofTWh: hasSmallCol && !noSolar ? num(rng.u(0, 0.5), 4) : '0',
      existingSolarRoofTWh: hasExRoofCol && !noSolar ? num(roof * exFrac(), 4) : '0',
      gridFeedinMW: '',
      gridOfftakeMW: '',
    };
    const scaleMW = (baseDemandTWh * 1e6) / H;
    if (!rng.chance(0.4)) cells.gridOfftakeMW = num(scaleMW * rng.u(0.8, 2.2), 1);
    if (!rng.chance(0.4)) cells.gridFeedinMW = num((((roof + field + wind) * 1e6) / H) * rng.u(0.8, 5), 1);
    let name = rng.chance(0.3) ? `Regio ${i + 1}, "Noord"` : `Regio ${i + 1}`;
    if (newlineInName && i === 0) name = `Regio\n${i + 1}`;
    const provinces = rng
      .shuffle([...PROVINCES])
      .slice(0, rng.int(1, 3))
      .join(';');
    regions.push({
      kind,
      id: idPattern(i),
      name,
      provinces,
      cells,
      solarProfile: rng.pick(solarNames),
      windProfile: rng.pick(windNames),
      tempProfile: rng.pick(tempNames),
      baseProfile: rng.pick(baseNames),
    });
  });
  if (warm && !regions.some((r) => r.tempProfile === 'T_warm')) regions[0].tempProfile = 'T_warm';
  if (newlineInName) features.push('line break in a quoted name');
  if (regions.some((r) => /[",]/.test(r.name))) features.push('quoted names');

  // all-zero capacity-factor profiles for regions without TWh of that kind
  for (const r of regions) {
    if (r.kind === 'zeroSolar') {
      profiles.set(
        'sol_zero',
        Array.from({ length: H }, () => '0'),
      );
      r.solarProfile = 'sol_zero';
      for (const c of [
        'solarRoofTWh',
        'solarFieldTWh',
        'existingSolarFieldTWh',
        'solarSmallRoofTWh',
        'existingSolarRoofTWh',
      ])
        r.cells[c] = '0';
      features.push('region on an all-zero solar profile');
    }
    if (r.kind === 'zeroWind') {
      profiles.set(
        'wind_zero',
        Array.from({ length: H }, () => '0'),
      );
      r.windProfile = 'wind_zero';
      for (const c of ['windTWh', 'existingWindTWh']) r.cells[c] = '0';
      features.push('region on an all-zero wind profile');
    }
  }

  // ---- scenario
  const meanScaleMW = regions.reduce((s, r) => s + (Number(r.cells.baseDemandTWh) * 1e6) / H, 0) / regions.length;
  const national: Record<string, number> = {};
  const natGen: Record<string, () => number> = {
    heatPerHomeGJ: () => round(rng.u(15, 60), 2),
    dhwShare: () => (rng.chance(0.1) ? rng.pick([0, 1]) : round(rng.u(0, 0.5), 3)),
    heatBaseTempC: () => round(rng.u(14, 22), 1),
    insulationSaving: () => round(rng.u(0, 0.5), 3),
    deepInsulationSaving: () => round(rng.u(0.3, 0.7), 3),
    boilerEfficiency: () => round(rng.u(0.7, 1), 3),
    gasKWhPerM3: () => round(rng.u(8, 10), 3),
    copA: () => round(rng.u(2, 4), 3),
    copB: () => round(rng.u(0.03, 0.15), 4),
    evKWhPerYear: () => round(rng.u(1500, 4000), 0),
    storageRoundTrip: () => (rng.chance(0.15) ? 1 : round(rng.u(0.5, 0.99), 3)),
    costFeedinEURPerMW: () => round(rng.u(3e5, 9e5), 0),
    costOfftakeEURPerMW: () => round(rng.u(1e6, 3e6), 0),
    costConnSolarEURPerMW: () => round(rng.u(3e4, 1.2e5), 0),
    costConnWindEURPerMW: () => round(rng.u(5e4, 1.5e5), 0),
    costStorageEURPerMW: () => round(rng.u(1e5, 3e5), 0),
    costStorageEURPerMWh: () => round(rng.u(1e5, 3e5), 0),
    waccGrid: () => (rng.chance(0.35) ? 0 : round(rng.u(0.01, 0.08), 4)),
    gridLifeYears: () => (rng.chance(0.2) ? round(rng.u(20, 60), 1) : rng.int(20, 60)),
    storageLifeYears: () => rng.int(8, 25),
    ebRevenueEURPerYear: () => round(rng.u(1e9, 1e10), 0),
    ebReinvestShare: () => (rng.chance(0.2) ? 1 : round(rng.u(0.01, 0.9), 3)),
    ebElecEURPerKWh: () => round(rng.u(0.05, 0.15), 4),
    ebGasEURPerM3: () => round(rng.u(0.2, 0.5), 5),
    odeElecEURPerKWh: () => round(rng.u(0.01, 0.05), 4),
    odeGasEURPerM3: () => round(rng.u(0.03, 0.12), 4),
    elecPriceEURPerKWh: () => round(rng.u(0.08, 0.3), 3),
    gasPriceEURPerM3: () => round(rng.u(0.3, 1.2), 3),
    capexInsulationEUR: () => round(rng.u(3000, 15000), 0),
    capexHybridEUR: () => round(rng.u(2000, 6000), 0),
    capexAllElectricEUR: () => round(rng.u(15000, 40000), 0),
    capexHeatNetEUR: () => round(rng.u(5000, 20000), 0),
    consumerRate: () => (rng.chance(0.2) ? 0 : round(rng.u(0.01, 0.08), 4)),
    homeMeasureLifeYears: () => rng.int(10, 40),
    co2GasTPerM3: () => round(rng.u(0.0015, 0.002), 6),
    co2ElecTPerMWh: () => round(rng.u(0, 0.5), 3),
    co2HeatNetTPerGJ: () => round(rng.u(0, 0.05), 4),
    fieldSolarMWpPerHa: () => round(rng.u(0.5, 1.5), 3),
    turbineMW: () => round(rng.u(2, 6), 2),
    haPerTurbine: () => round(rng.u(0.2, 1), 3),
  };
  for (const [k, g] of Object.entries(natGen)) if (rng.chance(0.4)) national[k] = g();
  // COP bounds: keep copMin ≤ copMax whichever of the two is overridden (sometimes equal)
  if (rng.chance(0.4)) {
    const lo = round(rng.u(1, 2.5), 2);
    const hi = rng.chance(0.15) ? lo : round(rng.u(Math.max(lo, 2.5), 6), 2);
    if (rng.chance(0.8)) national.copMin = Math.min(lo, 5);
    if (rng.chance(0.8)) national.copMax = Math.max(hi, national.copMin ?? 1.5);
  }
  // hybrid heat-pump size relative to the hourly heat need so that min(q, hybridThermalKW) binds sometimes
  if (rng.chance(0.7)) {
    const Qkwh = ((national.heatPerHomeGJ ?? 34) * 1e9) / 3.6e6;
    const Qins = Qkwh * (1 - (national.insulationSaving ?? 0.3));
    national.hybridThermalKW = round((rng.u(0.8, 3) * Qins) / H, 4);
  }
  if ((national.ebReinvestShare ?? 0) > 0) features.push('ebReinvestShare > 0');
  if (national.waccGrid === 0) features.push('waccGrid 0');
  if (national.consumerRate === 0) features.push('consumerRate 0');

  const randRegional = (key: (typeof REGIONAL_KEYS)[number], scaleMW: number, homes: number): number | null => {
    switch (key) {
      case 'solarRoofTWh':
        return round(rng.u(0, 1.5), 4);
      case 'solarFieldTWh':
        return round(rng.u(0, 2), 4);
      case 'windTWh':
        return round(rng.u(0, 3), 4);
      case 'solarSmallRoofTWh':
        return round(rng.u(0, 0.5), 4);
      case 'resScale':
        return rng.chance(0.05) ? 0 : round(rng.u(0.5, 2.5), 3);
      case 'solarShare':
        return rng.chance(0.1) ? 0 : rng.chance(0.1) ? 1 : round(rng.u(0, 1), 3);
      case 'fieldSolarClip':
        return rng.chance(0.2) ? 1 : round(rng.u(0.3, 0.99), 3);
      case 'storageMW':
        return round(scaleMW * rng.u(0, 0.5), 2);
      case 'storageMWh':
        return round(scaleMW * rng.u(0, 3), 2);
      case 'evCount':
        return rng.int(0, Math.round(homes * 0.8));
      case 'evSmartShare':
        return rng.chance(0.1) ? 1 : round(rng.u(0, 1), 3);
      case 'industryAddMW':
        return round(scaleMW * rng.u(0, 0.3), 2);
      case 'gridFeedinMW':
        return round(scaleMW * rng.u(0.5, 3), 1);
      case 'gridOfftakeMW':
        return round(scaleMW * rng.u(0.8, 2.5), 1);
      default: // shares, drawn together below
        return round(rng.u(0, 0.25), 3);
    }
  };
  const minHomes = Math.min(...regions.map((r) => Number(r.cells.homes)));
  const defaults: Record<string, number | null> = {};
  for (const k of REGIONAL_KEYS) if (rng.chance(0.25)) defaults[k] = randRegional(k, meanScaleMW, minHomes);
  const regionOverrides: Record<string, Record<string, number | null>> = {};
  for (const r of regions) {
    if (!rng.chance(0.8)) continue;
    const scaleMW = (Number(r.cells.baseDemandTWh) * 1e6) / H;
    const o: Record<string, number | null> = {};
    for (const k of REGIONAL_KEYS) if (rng.chance(0.3)) o[k] = randRegional(k, scaleMW, Number(r.cells.homes));
    if (rng.chance(0.1))
      Object.assign(o, { shareAllElectric: 0.1, shareHybrid: 0.2, shareHeatNet: 0.3, shareInsulationOnly: 0.4 });
    if ('solarShare' in defaults && defaults.solarShare !== null && rng.chance(0.5)) o.solarShare = null;
    regionOverrides[r.id] = o;
  }
  if (Object.values(regionOverrides).some((o) => o.shareInsulationOnly === 0.4 && o.shareHeatNet === 0.3))
    features.push('strategy shares 0.1+0.2+0.3+0.4');
  if (Object.values(regionOverrides).some((o) => o.solarShare === null))
    features.push('solarShare null cancels defaults');

  // a battery that is never the limit: P'[h] lands exactly on the capacity limit in congested hours
  if (rng.chance(0.3)) {
    const r = rng.pick(regions.filter((x) => x.kind === 'random' || x.kind === 'zeroSolar' || x.kind === 'zeroWind'));
    if (r && options.bigBattery !== false) {
      const scaleMW = (Number(r.cells.baseDemandTWh) * 1e6) / H;
      const o = (regionOverrides[r.id] ??= {});
      o.storageMW = round(scaleMW * 1000, 0);
      o.storageMWh = round(scaleMW * 1000 * H, 0);
      features.push('big battery');
    }
  }

  // special regions: take full control of every lever that changes P[h]
  const control = (r: RegionSpec, values: Record<string, number | null>) => {
    const o = (regionOverrides[r.id] ??= {});
    for (const [k, v] of Object.entries(values)) o[k] = v;
  };
  for (const r of regions) {
    if (r.kind === 'zeroSolar') {
      const o: Record<string, number | null> = {};
      if ('solarShare' in defaults || 'solarShare' in (regionOverrides[r.id] ?? {})) o.solarShare = null;
      for (const k of ['solarRoofTWh', 'solarFieldTWh', 'solarSmallRoofTWh'])
        if (k in defaults || k in (regionOverrides[r.id] ?? {})) o[k] = 0;
      control(r, o);
    }
    if (r.kind === 'zeroWind') {
      const o: Record<string, number | null> = {};
      if ('solarShare' in defaults || 'solarShare' in (regionOverrides[r.id] ?? {})) o.solarShare = null;
      if ('windTWh' in defaults || 'windTWh' in (regionOverrides[r.id] ?? {})) o.windTWh = 0;
      control(r, o);
    }
  }

  // ---- tie regions
  const dyadicTexts = (H_: number) => {
    // solar: 8 hours at 1 and 16 at 0.5 on day 0 (FLH 16); wind: 16 hours at 0.5 (FLH 8);
    // base shape: 2^k − H hours at 2, the rest at 1 (Σ = 2^k)
    const sol: string[] = [];
    const wnd: string[] = [];
    for (let h = 0; h < H_; h++) {
      const d = h % 24;
      sol.push(h >= 24 ? '0' : d >= 8 && d < 16 ? '1' : '0.5');
      wnd.push(h >= 24 ? '0' : d < 4 || d >= 12 ? '0.5' : '0');
    }
    let S = 1;
    while (S < H_) S *= 2;
    const twos = S - H_;
    const bas: string[] = [];
    for (let h = 0; h < H_; h++) bas.push(h % H_ < twos ? '2' : '1');
    return { sol, wnd, bas };
  };
  const decimalTexts = (H_: number) => {
    const solDay = [0, 0, 0, 0, 0, 0, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 1, 1, 1, 0.9, 0.8, 0.6, 0.4, 0.2, 0.1, 0.1, 0, 0]; // Σ 10
    const sol: string[] = [];
    const wnd: string[] = [];
    const bas: string[] = [];
    for (let h = 0; h < H_; h++) {
      const d = h % 24;
      sol.push(h >= 24 ? '0' : String(solDay[d]));
      wnd.push(h >= 24 ? '0' : d < 16 ? '0.3' : '0.025'); // Σ 5
      bas.push(h >= 24 ? '0' : d < 22 ? (d % 2 ? '1.1' : '0.9') : d === 22 ? '1.2' : '1.8'); // Σ 25
    }
    return { sol, wnd, bas };
  };
  for (const r of regions) {
    if (r.kind !== 'TIEB' && r.kind !== 'TIED') continue;
    const dy = r.kind === 'TIEB';
    const t = dy ? dyadicTexts(H) : decimalTexts(H);
    const tag = dy ? 'tieB' : 'tieD';
    profiles.set(`${tag}_sol`, t.sol);
    profiles.set(`${tag}_wind`, t.wnd);
    profiles.set(`${tag}_base`, t.bas);
    r.solarProfile = `${tag}_sol`;
    r.windProfile = `${tag}_wind`;
    r.baseProfile = `${tag}_base`;
    const v = dy
      ? {
          roof: '0.015625',
          field: '0.03125',
          wind: '0.0078125',
          small: '0.00390625',
          exField: '0.015625',
          exWind: '0.00390625',
          exRoof: '0',
          base: '0.0625',
          kappa: 0.75,
          resScale: rng.pick([1, 2, 0.5]),
          industry: rng.pick([0, 3, 12.5]),
        }
      : {
          roof: '0.0037',
          field: '0.0052',
          wind: '0.0021',
          small: '0.0013',
          exField: '0.0011',
          exWind: '0.0007',
          exRoof: '0.0004',
          base: '0.0085',
          kappa: 0.8,
          resScale: rng.pick([1, 1.5, 0.7]),
          industry: rng.pick([0, 3, 1.7]),
        };
    Object.assign(r.cells, {
      solarRoofTWh: v.roof,
      solarFieldTWh: v.field,
      windTWh: v.wind,
      existingSolarFieldTWh: v.exField,
      existingWindTWh: v.exWind,
      baseDemandTWh: v.base,
      solarSmallRoofTWh: hasSmallCol ? v.small : '0',
      existingSolarRoofTWh: hasExRoofCol ? v.exRoof : '0',
    });
    const storage = rng.chance(0.5);
    // exact P[h] (no heat, no EVs; industry constant)
    const FLHs = sumQ(t.sol);
    const FLHw = sumQ(t.wnd);
    const S = sumQ(t.bas);
    const s = Q.of(v.resScale);
    const M = Q.of(1e6);
    const Proof = Q.of(v.roof).mul(s).mul(M).div(FLHs);
    const Pfield = Q.of(v.field).mul(s).mul(M).div(FLHs);
    const Pwind = Q.of(v.wind).mul(s).mul(M).div(FLHw);
    const Psmall = Q.of(r.cells.solarSmallRoofTWh).mul(M).div(FLHs);
    const kappa = Q.of(v.kappa);
    const P: Q[] = [];
    for (let h = 0; h < H; h++) {
      const cf = Q.of(t.sol[h]);
      const gen = Proof.mul(cf)
        .add(Q.min(Pfield.mul(cf), kappa.mul(Pfield)))
        .add(Pwind.mul(Q.of(t.wnd[h])))
        .add(Psmall.mul(cf));
      const base = Q.of(v.base).mul(M).mul(Q.of(t.bas[h])).div(S);
      P.push(gen.sub(base).sub(Q.of(v.industry)));
    }
    // limits on the 3rd highest positive and the 2nd lowest negative distinct value of P
    const distinct = [...new Map(P.map((p) => [p.toString(), p])).values()].sort((a, b) => a.cmp(b));
    const pos = distinct.filter((p) => p.gt(Q.ZERO));
    const neg = distinct.filter((p) => p.lt(Q.ZERO));
    const Fq = pos.length ? pos[pos.length - Math.min(3, pos.length)] : Q.ONE;
    const Oq = neg.length ? neg[Math.min(1, neg.length - 1)].neg() : Q.ONE;
    // sometimes move the limits by a hair so that the tie hours are just (not) congested
    const near = options.nearTies !== false;
    const dF = near ? rng.pick([0, 0, 1e-6, -1e-6, 1e-9, -1e-9]) : 0;
    const dO = near ? rng.pick([0, 0, 1e-6, -1e-6, 1e-9, -1e-9]) : 0;
    const Ftext = Fq.sub(Q.of(dF)).toDecimal();
    const Otext = Oq.sub(Q.of(dO)).toDecimal();
    if (Ftext === null || Otext === null) throw new Error(`generator: ${r.kind} limits do not have a finite decimal`);
    const viaScenario = rng.chance(0.5) || 'gridFeedinMW' in defaults || 'gridOfftakeMW' in defaults;
    if (!viaScenario) {
      r.cells.gridFeedinMW = Ftext;
      r.cells.gridOfftakeMW = Otext;
    }
    control(r, {
      resScale: v.resScale,
      solarShare: null,
      fieldSolarClip: v.kappa,
      solarRoofTWh: Number(v.roof),
      solarFieldTWh: Number(v.field),
      windTWh: Number(v.wind),
      solarSmallRoofTWh: Number(r.cells.solarSmallRoofTWh),
      shareAllElectric: 0,
      shareHybrid: 0,
      shareHeatNet: 0,
      shareInsulationOnly: 0,
      evCount: 0,
      industryAddMW: v.industry,
      storageMW: storage ? (dy ? 256 : 120.5) : 0,
      storageMWh: storage ? (dy ? 1024 : 333.3) : 0,
      ...(viaScenario ? { gridFeedinMW: Number(Ftext), gridOfftakeMW: Number(Otext) } : {}),
    });
    if (!viaScenario) {
      const o = regionOverrides[r.id];
      delete o.gridFeedinMW;
      delete o.gridOfftakeMW;
    }
    const hair = dF || dO ? `, limits moved by ${dF}/${dO}` : '';
    features.push(
      `${r.kind} (${dy ? 'binary-exact' : 'decimal'} limits${viaScenario ? ' from the scenario' : ' in regions.csv'}${storage ? ', storage' : ''}${hair})`,
    );
  }
  for (const r of regions) {
    if (r.kind !== 'TIEF') continue;
    // generation equal to today's: RES TWh = existing TWh; empty feed-in cell ⇒ F = max P exactly
    const ex = (x: number) => String(round(x, 4));
    const roof = hasExRoofCol ? ex(rng.u(0.5, 2)) : '0';
    const field = ex(rng.u(0.5, 3));
    const wind = ex(rng.u(0.5, 3));
    Object.assign(r.cells, {
      solarRoofTWh: roof,
      existingSolarRoofTWh: roof,
      solarFieldTWh: field,
      existingSolarFieldTWh: field,
      windTWh: wind,
      existingWindTWh: wind,
      baseDemandTWh: ex(rng.u(0.1, 0.4)),
      gridFeedinMW: '',
      gridOfftakeMW: '',
    });
    if (r.solarProfile === 'sol_zero') r.solarProfile = solarNames[0];
    if (r.windProfile === 'wind_zero') r.windProfile = windNames[0];
    const o = (regionOverrides[r.id] ??= {});
    for (const k of ['gridFeedinMW', 'gridOfftakeMW']) delete o[k];
    control(r, {
      resScale: 1,
      solarShare: null,
      fieldSolarClip: 1,
      solarRoofTWh: Number(roof),
      solarFieldTWh: Number(field),
      windTWh: Number(wind),
      solarSmallRoofTWh: Number(r.cells.solarSmallRoofTWh),
      shareAllElectric: 0,
      shareHybrid: 0,
      shareHeatNet: 0,
      shareInsulationOnly: 0,
      evCount: 0,
      industryAddMW: 0,
    });
    if ('gridFeedinMW' in defaults) delete defaults.gridFeedinMW;
    if ('gridOfftakeMW' in defaults) delete defaults.gridOfftakeMW;
    features.push('TIEF (default feed-in capacity = max P exactly)');
  }

  // resolved strategy shares must sum to ≤ 1
  for (const r of regions) {
    const o = regionOverrides[r.id] ?? {};
    const resolved = SHARE_KEYS.map((k) => (o[k] ?? defaults[k] ?? 0) as number);
    const total = resolved.reduce((a, b) => a + b, 0);
    if (total > 1 + 1e-9) {
      const f = rng.u(0.3, 0.99) / total;
      SHARE_KEYS.forEach((k, i) => {
        o[k] = round(resolved[i] * f, 4);
      });
      regionOverrides[r.id] = o;
    }
  }

  const scenario: Record<string, unknown> = {
    name: `random case ${seed}`,
    national,
    defaults,
    regions: regionOverrides,
  };
  if (options.omitSections !== false && seed % 7 === 0) {
    for (const k of ['national', 'defaults', 'regions'])
      if (Object.keys(scenario[k] as object).length === 0) {
        delete scenario[k];
        features.push(`no ${k} section`);
      }
    if (rng.chance(0.5)) {
      delete scenario.name;
      features.push('no name');
    }
  }
  // feature notes for the report
  for (const r of regions) {
    const o = regionOverrides[r.id] ?? {};
    const off = o.gridOfftakeMW ?? defaults.gridOfftakeMW;
    if (
      r.cells.gridFeedinMW === '' &&
      off !== undefined &&
      o.gridFeedinMW === undefined &&
      defaults.gridFeedinMW === undefined
    )
      features.push('offtake override with derived feed-in');
    const share = 'solarShare' in o ? o.solarShare : defaults.solarShare;
    const roofField = (o.solarRoofTWh ?? defaults.solarRoofTWh ?? Number(r.cells.solarRoofTWh)) as number;
    const field = (o.solarFieldTWh ?? defaults.solarFieldTWh ?? Number(r.cells.solarFieldTWh)) as number;
    if (share !== undefined && share !== null && roofField + field === 0) features.push('solarShare with roofFrac 0.4');
  }

  // ---- write
  const dir = join(root, `case-${seed}`);
  const datasetDir = join(dir, 'dataset');
  mkdirSync(datasetDir, { recursive: true });
  let rCols = [...REGION_COLUMNS];
  if (hasSmallCol) rCols.splice(rng.int(0, rCols.length), 0, 'solarSmallRoofTWh');
  if (hasExRoofCol) rCols.splice(rng.int(0, rCols.length), 0, 'existingSolarRoofTWh');
  if (shuffleColumns) rCols = rng.shuffle(rCols);
  const rRows = [rCols];
  for (const r of regions) {
    rRows.push(
      rCols.map((c) => {
        if (c === 'id') return r.id;
        if (c === 'name') return r.name;
        if (c === 'provinces') return r.provinces;
        if (c === 'solarProfile') return r.solarProfile;
        if (c === 'windProfile') return r.windProfile;
        if (c === 'tempProfile') return r.tempProfile;
        if (c === 'baseProfile') return r.baseProfile;
        return r.cells[c];
      }),
    );
  }
  const numericCol = (c: string) =>
    !['id', 'name', 'provinces', 'solarProfile', 'windProfile', 'tempProfile', 'baseProfile'].includes(c);
  const quoteR = (i: number, j: number) =>
    quoteNumbers && i > 0 && numericCol(rCols[j]) && rRows[i][j] !== '' && (i * 7 + j) % 5 === 0;
  writeFileSync(join(datasetDir, 'regions.csv'), csvText(rRows, style, quoteR));

  const names = [...profiles.keys()];
  const pCols = hourNotFirst ? [...names.slice(0, 1), 'hour', ...names.slice(1)] : ['hour', ...names];
  const pRows: string[][] = [pCols];
  for (let h = 0; h < H; h++) pRows.push(pCols.map((c) => (c === 'hour' ? String(h) : profiles.get(c)![h])));
  const quoteP = (i: number, j: number) => quoteNumbers && i > 0 && (i * 3 + j) % 11 === 0;
  writeFileSync(join(datasetDir, 'profiles.csv'), csvText(pRows, style, quoteP));

  // sometimes put targetTWh exactly on Σ resNominalTWh (route35Triggered must then be false)
  if (rng.chance(0.25)) {
    const total = referenceResNominalExact(datasetDir, scenario);
    const text = total.toDecimal();
    if (options.targetTie !== false && text !== null && Q.of(Number(text)).eq(total)) {
      national.targetTWh = Number(text);
      features.push('targetTWh = Σ resNominalTWh exactly');
    } else national.targetTWh = round(total.toNumber() * rng.u(0.5, 1.5), 3);
    scenario.national = national;
  }

  const scenarioPath = join(dir, 'scenario.json');
  writeFileSync(scenarioPath, JSON.stringify(scenario, null, 1));
  return { seed, dir, datasetDir, scenarioPath, scenario, H, features };
}
