import { z } from 'zod';
import type { App } from '../context.ts';
import { HttpError, notFound } from '../errors.ts';
import { ErrorSchema } from '../schemas.ts';
import { AccountError } from './accounts.ts';
import { type AuthRuntime, tooManyAttempts } from './plugin.ts';
import { formatRole, hasRole, type Identity } from './roles.ts';

const tags = ['auth'];

const UserSchema = z.object({
  username: z.string(),
  roles: z.array(z.string()),
  gridRegions: z.array(z.string()).meta({ description: 'Regions served by the grid operators among the roles' }),
});

const SessionSchema = z.object({
  mode: z.enum(['open', 'accounts']),
  user: UserSchema.nullable(),
  csrfToken: z.string().optional().meta({ description: 'Send as x-csrf-token with every cookie-authenticated write' }),
  oidc: z
    .object({ label: z.string(), start: z.string() })
    .optional()
    .meta({ description: 'Sign-in through the organisation’s OpenID Connect provider, when configured' }),
});

const TokenSchema = z.object({
  id: z.string(),
  username: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  account: z.string(),
  address: z.string(),
  method: z.string(),
  route: z.string(),
  target: z.string().nullable(),
  status: z.number().int(),
  detail: z.string().nullable(),
});

function userOf(identity: Identity) {
  return {
    username: identity.username,
    roles: identity.roles.map(formatRole),
    gridRegions: [...identity.gridRegions].sort(),
  };
}

function signedIn(identity: Identity | null): Identity {
  if (!identity) throw new HttpError(401, 'sign in first');
  return identity;
}

/** Sign-in, sign-out, who am I, API tokens, accounts (beheerder) and the audit trail (programmateam). */
export function registerAuthRoutes(app: App, runtime: AuthRuntime): void {
  app.get(
    '/api/auth/session',
    { schema: { tags, summary: 'Who is signed in (mode open: nobody needs to)', response: { 200: SessionSchema } } },
    async (request, reply) => {
      if (runtime.mode === 'open') return { mode: 'open' as const, user: null };
      const oidc = runtime.oidcLabel ? { oidc: { label: runtime.oidcLabel, start: '/api/auth/oidc/start' } } : {};
      const accountId = request.session.accountId;
      const identity = accountId === undefined ? undefined : runtime.accounts.identityById(accountId, 'session');
      if (!identity) return { mode: 'accounts' as const, user: null, ...oidc };
      return { mode: 'accounts' as const, user: userOf(identity), csrfToken: reply.generateCsrf(), ...oidc };
    },
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'The audit trail, newest first (programmateam)',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          before: z.coerce.number().int().min(1).optional(),
          account: z.string().max(64).optional(),
        }),
        response: { 200: z.array(AuditEntrySchema) },
      },
    },
    async (request) => runtime.audit.list(request.query),
  );

  if (runtime.mode === 'accounts') {
    registerSignInRoutes(app, runtime);
    registerTokenRoutes(app, runtime);
    registerAccountRoutes(app, runtime);
  }
}

function registerSignInRoutes(app: App, runtime: AuthRuntime): void {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
        response: { 200: SessionSchema, 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (await runtime.limitFailures(request, 'login', false)) throw tooManyAttempts();
      const { username, password } = request.body;
      const identity = await runtime.accounts.verifyLogin(username, password);
      const known = runtime.accounts
        .list()
        .some((account) => account.username.toLowerCase() === username.toLowerCase());
      const entry = { address: request.ip, method: 'POST', route: '/api/auth/login', target: null };
      if (!identity) {
        await runtime.limitFailures(request, 'login', true);
        // Only existing names are recorded: an unknown "name" is often a password typed in the wrong field.
        runtime.audit.record({
          ...entry,
          account: known ? username : '(unknown)',
          status: 401,
          detail: 'sign-in refused',
        });
        throw new HttpError(401, 'wrong user name or password, or the account is disabled');
      }
      await request.session.regenerate();
      request.session.accountId = identity.accountId;
      runtime.audit.record({ ...entry, account: identity.username, status: 200, detail: 'signed in' });
      return { mode: 'accounts' as const, user: userOf(identity), csrfToken: reply.generateCsrf() };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Sign out (ends the session); 204' } },
    async (request, reply) => {
      if (request.identity?.via === 'session') await request.session.destroy();
      return reply.code(204).send();
    },
  );
}

function registerTokenRoutes(app: App, runtime: AuthRuntime): void {
  app.get(
    '/api/auth/tokens',
    { schema: { tags, summary: 'Your API tokens (a beheerder sees all)', response: { 200: z.array(TokenSchema) } } },
    async (request) => {
      const identity = signedIn(request.identity);
      return runtime.accounts.listTokens(hasRole(identity, 'beheerder') ? undefined : identity.username);
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for yourself; the token is shown only in this answer',
        body: z.strictObject({ label: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const identity = signedIn(request.identity);
      return reply.code(201).send(runtime.accounts.createToken(identity.username, request.body.label));
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (your own; a beheerder any); 204',
        params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{12}$/) }),
        response: { 204: z.undefined(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        runtime.accounts.revokeToken(request.params.id);
      } catch (error) {
        if (error instanceof AccountError) throw notFound(`token ${request.params.id}`);
        throw error;
      }
      return reply.code(204).send();
    },
  );
}

function registerAccountRoutes(app: App, runtime: AuthRuntime): void {
  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'All accounts (beheerder)',
        response: {
          200: z.array(
            z.object({
              username: z.string(),
              roles: z.array(z.string()),
              createdAt: z.string(),
              disabledAt: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async () => runtime.accounts.list(),
  );

  for (const action of ['disable', 'enable'] as const) {
    app.post(
      `/api/accounts/:username/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'disable'
              ? 'Disable an account: its sessions and tokens stop at once (beheerder)'
              : 'Enable an account again (beheerder)',
          params: z.strictObject({ username: z.string().min(1).max(64) }),
          response: { 204: z.undefined(), 404: ErrorSchema },
        },
      },
      async (request, reply) => {
        try {
          runtime.accounts[action](request.params.username);
        } catch (error) {
          if (error instanceof AccountError) throw notFound(`user ${request.params.username}`);
          throw error;
        }
        return reply.code(204).send();
      },
    );
  }
}
