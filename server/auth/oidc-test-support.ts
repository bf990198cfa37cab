/**
 * A local OpenID Connect provider for the tests (oidc-provider on 127.0.0.1 with its development
 * login pages) and a scripted browser that signs in there. Test-only: not part of dist/.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Where the provider sends the browser back; never contacted, the test hands it to app.inject. */
export const REDIRECT = 'http://127.0.0.1:8035/api/auth/oidc/callback';
export const CLIENT = { client_id: 'samenhang', client_secret: 'a client secret only this test knows' };

/** A local OpenID Connect provider on 127.0.0.1 (oidc-provider with its development login pages). */
export async function startProvider(): Promise<{ issuer: string; server: Server }> {
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
export async function signInAtProvider(start: string, login: string): Promise<URL> {
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
