import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { fastifySSE } from '@fastify/sse';
import Fastify, { LogController, type FastifyReply, type FastifyServerOptions } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_MAX_SCENARIOS, PACKAGE_ROOT, type SweepFaults } from '../engine/index.ts';
import type { App, AppContext } from './context.ts';
import { type AuthOptions, registerAuth } from './auth/plugin.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { DatasetCatalog } from './datasets.ts';
import { lockDataDir, openDatabase, prepareDataDir, type Db } from './db.ts';
import { errorHandler, validatorCompiler } from './errors.ts';
import { CommitmentStore } from './commitments.ts';
import { ScenarioLibrary } from './library.ts';
import { registerEvaluateRoutes } from './routes/evaluate.ts';
import { registerIntekenboekRoutes } from './routes/intekenboek.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerScenarioRoutes } from './routes/scenarios.ts';
import { registerSweepRoutes } from './routes/sweeps.ts';
import { SweepJobs } from './sweeps.ts';
import { recordRoutes } from './allowed-methods.ts';

/** The repository (package) root, the same from server/ and from the compiled dist/server/. */
export const REPO_ROOT = PACKAGE_ROOT;

export interface AppOptions {
  /** SQLite database and sweep results; default `$SAMENHANG_DATA_DIR` or `./var`. */
  dataDir?: string;
  /** Folder of datasets (one sub-folder each); default `scenarios/data` of the repository. */
  datasetsDir?: string;
  /** Dataset used when a request names none; default `nl-res30` (else the first one). */
  defaultDataset?: string;
  /** The RES region map; default `scenarios/sources/geo/res_regions_2023.geojson`. */
  geojsonFile?: string;
  /** Built UI served at `/` when the folder exists (SPA fallback to index.html). */
  uiDir?: string;
  /** Largest request body in bytes (413 beyond); default 1 MiB. */
  bodyLimit?: number;
  /** Most scenarios in one sweep; default 1,000,000. */
  maxSweepScenarios?: number;
  /** Most sweeps queued or running at once (429 beyond); default 2. */
  maxConcurrentSweeps?: number;
  /** Worker threads of the sweep pool; default the number of CPUs. */
  sweepWorkers?: number;
  /**
   * Redis URL of remote sweep workers (`samenhang worker`, docs/scale-out.md): sweeps are queued
   * there instead of run on this machine's threads. Default none. May carry a password: never logged.
   */
  sweepRedisUrl?: string;
  /** Time allowed to receive a whole request, ms; default 30 s. */
  requestTimeout?: number;
  /** Socket inactivity timeout, ms; default 120 s (SSE sends heartbeats well within). */
  connectionTimeout?: number;
  /** SSE heartbeat interval, ms; default 15 s. */
  sseHeartbeat?: number;
  /** fastify logger option; default off. */
  logger?: FastifyServerOptions['logger'];
  /** Log every request (fastify's request logging); default false: only errors and events. */
  logRequests?: boolean;
  /**
   * Tests only: faults injected into the sweep workers of a job (a throw or a thread exit at a
   * scenario index), chosen per job. Not reachable through the HTTP API.
   */
  sweepFaults?: (job: { id: string; name: string }) => SweepFaults | undefined;
  /** The reverse proxy whose X-Forwarded-For/-Proto headers are believed (fastify trustProxy); default none. */
  trustProxy?: string;
  /** Sign-in and roles (docs/security.md); default open: the single-user loopback server. */
  auth?: AuthOptions;
}

/** Headers of every response (also those fastify answers before routing, such as a malformed URL). */
function securityHeaders(requestId: string): Record<string, string> {
  return {
    'x-request-id': requestId,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Builds the HTTP API (not listening): see docs/api.md. Throws DataDirError for an unusable data directory. */
export async function buildApp(options: AppOptions = {}): Promise<App> {
  const { dataDir, sweepsDir } = prepareDataDir(options.dataDir ?? process.env.SAMENHANG_DATA_DIR ?? './var');
  const unlock = lockDataDir(dataDir);
  let db: Db;
  try {
    db = openDatabase(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  try {
    return await assemble(options, dataDir, sweepsDir, db, unlock);
  } catch (error) {
    db.close();
    unlock();
    throw error;
  }
}

async function assemble(
  options: AppOptions,
  dataDir: string,
  sweepsDir: string,
  db: Db,
  unlock: () => void,
): Promise<App> {
  const app: App = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestTimeout: options.requestTimeout ?? 30_000,
    connectionTimeout: options.connectionTimeout ?? 120_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    genReqId: () => randomUUID(),
    // A malformed URL (bad percent-encoding) is answered like every other invalid input, without echoing it.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      const message =
        error.code === 'FST_ERR_BAD_URL'
          ? 'the URL is not valid (malformed percent-encoding)'
          : 'the request is not valid';
      void reply
        .code(400)
        .headers(securityHeaders(request.id))
        .send({ error: 'invalid input', issues: [{ path: 'url', message }] });
    },
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.removeContentTypeParser('text/plain'); // JSON only: other bodies are 415
  const routeTable = recordRoutes(app);

  const datasets = new DatasetCatalog(
    options.datasetsDir ?? join(REPO_ROOT, 'scenarios', 'data'),
    options.defaultDataset ?? 'nl-res30',
  );
  const sweeps = new SweepJobs({
    db,
    sweepsDir,
    datasets,
    maxConcurrent: options.maxConcurrentSweeps ?? 2,
    maxScenarios: options.maxSweepScenarios ?? DEFAULT_MAX_SCENARIOS,
    workers: options.sweepWorkers ?? Math.max(1, availableParallelism()),
    redisUrl: options.sweepRedisUrl,
    log: app.log,
    faults: options.sweepFaults,
  });
  const ctx: AppContext = {
    version: packageVersion(),
    startedAt: performance.now(),
    db,
    dataDir,
    datasets,
    library: new ScenarioLibrary(db),
    commitments: new CommitmentStore(db),
    sweeps,
    geojsonFile: options.geojsonFile ?? join(REPO_ROOT, 'scenarios', 'sources', 'geo', 'res_regions_2023.geojson'),
  };

  app.decorate('samenhang', ctx);

  // Stop sweeps before the server waits for open connections: event streams end with the jobs.
  app.addHook('preClose', async () => {
    await sweeps.close();
  });
  app.addHook('onClose', async () => {
    await sweeps.close();
    db.close();
    unlock();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders(request.id));
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samenhang API',
        description:
          'Scenario engine for the Dutch energy transition: evaluate scenarios, keep a versioned library, run sweeps. See docs/api.md.',
        version: ctx.version,
      },
      tags: [
        { name: 'meta', description: 'Health' },
        { name: 'data', description: 'Datasets, regions and the region map' },
        { name: 'evaluate', description: 'One scenario' },
        { name: 'scenarios', description: 'The scenario library' },
        { name: 'sweeps', description: 'Sweep jobs and their results' },
        { name: 'intekenboek', description: 'The register of commitments, Route 35 and doorrekenen' },
        { name: 'auth', description: 'Sign-in, API tokens, accounts and the audit trail (docs/security.md)' },
      ],
    },
    transform: createJsonSchemaTransform({
      skipList: [
        '/docs',
        '/docs/',
        '/docs/*',
        '/docs/json',
        '/docs/yaml',
        '/docs/static/*',
        '/docs/initOAuth',
        '/docs/uiConfig',
      ],
    }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(fastifySSE, { heartbeatInterval: options.sseHeartbeat ?? 15_000 });

  // Before any route: the auth plugin's onRoute hook sees every route, and its hooks guard them all.
  const auth = await registerAuth(app, db, options.auth);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAuthRoutes(app, auth);
  registerMetaRoutes(app, ctx);
  registerEvaluateRoutes(app, ctx);
  registerScenarioRoutes(app, ctx);
  registerSweepRoutes(app, ctx);
  registerIntekenboekRoutes(app, ctx);

  const uiDir = options.uiDir && existsSync(join(options.uiDir, 'index.html')) ? resolve(options.uiDir) : undefined;
  if (uiDir) await app.register(fastifyStatic, { root: uiDir, wildcard: true, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isApi = path === '/api' || path.startsWith('/api/');
    const isGet = request.method === 'GET' || request.method === 'HEAD';
    // SPA fallback: client-side routes get index.html; missing files (a dot in the last segment) stay 404.
    if (uiDir && !isApi && isGet && !/\.[^/]*$/.test(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html', uiDir);
    }
    if (!uiDir && path === '/' && isGet) {
      return reply
        .code(404)
        .send({ error: 'not found', hint: 'the UI is not built (npm run build:ui); the API docs are at /docs' });
    }
    // A known API path with another method: 405 with the methods it does allow (RFC 9110 §15.5.6).
    const allowed = isApi ? routeTable.allowedMethods(path) : [];
    if (allowed.length > 0) {
      return reply.code(405).header('allow', allowed.join(', ')).send({ error: 'method not allowed', allow: allowed });
    }
    return reply.code(404).send({ error: 'not found' });
  });

  return app;
}

/** The shared state of an app built by buildApp (for tests and main.ts). */
export function contextOf(app: App): AppContext {
  return app.samenhang;
}
