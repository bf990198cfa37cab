import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO_ROOT } from '../app.ts';
import { newId } from '../ids.ts';
import { TINY_SCENARIO } from '../test-support.ts';
import { ROUTE_RULES } from './rules.ts';
import { accountsApp, asUser, type Session } from './test-support.ts';

/**
 * Every write route of the app, with the account that must be refused there (403), or null when
 * every signed-in user may call it. A route registered without an entry here (and a rule in
 * rules.ts) fails the first test: add both.
 */
const EXPECTED: Record<string, string | null> = {
  'POST /api/evaluate': null,
  'POST /api/scenarios': 'lezer',
  'PUT /api/scenarios/:id': 'lezer',
  'DELETE /api/scenarios/:id': 'lezer',
  'POST /api/scenarios/:id/restore': 'netbeheerder',
  'POST /api/sweeps': 'lezer',
  'DELETE /api/sweeps/:id': 'lezer',
  'POST /api/sweeps/:id/rerun': 'beheerder',
  'POST /api/commitments': 'lezer',
  'PUT /api/commitments/:id': 'lezer',
  'POST /api/commitments/:id/withdraw': 'beheerder',
  'POST /api/intekenboek/import': 'regio',
  'POST /api/auth/logout': null,
  'POST /api/auth/tokens': null,
  'DELETE /api/auth/tokens/:id': 'lezer',
  'POST /api/accounts': 'programmateam',
  'PUT /api/accounts/:username/roles': 'lezer',
  'POST /api/accounts/:username/password': 'netbeheerder',
  'POST /api/accounts/:username/disable': 'programmateam',
  'POST /api/accounts/:username/enable': 'regio',
};
/** Used before sign-in. */
const PUBLIC = new Set(['POST /api/auth/login']);

const USERS = {
  beheerder: ['beheerder'],
  programmateam: ['programmateam'],
  regio: ['regio:ES01'],
  es02: ['regio:ES02'],
  t1: ['regio:T1'],
  netbeheerder: ['netbeheerder:Liander'],
  lezer: ['lezer'],
};

describe('authorisation: one rule per route, enforced in one place', () => {
  let env: Awaited<ReturnType<typeof accountsApp>>;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    // Many forged tokens below: the failed-attempt limit has its own test (sign-in.test.ts).
    env = await accountsApp(USERS, { gridOperators: { Liander: ['T1', 'T2'] }, auth: { maxFailedAttempts: 1000 } });
    for (const name of Object.keys(USERS)) sessions[name] = await env.login(name);
  }, 120_000);
  afterAll(async () => env?.cleanup());

  /** A concrete URL for a route pattern. */
  const concrete = (url: string, ids: { token?: string } = {}) =>
    url
      .replace(':id', url.includes('/tokens/') ? (ids.token ?? '0123456789ab') : newId())
      .replace(':username', 'niemand');

  it('every registered write route has a rule and an expectation here, and no rule is stale', () => {
    const routes = [...env.app.auth.writeRoutes].sort();
    expect(routes).toEqual(Object.keys({ ...EXPECTED, ...Object.fromEntries([...PUBLIC].map((r) => [r, 1])) }).sort());
    for (const route of routes) expect(ROUTE_RULES[route], route).toBeDefined();
  });

  it('every write route answers 401 without a session or token, also with a forged cookie or token', async () => {
    for (const route of Object.keys(EXPECTED)) {
      const [method, url] = route.split(' ') as ['POST', string];
      const target = concrete(url);
      const anonymous = await env.app.inject({ method, url: target, payload: {} });
      expect(anonymous.statusCode, route).toBe(401);
      const forged = await env.app.inject({
        method,
        url: target,
        payload: {},
        headers: { cookie: 'samenhang_session=forged.signature', 'x-csrf-token': 'x' },
      });
      expect(forged.statusCode, `${route} forged cookie`).toBe(401);
      const badToken = await env.app.inject({
        method,
        url: target,
        payload: {},
        headers: { authorization: 'Bearer samenhang_not-a-real-token' },
      });
      expect(badToken.statusCode, `${route} bad token`).toBe(401);
    }
  });

  it('every write route answers 403 to a role that may not write there, and lets the others through', async () => {
    const ptToken = await env.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: asUser(sessions.programmateam),
      payload: { label: 'script' },
    });
    expect(ptToken.statusCode).toBe(201);
    for (const [route, refused] of Object.entries(EXPECTED)) {
      if (route === 'POST /api/auth/logout') continue; // would end the session used below; tested apart
      const [method, url] = route.split(' ') as ['POST', string];
      const target = concrete(url, { token: ptToken.json().id });
      for (const [name, session] of Object.entries(sessions)) {
        const response = await env.app.inject({ method, url: target, payload: {}, headers: asUser(session) });
        if (name === refused) {
          expect(response.statusCode, `${route} as ${name}`).toBe(403);
          expect(response.json().reason, route).toEqual(expect.any(String));
        } else if (refused === null) {
          expect([401, 403], `${route} as ${name}: ${response.body}`).not.toContain(response.statusCode);
        }
      }
    }
  });

  it('regio:ES01 cannot set values for ES02, nor change a scenario of ES02; the programmateam can', async () => {
    const foreign = { ...TINY_SCENARIO, regions: { ES02: { shareHybrid: 0.1 } } };
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: asUser(sessions.regio),
      payload: { name: 'x', scenario: foreign },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toContain('ES02');

    const national = { ...TINY_SCENARIO, regions: {} };
    const ofEs02 = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: asUser(sessions.es02),
      payload: { name: 'van ES02', scenario: national },
    });
    expect(ofEs02.statusCode, ofEs02.body).toBe(201);
    const id = ofEs02.json().id;
    for (const [method, url] of [
      ['PUT', `/api/scenarios/${id}`],
      ['DELETE', `/api/scenarios/${id}`],
    ] as const) {
      const response = await env.app.inject({
        method,
        url,
        headers: asUser(sessions.regio),
        payload: method === 'PUT' ? { name: 'overgenomen', scenario: national } : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().reason).toContain('ES02');
    }
    const byEs02 = await env.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: asUser(sessions.es02),
      payload: { name: 'van ES02, v2', scenario: national },
    });
    expect(byEs02.statusCode, byEs02.body).toBe(200);
    const byTeam = await env.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: asUser(sessions.programmateam),
      payload: { name: 'van ES02, v3', scenario: national },
    });
    expect(byTeam.statusCode).toBe(200);
  });

  it('a lezer reads but cannot save; a region saves its own region; authorship is the account, not the typed name', async () => {
    const list = await env.app.inject({ url: '/api/scenarios', headers: { cookie: sessions.lezer.cookie } });
    expect(list.statusCode).toBe(200);
    const payload = { name: 'T1 plan', author: 'Iemand Anders', scenario: TINY_SCENARIO };
    const byLezer = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: asUser(sessions.lezer),
      payload,
    });
    expect(byLezer.statusCode).toBe(403);
    const saved = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: asUser(sessions.t1),
      payload,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id;
    const versions = await env.app.inject({
      url: `/api/scenarios/${id}/versions`,
      headers: { cookie: sessions.lezer.cookie },
    });
    expect(versions.json().versions.map((v: { author: string }) => v.author)).toEqual(['t1']);
    // The grid operator serving T1 still may not change the region's scenario: only `net` commitments are its.
    const byGrid = await env.app.inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: asUser(sessions.netbeheerder),
      payload,
    });
    expect(byGrid.statusCode).toBe(403);
  });

  it('cookie-authenticated writes without the CSRF token are refused; API tokens need none', async () => {
    const payload = { name: 'csrf', scenario: TINY_SCENARIO };
    const none = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: { cookie: sessions.programmateam.cookie },
      payload,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toMatch(/CSRF/);
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: { cookie: sessions.programmateam.cookie, 'x-csrf-token': sessions.regio.csrf },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: asUser(sessions.programmateam),
      payload: { label: 'ci' },
    });
    const viaToken = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload,
    });
    expect(viaToken.statusCode, viaToken.body).toBe(201);
    const revoke = await env.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${created.json().id}`,
      headers: asUser(sessions.programmateam),
    });
    expect(revoke.statusCode).toBe(204);
    const afterRevoke = await env.app.inject({
      url: '/api/scenarios',
      headers: { authorization: `Bearer ${created.json().token}` },
    });
    expect(afterRevoke.statusCode).toBe(401);
  });

  it('the audit trail records who wrote what from where, only the programmateam reads it, and it cannot be edited', async () => {
    const audit = await env.app.inject({
      url: '/api/audit?limit=1000',
      headers: { cookie: sessions.programmateam.cookie },
    });
    expect(audit.statusCode).toBe(200);
    const entries = audit.json() as Array<{ account: string; route: string; status: number; address: string }>;
    expect(entries).toContainEqual(
      expect.objectContaining({ account: 't1', route: '/api/scenarios', status: 201, address: '127.0.0.1' }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ account: 'lezer', route: '/api/scenarios', status: 403 }));
    expect(entries).toContainEqual(expect.objectContaining({ account: 'es02', route: '/api/auth/login', status: 200 }));
    const byRegion = await env.app.inject({ url: '/api/audit', headers: { cookie: sessions.regio.cookie } });
    expect(byRegion.statusCode).toBe(403);
    const { db } = env.app.auth.audit as unknown as { db: import('../db.ts').Db };
    expect(() => db.prepare("UPDATE audit_log SET account = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('signing out ends the session', async () => {
    const session = await env.login('lezer');
    const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(session) });
    expect(out.statusCode).toBe(204);
    const after = await env.app.inject({ url: '/api/scenarios', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });
});

describe('commitments: a region its own, a grid operator its own net capacity in the regions it serves', () => {
  let env: Awaited<ReturnType<typeof accountsApp>>;
  const as: Record<string, Session> = {};
  const commitment = (region: string | null, kind = 'res', actor = `RES-regio ${region}`) => ({
    actor,
    actorKind: kind === 'net' ? 'netbeheerder' : 'res-regio',
    region,
    kind,
    quantities: kind === 'net' ? { feedinMW: 50 } : { windTWh: 0.1 },
    year: 2030,
    status: 'bod',
    source: 'https://example.org/besluit',
    author: 'Getypte Naam',
  });
  const post = (who: string, body: object) =>
    env.app.inject({ method: 'POST', url: '/api/commitments', headers: asUser(as[who]), payload: body });

  beforeAll(async () => {
    // The bundled dataset, so that the region ids are the real ES01 and ES02.
    env = await accountsApp(
      {
        team: ['programmateam'],
        es01: ['regio:ES01'],
        es02: ['regio:ES02'],
        enexis: ['netbeheerder:Enexis'],
        lezer: ['lezer'],
      },
      {
        datasetsDir: join(REPO_ROOT, 'scenarios', 'data'),
        defaultDataset: 'nl-res30',
        gridOperators: { Enexis: ['ES01'] },
      },
    );
    for (const name of ['team', 'es01', 'es02', 'enexis', 'lezer']) as[name] = await env.login(name);
  }, 120_000);
  afterAll(async () => env?.cleanup());

  it('regio:ES01 cannot create, change or withdraw ES02’s commitment; ES02 can, and its account is the author', async () => {
    expect((await post('es01', commitment('ES02'))).statusCode).toBe(403);
    const created = await post('es02', commitment('ES02'));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const change = (who: string, body: object) =>
      env.app.inject({ method: 'PUT', url: `/api/commitments/${id}`, headers: asUser(as[who]), payload: body });
    const refused = await change('es01', commitment('ES02'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toContain('ES02');
    // Nor by moving it into its own region.
    expect((await change('es01', commitment('ES01'))).statusCode).toBe(403);
    const withdraw = (who: string) =>
      env.app.inject({ method: 'POST', url: `/api/commitments/${id}/withdraw`, headers: asUser(as[who]), payload: {} });
    expect((await withdraw('es01')).statusCode).toBe(403);
    expect((await change('es02', { ...commitment('ES02'), status: 'vastgesteld' })).statusCode).toBe(200);
    const record = (
      await env.app.inject({ url: `/api/commitments/${id}`, headers: { cookie: as.lezer.cookie } })
    ).json();
    expect(record.author).toBe('es02');
    expect((await withdraw('team')).statusCode).toBe(200);
  });

  it('a grid operator writes its own net commitments in the regions it serves, nothing else', async () => {
    expect((await post('enexis', commitment('ES01', 'net', 'Enexis Netbeheer'))).statusCode).toBe(201);
    expect((await post('enexis', commitment('ES02', 'net', 'Enexis Netbeheer'))).statusCode).toBe(403);
    expect((await post('enexis', commitment('ES01', 'net', 'Liander'))).statusCode).toBe(403);
    expect((await post('enexis', commitment('ES01', 'res'))).statusCode).toBe(403);
    expect((await post('es01', commitment('ES01', 'net', 'Enexis Netbeheer'))).statusCode).toBe(403);
    expect((await post('es01', commitment(null))).statusCode).toBe(403);
    expect((await post('lezer', commitment('ES01'))).statusCode).toBe(403);
    expect((await post('team', commitment(null, 'res', 'Rijk'))).statusCode).toBe(201);
  });

  it('only the programmateam imports a CSV register', async () => {
    const csv = (who: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/intekenboek/import',
        headers: { ...asUser(as[who]), 'content-type': 'text/csv' },
        payload: 'not,a,register\n',
      });
    expect((await csv('es01')).statusCode).toBe(403);
    expect((await csv('team')).statusCode).toBe(400);
  });
});
