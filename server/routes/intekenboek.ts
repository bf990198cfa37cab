import { z } from 'zod';
import {
  buildCommitmentScenario,
  type Commitment,
  commitmentsToCsv,
  DEFAULT_COUNTED_STATUSES,
  evaluate,
  parseCommitment,
  parseCommitmentCsv,
  parseScenario,
  summariseCommitments,
} from '../../engine/index.ts';
import { authorOf } from '../author.ts';
import type { App, AppContext } from '../context.ts';
import { InputError, withInputErrors } from '../errors.ts';
import { IdParamsSchema } from '../ids.ts';
import {
  BuiltScenarioSchema,
  CommitmentBodySchema,
  CommitmentListQuerySchema,
  CommitmentRecordSchema,
  CommitmentUpdateSchema,
  CommitmentVersionSchema,
  ImportResultSchema,
  IntekenboekQuerySchema,
  SummaryResponseSchema,
  WithdrawBodySchema,
} from '../intekenboek-schemas.ts';
import { ErrorSchema, EvaluateResponseSchema, InvalidInputSchema, SaveResultSchema } from '../schemas.ts';

const tags = ['intekenboek'];
const errors = { 400: InvalidInputSchema, 404: ErrorSchema };
/** Largest CSV import, bytes (a register of tens of thousands of rows). */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

type Query = z.output<typeof IntekenboekQuerySchema>;

/** The register (commitments with versions), its summary against the RES target, "doorrekenen", CSV. */
export function registerIntekenboekRoutes(app: App, ctx: AppContext): void {
  const store = ctx.commitments;
  /** Commitments are checked against the default dataset: every dataset has the same region ids. */
  const validate = (input: unknown, author: string): Commitment =>
    withInputErrors(() => parseCommitment({ ...(input as object), author }, ctx.datasets.get()));
  const datasetOf = (query: Query) => {
    if (query.dataset !== undefined && !ctx.datasets.has(query.dataset)) {
      throw new InputError([
        { path: 'query.dataset', message: `unknown dataset '${query.dataset}' (see GET /api/datasets)` },
      ]);
    }
    return { id: query.dataset ?? ctx.datasets.defaultId, dataset: ctx.datasets.get(query.dataset) };
  };
  const built = (query: Query) => {
    const { id, dataset } = datasetOf(query);
    const countedStatuses = query.counted;
    const scenario = buildCommitmentScenario(store.latest(), dataset, { countedStatuses });
    return {
      dataset: id,
      countedStatuses: countedStatuses ?? [...DEFAULT_COUNTED_STATUSES],
      ...scenario,
    };
  };

  app.get(
    '/api/commitments',
    {
      schema: {
        tags,
        summary: 'List commitments (latest versions), filtered by region, actor, kind or status',
        querystring: CommitmentListQuerySchema,
        response: { 200: z.array(CommitmentRecordSchema), 400: InvalidInputSchema },
      },
    },
    async (request) => store.list(request.query as Parameters<typeof store.list>[0]),
  );

  app.post(
    '/api/commitments',
    {
      schema: {
        tags,
        summary: 'Record a new commitment (version 1)',
        body: CommitmentBodySchema,
        response: { 201: SaveResultSchema, 400: InvalidInputSchema },
      },
    },
    async (request, reply) => {
      const commitment = validate(request.body, authorOf(request, request.body.author));
      const saved = store.create(commitment);
      return reply.code(201).header('location', `/api/commitments/${saved.id}`).send(saved);
    },
  );

  app.get(
    '/api/commitments/:id',
    {
      schema: {
        tags,
        summary: 'The latest version of a commitment, or ?version=N',
        params: IdParamsSchema,
        querystring: z.strictObject({
          version: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
        }),
        response: { 200: CommitmentRecordSchema, ...errors },
      },
    },
    async (request) => store.get(request.params.id, request.query.version),
  );

  app.put(
    '/api/commitments/:id',
    {
      schema: {
        tags,
        summary: 'Record a new version of a commitment (?baseVersion=N: 409 when a newer version exists)',
        params: IdParamsSchema,
        querystring: CommitmentUpdateSchema,
        body: CommitmentBodySchema,
        response: { 200: SaveResultSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => {
      const commitment = validate(request.body, authorOf(request, request.body.author));
      return store.update(request.params.id, commitment, request.query.baseVersion);
    },
  );

  app.post(
    '/api/commitments/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a commitment: a new version with status ingetrokken (history is kept; there is no delete)',
        params: IdParamsSchema,
        body: WithdrawBodySchema,
        response: { 200: SaveResultSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => store.withdraw(request.params.id, authorOf(request, request.body.author), request.body.note),
  );

  app.get(
    '/api/commitments/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a commitment, oldest first (its history)',
        params: IdParamsSchema,
        response: { 200: z.object({ id: z.string(), versions: z.array(CommitmentVersionSchema) }), ...errors },
      },
    },
    async (request) => ({ id: request.params.id, versions: store.versions(request.params.id) }),
  );

  app.get(
    '/api/intekenboek/summary',
    {
      schema: {
        tags,
        summary:
          'Sums per region and nationally by kind and status, RES against the target, Route 35 and escalation list',
        querystring: IntekenboekQuerySchema,
        response: { 200: SummaryResponseSchema, 400: InvalidInputSchema },
      },
    },
    async (request) => {
      const { id, dataset } = datasetOf(request.query);
      const summary = summariseCommitments(store.latest(), dataset, {
        countedStatuses: request.query.counted,
        targetTWh: request.query.targetTWh,
      });
      return { dataset: id, ...summary };
    },
  );

  app.get(
    '/api/intekenboek/scenario',
    {
      schema: {
        tags,
        summary: '"Doorrekenen": the scenario built from the counted commitments (evaluate it with POST /api/evaluate)',
        querystring: IntekenboekQuerySchema.omit({ targetTWh: true }),
        response: { 200: BuiltScenarioSchema, 400: InvalidInputSchema },
      },
    },
    async (request) => built(request.query),
  );

  app.get(
    '/api/intekenboek/evaluation',
    {
      schema: {
        tags,
        summary: 'The built scenario and its results in one call',
        querystring: IntekenboekQuerySchema.omit({ targetTWh: true }),
        response: {
          200: BuiltScenarioSchema.extend({ result: EvaluateResponseSchema }),
          400: InvalidInputSchema,
        },
      },
    },
    async (request) => {
      const scenario = built(request.query);
      const dataset = ctx.datasets.get(scenario.dataset);
      const result = evaluate(
        dataset,
        withInputErrors(() => parseScenario(scenario.scenario, dataset), 'scenario'),
      );
      return { ...scenario, result: { ...result, warnings: [...dataset.warnings] } };
    },
  );

  app.get(
    '/api/intekenboek/export.csv',
    {
      schema: {
        tags,
        summary: 'The register as CSV (latest versions; comma separator, decimal point, UTF-8 with BOM)',
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'text/csv' }) },
      },
    },
    async (_request, reply) => {
      const csv = commitmentsToCsv(store.list());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="intekenboek.csv"')
        .send(`\uFEFF${csv}`);
    },
  );

  // The CSV body parser lives in its own plugin scope, so the other routes stay JSON only.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/intekenboek/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Import commitments from CSV (content-type text/csv): all rows or none; every bad row named by line and column',
          description:
            'Columns as in the export; a row with an id becomes a new version of that commitment, a row without one a new commitment. ' +
            'An empty region is a national commitment. `version` and `updatedAt` are ignored. Optional `?author=` is recorded as the author of rows that name none.',
          querystring: z.strictObject({ author: z.string().max(200, 'at most 200 characters').optional() }),
          consumes: ['text/csv'],
          body: z.string().meta({ description: 'text/csv' }),
          response: { 200: ImportResultSchema, 400: InvalidInputSchema, 415: ErrorSchema },
        },
      },
      async (request) => {
        const dataset = ctx.datasets.get();
        const rows = withInputErrors(() => parseCommitmentCsv(request.body, dataset));
        const fallback = authorOf(request, request.query.author);
        for (const row of rows) row.commitment.author = authorOf(request, row.commitment.author || fallback);
        const result = store.importRows(rows);
        return { imported: rows.length, ...result };
      },
    );
  });
}
