import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_COLUMN_NAMES } from '../engine/index.ts';
import { buildApp, REPO_ROOT } from './app.ts';
import type { App } from './context.ts';
import { TINY_DATASET, TINY_SCENARIO, tempDir, tinyApp, tinyDatasetsDir } from './test-support.ts';

const expected = JSON.parse(readFileSync(join(TINY_DATASET, '..', 'expected.json'), 'utf8'));
const tinyScenario = JSON.parse(readFileSync(join(TINY_DATASET, '..', 'scenario.json'), 'utf8'));
// The v1 worked example holds under v2 with the v1 compatibility costs.
tinyScenario.national = {
  ...tinyScenario.national,
  costOfftakeEURPerMW: 2056000,
  costLvEURPerMW: 0,
  costHomeConnUpgradeEUR: 0,
};

let app: App;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await tinyApp());
});
afterAll(async () => cleanup());

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

describe('meta endpoints', () => {
  it('GET /api/health answers status, version, uptime and running sweeps', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: '0.1.0', sweepsRunning: 0 });
    expect(res.json().uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('GET /api/datasets lists the dataset folders with the default marked', async () => {
    const res = await app.inject('/api/datasets');
    expect(res.json()).toEqual([
      {
        id: 'tiny',
        name: 'tiny',
        weatherYear: null,
        weatherYears: [],
        regions: 4,
        hours: 24,
        default: true,
        warnings: [{ code: 'profilesNotAFullYear', hours: 24, message: expect.stringMatching(/not a full year/) }],
      },
    ]);
  });

  it('GET /api/regions gives region data with derived-cell flags', async () => {
    const res = await app.inject('/api/regions?dataset=tiny');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dataset).toBe('tiny');
    expect(body.hours).toBe(24);
    expect(body.regions.map((r: { id: string }) => r.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
    const [t1, t2] = body.regions;
    expect(t1).toMatchObject({
      name: 'Tiny one, "quoted"',
      provinces: ['Test', 'Tiny'],
      homes: 100000,
      gridFeedinMW: 100,
      gridOfftakeMW: 120,
    });
    expect(t1.connections).toBeCloseTo(110000, 6);
    expect(t1.derived).toEqual({ connections: true, gridFeedinMW: false, gridOfftakeMW: false });
    expect(t2.derived).toEqual({ connections: false, gridFeedinMW: true, gridOfftakeMW: true });
    for (const key of [
      'solarSmallRoofTWh',
      'existingSolarRoofTWh',
      'existingSolarFieldTWh',
      'existingWindTWh',
      'baseDemandTWh',
    ]) {
      expect(typeof t1[key]).toBe('number');
    }
    // One field per regions.csv column, as the engine lists them, and nothing else.
    expect(Object.keys(t1).sort()).toEqual([...REGION_COLUMN_NAMES, 'derived'].sort());
    expect(t1.baseProfile).toBe('bas');
  });

  it('GET /api/regions: 404 for an unknown dataset, 400 for a malformed one', async () => {
    expect((await app.inject('/api/regions?dataset=nope')).statusCode).toBe(404);
    const bad = await app.inject('/api/regions?dataset=..%2Fetc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('query.dataset');
  });

  it('GET /api/regions.geojson serves the repository map with provenance', async () => {
    const res = await app.inject('/api/regions.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const map = res.json();
    expect(map.type).toBe('FeatureCollection');
    expect(map.features).toHaveLength(30);
    expect(map.provenance.source).toBe('Kadaster / CBS 2023');
    expect(map.provenance.licence).toBe('CC BY 4.0');
    expect(map.provenance.attribution).toContain('cartomap/nl');
  });

  it('GET /docs serves the API docs page and /api/openapi.json the OpenAPI document', async () => {
    const page = await app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/evaluate',
        '/api/scenarios/{id}',
        '/api/sweeps/{id}/result',
        '/api/sweeps/{id}/events',
      ]),
    );
    const body = doc.paths['/api/evaluate'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('storageMW');
  });
});

describe('POST /api/evaluate', () => {
  it('evaluates a bare scenario: the tiny worked example within 1e-9', async () => {
    const res = await post('/api/evaluate', tinyScenario);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.regions.map((r: { id: string }) => r.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
    for (const [r, region] of expected.regions.entries()) {
      for (const [key, value] of Object.entries(region)) {
        if (typeof value === 'number') expect(body.regions[r][key]).toBeCloseTo(value, 6);
      }
    }
    expect(body.national.route35Triggered).toBe(expected.national.route35Triggered);
    expect(body.national.gridCapexEUR).toBeCloseTo(expected.national.gridCapexEUR, 3);
    expect(body.hourly).toBeUndefined();
  });

  it('accepts the wrapper form with dataset and hourly series', async () => {
    const res = await post('/api/evaluate', {
      scenario: tinyScenario,
      dataset: 'tiny',
      hourly: { region: 'T3', from: 2, to: 10 },
    });
    expect(res.statusCode).toBe(200);
    const { hourly, national } = res.json();
    expect(national.gridCapexEUR).toBeCloseTo(expected.national.gridCapexEUR, 3);
    expect(hourly).toMatchObject({ region: 'T3', from: 2, to: 10, feedinLimitMW: 50, offtakeLimitMW: 60 });
    for (const key of ['genMW', 'loadMW', 'netMW', 'netAfterStorageMW', 'socMWh', 'lvTransitionKWPerHome'])
      expect(hourly[key]).toHaveLength(8);
    // The LV capacity per home the chart draws is the region's own LV capacity output.
    const t3 = res.json().regions.find((r: { id: string }) => r.id === 'T3');
    expect(hourly.lvCapacityKWPerHome).toBe(t3.lvCapacityKWPerHome);
    hourly.netMW.forEach((net: number, h: number) => {
      expect(net).toBeCloseTo(hourly.genMW[h] - hourly.loadMW[h], 9);
    });
  });

  it('rejects bad JSON with 400 and a located issue', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: '{"national": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'invalid input',
      issues: [{ path: '', message: 'the body is not valid JSON' }],
    });
  });

  it('rejects a weather year the dataset does not have, naming the years it has', async () => {
    const res = await post('/api/evaluate', { national: { weatherYear: 1987 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      {
        path: 'national.weatherYear',
        message: 'the dataset has no weather year 1987 (it has only its reference profiles: use null)',
      },
    ]);
    expect((await post('/api/evaluate', { national: { weatherYear: null } })).statusCode).toBe(200);
  });

  it('rejects unknown keys and negative values with dotted paths', async () => {
    const res = await post('/api/evaluate', { regions: { T1: { storageMW: -5, storageMwh: 3 } }, colour: 'red' });
    expect(res.statusCode).toBe(400);
    const { error, issues } = res.json();
    expect(error).toBe('invalid input');
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'regions.T1.storageMW', message: expect.stringContaining('negative') },
        { path: 'regions.T1.storageMwh', message: 'unknown key' },
        { path: 'colour', message: 'unknown key' },
      ]),
    );
  });

  it('reports wrapper issues under scenario.…, hourly.… and dataset', async () => {
    const nested = await post('/api/evaluate', { scenario: { defaults: { shareHybrid: 2 } }, extra: 1 });
    expect(nested.statusCode).toBe(400);
    expect(
      nested
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['extra', 'scenario.defaults.shareHybrid']);
    const region = await post('/api/evaluate', { scenario: {}, hourly: { region: 'ES99', from: 5, to: 99 } });
    expect(region.statusCode).toBe(400);
    expect(
      region
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['hourly.region', 'hourly.to']);
    const order = await post('/api/evaluate', { scenario: {}, hourly: { region: 'T1', from: 5, to: 5 } });
    expect(order.json().issues).toEqual([{ path: 'hourly.from', message: 'must be less than to (5)' }]);
    const negative = await post('/api/evaluate', { scenario: {}, hourly: { region: 'T1', from: -1, to: 5 } });
    expect(negative.json().issues[0].path).toBe('hourly.from');
    const dataset = await post('/api/evaluate', { scenario: {}, dataset: 'nl-res99' });
    expect(dataset.json().issues).toEqual([{ path: 'dataset', message: expect.stringContaining('unknown dataset') }]);
  });

  it('rejects unknown region ids and share sums above 1 (engine checks)', async () => {
    const res = await post('/api/evaluate', { regions: { ES01: { storageMW: 1 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: 'regions.ES01', message: expect.stringContaining('unknown region id') },
    ]);
    const shares = await post('/api/evaluate', {
      scenario: { regions: { T1: { shareHybrid: 0.7, shareHeatNet: 0.6 } } },
    });
    expect(shares.json().issues).toEqual([
      { path: 'scenario.regions.T1', message: expect.stringContaining('above 1') },
    ]);
  });

  it('rejects non-objects, null and wrong types', async () => {
    for (const payload of [
      '[1,2]',
      '"text"',
      'null',
      '{"national":{"waccGrid":"3%"}}',
      '{"defaults":{"solarRoofTWh":null}}',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/evaluate',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error).toBe('invalid input');
    }
  });

  it('answers 413 for bodies over the limit and 415 for non-JSON bodies', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    const res = await app.inject({
      method: 'POST',
      url: '/api/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'request body too large' });
    const text = await app.inject({
      method: 'POST',
      url: '/api/evaluate',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });
});

describe('errors and safety', () => {
  it('unknown API routes are 404 JSON; no CORS headers, even for preflights', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not found' });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/evaluate',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a wrong method on a known API path is 405 with Allow, not 404', async () => {
    const wrong = await app.inject({ method: 'DELETE', url: '/api/evaluate' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(wrong.json()).toEqual({ error: 'method not allowed', allow: ['POST'] });
    const versions = await app.inject({ method: 'POST', url: '/api/scenarios/abc123/versions' });
    expect(versions.statusCode).toBe(405);
    expect(versions.headers.allow).toBe('GET, HEAD');
    const one = await app.inject({ method: 'PATCH', url: '/api/scenarios/abc123' });
    expect(one.statusCode).toBe(405);
    expect(String(one.headers.allow).split(', ')).toEqual(expect.arrayContaining(['DELETE', 'GET', 'PUT']));
    // Unknown paths stay 404.
    expect((await app.inject({ method: 'DELETE', url: '/api/nope/deeper' })).statusCode).toBe(404);
  });

  it('30,000 unknown keys give the first 100 issues and the count, not a 1.5 MB body', async () => {
    const national = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, 1]));
    const res = await post('/api/evaluate', { scenario: { national } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.issues).toHaveLength(100);
    expect(body.issueCount).toBe(30_000);
    expect(body.issues[0]).toEqual({ path: 'scenario.national.k0', message: 'unknown key' });
    expect(res.body.length).toBeLessThan(20_000);
    // A short list is sent whole, without a count.
    const few = (await post('/api/evaluate', { scenario: { national: { a: 1, b: 2 } } })).json();
    expect(few.issues).toHaveLength(2);
    expect(few.issueCount).toBeUndefined();
  });

  it('the OpenAPI document never points users to an internal text (MODEL.md)', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/MODEL\.md/);
  });

  it('a server error says only "internal error" and a request id, never a stack', async () => {
    const root = tempDir();
    const datasetsDir = join(root, 'datasets');
    mkdirSync(join(datasetsDir, 'broken'), { recursive: true });
    writeFileSync(join(datasetsDir, 'broken', 'regions.csv'), 'id,name\nX,Y\n');
    writeFileSync(join(datasetsDir, 'broken', 'profiles.csv'), 'hour\n0\n');
    const broken = await buildApp({ dataDir: join(root, 'var'), datasetsDir, defaultDataset: 'broken' });
    try {
      const res = await broken.inject({ method: 'POST', url: '/api/evaluate', payload: {} });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body).toEqual({ error: 'internal error', requestId: res.headers['x-request-id'] });
      expect(res.body).not.toMatch(/at .*\.ts|stack|regions\.csv/);
    } finally {
      await broken.close();
    }
  });

  it('uses the bundled dataset folder and nl-res30 as default when not told otherwise', async () => {
    const root = tempDir();
    const bundled = await buildApp({ dataDir: join(root, 'var') });
    try {
      const list = (await bundled.inject('/api/datasets')).json();
      const main = list.find((d: { id: string }) => d.id === 'nl-res30');
      expect(main).toMatchObject({
        default: true,
        weatherYear: 2023,
        weatherYears: [1987, 1997, 2004, 2015, 2019, 2023],
        regions: 30,
        hours: 8760,
      });
      expect(list).toHaveLength(1); // the weather years are inside the one dataset
      expect(REPO_ROOT).toBeTruthy();
    } finally {
      await bundled.close();
    }
  });

  it('serves a UI folder at / with SPA fallback, without escaping the folder', async () => {
    const root = tempDir();
    const uiDir = join(root, 'ui');
    mkdirSync(join(uiDir, 'assets'), { recursive: true });
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Samenhang</title>');
    writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    const withUi = await buildApp({
      dataDir: join(root, 'var'),
      datasetsDir: tinyDatasetsDir(root),
      defaultDataset: 'tiny',
      uiDir,
    });
    try {
      expect((await withUi.inject('/')).body).toContain('<title>Samenhang</title>');
      expect((await withUi.inject('/assets/app.js')).body).toBe('console.log(1)');
      const deep = await withUi.inject('/scenarios/abc');
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<title>Samenhang</title>');
      for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
        const res = await withUi.inject(url);
        expect(res.body, url).not.toContain('secret');
      }
      expect((await withUi.inject('/assets/missing.js')).statusCode).toBe(404);
      const api = await withUi.inject('/api/unknown');
      expect(api.statusCode).toBe(404);
      expect(api.json()).toEqual({ error: 'not found' });
      expect((await withUi.inject('/api/health')).json().status).toBe('ok');
    } finally {
      await withUi.close();
    }
  });
});

describe('TINY_SCENARIO', () => {
  it('is valid for the tiny dataset', async () => {
    expect((await post('/api/evaluate', TINY_SCENARIO)).statusCode).toBe(200);
  });
});
