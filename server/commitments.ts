import type {
  Commitment,
  CommitmentKind,
  CommitmentRecord,
  CommitmentStatus,
  CommitmentVersion,
  ImportedRow,
} from '../engine/index.ts';

export type { CommitmentRecord, CommitmentVersion };
import type { Db } from './db.ts';
import { conflict, InputError, notFound } from './errors.ts';
import { newId } from './ids.ts';

/** Schema of the register (appended to the migrations in db.ts): a head per commitment and every version. */
export const COMMITMENTS_MIGRATION = `
  CREATE TABLE commitments (
    id TEXT PRIMARY KEY,
    latest_version INTEGER NOT NULL,
    example INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE commitment_versions (
    commitment_id TEXT NOT NULL REFERENCES commitments(id),
    version INTEGER NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    commitment_json TEXT NOT NULL,
    PRIMARY KEY (commitment_id, version)
  );
  CREATE INDEX commitments_updated ON commitments(updated_at);
`;

export interface CommitmentFilter {
  region?: string;
  actor?: string;
  kind?: CommitmentKind;
  status?: CommitmentStatus;
}

interface HeadRow {
  id: string;
  latest_version: number;
  example: number;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  commitment_id: string;
  version: number;
  created_at: string;
  commitment_json: string;
}

function prepareStatements(db: Db) {
  return {
    head: db.prepare<[string], HeadRow>('SELECT * FROM commitments WHERE id = ?'),
    insertHead: db.prepare(
      'INSERT INTO commitments (id, latest_version, example, created_at, updated_at) VALUES (?, 1, ?, ?, ?)',
    ),
    bumpHead: db.prepare('UPDATE commitments SET latest_version = ?, updated_at = ? WHERE id = ?'),
    insertVersion: db.prepare(
      'INSERT INTO commitment_versions (commitment_id, version, author, created_at, commitment_json) VALUES (?, ?, ?, ?, ?)',
    ),
    version: db.prepare<[string, number], VersionRow>(
      'SELECT * FROM commitment_versions WHERE commitment_id = ? AND version = ?',
    ),
    versions: db.prepare<[string], VersionRow>(
      'SELECT * FROM commitment_versions WHERE commitment_id = ? ORDER BY version',
    ),
    latest: db.prepare<[], HeadRow & VersionRow>(
      `SELECT c.*, v.version, v.commitment_json, v.created_at AS version_created_at
       FROM commitments c JOIN commitment_versions v ON v.commitment_id = c.id AND v.version = c.latest_version
       ORDER BY c.rowid`,
    ),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM commitments'),
  };
}

/**
 * The intekenboek's storage: every change is a new version (with author and time), as saved
 * scenarios have; withdrawing is a new version with status `ingetrokken`, so nothing is deleted.
 */
export class CommitmentStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  /** Tests only: called inside the import transaction after each row is written (crash tests stall here). */
  onImportRow?: (rowsWritten: number) => void;

  constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
  }

  /** Saves a new commitment as version 1. */
  create(commitment: Commitment, options: { example?: boolean } = {}): { id: string; version: number } {
    return this.db.transaction(() => this.insertNew(commitment, options.example ?? false)).immediate();
  }

  /** Saves a new version; with `baseVersion`, refuses (409) when someone saved in between. */
  update(id: string, commitment: Commitment, baseVersion?: number): { id: string; version: number } {
    return this.db.transaction(() => this.insertNext(id, commitment, baseVersion)).immediate();
  }

  /** Withdraws a commitment: a new version with status `ingetrokken` (409 when it already is). */
  withdraw(id: string, author: string, note?: string): { id: string; version: number } {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (current.status === 'ingetrokken') throw conflict('the commitment is already withdrawn');
        const { id: _id, version, latestVersion, example, createdAt, updatedAt, ...fields } = current;
        return this.insertNext(id, { ...fields, status: 'ingetrokken', author, note: note ?? fields.note });
      })
      .immediate();
  }

  /** The latest version, or version `version`. */
  get(id: string, version?: number): CommitmentRecord {
    const head = this.statements.head.get(id);
    if (!head) throw notFound(`commitment ${id}`);
    const wanted = version ?? head.latest_version;
    const row = this.statements.version.get(id, wanted);
    if (!row) throw notFound(`version ${wanted} of commitment ${id}`);
    return this.record(head, row);
  }

  /** Latest versions, oldest commitment first, optionally filtered. */
  list(filter: CommitmentFilter = {}): CommitmentRecord[] {
    const actor = filter.actor?.toLocaleLowerCase('nl');
    return this.statements.latest
      .all()
      .map((row) =>
        this.record(row, { ...row, created_at: (row as unknown as { version_created_at: string }).version_created_at }),
      )
      .filter(
        (c) =>
          (filter.region === undefined || (c.region ?? 'NL') === filter.region) &&
          (actor === undefined || c.actor.toLocaleLowerCase('nl').includes(actor)) &&
          (filter.kind === undefined || c.kind === filter.kind) &&
          (filter.status === undefined || c.status === filter.status),
      );
  }

  /** The latest version of every commitment, as the engine takes them. */
  latest(): Commitment[] {
    return this.list().map(({ id, version, latestVersion, example, createdAt, updatedAt, ...fields }) => fields);
  }

  /** Every version of a commitment, oldest first. */
  versions(id: string): CommitmentVersion[] {
    if (!this.statements.head.get(id)) throw notFound(`commitment ${id}`);
    return this.statements.versions.all(id).map((row) => ({
      version: row.version,
      createdAt: row.created_at,
      ...(JSON.parse(row.commitment_json) as Commitment),
    }));
  }

  /**
   * Stores validated import rows in ONE transaction: all of them or, on any failure (an unknown id,
   * a crash, a full disk), none. Rows with an id become a new version of that commitment.
   */
  importRows(rows: readonly ImportedRow[]): { created: number; updated: number; ids: string[] } {
    return this.db
      .transaction(() => {
        const unknown = rows.filter((row) => row.id !== undefined && !this.statements.head.get(row.id));
        if (unknown.length > 0) {
          throw new InputError(
            unknown.map((row) => ({
              path: `line ${row.line}, column id`,
              message: `unknown commitment id '${row.id}'`,
            })),
          );
        }
        let created = 0;
        let updated = 0;
        const ids: string[] = [];
        for (const row of rows) {
          const saved = row.id ? this.insertNext(row.id, row.commitment) : this.insertNew(row.commitment, false);
          if (row.id) updated++;
          else created++;
          ids.push(saved.id);
          this.onImportRow?.(created + updated);
        }
        return { created, updated, ids };
      })
      .immediate();
  }

  /** Number of commitments (withdrawn ones included). */
  count(): number {
    return this.statements.count.get()!.n;
  }

  private insertNew(commitment: Commitment, example: boolean): { id: string; version: number } {
    const id = newId();
    const now = new Date().toISOString();
    this.statements.insertHead.run(id, example ? 1 : 0, now, now);
    this.statements.insertVersion.run(id, 1, commitment.author, now, JSON.stringify(commitment));
    return { id, version: 1 };
  }

  private insertNext(id: string, commitment: Commitment, baseVersion?: number): { id: string; version: number } {
    const head = this.statements.head.get(id);
    if (!head) throw notFound(`commitment ${id}`);
    if (baseVersion !== undefined && baseVersion !== head.latest_version) {
      throw conflict(`version ${baseVersion} is not the latest version (${head.latest_version})`, {
        latestVersion: head.latest_version,
      });
    }
    const version = head.latest_version + 1;
    const now = new Date().toISOString();
    this.statements.insertVersion.run(id, version, commitment.author, now, JSON.stringify(commitment));
    this.statements.bumpHead.run(version, now, id);
    return { id, version };
  }

  private record(head: HeadRow, row: Pick<VersionRow, 'version' | 'created_at' | 'commitment_json'>): CommitmentRecord {
    return {
      id: head.id,
      version: row.version,
      latestVersion: head.latest_version,
      example: head.example === 1,
      createdAt: head.created_at,
      updatedAt: row.created_at,
      ...(JSON.parse(row.commitment_json) as Commitment),
    };
  }
}
