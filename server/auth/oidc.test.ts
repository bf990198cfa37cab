import { type ChildProcess, execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../app.ts';
import { openDatabase, prepareDataDir } from '../db.ts';
import { spawnUntilReady, tempDir } from '../test-support.ts';
import { AccountStore } from './accounts.ts';
import { CLIENT, REDIRECT, signInAtProvider, startProvider } from './oidc-test-support.ts';
import { accountsApp } from './test-support.ts';

describe('OpenID Connect sign-in against a local provider', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let env: Awaited<ReturnType<typeof accountsApp>>;

  beforeAll(async () => {
    provider = await startProvider();
    env = await accountsApp(
      { beheer: ['beheerder'] },
      {
        auth: {
          oidc: { issuer: provider.issuer, ...idp(), redirectUri: REDIRECT, label: 'Testorganisatie', allowHttp: true },
        },
      },
    );
    const db = openDatabase(env.dataDir);
    try {
      const store = new AccountStore(db);
      store.addExternal('anna', ['regio:ES01']);
      store.addExternal('oud', ['lezer']);
      store.disable('oud');
    } finally {
      db.close();
    }
  }, 120_000);
  afterAll(async () => {
    await env?.cleanup();
    provider?.server.close();
  });

  function idp() {
    return { clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret };
  }

  /** Starts at /api/auth/oidc/start, signs in at the provider, and hands the callback to the app. */
  async function flow(login: string, options: { dropBrowserCookie?: boolean } = {}) {
    const start = await env.app.inject('/api/auth/oidc/start');
    expect(start.statusCode).toBe(303);
    const browserCookie = start.cookies.find((c) => c.name === 'samenhang_oidc');
    expect(browserCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const back = await signInAtProvider(start.headers.location as string, login);
    return env.app.inject({
      url: `${back.pathname}${back.search}`,
      headers: options.dropBrowserCookie ? {} : { cookie: `samenhang_oidc=${browserCookie?.value}` },
    });
  }

  it('the sign-in page learns that the provider is there', async () => {
    const session = (await env.app.inject('/api/auth/session')).json();
    expect(session).toMatchObject({
      mode: 'accounts',
      user: null,
      oidc: { label: 'Testorganisatie', start: '/api/auth/oidc/start' },
    });
  });

  it('signs in an account named by the provider; roles come from the local account', async () => {
    const callback = await flow('anna');
    expect(callback.statusCode, callback.body).toBe(303);
    expect(callback.headers.location).toBe('/');
    const session = callback.cookies.find((c) => c.name === 'samenhang_session');
    const me = await env.app.inject({
      url: '/api/auth/session',
      headers: { cookie: `samenhang_session=${session?.value}` },
    });
    expect(me.json().user).toEqual({ username: 'anna', roles: ['regio:ES01'], gridRegions: [] });
  });

  it('refuses a provider identity without an enabled local account, and a callback from another browser', async () => {
    expect((await flow('mallory')).statusCode).toBe(403);
    expect((await flow('oud')).statusCode).toBe(403);
    const stolen = await flow('anna', { dropBrowserCookie: true });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.cookies.find((c) => c.name === 'samenhang_session')).toBeUndefined();
  });

  it('accounts without a password cannot sign in with one', async () => {
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: 'any password at all' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('samenhang-server configured for OpenID Connect from options, the environment and a secret file', () => {
  const MAIN = join(REPO_ROOT, 'dist', 'server', 'main.js');
  const children: ChildProcess[] = [];
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let secretFile: string;

  beforeAll(async () => {
    provider = await startProvider();
    secretFile = join(tempDir('samenhang-oidc-secret-'), 'client-secret');
    writeFileSync(secretFile, `${CLIENT.client_secret}\n`, { mode: 0o600 });
  }, 120_000);
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    provider?.server.close();
  });

  const baseEnv = () => ({
    ...process.env,
    SAMENHANG_LOG_LEVEL: 'info',
    SAMENHANG_OIDC_CLIENT_ID: CLIENT.client_id,
    SAMENHANG_OIDC_REDIRECT_URI: REDIRECT,
    SAMENHANG_OIDC_LABEL: 'Testorganisatie',
  });
  /** A data directory of its own (one server each) holding the external account anna. */
  function dataDirWithAnna(): string {
    const dataDir = prepareDataDir(join(tempDir('samenhang-oidc-cli-'), 'var')).dataDir;
    const db = openDatabase(dataDir);
    try {
      new AccountStore(db).addExternal('anna', ['regio:ES01']);
    } finally {
      db.close();
    }
    return dataDir;
  }
  const serverArgs = (...more: string[]) => [
    MAIN,
    ...['--port', '0', '--data-dir', dataDirWithAnna(), '--require-sign-in', '--plain-http'],
    ...more,
  ];

  function exitOf(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8' }, (error, _stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
  }

  it('signs in through the provider end to end, and never logs the client secret', async () => {
    const { match, stderr } = await spawnUntilReady(
      serverArgs('--oidc-issuer', provider.issuer, '--oidc-client-secret-file', secretFile),
      /Samenhang draait op (http:\/\/127\.0\.0\.1:\d+)\//,
      children,
      baseEnv(),
    );
    const base = match[1];
    const session = (await (await fetch(`${base}/api/auth/session`)).json()) as { oidc?: unknown };
    expect(session.oidc).toEqual({ label: 'Testorganisatie', start: '/api/auth/oidc/start' });

    const start = await fetch(`${base}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const browserKey = /samenhang_oidc=([^;]+)/.exec(start.headers.getSetCookie().join('\n'))?.[1];
    const back = await signInAtProvider(start.headers.get('location') as string, 'anna');
    const callback = await fetch(`${base}${back.pathname}${back.search}`, {
      redirect: 'manual',
      headers: { cookie: `samenhang_oidc=${browserKey}` },
    });
    expect(callback.status, await callback.text()).toBe(303);
    const cookie = /samenhang_session=[^;]+/.exec(callback.headers.getSetCookie().join('\n'))?.[0];
    const me = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie: cookie ?? '' } })).json()) as {
      user?: unknown;
    };
    expect(me.user).toEqual({ username: 'anna', roles: ['regio:ES01'], gridRegions: [] });
    expect(stderr()).toContain('"level"'); // the log was captured
    expect(stderr()).not.toContain(CLIENT.client_secret);
  });

  it('exits 2 with one line for a missing secret, an unreachable provider, or OpenID Connect on an open server', async () => {
    const env = baseEnv();
    const unreachable = `http://127.0.0.1:${(await freePort()).toString()}`;
    const results = await Promise.all([
      exitOf(serverArgs('--oidc-issuer', provider.issuer), env),
      exitOf(serverArgs('--oidc-issuer', unreachable, '--oidc-client-secret-file', secretFile), env),
      exitOf([MAIN, '--port', '0', '--data-dir', dataDirWithAnna()], {
        ...env,
        SAMENHANG_OIDC_ISSUER: provider.issuer,
        SAMENHANG_OIDC_CLIENT_SECRET: CLIENT.client_secret,
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual([2, 2, 2]);
    for (const r of results) expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(results[0].stderr).toContain('the client secret is missing');
    expect(results[1].stderr).toContain(`cannot read the OpenID Connect provider's configuration at ${unreachable}`);
    expect(results[2].stderr).toContain('add --require-sign-in');
    for (const r of results) expect(r.stderr).not.toContain(CLIENT.client_secret);
  });
});

/** A port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
