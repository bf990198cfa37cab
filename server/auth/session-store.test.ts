import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, prepareDataDir } from '../db.ts';
import { tempDir } from '../test-support.ts';
import { SqliteSessionStore } from './session-store.ts';
import { accountsApp, login } from './test-support.ts';

const HOUR_MS = 3600_000;
const START = Date.parse('2026-11-30T12:00:00Z');

/** A store on a fresh database whose clock the test moves by hand. */
function storeWithClock() {
  const root = tempDir('samenhang-sessions-');
  const db = openDatabase(prepareDataDir(join(root, 'var')).dataDir);
  const clock = { ms: START };
  const store = new SqliteSessionStore(db, () => clock.ms);
  const put = (id: string, expiresInHours: number) =>
    store.set(id, { cookie: { expires: new Date(clock.ms + expiresInHours * HOUR_MS) } }, (error) => {
      if (error) throw error;
    });
  const ids = () =>
    db
      .prepare<[], { id: string }>('SELECT id FROM sessions ORDER BY id')
      .all()
      .map((r) => r.id);
  const cleanup = () => {
    db.close();
    rmSync(root, { recursive: true, force: true });
  };
  return { store, clock, put, ids, cleanup };
}

describe('expired sessions are removed periodically', () => {
  afterEach(() => void vi.useRealTimers());

  it('prune removes exactly the sessions whose expiry has passed on the store’s clock', () => {
    const env = storeWithClock();
    try {
      env.put('a', 1);
      env.put('b', 12);
      env.clock.ms += 2 * HOUR_MS;
      expect(env.store.prune()).toBe(1);
      expect(env.ids()).toEqual(['b']);
      let found: unknown = 'not called';
      env.store.get('b', (_error, session) => void (found = session));
      expect(found).not.toBeNull();
      env.clock.ms += 11 * HOUR_MS; // exactly at b's expiry: expired
      env.store.get('b', (_error, session) => void (found = session));
      expect(found).toBeNull();
    } finally {
      env.cleanup();
    }
  });

  it('pruneEvery runs on an unref’d timer and stops when asked', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const env = storeWithClock();
    try {
      const stop = env.store.pruneEvery(10 * 60_000);
      expect(vi.getTimerCount()).toBe(1);
      env.put('a', 1);
      env.put('b', 3);
      env.clock.ms += 2 * HOUR_MS;
      expect(env.ids()).toEqual(['a', 'b']); // nothing happens between ticks
      vi.advanceTimersByTime(10 * 60_000);
      expect(env.ids()).toEqual(['b']);
      stop();
      expect(vi.getTimerCount()).toBe(0);
      env.clock.ms += 2 * HOUR_MS;
      vi.advanceTimersByTime(HOUR_MS);
      expect(env.ids()).toEqual(['b']); // stopped: b stays although expired
    } finally {
      env.cleanup();
    }
  });

  it('the real timer does not keep the process alive', () => {
    const env = storeWithClock();
    const spy = vi.spyOn(globalThis, 'setInterval');
    try {
      const stop = env.store.pruneEvery(60_000);
      const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
      stop();
    } finally {
      spy.mockRestore();
      env.cleanup();
    }
  });

  it('a running server removes a session once it has expired, and stops its timer on close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: START });
    const env = await accountsApp({ anna: ['lezer'] }, { auth: { sessionHours: 1, sessionPruneMinutes: 5 } });
    let closed = false;
    try {
      await login(env.app, 'anna');
      const count = () => {
        const db = openDatabase(env.dataDir);
        try {
          return (db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;
        } finally {
          db.close();
        }
      };
      expect(count()).toBe(1);
      vi.advanceTimersByTime(55 * 60_000);
      expect(count()).toBe(1);
      vi.advanceTimersByTime(10 * 60_000);
      expect(count()).toBe(0);
      const before = vi.getTimerCount();
      await env.cleanup();
      closed = true;
      expect(vi.getTimerCount()).toBe(before - 1);
    } finally {
      if (!closed) await env.cleanup();
    }
  });
});
