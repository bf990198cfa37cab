import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, asUser, login, type Session } from './test-support.ts';

const NEW_PASSWORD = 'een heel nieuw wachtwoord';

describe('accounts API for beheerders (the UI’s Gebruikers page)', () => {
  let env: Awaited<ReturnType<typeof accountsApp>>;
  let beheer: Session;
  let team: Session;

  beforeAll(async () => {
    env = await accountsApp({ beheer: ['beheerder'], tweede: ['beheerder'], team: ['programmateam'] });
    beheer = await env.login('beheer');
    team = await env.login('team');
  }, 120_000);
  afterAll(async () => env?.cleanup());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, session: Session, payload?: object) =>
    env.app.inject({ method, url, headers: asUser(session), ...(payload === undefined ? {} : { payload }) });
  const listed = async (username: string) =>
    (await call('GET', '/api/accounts', beheer, undefined))
      .json()
      .find((a: { username: string }) => a.username === username);

  it('creates accounts with a password or external ones, and says what is wrong at the field', async () => {
    const created = await call('POST', '/api/accounts', beheer, {
      username: 'es05',
      roles: ['regio:ES05'],
      password: NEW_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ username: 'es05' });
    expect(await listed('es05')).toMatchObject({ roles: ['regio:ES05'], disabledAt: null, external: false });
    await expect(login(env.app, 'es05', NEW_PASSWORD)).resolves.toMatchObject({ csrf: expect.any(String) });

    const external = await call('POST', '/api/accounts', beheer, {
      username: 'extern',
      roles: ['lezer'],
      external: true,
    });
    expect(external.statusCode).toBe(201);
    expect(await listed('extern')).toMatchObject({ external: true });

    const refusals = await Promise.all([
      call('POST', '/api/accounts', beheer, { username: 'es05', roles: ['lezer'], password: NEW_PASSWORD }),
      call('POST', '/api/accounts', beheer, { username: 'kort', roles: ['lezer'], password: 'te kort' }),
      call('POST', '/api/accounts', beheer, { username: 'koning', roles: ['koning'], password: NEW_PASSWORD }),
      call('POST', '/api/accounts', beheer, { username: 'a b', roles: ['lezer'], password: NEW_PASSWORD }),
      call('POST', '/api/accounts', beheer, {
        username: 'beide',
        roles: ['lezer'],
        password: NEW_PASSWORD,
        external: true,
      }),
    ]);
    expect(refusals.map((r) => r.statusCode)).toEqual([409, 400, 400, 400, 400]);
    expect(refusals.slice(1).map((r) => r.json().issues[0].path)).toEqual([
      'password',
      'roles',
      'username',
      'password',
    ]);
    expect(refusals[0].json().error).toContain("user 'es05' already exists");
  });

  it('changes roles, resets a password (ending that account’s sessions), disables and enables', async () => {
    const es05 = await login(env.app, 'es05', NEW_PASSWORD);
    const roles = await call('PUT', '/api/accounts/es05/roles', beheer, { roles: ['regio:ES05', 'lezer'] });
    expect(roles.statusCode, roles.body).toBe(204);
    expect((await listed('es05')).roles).toEqual(['regio:ES05', 'lezer']);

    const reset = await call('POST', '/api/accounts/es05/password', beheer, { password: `${NEW_PASSWORD}!` });
    expect(reset.statusCode).toBe(204);
    expect((await env.app.inject({ url: '/api/scenarios', headers: asUser(es05) })).statusCode).toBe(401);
    await expect(login(env.app, 'es05', `${NEW_PASSWORD}!`)).resolves.toBeDefined();

    expect((await call('POST', '/api/accounts/es05/disable', beheer)).statusCode).toBe(204);
    expect((await listed('es05')).disabledAt).toEqual(expect.any(String));
    expect((await call('POST', '/api/accounts/es05/enable', beheer)).statusCode).toBe(204);
    expect((await call('PUT', '/api/accounts/niemand/roles', beheer, { roles: ['lezer'] })).statusCode).toBe(404);
    expect((await call('POST', '/api/accounts/niemand/password', beheer, { password: NEW_PASSWORD })).statusCode).toBe(
      404,
    );
  });

  it('a beheerder cannot lock itself out; another beheerder can take its role away', async () => {
    const self = await call('POST', '/api/accounts/beheer/disable', beheer);
    expect(self.statusCode).toBe(403);
    expect(self.json().reason).toContain('your own account');
    const ownRole = await call('PUT', '/api/accounts/BEHEER/roles', beheer, { roles: ['lezer'] });
    expect(ownRole.statusCode).toBe(403);
    expect(ownRole.json().reason).toContain('your own beheerder role');
    expect(
      (await call('PUT', '/api/accounts/beheer/roles', beheer, { roles: ['beheerder', 'lezer'] })).statusCode,
    ).toBe(204);
    const tweede = await env.login('tweede');
    expect((await call('PUT', '/api/accounts/beheer/roles', tweede, { roles: ['lezer'] })).statusCode).toBe(204);
  });

  it('every change is in the audit trail with the account it concerns, and no password is in it', async () => {
    const entries = (await call('GET', '/api/audit?limit=100', team)).json() as Array<{
      account: string;
      route: string;
      target: string | null;
      status: number;
    }>;
    const routes = entries
      .filter((e) => e.route.startsWith('/api/accounts'))
      .map((e) => `${e.route} ${e.target} ${e.status}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        '/api/accounts es05 201',
        '/api/accounts extern 201',
        '/api/accounts null 409',
        '/api/accounts/:username/roles es05 204',
        '/api/accounts/:username/password es05 204',
        '/api/accounts/:username/disable beheer 403',
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain(NEW_PASSWORD);
  });
});
