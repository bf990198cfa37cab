import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CommitmentStore } from './commitments.ts';
import type { DatasetCatalog } from './datasets.ts';
import type { Db } from './db.ts';
import type { ScenarioLibrary } from './library.ts';
import type { SweepJobs } from './sweeps.ts';

/** The fastify instance with the zod type provider. */
export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What the route modules share. */
export interface AppContext {
  version: string;
  startedAt: number;
  db: Db;
  dataDir: string;
  datasets: DatasetCatalog;
  library: ScenarioLibrary;
  commitments: CommitmentStore;
  sweeps: SweepJobs;
  geojsonFile: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared state of an app built by buildApp (`app.decorate('samenhang', …)`). */
    samenhang: AppContext;
  }
}
