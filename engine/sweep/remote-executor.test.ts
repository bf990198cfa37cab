import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis, TEST_REDIS_PASSWORD, type TestRedis } from '../testing/redis-server.ts';
import { dataset, describeExecutor, plan } from '../testing/executor-suite.ts';
import { parseRedisUrl, redactMessage, redactRedisUrl } from './redis-url.ts';
import { RemoteSweepExecutor } from './remote-executor.ts';
import { chunkJobId, KEY_PREFIX, QUEUE_NAME } from './remote-protocol.ts';
import { RemoteSweepWorker } from './remote-worker.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep } from './spec.ts';

const scratch = mkdtempSync(join(tmpdir(), 'samenhang-remote-'));
const available = redisAvailable();

/** Two in-process workers of one thread each against `redis`, with their log lines. */
async function startWorkers(redis: TestRedis, lines: string[]): Promise<RemoteSweepWorker[]> {
  const target = parseRedisUrl(redis.url, '--redis');
  return Promise.all(
    [1, 2].map((n) =>
      RemoteSweepWorker.start({ redis: target, threads: 1, log: (line) => lines.push(`w${n} ${line}`) }),
    ),
  );
}

describe('Redis URLs', () => {
  it('are shown without credentials, and messages lose the password', () => {
    expect(redactRedisUrl('redis://user:pw%40x@db.internal:6380/2')).toBe('redis://db.internal:6380/2');
    expect(redactRedisUrl('redis://:secret@127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    const target = parseRedisUrl('redis://:p4ss@10.0.0.5:6379', '--redis');
    expect(redactMessage('connect to redis://:p4ss@10.0.0.5:6379 failed (p4ss)', target)).toBe(
      'connect to redis://10.0.0.5:6379 failed (***)',
    );
  });

  it('reject what is not a redis:// URL, naming the flag and not repeating the text', () => {
    expect(() => parseRedisUrl('http://h:1', '--redis')).toThrow(/--redis: must start with redis:\/\//);
    expect(() => parseRedisUrl('::secret::', 'SAMENHANG_REDIS_URL')).toThrow(/SAMENHANG_REDIS_URL: must be a URL/);
    expect(() => parseRedisUrl('::secret::', 'SAMENHANG_REDIS_URL')).not.toThrow(/secret/);
  });
});

if (available) {
  let redis: TestRedis;
  const lines: string[] = [];
  let workers: RemoteSweepWorker[] = [];

  describeExecutor('remote workers on Redis', async () => {
    redis = await startRedis();
    workers = await startWorkers(redis, lines);
    const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(redis.url, '--redis') });
    return { executor, teardown: () => executor.close() };
  });

  describe('remote sweeps', () => {
    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      await redis?.stop();
      // Nothing the workers printed shows the password.
      expect(lines.join('\n')).not.toContain(TEST_REDIS_PASSWORD);
    });

    it('write the file the local pool writes, whatever the chunk size', async () => {
      const local = new SweepRunner({ workers: 2 });
      await local.run(dataset, plan, { outFile: join(scratch, 'local.arrow') });
      await local.close();
      const expected = readFileSync(join(scratch, 'local.arrow'));
      const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(redis.url, '--redis') });
      for (const chunkSize of [undefined, 1, 7]) {
        const outFile = join(scratch, `remote-${chunkSize}.arrow`);
        await executor.run(dataset, plan, { outFile, chunkSize });
        expect(readFileSync(outFile).equals(expected)).toBe(true);
      }
      // Record batches smaller than a chunk's batch: still one file, the local one for that batch size.
      await executor.run(dataset, plan, { outFile: join(scratch, 'remote-b4.arrow'), batchScenarios: 4, chunkSize: 3 });
      const localB4 = new SweepRunner({ workers: 0 });
      await localB4.run(dataset, plan, { outFile: join(scratch, 'local-b4.arrow'), batchScenarios: 4 });
      expect(readFileSync(join(scratch, 'remote-b4.arrow')).equals(readFileSync(join(scratch, 'local-b4.arrow')))).toBe(
        true,
      );
      await executor.close();
    });

    it('queue a batch of more chunks than may be in flight at once as earlier ones finish', async () => {
      // 8 chunks per record batch, at most 3 queued: the batch completes only if finishing chunks
      // make room for the rest (before, further chunks were queued only when a batch was written).
      const localB8 = new SweepRunner({ workers: 0 });
      await localB8.run(dataset, plan, { outFile: join(scratch, 'local-b8.arrow'), batchScenarios: 8 });
      await localB8.close();
      const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(redis.url, '--redis'), maxChunksInFlight: 3 });
      const outFile = join(scratch, 'remote-narrow.arrow');
      await executor.run(dataset, plan, { outFile, batchScenarios: 8, chunkSize: 1 });
      await executor.close();
      expect(readFileSync(outFile).equals(readFileSync(join(scratch, 'local-b8.arrow')))).toBe(true);
    });

    it('name the first invalid scenario as the local pool does', async () => {
      // Results that overflow show only when the scenarios run (scenarios 2 and 4 here).
      const spec = { base: {}, axes: [{ path: 'defaults.resScale', values: [1, 2, 1e308, 3, 1e308] }] };
      const overflowing = parseSweep(spec, dataset);
      const local = new SweepRunner({ workers: 0 });
      const localError = await local
        .run(dataset, overflowing, { outFile: join(scratch, 'inv-l.arrow') })
        .catch((e) => e);
      const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(redis.url, '--redis') });
      const remoteError = await executor
        .run(dataset, overflowing, { outFile: join(scratch, 'inv-r.arrow'), chunkSize: 1, batchScenarios: 2 })
        .catch((e) => e);
      await executor.close();
      expect(localError.message).toMatch(/^axes: scenario 2 /);
      expect(remoteError.issues).toEqual(localError.issues);
      expect(existsSync(join(scratch, 'inv-r.arrow'))).toBe(false);
    });

    it('let workers drop the jobs of a sweep no coordinator keeps alive (no orphans)', async () => {
      // As after a coordinator crash: its sweep key has expired, its chunk jobs are still queued.
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      const queue = new Queue(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
      const ids = [0, 1, 2].map((chunk) => chunkJobId('crashed-coordinator', chunk));
      await queue.addBulk(
        ids.map((jobId, chunk) => ({
          name: 'chunk',
          data: { sweep: 'crashed-coordinator', chunk, from: chunk, to: chunk + 1 },
          opts: { jobId },
        })),
      );
      await expect
        .poll(async () => Promise.all(ids.map(async (id) => (await queue.getJob(id))?.returnvalue?.dropped ?? null)))
        .toEqual(['gone', 'gone', 'gone']);
      await queue.close();
      connection.disconnect();
    });

    it('fail with a clear message, without the password, when Redis refuses the credentials', async () => {
      const wrong = redis.url.replace(TEST_REDIS_PASSWORD, 'wrong-pw-123');
      const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(wrong, '--redis'), redisTimeoutMs: 1000 });
      const error = await executor.run(dataset, plan, { outFile: join(scratch, 'wrongpw.arrow') }).catch((e) => e);
      await executor.close();
      expect(error.message).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
      expect(error.message).not.toContain('wrong-pw-123');
      expect(existsSync(join(scratch, 'wrongpw.arrow'))).toBe(false);
    });
  });

  describe('Redis going away', () => {
    let lost: TestRedis;
    const lostLines: string[] = [];
    let lostWorkers: RemoteSweepWorker[] = [];
    beforeAll(async () => {
      lost = await startRedis();
      lostWorkers = await startWorkers(lost, lostLines);
    });
    afterAll(async () => {
      await Promise.all(lostWorkers.map((worker) => worker.close(true)));
      await lost.stop();
    });

    it('fails the sweep cleanly and leaves no result file', async () => {
      const big = parseSweep(
        { base: {}, axes: [{ path: 'defaults.evCount', uniform: [0, 1000] }], samples: 200000 },
        dataset,
      );
      const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(lost.url, '--redis'), redisTimeoutMs: 1000 });
      const outFile = join(scratch, 'lost.arrow');
      let killed = false;
      const running = executor.run(dataset, big, {
        outFile,
        chunkSize: 500,
        batchScenarios: 2000,
        onProgress: (done) => {
          if (done > 0 && !killed) {
            killed = true;
            void lost.stop('SIGKILL');
          }
        },
      });
      await expect(running).rejects.toThrow(/lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+/);
      await executor.close();
      expect(existsSync(outFile)).toBe(false);
      expect(existsSync(`${outFile}.partial`)).toBe(false);
    });
  });
} else {
  it.skip('remote sweeps need redis-server (not installed)', () => undefined);
}
