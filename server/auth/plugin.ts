import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../context.ts';
import { type Db, getMeta, setMeta } from '../db.ts';
import { HttpError } from '../errors.ts';
import { AccountStore } from './accounts.ts';
import { AuditTrail, ResourceOwners } from './audit.ts';
import { discoverProvider, type OidcOptions, registerOidcRoutes } from './oidc.ts';
import type { Identity } from './roles.ts';
import { isWriteMethod, ROUTE_RULES, type RouteRule, type RuleContext, ruleKey } from './rules.ts';
import { SqliteSessionStore } from './session-store.ts';

/** How the server treats its users (docs/security.md). */
export interface AuthOptions {
  /**
   * `open` (default; a loopback server): one local user, no sign-in. `accounts`: every API call but
   * health and sign-in needs a session or an API token, and every write is checked against the role.
   */
  mode?: 'open' | 'accounts';
  /** The session cookie's Secure attribute; default true (serve behind TLS). */
  secureCookies?: boolean;
  /** Session lifetime in hours; default 12. */
  sessionHours?: number;
  /** How often expired sessions are removed from the database, in minutes; default 10. */
  sessionPruneMinutes?: number;
  /** Failed sign-ins (and failed API tokens) per address per minute before further attempts get 429; default 10. */
  maxFailedAttempts?: number;
  /** Also sign in through an OpenID Connect provider (accounts mode only). */
  oidc?: OidcOptions;
}

/** The server was asked to require sign-in, but there is no account to sign in with. */
export class NoAccountsError extends Error {
  constructor() {
    super(
      'this server is reachable from other machines, so it needs accounts, and there are none: create the first ' +
        'one with `samenhang-server users add <name> --role beheerder --role programmateam` (the password is read ' +
        'from standard input), or bind to 127.0.0.1 for single-user use',
    );
    this.name = 'NoAccountsError';
  }
}

/** What the auth plugin keeps (app.auth). */
export interface AuthRuntime {
  mode: 'open' | 'accounts';
  /** Whether cookies carry the Secure attribute. */
  secureCookies: boolean;
  /** The OpenID Connect provider's label when that sign-in is configured. */
  oidcLabel?: string;
  accounts: AccountStore;
  audit: AuditTrail;
  owners: ResourceOwners;
  rules: Readonly<Record<string, RouteRule>>;
  /** Every write route registered on the app (`METHOD /url`), whether or not it has a rule. */
  writeRoutes: string[];
  /** Counts a failed sign-in or token attempt; true when the address has used up its attempts. */
  limitFailures: (request: FastifyRequest, kind: 'login' | 'token', count: boolean) => Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthRuntime;
  }
  interface FastifyRequest {
    /** The signed-in user; null on an open (loopback) server and before sign-in. */
    identity: Identity | null;
  }
  interface Session {
    accountId?: number;
  }
}

/** API paths used without signing in. */
const PUBLIC_API = new Set([
  '/api/health',
  '/api/auth/session',
  '/api/auth/login',
  '/api/auth/oidc/start',
  '/api/auth/oidc/callback',
  '/api/openapi.json',
]);
const SESSION_COOKIE = 'samenhang_session';

function sessionSecret(db: Db): string {
  let secret = getMeta(db, 'session_secret');
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    setMeta(db, 'session_secret', secret);
  }
  return secret;
}

/**
 * Registers authentication and the ONE authorisation point: every route's rule from ROUTE_RULES is
 * applied by the hooks below, never by handlers. Call before any route is registered.
 */
export async function registerAuth(app: App, db: Db, options: AuthOptions = {}): Promise<AuthRuntime> {
  const mode = options.mode ?? 'open';
  const accounts = new AccountStore(db);
  if (mode === 'accounts' && accounts.activeCount() === 0) throw new NoAccountsError();
  const owners = new ResourceOwners(db);
  const runtime: AuthRuntime = {
    mode,
    secureCookies: options.secureCookies ?? true,
    accounts,
    audit: new AuditTrail(db),
    owners,
    rules: ROUTE_RULES,
    writeRoutes: [],
    limitFailures: async () => false,
  };
  app.decorate('auth', runtime);
  app.decorateRequest('identity', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (isWriteMethod(method)) runtime.writeRoutes.push(ruleKey(method, route.url));
  });

  if (mode === 'accounts') await registerSignIn(app, db, runtime, options);
  const tokenOwner = (id: string) => accounts.listTokens().find((token) => token.id === id)?.username;
  // The intekenboek's own tables: the latest version of a commitment.
  const latestCommitment = db.prepare<[string], { commitment_json: string }>(
    `SELECT v.commitment_json FROM commitments c
     JOIN commitment_versions v ON v.commitment_id = c.id AND v.version = c.latest_version WHERE c.id = ?`,
  );
  registerAuthorisation(app, runtime, {
    commitment: (id) => {
      const row = latestCommitment.get(id);
      if (!row) return undefined;
      const c = JSON.parse(row.commitment_json) as { region?: string | null; kind?: string; actor?: string };
      return { region: c.region ?? null, kind: c.kind ?? '', actor: c.actor ?? '' };
    },
    owner: (kind, id) => {
      if (kind !== 'token') return owners.get(kind, id);
      const account = tokenOwner(id);
      return account === undefined ? undefined : { account, region: null };
    },
  });
  registerAuditHooks(app, runtime);
  return runtime;
}

async function registerSignIn(app: App, db: Db, runtime: AuthRuntime, options: AuthOptions): Promise<void> {
  const store = new SqliteSessionStore(db);
  store.prune();
  const stopPruning = store.pruneEvery((options.sessionPruneMinutes ?? 10) * 60_000);
  app.addHook('onClose', async () => stopPruning());
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: sessionSecret(db),
    cookieName: SESSION_COOKIE,
    store,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies ?? true,
      maxAge: (options.sessionHours ?? 12) * 3600_000,
    },
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(fastifyRateLimit, { global: false });
  const max = options.maxFailedAttempts ?? 10;
  const limiters = {
    login: app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (request) => `login:${request.ip}` }),
    token: app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (request) => `token:${request.ip}` }),
  };
  runtime.limitFailures = async (request, kind, count) => {
    const state = await limiters[kind](request, { increment: count });
    return !state.isAllowed && (count ? state.isExceeded : state.remaining === 0);
  };

  app.addHook('onRequest', async (request) => {
    if (!needsSignIn(request)) return;
    request.identity = await authenticate(request, runtime);
  });
  // Cookie-authenticated writes must carry the session's CSRF token (scripts with API tokens need none).
  app.addHook('onRequest', (request, reply, done) => {
    if (request.identity?.via !== 'session' || !isWriteMethod(request.method)) return done();
    // The plugin answers a bad token itself through reply.send; we turn that into our own 403 body.
    const refuse = { send: () => reply.code(403).send({ error: 'missing or invalid CSRF token (x-csrf-token)' }) };
    app.csrfProtection(request, refuse as unknown as FastifyReply, done);
  });
  if (options.oidc) {
    const config = await discoverProvider(options.oidc);
    runtime.oidcLabel = options.oidc.label ?? 'uw organisatie';
    registerOidcRoutes(app, runtime, options.oidc, config);
  }
}

function needsSignIn(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (path !== '/api' && !path.startsWith('/api/')) return false; // the UI's files and /docs hold no data
  return !PUBLIC_API.has(request.routeOptions.url ?? path);
}

async function authenticate(request: FastifyRequest, runtime: AuthRuntime): Promise<Identity> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    if (await runtime.limitFailures(request, 'token', false)) throw tooManyAttempts();
    const match = /^Bearer (\S+)$/.exec(header);
    const identity = match ? runtime.accounts.verifyToken(match[1]) : undefined;
    if (identity) return identity;
    await runtime.limitFailures(request, 'token', true);
    throw new HttpError(401, 'the API token is not valid (revoked, or its account is disabled)');
  }
  const accountId = request.session?.accountId;
  const identity = accountId === undefined ? undefined : runtime.accounts.identityById(accountId, 'session');
  if (identity) return identity;
  if (accountId !== undefined) await request.session.destroy(); // account disabled since sign-in
  throw new HttpError(401, 'sign in first (POST /api/auth/login) or send an API token');
}

export function tooManyAttempts(): HttpError {
  return new HttpError(
    429,
    'too many failed attempts from this address; try again in a minute',
    {},
    {
      'retry-after': '60',
    },
  );
}

function ruleOf(runtime: AuthRuntime, request: FastifyRequest): RouteRule | undefined {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : runtime.rules[ruleKey(request.method, url)];
}

function registerAuthorisation(app: App, runtime: AuthRuntime, ctx: RuleContext): void {
  // Who may call the route at all: before the body is validated, so a refused role learns nothing more.
  app.addHook('preValidation', async (request) => {
    const identity = request.identity;
    if (!identity) return; // open mode, or a public route
    const rule = ruleOf(runtime, request);
    if (!rule) {
      if (isWriteMethod(request.method) && request.routeOptions.url !== undefined)
        throw new HttpError(403, 'this route has no access rule; refused until it gets one');
      return;
    }
    const decision = rule.who(identity);
    if (decision !== true) throw new HttpError(403, 'forbidden', { reason: decision });
  });
  // Resource checks need the validated body and the stored owner; then authorship from identity.
  app.addHook('preHandler', async (request) => {
    const identity = request.identity;
    const rule = ruleOf(runtime, request);
    if (!identity || !rule) return;
    const decision = rule.resource?.(identity, request, ctx) ?? true;
    if (decision !== true) throw new HttpError(403, 'forbidden', { reason: decision });
    if (rule.stampsAuthor && request.body && typeof request.body === 'object')
      (request.body as { author?: string }).author = identity.username;
  });
}

/** The id of a created resource (or the name of a created account) from a JSON response body. */
function createdId(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const body = JSON.parse(payload) as { id?: unknown; username?: unknown };
    const id = body.id ?? body.username;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function registerAuditHooks(app: App, runtime: AuthRuntime): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isWriteMethod(request.method) || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    const id = createdId(payload);
    (request as { createdId?: string }).createdId = id;
    const rule = ruleOf(runtime, request);
    if (id && rule?.owns && request.identity) {
      const region = rule.owns.region?.(request.identity, request) ?? null;
      runtime.owners.record(rule.owns.kind, id, request.identity.username, region);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!isWriteMethod(request.method) || url === undefined) return;
    const rule = ruleOf(runtime, request);
    if (rule?.readOnly || rule?.public) return; // sign-in records itself (it knows the name tried)
    if (runtime.mode === 'accounts' && !request.identity) return; // refused before sign-in: only counted in logs
    const params = request.params as { id?: string; username?: string } | undefined;
    runtime.audit.record({
      account: request.identity?.username ?? '',
      address: request.ip,
      method: request.method,
      route: url,
      target: params?.id ?? params?.username ?? (request as { createdId?: string }).createdId ?? null,
      status: reply.statusCode,
      detail: null,
    });
  });
}
