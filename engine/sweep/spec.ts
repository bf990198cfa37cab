import { z } from 'zod';
import type { Dataset } from '../data/types.ts';
import { ValidationError, type Issue } from '../errors.ts';
import {
  NATIONAL_BOUNDS,
  NATIONAL_PARAM_NAMES,
  REGIONAL_BOUNDS,
  REGIONAL_PARAM_NAMES,
  type Bound,
  type NationalParamName,
  type RegionalParamName,
} from '../scenario/parameters.ts';
import { isHourlyNationalParam, isHourlyRegionalParam } from '../scenario/hourly-params.ts';
import { ScenarioSchema, type Scenario } from '../scenario/schema.ts';
import { checkScenarioAgainstDataset, parseScenario, zodIssues } from '../scenario/validate.ts';
import { createRandom, triangularFromUniform } from './random.ts';

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
  | { layer: 'national'; param: NationalParamName }
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
}

function boundOf(target: AxisTarget): Bound {
  return target.layer === 'national' ? (NATIONAL_BOUNDS[target.param] ?? 'nonNegative') : REGIONAL_BOUNDS[target.param];
}

function parsePath(path: string, dataset: Dataset): AxisTarget | string {
  const parts = path.split('.');
  if (parts[0] === 'national' && parts.length === 2) {
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

const BOUND_TEST: Record<Bound, (x: number) => boolean> = {
  nonNegative: (x) => x >= 0,
  positive: (x) => x > 0,
  share: (x) => x >= 0 && x <= 1,
  openShare: (x) => x > 0 && x <= 1,
  rate: (x) => x > -1,
  any: () => true,
};
const BOUND_TEXT: Record<Bound, string> = {
  nonNegative: 'must not be negative',
  positive: 'must be greater than 0',
  share: 'must lie in [0, 1]',
  openShare: 'must lie in (0, 1]',
  rate: 'must be greater than -1',
  any: '',
};

/** Sets one axis value on a scenario (mutating it); the scenario must be a private copy. */
export function setAxisValue(scenario: Scenario, target: AxisTarget, value: number | null): void {
  if (target.layer === 'national') scenario.national[target.param] = value as number;
  else if (target.layer === 'defaults') scenario.defaults[target.param] = value;
  else (scenario.regions[target.region] ??= {})[target.param] = value;
}

/** A deep copy of a scenario (its layers are flat records of numbers). */
export function copyScenario(scenario: Scenario): Scenario {
  const regions: Scenario['regions'] = {};
  for (const id of Object.keys(scenario.regions)) regions[id] = { ...scenario.regions[id] };
  return { name: scenario.name, national: { ...scenario.national }, defaults: { ...scenario.defaults }, regions };
}

/**
 * A scenario in which every axis takes its most demanding value: shares, TWh and copMin at their
 * maximum, copMax at its minimum. Share sums and COP order are monotone in each axis, so if this
 * scenario passes the dataset checks, every scenario of the sweep does.
 */
function extremeScenario(base: Scenario, axes: SweepAxis[]): Scenario {
  const scenario = copyScenario(base);
  for (const axis of axes) {
    const numbers = (axis.kind === 'grid' ? axis.values : axis.range).filter((v): v is number => v !== null);
    if (numbers.length === 0) continue;
    const pickMin = axis.target.param === 'copMax';
    setAxisValue(scenario, axis.target, pickMin ? Math.min(...numbers) : Math.max(...numbers));
  }
  return scenario;
}

/** Validates a sweep spec against a dataset and prepares its enumeration; throws ValidationError. */
export function parseSweep(input: unknown, dataset: Dataset, options: { maxScenarios?: number } = {}): SweepPlan {
  const maxScenarios = options.maxScenarios ?? DEFAULT_MAX_SCENARIOS;
  const parsed = SweepSpecSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, [], '(sweep)'));
  const spec = parsed.data;
  const issues: Issue[] = [];
  let base: Scenario | undefined;
  try {
    base = parseScenario(spec.base, dataset);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues.map((issue) => ({ where: `base.${issue.where}`, message: issue.message })));
  }

  const axes: SweepAxis[] = [];
  const seenPaths = new Set<string>();
  spec.axes.forEach((axisInput, a) => {
    const where = `axes.${a}`;
    const target = parsePath(axisInput.path, dataset);
    if (typeof target === 'string') {
      issues.push({ where: `${where}.path`, message: `${target} (got '${axisInput.path}')` });
      return;
    }
    if (seenPaths.has(axisInput.path))
      issues.push({ where: `${where}.path`, message: `path '${axisInput.path}' is already an axis` });
    seenPaths.add(axisInput.path);
    const bound = boundOf(target);
    const nullable = target.param === 'solarShare';
    const checkValue = (value: number | null, at: string) => {
      if (value === null) {
        if (!nullable) issues.push({ where: at, message: 'null is allowed only for solarShare' });
      } else if (!BOUND_TEST[bound](value)) issues.push({ where: at, message: `${BOUND_TEXT[bound]}, got ${value}` });
    };
    const physical =
      target.layer === 'national' ? isHourlyNationalParam(target.param) : isHourlyRegionalParam(target.param);
    if ('values' in axisInput) {
      axisInput.values.forEach((value, v) => {
        checkValue(value, `${where}.values.${v}`);
      });
      axes.push({ path: axisInput.path, target, kind: 'grid', values: axisInput.values, range: [], physical });
    } else {
      const kind = 'uniform' in axisInput ? 'uniform' : 'triangular';
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
      axes.push({ path: axisInput.path, target, kind, values: [], range, physical });
    }
  });
  if (issues.length > 0 || !base) throw new ValidationError(issues);

  const extremeIssues = checkScenarioAgainstDataset(extremeScenario(base, axes), dataset);
  if (extremeIssues.length > 0) {
    throw new ValidationError(
      extremeIssues.map((issue) => ({
        where: 'axes',
        message: `some combinations are invalid: ${issue.where}: ${issue.message}`,
      })),
    );
  }

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
  const random = createRandom(seed);
  // Shared memory: every task carries the plan, and a SAB-backed array is shared, not copied.
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
  return {
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
    draws,
  };
}
