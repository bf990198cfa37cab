import type { FastifyReply } from 'fastify';
import { OUTPUTS, type OutputName } from '../../engine/index.ts';
import type { App, AppContext } from '../context.ts';
import { InputError } from '../errors.ts';
import { IdParamsSchema } from '../ids.ts';
import {
  ErrorSchema,
  InvalidInputSchema,
  ParetoResponseSchema,
  ResultQuerySchema,
  SensitivityQuerySchema,
  SensitivityResponseSchema,
} from '../schemas.ts';
import { arrowStreamOf, columnsOf, csvStreamOf, readRows } from '../sweep-results.ts';

const tags = ['sweeps'];
const JSON_ROW_LIMIT = 100_000;
const JSON_DEFAULT_LIMIT = 1000;

/** Results of a finished sweep: the table as Arrow, CSV or JSON, its Pareto front and tornado analysis. */
export function registerSweepResultRoutes(app: App, ctx: AppContext): void {
  registerResult(app, ctx);
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
  registerSensitivity(app, ctx);
}

/** A window of the result table: `limit` rows from `offset`, optionally of one region. */
interface ResultWindow {
  offset: number;
  limit: number | undefined;
  region: string | undefined;
}

/** `GET /api/sweeps/:id/result` in the format asked for. */
function registerResult(app: App, ctx: AppContext): void {
  app.get(
    '/api/sweeps/:id/result',
    {
      schema: {
        tags,
        summary: 'The result table: Arrow IPC stream (default), ?format=csv or ?format=json with limit/offset',
        description:
          'Columns: scenario (Int32), region (Utf8, NL for national rows), one Float64 column per axis path, then every model output ' +
          '(null where it does not apply). `region` filters on one region. JSON answers at most 100000 rows (default 1000).',
        params: IdParamsSchema,
        querystring: ResultQuerySchema,
        produces: ['application/vnd.apache.arrow.stream', 'text/csv', 'application/json'],
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format, offset, limit, region } = request.query;
      const window: ResultWindow = { offset, limit, region };
      const { file, job } = ctx.sweeps.doneResult(id);
      if (format === 'arrow') return sendArrow(reply, id, file, window);
      if (format === 'csv') return sendCsv(reply, id, file, window);
      const total = region ? (job.summary?.scenarios ?? 0) : (job.summary?.rows ?? 0);
      return { id, total, ...(await jsonPage(file, window)) };
    },
  );
}

/** The whole table as an Arrow IPC stream, straight from the file; windows apply to CSV and JSON only. */
async function sendArrow(reply: FastifyReply, id: string, file: string, window: ResultWindow) {
  if (window.limit !== undefined || window.offset !== 0 || window.region !== undefined) {
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

/** A window of the table as a CSV download, streamed. */
function sendCsv(reply: FastifyReply, id: string, file: string, window: ResultWindow) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="sweep-${id}.csv"`)
    .send(csvStreamOf(file, window));
}

/** A window of the table as JSON rows (at most JSON_ROW_LIMIT). */
async function jsonPage(file: string, window: ResultWindow) {
  const limit = window.limit ?? JSON_DEFAULT_LIMIT;
  if (limit > JSON_ROW_LIMIT)
    throw new InputError([{ path: 'query.limit', message: `must be at most ${JSON_ROW_LIMIT} for format=json` }]);
  const rows: Record<string, unknown>[] = [];
  let columns: string[] = [];
  for await (const { columns: names, row } of readRows(file, { ...window, limit })) {
    columns = names;
    rows.push(Object.fromEntries(names.map((name, c) => [name, row[c]])));
  }
  if (rows.length === 0) columns = await columnsOf(file);
  const { offset, region } = window;
  return { offset, limit, ...(region ? { region } : {}), columns, rows };
}

/** `GET /api/sweeps/:id/sensitivity`: the tornado analysis of one output. */
function registerSensitivity(app: App, ctx: AppContext): void {
  app.get(
    '/api/sweeps/:id/sensitivity',
    {
      schema: {
        tags,
        summary: 'Tornado analysis: the effect of each axis on one output, mean at its lowest vs highest values',
        description:
          'For each axis: the mean of `output` over the scenarios with the axis at its lowest value against its highest value ' +
          '(sampled axes: the lowest and highest quarter of the draws), on the national rows (`region=NL`, default) or one region. ' +
          'Sorted by the size of the swing (outputAtHigh − outputAtLow). An axis whose rows with a value of the output ' +
          'leave no two ends to compare (a nullable output empty at all other axis values, or an axis with one value) ' +
          'gets no bar but an entry in `axesWithoutBar` with the reason.',
        params: IdParamsSchema,
        querystring: SensitivityQuerySchema,
        response: { 200: SensitivityResponseSchema, 400: InvalidInputSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { output, region } = request.query;
      const analysis = await ctx.sweeps.sensitivity(id, output, region); // 404, 409, then 400 for a region the result lacks
      checkOutputScope(output as OutputName, region);
      return { id, output, region, ...analysis };
    },
  );
}

/** A regional output needs a region, a national one the national rows. */
function checkOutputScope(output: OutputName, region: string): void {
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
}
