import {
  HEAT_NATIONAL_PARAMS,
  type NationalParams,
  type RegionalParamName,
  resolvedParamsFedBy,
} from './parameters.ts';
import type { ResolvedRegion } from './resolve.ts';

/**
 * The parameters the hourly kernel reads (MODEL.md §2): national names and resolved regional
 * names. This is the one list of what is "physical": the kernel-input builder sees scenario values
 * only through `hourlyView` (so it cannot read a parameter missing here), and a sweep axis needs
 * new hourly runs exactly when its parameter feeds one of these. Everything else acts only in the
 * finance pass, so sweeping it reuses the hourly run. The heat profile depends on the national
 * heat parameters alone (HEAT_NATIONAL_PARAMS), which are all listed.
 */
export const HOURLY_PARAMS = [
  ...HEAT_NATIONAL_PARAMS,
  'evKWhPerYear',
  'storageRoundTrip',
  'solarRoofTWh',
  'solarFieldTWh',
  'windTWh',
  'solarSmallRoofTWh',
  'fieldSolarClip',
  'storageMW',
  'storageMWh',
  'shareAllElectric',
  'shareHybrid',
  'evCount',
  'evSmartShare',
  'industryAddMW',
  'gridFeedinMW',
  'gridOfftakeMW',
  // v2: the weather year picks the profiles; clustering sets the transition class's heat pumps (§9.3).
  'weatherYear',
  'wijkClustering',
] as const satisfies readonly (keyof NationalParams | keyof ResolvedRegion)[];

export type HourlyParamName = (typeof HOURLY_PARAMS)[number];

/** The part of `values` the kernel may read: only the listed hourly parameters. */
export type HourlyView<T> = Pick<T, Extract<HourlyParamName, keyof T>>;

const HOURLY_SET: ReadonlySet<string> = new Set(HOURLY_PARAMS);

/**
 * Resolved national or regional values seen through the hourly list: the same object, typed so
 * that reading a parameter missing from HOURLY_PARAMS does not compile. No copy: it is called per
 * region and hourly run (a copy cost ~2 % of a sweep worker's time).
 */
export function hourlyView<T extends object>(values: T): HourlyView<T> {
  return values;
}

/** True when changing this national parameter changes the hourly run. */
export function isHourlyNationalParam(name: keyof NationalParams): boolean {
  return HOURLY_SET.has(name);
}

/**
 * True when changing this regional scenario parameter changes the hourly run (resScale and
 * solarShare through the production they feed).
 */
export function isHourlyRegionalParam(name: RegionalParamName): boolean {
  return resolvedParamsFedBy(name).some((resolvedName) => HOURLY_SET.has(resolvedName));
}
