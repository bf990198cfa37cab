// Profiles of a random case (test code): each named profile is a recipe that can be drawn for any
// file length H, so that the reference profiles.csv and every profiles-<YYYY>.csv weather-year file
// carry the same names with their own lengths and their own weather.

import { type GenContext, type Rng, round } from './random-basics.ts';

/** The weather of one file relative to the reference year. */
export interface Weather {
  tempShiftC: number;
  windFactor: number;
  sunFactor: number;
  /** a file other than profiles.csv */
  otherYear: boolean;
}
export const REFERENCE_WEATHER: Weather = { tempShiftC: 0, windFactor: 1, sunFactor: 1, otherYear: false };

/** Draws one profile's decimal texts for a file of length H. */
export type Recipe = (H: number, rng: Rng, w: Weather) => string[];

export interface ProfileBook {
  recipes: Map<string, Recipe>;
  solar: string[];
  wind: string[];
  temp: string[];
  base: string[];
  household: string[];
  /** the warm temperature profile (Σ sh = 0 in the reference year), when there is one */
  warm: string | null;
}

function solarRecipe(rng: Rng): Recipe {
  const season = rng.u(0, 1);
  return (H, r, w) => {
    const texts: string[] = [];
    let cloud = 1;
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      const day = Math.floor(h / 24);
      if (d === 0) cloud = r.u(0.2, 1);
      const s = Math.max(0, Math.sin((Math.PI * (d - 5)) / 14));
      const seas = 0.6 + 0.4 * Math.sin(2 * Math.PI * (day / 366 + season));
      let cf = Math.min(1, s * seas * cloud * r.u(1.0, 1.4) * w.sunFactor);
      if (cf > 0.97) cf = 1;
      texts.push(String(round(cf, 4)));
    }
    return texts;
  };
}

function windRecipe(rng: Rng): Recipe {
  const start = rng.u(0, 1);
  return (H, r, w) => {
    let x = start;
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      x = Math.min(1, Math.max(0, x + r.u(-0.15, 0.15)));
      texts.push(String(round(Math.min(1, x * w.windFactor), 4)));
    }
    // a wind profile summing to 0 is an error for a region with wind
    if (!texts.some((t) => t !== '0')) texts[0] = '0.1';
    return texts;
  };
}

function tempRecipe(rng: Rng): Recipe {
  const off = rng.u(0, 1);
  return (H, r, w) => {
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      const day = Math.floor(h / 24);
      const t =
        8 -
        11 * Math.cos(2 * Math.PI * (day / 366 + off)) +
        4 * Math.sin((2 * Math.PI * (d - 9)) / 24) +
        r.u(-4, 4) +
        w.tempShiftC;
      texts.push(String(round(Math.min(30, Math.max(-15, t)), 1)));
    }
    return texts;
  };
}

/** Warm in the reference year (Σ shRef = 0); sometimes cold in another year (heatShape stays 1/H). */
function warmRecipe(rng: Rng): Recipe {
  const coldElsewhere = rng.chance(0.5);
  return (H, r, w) =>
    Array.from({ length: H }, () => String(round(w.otherYear && coldElsewhere ? r.u(-5, 30) : r.u(25, 30), 1)));
}

function baseRecipe(rng: Rng): Recipe {
  const zeros = rng.chance(0.3);
  return (H, r) => {
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      let v = 0.7 + 0.3 * Math.sin((2 * Math.PI * (d - 12)) / 24) + r.u(0, 0.5);
      if (zeros && r.chance(0.05)) v = 0;
      texts.push(String(round(v, 3)));
    }
    if (!texts.some((t) => t !== '0')) texts[0] = '1';
    return texts;
  };
}

/** A household (E1A-like) shape: morning and evening peaks, low at night. */
function householdRecipe(rng: Rng): Recipe {
  const evening = rng.u(1.5, 3);
  return (H, r) => {
    const texts: string[] = [];
    for (let h = 0; h < H; h++) {
      const d = h % 24;
      const v = 0.3 + (d >= 7 && d <= 8 ? 0.8 : 0) + (d >= 17 && d <= 21 ? evening : 0) + r.u(0, 0.2);
      texts.push(String(round(v, 3)));
    }
    return texts;
  };
}

/** An EV charging shape with zero hours (never all zero). */
export const evRecipe: Recipe = (H, r) => {
  const texts: string[] = [];
  for (let h = 0; h < H; h++) texts.push(r.chance(0.2) ? '0' : String(round(r.u(0, 2), 3)));
  if (!texts.some((t) => t !== '0')) texts[0] = '1';
  return texts;
};

/** All-zero capacity factors (valid for regions without TWh of that kind). */
export const zeroRecipe: Recipe = (H) => Array.from({ length: H }, () => '0');

/** The named profiles of a case: 1–3 solar, wind and temperature, 1–2 base, 1–2 household shapes. */
export function drawProfileBook(ctx: GenContext): ProfileBook {
  const { rng } = ctx;
  const book: ProfileBook = {
    recipes: new Map(),
    solar: [],
    wind: [],
    temp: [],
    base: [],
    household: [],
    warm: null,
  };
  const add = (list: string[], name: string, recipe: Recipe) => {
    book.recipes.set(name, recipe);
    list.push(name);
  };
  const nSolar = rng.int(1, 3);
  for (let k = 0; k < nSolar; k++)
    add(book.solar, k === 1 && rng.chance(0.4) ? 'zon, "oost"' : `sol_${k}`, solarRecipe(rng));
  const nWind = rng.int(1, 3);
  for (let k = 0; k < nWind; k++) add(book.wind, `wind-${'NZOW'[k]}`, windRecipe(rng));
  const nTemp = rng.int(1, 3);
  for (let k = 0; k < nTemp; k++) add(book.temp, `T ${['de Bilt', 'Eelde', 'Beek'][k]}`, tempRecipe(rng));
  if (rng.chance(0.4)) {
    add(book.temp, 'T_warm', warmRecipe(rng));
    book.warm = 'T_warm';
    ctx.features.push('warm profile (Σ sh = 0)');
  }
  const nBase = rng.int(1, 2);
  for (let k = 0; k < nBase; k++) add(book.base, `base${k}`, baseRecipe(rng));
  if (ctx.v2.lv) {
    const nHh = rng.int(1, 2);
    for (let k = 0; k < nHh; k++) add(book.household, `hh_E1A_${k}`, householdRecipe(rng));
  }
  return book;
}

/** One profile file: the texts of every named profile and the optional EV columns. */
export interface ProfileFile {
  H: number;
  columns: Map<string, string[]>;
}

/** Draws every recipe for a file of length H (evDumb / evSmart columns when asked). */
export function drawProfileFile(
  recipes: Map<string, Recipe>,
  H: number,
  rng: Rng,
  w: Weather,
  ev: { evDumb: boolean; evSmart: boolean },
): ProfileFile {
  const columns = new Map<string, string[]>();
  for (const [name, recipe] of recipes) columns.set(name, recipe(H, rng, w));
  for (const name of ['evDumb', 'evSmart'] as const) if (ev[name]) columns.set(name, evRecipe(H, rng, w));
  return { H, columns };
}
