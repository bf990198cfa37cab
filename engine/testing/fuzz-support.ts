/**
 * Shared pieces of the property-based fuzz tests (engine and server, `*.fuzz.test.ts`).
 *
 * Quick by default (`npm test`); a full run sets the number of generated inputs per property:
 *
 *   FUZZ_RUNS=2500 FUZZ_REPORT_DIR=bench/results/fuzz/latest npx vitest run fuzz
 *
 * `FUZZ_SEED` replays a failing run (fast-check prints the seed and path of a failure).
 * With `FUZZ_REPORT_DIR`, every fuzz target writes `<target>.json` with the number of inputs it tried.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { type DatasetSource, parseDataset } from '../data/parse-dataset.ts';
import type { Dataset } from '../data/types.ts';
import { ValidationError } from '../errors.ts';
import { NATIONAL_PARAM_NAMES, REGIONAL_PARAM_NAMES } from '../scenario/parameters.ts';

const envRuns = Number(process.env.FUZZ_RUNS);
/** Inputs per property: `FUZZ_RUNS` when set, else the quick default of the test. */
export function fuzzRuns(quick: number): number {
  return Number.isInteger(envRuns) && envRuns > 0 ? envRuns : quick;
}

/** True for a full run (`FUZZ_RUNS` set): tests may then allow more time. */
export const FULL_FUZZ = Number.isInteger(envRuns) && envRuns > 0;

/** fast-check parameters: runs, optional seed from `FUZZ_SEED`, no shrinking time limit surprises. */
export function fuzzParameters<T>(quick: number): fc.Parameters<T> {
  const seed = Number(process.env.FUZZ_SEED);
  return { numRuns: fuzzRuns(quick), ...(Number.isInteger(seed) ? { seed } : {}), endOnFailure: false };
}

const counts = new Map<string, number>();
const details = new Map<string, Map<string, number>>();
/** Counts one generated input against a fuzz target (and a detail such as its route); written to `FUZZ_REPORT_DIR/<target>.json`. */
export function countInput(target: string, detail?: string): void {
  counts.set(target, (counts.get(target) ?? 0) + 1);
  if (detail === undefined) return;
  let byDetail = details.get(target);
  if (!byDetail) details.set(target, (byDetail = new Map()));
  byDetail.set(detail, (byDetail.get(detail) ?? 0) + 1);
}

const notes = new Map<string, Record<string, unknown>>();
/** Records a fact about a target's run (written into its report). */
export function noteFuzz(target: string, key: string, value: unknown): void {
  notes.set(target, { ...notes.get(target), [key]: value });
}

/** Writes the counts of this test file's targets (call in afterAll). */
export function writeFuzzReport(): void {
  const dir = process.env.FUZZ_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // A dated folder holds a committed record that docs quote: a later run must not overwrite it.
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(basename(resolve(dir)));
  for (const [target, inputs] of counts) {
    const file = join(dir, `${target.replace(/[^A-Za-z0-9_.-]+/g, '_')}.json`);
    if (dated && existsSync(file))
      throw new Error(`${file} is a recorded fuzz report; write this run to another folder (FUZZ_REPORT_DIR)`);
    const byDetail = details.get(target);
    const report = {
      target,
      inputs,
      runsPerProperty: fuzzRuns(0),
      date: new Date().toISOString(),
      ...notes.get(target),
      ...(byDetail ? { by: Object.fromEntries([...byDetail].sort(([a], [b]) => a.localeCompare(b))) } : {}),
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  }
}

/** Keys that attack object handling: prototype members and their look-alikes. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];

/** Numbers at the edges: zero signs, limits, subnormals, non-finite values. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1e308,
    -1e308,
    1.7976931348623157e308,
    5e-324,
    -5e-324,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    1e21,
    2 ** 31,
    -(2 ** 31) - 1,
  ),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.double(),
  fc.integer(),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** Strings that look like numbers, paths, ids, formulas or are just odd Unicode. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '-1e999',
    '0x10',
    '1,5',
    '1_000',
    '٣',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '😀',
    '\u202e',
    '../../etc/passwd',
    '..\\..\\windows',
    '%2e%2e%2f',
    '%00',
    '=HYPERLINK("x")',
    '+1',
    '-1',
    '@SUM(A1)',
    '<script>alert(1)</script>',
    "'; DROP TABLE scenarios; --",
    'ES01',
    'T1',
    'NL',
    'nl-res30',
    'tiny',
  ),
  fc.constantFrom(...PROTO_KEYS),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

/** A JSON-like tree with odd leaves (NaN and undefined included, for direct calls). */
export const oddValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddNumber,
    oddString,
    fc.constantFrom(null, true, false, undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    ownObject(fc.oneof(oddString, fc.constantFrom(...PROTO_KEYS)), tie('value')),
  ),
})).value;

/**
 * Objects whose keys are own properties even when they are `__proto__` (as JSON.parse makes them),
 * so that generated inputs carry the keys attackers send.
 */
export function ownObject(
  keys: fc.Arbitrary<string>,
  values: fc.Arbitrary<unknown>,
  maxKeys = 5,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(fc.tuple(keys, values), { maxLength: maxKeys }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [key, value] of entries)
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return object;
  });
}

/** A number that is usually valid for a parameter, sometimes odd. */
const paramValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }) },
  { weight: 2, arbitrary: oddNumber },
  { weight: 1, arbitrary: oddValue },
);

function layer(names: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: ownObject(
        fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: oddString }),
        paramValue,
        4,
      ),
    },
    { weight: 1, arbitrary: oddValue },
  );
}

/** Scenario-shaped inputs: mostly the right layers and parameter names with odd values, sometimes anything. */
export function scenarioLike(regionIds: readonly string[]): fc.Arbitrary<unknown> {
  const regions = fc.oneof(
    {
      weight: 6,
      arbitrary: ownObject(
        fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...regionIds) }, { weight: 1, arbitrary: oddString }),
        layer(REGIONAL_PARAM_NAMES),
        3,
      ),
    },
    { weight: 1, arbitrary: oddValue },
  );
  const shaped = fc
    .record(
      {
        name: fc.oneof(fc.string(), oddValue),
        national: layer(NATIONAL_PARAM_NAMES),
        defaults: layer(REGIONAL_PARAM_NAMES),
        regions,
        extra: oddValue,
      },
      { requiredKeys: [] },
    )
    .map((record) => {
      // `extra` under an odd key (sometimes a prototype key) instead of its own name.
      const { extra, ...rest } = record as Record<string, unknown>;
      return { rest, extra };
    })
    .chain(({ rest, extra }) =>
      fc.option(fc.constantFrom(...PROTO_KEYS, 'nationaal', 'Regions', ''), { nil: undefined }).map((key) => {
        if (key !== undefined && extra !== undefined)
          Object.defineProperty(rest, key, { value: extra, enumerable: true, writable: true, configurable: true });
        return rest;
      }),
    );
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: oddValue });
}

/** Sweep-spec-shaped inputs: a scenario-like base and axes with valid or odd paths and values. */
export function sweepLike(regionIds: readonly string[]): fc.Arbitrary<unknown> {
  const path = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NATIONAL_PARAM_NAMES).map((name) => `national.${name}`) },
    { weight: 4, arbitrary: fc.constantFrom(...REGIONAL_PARAM_NAMES).map((name) => `defaults.${name}`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom(...regionIds), oddString), fc.constantFrom(...REGIONAL_PARAM_NAMES))
        .map(([id, name]) => `regions.${id}.${name}`),
    },
    { weight: 1, arbitrary: oddString },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS).map((key) => `national.${key}`) },
  );
  const axisNumber = fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: oddNumber },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const axis = fc.oneof(
    fc.record({ path, values: fc.array(axisNumber, { maxLength: 5 }) }),
    fc.record({ path, uniform: fc.array(axisNumber, { minLength: 1, maxLength: 3 }) }),
    fc.record({ path, triangular: fc.array(axisNumber, { minLength: 2, maxLength: 4 }) }),
    oddValue,
  );
  const shaped = fc.record(
    {
      name: fc.oneof(fc.string(), oddValue),
      base: scenarioLike(regionIds),
      axes: fc.oneof({ weight: 5, arbitrary: fc.array(axis, { maxLength: 4 }) }, { weight: 1, arbitrary: oddValue }),
      samples: fc.oneof(fc.integer({ min: -2, max: 20 }), oddNumber),
      seed: fc.oneof(fc.integer(), oddNumber),
    },
    { requiredKeys: ['base', 'axes'] },
  );
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: oddValue });
}

/** JSON text nested `depth` deep (arrays, objects or a mix), for stack-depth attacks. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, kind]) => {
    if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
    if (kind === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return `${'{"regions":{"ES01":'.repeat(1) + '[{"x":'.repeat(depth)}0${'}]'.repeat(depth)}}}`;
  });

/** Every issue must name its place and say what is wrong. */
export function badIssues(issues: ReadonlyArray<{ where: string; message: string }>): string[] {
  return issues
    .filter(
      (issue) =>
        typeof issue.where !== 'string' ||
        issue.where.trim() === '' ||
        typeof issue.message !== 'string' ||
        issue.message.trim() === '',
    )
    .map((issue) => JSON.stringify(issue));
}

/** Generous bound on the CPU time of one parse: a parse that takes longer is treated as a hang, not as slowness. */
export const HANG_CPU_MS = 2000;

/**
 * CPU milliseconds this process has used. Unlike wall time it does not grow while other processes
 * hold the cores, so a bound on it holds on a busy machine.
 */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `parse` on fuzzed input: it must return (and `onValue` checks the value) or throw a
 * ValidationError whose every issue names its place; any other exception or a hang fails.
 */
export function expectValueOrLocatedIssues<T>(parse: () => T, onValue: (value: T) => void): void {
  const started = cpuMs();
  try {
    onValue(parse());
  } catch (error) {
    if (!(error instanceof ValidationError))
      throw new Error(`not a ValidationError: ${(error as Error)?.stack ?? String(error)}`);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(badIssues(error.issues)).toEqual([]);
  }
  expect(cpuMs() - started).toBeLessThan(HANG_CPU_MS);
}

/**
 * The tiny test dataset plus region T5: solar only (wind TWh 0) on the all-zero wind profile
 * `wnd0`, so that re-splitting its RES towards wind (solarShare < 1) makes a scenario invalid.
 */
export function tinyWithZeroWindRegion(): Dataset {
  return parseDataset(tinyWithZeroWindRegionSource());
}

/** The CSV text of tinyWithZeroWindRegion (to write it as a dataset folder). */
export function tinyWithZeroWindRegionSource(): DatasetSource & { profilesCsv: string } {
  const dir = join(import.meta.dirname, '../testdata/tiny/dataset');
  const regionsCsv = readFileSync(join(dir, 'regions.csv'), 'utf8').trimEnd();
  const profileLines = readFileSync(join(dir, 'profiles.csv'), 'utf8').trimEnd().split('\n');
  const profilesCsv = profileLines.map((line, h) => `${line},${h === 0 ? 'wnd0' : '0'}`).join('\n');
  return {
    name: 'tiny + zero-wind region',
    regionsCsv: `${regionsCsv}\nT5,Tiny five,Test,1000,1000,0.0024,0.0003,0.0002,0,0,0,0,0,50,60,sol,wnd0,tmp,bas\n`,
    profilesCsv: `${profilesCsv}\n`,
  };
}

/**
 * Sweeps whose every axis value is within its parameter's bounds, over the parameters whose
 * combinations can still make a scenario invalid (share sums, COP order, RES re-split onto a
 * zero profile) or overflow (scales and divisors at the extremes of a double).
 */
export function boundedSweepLike(regionIds: readonly string[]): fc.Arbitrary<unknown> {
  const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1));
  const large = fc.oneof(fc.double({ min: 0, max: 1e308, noNaN: true }), fc.constantFrom(0, 1, 1e308, 5e-324));
  const positive = fc.oneof(fc.double({ min: 5e-324, max: 1e308, noNaN: true }), fc.constantFrom(5e-324, 1, 1e308));
  const cop = fc.double({ min: 0.5, max: 8, noNaN: true });
  const layer = fc.oneof(
    fc.constant('defaults'),
    fc.constantFrom(...regionIds).map((id) => `regions.${id}`),
  );
  const axisOver = (path: fc.Arbitrary<string>, value: fc.Arbitrary<number>) =>
    fc.oneof(
      fc.record({ path, values: fc.array(value, { minLength: 1, maxLength: 3 }) }),
      fc.record({ path, uniform: fc.tuple(value, value).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]) }),
    );
  const regional = (...names: string[]) => fc.tuple(layer, fc.constantFrom(...names)).map(([l, n]) => `${l}.${n}`);
  const axis = fc.oneof(
    axisOver(regional('solarShare'), share),
    axisOver(regional('shareAllElectric', 'shareHybrid', 'shareHeatNet', 'shareInsulationOnly'), share),
    axisOver(regional('resScale', 'windTWh', 'solarFieldTWh', 'storageMW', 'evCount'), large),
    axisOver(fc.constantFrom('national.copMin', 'national.copMax'), cop),
    axisOver(fc.constantFrom('national.gridLifeYears', 'national.turbineMW', 'national.waccGrid'), positive),
  );
  return fc.record({
    base: fc.constantFrom({}, { defaults: { shareHybrid: 0.5 } }, { national: { copMin: 3 } }),
    axes: fc.array(axis, { minLength: 1, maxLength: 3 }),
    samples: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  });
}
