/**
 * Test support for the scale-out: a private redis-server on a free loopback port (no persistence,
 * a password so the tests can prove it is never printed), stopped by its PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Where Debian installs redis-server (.ci/run installs it with apt-get). */
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** The password of test Redis servers; the tests check no output ever contains it. */
export const TEST_REDIS_PASSWORD = 'redis-test-s3cret';

/**
 * True when the Redis tests can run. Without redis-server they are skipped with a message, except
 * on CI (CI=true), where a missing redis-server fails the run instead of hiding the tests.
 */
export function redisAvailable(): boolean {
  if (existsSync(REDIS_SERVER)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${REDIS_SERVER} is missing; .ci/run installs it with apt-get install redis-server`);
  console.warn(`skipping the scale-out tests: ${REDIS_SERVER} is not installed (apt-get install redis-server)`);
  return false;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for redis-server). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running test Redis. */
export interface TestRedis {
  port: number;
  /** redis://:PASSWORD@127.0.0.1:PORT */
  url: string;
  process: ChildProcess;
  /** Stops the server (SIGKILL with `kill`, to pull it away mid-sweep) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts redis-server on a free loopback port and resolves once it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      REDIS_SERVER,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--requirepass',
        TEST_REDIS_PASSWORD,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const started = await new Promise<boolean>((resolve) => {
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) resolve(true);
      });
      child.stderr!.on('data', (chunk) => (output += chunk));
      child.once('exit', () => resolve(false));
    });
    if (!started) {
      // Another process took the port between freePort and the start: try another one.
      if (attempt < 3 && /Address already in use/.test(output)) continue;
      throw new Error(`redis-server did not start: ${output}`);
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return {
      port,
      url: `redis://:${TEST_REDIS_PASSWORD}@127.0.0.1:${port}`,
      process: child,
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      },
    };
  }
}
