import { z } from 'zod';
import { parseScenario } from '../../engine/index.ts';
import type { App, AppContext } from '../context.ts';
import { withInputErrors } from '../errors.ts';
import { IdParamsSchema } from '../ids.ts';
import {
  ErrorSchema,
  InvalidInputSchema,
  SaveResultSchema,
  ScenarioRecordSchema,
  ScenarioSaveSchema,
  ScenarioSummarySchema,
  ScenarioVersionSchema,
} from '../schemas.ts';

const tags = ['scenarios'];
const errors = { 400: InvalidInputSchema, 404: ErrorSchema };

/** The scenario library: versioned saves, soft delete and restore. */
export function registerScenarioRoutes(app: App, ctx: AppContext): void {
  /** The engine checks a scenario against the default dataset before it is saved. */
  const validate = (scenario: unknown) =>
    withInputErrors(() => parseScenario(scenario, ctx.datasets.get()), 'scenario');

  app.get(
    '/api/scenarios',
    {
      schema: {
        tags,
        summary: 'List saved scenarios (latest versions); ?deleted=true lists the deleted ones',
        querystring: z.strictObject({ deleted: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(ScenarioSummarySchema) },
      },
    },
    async (request) => ctx.library.list({ deleted: request.query.deleted === 'true' }),
  );

  app.post(
    '/api/scenarios',
    {
      schema: {
        tags,
        summary: 'Save a new scenario',
        body: ScenarioSaveSchema,
        response: { 201: SaveResultSchema, 400: InvalidInputSchema },
      },
    },
    async (request, reply) => {
      const { name, author, note, scenario } = request.body;
      validate(scenario);
      const saved = ctx.library.create({ name, author, note, scenario });
      return reply.code(201).header('location', `/api/scenarios/${saved.id}`).send(saved);
    },
  );

  app.get(
    '/api/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'The latest version of a scenario, or ?version=N',
        params: IdParamsSchema,
        querystring: z.strictObject({
          version: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
        }),
        response: { 200: ScenarioRecordSchema, ...errors },
      },
    },
    async (request) => ctx.library.get(request.params.id, request.query.version),
  );

  app.put(
    '/api/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'Save a new version of a scenario',
        params: IdParamsSchema,
        body: ScenarioSaveSchema,
        response: { 200: SaveResultSchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { name, author, note, scenario, baseVersion } = request.body;
      validate(scenario);
      return ctx.library.update(request.params.id, { name, author, note, scenario }, baseVersion);
    },
  );

  app.delete(
    '/api/scenarios/:id',
    {
      schema: { tags, summary: 'Delete a scenario (soft: POST …/restore brings it back); 204', params: IdParamsSchema },
    },
    async (request, reply) => {
      ctx.library.softDelete(request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/scenarios/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a deleted scenario',
        params: IdParamsSchema,
        response: { 200: ScenarioSummarySchema, ...errors, 409: ErrorSchema },
      },
    },
    async (request) => ctx.library.restore(request.params.id),
  );

  app.get(
    '/api/scenarios/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every saved version of a scenario (without the scenario bodies)',
        params: IdParamsSchema,
        response: { 200: z.object({ id: z.string(), versions: z.array(ScenarioVersionSchema) }), ...errors },
      },
    },
    async (request) => ({ id: request.params.id, versions: ctx.library.versions(request.params.id) }),
  );
}
