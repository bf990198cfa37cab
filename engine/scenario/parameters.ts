import { isRegionColumn, type RegionColumnName } from '../data/region-columns.ts';

/**
 * Scenario parameters of MODEL.md §1.3 with their defaults and validation bounds.
 * Every default is a documented assumption the user can change (sources in docs/model.md).
 */

/** How a numeric parameter is bounded; checked by the scenario schema. */
export type Bound =
  | 'nonNegative' // TWh, MW, MWh, counts, costs, prices, factors: ≥ 0
  | 'positive' // divisors (efficiencies, lifetimes, unit sizes): > 0
  | 'share' // [0, 1]
  | 'openShare' // (0, 1]
  | 'spareShare' // [0, 1): a share of capacity kept spare (1 would leave none to use)
  | 'rate' // interest rates: > −1 so the annuity is defined
  | 'any'; // temperatures and COP coefficients: any finite number

/** National parameters and their defaults (MODEL.md §1.3). */
export const NATIONAL_DEFAULTS = {
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
  /** v2: 940,000 (v1: 2,056,000; the LV share of the old figure is now costLvEURPerMW). */
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
  // v2 financing routes (MODEL.md §11)
  waccState: 0.02,
  equityShare: 0.3,
  // v2 uitvoeringskosten decentrale overheden (§12)
  uitvoeringWarmteEURPerHome: 2150,
  uitvoeringRESEURPerTWh: 50_000_000,
  // v2 land against housing (§13)
  homesPerHa: 30,
  housingGrowthShare: 0.11,
  // v2 LV layer (MODEL.md §9).
  lvHomesPerGroup: 150,
  lvZ: 1.65,
  lvSigmaHomeKW: 1.5,
  lvSigmaAllElectricKW: 1.5,
  lvSigmaHybridKW: 1.0,
  lvSigmaEvKW: 3.0,
  lvSpareShare: 0.25,
  costLvEURPerMW: 1116000,
  costHomeConnUpgradeEUR: 227,
} as const;

/** Numeric national parameters (weatherYear, the one nullable national parameter, is apart). */
export type NationalParamName = keyof typeof NATIONAL_DEFAULTS;
/** Resolved national parameters: every number, and the weather year (null = the reference profiles). */
export type NationalParams = { [K in NationalParamName]: number } & { weatherYear: number | null };
/** The weather-year parameter (MODEL.md §10): null or a whole year the dataset has. */
export const WEATHER_YEAR_PARAM = 'weatherYear';

export const NATIONAL_PARAM_NAMES = Object.keys(NATIONAL_DEFAULTS) as NationalParamName[];

/** Bounds of national parameters; any parameter not listed is `nonNegative`. */
export const NATIONAL_BOUNDS: Partial<Record<NationalParamName, Bound>> = {
  heatBaseTempC: 'any',
  copA: 'any',
  copB: 'any',
  copMin: 'positive',
  copMax: 'positive',
  dhwShare: 'share',
  insulationSaving: 'share',
  deepInsulationSaving: 'share',
  ebReinvestShare: 'share',
  storageRoundTrip: 'openShare',
  boilerEfficiency: 'positive',
  gasKWhPerM3: 'positive',
  waccGrid: 'rate',
  consumerRate: 'rate',
  gridLifeYears: 'positive',
  storageLifeYears: 'positive',
  homeMeasureLifeYears: 'positive',
  fieldSolarMWpPerHa: 'positive',
  turbineMW: 'positive',
  waccState: 'rate',
  equityShare: 'share',
  homesPerHa: 'positive',
  lvHomesPerGroup: 'positive',
  lvSpareShare: 'spareShare',
};

/** The test and the message of each bound: the one table behind the scenario schema and sweep axes. */
export const BOUND_CHECKS: Readonly<Record<Bound, { test: (x: number) => boolean; message: string }>> = {
  nonNegative: { test: (x) => x >= 0, message: 'must not be negative' },
  positive: { test: (x) => x > 0, message: 'must be greater than 0' },
  share: { test: (x) => x >= 0 && x <= 1, message: 'must lie in [0, 1]' },
  openShare: { test: (x) => x > 0 && x <= 1, message: 'must lie in (0, 1]' },
  spareShare: { test: (x) => x >= 0 && x < 1, message: 'must lie in [0, 1)' },
  rate: { test: (x) => x > -1, message: 'must be greater than -1' },
  any: { test: () => true, message: '' },
};

/** The bound of a national parameter (`nonNegative` unless NATIONAL_BOUNDS says otherwise). */
export function nationalBound(name: NationalParamName): Bound {
  return NATIONAL_BOUNDS[name] ?? 'nonNegative';
}

/** Why `value` breaks `bound` (`must lie in [0, 1], got 2`), or undefined when it is within. */
export function boundViolation(bound: Bound, value: number): string | undefined {
  const check = BOUND_CHECKS[bound];
  return check.test(value) ? undefined : `${check.message}, got ${value}`;
}

/** National parameters of the heat model (MODEL.md §2.2): they shape the heat profile of a temperature profile. */
export const HEAT_NATIONAL_PARAMS = [
  'heatPerHomeGJ',
  'dhwShare',
  'heatBaseTempC',
  'insulationSaving',
  'deepInsulationSaving',
  'hybridThermalKW',
  'copA',
  'copB',
  'copMin',
  'copMax',
] as const satisfies readonly NationalParamName[];

/** Regional parameters (MODEL.md §1.3) and their bounds; `solarShare` alone may be null. */
export const REGIONAL_BOUNDS = {
  solarRoofTWh: 'nonNegative',
  solarFieldTWh: 'nonNegative',
  windTWh: 'nonNegative',
  solarSmallRoofTWh: 'nonNegative',
  resScale: 'nonNegative',
  solarShare: 'share',
  fieldSolarClip: 'openShare',
  storageMW: 'nonNegative',
  storageMWh: 'nonNegative',
  shareAllElectric: 'share',
  shareHybrid: 'share',
  shareHeatNet: 'share',
  shareInsulationOnly: 'share',
  evCount: 'nonNegative',
  evSmartShare: 'share',
  industryAddMW: 'nonNegative',
  gridFeedinMW: 'nonNegative',
  gridOfftakeMW: 'nonNegative',
  wijkClustering: 'share',
  lvCapacityKWPerHome: 'nonNegative',
} as const satisfies Record<string, Bound>;

export type RegionalParamName = keyof typeof REGIONAL_BOUNDS;
export const REGIONAL_PARAM_NAMES = Object.keys(REGIONAL_BOUNDS) as RegionalParamName[];

/**
 * Regional parameters whose default is the region's own data: those named like a `regions.csv` column
 * (MODEL.md §1.3 "[region data]").
 */
export const REGIONAL_PARAMS_FROM_DATA: readonly (RegionalParamName & RegionColumnName)[] = REGIONAL_PARAM_NAMES.filter(
  (p): p is RegionalParamName & RegionColumnName => isRegionColumn(p),
);

/**
 * Regional parameters that are not model inputs themselves but re-split or scale resolved ones
 * (MODEL.md §1.5): changing them changes the parameters they feed.
 */
const REGIONAL_FEEDS: Partial<Record<RegionalParamName, readonly RegionalParamName[]>> = {
  resScale: ['solarRoofTWh', 'solarFieldTWh', 'windTWh'],
  solarShare: ['solarRoofTWh', 'solarFieldTWh', 'windTWh'],
};

/** The resolved regional parameters a change to `name` can change: those it feeds, or itself. */
export function resolvedParamsFedBy(name: RegionalParamName): readonly RegionalParamName[] {
  return REGIONAL_FEEDS[name] ?? [name];
}

/** Regional parameter values as a scenario layer may give them (`solarShare` may be null). */
export type RegionalOverrides = Partial<Record<RegionalParamName, number | null>>;

/** The four heat strategies besides the gas boiler, whose shares must sum to at most 1. */
export const STRATEGY_SHARE_PARAMS = [
  'shareAllElectric',
  'shareHybrid',
  'shareHeatNet',
  'shareInsulationOnly',
] as const;

/** Slack on the strategy-share sum (MODEL.md §1.6: "summing above 1 (+1e-9)"). */
export const SHARE_SUM_TOLERANCE = 1e-9;
