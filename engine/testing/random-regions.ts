// Regions of a random case (test code): the regions.csv cells of MODEL.md §1.1 / §6, v1 and v2.

import { type GenContext, numText, round } from './random-basics.ts';
import { type ProfileBook, zeroRecipe } from './random-profiles.ts';

export type Kind = 'random' | 'zeroSolar' | 'zeroWind' | 'TIEB' | 'TIED' | 'TIEF' | 'smallRoofs';

export interface RegionSpec {
  kind: Kind;
  id: string;
  name: string;
  provinces: string;
  cells: Record<string, string>; // numeric cells as text ('' = empty)
  solarProfile: string;
  windProfile: string;
  tempProfile: string;
  baseProfile: string;
  householdProfile: string; // '' = empty cell
}

/** Which optional columns regions.csv has. */
export interface ColumnPlan {
  smallRoofs: boolean;
  existingRoofs: boolean;
  /** v2 columns present in regions.csv */
  v2: string[];
}

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

export function drawColumnPlan(ctx: GenContext): ColumnPlan {
  const { rng, features } = ctx;
  const plan: ColumnPlan = { smallRoofs: rng.chance(0.65), existingRoofs: rng.chance(0.65), v2: [] };
  if (ctx.v2.lv)
    for (const c of ['householdDemandTWh', 'householdProfile', 'lvCapacityKWPerHome'])
      if (rng.chance(0.7)) plan.v2.push(c);
  if (ctx.v2.finance) for (const c of ['housingNeedHomes', 'arableLandHa']) if (rng.chance(0.7)) plan.v2.push(c);
  if (plan.smallRoofs) features.push('solarSmallRoofTWh column');
  if (plan.existingRoofs) features.push('existingSolarRoofTWh column');
  if (ctx.v2.lv || ctx.v2.finance) features.push(`v2 columns: ${plan.v2.join(' ') || 'none'}`);
  return plan;
}

/** The kinds of the 2–6 regions: tie regions for some seeds, zero-profile and small-roof regions by chance. */
export function drawKinds(ctx: GenContext): Kind[] {
  const { seed, rng, options } = ctx;
  const n = rng.int(2, 6);
  const kinds: Kind[] = [];
  if (seed % 3 === 0) kinds.push('TIEB');
  if (seed % 4 === 1) kinds.push('TIED');
  if (seed % 5 === 2 && options.generationEqualsToday !== false) kinds.push('TIEF');
  if (rng.chance(0.25)) kinds.push('zeroSolar');
  if (rng.chance(0.2)) kinds.push('zeroWind');
  if (ctx.v2.lv && rng.chance(0.4)) kinds.push('smallRoofs');
  while (kinds.length < n) kinds.push('random');
  return rng.shuffle(kinds);
}

function v1Cells(ctx: GenContext, kind: Kind, cols: ColumnPlan, H: number): Record<string, string> {
  const { rng } = ctx;
  const homes = rng.int(2000, 400000);
  const baseDemandTWh = round((homes * rng.u(3, 8)) / 1e6 + rng.u(0, 2), 4);
  const noSolar = kind === 'zeroSolar' || rng.chance(0.12);
  const noWind = kind === 'zeroWind' || rng.chance(0.12);
  const roof = noSolar ? 0 : round(rng.u(0, 1.5), 4);
  const field = noSolar ? 0 : round(rng.u(0, 2), 4);
  const wind = noWind ? 0 : round(rng.u(0, 3), 4);
  const exFrac = () => (rng.chance(0.1) ? rng.u(1, 1.5) : rng.u(0, 1));
  const num = (x: number, d: number) => numText(ctx, x, d);
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
    solarSmallRoofTWh: cols.smallRoofs && !noSolar ? num(rng.u(0, 0.5), 4) : '0',
    existingSolarRoofTWh: cols.existingRoofs && !noSolar ? num(roof * exFrac(), 4) : '0',
    gridFeedinMW: '',
    gridOfftakeMW: '',
  };
  const scaleMW = (baseDemandTWh * 1e6) / H;
  if (!rng.chance(0.4)) cells.gridOfftakeMW = num(scaleMW * rng.u(0.8, 2.2), 1);
  if (!rng.chance(0.4)) cells.gridFeedinMW = num((((roof + field + wind) * 1e6) / H) * rng.u(0.8, 5), 1);
  return cells;
}

/** v2 cells: empty (the default rule), given, or 0 where 0 is valid. */
function v2Cells(ctx: GenContext, cells: Record<string, string>, cols: ColumnPlan): void {
  const { rng } = ctx;
  const homes = Number(cells.homes);
  const has = (c: string) => cols.v2.includes(c);
  const pick = (given: () => string) => (rng.chance(0.35) ? '' : rng.chance(0.1) ? '0' : given());
  if (has('householdDemandTWh'))
    cells.householdDemandTWh = pick(() => numText(ctx, (homes * rng.u(1500, 4000)) / 1e9, 6));
  if (has('lvCapacityKWPerHome')) cells.lvCapacityKWPerHome = pick(() => numText(ctx, rng.u(0.8, 4), 3));
  if (has('housingNeedHomes'))
    cells.housingNeedHomes = pick(() =>
      String(rng.chance(0.7) ? Math.round(homes * rng.u(0.02, 0.2)) : round(homes * rng.u(0, 0.2), 1)),
    );
  if (has('arableLandHa')) cells.arableLandHa = pick(() => numText(ctx, rng.u(500, 200000), 1));
}

/** The regions with their cells and profile names. */
export function drawRegions(ctx: GenContext, book: ProfileBook, cols: ColumnPlan, H: number): RegionSpec[] {
  const { rng } = ctx;
  const newlineInName = rng.chance(0.1);
  const idPattern = rng.pick([
    (i: number) => `ES${String(i + 1).padStart(2, '0')}`,
    (i: number) => `R-${i + 1}`,
    (i: number) => `Regio_${i + 1}`,
  ]);
  const regions = drawKinds(ctx).map((kind, i): RegionSpec => {
    const cells = v1Cells(ctx, kind, cols, H);
    v2Cells(ctx, cells, cols);
    let name = rng.chance(0.3) ? `Regio ${i + 1}, "Noord"` : `Regio ${i + 1}`;
    if (newlineInName && i === 0) name = `Regio\n${i + 1}`;
    const householdChoices = [...book.household, ...book.base];
    return {
      kind,
      id: idPattern(i),
      name,
      provinces: rng
        .shuffle([...PROVINCES])
        .slice(0, rng.int(1, 3))
        .join(';'),
      cells,
      solarProfile: rng.pick(book.solar),
      windProfile: rng.pick(book.wind),
      tempProfile: rng.pick(book.temp),
      baseProfile: rng.pick(book.base),
      householdProfile: cols.v2.includes('householdProfile') && rng.chance(0.7) ? rng.pick(householdChoices) : '',
    };
  });
  if (book.warm && !regions.some((r) => r.tempProfile === book.warm)) regions[0].tempProfile = book.warm;
  if (newlineInName) ctx.features.push('line break in a quoted name');
  if (regions.some((r) => /[",]/.test(r.name))) ctx.features.push('quoted names');
  noteV2Cells(ctx, regions, cols);
  return regions;
}

function noteV2Cells(ctx: GenContext, regions: RegionSpec[], cols: ColumnPlan) {
  for (const c of cols.v2) {
    const values = regions.map((r) => (c === 'householdProfile' ? r.householdProfile : r.cells[c]));
    if (values.some((v) => v === '')) ctx.features.push(`empty ${c}`);
    if (values.some((v) => v === '0')) ctx.features.push(`${c} 0`);
  }
}

/** Regions without TWh of a kind run on an all-zero capacity-factor profile. */
export function applyZeroProfiles(ctx: GenContext, regions: RegionSpec[], book: ProfileBook): void {
  for (const r of regions) {
    if (r.kind === 'zeroSolar') {
      book.recipes.set('sol_zero', zeroRecipe);
      r.solarProfile = 'sol_zero';
      for (const c of [
        'solarRoofTWh',
        'solarFieldTWh',
        'existingSolarFieldTWh',
        'solarSmallRoofTWh',
        'existingSolarRoofTWh',
      ])
        r.cells[c] = '0';
      ctx.features.push('region on an all-zero solar profile');
    }
    if (r.kind === 'zeroWind') {
      book.recipes.set('wind_zero', zeroRecipe);
      r.windProfile = 'wind_zero';
      for (const c of ['windTWh', 'existingWindTWh']) r.cells[c] = '0';
      ctx.features.push('region on an all-zero wind profile');
    }
  }
}

/** §9: small roofs far above household demand, so that the LV peak is feed-in (max −x > max x + m);
 *  in the region data when regions.csv has the column, else in the scenario (today's LV capacity
 *  then ignores them: it uses the region data's small roofs). */
export function applySmallRoofs(
  ctx: GenContext,
  regions: RegionSpec[],
  cols: ColumnPlan,
  FLHs: (name: string) => number,
  overrides: Record<string, Record<string, number | null>>,
): void {
  for (const r of regions) {
    if (r.kind !== 'smallRoofs') continue;
    const homes = Number(r.cells.homes);
    // peak pv per home = TWh × 1e9 / FLHs / homes (kW at capacity factor 1): 4–10 kW
    const twh = round((homes * FLHs(r.solarProfile) * ctx.rng.u(4, 10)) / 1e9, 4);
    if (cols.smallRoofs) r.cells.solarSmallRoofTWh = String(twh);
    else (overrides[r.id] ??= {}).solarSmallRoofTWh = twh;
    ctx.features.push(`LV feed-in from small roofs (${cols.smallRoofs ? 'region data' : 'scenario'})`);
  }
}
