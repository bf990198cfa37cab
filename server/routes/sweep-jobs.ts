import { z } from 'zod';
import type { App, AppContext } from '../context.ts';
import { InputError } from '../errors.ts';
import { IdParamsSchema } from '../ids.ts';
import {
  DatasetIdSchema,
  ErrorSchema,
  InvalidInputSchema,
  SweepJobDetailSchema,
  SweepJobSchema,
  SweepSpecBodySchema,
} from '../schemas.ts';

const tags = ['sweeps'];

/** Sweep jobs: submit, list, show, follow (SSE), cancel and re-run. */
export function registerSweepJobRoutes(app: App, ctx: AppContext): void {
  registerSubmit(app, ctx);
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
  registerEvents(app, ctx);
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
}

/** `POST /api/sweeps`: validates the spec and starts the job; 202 with its id. */
function registerSubmit(app: App, ctx: AppContext): void {
  app.post(
    '/api/sweeps',
    {
      schema: {
        tags,
        summary: 'Start a sweep; 202 with its id',
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
}

/** `GET /api/sweeps/:id/events`: progress as server-sent events until the job ends. */
function registerEvents(app: App, ctx: AppContext): void {
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
        ctx.sweeps.get(request.params.id); // 404 before the event stream starts
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
}
