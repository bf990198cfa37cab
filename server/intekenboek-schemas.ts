import { z } from 'zod';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  CommitmentInputSchema,
  DEFAULT_COUNTED_STATUSES,
  QUANTITY_NAMES,
} from '../engine/index.ts';
import { DatasetIdSchema } from './schemas.ts';

/** API schemas of the intekenboek (commitments, summary, built scenario). */

const quantities = z.object({
  ...Object.fromEntries(QUANTITY_NAMES.map((name) => [name, z.number().optional()])),
  purpose: z.string().optional(),
});

const commitmentFields = {
  actor: z.string(),
  actorKind: z.string(),
  region: z.string().nullable(),
  kind: z.enum(COMMITMENT_KINDS as [string, ...string[]]),
  quantities,
  year: z.number().int(),
  status: z.enum(COMMITMENT_STATUSES),
  source: z.string(),
  note: z.string(),
  author: z.string(),
};

/** POST and PUT body: a commitment. */
export const CommitmentBodySchema = CommitmentInputSchema;
/** PUT query: `?baseVersion=N`. */
export const CommitmentUpdateSchema = z.strictObject({
  baseVersion: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional()
    .meta({ description: 'The version this change is based on; 409 when a newer version exists' }),
});

export const CommitmentRecordSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    latestVersion: z.number().int(),
    example: z.boolean().meta({ description: 'Part of the example register loaded on first start' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    ...commitmentFields,
  })
  .meta({ id: 'Commitment' });

export const CommitmentVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  ...commitmentFields,
});

export const WithdrawBodySchema = z.strictObject({
  author: z.string().max(200, 'at most 200 characters').default(''),
  note: z.string().max(4000, 'at most 4000 characters').optional().meta({ description: 'Why; default: the old note' }),
});

export const CommitmentListQuerySchema = z.strictObject({
  region: z.string().min(1).max(64).optional().meta({ description: "A region id, or 'NL' for national commitments" }),
  actor: z.string().min(1).max(200).optional().meta({ description: 'Part of the actor name (case-insensitive)' }),
  kind: z
    .enum(COMMITMENT_KINDS as [string, ...string[]], { error: `must be one of ${COMMITMENT_KINDS.join(', ')}` })
    .optional(),
  status: z.enum(COMMITMENT_STATUSES, { error: `must be one of ${COMMITMENT_STATUSES.join(', ')}` }).optional(),
});

/** `counted=vastgesteld,vergund`: the statuses counted towards the target. */
const countedStatuses = z
  .string()
  .transform((text, ctx) => {
    const values = text.split(',').map((value) => value.trim());
    const bad = values.filter((value) => !(COMMITMENT_STATUSES as readonly string[]).includes(value));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown status ${bad.map((b) => `'${b}'`).join(', ')} (statuses: ${COMMITMENT_STATUSES.join(', ')})`,
      });
      return z.NEVER;
    }
    return [...new Set(values)] as (typeof COMMITMENT_STATUSES)[number][];
  })
  .optional()
  .meta({
    description: `Comma-separated statuses counted towards the target; default ${DEFAULT_COUNTED_STATUSES.join(',')}`,
    example: 'vastgesteld,vergund,gerealiseerd',
  });

export const IntekenboekQuerySchema = z.strictObject({
  counted: countedStatuses,
  targetTWh: z.coerce
    .number({ error: 'must be a number' })
    .refine((x) => Number.isFinite(x) && x > 0, 'must be a finite number greater than 0')
    .optional()
    .meta({ description: 'The national RES target; default 35' }),
  dataset: DatasetIdSchema.optional(),
});

const kindSums = z.record(z.string(), z.number());
const kindTotals = z.record(z.string(), z.object({ byStatus: z.record(z.string(), kindSums), counted: kindSums }));
const escalationEntry = z.object({
  region: z.string(),
  name: z.string(),
  countedTWh: z.number(),
  fairShareTWh: z.number(),
  gapTWh: z.number(),
});

export const SummaryResponseSchema = z.object({
  dataset: z.string(),
  countedStatuses: z.array(z.string()),
  targetTWh: z.number(),
  commitments: z.number().int(),
  national: kindTotals,
  unassigned: kindTotals,
  regions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      totals: kindTotals,
      res: z.object({
        countedTWh: z.number(),
        datasetTWh: z.number(),
        fairShareTWh: z.number(),
        gapTWh: z.number(),
        belowFairShare: z.boolean(),
      }),
    }),
  ),
  res: z.object({
    countedTWh: z.number(),
    targetTWh: z.number(),
    gapTWh: z.number(),
    route35Triggered: z.boolean(),
    escalation: z.array(escalationEntry),
  }),
});

export const BuiltScenarioSchema = z.object({
  dataset: z.string(),
  countedStatuses: z.array(z.string()),
  scenario: z.record(z.string(), z.unknown()),
  regions: z.record(z.string(), z.array(z.string())).meta({ description: 'Per region, the kinds that changed it' }),
  unplaced: z.record(z.string(), z.number()).meta({ description: 'Counted commitments without a region, per kind' }),
  warnings: z.array(z.string()),
});

export const ImportResultSchema = z.object({
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  ids: z.array(z.string()),
});
