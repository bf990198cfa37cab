import { z } from 'zod';
import type { Dataset } from '../data/types.ts';
import { ValidationError, type Issue } from '../errors.ts';
import {
  boundViolation,
  NATIONAL_PARAM_NAMES,
  nationalBound,
  REGIONAL_BOUNDS,
  REGIONAL_PARAM_NAMES,
  type Bound,
  type NationalParamName,
  type RegionalParamName,
  WEATHER_YEAR_PARAM,
} from '../scenario/parameters.ts';
import { isHourlyNationalParam, isHourlyRegionalParam } from '../scenario/hourly-params.ts';
import { ScenarioSchema, type Scenario } from '../scenario/schema.ts';
import { describeYears, parseScenario, zodIssues } from '../scenario/validate.ts';
import { createRandom, triangularFromUniform } from './random.ts';
import { precheckScenarios } from './scenario-checks.ts';

/** Default cap on the number of scenarios in one sweep. */
export const DEFAULT_MAX_SCENARIOS = 1_000_000;

const finite = z.number({ error: 'must be a finite number' });
const AxisSchema = z.union([
  z.strictObject({ path: z.string(), values: z.array(finite.nullable()).min(1, 'needs at least one value') }),
  z.strictObject({ path: z.string(), uniform: z.tuple([finite, finite]) }),
  z.strictObject({ path: z.string(), triangular: z.tuple([finite, finite, finite]) }),
]);

/** A sweep: a base scenario plus axes (MODEL.md §5). */
export const SweepSpecSchema = z.strictObject({
  name: z.string().optional(),
  base: ScenarioSchema,
  axes: z.array(AxisSchema).max(32, 'at most 32 axes'),
  samples: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  seed: z.number().int('must be a whole number').optional(),
});
export type SweepSpecInput = z.input<typeof SweepSpecSchema>;

/** Where an axis path points: a national parameter, the regional defaults, or one region. */
export type AxisTarget =
  | { layer: 'national'; param: NationalParamName | typeof WEATHER_YEAR_PARAM }
  | { layer: 'defaults'; param: RegionalParamName }
  | { layer: 'region'; region: string; param: RegionalParamName };

/** One validated axis; grid axes list their values, sampled axes are drawn from a distribution. */
export interface SweepAxis {
  path: string;
  target: AxisTarget;
  kind: 'grid' | 'uniform' | 'triangular';
  values: Array<number | null>;
  range: number[];
  /** True when the axis changes the hourly run (MODEL.md §2), false for finance-only axes (§3–4). */
  physical: boolean;
}

/** A validated sweep, ready to enumerate: scenario i is (grid point, sample) in MODEL.md §5 order. */
export interface SweepPlan {
  name: string;
  base: Scenario;
  axes: SweepAxis[];
  axisPaths: string[];
  gridAxes: number[];
  sampledAxes: number[];
  samples: number;
  seed: number;
  gridPointCount: number;
  scenarioCount: number;
  /** draws[s * sampledAxes.length + k]: value of sampled axis k in sample s. */
  draws: Float64Array;
  /**
   * True when the sweep had too many combinations of cross-checked parameters to check them all
   * before running (PRECHECK_LIMIT): each scenario is then checked against the dataset as it runs.
   */
  checkEachScenario: boolean;
}

function boundOf(target: AxisTarget): Bound {
  if (target.layer !== 'national') return REGIONAL_BOUNDS[target.param];
  return target.param === WEATHER_YEAR_PARAM ? 'any' : nationalBound(target.param);
}

/** Why a weather-year axis value cannot be used (MODEL.md §5: integer years the dataset has, or null). */
function weatherYearProblem(value: number | null, dataset: Dataset): string | undefined {
  if (value === null) return undefined;
  if (!Number.isInteger(value)) return `must be a whole year or null, got ${value}`;
  if (!dataset.weatherYears.includes(value))
    return `the dataset has no weather year ${value} (it has ${describeYears(dataset)})`;
  return undefined;
}

function parsePath(path: string, dataset: Dataset): AxisTarget | string {
  const parts = path.split('.');
  if (parts[0] === 'national' && parts.length === 2) {
    if (parts[1] === WEATHER_YEAR_PARAM) return { layer: 'national', param: WEATHER_YEAR_PARAM };
    return (NATIONAL_PARAM_NAMES as string[]).includes(parts[1])
      ? { layer: 'national', param: parts[1] as NationalParamName }
      : `unknown national parameter '${parts[1]}'`;
  }
  if (parts[0] === 'defaults' && parts.length === 2) {
    return (REGIONAL_PARAM_NAMES as string[]).includes(parts[1])
      ? { layer: 'defaults', param: parts[1] as RegionalParamName }
      : `unknown regional parameter '${parts[1]}'`;
  }
  if (parts[0] === 'regions' && parts.length === 3) {
    if (!dataset.regionIndex.has(parts[1])) return `unknown region id '${parts[1]}'`;
    return (REGIONAL_PARAM_NAMES as string[]).includes(parts[2])
      ? { layer: 'region', region: parts[1], param: parts[2] as RegionalParamName }
      : `unknown regional parameter '${parts[2]}'`;
  }
  return "must be 'national.<parameter>', 'defaults.<parameter>' or 'regions.<id>.<parameter>'";
}

type SweepSpec = z.output<typeof SweepSpecSchema>;
type AxisInput = SweepSpec['axes'][number];

/** The base scenario, validated against the dataset; its issues are located under `base`. */
function parseBase(spec: SweepSpec, dataset: Dataset, issues: Issue[]): Scenario | undefined {
  try {
    return parseScenario(spec.base, dataset);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues.map((issue) => ({ where: `base.${issue.where}`, message: issue.message })));
    return undefined;
  }
}

/** One axis: its path resolved, every value within its parameter's bounds, ranges in order. */
function parseAxis(axisInput: AxisInput, where: string, dataset: Dataset, issues: Issue[]): SweepAxis | undefined {
  const target = parsePath(axisInput.path, dataset);
  if (typeof target === 'string') {
    issues.push({ where: `${where}.path`, message: `${target} (got '${axisInput.path}')` });
    return undefined;
  }
  const bound = boundOf(target);
  const isWeatherYear = target.param === WEATHER_YEAR_PARAM;
  const nullable = target.param === 'solarShare' || isWeatherYear;
  const checkValue = (value: number | null, at: string) => {
    const yearProblem = isWeatherYear ? weatherYearProblem(value, dataset) : undefined;
    if (yearProblem) {
      issues.push({ where: at, message: yearProblem });
      return;
    }
    if (value === null) {
      if (!nullable) issues.push({ where: at, message: 'null is allowed only for solarShare and weatherYear' });
      return;
    }
    const violation = boundViolation(bound, value);
    if (violation) issues.push({ where: at, message: violation });
  };
  const physical =
    target.layer === 'national' ? isHourlyNationalParam(target.param) : isHourlyRegionalParam(target.param);
  if ('values' in axisInput) {
    axisInput.values.forEach((value, v) => {
      checkValue(value, `${where}.values.${v}`);
    });
    return { path: axisInput.path, target, kind: 'grid', values: axisInput.values, range: [], physical };
  }
  const kind = 'uniform' in axisInput ? 'uniform' : 'triangular';
  if (isWeatherYear) {
    issues.push({ where, message: 'national.weatherYear takes a list of years (values), not a distribution' });
    return undefined;
  }
  const range = 'uniform' in axisInput ? axisInput.uniform : axisInput.triangular;
  range.forEach((value, v) => {
    checkValue(value, `${where}.${kind}.${v}`);
  });
  for (let v = 1; v < range.length; v++) {
    if (range[v] < range[v - 1])
      issues.push({
        where: `${where}.${kind}`,
        message: `values must be in increasing order, got [${range.join(', ')}]`,
      });
  }
  return { path: axisInput.path, target, kind, values: [], range, physical };
}

/** Every axis of the spec; a path may be an axis once. */
function parseAxes(spec: SweepSpec, dataset: Dataset, issues: Issue[]): SweepAxis[] {
  const axes: SweepAxis[] = [];
  const seenPaths = new Set<string>();
  spec.axes.forEach((axisInput, a) => {
    if (seenPaths.has(axisInput.path))
      issues.push({ where: `axes.${a}.path`, message: `path '${axisInput.path}' is already an axis` });
    seenPaths.add(axisInput.path);
    const axis = parseAxis(axisInput, `axes.${a}`, dataset, issues);
    if (axis) axes.push(axis);
  });
  return axes;
}

/** Draws of the sampled axes, sample by sample (MODEL.md §5), in shared memory so tasks share them. */
function drawSamples(axes: SweepAxis[], sampledAxes: number[], samples: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const draws = new Float64Array(
    new SharedArrayBuffer(Math.max(8, samples * sampledAxes.length * 8)),
    0,
    samples * sampledAxes.length,
  );
  for (let s = 0; s < samples; s++) {
    sampledAxes.forEach((a, k) => {
      const axis = axes[a];
      const u = random();
      const [lo, p, q] = axis.range;
      draws[s * sampledAxes.length + k] =
        axis.kind === 'uniform' ? lo + (p - lo) * u : triangularFromUniform(u, lo, p, q);
    });
  }
  return draws;
}

/** Options of parseSweep. */
export interface ParseSweepOptions {
  /** Cap on the number of scenarios (default DEFAULT_MAX_SCENARIOS). */
  maxScenarios?: number;
  /** false: leave every parameter check to the run, scenario by scenario (default true: check before). */
  precheck?: boolean;
}

/**
 * Validates a sweep spec against a dataset and prepares its enumeration; throws ValidationError.
 * Every scenario `evaluate` would reject for its parameters fails the sweep here, naming the first
 * such scenario, unless there are too many combinations to check (then it fails as it runs).
 */
export function parseSweep(input: unknown, dataset: Dataset, options: ParseSweepOptions = {}): SweepPlan {
  const maxScenarios = options.maxScenarios ?? DEFAULT_MAX_SCENARIOS;
  const parsed = SweepSpecSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, [], '(sweep)'));
  const spec = parsed.data;
  const issues: Issue[] = [];
  const base = parseBase(spec, dataset, issues);
  const axes = parseAxes(spec, dataset, issues);
  if (issues.length > 0 || !base) throw new ValidationError(issues);

  const gridAxes = axes.flatMap((axis, a) => (axis.kind === 'grid' ? [a] : []));
  const sampledAxes = axes.flatMap((axis, a) => (axis.kind === 'grid' ? [] : [a]));
  // In a grid-only sweep `samples` is ignored (MODEL.md §8).
  const samples = sampledAxes.length > 0 ? (spec.samples ?? 1) : 1;
  let gridPointCount = 1;
  for (const a of gridAxes) gridPointCount *= axes[a].values.length;
  const scenarioCount = gridPointCount * samples;
  if (scenarioCount > maxScenarios) {
    throw new ValidationError([
      { where: 'axes', message: `the sweep has ${scenarioCount} scenarios, more than the maximum of ${maxScenarios}` },
    ]);
  }
  const seed = spec.seed ?? 0;
  const plan: SweepPlan = {
    name: spec.name ?? base.name,
    base,
    axes,
    axisPaths: axes.map((axis) => axis.path),
    gridAxes,
    sampledAxes,
    samples,
    seed,
    gridPointCount,
    scenarioCount,
    draws: drawSamples(axes, sampledAxes, samples, seed),
    checkEachScenario: false,
  };
  plan.checkEachScenario = options.precheck === false || !precheckScenarios(plan, dataset);
  return plan;
}
