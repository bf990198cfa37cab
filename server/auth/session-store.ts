import type { Session } from 'fastify';
import type { Db } from '../db.ts';

type Callback = (error?: unknown) => void;
type SessionLike = { accountId?: number; cookie?: { expires?: Date | string | null } };

/**
 * Session store for @fastify/session in SQLite: sessions survive a restart, and disabling an
 * account or resetting its password ends its sessions by deleting their rows.
 */
export class SqliteSessionStore {
  /** `now` is the clock in ms since the epoch (injectable so tests move time without waiting). */
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  set(sessionId: string, session: SessionLike, callback: Callback): void {
    try {
      const expires = session.cookie?.expires ? new Date(session.cookie.expires).toISOString() : null;
      this.db
        .prepare(
          `INSERT INTO sessions (id, account_id, data_json, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET account_id = excluded.account_id, data_json = excluded.data_json,
           expires_at = excluded.expires_at`,
        )
        .run(sessionId, session.accountId ?? null, JSON.stringify(session), expires);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    try {
      const row = this.db
        .prepare<[string], { data_json: string; expires_at: string | null }>(
          'SELECT data_json, expires_at FROM sessions WHERE id = ?',
        )
        .get(sessionId);
      if (!row || (row.expires_at !== null && Date.parse(row.expires_at) <= this.now())) {
        callback(null, null);
        return;
      }
      callback(null, JSON.parse(row.data_json) as Session);
    } catch (error) {
      callback(error);
    }
  }

  destroy(sessionId: string, callback: Callback): void {
    try {
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Removes expired sessions; returns how many. */
  prune(): number {
    return this.db
      .prepare('DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= ?')
      .run(new Date(this.now()).toISOString()).changes;
  }

  /**
   * Prunes every `intervalMs` until the returned function is called. Expired sessions are never
   * accepted anyway (`get` checks the time); pruning keeps the table from growing on a server that
   * runs for months. The timer is unref'd: it never keeps the process alive.
   */
  pruneEvery(intervalMs: number): () => void {
    const timer = setInterval(() => this.prune(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
