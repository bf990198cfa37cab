import type { Dataset } from '../data/types.ts';
import { ValidationError } from '../errors.ts';
import { OUTPUTS, OUTPUT_COUNT } from './outputs.ts';

/**
 * Finite inputs can still overflow (a `resScale` of 1e308 gives Infinity MW, a lifetime of 5e-324
 * an Infinity annuity). Such a result is the input's fault and is never reported: evaluate
 * (CLI and API) and sweeps reject it with one message naming the first outputs affected.
 */
const TOO_LARGE = 'some values of the scenario are too large or too small for the model';

/** The message for results that are not finite; `bad` names the first offending values. */
export function nonFiniteMessage(bad: readonly string[]): string {
  return `the results are not finite numbers (${bad.join(', ')}): ${TOO_LARGE}`;
}

/**
 * Up to `limit` non-finite numbers in a result (plain objects, arrays of objects with an `id`,
 * typed arrays), each as `path = value`; empty when every number is finite.
 */
export function nonFiniteValues(value: unknown, limit = 3): string[] {
  const bad: string[] = [];
  const visit = (item: unknown, path: string): void => {
    if (bad.length >= limit) return;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) bad.push(`${path} = ${item}`);
    } else if (ArrayBuffer.isView(item) && !(item instanceof DataView)) {
      const array = item as unknown as ArrayLike<number>;
      for (let i = 0; i < array.length; i++) {
        if (!Number.isFinite(array[i])) {
          bad.push(`${path}[${i}] = ${array[i]}`);
          return;
        }
      }
    } else if (Array.isArray(item)) {
      item.forEach((element, i) => {
        visit(element, `${path}.${(element as { id?: string } | null)?.id ?? i}`);
      });
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, element] of Object.entries(item)) visit(element, path ? `${path}.${key}` : key);
    }
  };
  visit(value, '');
  return bad;
}

/** Throws a ValidationError located at `where` when `result` holds a non-finite number. */
export function checkFiniteResults(result: object, where = '(scenario)'): void {
  const bad = nonFiniteValues(result);
  if (bad.length > 0) throw new ValidationError([{ where, message: nonFiniteMessage(bad) }]);
}

/** Output columns that exist on region rows and on the national row (others are NaN there by design). */
const ON_REGION_ROWS = OUTPUTS.map((output) => output.scope !== 'national');
const ON_NATIONAL_ROW = OUTPUTS.map((output) => output.scope !== 'region');
/** Nullable outputs: NaN there is null (a share of 0 arable land), not an overflow; ±Infinity still is. */
const MAY_BE_NULL = OUTPUTS.map((output) => 'nullable' in output && output.nullable);

/**
 * The first non-finite output in output rows (regions, then the national row), as
 * `regions.<id>.<output> = value` or `national.<output> = value`; undefined when all are finite
 * (or null, for the nullable outputs).
 * A plain scan without allocation: sweeps run it on every scenario.
 */
export function firstNonFiniteOutput(dataset: Dataset, rows: Float64Array): string | undefined {
  const regionCount = dataset.regions.length;
  for (let r = 0; r <= regionCount; r++) {
    const applies = r < regionCount ? ON_REGION_ROWS : ON_NATIONAL_ROW;
    const offset = r * OUTPUT_COUNT;
    for (let k = 0; k < OUTPUT_COUNT; k++) {
      const value = rows[offset + k];
      if (applies[k] && !Number.isFinite(value) && !(MAY_BE_NULL[k] && Number.isNaN(value))) {
        const row = r < regionCount ? `regions.${dataset.regions[r].id}` : 'national';
        return `${row}.${OUTPUTS[k].name} = ${value}`;
      }
    }
  }
  return undefined;
}
