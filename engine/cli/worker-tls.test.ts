/**
 * The scale-out over TLS (rediss://): a Redis that serves TLS only, with a self-signed certificate
 * that the compiled worker and the compiled CLI trust through NODE_EXTRA_CA_CERTS, as
 * docs/scale-out.md tells users to do with a private CA.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../package-root.ts';
import { parseRedisUrl } from '../sweep/redis-url.ts';
import { RemoteSweepExecutor } from '../sweep/remote-executor.ts';
import { dataset, plan } from '../testing/executor-suite.ts';
import {
  OPENSSL,
  redisAvailable,
  selfSignedCertificate,
  startRedis,
  TEST_REDIS_PASSWORD,
  type TestRedis,
  type TestRedisTls,
} from '../testing/redis-server.ts';
import { captureIo } from './io.ts';
import { main } from './main.ts';

const scratch = mkdtempSync(join(tmpdir(), 'samenhang-tls-'));
const CLI = join(PACKAGE_ROOT, 'bin/samenhang.js');

/** openssl makes the certificate; on CI a missing one fails the run instead of hiding the test. */
function opensslAvailable(): boolean {
  if (existsSync(OPENSSL)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${OPENSSL} is missing`);
  console.warn(`skipping the TLS scale-out test: ${OPENSSL} is not installed`);
  return false;
}

/** The environment of a process that trusts `certFile` (or, without it, only the public CAs). */
function envTrusting(certFile: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.SAMENHANG_REDIS_URL;
  if (certFile) env.NODE_EXTRA_CA_CERTS = certFile;
  return env;
}

/** A compiled worker process and what it printed, resolved once its output matches `until`. */
function startWorker(
  url: string,
  env: NodeJS.ProcessEnv,
  until: RegExp,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'worker', '--redis', url, '--threads', '1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (until.test(output)) resolve({ child, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const SPEC = {
  base: {},
  axes: [
    { path: 'defaults.solarShare', uniform: [0.2, 0.8] },
    { path: 'national.waccGrid', values: [0.02, 0.05] },
  ],
  samples: 4,
  seed: 5,
};

if (redisAvailable() && opensslAvailable()) {
  describe('samenhang worker and sweep over rediss:// (TLS)', () => {
    let tls: TestRedisTls;
    let redis: TestRedis;
    const printed: string[] = [];

    beforeAll(async () => {
      tls = selfSignedCertificate(scratch);
      redis = await startRedis({ tls });
    });

    afterAll(async () => {
      await redis?.stop();
      // The URL carries the password: nothing any process printed shows it.
      expect(printed.join('\n')).not.toContain(TEST_REDIS_PASSWORD);
    });

    it('run a sweep on a TLS-only Redis whose certificate they trust, writing the local pool’s file', async () => {
      expect(redis.url).toMatch(/^rediss:\/\//);
      const specFile = join(scratch, 'spec.json');
      writeFileSync(specFile, JSON.stringify(SPEC));
      const local = join(scratch, 'local.arrow');
      const io = captureIo();
      expect(await main(['sweep', specFile, '--workers', '1', '--out', local], io)).toBe(0);
      const worker = await startWorker(redis.url, envTrusting(tls.certFile), /samenhang worker ready/);
      try {
        const remote = join(scratch, 'remote.arrow');
        // The compiled CLI as the coordinator: NODE_EXTRA_CA_CERTS is read when a process starts.
        const run = await promisify(execFile)(
          process.execPath,
          [CLI, 'sweep', specFile, '--redis', redis.url, '--chunk', '2', '--out', remote],
          { env: envTrusting(tls.certFile) },
        );
        printed.push(run.stdout, run.stderr);
        expect(run.stderr).toContain(`remote workers via rediss://127.0.0.1:${redis.port}`);
        expect(readFileSync(remote).equals(readFileSync(local))).toBe(true);
        expect(worker.output()).toContain(`queue on rediss://127.0.0.1:${redis.port}`);
        expect(worker.output()).toContain('loaded dataset');
      } finally {
        await stop(worker.child);
        printed.push(worker.output());
      }
    });

    it('a worker that does not trust the certificate says so and keeps retrying, without the password', async () => {
      const worker = await startWorker(redis.url, envTrusting(undefined), /certificate/);
      try {
        expect(worker.output()).toMatch(
          new RegExp(`redis rediss://127\\.0\\.0\\.1:${redis.port}: self[- ]signed certificate.*\\(retrying\\)`),
        );
        expect(worker.output()).not.toContain('samenhang worker ready');
        // The line docs/scale-out.md shows, up to its time and port.
        const docs = readFileSync(join(PACKAGE_ROOT, 'docs/scale-out.md'), 'utf8');
        const line = /^\S+ redis rediss:.*certificate.*$/m.exec(worker.output())![0];
        const documented = /^\S+ redis rediss:\/\/127\.0\.0\.1:(\d+): .*certificate.*$/m.exec(docs);
        expect(documented, 'docs/scale-out.md shows the line').not.toBeNull();
        expect(
          line.replace(/^\S+/, documented![0].split(' ')[0]).replace(`:${redis.port}:`, `:${documented![1]}:`),
        ).toBe(documented![0]);
      } finally {
        worker.child.kill('SIGKILL'); // it is still connecting: nothing to finish
        printed.push(worker.output());
      }
    });

    it('a coordinator that does not trust the certificate fails the sweep naming the reason, not the password', async () => {
      // This process was started without NODE_EXTRA_CA_CERTS: it trusts only the public CAs.
      const executor = new RemoteSweepExecutor({ redis: parseRedisUrl(redis.url, '--redis'), redisTimeoutMs: 1000 });
      const outFile = join(scratch, 'untrusted.arrow');
      const error = await executor.run(dataset, plan, { outFile }).catch((e: Error) => e);
      await executor.close();
      expect(String(error)).toMatch(
        new RegExp(`cannot reach Redis at rediss://127\\.0\\.0\\.1:${redis.port} \\(self[- ]signed certificate\\)`),
      );
      printed.push(String(error));
      expect(existsSync(outFile)).toBe(false);
    });
  });
} else {
  it.skip('the TLS scale-out test needs redis-server and openssl', () => undefined);
}
