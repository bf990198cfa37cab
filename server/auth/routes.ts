import { z } from 'zod';
import type { App } from '../context.ts';
import { conflict, HttpError, InputError, notFound } from '../errors.ts';
import { ErrorSchema, InvalidInputSchema } from '../schemas.ts';
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

const UsernameParams = z.strictObject({ username: z.string().min(1).max(64) });
const RolesBody = z.array(z.string().min(1).max(80)).min(1).max(40);

const AccountSchema = z.object({
  username: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  external: z.boolean().meta({ description: 'No password: signs in only through the OpenID Connect provider' }),
});

/** Runs an account operation, turning AccountError into 400 (at the field), 404 or 409. */
async function accountOperation<T>(username: string, operation: () => T | Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    if (error.problem === 'missing') throw notFound(`user ${username}`);
    if (error.problem === 'exists' || error.problem === 'state') throw conflict(error.message);
    throw new InputError([{ path: error.problem, message: error.message }]);
  }
}

/** The accounts of the server (beheerder; the rules in rules.ts say so, these handlers do not check). */
function registerAccountRoutes(app: App, runtime: AuthRuntime): void {
  app.get(
    '/api/accounts',
    { schema: { tags, summary: 'All accounts (beheerder)', response: { 200: z.array(AccountSchema) } } },
    async () => runtime.accounts.list(),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags,
        summary:
          'Create an account with a password, or an external one that signs in through OpenID Connect (beheerder)',
        body: z.strictObject({
          username: z.string().min(1).max(64),
          roles: RolesBody,
          password: z.string().min(1).max(1024).optional(),
          external: z.literal(true).optional(),
        }),
        response: { 201: z.object({ username: z.string() }), 400: InvalidInputSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { username, roles, password, external } = request.body;
      if ((password === undefined) === (external === undefined))
        throw new InputError([{ path: 'password', message: 'give a password, or external: true (not both)' }]);
      await accountOperation(username, () =>
        password === undefined
          ? runtime.accounts.addExternal(username, roles)
          : runtime.accounts.add(username, password, roles),
      );
      return reply.code(201).send({ username });
    },
  );

  app.put(
    '/api/accounts/:username/roles',
    {
      schema: {
        tags,
        summary: 'Replace an account’s roles (beheerder); 204',
        params: UsernameParams,
        body: z.strictObject({ roles: RolesBody }),
        response: { 204: z.undefined(), 400: InvalidInputSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { username } = request.params;
      await accountOperation(username, () => runtime.accounts.setRoles(username, request.body.roles));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/accounts/:username/password',
    {
      schema: {
        tags,
        summary: 'Set a new password; ends the account’s sessions (beheerder); 204',
        params: UsernameParams,
        body: z.strictObject({ password: z.string().min(1).max(1024) }),
        response: { 204: z.undefined(), 400: InvalidInputSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { username } = request.params;
      await accountOperation(username, () => runtime.accounts.resetPassword(username, request.body.password));
      return reply.code(204).send();
    },
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
          params: UsernameParams,
          response: { 204: z.undefined(), 404: ErrorSchema },
        },
      },
      async (request, reply) => {
        const { username } = request.params;
        await accountOperation(username, () => runtime.accounts[action](username));
        return reply.code(204).send();
      },
    );
  }
}
