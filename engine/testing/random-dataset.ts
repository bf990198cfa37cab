// Seeded generator of random but valid datasets and scenarios for MODEL.md v1 and v2 (test code).
//
// generateCase(seed) writes <root>/case-<seed>/dataset/{regions.csv,profiles.csv,…} and
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
//   - scenarios that move every lever (random-scenario.ts);
//   - tie regions (random-ties.ts); sometimes targetTWh = Σ resNominalTWh exactly;
//   - v2 (options.v2): the optional v2 columns empty, given or 0, household profiles, small roofs
//     whose LV feed-in dominates, wijkClustering 0 / 1 / between, every §9 and §11–13 parameter with
//     its edge values, weather years (random-weather.ts) and the scenario's weatherYear.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Q } from './exact.ts';
import { type CsvStyle, csvText, type GenContext, type GenerateOptions, newContext, round } from './random-basics.ts';
import {
  drawProfileBook,
  drawProfileFile,
  type ProfileBook,
  type ProfileFile,
  REFERENCE_WEATHER,
} from './random-profiles.ts';
import {
  applySmallRoofs,
  applyZeroProfiles,
  type ColumnPlan,
  drawColumnPlan,
  drawRegions,
  type RegionSpec,
} from './random-regions.ts';
import { drawNational, drawRegional, regionalKeys, SHARE_KEYS } from './random-scenario.ts';
import { addTieProfiles, applyGenerationEqualsToday, applyTies, control } from './random-ties.ts';
import { drawReferenceLength, drawWeatherPlan, drawYearFiles, runLength, type WeatherPlan } from './random-weather.ts';
import { REGION_COLUMNS, referenceResNominalExact } from './reference-model.ts';

export { type CsvStyle, csvField, csvText, type GenerateOptions, Rng, round, type V2Parts } from './random-basics.ts';

export interface GeneratedCase {
  seed: number;
  dir: string;
  datasetDir: string;
  scenarioPath: string;
  scenario: Record<string, unknown>;
  /** length of profiles.csv */
  H: number;
  /** length of the run's profiles (the weather year's file) */
  runH: number;
  features: string[];
}

type Overrides = Record<string, Record<string, number | null>>;

/** Everything drawn for one case before it is written. */
interface Draft {
  ctx: GenContext;
  H: number;
  style: CsvStyle;
  layout: { shuffleColumns: boolean; hourNotFirst: boolean; quoteNumbers: boolean };
  cols: ColumnPlan;
  book: ProfileBook;
  regions: RegionSpec[];
  reference: ProfileFile;
  yearFiles: Map<number, ProfileFile>;
  weather: WeatherPlan;
  national: Record<string, number | null>;
  defaults: Record<string, number | null>;
  overrides: Overrides;
}

/** One random case, written to <root>/case-<seed>/. */
export function generateCase(
  seed: number,
  root: string = join(tmpdir(), 'samenhang-agreement'),
  options: GenerateOptions = {},
): GeneratedCase {
  const ctx = newContext(seed, options);
  const draft = drawDataset(ctx);
  drawScenario(draft);
  applySpecialRegions(draft);
  limitShareSums(draft);
  const scenario = assembleScenario(draft);
  noteScenarioFeatures(draft);
  const dir = join(root, `case-${seed}`);
  const datasetDir = join(dir, 'dataset');
  rmSync(dir, { recursive: true, force: true }); // no files of an earlier case
  writeDataset(draft, datasetDir);
  putTargetOnTotal(draft, datasetDir, scenario);
  const scenarioPath = join(dir, 'scenario.json');
  writeFileSync(scenarioPath, JSON.stringify(scenario, null, 1));
  const runH = runLength(draft.weather, draft.H);
  return { seed, dir, datasetDir, scenarioPath, scenario, H: draft.H, runH, features: ctx.features };
}

// ---------------------------------------------------------------------------------------------
// dataset

function drawStyle(ctx: GenContext): Pick<Draft, 'style' | 'layout'> {
  const { rng, features } = ctx;
  const style: CsvStyle = { eol: rng.chance(0.3) ? '\r\n' : '\n', finalNewline: !rng.chance(0.2) };
  const layout = { shuffleColumns: rng.chance(0.25), hourNotFirst: rng.chance(0.15), quoteNumbers: rng.chance(0.15) };
  ctx.expNotation = rng.chance(0.3);
  if (style.eol === '\r\n') features.push('CRLF');
  if (!style.finalNewline) features.push('no final newline');
  if (layout.shuffleColumns) features.push('shuffled regions.csv columns');
  if (layout.hourNotFirst) features.push('hour column not first');
  if (layout.quoteNumbers) features.push('quoted numeric cells');
  if (ctx.expNotation) features.push('exponent notation');
  return { style, layout };
}

function drawDataset(ctx: GenContext): Draft {
  const H = drawReferenceLength(ctx);
  ctx.features.push(`H=${H}`);
  const { style, layout } = drawStyle(ctx);
  const cols = drawColumnPlan(ctx);
  const book = drawProfileBook(ctx);
  const regions = drawRegions(ctx, book, cols, H);
  applyZeroProfiles(ctx, regions, book);
  addTieProfiles(regions, book);
  const ev = { evDumb: ctx.rng.chance(0.4), evSmart: ctx.rng.chance(0.4) };
  for (const [name, on] of Object.entries(ev)) if (on) ctx.features.push(`${name} column`);
  const reference = drawProfileFile(book.recipes, H, ctx.rng, REFERENCE_WEATHER, ev);
  const weather = drawWeatherPlan(ctx, H);
  const yearFiles = drawYearFiles(ctx, weather, book.recipes);
  return {
    ctx,
    H,
    style,
    layout,
    cols,
    book,
    regions,
    reference,
    yearFiles,
    weather,
    national: {},
    defaults: {},
    overrides: {},
  };
}

// ---------------------------------------------------------------------------------------------
// scenario

const scaleMWOf = (r: RegionSpec, H: number) => (Number(r.cells.baseDemandTWh) * 1e6) / H;

function drawScenario(d: Draft): void {
  const { ctx, regions, H } = d;
  const { rng } = ctx;
  d.national = drawNational(ctx, H);
  if (d.weather.weatherYear !== undefined) d.national.weatherYear = d.weather.weatherYear;
  const meanScaleMW = regions.reduce((s, r) => s + scaleMWOf(r, H), 0) / regions.length;
  const minHomes = Math.min(...regions.map((r) => Number(r.cells.homes)));
  const keys = regionalKeys(ctx);
  for (const k of keys) if (rng.chance(0.25)) d.defaults[k] = drawRegional(ctx, k, meanScaleMW, minHomes);
  for (const r of regions) {
    if (!rng.chance(0.8)) continue;
    const o: Record<string, number | null> = {};
    for (const k of keys) if (rng.chance(0.3)) o[k] = drawRegional(ctx, k, scaleMWOf(r, H), Number(r.cells.homes));
    if (rng.chance(0.1))
      Object.assign(o, { shareAllElectric: 0.1, shareHybrid: 0.2, shareHeatNet: 0.3, shareInsulationOnly: 0.4 });
    if ('solarShare' in d.defaults && d.defaults.solarShare !== null && rng.chance(0.5)) o.solarShare = null;
    d.overrides[r.id] = o;
  }
  if (ctx.v2.lv && rng.chance(0.15)) {
    // today's load exactly on today's capacity in regions without new load (decided exactly)
    d.national.lvSpareShare = 0;
    ctx.features.push('lvSpareShare 0 (LV tie without new load)');
  }
  drawBigBattery(d);
}

/** A battery that is never the limit: P'[h] lands exactly on the capacity limit in congested hours. */
function drawBigBattery(d: Draft): void {
  const { rng } = d.ctx;
  if (!rng.chance(0.3) || d.ctx.options.bigBattery === false) return;
  const r = rng.pick(d.regions.filter((x) => ['random', 'zeroSolar', 'zeroWind', 'smallRoofs'].includes(x.kind)));
  if (!r) return;
  const scaleMW = scaleMWOf(r, d.H);
  const o = (d.overrides[r.id] ??= {});
  o.storageMW = round(scaleMW * 1000, 0);
  o.storageMWh = round(scaleMW * 1000 * d.H, 0);
  d.ctx.features.push('big battery');
}

/** Zero-profile regions must keep zero TWh of their kind; small-roof and tie regions take their levers. */
function applySpecialRegions(d: Draft): void {
  const { ctx, regions, defaults, overrides } = d;
  for (const r of regions) {
    const layers = [defaults, overrides[r.id] ?? {}];
    const set = (k: string) => layers.some((l) => k in l);
    const o: Record<string, number | null> = {};
    if ((r.kind === 'zeroSolar' || r.kind === 'zeroWind') && set('solarShare')) o.solarShare = null;
    if (r.kind === 'zeroSolar')
      for (const k of ['solarRoofTWh', 'solarFieldTWh', 'solarSmallRoofTWh']) if (set(k)) o[k] = 0;
    if (r.kind === 'zeroWind' && set('windTWh')) o.windTWh = 0;
    if (Object.keys(o).length) control(overrides, r, o);
  }
  const ref = d.reference.columns;
  const FLHs = (name: string) => ref.get(name)!.reduce((s, t) => s + Number(t), 0);
  applySmallRoofs(ctx, regions, d.cols, FLHs, overrides);
  const run = d.yearFiles.get(d.weather.weatherYear ?? Number.NaN) ?? d.reference;
  applyTies(ctx, regions, d.cols, defaults, overrides, d.reference, run);
  const fallback = { solar: d.book.solar[0], wind: d.book.wind[0] };
  applyGenerationEqualsToday(ctx, regions, d.cols, fallback, defaults, overrides, run === d.reference);
}

/** Resolved strategy shares must sum to ≤ 1. */
function limitShareSums(d: Draft): void {
  for (const r of d.regions) {
    const o = d.overrides[r.id] ?? {};
    const resolved = SHARE_KEYS.map((k) => (o[k] ?? d.defaults[k] ?? 0) as number);
    const total = resolved.reduce((a, b) => a + b, 0);
    if (total <= 1 + 1e-9) continue;
    const f = d.ctx.rng.u(0.3, 0.99) / total;
    SHARE_KEYS.forEach((k, i) => {
      o[k] = round(resolved[i] * f, 4);
    });
    d.overrides[r.id] = o;
  }
}

function assembleScenario(d: Draft): Record<string, unknown> {
  const { ctx } = d;
  const scenario: Record<string, unknown> = {
    name: `random case ${ctx.seed}`,
    national: d.national,
    defaults: d.defaults,
    regions: d.overrides,
  };
  if (ctx.options.omitSections === false || ctx.seed % 7 !== 0) return scenario;
  for (const k of ['national', 'defaults', 'regions'])
    if (Object.keys(scenario[k] as object).length === 0) {
      delete scenario[k];
      ctx.features.push(`no ${k} section`);
    }
  if (ctx.rng.chance(0.5)) {
    delete scenario.name;
    ctx.features.push('no name');
  }
  return scenario;
}

function noteScenarioFeatures(d: Draft): void {
  const { ctx, defaults, overrides, regions } = d;
  const f = ctx.features;
  const all = [defaults, ...Object.values(overrides)];
  if (Object.values(overrides).some((o) => o.shareInsulationOnly === 0.4 && o.shareHeatNet === 0.3))
    f.push('strategy shares 0.1+0.2+0.3+0.4');
  if (Object.values(overrides).some((o) => o.solarShare === null)) f.push('solarShare null cancels defaults');
  for (const c of [0, 1]) if (all.some((o) => o.wijkClustering === c)) f.push(`wijkClustering ${c}`);
  if (all.some((o) => o.wijkClustering !== undefined && o.wijkClustering !== 0 && o.wijkClustering !== 1))
    f.push('wijkClustering between 0 and 1');
  if (all.some((o) => o.lvCapacityKWPerHome !== undefined)) f.push('lvCapacityKWPerHome in the scenario');
  for (const r of regions) {
    const o = overrides[r.id] ?? {};
    const off = o.gridOfftakeMW ?? defaults.gridOfftakeMW;
    if (
      r.cells.gridFeedinMW === '' &&
      off !== undefined &&
      o.gridFeedinMW === undefined &&
      defaults.gridFeedinMW === undefined
    )
      f.push('offtake override with derived feed-in');
    const share = 'solarShare' in o ? o.solarShare : defaults.solarShare;
    const roof = (o.solarRoofTWh ?? defaults.solarRoofTWh ?? Number(r.cells.solarRoofTWh)) as number;
    const field = (o.solarFieldTWh ?? defaults.solarFieldTWh ?? Number(r.cells.solarFieldTWh)) as number;
    if (share !== undefined && share !== null && roof + field === 0) f.push('solarShare with roofFrac 0.4');
    if (
      ctx.v2.lv &&
      (o.shareAllElectric ?? defaults.shareAllElectric ?? 0) + (o.shareHybrid ?? defaults.shareHybrid ?? 0) === 0
    )
      f.push('s = 0');
  }
}

// ---------------------------------------------------------------------------------------------
// writing

const TEXT_COLUMNS = [
  'id',
  'name',
  'provinces',
  'solarProfile',
  'windProfile',
  'tempProfile',
  'baseProfile',
  'householdProfile',
];

function regionColumns(d: Draft): string[] {
  const { rng } = d.ctx;
  let cols = [...REGION_COLUMNS];
  const optional = [
    ...(d.cols.smallRoofs ? ['solarSmallRoofTWh'] : []),
    ...(d.cols.existingRoofs ? ['existingSolarRoofTWh'] : []),
    ...d.cols.v2,
  ];
  for (const c of optional) cols.splice(rng.int(0, cols.length), 0, c);
  if (d.layout.shuffleColumns) cols = rng.shuffle(cols);
  return cols;
}

function regionCell(r: RegionSpec, c: string): string {
  switch (c) {
    case 'id':
      return r.id;
    case 'name':
      return r.name;
    case 'provinces':
      return r.provinces;
    case 'solarProfile':
      return r.solarProfile;
    case 'windProfile':
      return r.windProfile;
    case 'tempProfile':
      return r.tempProfile;
    case 'baseProfile':
      return r.baseProfile;
    case 'householdProfile':
      return r.householdProfile;
    default:
      return r.cells[c];
  }
}

function writeRegions(d: Draft, datasetDir: string): void {
  const cols = regionColumns(d);
  const rows = [cols, ...d.regions.map((r) => cols.map((c) => regionCell(r, c)))];
  const quote = (i: number, j: number) =>
    d.layout.quoteNumbers && i > 0 && !TEXT_COLUMNS.includes(cols[j]) && rows[i][j] !== '' && (i * 7 + j) % 5 === 0;
  writeFileSync(join(datasetDir, 'regions.csv'), csvText(rows, d.style, quote));
}

function writeProfiles(d: Draft, file: ProfileFile, path: string): void {
  const names = [...file.columns.keys()];
  const cols = d.layout.hourNotFirst ? [...names.slice(0, 1), 'hour', ...names.slice(1)] : ['hour', ...names];
  const rows: string[][] = [cols];
  for (let h = 0; h < file.H; h++) rows.push(cols.map((c) => (c === 'hour' ? String(h) : file.columns.get(c)![h])));
  const quote = (i: number, j: number) => d.layout.quoteNumbers && i > 0 && (i * 3 + j) % 11 === 0;
  writeFileSync(path, csvText(rows, d.style, quote));
}

function writeDataset(d: Draft, datasetDir: string): void {
  mkdirSync(datasetDir, { recursive: true });
  writeRegions(d, datasetDir);
  writeProfiles(d, d.reference, join(datasetDir, 'profiles.csv'));
  for (const [year, file] of d.yearFiles) writeProfiles(d, file, join(datasetDir, `profiles-${year}.csv`));
  const { referenceYear, decoys } = d.weather;
  if (referenceYear !== null)
    writeFileSync(join(datasetDir, 'dataset.json'), JSON.stringify({ weatherYear: referenceYear, source: 'random' }));
  for (const name of decoys) writeFileSync(join(datasetDir, name), 'not, a, profile\n');
}

/** Sometimes puts targetTWh exactly on Σ resNominalTWh (route35Triggered must then be false). */
function putTargetOnTotal(d: Draft, datasetDir: string, scenario: Record<string, unknown>): void {
  const { ctx } = d;
  if (ctx.seed % 5 !== 1 && !ctx.rng.chance(0.1)) return;
  const total = referenceResNominalExact(datasetDir, scenario);
  const text = total.toDecimal();
  if (ctx.options.targetTie !== false && text !== null && Q.of(Number(text)).eq(total)) {
    d.national.targetTWh = Number(text);
    ctx.features.push('targetTWh = Σ resNominalTWh exactly');
  } else d.national.targetTWh = round(total.toNumber() * ctx.rng.u(0.5, 1.5), 3);
  scenario.national = d.national;
}
