import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { App } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { AuthRuntime } from './plugin.ts';

/**
 * Sign-in through an organisation's own OpenID Connect provider (authorization code flow with
 * PKCE, state and nonce). The provider says who someone is; Samenhang's own accounts say what they
 * may do: the claim `usernameClaim` must name an enabled local account (created with
 * `users add <name> --role … --external`, or one with a password).
 */
export interface OidcOptions {
  /** The provider's issuer URL (its discovery document is read at start-up). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback as registered at the provider: https://<host>/api/auth/oidc/callback */
  redirectUri: string;
  /** The ID-token claim holding the local account name; default `preferred_username`. */
  usernameClaim?: string;
  /** Shown on the sign-in page ("Aanmelden via …"); default `uw organisatie`. */
  label?: string;
  /** Tests only: allow a provider on plain http (a local test provider on 127.0.0.1). */
  allowHttp?: boolean;
}

/** A sign-in started at the provider: kept by its `state` for 10 minutes. */
interface Pending {
  verifier: string;
  nonce: string;
  /** Also in the `samenhang_oidc` cookie of the browser that started it (against login CSRF). */
  browserKey: string;
  expiresAt: number;
}
const PENDING_MS = 10 * 60_000;
const BROWSER_COOKIE = 'samenhang_oidc';

/**
 * The session cookie is SameSite=Strict, so the browser does not send it on the provider's
 * cross-site redirect back: pending sign-ins are kept here by state, bound to the browser by a
 * short-lived SameSite=Lax cookie.
 */
class PendingSignIns {
  private readonly byState = new Map<string, Pending>();

  add(state: string, pending: Omit<Pending, 'expiresAt'>): void {
    const now = Date.now();
    for (const [key, old] of this.byState) if (old.expiresAt <= now) this.byState.delete(key);
    this.byState.set(state, { ...pending, expiresAt: now + PENDING_MS });
  }

  /** Takes the pending sign-in of `state` if the browser holds its key. */
  take(state: string, browserKey: string | undefined): Pending | undefined {
    const pending = this.byState.get(state);
    if (!pending || pending.expiresAt <= Date.now() || !browserKey) return undefined;
    const a = Buffer.from(pending.browserKey);
    const b = Buffer.from(browserKey);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
    this.byState.delete(state);
    return pending;
  }
}

/** The provider's discovery document could not be read at start-up. */
export class OidcDiscoveryError extends Error {
  constructor(issuer: string, cause: unknown) {
    const reason = (cause as { cause?: { code?: string } }).cause?.code ?? (cause as Error).message;
    super(`cannot read the OpenID Connect provider's configuration at ${issuer} (${reason})`);
    this.name = 'OidcDiscoveryError';
  }
}

/** Reads the provider's discovery document; throws OidcDiscoveryError when it cannot be reached or is not valid. */
export async function discoverProvider(options: OidcOptions): Promise<client.Configuration> {
  try {
    return await client.discovery(
      new URL(options.issuer),
      options.clientId,
      undefined,
      client.ClientSecretPost(options.clientSecret),
      options.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  } catch (error) {
    throw new OidcDiscoveryError(options.issuer, error);
  }
}

/** GET /api/auth/oidc/start (redirect to the provider) and GET /api/auth/oidc/callback. */
export function registerOidcRoutes(
  app: App,
  runtime: AuthRuntime,
  options: OidcOptions,
  config: client.Configuration,
): void {
  const tags = ['auth'];
  const pendingSignIns = new PendingSignIns();
  const secure = runtime.secureCookies;
  app.get(
    '/api/auth/oidc/start',
    { schema: { tags, summary: 'Sign in through the organisation’s OpenID Connect provider (redirect)' } },
    async (_request, reply) => {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const browserKey = randomBytes(24).toString('base64url');
      pendingSignIns.add(state, { verifier, nonce, browserKey });
      reply.setCookie(BROWSER_COOKIE, browserKey, {
        path: '/api/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: PENDING_MS / 1000,
      });
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(target.href, 303);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags,
        summary: 'Where the provider sends the browser back; signs in and redirects to the UI',
        querystring: z.looseObject({}),
      },
    },
    async (request, reply) => {
      const state = (request.query as { state?: unknown }).state;
      const pending =
        typeof state === 'string' ? pendingSignIns.take(state, request.cookies[BROWSER_COOKIE]) : undefined;
      reply.clearCookie(BROWSER_COOKIE, { path: '/api/auth/oidc' });
      if (!pending || typeof state !== 'string')
        throw new HttpError(400, 'no sign-in in progress in this browser: start again at /api/auth/oidc/start');
      const query = queryOf(request);
      const entry = { address: request.ip, method: 'GET', route: '/api/auth/oidc/callback', target: null };
      let name: unknown;
      try {
        const tokens = await client.authorizationCodeGrant(config, new URL(`${options.redirectUri}${query}`), {
          pkceCodeVerifier: pending.verifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claim = options.usernameClaim ?? 'preferred_username';
        const claims = tokens.claims();
        name = claims?.[claim];
        // Providers that keep ID tokens small give profile claims only at the userinfo endpoint.
        if (name === undefined && claims)
          name = (await client.fetchUserInfo(config, tokens.access_token, claims.sub))[claim];
      } catch (error) {
        request.log.info({ err: error }, 'OpenID Connect sign-in refused');
        runtime.audit.record({ ...entry, account: '(unknown)', status: 401, detail: 'OpenID Connect sign-in refused' });
        throw new HttpError(401, 'the identity provider did not confirm the sign-in');
      }
      const identity = typeof name === 'string' ? runtime.accounts.identityByName(name, 'session') : undefined;
      if (!identity) {
        runtime.audit.record({
          ...entry,
          account: '(unknown)',
          status: 403,
          detail: 'OpenID Connect: no such account',
        });
        throw new HttpError(
          403,
          'signed in at the identity provider, but there is no enabled Samenhang account for you',
        );
      }
      await request.session.regenerate();
      request.session.accountId = identity.accountId;
      runtime.audit.record({ ...entry, account: identity.username, status: 303, detail: 'signed in (OpenID Connect)' });
      return reply.redirect('/', 303);
    },
  );
}

function queryOf(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at < 0 ? '' : request.url.slice(at);
}
