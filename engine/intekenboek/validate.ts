import type { Dataset } from '../data/types.ts';
import { ValidationError, type Issue } from '../errors.ts';
import { zodIssues } from '../scenario/validate.ts';
import { CommitmentInputSchema } from './schema.ts';
import type { Commitment } from './types.ts';

/** Issues of a region id that the dataset does not have (null, national, is always fine). */
export function commitmentRegionIssues(region: unknown, dataset: Dataset, where = 'region'): Issue[] {
  if (typeof region !== 'string' || dataset.regionIndex.has(region)) return [];
  const ids = dataset.regions.map((r) => r.id);
  const known = ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} … ${ids[ids.length - 1]}`;
  return [{ where, message: `unknown region id '${region}' (the dataset has ${known}; null for national)` }];
}

/**
 * Validates one commitment (JSON already parsed): unknown keys, enums, quantities of its kind,
 * finite non-negative numbers, the year, and (given a dataset) the region. Throws ValidationError
 * with every issue, each located by its dotted path below `prefix`.
 */
export function parseCommitment(input: unknown, dataset?: Dataset, prefix: readonly PropertyKey[] = []): Commitment {
  const result = CommitmentInputSchema.safeParse(input);
  const regionIssues = dataset
    ? commitmentRegionIssues((input as { region?: unknown } | null)?.region, dataset, [...prefix, 'region'].join('.'))
    : [];
  if (!result.success) throw new ValidationError([...zodIssues(result.error, prefix, ''), ...regionIssues]);
  if (regionIssues.length > 0) throw new ValidationError(regionIssues);
  return result.data as Commitment;
}
