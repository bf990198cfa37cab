import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { type AppOptions, buildApp } from '../app.ts';
import type { App } from '../context.ts';
import { openDatabase, prepareDataDir } from '../db.ts';
import { tempDir, tinyDatasetsDir } from '../test-support.ts';
import { AccountStore } from './accounts.ts';

/** The password of every test account. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Creates accounts in a fresh data dir, then builds an app that signs users in (tiny dataset). */
export async function accountsApp(
  users: Record<string, string[]>,
  options: AppOptions & { gridOperators?: Record<string, string[]> } = {},
) {
  const root = tempDir('samenhang-auth-');
  const { dataDir } = prepareDataDir(join(root, 'var'));
  const db = openDatabase(dataDir);
  const store = new AccountStore(db);
  try {
    for (const [username, roles] of Object.entries(users)) await store.add(username, TEST_PASSWORD, roles);
    for (const [name, regions] of Object.entries(options.gridOperators ?? {}))
      store.setGridOperatorRegions(name, regions);
  } finally {
    db.close();
  }
  const app = await buildApp({
    dataDir,
    datasetsDir: tinyDatasetsDir(root),
    defaultDataset: 'tiny',
    sweepWorkers: 1,
    ...options,
    auth: { mode: 'accounts', secureCookies: false, ...options.auth },
  });
  return {
    app,
    root,
    dataDir,
    login: (username: string) => login(app, username),
    cleanup: async () => {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The session cookie of a response (name=value). */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'samenhang_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `${cookie.name}=${cookie.value}`;
}

/** Signs in with TEST_PASSWORD and returns the cookie and CSRF token. */
export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return { cookie: sessionCookie(response), csrf: response.json().csrfToken };
}

/** Headers of a cookie-authenticated write. */
export function asUser(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf };
}
