/** The parameter paths a sweep axis can take in the Verkennen view. */
import {
  NATIONAL_PARAM_NAMES,
  REGIONAL_PARAM_NAMES,
  REGIONAL_PARAMS_FROM_DATA,
  WEATHER_YEAR_PARAM,
} from '../../engine/scenario/parameters.ts';

/**
 * Regional parameters that only make sense for one region, not as a default for all: the region totals
 * (TWh, MW) that come from region data.
 */
const PER_REGION_ONLY: readonly string[] = REGIONAL_PARAMS_FROM_DATA.filter((p) => /(TWh|MW)$/.test(p));

/**
 * Every parameter path a sweep axis can take for all regions at once (regional defaults first: they
 * are the levers people sweep), the weather year last: it takes the dataset's years, not numbers typed.
 */
export const SWEEP_PATHS: readonly string[] = [
  ...REGIONAL_PARAM_NAMES.filter((p) => !PER_REGION_ONLY.includes(p)).map((p) => `defaults.${p}`),
  ...NATIONAL_PARAM_NAMES.map((p) => `national.${p}`),
  `national.${WEATHER_YEAR_PARAM}`,
];

/** The regional parameters a sweep axis can vary in one region (`regions.<id>.<param>`): all of them. */
export const REGION_SWEEP_PARAMS: readonly string[] = [...REGIONAL_PARAM_NAMES];
