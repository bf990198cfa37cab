import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db.ts';
import { TINY_SCENARIO, tempDir, tinyApp } from '../test-support.ts';
import { AccountStore } from './accounts.ts';
import { authModeFor, isLoopback } from './mode.ts';
import { NoAccountsError } from './plugin.ts';
import { parseRole } from './roles.ts';
import { type CliIo, runUsersCommand, USERS_USAGE } from './users-cli.ts';
import { accountsApp, asUser, login, sessionCookie, TEST_PASSWORD } from './test-support.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function track<T extends { cleanup: () => Promise<void> }>(env: Promise<T>): Promise<T> {
  const ready = await env;
  cleanups.push(ready.cleanup);
  return ready;
}

/** Runs `samenhang-server users …` in-process with `input` on standard input. */
async function users(args: string[], input = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from([input]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  };
  const status = await runUsersCommand(args, io);
  return { status, stdout, stderr };
}

const login401 = (app: Awaited<ReturnType<typeof accountsApp>>['app'], password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna', password }, remoteAddress });

describe('sign-in', () => {
  it('the 11th failed sign-in from an address within a minute is refused, even with the right password', async () => {
    const env = await track(accountsApp({ anna: ['programmateam'] }));
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await login401(env.app, `wrong ${attempt}`);
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const eleventh = await login401(env.app, TEST_PASSWORD);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.headers['retry-after']).toBe('60');
    // Another address is not affected.
    expect((await login401(env.app, TEST_PASSWORD, '192.0.2.7')).statusCode).toBe(200);
  });

  it('failed API tokens are limited the same way', async () => {
    const env = await track(accountsApp({ anna: ['programmateam'] }));
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      const response = await env.app.inject({
        url: '/api/scenarios',
        headers: { authorization: `Bearer samenhang_guess${attempt}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it('the session cookie is HttpOnly, SameSite=Strict and Secure behind TLS; the session id is regenerated at sign-in', async () => {
    const env = await track(
      accountsApp({ anna: ['lezer'] }, { auth: { secureCookies: true }, trustProxy: '127.0.0.1' }),
    );
    // Behind a TLS proxy: the cookie is Secure, and not sent at all over a plain-HTTP connection.
    const plain = await login401(env.app, TEST_PASSWORD);
    expect(plain.cookies).toEqual([]);
    const viaTls = { 'x-forwarded-proto': 'https' };
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: TEST_PASSWORD },
      headers: viaTls,
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'samenhang_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: TEST_PASSWORD },
      headers: { ...viaTls, cookie: sessionCookie(response) },
    });
    expect(sessionCookie(again)).not.toBe(sessionCookie(response));
  });

  it('passwords never appear in logs, responses or the database in clear', async () => {
    const secret = 'Zeer geheim wachtwoord 42';
    let logs = '';
    const root = tempDir();
    const dataDir = join(root, 'var');
    const added = await users(['add', 'anna', '--role', 'programmateam', '--data-dir', dataDir], `${secret}\n`);
    expect(added.status, added.stderr).toBe(0);
    const app = await buildApp({
      dataDir,
      datasetsDir: join(root, 'none'),
      logger: { level: 'trace', stream: new Writable({ write: (chunk, _enc, done) => done(void (logs += chunk)) }) },
      logRequests: true,
      auth: { mode: 'accounts', secureCookies: false },
    });
    cleanups.push(() => app.close());
    const bodies: string[] = [];
    for (const password of ['wrong password!!', secret]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'anna', password },
      });
      bodies.push(response.body, JSON.stringify(response.headers));
    }
    bodies.push((await app.inject({ url: '/api/accounts' })).body);
    const reset = await users(['reset', 'anna', '--data-dir', dataDir], '', { SAMENHANG_PASSWORD: `${secret} 2` });
    expect(reset.status).toBe(0);
    await app.close();

    expect(logs).toContain('/api/auth/login'); // request logging was on
    for (const text of [logs, ...bodies, added.stdout, added.stderr, reset.stdout, reset.stderr]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('wrong password!!');
    }
    for (const file of readdirSync(dataDir).filter((name) => name.startsWith('samenhang.db'))) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(Buffer.from(secret)), file).toBe(false);
      expect(bytes.includes(Buffer.from('wrong password!!')), file).toBe(false);
    }
    const db = openDatabase(dataDir);
    try {
      const hash = (db.prepare('SELECT password_hash FROM accounts').get() as { password_hash: string }).password_hash;
      expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    } finally {
      db.close();
    }
  });

  it('disabling an account ends its sessions and stops its tokens at once; enabling needs a new sign-in', async () => {
    const env = await track(accountsApp({ anna: ['programmateam'], beheer: ['beheerder'] }));
    const anna = await env.login('anna');
    const token = (
      await env.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: asUser(anna), payload: { label: 'x' } })
    ).json().token;
    expect((await env.app.inject({ url: '/api/scenarios', headers: { cookie: anna.cookie } })).statusCode).toBe(200);

    const beheer = await env.login('beheer');
    const disabled = await env.app.inject({
      method: 'POST',
      url: '/api/accounts/anna/disable',
      headers: asUser(beheer),
    });
    expect(disabled.statusCode).toBe(204);
    expect((await env.app.inject({ url: '/api/scenarios', headers: { cookie: anna.cookie } })).statusCode).toBe(401);
    const write = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'x', scenario: TINY_SCENARIO },
    });
    expect(write.statusCode).toBe(401);
    expect((await login401(env.app, TEST_PASSWORD)).statusCode).toBe(401);

    await env.app.inject({ method: 'POST', url: '/api/accounts/anna/enable', headers: asUser(beheer) });
    expect((await env.app.inject({ url: '/api/scenarios', headers: { cookie: anna.cookie } })).statusCode).toBe(401);
    expect((await login(env.app, 'anna')).cookie).toMatch(/^samenhang_session=/);
  });

  it('a password reset from the command line ends the sessions of that account', async () => {
    const env = await track(accountsApp({ anna: ['lezer'] }));
    const anna = await env.login('anna');
    const reset = await users(['reset', 'anna', '--data-dir', env.dataDir], 'een heel nieuw wachtwoord\n');
    expect(reset.status, reset.stderr).toBe(0);
    expect((await env.app.inject({ url: '/api/scenarios', headers: { cookie: anna.cookie } })).statusCode).toBe(401);
    expect((await login(env.app, 'anna', 'een heel nieuw wachtwoord')).csrf).toEqual(expect.any(String));
  });
});

describe('modes', () => {
  it('loopback addresses are single-user; every other address signs users in', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect(authModeFor(host), host).toBe('open');
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'example.org', '::ffff:10.0.0.1', '128.0.0.1'])
      expect(authModeFor(host), host).toBe('accounts');
    expect(isLoopback('0.0.0.0')).toBe(false);
  });

  it('refuses to start for --host 0.0.0.0 without accounts (or with only disabled ones), saying how to add one', async () => {
    const root = tempDir();
    const dataDir = join(root, 'var');
    const start = () => buildApp({ dataDir, auth: { mode: authModeFor('0.0.0.0') } });
    await expect(start()).rejects.toThrow(NoAccountsError);
    await expect(start()).rejects.toThrow(/samenhang-server users add <name> --role beheerder/);
    const db = openDatabase(dataDir);
    const store = new AccountStore(db);
    await store.add('anna', TEST_PASSWORD, ['beheerder']);
    store.disable('anna');
    db.close();
    await expect(start()).rejects.toThrow(NoAccountsError);
    // The refused start released the data directory: an open server can use it at once.
    const open = await buildApp({ dataDir, datasetsDir: join(root, 'none') });
    await open.close();
  });

  it('open (loopback) mode: nobody signs in, writes are open and still audited', async () => {
    const env = await track(tinyApp());
    expect((await env.app.inject('/api/auth/session')).json()).toEqual({ mode: 'open', user: null });
    const saved = await env.app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { name: 'lokaal', author: 'Ik', scenario: TINY_SCENARIO },
    });
    expect(saved.statusCode).toBe(201);
    const versions = (await env.app.inject(`/api/scenarios/${saved.json().id}/versions`)).json().versions;
    expect(versions[0].author).toBe('Ik');
    const audit = (await env.app.inject('/api/audit')).json();
    expect(audit[0]).toMatchObject({
      account: '',
      method: 'POST',
      route: '/api/scenarios',
      status: 201,
      target: saved.json().id,
    });
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} })).statusCode).toBe(404);
  });
});

describe('samenhang-server users', () => {
  it('adds, lists, disables accounts; tokens are printed once and stored hashed; bad input exits 2 with one line', async () => {
    const dataDir = join(tempDir(), 'var');
    const dd = ['--data-dir', dataDir];
    expect((await users(['add', 'anna', '--role', 'regio:ES01', ...dd], 'een lang wachtwoord\n')).status).toBe(0);
    const list = await users(['list', ...dd]);
    expect(list.stdout).toMatch(/^anna\tregio:ES01\tactive\n$/);

    const failures = [
      await users(['add', 'bob', '--role', 'koning', ...dd], 'een lang wachtwoord\n'),
      await users(['add', 'bob', '--role', 'lezer', ...dd], 'kort\n'),
      await users(['add', 'bob', '--role', 'lezer', ...dd], ''),
      await users(['add', 'anna', '--role', 'lezer', ...dd], 'een lang wachtwoord\n'),
      await users(['add', 'bob', '--role', 'lezer', '--password', 'een lang wachtwoord', ...dd]),
      await users(['disable', 'niemand', ...dd]),
      await users(['frobnicate', ...dd]),
    ];
    for (const result of failures) {
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^samenhang: [^\n]+\n$/);
    }
    expect(failures[0].stderr).toContain("unknown role 'koning'");
    expect(failures[1].stderr).toContain('at least 12 characters');

    const token = await users(['token', 'anna', '--label', 'ci', ...dd]);
    expect(token.stdout).toMatch(/^samenhang_[A-Za-z0-9_-]{43}\n$/);
    const secret = token.stdout.trim();
    const db = openDatabase(dataDir);
    try {
      const stored = db.prepare('SELECT * FROM api_tokens').all() as Array<Record<string, unknown>>;
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(new AccountStore(db).verifyToken(secret)?.username).toBe('anna');
    } finally {
      db.close();
    }
    expect((await users(['grid-operator', 'Liander', 'ES01', 'ES02', ...dd])).status).toBe(0);
    expect((await users(['disable', 'anna', ...dd])).stdout).toContain('disabled');
    expect((await users(['list', ...dd])).stdout).toMatch(/^anna\tregio:ES01\tdisabled /);
  });

  it('reads the password from standard input, or from a terminal without echo', async () => {
    const dataDir = join(tempDir(), 'var');
    const stdin = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
    const tty = Object.assign(stdin, { setRawMode: (raw: boolean) => stdin.rawModes.push(raw) });
    let stderr = '';
    const io: CliIo = {
      stdin: tty,
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
    };
    const done = runUsersCommand(['add', 'anna', '--role', 'lezer', '--data-dir', dataDir], io);
    tty.write('een lang wachtwoordX\u007f\r');
    tty.write('een lang wachtwoord\r');
    expect(await done).toBe(0);
    expect(stderr).not.toContain('wachtwoord\r');
    expect(stderr).not.toContain('een lang');
    expect(tty.rawModes).toEqual([true, false, true, false]);
    const db = openDatabase(dataDir);
    try {
      expect((await new AccountStore(db).verifyLogin('anna', 'een lang wachtwoord'))?.username).toBe('anna');
    } finally {
      db.close();
    }
  });
});

describe('docs/security.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');

  it('quotes the refusal message exactly and uses only existing users commands and roles', () => {
    expect(doc).toContain(`samenhang: ${new NoAccountsError().message}`);
    const commands = [...doc.matchAll(/samenhang-server users ([a-z-]+)/g)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(8);
    for (const command of commands) expect(USERS_USAGE, command).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    for (const [, role] of doc.matchAll(/--role ([^\s`]+)/g)) expect(() => parseRole(role), role).not.toThrow();
  });
});
