import { z } from 'zod';
import {
  NATIONAL_BOUNDS,
  NATIONAL_PARAM_NAMES,
  REGIONAL_BOUNDS,
  REGIONAL_PARAM_NAMES,
  type Bound,
  type NationalParamName,
  type RegionalOverrides,
} from './parameters.ts';

const BOUND_CHECKS: Record<Bound, { test: (x: number) => boolean; message: string }> = {
  nonNegative: { test: (x) => x >= 0, message: 'must not be negative' },
  positive: { test: (x) => x > 0, message: 'must be greater than 0' },
  share: { test: (x) => x >= 0 && x <= 1, message: 'must lie in [0, 1]' },
  openShare: { test: (x) => x > 0 && x <= 1, message: 'must lie in (0, 1]' },
  rate: { test: (x) => x > -1, message: 'must be greater than -1' },
  any: { test: () => true, message: '' },
};

/** A finite number within `bound`; zod's number already rejects NaN and ±Infinity. */
function boundedNumber(bound: Bound) {
  const check = BOUND_CHECKS[bound];
  const base = z.number({
    error: (issue) =>
      issue.input === null ? 'must be a number (null is allowed only for solarShare)' : 'must be a finite number',
  });
  return bound === 'any' ? base : base.refine(check.test, { error: (issue) => `${check.message}, got ${issue.input}` });
}

const nationalShape = Object.fromEntries(
  NATIONAL_PARAM_NAMES.map((name) => [name, boundedNumber(NATIONAL_BOUNDS[name] ?? 'nonNegative').optional()]),
) as Record<NationalParamName, z.ZodOptional<ReturnType<typeof boundedNumber>>>;

const regionalShape = Object.fromEntries(
  REGIONAL_PARAM_NAMES.map((name) => {
    const schema = boundedNumber(REGIONAL_BOUNDS[name]);
    return [name, (name === 'solarShare' ? schema.nullable() : schema).optional()];
  }),
);

/** National parameter overrides (MODEL.md §1.3); unknown keys are errors. */
export const NationalOverridesSchema = z.strictObject(nationalShape);
/** Regional parameter overrides for `defaults` or one region; unknown keys are errors. */
export const RegionalOverridesSchema = z.strictObject(regionalShape) as unknown as z.ZodType<RegionalOverrides>;

/** A scenario as JSON: `{ name, national, defaults, regions }` (MODEL.md §1.3). */
export const ScenarioSchema = z.strictObject({
  name: z.string({ error: 'must be a string' }).optional(),
  national: NationalOverridesSchema.optional(),
  defaults: RegionalOverridesSchema.optional(),
  regions: z.record(z.string(), RegionalOverridesSchema).optional(),
});

export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** A parsed scenario: every layer present (possibly empty). */
export interface Scenario {
  name: string;
  national: Partial<Record<NationalParamName, number>>;
  defaults: RegionalOverrides;
  regions: Record<string, RegionalOverrides>;
}
