// Tie regions of a random case (test code): regions whose net load P[h] lies exactly on
// gridFeedinMW / −gridOfftakeMW in some hours of the run's weather year:
//   TIEB binary-exact numbers (exact in floating point under any evaluation order),
//   TIED decimal numbers (exact only in rational arithmetic),
//   TIEF generation equal to today's, so the §1.4 default feed-in capacity equals max P exactly
//        (in the reference year; in another year it is an ordinary region).

import { Q } from './exact.ts';
import type { GenContext } from './random-basics.ts';
import type { ProfileBook, ProfileFile, Recipe } from './random-profiles.ts';
import type { ColumnPlan, RegionSpec } from './random-regions.ts';

type Overrides = Record<string, Record<string, number | null>>;

function sumQ(texts: string[]): Q {
  let s = Q.ZERO;
  for (const t of texts) s = s.add(Q.of(t));
  return s;
}

// solar: 8 hours at 1 and 16 at 0.5 on day 0 (FLH 16); wind: 16 hours at 0.5 (FLH 8);
// base shape: 2^k − H hours at 2, the rest at 1 (Σ = 2^k) — for any file length H ≥ 24
const dyadic: Record<'sol' | 'wind' | 'base', Recipe> = {
  sol: (H) => Array.from({ length: H }, (_, h) => (h >= 24 ? '0' : h % 24 >= 8 && h % 24 < 16 ? '1' : '0.5')),
  wind: (H) => Array.from({ length: H }, (_, h) => (h >= 24 ? '0' : h % 24 < 4 || h % 24 >= 12 ? '0.5' : '0')),
  base: (H) => {
    let S = 1;
    while (S < H) S *= 2;
    return Array.from({ length: H }, (_, h) => (h < S - H ? '2' : '1'));
  },
};
const SOL_DAY = [0, 0, 0, 0, 0, 0, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 1, 1, 1, 0.9, 0.8, 0.6, 0.4, 0.2, 0.1, 0.1, 0, 0]; // Σ 10
const decimal: Record<'sol' | 'wind' | 'base', Recipe> = {
  sol: (H) => Array.from({ length: H }, (_, h) => (h >= 24 ? '0' : String(SOL_DAY[h % 24]))),
  wind: (H) => Array.from({ length: H }, (_, h) => (h >= 24 ? '0' : h % 24 < 16 ? '0.3' : '0.025')), // Σ 5
  base: (H) =>
    Array.from({ length: H }, (_, h) => {
      const d = h % 24;
      return h >= 24 ? '0' : d < 22 ? (d % 2 ? '1.1' : '0.9') : d === 22 ? '1.2' : '1.8'; // Σ 25
    }),
};

const tag = (r: RegionSpec) => (r.kind === 'TIEB' ? 'tieB' : 'tieD');

/** Tie regions run on profiles of their own, in every file. */
export function addTieProfiles(regions: RegionSpec[], book: ProfileBook): void {
  for (const r of regions) {
    if (r.kind !== 'TIEB' && r.kind !== 'TIED') continue;
    const recipes = r.kind === 'TIEB' ? dyadic : decimal;
    for (const part of ['sol', 'wind', 'base'] as const) book.recipes.set(`${tag(r)}_${part}`, recipes[part]);
    r.solarProfile = `${tag(r)}_sol`;
    r.windProfile = `${tag(r)}_wind`;
    r.baseProfile = `${tag(r)}_base`;
  }
}

const TIE_VALUES = {
  TIEB: {
    roof: '0.015625',
    field: '0.03125',
    wind: '0.0078125',
    small: '0.00390625',
    exField: '0.015625',
    exWind: '0.00390625',
    exRoof: '0',
    base: '0.0625',
    kappa: 0.75,
    resScales: [1, 2, 0.5],
    industries: [0, 3, 12.5],
    storage: { MW: 256, MWh: 1024 },
  },
  TIED: {
    roof: '0.0037',
    field: '0.0052',
    wind: '0.0021',
    small: '0.0013',
    exField: '0.0011',
    exWind: '0.0007',
    exRoof: '0.0004',
    base: '0.0085',
    kappa: 0.8,
    resScales: [1, 1.5, 0.7],
    industries: [0, 3, 1.7],
    storage: { MW: 120.5, MWh: 333.3 },
  },
};

/** Exact P[h] of a tie region over the run file (no heat, no EVs, constant industry; FLH of the reference). */
function exactP(
  r: RegionSpec,
  v: (typeof TIE_VALUES)['TIEB'],
  resScale: number,
  industry: number,
  ref: ProfileFile,
  run: ProfileFile,
): Q[] {
  const t = tag(r);
  const FLHs = sumQ(ref.columns.get(`${t}_sol`)!);
  const FLHw = sumQ(ref.columns.get(`${t}_wind`)!);
  const sol = run.columns.get(`${t}_sol`)!;
  const wind = run.columns.get(`${t}_wind`)!;
  const bas = run.columns.get(`${t}_base`)!;
  const S = sumQ(bas);
  const s = Q.of(resScale);
  const M = Q.of(1e6);
  const Proof = Q.of(v.roof).mul(s).mul(M).div(FLHs);
  const Pfield = Q.of(v.field).mul(s).mul(M).div(FLHs);
  const Pwind = Q.of(v.wind).mul(s).mul(M).div(FLHw);
  const Psmall = Q.of(r.cells.solarSmallRoofTWh).mul(M).div(FLHs);
  const kappa = Q.of(v.kappa);
  const P: Q[] = [];
  for (let h = 0; h < run.H; h++) {
    const cf = Q.of(sol[h]);
    const gen = Proof.mul(cf)
      .add(Q.min(Pfield.mul(cf), kappa.mul(Pfield)))
      .add(Pwind.mul(Q.of(wind[h])))
      .add(Psmall.mul(cf));
    const base = Q.of(v.base).mul(M).mul(Q.of(bas[h])).div(S);
    P.push(gen.sub(base).sub(Q.of(industry)));
  }
  return P;
}

/** Limits on the 3rd highest positive and the 2nd lowest negative distinct value of P, sometimes a hair off. */
function tieLimits(ctx: GenContext, P: Q[]): { F: string; O: string; dF: number; dO: number } {
  const distinct = [...new Map(P.map((p) => [p.toString(), p])).values()].sort((a, b) => a.cmp(b));
  const pos = distinct.filter((p) => p.gt(Q.ZERO));
  const neg = distinct.filter((p) => p.lt(Q.ZERO));
  const Fq = pos.length ? pos[pos.length - Math.min(3, pos.length)] : Q.ONE;
  const Oq = neg.length ? neg[Math.min(1, neg.length - 1)].neg() : Q.ONE;
  const near = ctx.options.nearTies !== false;
  const dF = near ? ctx.rng.pick([0, 0, 1e-6, -1e-6, 1e-9, -1e-9]) : 0;
  const dO = near ? ctx.rng.pick([0, 0, 1e-6, -1e-6, 1e-9, -1e-9]) : 0;
  const F = Fq.sub(Q.of(dF)).toDecimal();
  const O = Oq.sub(Q.of(dO)).toDecimal();
  if (F === null || O === null) throw new Error('generator: tie limits do not have a finite decimal');
  return { F, O, dF, dO };
}

/** The scenario takes full control of every lever that changes a region's P[h]. */
export function control(overrides: Overrides, r: RegionSpec, values: Record<string, number | null>): void {
  const o = (overrides[r.id] ??= {});
  for (const [k, v] of Object.entries(values)) o[k] = v;
}

const NO_NEW_LOAD = { shareAllElectric: 0, shareHybrid: 0, shareHeatNet: 0, shareInsulationOnly: 0, evCount: 0 };

/** TIEB / TIED regions: limits exactly on (or a hair off) values of P[h] in the run's year. */
export function applyTies(
  ctx: GenContext,
  regions: RegionSpec[],
  cols: ColumnPlan,
  defaults: Record<string, number | null>,
  overrides: Overrides,
  ref: ProfileFile,
  run: ProfileFile,
): void {
  const { rng } = ctx;
  for (const r of regions) {
    if (r.kind !== 'TIEB' && r.kind !== 'TIED') continue;
    const dy = r.kind === 'TIEB';
    const v = TIE_VALUES[r.kind];
    const resScale = rng.pick(v.resScales);
    const industry = rng.pick(v.industries);
    Object.assign(r.cells, {
      solarRoofTWh: v.roof,
      solarFieldTWh: v.field,
      windTWh: v.wind,
      existingSolarFieldTWh: v.exField,
      existingWindTWh: v.exWind,
      baseDemandTWh: v.base,
      solarSmallRoofTWh: cols.smallRoofs ? v.small : '0',
      existingSolarRoofTWh: cols.existingRoofs ? v.exRoof : '0',
    });
    const storage = rng.chance(0.5);
    const lim = tieLimits(ctx, exactP(r, v, resScale, industry, ref, run));
    const viaScenario = rng.chance(0.5) || 'gridFeedinMW' in defaults || 'gridOfftakeMW' in defaults;
    if (!viaScenario) {
      r.cells.gridFeedinMW = lim.F;
      r.cells.gridOfftakeMW = lim.O;
    }
    control(overrides, r, {
      ...NO_NEW_LOAD,
      resScale,
      solarShare: null,
      fieldSolarClip: v.kappa,
      solarRoofTWh: Number(v.roof),
      solarFieldTWh: Number(v.field),
      windTWh: Number(v.wind),
      solarSmallRoofTWh: Number(r.cells.solarSmallRoofTWh),
      industryAddMW: industry,
      storageMW: storage ? v.storage.MW : 0,
      storageMWh: storage ? v.storage.MWh : 0,
      ...(viaScenario ? { gridFeedinMW: Number(lim.F), gridOfftakeMW: Number(lim.O) } : {}),
    });
    if (!viaScenario) {
      delete overrides[r.id].gridFeedinMW;
      delete overrides[r.id].gridOfftakeMW;
    }
    const hair = lim.dF || lim.dO ? `, limits moved by ${lim.dF}/${lim.dO}` : '';
    const where = viaScenario ? ' from the scenario' : ' in regions.csv';
    ctx.features.push(
      `${r.kind} (${dy ? 'binary-exact' : 'decimal'} limits${where}${storage ? ', storage' : ''}${hair})`,
    );
  }
}

/** TIEF regions: RES TWh = existing TWh and an empty feed-in cell ⇒ F = max P exactly (reference year). */
export function applyGenerationEqualsToday(
  ctx: GenContext,
  regions: RegionSpec[],
  cols: ColumnPlan,
  fallback: { solar: string; wind: string },
  defaults: Record<string, number | null>,
  overrides: Overrides,
  runIsReference: boolean,
): void {
  const { rng } = ctx;
  for (const r of regions) {
    if (r.kind !== 'TIEF') continue;
    const ex = () => String(Number(rng.u(0.5, 3).toFixed(4)));
    const roof = cols.existingRoofs ? ex() : '0';
    const field = ex();
    const wind = ex();
    Object.assign(r.cells, {
      solarRoofTWh: roof,
      existingSolarRoofTWh: roof,
      solarFieldTWh: field,
      existingSolarFieldTWh: field,
      windTWh: wind,
      existingWindTWh: wind,
      baseDemandTWh: String(Number(rng.u(0.1, 0.4).toFixed(4))),
      gridFeedinMW: '',
      gridOfftakeMW: '',
    });
    if (r.solarProfile === 'sol_zero') r.solarProfile = fallback.solar;
    if (r.windProfile === 'wind_zero') r.windProfile = fallback.wind;
    const o = (overrides[r.id] ??= {});
    for (const k of ['gridFeedinMW', 'gridOfftakeMW']) delete o[k];
    control(overrides, r, {
      ...NO_NEW_LOAD,
      resScale: 1,
      solarShare: null,
      fieldSolarClip: 1,
      solarRoofTWh: Number(roof),
      solarFieldTWh: Number(field),
      windTWh: Number(wind),
      solarSmallRoofTWh: Number(r.cells.solarSmallRoofTWh),
      industryAddMW: 0,
    });
    delete defaults.gridFeedinMW;
    delete defaults.gridOfftakeMW;
    ctx.features.push(
      `TIEF (${runIsReference ? 'default feed-in capacity = max P exactly' : 'in another weather year'})`,
    );
  }
}
