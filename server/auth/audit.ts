import type { Db } from '../db.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  /** The account, or '' for the single user of a loopback (open) server. */
  account: string;
  address: string;
  method: string;
  route: string;
  target: string | null;
  status: number;
  detail: string | null;
}

/** The append-only audit trail: who changed what, when, from which address (triggers refuse edits). */
export class AuditTrail {
  private readonly insert;
  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, account, address, method, route, target, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  record(entry: Omit<AuditEntry, 'seq' | 'at'>): void {
    this.insert.run(
      new Date().toISOString(),
      entry.account,
      entry.address,
      entry.method,
      entry.route,
      entry.target,
      entry.status,
      entry.detail,
    );
  }

  /** The newest entries first; `before` pages back by sequence number. */
  list(options: { limit: number; before?: number; account?: string }): AuditEntry[] {
    return this.db
      .prepare<[number, string | null, string | null, number], AuditEntry>(
        `SELECT * FROM audit_log WHERE seq < ? AND (? IS NULL OR account = ? COLLATE NOCASE)
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(options.before ?? Number.MAX_SAFE_INTEGER, options.account ?? null, options.account ?? null, options.limit);
  }
}

/** Who created a scenario or sweep (and for which region), for the ownership rules. */
export class ResourceOwners {
  constructor(private readonly db: Db) {}

  record(kind: string, id: string, account: string, region: string | null): void {
    this.db
      .prepare('INSERT OR IGNORE INTO resource_owners (kind, id, account, region) VALUES (?, ?, ?, ?)')
      .run(kind, id, account, region);
  }

  get(kind: string, id: string): { account: string; region: string | null } | undefined {
    return this.db
      .prepare<[string, string], { account: string; region: string | null }>(
        'SELECT account, region FROM resource_owners WHERE kind = ? AND id = ?',
      )
      .get(kind, id);
  }
}
