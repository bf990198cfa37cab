// Building blocks of the random dataset generator (test code): a seeded random number generator,
// decimal rounding, CSV writing, and the context one generated case is drawn in.

/** Seeded random numbers (mulberry32): the same seed gives the same draws on any machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed * 2654435761 + 0x9e3779b9) >>> 0;
  }
  /** in [0, 1) */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  u(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** x rounded to `d` decimals, as a JS number (its shortest text is what JSON / CSV will carry). */
export function round(x: number, d: number): number {
  return Number(x.toFixed(d));
}

export interface CsvStyle {
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

/** One CSV field, quoted when it must be (or when asked). */
export function csvField(s: string, forceQuote = false): string {
  return forceQuote || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV text from rows of fields. */
export function csvText(
  rows: string[][],
  style: CsvStyle,
  quote: (row: number, col: number) => boolean = () => false,
): string {
  const body = rows.map((r, i) => r.map((c, j) => csvField(c, quote(i, j))).join(',')).join(style.eol);
  return style.finalNewline ? body + style.eol : body;
}

/** Which parts of MODEL.md v2 a generated case may use (all off: a v1 case). */
export interface V2Parts {
  /** §9 LV layer: household / LV-capacity columns, wijkClustering, the lv* and LV cost parameters */
  lv?: boolean;
  /** §10 weather years: dataset.json, profiles-<YYYY>.csv, national.weatherYear */
  weatherYears?: boolean;
  /** §11–13: financing, uitvoeringskosten, housing / arable-land columns and their parameters */
  finance?: boolean;
}

export interface GenerateOptions {
  /** allow targetTWh exactly on Σ resNominalTWh (default true) */
  targetTie?: boolean;
  /** allow TIEB / TIED limits moved by 1e-9 or 1e-6 MW off the exact tie (default true) */
  nearTies?: boolean;
  /** allow TIEF regions (generation equal to today's, derived feed-in capacity = max P) (default true) */
  generationEqualsToday?: boolean;
  /** allow scenarios without the national / defaults / regions sections (default true) */
  omitSections?: boolean;
  /** allow batteries big enough to bring every congested hour exactly onto the limit (default true) */
  bigBattery?: boolean;
  /** the v2 parts to draw (default: none, a v1 case) */
  v2?: V2Parts;
}

/** The state one case is drawn in. */
export interface GenContext {
  seed: number;
  rng: Rng;
  options: GenerateOptions;
  v2: Required<V2Parts>;
  features: string[];
  /** write some numbers in exponent notation */
  expNotation: boolean;
}

export function newContext(seed: number, options: GenerateOptions): GenContext {
  const v2 = { lv: false, weatherYears: false, finance: false, ...options.v2 };
  return { seed, rng: new Rng(seed), options, v2, features: [], expNotation: false };
}

/** x rounded to d decimals as CSV text, sometimes in exponent notation. */
export function numText(ctx: GenContext, x: number, d: number): string {
  const v = round(x, d);
  if (ctx.expNotation && v !== 0 && ctx.rng.chance(0.25)) return v.toExponential();
  return String(v);
}
