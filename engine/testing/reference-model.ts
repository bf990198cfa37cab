// Second, independent implementation of MODEL.md v2 (the reference model), written from
// /work/shared/MODEL.md alone, without reading the engine. It is a plain, literal transcription:
// clarity over speed. It is the oracle of engine/testing/cli-agreement.test.ts.
//
// Floating point everywhere, except for the comparisons the model makes with a hard edge where
// rounding could decide the outcome (reference-exact.ts):
//   - `P[h] > gridFeedinMW` and `P[h] < −gridOfftakeMW` (congestion counts, storage branches): when
//     the float difference is within 1e-9 relative, P[h] and the limit are recomputed in exact
//     rational arithmetic from the decimal texts of the dataset and the scenario.
//     An hour exactly on the limit is not congested (strict inequalities in §2.3 / §2.4).
//   - `route35Triggered = Σ resNominalTWh < targetTWh`: decided in exact arithmetic.
//   - §9.4 `p_k > cap` (an LV class overloaded): within 1e-9 relative, decided exactly with the
//     square roots of the diversity margins kept symbolic (with the empty scenario and
//     lvSpareShare 0 today's load sits exactly on today's capacity).

import { Q } from './exact.ts';
import { type Dataset, loadDataset, type ProfileSet, type RegionData, runProfiles, sum } from './reference-dataset.ts';
import {
  ExactRegion,
  nearMaxHours,
  REGIONAL_DEFAULTS,
  resNominalExact,
  resolveRegionalExact,
  type Scenario,
} from './reference-exact.ts';

export { parseCsv, REGION_COLUMNS, V2_COLUMNS, loadDataset, datasetYears } from './reference-dataset.ts';
export type { Scenario } from './reference-exact.ts';
export { REGIONAL_DEFAULTS };

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
  costOfftakeEURPerMW: 940000,
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
  // v2 §9
  lvHomesPerGroup: 150,
  lvZ: 1.65,
  lvSigmaHomeKW: 1.5,
  lvSigmaAllElectricKW: 1.5,
  lvSigmaHybridKW: 1.0,
  lvSigmaEvKW: 3.0,
  lvSpareShare: 0.25,
  costLvEURPerMW: 1116000,
  costHomeConnUpgradeEUR: 227,
  // v2 §11–13
  waccState: 0.02,
  equityShare: 0.3,
  uitvoeringWarmteEURPerHome: 2150,
  uitvoeringRESEURPerTWh: 50000000,
  homesPerHa: 30,
  housingGrowthShare: 0.11,
};

/** The national block that makes a v2 run give the v1 results (MODEL.md header). */
export const V1_COMPATIBILITY_OVERLAY = { costOfftakeEURPerMW: 2056000, costLvEURPerMW: 0, costHomeConnUpgradeEUR: 0 };

/** Every v1 output of §2.4 and §3, in the order of MODEL.md / the worked example. */
export const V1_REGION_OUTPUT_KEYS = [
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

/** v2 outputs per region (§6), by the section that defines them. */
export const LV_REGION_OUTPUT_KEYS = [
  'lvCapacityKWPerHome',
  'lvPeakKWPerHome',
  'lvTransitionHomesShare',
  'lvOverloadedHomesShare',
  'lvReinforceMW',
  'lvCapexEUR',
] as const;
export const FINANCE_REGION_OUTPUT_KEYS = [
  'financeTariffEURPerConnection',
  'financeEquityTariffEURPerConnection',
  'financeEquityStateEUR',
  'financeSubsidyStateEURPerYear',
] as const;
export const UITVOERING_REGION_OUTPUT_KEYS = ['uitvoeringWarmteEUR', 'uitvoeringRESEUR'] as const;
export const LAND_REGION_OUTPUT_KEYS = [
  'housingNeedHomes',
  'housingHa',
  'landClaimHa',
  'landClaimShareOfArable',
] as const;

export const REGION_OUTPUT_KEYS = [
  ...V1_REGION_OUTPUT_KEYS,
  ...LV_REGION_OUTPUT_KEYS,
  ...FINANCE_REGION_OUTPUT_KEYS,
  ...UITVOERING_REGION_OUTPUT_KEYS,
  ...LAND_REGION_OUTPUT_KEYS,
];

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
  'lvCapacityKWPerHome',
  'lvPeakKWPerHome',
  'lvTransitionHomesShare',
  'lvOverloadedHomesShare',
  'financeTariffEURPerConnection',
  'financeEquityTariffEURPerConnection',
  'landClaimShareOfArable',
]);
export const V1_NATIONAL_OUTPUT_KEYS = [
  ...V1_REGION_OUTPUT_KEYS.filter((k) => !NOT_SUMMED.has(k)),
  'tariffEURPerConnection',
  'route35Triggered',
  'targetGapTWh',
];
export const NATIONAL_SUMMED_KEYS = REGION_OUTPUT_KEYS.filter((k) => !NOT_SUMMED.has(k));
/** v2 national outputs that are not plain sums (§4). */
export const V2_NATIONAL_SPECIAL_KEYS = [
  'lvOverloadedHomesShare',
  'financeTariffEURPerConnection',
  'financeEquityTariffEURPerConnection',
  'financeSubsidyEBShare',
  'landClaimShareOfArable',
] as const;
export const NATIONAL_OUTPUT_KEYS = [
  ...NATIONAL_SUMMED_KEYS,
  'tariffEURPerConnection',
  'route35Triggered',
  'targetGapTWh',
  ...V2_NATIONAL_SPECIAL_KEYS,
];

// ---------------------------------------------------------------------------------------------
// Scenario (MODEL.md §1.3, §1.5)

interface National extends Record<string, number> {}

function resolveNational(sc: Scenario): { nat: National; weatherYear: number | null } {
  const nat: National = { ...NATIONAL_DEFAULTS };
  let weatherYear: number | null = null;
  for (const [k, v] of Object.entries(sc.national ?? {})) {
    if (k === 'weatherYear') weatherYear = v;
    else if (v !== null) nat[k] = v;
  }
  return { nat, weatherYear };
}

/** Layering in order: region data → defaults → regions[id] → resScale → solarShare. */
function resolveRegional(r: RegionData, sc: Scenario): Record<string, number> {
  const p: Record<string, number | null> = { ...REGIONAL_DEFAULTS };
  for (const k of ['solarRoofTWh', 'solarFieldTWh', 'windTWh', 'solarSmallRoofTWh', 'gridFeedinMW', 'gridOfftakeMW'])
    p[k] = r.num[k];
  // a region-data LV capacity is `cap` as it stands (§8); NaN: the §9.2 default rule
  p.lvCapacityKWPerHome = r.num.lvCapacityKWPerHome;
  for (const layer of [sc.defaults ?? {}, sc.regions?.[r.id] ?? {}])
    for (const [k, v] of Object.entries(layer)) p[k] = v;
  const s = p.resScale as number;
  p.solarRoofTWh = (p.solarRoofTWh as number) * s;
  p.solarFieldTWh = (p.solarFieldTWh as number) * s;
  p.windTWh = (p.windTWh as number) * s;
  if (p.solarShare !== null) {
    const T = p.solarRoofTWh + p.solarFieldTWh + p.windTWh;
    const roofField = p.solarRoofTWh + p.solarFieldTWh;
    const roofFrac = roofField === 0 ? 0.4 : p.solarRoofTWh / roofField;
    const solar = p.solarShare * T;
    p.solarRoofTWh = roofFrac * solar;
    p.solarFieldTWh = solar - p.solarRoofTWh;
    p.windTWh = T - solar;
  }
  return p as Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// The model

function annuity(C: number, r: number, L: number): number {
  return r === 0 ? C / L : (C * r) / (1 - (1 + r) ** -L);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

const perFLH = (twh: number, flh: number) => (twh === 0 ? 0 : (twh * 1e6) / flh);

export interface RegionDiagnostics {
  id: string;
  exactFeedinDecisions: number; // hours where P[h] vs gridFeedinMW needed exact arithmetic
  exactOfftakeDecisions: number;
  exactFeedinTies: number; // hours exactly on the feed-in limit
  exactOfftakeTies: number;
  exactLvDecisions: number; // LV classes whose p_k vs cap needed exact arithmetic
  exactLvTies: number;
}

export type OutputValue = number | string | null;
export interface ReferenceResult {
  regions: Array<Record<string, OutputValue>>;
  national: Record<string, number | boolean | null>;
}

/** Every output of MODEL.md v2 for a dataset folder and a scenario object. */
export function referenceEvaluate(datasetDir: string, scenario: object): ReferenceResult {
  return referenceEvaluateDetailed(datasetDir, scenario).result;
}

/** Profiles of one region in the run year and the reference year (§10). */
interface RegionProfiles {
  H: number;
  solarCF: number[];
  windCF: number[];
  tempC: number[];
  baseShape: number[];
  hhShape: number[];
  evDumb: number[];
  evSmart: number[];
  isReference: boolean;
  ref: { H: number; solarCF: number[]; windCF: number[]; tempC: number[]; hhShape: number[] };
}

function regionProfiles(ds: Dataset, run: ProfileSet, r: RegionData): RegionProfiles {
  const get = (set: ProfileSet, name: string) => set.profiles.get(name)!.values;
  const ref = ds.reference;
  return {
    H: run.H,
    solarCF: get(run, r.solarProfile),
    windCF: get(run, r.windProfile),
    tempC: get(run, r.tempProfile),
    baseShape: get(run, r.baseProfile),
    hhShape: get(run, r.householdProfile),
    evDumb: run.evDumb.values,
    evSmart: run.evSmart.values,
    isReference: run === ref,
    ref: {
      H: ref.H,
      solarCF: get(ref, r.solarProfile),
      windCF: get(ref, r.windProfile),
      tempC: get(ref, r.tempProfile),
      hhShape: get(ref, r.householdProfile),
    },
  };
}

/** Context of one region's evaluation. */
interface RegionRun {
  ds: Dataset;
  run: ProfileSet;
  r: RegionData;
  sc: Scenario;
  nat: National;
  p: Record<string, number>;
  pr: RegionProfiles;
  diag: RegionDiagnostics;
  exact: () => ExactRegion;
}

// ---- §2.1 Generation

interface Generation {
  FLHs: number;
  FLHw: number;
  Pfield: number;
  Pwind: number;
  Psmall: number;
  fieldRaw: number[];
  field: number[];
  small: number[];
  gen: number[];
}

function generation(x: RegionRun): Generation {
  const { p, pr } = x;
  const FLHs = sum(pr.ref.solarCF);
  const FLHw = sum(pr.ref.windCF);
  const Proof = perFLH(p.solarRoofTWh, FLHs);
  const Pfield = perFLH(p.solarFieldTWh, FLHs);
  const Pwind = perFLH(p.windTWh, FLHw);
  const Psmall = perFLH(p.solarSmallRoofTWh, FLHs);
  const g: Generation = { FLHs, FLHw, Pfield, Pwind, Psmall, fieldRaw: [], field: [], small: [], gen: [] };
  for (let h = 0; h < pr.H; h++) {
    const roof = Proof * pr.solarCF[h];
    g.fieldRaw[h] = Pfield * pr.solarCF[h];
    g.field[h] = Math.min(g.fieldRaw[h], p.fieldSolarClip * Pfield);
    const wind = Pwind * pr.windCF[h];
    g.small[h] = Psmall * pr.solarCF[h];
    g.gen[h] = roof + g.field[h] + wind + g.small[h];
  }
  return g;
}

// ---- §2.2 Demand

interface Demand {
  heatShape: number[];
  heatScale: number;
  COP: number[];
  Qgas: number;
  Qins: number;
  Qae: number;
  nAE: number;
  nHY: number;
  nHN: number;
  nINS: number;
  hp: number[];
  aeMW: number[];
  hyMW: number[];
  evMW: number[];
  load: number[];
  hybridGasHeatPerHomeKWh: number;
}

function heatShapeOf(nat: National, tempC: number[], refTempC: number[]): number[] {
  const H = tempC.length;
  let shRef = 0;
  for (const t of refTempC) shRef += Math.max(0, nat.heatBaseTempC - t);
  const heatShape: number[] = [];
  for (let h = 0; h < H; h++) {
    const sh = Math.max(0, nat.heatBaseTempC - tempC[h]);
    heatShape[h] = shRef === 0 ? 1 / H : ((1 - nat.dhwShare) * sh) / shRef + nat.dhwShare / H;
  }
  return heatShape;
}

function demand(x: RegionRun): Demand {
  const { nat, p, pr, r } = x;
  const H = pr.H;
  const baseShapeSum = sum(pr.baseShape);
  const Qkwh = (nat.heatPerHomeGJ * 1e9) / 3.6e6;
  const heatShape = heatShapeOf(nat, pr.tempC, pr.ref.tempC);
  // §10: heatScale = Σ heatShape over the run year, 1 in the reference year
  const heatScale = pr.isReference ? 1 : sum(heatShape);
  const homes = r.num.homes;
  const d: Demand = {
    heatShape,
    heatScale,
    COP: [],
    Qgas: Qkwh,
    Qins: Qkwh * (1 - nat.insulationSaving),
    Qae: Qkwh * (1 - nat.deepInsulationSaving),
    nAE: p.shareAllElectric * homes,
    nHY: p.shareHybrid * homes,
    nHN: p.shareHeatNet * homes,
    nINS: p.shareInsulationOnly * homes,
    hp: [],
    aeMW: [],
    hyMW: [],
    evMW: [],
    load: [],
    hybridGasHeatPerHomeKWh: 0,
  };
  const evDumbSum = sum(pr.evDumb);
  const evSmartSum = sum(pr.evSmart);
  const sigma = p.evSmartShare;
  for (let h = 0; h < H; h++) {
    d.COP[h] = clamp(nat.copA + nat.copB * pr.tempC[h], nat.copMin, nat.copMax);
    const base = (r.num.baseDemandTWh * 1e6 * pr.baseShape[h]) / baseShapeSum;
    d.aeMW[h] = (d.nAE * d.Qae * heatShape[h]) / d.COP[h] / 1000;
    const q = d.Qins * heatShape[h];
    d.hp[h] = Math.min(q, nat.hybridThermalKW);
    d.hyMW[h] = (d.nHY * d.hp[h]) / d.COP[h] / 1000;
    d.hybridGasHeatPerHomeKWh += q - d.hp[h];
    d.evMW[h] =
      ((p.evCount * nat.evKWhPerYear) / 1000) *
      ((1 - sigma) * (pr.evDumb[h] / evDumbSum) + sigma * (pr.evSmart[h] / evSmartSum));
    d.load[h] = base + d.aeMW[h] + d.hyMW[h] + d.evMW[h] + p.industryAddMW;
  }
  return d;
}

// ---- §2.3 Storage and §2.4 grid outcomes

interface Grid {
  peakFeedinMW: number;
  peakOfftakeMW: number;
  reinforceFeedinMW: number;
  reinforceOfftakeMW: number;
  congestionHoursFeedin: number;
  congestionHoursOfftake: number;
  storageThroughputMWh: number;
}

/** Net load P[h] with the hard-edge comparisons against the limits decided (exactly near a tie). */
interface NetLoad {
  P: number[];
  aboveFeedin: boolean[];
  belowOfftake: boolean[];
  /** below this distance from a limit, the float P[h] is not trusted */
  tolerance: (h: number, limit: number) => number;
}

function netLoad(x: RegionRun, g: Generation, d: Demand): NetLoad {
  const { p, diag } = x;
  const P: number[] = [];
  for (let h = 0; h < x.pr.H; h++) P[h] = g.gen[h] - d.load[h];
  const tolerance = (h: number, limit: number) =>
    1e-9 * Math.max(1, Math.abs(P[h]), Math.abs(g.gen[h]), Math.abs(d.load[h]), Math.abs(limit));
  // sign(P[h] − limit)
  const compare = (h: number, limit: number, exactLimit: () => Q, kind: 'feedin' | 'offtake'): number => {
    const diff = P[h] - limit;
    if (Math.abs(diff) > tolerance(h, limit)) return Math.sign(diff);
    const c = x.exact().P(h).cmp(exactLimit());
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
  for (let h = 0; h < x.pr.H; h++) {
    aboveFeedin[h] = compare(h, p.gridFeedinMW, () => x.exact().feedin(), 'feedin') > 0;
    belowOfftake[h] = compare(h, -p.gridOfftakeMW, () => x.exact().offtake().neg(), 'offtake') < 0;
  }
  return { P, aboveFeedin, belowOfftake, tolerance };
}

/** §2.3 the battery in hour order: P'[h], what P'[h] is exactly where known, and the throughput. */
function dispatchStorage(x: RegionRun, n: NetLoad) {
  const { nat, p } = x;
  const { P } = n;
  const F = p.gridFeedinMW;
  const O = p.gridOfftakeMW;
  const E = p.storageMWh;
  const Pb = p.storageMW;
  const etaC = Math.sqrt(nat.storageRoundTrip);
  const etaD = etaC;
  const Pafter: number[] = [];
  // 'P' (the battery did nothing), 'F' (it brought P' exactly to gridFeedinMW), '-O' (exactly to
  // −gridOfftakeMW), or '' (other)
  const exactAfter: Array<'P' | 'F' | '-O' | ''> = [];
  let soc = 0.5 * E;
  let storageThroughputMWh = 0;
  for (let h = 0; h < x.pr.H; h++) {
    exactAfter[h] = '';
    if (n.aboveFeedin[h]) {
      const c = Math.min(P[h] - F, Pb, (E - soc) / etaC);
      soc += c * etaC;
      Pafter[h] = P[h] - c;
      storageThroughputMWh += c;
      if (c === P[h] - F) exactAfter[h] = 'F';
      else if (c === 0) exactAfter[h] = 'P';
    } else if (n.belowOfftake[h]) {
      const dd = Math.min(-O - P[h], Pb, soc * etaD);
      soc -= dd / etaD;
      Pafter[h] = P[h] + dd;
      if (dd === -O - P[h]) exactAfter[h] = '-O';
      else if (dd === 0) exactAfter[h] = 'P';
    } else if (soc < 0.5 * E) {
      const c = Math.min(Pb, (0.5 * E - soc) / etaC, P[h] + O);
      soc += c * etaC;
      Pafter[h] = P[h] - c;
      storageThroughputMWh += c;
      if (c === P[h] + O) exactAfter[h] = '-O';
      else if (c === 0) exactAfter[h] = 'P';
    } else if (soc > 0.5 * E) {
      const dd = Math.min(Pb, (soc - 0.5 * E) * etaD, F - P[h]);
      soc -= dd / etaD;
      Pafter[h] = P[h] + dd;
      if (dd === F - P[h]) exactAfter[h] = 'F';
      else if (dd === 0) exactAfter[h] = 'P';
    } else {
      Pafter[h] = P[h];
      exactAfter[h] = 'P';
    }
    soc = clamp(soc, 0, E);
  }
  return { Pafter, exactAfter, storageThroughputMWh };
}

/** §2.3 storage and §2.4 grid outcomes. */
function grid(x: RegionRun, g: Generation, d: Demand): Grid {
  const { p } = x;
  const H = x.pr.H;
  const F = p.gridFeedinMW;
  const O = p.gridOfftakeMW;
  const n = netLoad(x, g, d);
  const { Pafter, exactAfter, storageThroughputMWh } = dispatchStorage(x, n);
  let maxP = -Infinity;
  let maxNegP = -Infinity;
  for (let h = 0; h < H; h++) {
    maxP = Math.max(maxP, Pafter[h]);
    maxNegP = Math.max(maxNegP, -Pafter[h]);
  }
  // reinforce = max(0, peak − limit) = max(0, max_h (P'[h] − limit)); a P'[h] that is exactly on
  // the limit must give exactly 0 (a float residue of 1e-11 MW would cost ~1e-5 EUR).
  const overLimit = (h: number, side: 'feedin' | 'offtake'): number => {
    const limit = side === 'feedin' ? F : O;
    const diff = side === 'feedin' ? Pafter[h] - F : -Pafter[h] - O;
    if (Math.abs(diff) > n.tolerance(h, limit)) return diff;
    const tag = exactAfter[h];
    if ((side === 'feedin' && tag === 'F') || (side === 'offtake' && tag === '-O')) return 0;
    if (tag === 'P')
      return side === 'feedin'
        ? x.exact().P(h).sub(x.exact().feedin()).toNumber()
        : x.exact().P(h).neg().sub(x.exact().offtake()).toNumber();
    return diff;
  };
  let reinforceFeedinMW = 0;
  let reinforceOfftakeMW = 0;
  let congestionHoursFeedin = 0;
  let congestionHoursOfftake = 0;
  for (let h = 0; h < H; h++) {
    reinforceFeedinMW = Math.max(reinforceFeedinMW, overLimit(h, 'feedin'));
    reinforceOfftakeMW = Math.max(reinforceOfftakeMW, overLimit(h, 'offtake'));
    if (n.aboveFeedin[h]) congestionHoursFeedin++;
    if (n.belowOfftake[h]) congestionHoursOfftake++;
  }
  return {
    peakFeedinMW: Math.max(0, maxP),
    peakOfftakeMW: Math.max(0, maxNegP),
    reinforceFeedinMW,
    reinforceOfftakeMW,
    congestionHoursFeedin,
    congestionHoursOfftake,
    storageThroughputMWh,
  };
}

// ---- §9 LV layer

interface Lv {
  lvCapacityKWPerHome: number;
  lvPeakKWPerHome: number;
  lvTransitionHomesShare: number;
  lvOverloadedHomesShare: number;
  lvReinforceMW: number;
  lvCapexEUR: number;
}

/** §9.1 hh[h] in kW per home over one household shape. */
function householdPerHome(r: RegionData, hhShape: number[]): number[] {
  const total = sum(hhShape);
  return hhShape.map((s) => (r.num.householdDemandTWh * 1e9 * s) / total / r.num.homes);
}

/** §9.2 today's LV capacity over the reference profiles and the region-data small roofs, with the
 *  hours that may hold its maxima (for an exact decision near a tie). */
function defaultLvCapacity(x: RegionRun, FLHs: number): { cap: number; household: number[]; feedin: number[] } {
  const { nat, r, pr } = x;
  const hhRef = householdPerHome(r, pr.ref.hhShape);
  const PsmallData = perFLH(r.num.solarSmallRoofTWh, FLHs);
  const feed = hhRef.map((hh, h) => (PsmallData * 1000 * pr.ref.solarCF[h]) / r.num.homes - hh);
  const maxHh = Math.max(...hhRef);
  const maxFeed = Math.max(...feed);
  const margin = (nat.lvZ * nat.lvSigmaHomeKW) / Math.sqrt(nat.lvHomesPerGroup);
  const cap = Math.max(maxHh + margin, maxFeed) / (1 - nat.lvSpareShare);
  return { cap, household: nearMaxHours(hhRef), feedin: nearMaxHours(feed) };
}

/** §9.3 the classes of homes: share of the region's homes and heat-pump shares, transition first. */
function lvClasses(p: Record<string, number>): Array<{ share: number; aAE: number; aHY: number; transition: boolean }> {
  const s = p.shareAllElectric + p.shareHybrid;
  if (s === 0) return [{ share: 1, aAE: 0, aHY: 0, transition: true }];
  const f = s + (1 - p.wijkClustering) * (1 - s);
  const classes = [{ share: f, aAE: p.shareAllElectric / f, aHY: p.shareHybrid / f, transition: true }];
  if (f < 1) classes.push({ share: 1 - f, aAE: 0, aHY: 0, transition: false });
  return classes;
}

function lvLayer(x: RegionRun, g: Generation, d: Demand): Lv {
  const { nat, p, pr, r, diag } = x;
  const homes = r.num.homes;
  const given = !Number.isNaN(p.lvCapacityKWPerHome);
  const byDefault = given ? undefined : defaultLvCapacity(x, g.FLHs);
  const cap = byDefault ? byDefault.cap : p.lvCapacityKWPerHome;
  const hh = householdPerHome(r, pr.hhShape);
  const e = p.evCount / homes;
  const classes = lvClasses(p);
  let overloaded = 0;
  let reinforceMW = 0;
  let transitionPeak = 0;
  for (const k of classes) {
    const xk: number[] = [];
    for (let h = 0; h < pr.H; h++) {
      const ae1 = (d.Qae * d.heatShape[h]) / d.COP[h];
      const hy1 = d.hp[h] / d.COP[h];
      const ev1 = (d.evMW[h] * 1000) / homes;
      const pv1 = (g.Psmall * 1000 * pr.solarCF[h]) / homes;
      xk[h] = hh[h] + k.aAE * ae1 + k.aHY * hy1 + ev1 - pv1;
    }
    const maxX = Math.max(...xk);
    const maxNegX = Math.max(...xk.map((v) => -v));
    const variance =
      nat.lvSigmaHomeKW ** 2 +
      k.aAE * nat.lvSigmaAllElectricKW ** 2 +
      k.aHY * nat.lvSigmaHybridKW ** 2 +
      e * nat.lvSigmaEvKW ** 2;
    const m = nat.lvZ * Math.sqrt(variance / nat.lvHomesPerGroup);
    const peak = Math.max(maxX + m, maxNegX);
    if (k.transition) transitionPeak = peak;
    let sign = Math.sign(peak - cap);
    if (Math.abs(peak - cap) <= 1e-9 * Math.max(1, Math.abs(cap), Math.abs(peak))) {
      sign = x.exact().lvPeakVersusCap(k.transition, {
        offtake: nearMaxHours(xk),
        feedin: nearMaxHours(xk.map((v) => -v)),
        capHousehold: byDefault?.household ?? [],
        capFeedin: byDefault?.feedin ?? [],
      });
      diag.exactLvDecisions++;
      if (sign === 0) diag.exactLvTies++;
    }
    if (sign > 0) {
      overloaded += k.share;
      reinforceMW += (k.share * homes * Math.max(0, peak - cap)) / 1000;
    }
  }
  return {
    lvCapacityKWPerHome: cap,
    lvPeakKWPerHome: transitionPeak,
    lvTransitionHomesShare: classes[0].share,
    lvOverloadedHomesShare: overloaded,
    lvReinforceMW: reinforceMW,
    lvCapexEUR: reinforceMW * nat.costLvEURPerMW + d.nAE * nat.costHomeConnUpgradeEUR,
  };
}

// ---- §3 Costs, energy tax, homes, CO2, land; §11 financing; §12 uitvoering; §13 land

type Outputs = Record<string, OutputValue>;

/** §2.4 energy outputs. */
function energyOutputs(x: RegionRun, g: Generation): Outputs {
  const { p } = x;
  let delivered = 0;
  let smallSum = 0;
  let clipped = 0;
  for (let h = 0; h < x.pr.H; h++) {
    delivered += g.gen[h] - g.small[h];
    smallSum += g.small[h];
    clipped += g.fieldRaw[h] - g.field[h];
  }
  return {
    resNominalTWh: p.solarRoofTWh + p.solarFieldTWh + p.windTWh,
    resDeliveredTWh: delivered / 1e6,
    smallRoofSolarTWh: smallSum / 1e6,
    clipCurtailedTWh: clipped / 1e6,
  };
}

/** §3 costs (the LV capex of §9 included) and the energy-tax reinvestment. */
function costOutputs(x: RegionRun, g: Generation, gr: Grid, lv: Lv, totalHomes: number) {
  const { nat, p, r } = x;
  const PfieldExisting = perFLH(r.num.existingSolarFieldTWh, g.FLHs);
  const PwindExisting = perFLH(r.num.existingWindTWh, g.FLHw);
  const connSolarMW = p.fieldSolarClip * Math.max(0, g.Pfield - PfieldExisting);
  const connWindMW = Math.max(0, g.Pwind - PwindExisting);
  const gridCapexEUR =
    gr.reinforceFeedinMW * nat.costFeedinEURPerMW +
    gr.reinforceOfftakeMW * nat.costOfftakeEURPerMW +
    connSolarMW * nat.costConnSolarEURPerMW +
    connWindMW * nat.costConnWindEURPerMW +
    lv.lvCapexEUR;
  const storageCapexEUR = p.storageMW * nat.costStorageEURPerMW + p.storageMWh * nat.costStorageEURPerMWh;
  const gridAnnuityEUR =
    annuity(gridCapexEUR, nat.waccGrid, nat.gridLifeYears) +
    annuity(storageCapexEUR, nat.waccGrid, nat.storageLifeYears);
  const ebBudgetEUR = (nat.ebReinvestShare * nat.ebRevenueEURPerYear * r.num.homes) / totalHomes;
  const ebToGridEUR = Math.min(ebBudgetEUR, gridAnnuityEUR);
  return {
    connSolarMW,
    connWindMW,
    gridCapexEUR,
    storageCapexEUR,
    gridAnnuityEUR,
    ebBudgetEUR,
    ebToGridEUR,
    ebToHeatEUR: ebBudgetEUR - ebToGridEUR,
    tariffEURPerConnection: (gridAnnuityEUR - ebToGridEUR) / r.num.connections,
  };
}

/** §3 homes: bills, energy tax, gas, CO2 and capex per strategy (with §10's heatScale). */
function homeOutputs(x: RegionRun, d: Demand, ebToHeatEUR: number): Outputs {
  const { nat } = x;
  const gasDivisor = nat.boilerEfficiency * nat.gasKWhPerM3;
  const m3 = {
    GAS: (d.Qgas * d.heatScale) / gasDivisor,
    INS: (d.Qins * d.heatScale) / gasDivisor,
    HY: d.hybridGasHeatPerHomeKWh / gasDivisor,
    AE: 0,
    HN: 0,
  };
  let kWhHY = 0;
  let kWhAE = 0;
  let heatElecMWh = 0;
  for (let h = 0; h < x.pr.H; h++) {
    kWhHY += d.hp[h] / d.COP[h];
    kWhAE += (d.Qae * d.heatShape[h]) / d.COP[h];
    heatElecMWh += d.aeMW[h] + d.hyMW[h];
  }
  const kWh = { GAS: 0, INS: 0, HY: kWhHY, AE: kWhAE, HN: 0 };
  const capex = {
    GAS: 0,
    INS: nat.capexInsulationEUR,
    HY: nat.capexInsulationEUR + nat.capexHybridEUR,
    AE: nat.capexAllElectricEUR,
    HN: nat.capexInsulationEUR + nat.capexHeatNetEUR,
  };
  const { nAE, nHY, nHN, nINS } = d;
  const switching = nAE + nHY + nHN + nINS;
  const subsidy = switching > 0 ? ebToHeatEUR / switching : 0;
  const gasPrice = nat.gasPriceEURPerM3 + nat.ebGasEURPerM3 + nat.odeGasEURPerM3;
  const elecPrice = nat.elecPriceEURPerKWh + nat.ebElecEURPerKWh + nat.odeElecEURPerKWh;
  const ann = (c: number) => annuity(c, nat.consumerRate, nat.homeMeasureLifeYears);
  const billGAS = m3.GAS * gasPrice + kWh.GAS * elecPrice + ann(capex.GAS);
  const bill = (X: 'INS' | 'HY' | 'AE') => m3[X] * gasPrice + kWh[X] * elecPrice + ann(capex[X]) - subsidy;
  // heat-network homes pay the INS energy cost
  const billHN = m3.INS * gasPrice + kWh.INS * elecPrice + ann(capex.HN) - subsidy;
  const heatElecTWh = heatElecMWh / 1e6;
  const gasAvoidedM3 =
    nINS * (m3.GAS - m3.INS) + nHY * (m3.GAS - m3.HY) + nAE * (m3.GAS - m3.AE) + nHN * (m3.GAS - m3.HN);
  const QinsGJ = (d.Qins * 3.6e6) / 1e9;
  return {
    subsidyPerSwitchingHomeEUR: subsidy,
    deltaWoonlastenINS_EUR: bill('INS') - billGAS,
    deltaWoonlastenHY_EUR: bill('HY') - billGAS,
    deltaWoonlastenAE_EUR: bill('AE') - billGAS,
    deltaWoonlastenHN_EUR: billHN - billGAS,
    ebRevenueChangeEUR:
      nINS * ((m3.INS - m3.GAS) * nat.ebGasEURPerM3 + kWh.INS * nat.ebElecEURPerKWh) +
      nHY * ((m3.HY - m3.GAS) * nat.ebGasEURPerM3 + kWh.HY * nat.ebElecEURPerKWh) +
      nAE * ((m3.AE - m3.GAS) * nat.ebGasEURPerM3 + kWh.AE * nat.ebElecEURPerKWh) +
      nHN * (-m3.GAS * nat.ebGasEURPerM3),
    heatElecTWh,
    gasAvoidedM3,
    co2AvoidedT:
      gasAvoidedM3 * nat.co2GasTPerM3 -
      heatElecTWh * 1e6 * nat.co2ElecTPerMWh -
      nHN * QinsGJ * d.heatScale * nat.co2HeatNetTPerGJ,
    homesCapexEUR: nINS * capex.INS + nHY * capex.HY + nAE * capex.AE + nHN * capex.HN,
  };
}

/** §11 financing routes, §12 uitvoeringskosten and §3 / §13 land. */
function financeAndLandOutputs(x: RegionRun, g: Generation, d: Demand, costs: ReturnType<typeof costOutputs>) {
  const { nat, p, r } = x;
  const { gridCapexEUR, storageCapexEUR, gridAnnuityEUR } = costs;
  const connections = r.num.connections;
  const rE = (1 - nat.equityShare) * nat.waccGrid + nat.equityShare * nat.waccState;
  const equityAnnuity =
    annuity(gridCapexEUR, rE, nat.gridLifeYears) + annuity(storageCapexEUR, rE, nat.storageLifeYears);
  const resNominalTWh = p.solarRoofTWh + p.solarFieldTWh + p.windTWh;
  // §12: existing production of the region data
  const existingTWh = r.num.existingSolarRoofTWh + r.num.existingSolarFieldTWh + r.num.existingWindTWh;
  const fieldSolarHa = g.Pfield / nat.fieldSolarMWpPerHa;
  const windTurbines = g.Pwind / nat.turbineMW;
  const windHa = windTurbines * nat.haPerTurbine;
  const housingNeedHomes = Number.isNaN(r.num.housingNeedHomes)
    ? r.num.homes * nat.housingGrowthShare
    : r.num.housingNeedHomes;
  const housingHa = housingNeedHomes / nat.homesPerHa;
  const landClaimHa = fieldSolarHa + windHa + housingHa;
  const arable = r.num.arableLandHa;
  return {
    fieldSolarHa,
    windTurbines,
    windHa,
    financeTariffEURPerConnection: gridAnnuityEUR / connections,
    financeEquityTariffEURPerConnection: equityAnnuity / connections,
    financeEquityStateEUR: nat.equityShare * (gridCapexEUR + storageCapexEUR),
    financeSubsidyStateEURPerYear: gridAnnuityEUR,
    uitvoeringWarmteEUR: (d.nAE + d.nHY + d.nHN + d.nINS) * nat.uitvoeringWarmteEURPerHome,
    uitvoeringRESEUR: Math.max(0, resNominalTWh - existingTWh) * nat.uitvoeringRESEURPerTWh,
    housingNeedHomes,
    housingHa,
    landClaimHa,
    landClaimShareOfArable: Number.isNaN(arable) || arable === 0 ? null : landClaimHa / arable,
    // kept apart for the national block
    _equityAnnuity: equityAnnuity,
  };
}

/** Every output of one region. */
function regionOutputs(x: RegionRun, totalHomes: number): Outputs {
  const g = generation(x);
  const d = demand(x);
  const gr = grid(x, g, d);
  const lv = lvLayer(x, g, d);
  const costs = costOutputs(x, g, gr, lv, totalHomes);
  return {
    id: x.r.id,
    ...gr,
    ...energyOutputs(x, g),
    ...costs,
    ...homeOutputs(x, d, costs.ebToHeatEUR),
    ...lv,
    ...financeAndLandOutputs(x, g, d, costs),
  };
}

// ---- §4 National

function nationalOutputs(
  ds: Dataset,
  sc: Scenario,
  nat: National,
  out: Array<Record<string, OutputValue>>,
): Record<string, number | boolean | null> {
  const col = (k: string) => out.map((o) => o[k] as number);
  const national: Record<string, number | boolean | null> = {};
  for (const k of NATIONAL_SUMMED_KEYS) national[k] = sum(col(k));
  const connections = sum(ds.regions.map((r) => r.num.connections));
  const homes = ds.regions.map((r) => r.num.homes);
  const netAnnuity = sum(out.map((o) => (o.gridAnnuityEUR as number) - (o.ebToGridEUR as number)));
  national.tariffEURPerConnection = netAnnuity / connections;
  const resQ = resNominalExact(ds, sc);
  const targetQ = Q.of(nat.targetTWh);
  national.route35Triggered = resQ.lt(targetQ);
  national.targetGapTWh = resQ.lt(targetQ) ? Math.max(0, nat.targetTWh - (national.resNominalTWh as number)) : 0;
  national.lvOverloadedHomesShare =
    sum(out.map((o, i) => (o.lvOverloadedHomesShare as number) * homes[i])) / sum(homes);
  national.financeTariffEURPerConnection = sum(col('gridAnnuityEUR')) / connections;
  national.financeEquityTariffEURPerConnection = sum(col('_equityAnnuity')) / connections;
  national.financeSubsidyEBShare =
    nat.ebRevenueEURPerYear === 0 ? null : sum(col('gridAnnuityEUR')) / nat.ebRevenueEURPerYear;
  const arable = ds.regions.map((r) => r.num.arableLandHa);
  national.landClaimShareOfArable = arable.every((a) => a > 0) ? sum(col('landClaimHa')) / sum(arable) : null;
  return national;
}

/** The outputs and, per region, how often exact arithmetic had to decide. */
export function referenceEvaluateDetailed(
  datasetDir: string,
  scenarioIn: object,
): { result: ReferenceResult; diagnostics: RegionDiagnostics[] } {
  const sc = scenarioIn as Scenario;
  const ds = loadDataset(datasetDir);
  const { nat, weatherYear } = resolveNational(sc);
  const run = runProfiles(ds, weatherYear);
  const totalHomes = sum(ds.regions.map((r) => r.num.homes));
  const out: Array<Record<string, OutputValue>> = [];
  const diagnostics: RegionDiagnostics[] = [];
  for (const r of ds.regions) {
    let exact: ExactRegion | undefined;
    const diag: RegionDiagnostics = {
      id: r.id,
      exactFeedinDecisions: 0,
      exactOfftakeDecisions: 0,
      exactFeedinTies: 0,
      exactOfftakeTies: 0,
      exactLvDecisions: 0,
      exactLvTies: 0,
    };
    const x: RegionRun = {
      ds,
      run,
      r,
      sc,
      nat,
      p: resolveRegional(r, sc),
      pr: regionProfiles(ds, run, r),
      diag,
      exact: () => (exact ??= new ExactRegion(ds, run, r, sc, nat)),
    };
    out.push(regionOutputs(x, totalHomes));
    diagnostics.push(diag);
  }
  const national = nationalOutputs(ds, sc, nat, out);
  for (const o of out) delete o._equityAnnuity;
  return { result: { regions: out, national }, diagnostics };
}

/** Σ resNominalTWh over the regions, exactly (used by the generator to put targetTWh on it). */
export function referenceResNominalExact(datasetDir: string, scenario: object): Q {
  return resNominalExact(loadDataset(datasetDir), scenario as Scenario);
}

// re-exported for callers that want the layering alone
export { resolveRegionalExact };
