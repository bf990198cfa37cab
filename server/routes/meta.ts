import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { regionFieldsOf } from '../../engine/index.ts';
import type { App, AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { DatasetIdSchema, DatasetInfoSchema, ErrorSchema, HealthSchema, RegionsResponseSchema } from '../schemas.ts';

/** Attribution of the region map (scenarios/sources/PROVENANCE.md, geo/). */
export const GEO_PROVENANCE = {
  source: 'Kadaster / CBS 2023',
  licence: 'CC BY 4.0',
  attribution: 'Kadaster / Centraal Bureau voor de Statistiek (CBS), 2023, CC BY 4.0; simplified by cartomap/nl',
  simplifiedBy: 'cartomap/nl',
  notes: 'Municipal boundaries 2023 dissolved into the 30 RES regions (res_code, res_name); WGS84, 3 decimals.',
};

/** Health, datasets, regions and the region map. */
export function registerMetaRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: 'Liveness and load', response: { 200: HealthSchema } } },
    async () => ({
      status: 'ok' as const,
      version: ctx.version,
      uptimeSeconds: Math.round((performance.now() - ctx.startedAt) / 100) / 10,
      sweepsRunning: ctx.sweeps.runningCount,
    }),
  );

  app.get(
    '/api/datasets',
    {
      schema: {
        tags: ['data'],
        summary: 'Datasets under scenarios/data',
        response: { 200: z.array(DatasetInfoSchema) },
      },
    },
    async () => ctx.datasets.list(),
  );

  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['data'],
        summary: 'Region data of a dataset (after the default grid-capacity rules)',
        querystring: z.strictObject({ dataset: DatasetIdSchema.optional() }),
        response: { 200: RegionsResponseSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const id = request.query.dataset ?? ctx.datasets.defaultId;
      const dataset = ctx.datasets.get(id);
      return {
        dataset: id,
        hours: dataset.hours,
        regions: dataset.regions.map((region) => ({
          ...regionFieldsOf(region),
          derived: { ...region.derived },
        })),
      };
    },
  );

  let geojson: Promise<string> | undefined;
  app.get(
    '/api/regions.geojson',
    { schema: { tags: ['data'], summary: 'Outlines of the RES regions (GeoJSON FeatureCollection with provenance)' } },
    async (_request, reply) => {
      geojson ??= readFile(ctx.geojsonFile, 'utf8').then((text) => {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        return JSON.stringify({ type: parsed.type, provenance: GEO_PROVENANCE, ...parsed });
      });
      let body: string;
      try {
        body = await geojson;
      } catch (error) {
        geojson = undefined;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new HttpError(404, 'the region map is not available');
        throw error;
      }
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(body);
    },
  );
}
