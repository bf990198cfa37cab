import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, parseRedisUrl, ValidationError } from '../engine/index.ts';
import { buildApp, contextOf, REPO_ROOT } from './app.ts';
import { authModeFor } from './auth/mode.ts';
import { OIDC_OPTION_SPEC, OidcConfigError, oidcOptionsFrom } from './auth/oidc-config.ts';
import { OidcDiscoveryError } from './auth/oidc.ts';
import { NoAccountsError } from './auth/plugin.ts';
import { runUsersCommand } from './auth/users-cli.ts';
import type { App } from './context.ts';
import { DataDirError } from './db.ts';
import { seedExampleRegister } from './intekenboek-example.ts';
import { seedLibrary } from './seed.ts';

const USAGE = `Usage: samenhang-server [--port N] [--host ADDRESS] [--data-dir DIR]
       samenhang-server users <command>    (accounts and API tokens; users --help)

  --port             TCP port (default 8035; 0 picks a free one)
  --host             address to bind (default 127.0.0.1, this machine only: single user, no sign-in);
                     any other address requires accounts and signs users in (docs/security.md)
  --data-dir         database and sweep results (default $SAMENHANG_DATA_DIR or ./var)
  --require-sign-in  sign users in also on a loopback address
  --trust-proxy ADDR the TLS proxy in front (its X-Forwarded-For/-Proto are believed)
  --plain-http       session cookies without Secure (only on a network you trust: no TLS)

Sweeps run on this machine's worker threads, or with SAMENHANG_REDIS_URL=redis://HOST:PORT on the
\`samenhang worker\` processes of that Redis (docs/scale-out.md).

Sign-in through an OpenID Connect provider (shared mode; docs/security.md). Each option can also
be set by the environment variable after it:
  --oidc-issuer URL            the provider's issuer                     SAMENHANG_OIDC_ISSUER
  --oidc-client-id ID          this server's client id there             SAMENHANG_OIDC_CLIENT_ID
  --oidc-client-secret-file F  a file holding the client secret          SAMENHANG_OIDC_CLIENT_SECRET_FILE
                               (or the secret itself in SAMENHANG_OIDC_CLIENT_SECRET; never an argument)
  --oidc-redirect-uri URL      https://<this server>/api/auth/oidc/callback, as registered there
                                                                         SAMENHANG_OIDC_REDIRECT_URI
  --oidc-username-claim NAME   the claim naming the local account        SAMENHANG_OIDC_USERNAME_CLAIM
                               (default preferred_username)
  --oidc-label TEXT            the sign-in button says "Aanmelden via TEXT"  SAMENHANG_OIDC_LABEL`;

/** Exit 2 with one line: bad options or an unusable data directory. */
function fail(message: string): never {
  process.stderr.write(`samenhang: ${message}\n`);
  process.exit(2);
}

const OPTION_SPEC = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'require-sign-in': { type: 'boolean' },
  'trust-proxy': { type: 'string' },
  'plain-http': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...OIDC_OPTION_SPEC,
} as const;

function options() {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC }>>['values'];
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: OPTION_SPEC,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message} (see --help)`);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const portText = parsed.port ?? '8035';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535)
    fail(`--port must be a whole number from 0 to 65535, got '${portText}'`);
  const host = parsed.host ?? '127.0.0.1';
  if (host.trim() === '') fail('--host must not be empty');
  const dataDir = parsed['data-dir'] ?? process.env.SAMENHANG_DATA_DIR ?? './var';
  if (dataDir.trim() === '') fail('--data-dir must not be empty');
  const mode = parsed['require-sign-in'] ? 'accounts' : authModeFor(host);
  const oidc = oidcSettings(parsed);
  if (oidc && mode === 'open')
    fail('OpenID Connect signs users in, but this server is single-user on loopback: add --require-sign-in');
  const auth = { mode, secureCookies: !parsed['plain-http'], ...(oidc ? { oidc } : {}) } as const;
  return { port, host, dataDir, auth, trustProxy: parsed['trust-proxy'], redis: redisTarget() };
}

/** SAMENHANG_REDIS_URL, checked (exit 2 naming it; the value may hold a password and is not repeated). */
function redisTarget() {
  const url = process.env.SAMENHANG_REDIS_URL;
  if (url === undefined || url === '') return undefined;
  try {
    return parseRedisUrl(url, 'SAMENHANG_REDIS_URL');
  } catch (error) {
    if (error instanceof ValidationError) fail(formatIssue(error.issues[0]));
    throw error;
  }
}

/** OpenID Connect from the options and the environment; exit 2 naming what is missing or wrong. */
function oidcSettings(values: Parameters<typeof oidcOptionsFrom>[0]) {
  try {
    return oidcOptionsFrom(values, process.env);
  } catch (error) {
    if (error instanceof OidcConfigError) fail(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'users') {
    const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
    process.exit(await runUsersCommand(process.argv.slice(3), io));
  }
  const { port, host, dataDir, auth, trustProxy, redis } = options();
  let app: App;
  try {
    app = await buildApp({
      dataDir,
      uiDir: join(REPO_ROOT, 'dist', 'ui'),
      logger: { level: process.env.SAMENHANG_LOG_LEVEL ?? 'info', stream: process.stderr },
      auth,
      trustProxy,
      sweepRedisUrl: redis?.url,
    });
  } catch (error) {
    if (error instanceof DataDirError || error instanceof NoAccountsError) fail(error.message);
    if (error instanceof OidcDiscoveryError) fail(error.message);
    throw error;
  }
  const ctx = contextOf(app);
  if (redis) app.log.info({ redis: redis.shown }, 'sweeps run on remote workers (samenhang worker) through Redis');
  const seeded = seedLibrary(ctx, join(REPO_ROOT, 'scenarios'));
  if (seeded.imported.length > 0)
    app.log.info({ files: seeded.imported.map((entry) => entry.file) }, 'bundled scenarios added to the library');
  for (const skipped of seeded.skipped) app.log.warn(skipped, 'bundled scenario skipped');
  const examples = seedExampleRegister(ctx.db, ctx.commitments, REPO_ROOT, ctx.datasets.get());
  if (examples.added > 0) app.log.info({ added: examples.added }, 'example register added to the intekenboek');

  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      fail(
        `port ${port} on ${host} is already in use (another Samenhang server?): start this one with --port N ` +
          '(--port 0 picks a free one) and, for a second server next to the first, its own --data-dir DIR',
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES')
      fail(`cannot listen on ${host}:${port} (${code})`);
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actualPort}/`;
  process.stdout.write(`Samenhang draait op ${url}\nSamenhang is running at ${url} (API docs: ${url}docs)\n`);

  // Load the default dataset now, so that the first evaluation does not wait for it.
  setImmediate(() => {
    try {
      ctx.datasets.get();
    } catch (error) {
      app.log.error({ err: error }, 'the default dataset cannot be loaded');
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`samenhang: could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
