import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db.ts';
import { AccountStore } from './accounts.ts';
import { accountsApp } from './test-support.ts';

/** Where the provider sends the browser back; never contacted, the test hands it to app.inject. */
const REDIRECT = 'http://127.0.0.1:8035/api/auth/oidc/callback';
const CLIENT = { client_id: 'samenhang', client_secret: 'a client secret only this test knows' };

/** A local OpenID Connect provider on 127.0.0.1 (oidc-provider with its development login pages). */
async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        ...CLIENT,
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, preferred_username: id }) }),
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    cookies: { keys: ['a cookie key only this test knows'] },
  });
  server.on('request', provider.callback());
  return { issuer, server };
}

/**
 * A browser at the provider: follows redirects with its own cookie jar and fills in the
 * development login (any name) and consent forms, until the provider redirects back to us.
 */
async function signInAtProvider(start: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  let init: RequestInit = {};
  for (let step = 0; step < 12; step++) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(REDIRECT)) return url;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page ${response.status}: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login, password: 'x' } : {}) });
    init = { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider did not redirect back');
}

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
