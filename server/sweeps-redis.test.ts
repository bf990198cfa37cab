// Sweep jobs on remote workers (SAMENHANG_REDIS_URL): the API, its events and cancellation behave
// as with the local pool, and the result file is the local pool's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteSweepWorker } from '../engine/sweep/remote-worker.ts';
import { redisAvailable, startRedis, TEST_REDIS_PASSWORD, type TestRedis } from '../engine/testing/redis-server.ts';
import { loadDataset, parseRedisUrl, parseSweep, SweepRunner } from '../engine/index.ts';
import type { App } from './context.ts';
import { sweepEnded, TINY_DATASET, tinyApp } from './test-support.ts';

const SPEC = {
  name: 'opslag en wacc',
  base: { defaults: { storageMW: 1 } },
  axes: [
    { path: 'defaults.storageMWh', values: [0, 2, 4] },
    { path: 'national.waccGrid', uniform: [0.02, 0.05] },
  ],
  samples: 3,
  seed: 7,
};

if (redisAvailable()) {
  describe('sweep jobs on remote workers', () => {
    let redis: TestRedis;
    let worker: RemoteSweepWorker;
    let app: App;
    let root: string;
    let cleanup: () => Promise<void>;
    const workerLines: string[] = [];
    const serverLog: string[] = [];

    beforeAll(async () => {
      redis = await startRedis();
      const target = parseRedisUrl(redis.url, 'SAMENHANG_REDIS_URL');
      worker = await RemoteSweepWorker.start({ redis: target, threads: 1, log: (line) => workerLines.push(line) });
      ({ app, root, cleanup } = await tinyApp({
        sweepRedisUrl: redis.url,
        logger: { level: 'info', stream: { write: (line: string) => serverLog.push(line) } },
      }));
    });

    afterAll(async () => {
      await cleanup?.();
      await worker?.close();
      await redis?.stop();
      expect([...workerLines, ...serverLog].join('\n')).not.toContain(TEST_REDIS_PASSWORD);
    });

    it('run to done with progress events, and the result is the local pool’s file', async () => {
      const submitted = await app.inject({ method: 'POST', url: '/api/sweeps', payload: SPEC });
      expect(submitted.statusCode).toBe(202);
      const id = submitted.json().id as string;
      const job = await sweepEnded(app, id);
      expect(job.status).toBe('done');
      expect(job.progress).toEqual({ done: 9, total: 9 });
      const dataset = loadDataset(TINY_DATASET);
      const local = new SweepRunner({ workers: 1 });
      const localFile = join(root, 'local.arrow');
      await local.run(dataset, parseSweep(SPEC, dataset), { outFile: localFile });
      await local.close();
      const resultFile = join(root, 'var', 'sweeps', `${id}.arrow`);
      expect(readFileSync(resultFile).equals(readFileSync(localFile))).toBe(true);
      expect((await app.inject(`/api/sweeps/${id}/result`)).statusCode).toBe(200);
    });

    it('cancel stops a running sweep on the workers and leaves no file', async () => {
      const long = { base: {}, axes: [{ path: 'defaults.storageMW', uniform: [0, 20] }], samples: 40_000, seed: 1 };
      const submitted = await app.inject({ method: 'POST', url: '/api/sweeps', payload: long });
      const id = submitted.json().id as string;
      await expect.poll(async () => (await app.inject(`/api/sweeps/${id}`)).json().progress.done).toBeGreaterThan(0);
      const cancelled = await app.inject({ method: 'DELETE', url: `/api/sweeps/${id}` });
      expect(cancelled.json().status).toBe('cancelled');
      expect(existsSync(join(root, 'var', 'sweeps', `${id}.arrow`))).toBe(false);
    });
  });
} else {
  it.skip('sweeps on remote workers need redis-server (not installed)', () => undefined);
}
