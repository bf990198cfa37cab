// Random scenario parameters (test code): the national block and the regional levers of MODEL.md
// §1.3, v1 and v2, each drawn over its valid range with its edge values.

import { type GenContext, round } from './random-basics.ts';

export const REGIONAL_KEYS_V1 = [
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
export const REGIONAL_KEYS_LV = ['wijkClustering', 'lvCapacityKWPerHome'] as const;
export type RegionalKey = (typeof REGIONAL_KEYS_V1)[number] | (typeof REGIONAL_KEYS_LV)[number];
export const SHARE_KEYS = ['shareAllElectric', 'shareHybrid', 'shareHeatNet', 'shareInsulationOnly'] as const;

type Draw = (ctx: GenContext) => number;
const edge =
  (p: number, values: number[], otherwise: Draw): Draw =>
  (ctx) =>
    ctx.rng.chance(p) ? ctx.rng.pick(values) : otherwise(ctx);
const uniform =
  (a: number, b: number, d: number): Draw =>
  (ctx) =>
    round(ctx.rng.u(a, b), d);

const NATIONAL_V1: Record<string, Draw> = {
  heatPerHomeGJ: uniform(15, 60, 2),
  dhwShare: edge(0.1, [0, 1], uniform(0, 0.5, 3)),
  heatBaseTempC: uniform(14, 22, 1),
  insulationSaving: uniform(0, 0.5, 3),
  deepInsulationSaving: uniform(0.3, 0.7, 3),
  boilerEfficiency: uniform(0.7, 1, 3),
  gasKWhPerM3: uniform(8, 10, 3),
  copA: uniform(2, 4, 3),
  copB: uniform(0.03, 0.15, 4),
  evKWhPerYear: uniform(1500, 4000, 0),
  storageRoundTrip: edge(0.15, [1], uniform(0.5, 0.99, 3)),
  costFeedinEURPerMW: uniform(3e5, 9e5, 0),
  costOfftakeEURPerMW: uniform(5e5, 3e6, 0),
  costConnSolarEURPerMW: uniform(3e4, 1.2e5, 0),
  costConnWindEURPerMW: uniform(5e4, 1.5e5, 0),
  costStorageEURPerMW: uniform(1e5, 3e5, 0),
  costStorageEURPerMWh: uniform(1e5, 3e5, 0),
  waccGrid: edge(0.35, [0], uniform(0.01, 0.08, 4)),
  gridLifeYears: (ctx) => (ctx.rng.chance(0.2) ? round(ctx.rng.u(20, 60), 1) : ctx.rng.int(20, 60)),
  storageLifeYears: (ctx) => ctx.rng.int(8, 25),
  ebRevenueEURPerYear: uniform(1e9, 1e10, 0),
  ebReinvestShare: edge(0.2, [1], uniform(0.01, 0.9, 3)),
  ebElecEURPerKWh: uniform(0.05, 0.15, 4),
  ebGasEURPerM3: uniform(0.2, 0.5, 5),
  odeElecEURPerKWh: uniform(0.01, 0.05, 4),
  odeGasEURPerM3: uniform(0.03, 0.12, 4),
  elecPriceEURPerKWh: uniform(0.08, 0.3, 3),
  gasPriceEURPerM3: uniform(0.3, 1.2, 3),
  capexInsulationEUR: uniform(3000, 15000, 0),
  capexHybridEUR: uniform(2000, 6000, 0),
  capexAllElectricEUR: uniform(15000, 40000, 0),
  capexHeatNetEUR: uniform(5000, 20000, 0),
  consumerRate: edge(0.2, [0], uniform(0.01, 0.08, 4)),
  homeMeasureLifeYears: (ctx) => ctx.rng.int(10, 40),
  co2GasTPerM3: uniform(0.0015, 0.002, 6),
  co2ElecTPerMWh: uniform(0, 0.5, 3),
  co2HeatNetTPerGJ: uniform(0, 0.05, 4),
  fieldSolarMWpPerHa: uniform(0.5, 1.5, 3),
  turbineMW: uniform(2, 6, 2),
  haPerTurbine: uniform(0.2, 1, 3),
};

/** §9 parameters with their edges: n may be below 1, z and every σ may be 0, the spare share 0 or 0.9. */
const NATIONAL_LV: Record<string, Draw> = {
  lvHomesPerGroup: edge(0.2, [1, 0.5, 1000], uniform(20, 250, 0)),
  lvZ: edge(0.15, [0], uniform(0.5, 3, 2)),
  lvSigmaHomeKW: edge(0.1, [0], uniform(0.3, 3, 2)),
  lvSigmaAllElectricKW: edge(0.1, [0], uniform(0.3, 3, 2)),
  lvSigmaHybridKW: edge(0.1, [0], uniform(0.3, 2, 2)),
  lvSigmaEvKW: edge(0.1, [0], uniform(0.5, 5, 2)),
  lvSpareShare: edge(0.25, [0, 0.9], uniform(0.05, 0.5, 3)),
  costLvEURPerMW: edge(0.1, [0], uniform(5e5, 2e6, 0)),
  costHomeConnUpgradeEUR: edge(0.1, [0], uniform(100, 1000, 0)),
};

/** §11–13 parameters with their edges (housingGrowthShare may exceed 1). */
const NATIONAL_FINANCE: Record<string, Draw> = {
  waccState: edge(0.2, [0], uniform(0.005, 0.05, 4)),
  equityShare: edge(0.25, [0, 1], uniform(0.05, 0.95, 3)),
  uitvoeringWarmteEURPerHome: edge(0.1, [0], uniform(500, 5000, 0)),
  uitvoeringRESEURPerTWh: edge(0.1, [0], uniform(1e7, 1e8, 0)),
  homesPerHa: edge(0.1, [0.5, 200], uniform(10, 60, 1)),
  housingGrowthShare: edge(0.15, [0, 1.5], uniform(0.02, 0.3, 3)),
};

/** The national block: every parameter with probability 0.4, COP bounds kept ordered, hybrid size binding. */
export function drawNational(ctx: GenContext, H: number): Record<string, number> {
  const { rng } = ctx;
  const national: Record<string, number> = {};
  const tables = [NATIONAL_V1, ctx.v2.lv ? NATIONAL_LV : {}, ctx.v2.finance ? NATIONAL_FINANCE : {}];
  for (const table of tables)
    for (const [k, draw] of Object.entries(table)) if (rng.chance(0.4)) national[k] = draw(ctx);
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
  noteNationalFeatures(ctx, national);
  return national;
}

function noteNationalFeatures(ctx: GenContext, national: Record<string, number>) {
  const f = ctx.features;
  if ((national.ebReinvestShare ?? 0) > 0) f.push('ebReinvestShare > 0');
  if (national.waccGrid === 0) f.push('waccGrid 0');
  if (national.consumerRate === 0) f.push('consumerRate 0');
  if (national.lvSpareShare === 0) f.push('lvSpareShare 0');
  if (national.lvZ === 0) f.push('lvZ 0');
  if (national.lvHomesPerGroup !== undefined && national.lvHomesPerGroup < 1) f.push('lvHomesPerGroup < 1');
  if (national.equityShare === 0 || national.equityShare === 1) f.push(`equityShare ${national.equityShare}`);
  if (national.waccState === 0 && national.waccGrid === 0) f.push('rE = 0');
  if ((national.housingGrowthShare ?? 0) > 1) f.push('housingGrowthShare > 1');
}

/** One regional lever for a region of this size (MW scale of its base demand, homes). */
export function drawRegional(ctx: GenContext, key: RegionalKey, scaleMW: number, homes: number): number | null {
  const { rng } = ctx;
  const u = (a: number, b: number, d: number) => round(rng.u(a, b), d);
  switch (key) {
    case 'solarRoofTWh':
      return u(0, 1.5, 4);
    case 'solarFieldTWh':
      return u(0, 2, 4);
    case 'windTWh':
      return u(0, 3, 4);
    case 'solarSmallRoofTWh':
      return u(0, 0.5, 4);
    case 'resScale':
      return rng.chance(0.05) ? 0 : u(0.5, 2.5, 3);
    case 'solarShare':
      return rng.chance(0.1) ? 0 : rng.chance(0.1) ? 1 : u(0, 1, 3);
    case 'fieldSolarClip':
      return rng.chance(0.2) ? 1 : u(0.3, 0.99, 3);
    case 'storageMW':
      return round(scaleMW * rng.u(0, 0.5), 2);
    case 'storageMWh':
      return round(scaleMW * rng.u(0, 3), 2);
    case 'evCount':
      return rng.int(0, Math.round(homes * 0.8));
    case 'evSmartShare':
      return rng.chance(0.1) ? 1 : u(0, 1, 3);
    case 'industryAddMW':
      return round(scaleMW * rng.u(0, 0.3), 2);
    case 'gridFeedinMW':
      return round(scaleMW * rng.u(0.5, 3), 1);
    case 'gridOfftakeMW':
      return round(scaleMW * rng.u(0.8, 2.5), 1);
    case 'wijkClustering':
      return rng.chance(0.2) ? 0 : rng.chance(0.25) ? 1 : u(0, 1, 3);
    case 'lvCapacityKWPerHome':
      return rng.chance(0.1) ? 0 : u(0.5, 5, 3);
    default: // shares, drawn together below
      return u(0, 0.25, 3);
  }
}

/** The regional keys a case may set. */
export function regionalKeys(ctx: GenContext): RegionalKey[] {
  return ctx.v2.lv ? [...REGIONAL_KEYS_V1, ...REGIONAL_KEYS_LV] : [...REGIONAL_KEYS_V1];
}
