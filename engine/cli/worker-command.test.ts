/**
 * The scale-out end to end: two compiled `samenhang worker` processes on a private Redis, the
 * coordinator being the CLI's `samenhang sweep --redis` run in-process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../package-root.ts';
import { KEY_PREFIX, QUEUE_NAME } from '../sweep/remote-protocol.ts';
import { redisAvailable, startRedis, TEST_REDIS_PASSWORD, type TestRedis } from '../testing/redis-server.ts';
import { captureIo } from './io.ts';
import { main } from './main.ts';

const scratch = mkdtempSync(join(tmpdir(), 'samenhang-workers-'));
const available = redisAvailable();

/** A `samenhang worker` process and everything it printed. */
interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

/** Starts the compiled worker and resolves at its ready line (no sleeps: it waits for the line). */
function startWorker(url: string): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [join(PACKAGE_ROOT, 'bin/samenhang.js'), 'worker', '--redis', url, '--threads', '1'],
    // A short lock: a killed worker's chunk moves to the other worker within seconds.
    { env: { ...process.env, SAMENHANG_WORKER_LOCK_MS: '2000' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('samenhang worker ready')) resolve({ child, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

function writeSpec(name: string, spec: unknown): string {
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

/** Physical axes (solar share, storage) and finance axes (WACC, energy-tax reinvestment) on the bundled data. */
const MIXED_SPEC = {
  base: {},
  axes: [
    { path: 'defaults.solarShare', values: [0.3, 0.7] },
    { path: 'defaults.storageMW', uniform: [0, 200] },
    { path: 'national.waccGrid', values: [0.02, 0.05] },
    { path: 'national.ebReinvestShare', uniform: [0, 0.5] },
  ],
  samples: 6,
  seed: 7,
};

if (available) {
  describe('samenhang worker processes', () => {
    let redis: TestRedis;
    let workers: WorkerProcess[] = [];
    let connection: Redis;
    let queue: Queue;
    const coordinatorOutput: string[] = [];

    beforeAll(async () => {
      redis = await startRedis();
      workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
      connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      queue = new Queue(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
    });

    afterAll(async () => {
      for (const worker of workers) worker.child.kill('SIGTERM');
      await Promise.all(workers.map((worker) => worker.exited));
      await queue?.close();
      connection?.disconnect();
      await redis?.stop();
      // The URL carries the password: no worker and no coordinator ever printed it.
      const everything = [...workers.map((worker) => worker.output()), ...coordinatorOutput].join('\n');
      expect(everything).not.toContain(TEST_REDIS_PASSWORD);
      expect(everything).toContain(`redis://127.0.0.1:${redis.port}`);
    });

    /** Runs `samenhang sweep` in-process; returns its status and stderr. */
    async function sweep(args: string[], signal?: AbortSignal): Promise<{ status: number; err: string }> {
      const io = captureIo({ signal });
      const status = await main(['sweep', ...args], io);
      coordinatorOutput.push(io.out, io.err);
      return { status, err: io.err };
    }

    it('write the same file as the local pool for a sweep with physical and finance axes', async () => {
      const spec = writeSpec('mixed', MIXED_SPEC);
      const local = join(scratch, 'mixed-local.arrow');
      const remote = join(scratch, 'mixed-remote.arrow');
      expect((await sweep([spec, '--workers', '2', '--out', local])).status).toBe(0);
      const run = await sweep([spec, '--redis', redis.url, '--chunk', '5', '--out', remote]);
      expect(run.status).toBe(0);
      expect(run.err).toContain(`remote workers via redis://127.0.0.1:${redis.port}`);
      expect(readFileSync(remote).equals(readFileSync(local))).toBe(true);
    });

    it('print the ready line docs/scale-out.md shows', () => {
      const docs = readFileSync(join(PACKAGE_ROOT, 'docs/scale-out.md'), 'utf8');
      const ready = /^\S+ samenhang worker ready: .*$/m.exec(workers[1].output())![0];
      const asDocumented = ready
        .replace(/^\S+/, '2026-11-30T15:00:00.000Z')
        .replace('1 thread(s)', '8 thread(s)')
        .replace(`redis://127.0.0.1:${redis.port}`, 'redis://10.0.0.5:6379');
      expect(docs).toContain(asDocumented);
    });

    it('never queue a sweep whose spec is invalid', async () => {
      const before = await queue.getJobCounts();
      const bad = writeSpec('bad', { base: {}, axes: [{ path: 'defaults.solarShare', values: [2] }] });
      const run = await sweep([bad, '--redis', redis.url, '--out', join(scratch, 'bad.arrow')]);
      expect(run.status).toBe(2);
      expect(run.err).toBe('error: axes.0.values.0: must lie in [0, 1], got 2\n');
      expect(await queue.getJobCounts()).toEqual(before);
      expect(await connection.keys(`${KEY_PREFIX}:sweep:*`)).toEqual([]);
      // A --redis value that is not a Redis URL is refused before anything connects.
      const wrongUrl = await sweep([
        writeSpec('ok', MIXED_SPEC),
        '--redis',
        'http://127.0.0.1',
        '--out',
        join(scratch, 'x.arrow'),
      ]);
      expect(wrongUrl.status).toBe(2);
      expect(wrongUrl.err).toContain('error: --redis: must start with redis://');
    });

    it('stop the workers’ running chunks when the coordinator cancels', async () => {
      // Chunks of 60 physical scenarios: seconds each, so one is running when the cancel comes.
      const spec = writeSpec('long', {
        base: {},
        axes: [{ path: 'defaults.solarShare', uniform: [0.1, 0.9] }],
        samples: 600,
      });
      const abort = new AbortController();
      const out = join(scratch, 'long.arrow');
      const running = sweep([spec, '--redis', redis.url, '--chunk', '60', '--out', out], abort.signal);
      await expect.poll(() => queue.getActiveCount()).toBeGreaterThan(0);
      abort.abort();
      const run = await running;
      expect(run.status).toBe(130);
      await expect.poll(() => workers.some((worker) => worker.output().includes('cancelled, stopped'))).toBe(true);
      await expect
        .poll(async () => {
          const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
          return Object.values(counts).reduce((sum, n) => sum + n, 0);
        })
        .toBe(0);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.partial`)).toBe(false);
    });

    it('give a killed worker’s chunk to the other worker and still write the identical file', async () => {
      const spec = writeSpec('kill', {
        ...MIXED_SPEC,
        axes: [{ path: 'defaults.solarShare', uniform: [0.1, 0.9] }, ...MIXED_SPEC.axes.slice(2)],
        samples: 40,
      });
      const local = join(scratch, 'kill-local.arrow');
      expect((await sweep([spec, '--workers', '2', '--out', local])).status).toBe(0);
      const eventsConnection = connection.duplicate();
      const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: KEY_PREFIX });
      await events.waitUntilReady();
      const stalled = new Promise<string>((resolve) => events.once('stalled', ({ jobId }) => resolve(jobId)));
      const victim = workers[0];
      const remote = join(scratch, 'kill-remote.arrow');
      const running = sweep([spec, '--redis', redis.url, '--chunk', '20', '--out', remote]);
      // Kill -9 the first worker as soon as it holds a chunk.
      await expect
        .poll(async () => {
          const active = await queue.getActive();
          return active.some((job) => job.processedBy?.endsWith(`:${victim.child.pid}`));
        })
        .toBe(true);
      victim.child.kill('SIGKILL');
      await victim.exited;
      const run = await running;
      expect(run.status).toBe(0);
      // BullMQ found the dead worker's chunk and queued it again ('none' if the chunk had just finished).
      expect(await Promise.race([stalled, Promise.resolve('none')])).toMatch(/-\d+$/);
      expect(readFileSync(remote).equals(readFileSync(local))).toBe(true);
      await events.close();
      eventsConnection.disconnect();
    });
  });
} else {
  it.skip('the scale-out needs redis-server (not installed)', () => undefined);
}
