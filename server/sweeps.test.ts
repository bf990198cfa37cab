import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './context.ts';
import { sweepEnded, tempDir, tinyApp, tinyDatasetsDir } from './test-support.ts';

let app: App;
let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, root, cleanup } = await tinyApp({ maxSweepScenarios: 50_000, maxConcurrentSweeps: 1 }));
});
afterAll(async () => cleanup());

const SMALL_SWEEP = {
  name: 'opslag en wacc',
  base: { defaults: { storageMW: 1 } },
  axes: [
    { path: 'defaults.storageMWh', values: [0, 2, 4] },
    { path: 'national.waccGrid', uniform: [0.02, 0.05] },
  ],
  samples: 2,
  seed: 7,
};
/** Long enough to still be running a moment after it was submitted. */
const LONGER_SWEEP = { base: {}, axes: [{ path: 'defaults.storageMW', uniform: [0, 20] }], samples: 20_000, seed: 1 };

/** The job once it has ended in one of `statuses` (followed on its event stream: no polling, no clock). */
async function waitFor(id: string, statuses: string[], target: App = app) {
  const job = await sweepEnded(target, id);
  expect(statuses, `sweep ${id} ended ${job.status}`).toContain(job.status);
  return job;
}

async function submit(spec: unknown, target: App = app, query = '') {
  return target.inject({ method: 'POST', url: `/api/sweeps${query}`, payload: spec as object });
}

describe('sweep jobs', () => {
  let doneId: string;

  it('runs a sweep: 202 with an id, then status done with progress, timings and summary', async () => {
    const res = await submit(SMALL_SWEEP);
    expect(res.statusCode).toBe(202);
    const { id, total } = res.json();
    expect(id).toMatch(/^[a-z2-7]{12}$/);
    expect(total).toBe(6);
    const job = await waitFor(id, ['done', 'failed']);
    expect(job).toMatchObject({
      id,
      name: 'opslag en wacc',
      dataset: 'tiny',
      status: 'done',
      progress: { done: 6, total: 6 },
      axisPaths: ['defaults.storageMWh', 'national.waccGrid'],
      attempts: 1,
      error: null,
      summary: { scenarios: 6, rows: 30 },
      spec: SMALL_SWEEP,
    });
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
    expect(existsSync(join(root, 'var', 'sweeps', `${id}.arrow`))).toBe(true);
    expect((await app.inject('/api/sweeps')).json().map((j: { id: string }) => j.id)).toContain(id);
    doneId = id;
  });

  it('GET result: an Arrow IPC stream with scenario, region, axis and output columns', async () => {
    const res = await app.inject(`/api/sweeps/${doneId}/result`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const table = tableFromIPC(res.rawPayload);
    expect(table.numRows).toBe(30);
    const names = table.schema.fields.map((f) => f.name);
    expect(names.slice(0, 4)).toEqual(['scenario', 'region', 'defaults.storageMWh', 'national.waccGrid']);
    expect(names).toContain('gridCapexEUR');
    expect(names).toContain('route35Triggered');
    expect([...Array(5)].map((_, r) => table.getChild('region')!.get(r))).toEqual(['T1', 'T2', 'T3', 'T4', 'NL']);
    expect(table.getChild('scenario')!.get(29)).toBe(5);
    expect(table.getChild('defaults.storageMWh')!.get(29)).toBe(4);
    expect(typeof table.getChild('route35Triggered')!.get(4)).toBe('boolean');
    expect(table.getChild('route35Triggered')!.get(0)).toBeNull();
  });

  it('GET result as JSON and CSV with limit, offset and a region filter', async () => {
    const json = (await app.inject(`/api/sweeps/${doneId}/result?format=json&limit=3&offset=4`)).json();
    expect(json).toMatchObject({ id: doneId, total: 30, offset: 4, limit: 3 });
    expect(json.rows.map((r: { scenario: number; region: string }) => `${r.scenario}:${r.region}`)).toEqual([
      '0:NL',
      '1:T1',
      '1:T2',
    ]);
    expect(json.columns[0]).toBe('scenario');
    const national = (await app.inject(`/api/sweeps/${doneId}/result?format=json&region=NL`)).json();
    expect(national.total).toBe(6);
    expect(national.rows.map((r: { scenario: number }) => r.scenario)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(national.rows[0].congestionHoursFeedin).toBeNull();

    const csv = await app.inject(`/api/sweeps/${doneId}/result?format=csv&offset=1&limit=2`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`sweep-${doneId}.csv`);
    const lines = csv.body.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('scenario,region,defaults.storageMWh,national.waccGrid,')).toBe(true);
    expect(lines[1].startsWith('0,T2,0,')).toBe(true);
    const all = (await app.inject(`/api/sweeps/${doneId}/result?format=csv`)).body.trimEnd().split('\n');
    expect(all).toHaveLength(31);
  });

  it('result options are validated', async () => {
    for (const query of ['format=xml', 'limit=-1', 'offset=x', 'format=json&limit=100001', 'limit=5', 'colour=red']) {
      const res = await app.inject(`/api/sweeps/${doneId}/result?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toBe('invalid input');
    }
  });

  it('GET pareto: the non-dominated national outcomes with their axis values', async () => {
    const res = await app.inject(`/api/sweeps/${doneId}/pareto`);
    expect(res.statusCode).toBe(200);
    const { points, objectives } = res.json();
    expect(objectives).toEqual({ gridCapexEUR: 'min', resDeliveredTWh: 'max', landHa: 'min' });
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) {
      expect(Object.keys(point.axes)).toEqual(['defaults.storageMWh', 'national.waccGrid']);
      expect(typeof point.gridCapexEUR).toBe('number');
    }
  });

  it('GET sensitivity: one bar per axis for an output, national by default or for a region, sorted by |swing|', async () => {
    const res = await app.inject(`/api/sweeps/${doneId}/sensitivity?output=gridCapexEUR`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: doneId, output: 'gridCapexEUR', region: 'NL' });
    expect(body.axes.map((a: { path: string }) => a.path).sort()).toEqual(['defaults.storageMWh', 'national.waccGrid']);
    const swings = body.axes.map((a: { swing: number }) => Math.abs(a.swing));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // The grid axis: mean over the scenarios at 0 MWh against those at 4 MWh, computed here from the JSON rows.
    const rows = (await app.inject(`/api/sweeps/${doneId}/result?format=json&region=NL`)).json().rows as Record<
      string,
      number
    >[];
    const meanAt = (mwh: number) => {
      const at = rows.filter((r) => r['defaults.storageMWh'] === mwh).map((r) => r.gridCapexEUR);
      return at.reduce((a, b) => a + b, 0) / at.length;
    };
    const storage = body.axes.find((a: { path: string }) => a.path === 'defaults.storageMWh');
    expect(storage).toMatchObject({ lowValue: 0, highValue: 4 });
    expect(storage.outputAtLow).toBeCloseTo(meanAt(0), 6);
    expect(storage.outputAtHigh).toBeCloseTo(meanAt(4), 6);
    expect(storage.swing).toBeCloseTo(storage.outputAtHigh - storage.outputAtLow, 6);
    // Per region, including an output that exists per region only.
    const regional = (
      await app.inject(`/api/sweeps/${doneId}/sensitivity?output=congestionHoursFeedin&region=T2`)
    ).json();
    expect(regional).toMatchObject({ output: 'congestionHoursFeedin', region: 'T2' });
    expect(regional.axes).toHaveLength(2);
    // Route 35 (a Bool column) counts as 0/1: the share of scenarios in which it triggers.
    const route35 = (await app.inject(`/api/sweeps/${doneId}/sensitivity?output=route35Triggered`)).json();
    for (const bar of route35.axes) expect(bar.outputAtLow >= 0 && bar.outputAtLow <= 1).toBe(true);
    expect(body.axesWithoutBar).toEqual([]);
    // The tiny dataset has no arable land: the land pressure (nullable) has no value, so no axis gets a
    // bar (never one comparing nothing with nothing), and each is listed with the reason.
    const land = (await app.inject(`/api/sweeps/${doneId}/sensitivity?output=landClaimShareOfArable`)).json();
    expect(land.axes).toEqual([]);
    expect(land.axesWithoutBar).toEqual([
      { path: 'defaults.storageMWh', reason: 'noValues' },
      { path: 'national.waccGrid', reason: 'noValues' },
    ]);
  });

  it('GET sensitivity: 400 for a missing or unknown output, an unknown region or an output the rows lack', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['', 'query.output', /output name/],
      ['?output=nope', 'query.output', /output name/],
      ['?output=region', 'query.output', /output name/],
      ['?output=gridCapexEUR&region=XX', 'query.region', /unknown region 'XX'.*T1/],
      ['?output=gridCapexEUR&region=', 'query.region', /./],
      ['?output=congestionHoursFeedin', 'query.output', /per region only/],
      ['?output=targetGapTWh&region=T1', 'query.output', /national rows only/],
      ['?output=gridCapexEUR&colour=red', 'query.colour', /unknown key|Unrecognized/i],
    ];
    for (const [query, path, message] of cases) {
      const res = await app.inject(`/api/sweeps/${doneId}/sensitivity${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error, query).toBe('invalid input');
      expect(res.json().issues, query).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
  });

  it('rejects invalid sweep specs with dotted paths, and too many scenarios', async () => {
    const bad = await submit({
      base: {},
      axes: [
        { path: 'defaults.nope', values: [1] },
        { path: 'national.waccGrid', values: [-3] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual(
      expect.arrayContaining([
        { path: 'axes.0.path', message: expect.stringContaining('unknown regional parameter') },
        { path: 'axes.1.values.0', message: expect.any(String) },
      ]),
    );
    const base = await submit({ base: { regions: { ES01: {} } }, axes: [] });
    expect(base.json().issues[0].path).toBe('base.regions.ES01');
    const keys = await submit({ base: {}, axes: [], extra: 1 });
    expect(keys.json().issues).toEqual([{ path: 'extra', message: 'unknown key' }]);
    const many = await submit({ base: {}, axes: [{ path: 'defaults.storageMW', uniform: [0, 1] }], samples: 50_001 });
    expect(many.statusCode).toBe(400);
    expect(many.json().issues[0].message).toContain('more than the maximum of 50000');
    const dataset = await submit(SMALL_SWEEP, app, '?dataset=nl-res99');
    expect(dataset.json().issues).toEqual([
      { path: 'query.dataset', message: expect.stringContaining('unknown dataset') },
    ]);
  });

  it('ids: 400 when malformed, 404 when unknown; 409 for results of unfinished sweeps', async () => {
    for (const suffix of ['', '/events', '/result', '/pareto', '/sensitivity?output=gridCapexEUR']) {
      expect((await app.inject(`/api/sweeps/NOT-AN-ID${suffix}`)).statusCode).toBe(400);
      expect(
        (await app.inject({ url: `/api/sweeps/zzzzzzzzzzzz${suffix}`, headers: { accept: 'text/event-stream' } }))
          .statusCode,
      ).toBe(404);
    }
    expect((await app.inject({ method: 'DELETE', url: '/api/sweeps/zzzzzzzzzzzz' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/sweeps/zzzzzzzzzzzz/rerun' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/sweeps/${doneId}` })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/sweeps/${doneId}/rerun` })).statusCode).toBe(409);
  });

  it('429 beyond the concurrency limit; cancel stops a running sweep and leaves no file', async () => {
    const first = await submit(LONGER_SWEEP);
    expect(first.statusCode).toBe(202);
    const { id } = first.json();
    const second = await submit(SMALL_SWEEP);
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBeDefined();
    expect(second.json()).toMatchObject({ error: expect.stringContaining('too many sweeps'), limit: 1 });
    expect((await app.inject('/api/health')).json().sweepsRunning).toBe(1);
    expect((await app.inject(`/api/sweeps/${id}/result`)).statusCode).toBe(409);
    const unfinished = await app.inject(`/api/sweeps/${id}/sensitivity?output=gridCapexEUR`);
    expect(unfinished.statusCode).toBe(409);
    expect(unfinished.json()).toMatchObject({ error: expect.stringContaining('results exist only when it is done') });

    const cancelled = await app.inject({ method: 'DELETE', url: `/api/sweeps/${id}` });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await app.inject('/api/health')).json().sweepsRunning).toBe(0);
    expect(readdirSync(join(root, 'var', 'sweeps')).filter((f) => f.startsWith(id))).toEqual([]);

    const again = await app.inject({ method: 'POST', url: `/api/sweeps/${id}/rerun` });
    expect(again.statusCode).toBe(202);
    const done = await waitFor(id, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', attempts: 2, progress: { done: 20_000, total: 20_000 } });
  });

  it('a sweep that fails reports why (without server paths), and can be re-run', async () => {
    const sweepsDir = join(root, 'var', 'sweeps');
    rmSync(sweepsDir, { recursive: true });
    writeFileSync(sweepsDir, 'not a folder'); // the result file cannot be created
    try {
      const { id } = (await submit(SMALL_SWEEP)).json();
      const failed = await waitFor(id, ['failed', 'done']);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/ENOTDIR/);
      expect(failed.error).not.toContain(root);
      const events = await app.inject({ url: `/api/sweeps/${id}/events`, headers: { accept: 'text/event-stream' } });
      expect(events.body).toContain('event: failed');
      expect((await app.inject(`/api/sweeps/${id}/result`)).statusCode).toBe(409);
      rmSync(sweepsDir);
      mkdirSync(sweepsDir);
      expect((await app.inject({ method: 'POST', url: `/api/sweeps/${id}/rerun` })).statusCode).toBe(202);
      expect(await waitFor(id, ['failed', 'done'])).toMatchObject({ status: 'done', error: null, attempts: 2 });
    } finally {
      if (!existsSync(sweepsDir)) mkdirSync(sweepsDir);
    }
  });
});

describe('server-sent events over a real socket', () => {
  it('streams progress until done', async () => {
    const sseRoot = tempDir();
    const server = await buildApp({
      dataDir: join(sseRoot, 'var'),
      datasetsDir: tinyDatasetsDir(sseRoot),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
    });
    try {
      await server.listen({ port: 0, host: '127.0.0.1' });
      const { port } = server.server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const submitted = await fetch(`${base}/api/sweeps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          base: {},
          axes: [{ path: 'defaults.storageMW', uniform: [0, 20] }],
          samples: 5000,
          seed: 3,
        }),
      });
      expect(submitted.status).toBe(202);
      const { id } = (await submitted.json()) as { id: string };
      const res = await fetch(`${base}/api/sweeps/${id}/events`, { headers: { accept: 'text/event-stream' } });
      expect(res.status).toBe(200);
      // /api/health answers while the sweep runs on the worker threads (its latency under a large
      // sweep is a benchmark, bench/load.ts, not a timed test)
      let polling = true;
      const poll = (async () => {
        while (polling) {
          expect((await fetch(`${base}/api/health`)).status).toBe(200);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const text = await new Response(res.body).text(); // the server ends the stream after the final event
      polling = false;
      await poll;
      const events = text
        .split('\n\n')
        .filter((block) => block.includes('event:'))
        .map((block) => {
          const event = /^event: (.*)$/m.exec(block)![1];
          const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]);
          return { event, data };
        });
      expect(events[0].event).toBe('progress');
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'done', summary: { scenarios: 5000 } } });
      const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.done);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(events.filter((e) => e.event !== 'progress')).toHaveLength(1);

      // a finished job answers at once: its progress and the final event
      const again = await (await fetch(`${base}/api/sweeps/${id}/events`)).text();
      expect(again).toContain('event: progress');
      expect(again).toContain('event: done');
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('closing the server interrupts running sweeps and ends their event streams at once', async () => {
    const closeRoot = tempDir();
    const server = await buildApp({
      dataDir: join(closeRoot, 'var'),
      datasetsDir: tinyDatasetsDir(closeRoot),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const { id } = (await (
      await fetch(`${base}/api/sweeps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...LONGER_SWEEP, samples: 1_000_000 }),
      })
    ).json()) as { id: string };
    const res = await fetch(`${base}/api/sweeps/${id}/events`);
    // Close once the sweep is computing (its first progress past 0 is on the stream), not after a delay.
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/"done":[1-9]/.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the event stream ended before the sweep progressed:\n${text}`);
      text += value;
    }
    await server.close();
    // A million scenarios cannot have finished: the close interrupted the sweep and ended the stream.
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    expect(text).toContain('"status":"interrupted"');
  });
});

describe('restart', () => {
  it('a sweep running at shutdown is interrupted and can be re-run after a restart', async () => {
    const restartRoot = tempDir();
    const options = {
      dataDir: join(restartRoot, 'var'),
      datasetsDir: tinyDatasetsDir(restartRoot),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
    };
    const first = await buildApp(options);
    const { id } = (await submit(LONGER_SWEEP, first)).json();
    await first.close();
    // also a job left 'running' by a process that died without closing
    const db = new Database(join(restartRoot, 'var', 'samenhang.db'));
    db.prepare(
      `INSERT INTO sweeps (id, name, dataset, spec_json, axis_paths_json, status, done, total, attempts, created_at)
       VALUES ('deadbeefdead', 'x', 'tiny', ?, '[]', 'running', 3, 6, 1, ?)`,
    ).run(JSON.stringify(SMALL_SWEEP), new Date().toISOString());
    db.close();

    const second = await buildApp(options);
    try {
      for (const jobId of [id, 'deadbeefdead']) {
        const job = (await second.inject(`/api/sweeps/${jobId}`)).json();
        expect(job.status).toBe('interrupted');
        expect(job.error).toContain('re-run');
      }
      const events = await second.inject({ url: `/api/sweeps/${id}/events`, headers: { accept: 'text/event-stream' } });
      expect(events.body).toContain('event: failed');
      expect(events.body).toContain('"status":"interrupted"');
      expect((await second.inject({ method: 'POST', url: '/api/sweeps/deadbeefdead/rerun' })).statusCode).toBe(202);
      const done = await waitFor('deadbeefdead', ['done', 'failed'], second);
      expect(done).toMatchObject({ status: 'done', attempts: 2, summary: { scenarios: 6 } });
    } finally {
      await second.close();
    }
  });
});
