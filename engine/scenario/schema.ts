import { z } from 'zod';
import {
  BOUND_CHECKS,
  boundViolation,
  NATIONAL_PARAM_NAMES,
  nationalBound,
  REGIONAL_BOUNDS,
  REGIONAL_PARAM_NAMES,
  type Bound,
  type NationalParamName,
  type RegionalOverrides,
} from './parameters.ts';

/** A finite number within `bound`; zod's number already rejects NaN and ±Infinity. */
function boundedNumber(bound: Bound) {
  const base = z.number({
    error: (issue) =>
      issue.input === null
        ? 'must be a number (null is allowed only for solarShare and weatherYear)'
        : 'must be a finite number',
  });
  return bound === 'any'
    ? base
    : base.refine((x) => BOUND_CHECKS[bound].test(x), {
        error: (issue) => boundViolation(bound, issue.input as number),
      });
}

const nationalShape = Object.fromEntries(
  NATIONAL_PARAM_NAMES.map((name) => [name, boundedNumber(nationalBound(name)).optional()]),
) as Record<NationalParamName, z.ZodOptional<ReturnType<typeof boundedNumber>>>;

const regionalShape = Object.fromEntries(
  REGIONAL_PARAM_NAMES.map((name) => {
    const schema = boundedNumber(REGIONAL_BOUNDS[name]);
    return [name, (name === 'solarShare' ? schema.nullable() : schema).optional()];
  }),
);

/** `national.weatherYear`: null (the reference profiles) or a whole year; 1987.0 counts as 1987. */
const weatherYearSchema = z
  .number({ error: 'must be a whole year or null' })
  .refine(Number.isInteger, { error: (issue) => `must be a whole year or null, got ${issue.input}` })
  .nullable()
  .optional();

/** National parameter overrides (MODEL.md §1.3); unknown keys are errors. */
export const NationalOverridesSchema = z.strictObject({ ...nationalShape, weatherYear: weatherYearSchema });
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
  national: Partial<Record<NationalParamName, number>> & { weatherYear?: number | null };
  defaults: RegionalOverrides;
  regions: Record<string, RegionalOverrides>;
}
