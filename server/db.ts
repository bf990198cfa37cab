import Database from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { AUTH_MIGRATION } from './auth/schema.ts';
import { COMMITMENTS_MIGRATION } from './commitments.ts';

export type Db = Database.Database;

/**
 * Schema migrations, applied in order; each runs once in its own transaction and is recorded in
 * `schema_migrations`. Append new migrations at the end; never edit a released one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: scenario library with versions, soft delete; sweep jobs; key/value meta.
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE scenarios (
    id TEXT PRIMARY KEY,
    latest_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );
  CREATE TABLE scenario_versions (
    scenario_id TEXT NOT NULL REFERENCES scenarios(id),
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    author TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    scenario_json TEXT NOT NULL,
    PRIMARY KEY (scenario_id, version)
  );
  CREATE INDEX scenarios_updated ON scenarios(updated_at);
  CREATE TABLE sweeps (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    dataset TEXT NOT NULL,
    spec_json TEXT NOT NULL,
    axis_paths_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    error TEXT,
    summary_json TEXT
  );
  CREATE INDEX sweeps_created ON sweeps(created_at);
  `,
  // 2: the intekenboek (commitments with versions).
  COMMITMENTS_MIGRATION,
  // 3: accounts, sessions, API tokens, grid-operator regions, resource owners, append-only audit trail.
  AUTH_MIGRATION,
];

/** A data directory that cannot be used (missing rights, not a folder, newer schema…). */
export class DataDirError extends Error {
  constructor(dir: string, reason: string) {
    super(`data directory '${dir}' is not usable: ${reason}`);
    this.name = 'DataDirError';
  }
}

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST') return 'not a folder';
  if (e.code === 'EROFS') return 'read-only file system';
  return e.code ? `${e.code}: ${e.message}` : String(e.message ?? e);
}

/** Creates (if needed) and checks the data directory and its `sweeps/` folder. */
export function prepareDataDir(dir: string): { dataDir: string; sweepsDir: string } {
  const dataDir = resolve(dir);
  try {
    mkdirSync(dataDir, { recursive: true });
    if (!statSync(dataDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(dataDir, constants.W_OK | constants.R_OK);
    const sweepsDir = join(dataDir, 'sweeps');
    mkdirSync(sweepsDir, { recursive: true });
    accessSync(sweepsDir, constants.W_OK | constants.R_OK);
    return { dataDir, sweepsDir };
  } catch (error) {
    throw new DataDirError(dir, reasonOf(error));
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/server.lock` so that two servers never share a data directory (the second
 * would mark the first one's sweeps as interrupted). A lock left by a dead process is taken over.
 * Returns the function that releases it.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DataDirError(dataDir, reasonOf(error));
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
        throw new DataDirError(
          dataDir,
          `in use by another server (process ${pid}); stop it first, start this one with another --data-dir, or remove ${file} if that process is not a Samenhang server`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirError(dataDir, `cannot take the lock ${file}`);
}

/** Applies the pending migrations; refuses a database written by a newer version. */
export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  if (current > MIGRATIONS.length) {
    throw new Error(`the database has schema version ${current}, newer than this program (${MIGRATIONS.length})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      record.run(version, new Date().toISOString());
    }).immediate();
  }
  return MIGRATIONS.length;
}

/**
 * Opens `<dataDir>/samenhang.db`: WAL journal, `synchronous = FULL` so that an acknowledged save
 * survives a crash or power cut, foreign keys on, then migrations.
 */
export function openDatabase(dataDir: string): Db {
  const file = join(dataDir, 'samenhang.db');
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new DataDirError(dataDir, reasonOf(error));
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
