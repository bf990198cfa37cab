import { z } from 'zod';
import { OUTPUTS } from '../../engine/index.ts';
import type { App, AppContext } from '../context.ts';
import { InputError } from '../errors.ts';
import { IdParamsSchema } from '../ids.ts';
import {
  DatasetIdSchema,
  ErrorSchema,
  InvalidInputSchema,
  ParetoResponseSchema,
  ResultQuerySchema,
  SensitivityQuerySchema,
  SensitivityResponseSchema,
  SweepJobDetailSchema,
  SweepJobSchema,
  SweepSpecBodySchema,
} from '../schemas.ts';
import { arrowStreamOf, columnsOf, csvStreamOf, readRows } from '../sweep-results.ts';

const tags = ['sweeps'];
const JSON_ROW_LIMIT = 100_000;
const JSON_DEFAULT_LIMIT = 1000;

/** Sweep jobs: submit, follow (SSE), cancel, re-run, and read results as Arrow, CSV or JSON. */
export function registerSweepRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/sweeps',
    {
      schema: {
        tags,
        summary: 'Start a sweep (MODEL.md §5); 202 with its id',
        description:
          'The body is a sweep spec `{ base, axes, samples?, seed?, name? }`; `?dataset=` picks a dataset other than the default.',
        querystring: z.strictObject({ dataset: DatasetIdSchema.optional() }),
        body: SweepSpecBodySchema,
        response: {
          202: z.object({ id: z.string(), status: z.string(), total: z.number().int() }),
          400: InvalidInputSchema,
          429: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const datasetId = request.query.dataset;
      if (datasetId !== undefined && !ctx.datasets.has(datasetId)) {
        throw new InputError([
          { path: 'query.dataset', message: `unknown dataset '${datasetId}' (see GET /api/datasets)` },
        ]);
      }
      const job = ctx.sweeps.submit(request.body, datasetId);
      return reply
        .code(202)
        .header('location', `/api/sweeps/${job.id}`)
        .send({ id: job.id, status: job.status, total: job.progress.total });
    },
  );

  app.get(
    '/api/sweeps',
    { schema: { tags, summary: 'All sweep jobs, newest first', response: { 200: z.array(SweepJobSchema) } } },
    async () => ctx.sweeps.list(),
  );

  app.get(
    '/api/sweeps/:id',
    {
      schema: {
        tags,
        summary: 'Status, progress, timings and summary of a sweep',
        params: IdParamsSchema,
        response: { 200: SweepJobDetailSchema, 404: ErrorSchema },
      },
    },
    async (request) => ({ ...ctx.sweeps.get(request.params.id), spec: ctx.sweeps.spec(request.params.id) }),
  );

  app.get(
    '/api/sweeps/:id/events',
    {
      sse: 'only',
      schema: {
        tags,
        summary: 'Server-sent events: progress until done (events progress, done, failed, cancelled)',
        params: IdParamsSchema,
        produces: ['text/event-stream'],
      },
      preHandler: async (request) => {
        ctx.sweeps.get((request.params as { id: string }).id); // 404 before the event stream starts
      },
    },
    async (request, reply) => {
      const stop = new AbortController();
      reply.sse.onClose(() => stop.abort());
      let sequence = 0;
      const events = ctx.sweeps.stream(request.params.id, stop.signal);
      async function* messages() {
        for await (const event of events) yield { id: String(++sequence), event: event.event, data: event.data };
      }
      await reply.sse.send(messages());
    },
  );

  app.delete(
    '/api/sweeps/:id',
    {
      schema: {
        tags,
        summary: 'Cancel a queued or running sweep',
        params: IdParamsSchema,
        response: { 200: SweepJobSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => ctx.sweeps.cancel(request.params.id),
  );

  app.post(
    '/api/sweeps/:id/rerun',
    {
      schema: {
        tags,
        summary: 'Run an interrupted, failed or cancelled sweep again',
        params: IdParamsSchema,
        response: { 202: SweepJobSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => reply.code(202).send(ctx.sweeps.rerun(request.params.id)),
  );

  app.get(
    '/api/sweeps/:id/result',
    {
      schema: {
        tags,
        summary: 'The result table: Arrow IPC stream (default), ?format=csv or ?format=json with limit/offset',
        description:
          'Columns: scenario (Int32), region (Utf8, NL for national rows), one Float64 column per axis path, then every MODEL.md output ' +
          '(null where it does not apply). `region` filters on one region. JSON answers at most 100000 rows (default 1000).',
        params: IdParamsSchema,
        querystring: ResultQuerySchema,
        produces: ['application/vnd.apache.arrow.stream', 'text/csv', 'application/json'],
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format, offset, region } = request.query;
      const { file, job } = ctx.sweeps.doneResult(id);
      if (format === 'arrow') {
        if (request.query.limit !== undefined || offset !== 0 || region !== undefined) {
          throw new InputError([
            { path: 'query.format', message: 'limit, offset and region apply to format=csv and format=json' },
          ]);
        }
        const { length, stream } = await arrowStreamOf(file);
        return reply
          .type('application/vnd.apache.arrow.stream')
          .header('content-length', length)
          .header('content-disposition', `inline; filename="sweep-${id}.arrows"`)
          .send(stream);
      }
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="sweep-${id}.csv"`)
          .send(csvStreamOf(file, { offset, limit: request.query.limit, region }));
      }
      const limit = request.query.limit ?? JSON_DEFAULT_LIMIT;
      if (limit > JSON_ROW_LIMIT)
        throw new InputError([{ path: 'query.limit', message: `must be at most ${JSON_ROW_LIMIT} for format=json` }]);
      const rows: Record<string, unknown>[] = [];
      let columns: string[] = [];
      for await (const { columns: names, row } of readRows(file, { offset, limit, region })) {
        columns = names;
        rows.push(Object.fromEntries(names.map((name, c) => [name, row[c]])));
      }
      if (rows.length === 0) columns = await columnsOf(file);
      const total = region ? (job.summary?.scenarios ?? 0) : (job.summary?.rows ?? 0);
      return { id, total, offset, limit, ...(region ? { region } : {}), columns, rows };
    },
  );

  app.get(
    '/api/sweeps/:id/pareto',
    {
      schema: {
        tags,
        summary: 'Pareto front of the national rows: min grid capex, max delivered RES TWh, min land',
        params: IdParamsSchema,
        response: { 200: ParetoResponseSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => ({
      id: request.params.id,
      objectives: { gridCapexEUR: 'min' as const, resDeliveredTWh: 'max' as const, landHa: 'min' as const },
      points: await ctx.sweeps.pareto(request.params.id),
    }),
  );

  app.get(
    '/api/sweeps/:id/sensitivity',
    {
      schema: {
        tags,
        summary: 'Tornado analysis: the effect of each axis on one output, mean at its lowest vs highest values',
        description:
          'For each axis: the mean of `output` over the scenarios with the axis at its lowest value against its highest value ' +
          '(sampled axes: the lowest and highest quarter of the draws), on the national rows (`region=NL`, default) or one region. ' +
          'Sorted by the size of the swing (outputAtHigh − outputAtLow).',
        params: IdParamsSchema,
        querystring: SensitivityQuerySchema,
        response: { 200: SensitivityResponseSchema, 400: InvalidInputSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { output, region } = request.query;
      const axes = await ctx.sweeps.sensitivity(id, output, region); // 404, 409, then 400 for a region the result lacks
      const scope = OUTPUTS.find((o) => o.name === output)!.scope;
      if (scope === 'region' && region === 'NL') {
        throw new InputError([
          {
            path: 'query.output',
            message: `'${output}' exists per region only, not on the national rows: add region=<id>`,
          },
        ]);
      }
      if (scope === 'national' && region !== 'NL') {
        throw new InputError([
          { path: 'query.output', message: `'${output}' exists on the national rows only: use region=NL` },
        ]);
      }
      return { id, output, region, axes };
    },
  );
}
