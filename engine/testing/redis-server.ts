/**
 * Test support for the scale-out: a private redis-server on a free loopback port (no persistence,
 * a password so the tests can prove it is never printed), stopped by its PID.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

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

/** A certificate and its key (PEM files) for a Redis that serves TLS only. */
export interface TestRedisTls {
  certFile: string;
  keyFile: string;
}

/** Where Debian installs openssl (a dependency of ca-certificates, so on every Debian with TLS). */
export const OPENSSL = process.env.OPENSSL ?? '/usr/bin/openssl';

/**
 * A self-signed certificate for 127.0.0.1 (also its own CA: clients trust it through
 * NODE_EXTRA_CA_CERTS=certFile), valid for a day, written into `dir`.
 */
export function selfSignedCertificate(dir: string): TestRedisTls {
  const certFile = join(dir, 'redis-test.crt');
  const keyFile = join(dir, 'redis-test.key');
  execFileSync(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      // Node checks an IP address against the certificate's IP subject alternative names.
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

/** A running test Redis. */
export interface TestRedis {
  port: number;
  /** redis://:PASSWORD@127.0.0.1:PORT, or rediss:// when it serves TLS */
  url: string;
  process: ChildProcess;
  /** Stops the server (SIGKILL with `kill`, to pull it away mid-sweep) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts redis-server on a free loopback port and resolves once it accepts connections. With `tls`
 * it serves TLS only (no plain port), with that certificate, and does not ask clients for one.
 */
export async function startRedis(options: { tls?: TestRedisTls } = {}): Promise<TestRedis> {
  const { tls } = options;
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const listen = tls
      ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.certFile, '--tls-key-file', tls.keyFile]
      : ['--port', String(port)];
    const tlsClients = tls ? ['--tls-ca-cert-file', tls.certFile, '--tls-auth-clients', 'no'] : [];
    const child = spawn(
      REDIS_SERVER,
      [
        ...listen,
        ...tlsClients,
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
      url: `${tls ? 'rediss' : 'redis'}://:${TEST_REDIS_PASSWORD}@127.0.0.1:${port}`,
      process: child,
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      },
    };
  }
}
