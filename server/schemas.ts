import { z } from 'zod';
import {
  isNullableOutput,
  NATIONAL_OUTPUT_NAMES,
  OUTPUT_NAMES,
  REGION_COLUMNS,
  REGION_OUTPUT_NAMES,
  DERIVED_REGION_COLUMNS,
  type RegionColumn,
  type RegionFields,
  ScenarioSchema,
  SweepSpecSchema,
  SWEEP_STATUSES,
} from '../engine/index.ts';
import { DATASET_ID_PATTERN } from './datasets.ts';
import { keyedUnion } from './errors.ts';

/** Shared API schemas; scenario and sweep schemas come from the engine, so API and engine validate alike. */

export const ErrorSchema = z.looseObject({ error: z.string() }).meta({ id: 'Error' });
export const InvalidInputSchema = z
  .object({
    error: z.literal('invalid input'),
    issues: z.array(z.object({ path: z.string().meta({ example: 'regions.ES01.storageMW' }), message: z.string() })),
    issueCount: z
      .number()
      .int()
      .optional()
      .meta({ description: 'How many problems there were in all, when `issues` lists only the first 100' }),
  })
  .meta({ id: 'InvalidInput' });
export const InternalErrorSchema = z.object({ error: z.literal('internal error'), requestId: z.string() });

export const DatasetIdSchema = z
  .string()
  .regex(DATASET_ID_PATTERN, { error: 'must be a dataset id such as nl-res30' })
  .meta({ description: 'Dataset id (folder name under scenarios/data)', example: 'nl-res30' });

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number(),
  sweepsRunning: z.number().int(),
});

/** A dataset warning: allowed, but it changes every result (see engine/data/warnings.ts). */
export const DatasetWarningSchema = z.object({
  code: z.string(),
  hours: z.number().int(),
  message: z.string(),
});

export const DatasetInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  weatherYear: z.number().int().nullable().meta({ description: 'Year of the reference profiles (profiles.csv)' }),
  weatherYears: z
    .array(z.number().int())
    .meta({ description: 'Every year national.weatherYear can take on this dataset (null = the reference)' }),
  regions: z.number().int(),
  hours: z.number().int(),
  default: z.boolean(),
  warnings: z.array(DatasetWarningSchema),
});

/** The API type of one `regions.csv` column's field. */
function regionFieldSchema(column: RegionColumn): z.ZodType {
  const base = column.kind === 'list' ? z.array(z.string()) : column.kind === 'number' ? z.number() : z.string();
  return (column.empty === 'null' ? base.nullable() : base).meta({ description: column.description });
}

/** One region: a field per `regions.csv` column (the engine's list) and the derived-cell flags. */
export const RegionInfoSchema = z.object({
  ...(Object.fromEntries(REGION_COLUMNS.map((c) => [c.name, regionFieldSchema(c)])) as {
    [K in keyof RegionFields]: z.ZodType<RegionFields[K]>;
  }),
  derived: z
    .object(Object.fromEntries(DERIVED_REGION_COLUMNS.map((name) => [name, z.boolean()])))
    .meta({ description: 'True where the dataset cell was empty and the default grid-capacity rule filled it in' }),
});

export const RegionsResponseSchema = z.object({
  dataset: z.string(),
  hours: z.number().int(),
  regions: z.array(RegionInfoSchema),
});

export const HourlyRequestSchema = z.strictObject({
  region: z.string().min(1).meta({ example: 'ES01' }),
  from: z.number().int('must be a whole number').min(0, 'must not be negative'),
  to: z.number().int('must be a whole number').min(1, 'must be at least 1'),
});

export const EvaluateWrapperSchema = z.strictObject({
  scenario: ScenarioSchema,
  dataset: DatasetIdSchema.optional(),
  hourly: HourlyRequestSchema.optional(),
});

/** `POST /api/evaluate`: a scenario, or `{ scenario, dataset?, hourly? }` (told apart by the `scenario` key). */
export const EvaluateBodySchema = keyedUnion(
  'scenario',
  EvaluateWrapperSchema,
  ScenarioSchema,
  z.union([EvaluateWrapperSchema, ScenarioSchema]),
);

/** A lone UTF-16 surrogate cannot be stored as UTF-8: SQLite would keep U+FFFD instead, so the save would not be what was sent. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .max(max, `at most ${max} characters`)
    .refine(
      (value) => !LONE_SURROGATE.test(value),
      'must be valid Unicode text (it has a lone surrogate, \\uD800–\\uDFFF)',
    );

export const ScenarioSaveSchema = z.strictObject({
  name: text(200).trim().min(1, 'must not be empty').meta({ example: 'Veel wind in het noorden' }),
  author: text(200).default('').meta({ description: 'Free text: who saved this version' }),
  note: text(4000).default('').meta({ description: 'Free text: what changed in this version' }),
  scenario: ScenarioSchema,
  baseVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'PUT only: the version this save is based on; 409 when a newer version exists' }),
});

export const SaveResultSchema = z.object({ id: z.string(), version: z.number().int() });

export const ScenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  author: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().optional(),
});

export const ScenarioRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  latestVersion: z.number().int(),
  author: z.string(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  scenario: z.record(z.string(), z.unknown()),
});

export const ScenarioVersionSchema = z.object({
  version: z.number().int(),
  name: z.string(),
  author: z.string(),
  note: z.string(),
  createdAt: z.string(),
});

export const SweepSpecBodySchema = SweepSpecSchema;

export const SweepStatusSchema = z.enum(SWEEP_STATUSES);

const SweepSummarySchema = z.object({
  scenarios: z.number().int(),
  rows: z.number().int(),
  seconds: z.number(),
  scenariosPerSecond: z.number(),
  hourlyRuns: z.number().int(),
});

export const SweepJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  dataset: z.string(),
  status: SweepStatusSchema,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  axisPaths: z.array(z.string()),
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  summary: SweepSummarySchema.nullable(),
});

export const SweepJobDetailSchema = SweepJobSchema.extend({ spec: z.unknown() });

export const ParetoResponseSchema = z.object({
  id: z.string(),
  objectives: z.object({ gridCapexEUR: z.literal('min'), resDeliveredTWh: z.literal('max'), landHa: z.literal('min') }),
  points: z.array(
    z.object({
      scenario: z.number().int(),
      gridCapexEUR: z.number(),
      resDeliveredTWh: z.number(),
      landHa: z.number(),
      axes: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

export const SensitivityQuerySchema = z.strictObject({
  output: z
    .enum(OUTPUT_NAMES as [string, ...string[]], { error: 'must be an output name such as gridCapexEUR' })
    .meta({ description: 'The output whose sensitivity to the axes is asked for', example: 'gridCapexEUR' }),
  region: z.string().min(1).max(64).default('NL').meta({
    description: "A region id of the sweep's dataset, or 'NL' (default) for the national rows",
    example: 'NL',
  }),
});

export const SensitivityResponseSchema = z.object({
  id: z.string(),
  output: z.string(),
  region: z.string(),
  axes: z.array(
    z.object({
      path: z.string(),
      lowValue: z.number(),
      highValue: z.number(),
      outputAtLow: z.number(),
      outputAtHigh: z.number(),
      swing: z.number(),
    }),
  ),
  axesWithoutBar: z
    .array(z.object({ path: z.string(), reason: z.enum(['noValues', 'oneAxisValue', 'notFinite']) }))
    .describe(
      'Axes without a bar: no row with a value of both (noValues), one axis value left (oneAxisValue), means overflow (notFinite)',
    ),
});

export const ResultQuerySchema = z.strictObject({
  format: z.enum(['arrow', 'csv', 'json']).default('arrow'),
  limit: z.coerce.number().int('must be a whole number').min(0, 'must not be negative').optional(),
  offset: z.coerce.number().int('must be a whole number').min(0, 'must not be negative').default(0),
  region: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: "Only the rows of one region id, or 'NL' for the national rows" }),
});

/** An output value: a number, or null for the outputs that may have none (a share of 0 arable land). */
const outputValue = (name: string) => (isNullableOutput(name) ? z.number().nullable() : z.number());
const RegionResultSchema = z.object({
  id: z.string(),
  ...Object.fromEntries(REGION_OUTPUT_NAMES.map((name) => [name, outputValue(name)])),
});
const NationalResultSchema = z.object(
  Object.fromEntries(
    NATIONAL_OUTPUT_NAMES.map((name) => [name, name === 'route35Triggered' ? z.boolean() : outputValue(name)]),
  ),
);
const series = z.array(z.number());

/** Evaluation results, plus the hourly series of one region when asked for. */
export const EvaluateResponseSchema = z.object({
  regions: z.array(RegionResultSchema),
  national: NationalResultSchema,
  /** E.g. profiles that are not a full year; empty for the bundled data. */
  warnings: z.array(DatasetWarningSchema),
  hourly: z
    .object({
      region: z.string(),
      from: z.number().int(),
      to: z.number().int(),
      feedinLimitMW: z.number(),
      offtakeLimitMW: z.number(),
      genMW: series,
      loadMW: series,
      netMW: series,
      netAfterStorageMW: series,
      socMWh: series,
      lvTransitionKWPerHome: series.meta({
        description: 'LV load per home of the transition class, kW, before the diversity margin (docs/model.md §9)',
      }),
      lvCapacityKWPerHome: z.number().meta({ description: "Today's LV capacity per home, kW (docs/model.md §9)" }),
    })
    .optional(),
});
