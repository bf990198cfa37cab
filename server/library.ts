import type { ScenarioInput } from '../engine/index.ts';
import type { Db } from './db.ts';
import { conflict, notFound } from './errors.ts';
import { newId } from './ids.ts';

/** What a save sends: display name, free-text author and note, and the scenario itself. */
export interface ScenarioSave {
  name: string;
  author: string;
  note: string;
  scenario: ScenarioInput;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  version: number;
  author: string;
  updatedAt: string;
  deletedAt?: string;
}

export interface ScenarioRecord {
  id: string;
  name: string;
  version: number;
  latestVersion: number;
  author: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  scenario: ScenarioInput;
}

export interface ScenarioVersion {
  version: number;
  name: string;
  author: string;
  note: string;
  createdAt: string;
}

interface HeadRow {
  id: string;
  latest_version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface VersionRow {
  version: number;
  name: string;
  author: string;
  note: string;
  created_at: string;
  scenario_json: string;
}

function prepareStatements(db: Db) {
  return {
    head: db.prepare<[string], HeadRow>('SELECT * FROM scenarios WHERE id = ?'),
    insertHead: db.prepare('INSERT INTO scenarios (id, latest_version, created_at, updated_at) VALUES (?, 1, ?, ?)'),
    bumpHead: db.prepare('UPDATE scenarios SET latest_version = ?, updated_at = ? WHERE id = ?'),
    insertVersion: db.prepare(
      'INSERT INTO scenario_versions (scenario_id, version, name, author, note, created_at, scenario_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    version: db.prepare<[string, number], VersionRow>(
      'SELECT * FROM scenario_versions WHERE scenario_id = ? AND version = ?',
    ),
    versions: db.prepare<[string], VersionRow>(
      "SELECT version, name, author, note, created_at, '' AS scenario_json FROM scenario_versions WHERE scenario_id = ? ORDER BY version",
    ),
    list: db.prepare<[number], ScenarioListRow>(
      `SELECT s.id, v.name, s.latest_version AS version, v.author, s.updated_at, s.deleted_at
       FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.latest_version
       WHERE (s.deleted_at IS NOT NULL) = ? ORDER BY s.updated_at DESC, s.id`,
    ),
    setDeleted: db.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ?'),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM scenarios'),
  };
}

/** The scenario library: every save is a new version; delete is soft and can be undone. */
export class ScenarioLibrary {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
  }

  /** Saves a new scenario as version 1. */
  create(save: ScenarioSave): { id: string; version: number } {
    const id = newId();
    const now = new Date().toISOString();
    this.db
      .transaction(() => {
        this.statements.insertHead.run(id, now, now);
        this.insertVersion(id, 1, save, now);
      })
      .immediate();
    return { id, version: 1 };
  }

  /** Saves a new version; with `baseVersion`, refuses (409) when someone saved in between. */
  update(id: string, save: ScenarioSave, baseVersion?: number): { id: string; version: number } {
    return this.db
      .transaction(() => {
        const head = this.liveHead(id);
        if (baseVersion !== undefined && baseVersion !== head.latest_version) {
          throw conflict(`version ${baseVersion} is not the latest version (${head.latest_version})`, {
            latestVersion: head.latest_version,
          });
        }
        const version = head.latest_version + 1;
        const now = new Date().toISOString();
        this.insertVersion(id, version, save, now);
        this.statements.bumpHead.run(version, now, id);
        return { id, version };
      })
      .immediate();
  }

  /** The latest version, or version `version`. */
  get(id: string, version?: number): ScenarioRecord {
    const head = this.liveHead(id);
    const wanted = version ?? head.latest_version;
    const row = this.statements.version.get(id, wanted);
    if (!row) throw notFound(`version ${wanted} of scenario ${id}`);
    return {
      id,
      name: row.name,
      version: row.version,
      latestVersion: head.latest_version,
      author: row.author,
      note: row.note,
      createdAt: head.created_at,
      updatedAt: row.created_at,
      scenario: JSON.parse(row.scenario_json) as ScenarioInput,
    };
  }

  list(options: { deleted?: boolean } = {}): ScenarioSummary[] {
    return this.statements.list.all(options.deleted ? 1 : 0).map((row) => ({
      id: row.id,
      name: row.name,
      version: row.version,
      author: row.author,
      updatedAt: row.updated_at,
      ...(row.deleted_at ? { deletedAt: row.deleted_at } : {}),
    }));
  }

  versions(id: string): ScenarioVersion[] {
    this.liveHead(id);
    return this.statements.versions.all(id).map((row) => ({
      version: row.version,
      name: row.name,
      author: row.author,
      note: row.note,
      createdAt: row.created_at,
    }));
  }

  /** Soft delete: the scenario disappears from the library but keeps every version. */
  softDelete(id: string): void {
    this.liveHead(id);
    this.statements.setDeleted.run(new Date().toISOString(), id);
  }

  restore(id: string): ScenarioSummary {
    const head = this.statements.head.get(id);
    if (!head) throw notFound(`scenario ${id}`);
    if (head.deleted_at === null) throw conflict('the scenario is not deleted');
    this.statements.setDeleted.run(null, id);
    const record = this.get(id);
    return { id, name: record.name, version: record.version, author: record.author, updatedAt: record.updatedAt };
  }

  count(): number {
    return this.statements.count.get()!.n;
  }

  private liveHead(id: string): HeadRow {
    const head = this.statements.head.get(id);
    if (!head || head.deleted_at !== null) throw notFound(`scenario ${id}`);
    return head;
  }

  private insertVersion(id: string, version: number, save: ScenarioSave, now: string): void {
    this.statements.insertVersion.run(
      id,
      version,
      save.name,
      save.author,
      save.note,
      now,
      JSON.stringify(save.scenario),
    );
  }
}

interface ScenarioListRow {
  id: string;
  name: string;
  version: number;
  author: string;
  updated_at: string;
  deleted_at: string | null;
}
