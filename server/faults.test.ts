/**
 * Faults: sweep workers that throw or die mid-sweep, a data directory that fills up or disappears
 * mid-run. Each ends the affected work with a clear reason, leaves no partial result presented as
 * complete, and the server (and its worker pool) carries on. Kill -9 during saves: server/main.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from './app.ts';
import type { App } from './context.ts';
import { sweepEnded, tinyApp } from './test-support.ts';

let app: App;
let root: string;
let cleanup: () => Promise<void>;

/** Each job's faults are chosen by its name: `throw@N`, `exit@N`, anything else runs cleanly. */
function faultsOf(job: { name: string }) {
  const match = /^(throw|exit)@(\d+)$/.exec(job.name);
  if (!match) return undefined;
  return match[1] === 'throw' ? { throwAtScenario: Number(match[2]) } : { exitAtScenario: Number(match[2]) };
}

beforeAll(async () => {
  ({ app, root, cleanup } = await tinyApp({
    sweepWorkers: 2,
    maxConcurrentSweeps: 3,
    maxSweepScenarios: 100_000,
    sweepFaults: faultsOf,
  }));
});
afterAll(() => cleanup());

const spec = (name: string, samples: number) => ({
  name,
  base: {},
  axes: [{ path: 'defaults.storageMW', uniform: [0, 20] }],
  samples,
  seed: 3,
});

async function submit(body: unknown) {
  const res = await app.inject({ method: 'POST', url: '/api/sweeps', payload: body as object });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

/** The job once it has ended (followed on its event stream: no polling, no clock). */
const waitFor = (id: string) => sweepEnded(app, id);

function sweepFiles(): string[] {
  return readdirSync(join(root, 'var', 'sweeps'));
}

describe('sweep workers that fail', () => {
  for (const [kind, reason] of [
    ['throw', /^injected fault at scenario 1500$/],
    ['exit', /^a sweep worker stopped unexpectedly \(worker exited with code: 1\); re-run the sweep$/],
  ] as const) {
    it(`a worker that ${kind === 'throw' ? 'throws' : 'is killed'} mid-sweep fails that sweep with the reason; the other job and the pool carry on`, async () => {
      const good = await submit(spec('ok', 4000));
      const bad = await submit(spec(`${kind}@1500`, 4000));
      const [goodJob, badJob] = await Promise.all([waitFor(good), waitFor(bad)]);
      expect(badJob.status).toBe('failed');
      expect(badJob.error).toMatch(reason);
      expect(badJob.progress.done).toBeLessThan(4000);
      expect(goodJob).toMatchObject({ status: 'done', progress: { done: 4000, total: 4000 } });
      // No result of the failed sweep, complete or partial.
      expect(sweepFiles().filter((file) => file.startsWith(bad))).toEqual([]);
      expect((await app.inject(`/api/sweeps/${bad}/result`)).statusCode).toBe(409);
      const events = await app.inject({ url: `/api/sweeps/${bad}/events`, headers: { accept: 'text/event-stream' } });
      expect(events.body).toContain('event: failed');
      // The pool recovered: a new sweep on both threads finishes, and the server is healthy.
      const after = await submit(spec('after', 2000));
      expect(await waitFor(after)).toMatchObject({ status: 'done', progress: { done: 2000 } });
      expect((await app.inject(`/api/sweeps/${after}/result?format=json&limit=1`)).json().total).toBe(2000 * 5);
      expect((await app.inject('/api/health')).json()).toMatchObject({ status: 'ok', sweepsRunning: 0 });
    });
  }

  it('a failed sweep can be re-run under its id (and fails the same way while its fault is injected)', async () => {
    const bad = await submit(spec('throw@10', 100));
    expect((await waitFor(bad)).status).toBe('failed');
    expect((await app.inject({ method: 'POST', url: `/api/sweeps/${bad}/rerun` })).statusCode).toBe(202);
    expect(await waitFor(bad)).toMatchObject({ status: 'failed', attempts: 2, error: 'injected fault at scenario 10' });
  });
});

describe('the sweeps folder disappears mid-run', () => {
  it('the sweep fails with the reason and no result; the next sweep works once the folder is back', async () => {
    const sweepsDir = join(root, 'var', 'sweeps');
    const id = await submit(spec('ok', 30_000));
    // until the sweep has written its first batch, however long that takes on a busy machine
    while ((await app.inject(`/api/sweeps/${id}`)).json().progress.done === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    renameSync(sweepsDir, `${sweepsDir}-gone`);
    try {
      const job = await waitFor(id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/ENOENT/);
      expect(job.error).not.toContain(root);
    } finally {
      rmSync(`${sweepsDir}-gone`, { recursive: true, force: true });
      mkdirSync(sweepsDir, { recursive: true });
    }
    expect(sweepFiles()).toEqual([]);
    expect((await app.inject(`/api/sweeps/${id}/result`)).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/sweeps/${id}/rerun` })).statusCode).toBe(202);
    expect(await waitFor(id)).toMatchObject({ status: 'done', attempts: 2 });
  });
});

/** A tiny tmpfs: needs root (CAP_SYS_ADMIN). Without it these tests are skipped with a message. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = join(root ?? '/tmp', 'tmpfs-probe');
  try {
    mkdirSync(probe, { recursive: true });
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (mounted) spawnSync('umount', [probe]);
    return mounted;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('a full disk (tmpfs)', () => {
  let mountable = false;
  beforeAll(() => {
    mountable = canMountTmpfs();
    if (!mountable) console.warn('skipping the full-disk tests: mounting a tmpfs needs root');
  });

  it('a sweep whose result does not fit fails with "the data directory is full", leaves no file, and the library still saves', async ({
    skip,
  }) => {
    if (!mountable) skip();
    const sweepsDir = join(root, 'var', 'sweeps');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', sweepsDir]);
    try {
      const id = await submit(spec('ok', 20_000)); // about 30 MB of Arrow
      const job = await waitFor(id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/^the data directory is full, so the result could not be written \(ENOSPC/);
      expect(sweepFiles()).toEqual([]);
      expect((await app.inject(`/api/sweeps/${id}/result`)).statusCode).toBe(409);
      const save = await app.inject({
        method: 'POST',
        url: '/api/scenarios',
        payload: { name: 'still saves', scenario: {} },
      });
      expect(save.statusCode).toBe(201);
      const small = await submit(spec('ok', 20)); // a small result fits
      expect((await waitFor(small)).status).toBe('done');
      expect(existsSync(join(sweepsDir, `${small}.arrow`))).toBe(true);
    } finally {
      execFileSync('umount', ['-l', sweepsDir]);
    }
  });

  it('a full database answers 507 and keeps every save it acknowledged', async ({ skip }) => {
    if (!mountable) skip();
    const { tempDir, tinyDatasetsDir } = await import('./test-support.ts');
    const { buildApp } = await import('./app.ts');
    const base = tempDir();
    const dataDir = join(base, 'var');
    mkdirSync(dataDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dataDir]);
    const full = await buildApp({
      dataDir,
      datasetsDir: tinyDatasetsDir(base),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
    });
    try {
      const saved: Array<{ id: string; note: string }> = [];
      let refused: { statusCode: number; body: string } | undefined;
      for (let i = 0; i < 2000 && !refused; i++) {
        const note = `${i} `.padEnd(4000, 'x');
        const res = await full.inject({
          method: 'POST',
          url: '/api/scenarios',
          payload: { name: `s${i}`, note, scenario: { defaults: { storageMW: i } } },
        });
        if (res.statusCode === 201) saved.push({ id: res.json().id, note });
        else refused = res;
      }
      expect(refused, 'the tmpfs never filled').toBeDefined();
      expect(refused!.statusCode).toBe(507);
      expect(JSON.parse(refused!.body).error).toBe(
        'the data directory is full: this request was not saved (earlier saves are intact)',
      );
      expect(refused!.body).not.toMatch(/SQLITE|\/tmp|\n\s+at /);
      expect(saved.length).toBeGreaterThan(10);
      // Reads still work while full, and every acknowledged save is there.
      for (const { id, note } of saved) {
        const res = await full.inject(`/api/scenarios/${id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().note).toBe(note);
      }
      expect(contextOf(full).db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await full.inject('/api/health')).statusCode).toBe(200);
    } finally {
      await full.close();
      execFileSync('umount', ['-l', dataDir]);
      rmSync(base, { recursive: true, force: true });
    }
  });
});
