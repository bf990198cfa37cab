// Weather years of a random case (test code, MODEL.md v2 §6, §8, §10): dataset.json present or not,
// further years in profiles-<YYYY>.csv with their own lengths (8784 included), with or without their
// own EV columns, files whose names must be ignored, and the scenario's weatherYear (absent, null,
// the dataset.json year or another year).

import { type GenContext, round } from './random-basics.ts';
import { drawProfileFile, type ProfileFile, type Recipe, REFERENCE_WEATHER, type Weather } from './random-profiles.ts';

export interface WeatherPlan {
  /** the dataset.json year of profiles.csv (null: no dataset.json) */
  referenceYear: number | null;
  /** further years: profiles-<YYYY>.csv */
  years: Array<{ year: number; H: number; weather: Weather; ev: { evDumb: boolean; evSmart: boolean } }>;
  /** national.weatherYear: undefined = not in the scenario */
  weatherYear: number | null | undefined;
  /** file names a dataset reader must ignore */
  decoys: string[];
}

/** The length of profiles.csv: 8760 or 8784 for one seed in five, else 24 or 168 hours. */
export function drawReferenceLength(ctx: GenContext): number {
  const { seed, rng } = ctx;
  return seed % 10 === 3 ? 8760 : seed % 10 === 4 ? 8784 : rng.pick([24, 168] as const);
}

/** Which weather years a case has and which one its scenario runs. */
export function drawWeatherPlan(ctx: GenContext, refH: number): WeatherPlan {
  const { rng, features } = ctx;
  const plan: WeatherPlan = { referenceYear: null, years: [], weatherYear: undefined, decoys: [] };
  if (!ctx.v2.weatherYears) return plan;
  if (rng.chance(0.6)) plan.referenceYear = rng.pick([2023, 2030, 1995]);
  const candidates = [1987, 1997, 2004, 2015, 2019, 2031].filter((y) => y !== plan.referenceYear);
  rng.shuffle(candidates);
  const nYears = rng.int(0, 3);
  for (const year of candidates.slice(0, nYears)) {
    // own lengths: mostly short, a full (leap) year sometimes, but not on top of a full reference year
    const big = refH <= 168 && rng.chance(0.2);
    const H = big ? rng.pick([8760, 8784]) : rng.pick([24, 48, 168]);
    const weather: Weather = {
      tempShiftC: round(rng.u(-5, 3), 1),
      windFactor: round(rng.u(0.5, 1.2), 2),
      sunFactor: round(rng.u(0.8, 1.2), 2),
      otherYear: true,
    };
    plan.years.push({ year, H, weather, ev: { evDumb: rng.chance(0.4), evSmart: rng.chance(0.4) } });
  }
  if (rng.chance(0.2)) plan.decoys.push(rng.pick(['profiles-87.csv', 'profiles-1987.txt', 'profiles-old.csv']));
  plan.weatherYear = drawWeatherYear(ctx, plan);
  if (plan.referenceYear !== null) features.push('dataset.json');
  if (plan.years.length) features.push(`${plan.years.length} weather-year files`);
  if (plan.years.some((y) => y.H === 8784)) features.push('a weather-year file of 8784 hours');
  if (plan.decoys.length) features.push('a file name to ignore');
  return plan;
}

function drawWeatherYear(ctx: GenContext, plan: WeatherPlan): number | null | undefined {
  const { rng, features } = ctx;
  const choice = rng.next();
  if (plan.years.length && choice < 0.5) {
    const y = rng.pick(plan.years);
    features.push(`weatherYear ${y.year} (another year, H=${y.H})`);
    return y.year;
  }
  if (plan.referenceYear !== null && choice < 0.7) {
    features.push('weatherYear = the dataset.json year');
    return plan.referenceYear;
  }
  if (choice < 0.85) {
    features.push('weatherYear null');
    return null;
  }
  return undefined;
}

/** The length of the run's profiles. */
export function runLength(plan: WeatherPlan, refH: number): number {
  const y = plan.years.find((x) => x.year === plan.weatherYear);
  return y ? y.H : refH;
}

/** profiles-<YYYY>.csv contents, by year. */
export function drawYearFiles(
  ctx: GenContext,
  plan: WeatherPlan,
  recipes: Map<string, Recipe>,
): Map<number, ProfileFile> {
  const files = new Map<number, ProfileFile>();
  for (const y of plan.years) files.set(y.year, drawProfileFile(recipes, y.H, ctx.rng, y.weather, y.ev));
  return files;
}

export { REFERENCE_WEATHER };
