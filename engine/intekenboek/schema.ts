import { z } from 'zod';
import {
  ACTOR_KINDS,
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  KIND_QUANTITIES,
  QUANTITY_NAMES,
  type QuantityName,
  YEAR_RANGE,
} from './types.ts';

/** A lone UTF-16 surrogate cannot be stored as UTF-8 text, so the stored record would differ from the sent one. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function text(max: number) {
  return z
    .string({ error: 'must be a string' })
    .max(max, `at most ${max} characters`)
    .refine((value) => !LONE_SURROGATE.test(value), 'must be valid Unicode text (it has a lone surrogate)');
}

const HOMES = new Set<QuantityName>(KIND_QUANTITIES.warmte);

/**
 * Upper bounds far above anything real (the Netherlands uses about 120 TWh of electricity, has about
 * 8 million homes), so that sums and the built scenario stay finite.
 */
export const QUANTITY_MAXIMUM: Record<QuantityName, number> = {
  solarRoofTWh: 1000,
  solarFieldTWh: 1000,
  windTWh: 1000,
  feedinMW: 1e6,
  offtakeMW: 1e6,
  homesAllElectric: 1e8,
  homesHybrid: 1e8,
  homesHeatNet: 1e8,
  homesInsulationOnly: 1e8,
  eur: 1e13,
};

function quantity(name: QuantityName) {
  const max = QUANTITY_MAXIMUM[name];
  const base = z
    .number({ error: 'must be a finite number' })
    .refine((x) => x >= 0, { error: (issue) => `must not be negative, got ${issue.input}` })
    .refine((x) => x <= max, { error: (issue) => `must be at most ${max}, got ${issue.input}` });
  return (HOMES.has(name) ? base.refine(Number.isInteger, 'must be a whole number of homes') : base).optional();
}

/** Every quantity any kind may have; which ones a commitment may give depends on its kind (checked below). */
export const QuantitiesSchema = z.strictObject({
  ...(Object.fromEntries(QUANTITY_NAMES.map((name) => [name, quantity(name)])) as Record<
    QuantityName,
    ReturnType<typeof quantity>
  >),
  purpose: text(500).trim().optional().meta({ description: 'financiering only: what the money is for' }),
});

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** The fields of a commitment as sent by a client (API body, CSV row); quantities are checked against the kind. */
export const CommitmentInputSchema = z
  .strictObject({
    actor: text(200).trim().min(1, 'must not be empty').meta({ example: 'RES-regio Groningen' }),
    actorKind: enumOf(ACTOR_KINDS),
    region: z
      .string({ error: 'must be a region id or null (national)' })
      .min(1, 'must be a region id or null (national)')
      .max(64)
      .nullable()
      .meta({ description: 'A region id of the dataset (ES01 …), or null for a national commitment', example: 'ES01' }),
    kind: enumOf(COMMITMENT_KINDS as [string, ...string[]]),
    quantities: QuantitiesSchema,
    year: z
      .number({ error: 'must be a year such as 2030' })
      .int('must be a whole year')
      .min(YEAR_RANGE.min, `must be ${YEAR_RANGE.min} or later`)
      .max(YEAR_RANGE.max, `must be ${YEAR_RANGE.max} or earlier`)
      .meta({ description: 'Deadline year', example: 2030 }),
    status: enumOf(COMMITMENT_STATUSES),
    source: text(1000).trim().default('').meta({ description: 'Reference to the decision (URL or document)' }),
    note: text(4000).default(''),
    author: text(200).trim().default('').meta({ description: 'Free text: who recorded this version' }),
  })
  .superRefine((input, ctx) => {
    const kind = input.kind as keyof typeof KIND_QUANTITIES;
    const own: readonly string[] = KIND_QUANTITIES[kind];
    const given = Object.keys(input.quantities).filter(
      (key) => (input.quantities as Record<string, unknown>)[key] !== undefined,
    );
    for (const key of given) {
      const allowed = own.includes(key) || (key === 'purpose' && kind === 'financiering');
      if (!allowed) {
        ctx.addIssue({
          code: 'custom',
          path: ['quantities', key],
          message: `not a quantity of kind '${kind}' (it has ${[...own, ...(kind === 'financiering' ? ['purpose'] : [])].join(', ')})`,
        });
      }
    }
    if (kind === 'financiering') {
      if (input.quantities.eur === undefined)
        ctx.addIssue({ code: 'custom', path: ['quantities', 'eur'], message: "kind 'financiering' needs eur" });
      if (!input.quantities.purpose)
        ctx.addIssue({
          code: 'custom',
          path: ['quantities', 'purpose'],
          message: "kind 'financiering' needs a purpose",
        });
    } else if (!own.some((name) => given.includes(name))) {
      ctx.addIssue({
        code: 'custom',
        path: ['quantities'],
        message: `kind '${kind}' needs at least one of ${own.join(', ')}`,
      });
    }
  });

export type CommitmentInput = z.input<typeof CommitmentInputSchema>;
