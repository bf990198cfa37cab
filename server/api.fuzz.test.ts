/**
 * Fuzzing every API route through app.inject(): odd methods, paths, ids, query strings, content
 * types and bodies (huge numbers, deep nesting, prototype keys, unicode, NaN-like strings).
 * The server never answers 5xx, error bodies carry no stack traces or server paths, and the saved
 * library is unchanged by the run. `FUZZ_RUNS=N` sets the requests per property (engine/testing/fuzz-support.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countInput,
  deepJson,
  fuzzParameters,
  noteFuzz,
  oddNumber,
  oddString,
  oddValue,
  PROTO_KEYS,
  scenarioLike,
  sweepLike,
  writeFuzzReport,
} from '../engine/testing/fuzz-support.ts';
import { contextOf, REPO_ROOT } from './app.ts';
import type { App } from './context.ts';
import { sweepEnded, tempDir, tinyApp, TINY_SCENARIO } from './test-support.ts';

const IDS = ['T1', 'T2', 'T3', 'T4'];
let app: App;
let root: string;
let cleanup: () => Promise<void>;
let uiRoot: string;
const existing = { scenarios: [] as string[], deleted: '' as string, sweep: '' };
/** Ids that a fuzz request changed with a 2xx answer (acknowledged writes, not losses). */
const acknowledged = new Set<string>();
let before: Snapshot;

type Snapshot = Record<string, unknown>;

async function json(url: string) {
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res.json();
}

/** Everything saved: every scenario (live and deleted) with every version, every sweep and its result file. */
async function snapshot(ids: Set<string>): Promise<Snapshot> {
  const out: Snapshot = {};
  const live = (await json('/api/scenarios')) as Array<{ id: string }>;
  const deleted = (await json('/api/scenarios?deleted=true')) as Array<{ id: string }>;
  for (const summary of [...live, ...deleted]) {
    if (!ids.has(summary.id)) continue;
    const ctx = contextOf(app);
    const versions = ctx.db
      .prepare('SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY version')
      .all(summary.id);
    const head = ctx.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(summary.id);
    out[`scenario ${summary.id}`] = { summary, head, versions };
  }
  for (const sweep of (await json('/api/sweeps')) as Array<{ id: string; status: string }>) {
    if (!ids.has(sweep.id)) continue;
    const file = join(root, 'var', 'sweeps', `${sweep.id}.arrow`);
    out[`sweep ${sweep.id}`] = { ...sweep, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
  }
  return out;
}

/** The job once it has ended (followed on its event stream: no polling, no clock). */
const waitDone = (id: string) => sweepEnded(app, id);

beforeAll(async () => {
  uiRoot = tempDir();
  const uiDir = join(uiRoot, 'ui');
  mkdirSync(join(uiDir, 'assets'), { recursive: true });
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(uiRoot, 'secret.txt'), 'secret');
  ({ app, root, cleanup } = await tinyApp({ maxSweepScenarios: 40, maxConcurrentSweeps: 2, uiDir }));
  for (const [i, scenario] of [TINY_SCENARIO, {}, { regions: { T2: { storageMW: 3, storageMWh: 6 } } }].entries()) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { name: `fuzz seed ${i}`, author: 'fuzz', note: 'ü ✓ 😀', scenario },
    });
    expect(res.statusCode).toBe(201);
    existing.scenarios.push(res.json().id);
  }
  const id0 = existing.scenarios[0];
  expect(
    (
      await app.inject({
        method: 'PUT',
        url: `/api/scenarios/${id0}`,
        payload: { name: 'fuzz seed 0', scenario: { defaults: { storageMW: 2 } } },
      })
    ).statusCode,
  ).toBe(200);
  existing.deleted = existing.scenarios[2];
  expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${existing.deleted}` })).statusCode).toBe(204);
  const sweep = await app.inject({
    method: 'POST',
    url: '/api/sweeps',
    payload: { name: 'seed', base: {}, axes: [{ path: 'defaults.solarShare', values: [0, 0.5, 1] }] },
  });
  expect(sweep.statusCode).toBe(202);
  existing.sweep = sweep.json().id;
  expect((await waitDone(existing.sweep)).status).toBe('done');
  before = await snapshot(new Set([...existing.scenarios, existing.sweep]));
});

afterAll(async () => {
  writeFuzzReport();
  await cleanup?.();
  rmSync(uiRoot, { recursive: true, force: true });
});

/** A response that is fine for a fuzzed request: no 5xx, errors as JSON without stacks or server paths. */
function checkResponse(
  method: string,
  url: string,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
) {
  const label = `${method} ${url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, label).toBeLessThan(500);
  expect(res.body, label).not.toMatch(/\n\s+at |node:internal|node_modules|\.ts:\d+/);
  expect(res.body, label).not.toContain('secret');
  if (res.statusCode >= 400) {
    expect(res.body, label).not.toContain(REPO_ROOT);
    expect(res.body, label).not.toContain(root);
    if (method !== 'HEAD') {
      expect(String(res.headers['content-type']), label).toMatch(/^application\/json/);
      const body = JSON.parse(res.body) as { error?: unknown; issues?: Array<{ path: unknown; message: unknown }> };
      expect(typeof body.error, label).toBe('string');
      for (const issue of body.issues ?? []) {
        expect(typeof issue.path, label).toBe('string');
        expect(typeof issue.message === 'string' && issue.message.length > 0, label).toBe(true);
      }
    }
  }
}

const ROUTES = [
  '/api/health',
  '/api/datasets',
  '/api/regions',
  '/api/regions.geojson',
  '/api/evaluate',
  '/api/scenarios',
  '/api/scenarios/:id',
  '/api/scenarios/:id/versions',
  '/api/scenarios/:id/restore',
  '/api/sweeps',
  '/api/sweeps/:id',
  '/api/sweeps/:id/events',
  '/api/sweeps/:id/result',
  '/api/sweeps/:id/pareto',
  '/api/sweeps/:id/sensitivity',
  '/api/sweeps/:id/rerun',
  '/api/commitments',
  '/api/commitments/:id',
  '/api/commitments/:id/versions',
  '/api/commitments/:id/withdraw',
  '/api/intekenboek/summary',
  '/api/intekenboek/scenario',
  '/api/intekenboek/evaluation',
  '/api/intekenboek/export.csv',
  '/api/intekenboek/import',
  '/api/openapi.json',
  '/docs/json',
  '/',
  '/index.html',
  '/:id',
  '/api/:id',
  '/assets/:id',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

/** Path segments: real ids, well-formed unknown ids, malformed and encoded attacks. */
const idSegment = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('EXISTING_SCENARIO', 'EXISTING_SWEEP', 'DELETED_SCENARIO') },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z2-7]{12}$/) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '..',
      '%2e%2e',
      '..%2f..%2fsecret.txt',
      '%2e%2e%2f%2e%2e%2fsecret.txt',
      '..%5c..%5csecret.txt',
      '%252e%252e%252fsecret.txt',
      '%00',
      'abc%00def',
      '%c0%ae%c0%ae',
      'AAAAAAAAAAAA',
      'aaaaaaaaaaa1',
      'aaaaaaaaaaaaa',
      '%',
      '%zz',
      '%E2%82',
      'a'.repeat(5000),
      '__proto__',
      'constructor',
      '%20',
      ';',
      '*',
    ),
  },
  { weight: 2, arbitrary: oddString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, 'x'))) },
);

const queryValue = fc.oneof(
  fc.constantFrom(
    'csv',
    'json',
    'arrow',
    'gridCapexEUR',
    'congestionHoursFeedin',
    'true',
    'false',
    '1',
    '0',
    '-1',
    '1e400',
    '1.5',
    'NaN',
    '',
    'NL',
    'T1',
    'tiny',
    'nl-res30',
    '99999999999999999999',
  ),
  oddNumber.map(String),
  oddString,
);
const queryKey = fc.oneof(
  fc.constantFrom(
    'format',
    'limit',
    'offset',
    'region',
    'output',
    'dataset',
    'version',
    'deleted',
    ...PROTO_KEYS,
    'a[b]',
    'x.y',
  ),
  oddString,
);
const queryString = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(queryKey, queryValue), { maxLength: 4 })
      .map(
        (pairs) =>
          '?' +
          pairs
            .map(
              ([k, v]) =>
                `${encodeURIComponent(k.replace(/[\ud800-\udfff]/g, 'x'))}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, 'x'))}`,
            )
            .join('&'),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '?%',
      '?a=%zz',
      '?&&&',
      '?=',
      '?format',
      '?limit=1&limit=2',
      '?__proto__[x]=1',
      '?constructor[prototype][x]=1',
    ),
  },
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/jsonx',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  'text/event-stream',
  '',
  ';',
  undefined,
);

/** Body texts: shaped JSON with odd values, any JSON, deep nesting, broken JSON, huge numbers. */
const bodyText = fc.oneof(
  { weight: 3, arbitrary: scenarioLike(IDS).map((value) => JSON.stringify(value) ?? 'null') },
  {
    weight: 2,
    arbitrary: scenarioLike(IDS).map((scenario) =>
      JSON.stringify({ scenario, dataset: 'tiny', hourly: { region: 'T1', from: 0, to: 3 } }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          name: fc.oneof(oddString, oddValue),
          author: oddValue,
          note: oddValue,
          scenario: scenarioLike(IDS),
          baseVersion: oddValue,
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
  },
  { weight: 3, arbitrary: sweepLike(IDS).map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: oddValue.map((value) => JSON.stringify(value) ?? 'undefined') },
  { weight: 1, arbitrary: deepJson },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '{"a":1,}',
      'NaN',
      '1e999',
      '-1e999',
      '{"national":{"waccGrid":1e999}}',
      '{"defaults":{"resScale":1e308}}',
      '{"national":{"gridLifeYears":5e-324}}',
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"regions":{"__proto__":{"storageMW":1}}}',
      '{"scenario":{"__proto__":null}}',
      '\ufeff{}',
      '{"name":"\\ud800","scenario":{}}',
      '{"name":"x","scenario":{},"baseVersion":1e308}',
      '{"base":{},"axes":[],"samples":1e308}',
      '{"base":{},"axes":[{"path":"national.waccGrid","uniform":[0,1]}],"samples":1000000}',
      `[${'1,'.repeat(10000)}1]`,
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

interface FuzzRequest {
  method: Method;
  route: string;
  id: string;
  query: string;
  contentType: string | undefined;
  accept: string | undefined;
  contentLength?: string;
  body: string | undefined;
}

const request: fc.Arbitrary<FuzzRequest> = fc.record(
  {
    method: fc.constantFrom(...METHODS),
    route: fc.constantFrom(...ROUTES),
    id: idSegment,
    query: queryString,
    contentType,
    accept: fc.constantFrom(
      undefined,
      '*/*',
      'application/json',
      'text/event-stream',
      'text/html',
      'application/xml',
      '',
    ),
    body: fc.option(bodyText, { nil: undefined, freq: 3 }),
    contentLength: fc.option(fc.constantFrom('0', '1', '5', '-1', 'abc', '1.5', '99999999999', '1e3', ' 7', ''), {
      nil: undefined,
      freq: 6,
    }),
  },
  { requiredKeys: ['method', 'route', 'id', 'query', 'contentType', 'accept', 'body'] },
);

function resolveId(segment: string, route: string): string {
  if (segment === 'EXISTING_SCENARIO') return route.startsWith('/api/sweeps') ? existing.sweep : existing.scenarios[0];
  if (segment === 'EXISTING_SWEEP') return existing.sweep;
  if (segment === 'DELETED_SCENARIO') return existing.deleted;
  return segment;
}

/** Requests that legitimately change saved data when aimed at an existing id (they are not bad input). */
function isLegitimateChange(method: Method, route: string, id: string): boolean {
  const real = [...existing.scenarios, existing.sweep].includes(id);
  return (
    real &&
    ((method === 'DELETE' && (route === '/api/scenarios/:id' || route === '/api/sweeps/:id')) ||
      route.endsWith('/restore') ||
      route.endsWith('/rerun'))
  );
}

async function send(req: FuzzRequest, target: string) {
  const id = resolveId(req.id, req.route);
  if (isLegitimateChange(req.method, req.route, id)) return;
  const url = req.route.replace(':id', id) + req.query;
  countInput(target, `${req.method} ${req.route}`);
  const headers: Record<string, string> = {};
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  if (req.accept !== undefined) headers.accept = req.accept;
  if (req.contentLength !== undefined) headers['content-length'] = req.contentLength;
  const res = await app.inject({
    method: req.method,
    url,
    headers,
    ...(req.body !== undefined ? { payload: req.body } : {}),
  });
  checkResponse(req.method, url, res);
  if (
    res.statusCode >= 200 &&
    res.statusCode < 300 &&
    !['GET', 'HEAD'].includes(req.method) &&
    req.route !== '/api/evaluate'
  ) {
    if (req.route.includes(':id')) acknowledged.add(id);
    if (process.env.FUZZ_DEBUG)
      console.log('acknowledged', req.method, url.slice(0, 100), res.statusCode, res.body.slice(0, 100));
    const created = /^[a-z2-7]{12}$/.test(String(res.json?.()?.id ?? '')) ? String(res.json().id) : undefined;
    if (created) acknowledged.add(created);
  }
}

describe('every API route under fuzzing', () => {
  it('random requests: no 5xx, no stack traces or paths in errors', async () => {
    await fc.assert(
      fc.asyncProperty(request, (req) => send(req, 'server.api.requests')),
      fuzzParameters(400),
    );
  });

  it('validating routes with shaped bodies as JSON', async () => {
    const bodyRoute = fc.constantFrom<[Method, string]>(
      ['POST', '/api/evaluate'],
      ['POST', '/api/scenarios'],
      ['PUT', '/api/scenarios/:id'],
      ['POST', '/api/sweeps'],
    );
    await fc.assert(
      fc.asyncProperty(bodyRoute, bodyText, idSegment, queryString, ([method, route], body, id, query) =>
        send(
          {
            method,
            route,
            id,
            query: route === '/api/sweeps' ? query : '',
            contentType: 'application/json',
            accept: undefined,
            body,
          },
          'server.api.bodies',
        ),
      ),
      fuzzParameters(400),
    );
  });

  it('after the fuzzing: healthy, nothing polluted, and every saved scenario and sweep unchanged', async () => {
    expect((await app.inject('/api/health')).json().status).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const seeded = new Set([...existing.scenarios, existing.sweep]);
    const after = await snapshot(seeded);
    for (const [key, was] of Object.entries(before)) {
      const id = key.split(' ')[1];
      const now = after[key] as { versions: unknown[] } | undefined;
      expect(now, key).toBeDefined();
      if (!acknowledged.has(id)) {
        expect(now, key).toEqual(was); // untouched: identical, byte for byte
      } else {
        // A valid save the fuzzer happened to send adds a version; every earlier version is kept as it was.
        const old = (was as { versions: unknown[] }).versions;
        expect(now!.versions.slice(0, old.length), key).toEqual(old);
      }
    }
    noteFuzz('server.api.requests', 'validSavesToSeededIds', [...acknowledged].filter((id) => seeded.has(id)).length);
    noteFuzz('server.api.requests', 'seededScenariosAndSweepsCompared', Object.keys(before).length);
    noteFuzz('server.api.requests', 'dataLost', 0);
    const ctx = contextOf(app);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(readdirSync(join(root, 'var', 'sweeps')).filter((file) => file.endsWith('.partial'))).toEqual([]);
  });
});
