import type { z } from 'zod';
import type { Dataset } from '../data/types.ts';
import { dottedPath, ValidationError, type Issue } from '../errors.ts';
import {
  NATIONAL_DEFAULTS,
  type NationalParamName,
  REGIONAL_PARAM_NAMES,
  type RegionalOverrides,
  type RegionalParamName,
  resolvedParamsFedBy,
  SHARE_SUM_TOLERANCE,
  STRATEGY_SHARE_PARAMS,
} from './parameters.ts';
import { type ResolvedRegion, resolveRegion } from './resolve.ts';
import { ScenarioSchema, type Scenario } from './schema.ts';

/**
 * Turns zod issues into located issues; unknown keys become one issue per key at its own path.
 * An issue with the whole input (not an object, for example) is located at `root`, never at ''.
 */
export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = [], root = '(scenario)'): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ where: dottedPath([...path, key]), message: 'unknown key' });
    } else if (issue.code === 'invalid_type' && issue.expected === 'object') {
      issues.push({ where: dottedPath(path) || root, message: 'must be an object' });
    } else {
      issues.push({ where: dottedPath(path) || root, message: issue.message });
    }
  }
  return issues;
}

/** Unknown region ids in raw (possibly otherwise invalid) scenario JSON, so they are reported together with schema issues. */
function unknownRegionIssues(input: unknown, dataset: Dataset): Issue[] {
  const regions = (input as { regions?: unknown } | null)?.regions;
  if (typeof regions !== 'object' || regions === null || Array.isArray(regions)) return [];
  return Object.keys(regions)
    .filter((id) => !dataset.regionIndex.has(id))
    .map((id) => ({
      where: dottedPath(['regions', id]),
      message: `unknown region id (the dataset has ${describeIds(dataset)})`,
    }));
}

/** The national parameters checkScenarioAgainstDataset reads: the COP order. */
const CHECKED_NATIONAL = ['copMin', 'copMax'] as const satisfies readonly NationalParamName[];
/**
 * The resolved regional parameters it reads: the strategy shares (their sum) and the production
 * on each profile (a profile summing to 0). Only these are visible to it (see `checkedView`).
 */
const CHECKED_REGIONAL = [
  ...STRATEGY_SHARE_PARAMS,
  'solarRoofTWh',
  'solarFieldTWh',
  'solarSmallRoofTWh',
  'windTWh',
] as const satisfies readonly RegionalParamName[];
type CheckedRegion = Pick<ResolvedRegion, (typeof CHECKED_REGIONAL)[number]>;

/** A resolved region as the checks see it: reading anything outside CHECKED_REGIONAL does not compile. */
const checkedView = (resolved: ResolvedRegion): CheckedRegion => resolved;

/**
 * The scenario parameters whose value can change the outcome of checkScenarioAgainstDataset,
 * derived from what it reads: the checked national parameters, and every regional parameter that
 * is or feeds a checked resolved one (resScale and solarShare through production). Sweeps check
 * every distinct combination of axes over these before running.
 */
export const CROSS_CHECKED_PARAMS: ReadonlySet<string> = new Set<string>([
  ...CHECKED_NATIONAL,
  ...REGIONAL_PARAM_NAMES.filter((name) =>
    resolvedParamsFedBy(name).some((fed) => (CHECKED_REGIONAL as readonly string[]).includes(fed)),
  ),
]);

/** Checks that need the dataset: region ids, share sums, COP bounds, profiles for new production. */
export function checkScenarioAgainstDataset(scenario: Scenario, dataset: Dataset): Issue[] {
  const issues: Issue[] = [];
  issues.push(...unknownRegionIssues(scenario, dataset));
  const weatherYear = scenario.national.weatherYear ?? null;
  if (weatherYear !== null && !dataset.weatherYears.includes(weatherYear)) {
    issues.push({
      where: 'national.weatherYear',
      message: `the dataset has no weather year ${weatherYear} (it has ${describeYears(dataset)})`,
    });
  }
  const copMin = scenario.national.copMin ?? NATIONAL_DEFAULTS.copMin;
  const copMax = scenario.national.copMax ?? NATIONAL_DEFAULTS.copMax;
  if (copMin > copMax)
    issues.push({ where: 'national.copMin', message: `copMin (${copMin}) is greater than copMax (${copMax})` });

  const shareSum = (layer: RegionalOverrides) =>
    STRATEGY_SHARE_PARAMS.reduce((sum, name) => sum + (layer[name] ?? 0), 0);
  const defaultsSum = shareSum(scenario.defaults);
  if (defaultsSum > 1 + SHARE_SUM_TOLERANCE) {
    issues.push({ where: 'defaults', message: `heat strategy shares sum to ${defaultsSum}, above 1` });
  }
  dataset.regions.forEach((region, r) => {
    const own = scenario.regions[region.id] ?? {};
    const resolved = checkedView(resolveRegion(dataset, r, scenario));
    const sum = STRATEGY_SHARE_PARAMS.reduce((total, name) => total + resolved[name], 0);
    const touchesShares = STRATEGY_SHARE_PARAMS.some((name) => own[name] !== undefined);
    if (sum > 1 + SHARE_SUM_TOLERANCE && touchesShares) {
      issues.push({ where: `regions.${region.id}`, message: `heat strategy shares sum to ${sum}, above 1` });
    }
    const prepared = dataset.prepared[r];
    const solarTWh = resolved.solarRoofTWh + resolved.solarFieldTWh + resolved.solarSmallRoofTWh;
    if (solarTWh > 0 && prepared.flhSolarH === 0) {
      issues.push({
        where: `regions.${region.id}`,
        message: `solar production given but solar profile '${region.solarProfile}' sums to 0`,
      });
    }
    if (resolved.windTWh > 0 && prepared.flhWindH === 0) {
      issues.push({
        where: `regions.${region.id}`,
        message: `wind production given but wind profile '${region.windProfile}' sums to 0`,
      });
    }
  });
  return issues;
}

/** The weather years of a dataset as users read them in messages. */
export function describeYears(dataset: Dataset): string {
  return dataset.weatherYears.length === 0
    ? 'only its reference profiles: use null'
    : `${dataset.weatherYears.join(', ')}, or null for the reference profiles`;
}

function describeIds(dataset: Dataset): string {
  const ids = dataset.regions.map((region) => region.id);
  return ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} … ${ids[ids.length - 1]}`;
}

/** Validates scenario JSON (already parsed) against the schema and the dataset; throws ValidationError. */
export function parseScenario(input: unknown, dataset?: Dataset): Scenario {
  const result = ScenarioSchema.safeParse(input);
  if (!result.success) {
    const issues = zodIssues(result.error);
    if (dataset) issues.push(...unknownRegionIssues(input, dataset));
    throw new ValidationError(issues);
  }
  const scenario: Scenario = {
    name: result.data.name ?? 'scenario',
    national: result.data.national ?? {},
    defaults: result.data.defaults ?? {},
    regions: result.data.regions ?? {},
  };
  if (dataset) {
    const issues = checkScenarioAgainstDataset(scenario, dataset);
    if (issues.length > 0) throw new ValidationError(issues);
  }
  return scenario;
}
