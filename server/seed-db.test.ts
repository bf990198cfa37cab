import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SWEEP_STATUSES } from '../engine/index.ts';
import { buildApp, contextOf } from './app.ts';
import { DataDirError, MIGRATIONS, migrate, openDatabase, prepareDataDir } from './db.ts';
import { seedLibrary } from './seed.ts';
import { tempDir, tinyApp } from './test-support.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('seeding the library with the bundled scenarios', () => {
  it('imports valid files once, skips invalid ones, and never seeds again', async () => {
    const { app, root, cleanup } = await tinyApp();
    cleanups.push(cleanup);
    const dir = join(root, 'bundled');
    mkdirSync(dir);
    const ctx = contextOf(app);
    expect(seedLibrary(ctx, dir)).toMatchObject({ imported: [], alreadySeeded: false }); // none yet: try again later

    writeFileSync(join(dir, 'a-zon.json'), JSON.stringify({ name: 'Veel zon', defaults: { solarShare: 0.8 } }));
    writeFileSync(join(dir, 'b-naamloos.json'), JSON.stringify({ defaults: { storageMW: 2 } }));
    writeFileSync(join(dir, 'c-fout.json'), JSON.stringify({ name: 'Fout', regions: { ES99: {} } }));
    writeFileSync(join(dir, 'd-kapot.json'), '{ nope');
    const report = seedLibrary(ctx, dir);
    expect(report.imported.map((entry) => [entry.file, entry.name])).toEqual([
      ['a-zon.json', 'Veel zon'],
      ['b-naamloos.json', 'b-naamloos'],
    ]);
    expect(report.skipped.map((entry) => entry.file)).toEqual(['c-fout.json', 'd-kapot.json']);
    expect(report.skipped[0].reason).toContain('regions.ES99');
    const list = (await app.inject('/api/scenarios')).json();
    expect(list.map((s: { name: string; author: string }) => `${s.name}/${s.author}`).sort()).toEqual([
      'Veel zon/Samenhang',
      'b-naamloos/Samenhang',
    ]);

    await app.inject({ method: 'DELETE', url: `/api/scenarios/${report.imported[0].id}` });
    expect(seedLibrary(ctx, dir)).toMatchObject({ imported: [], alreadySeeded: true });
    expect((await app.inject('/api/scenarios')).json()).toHaveLength(1);
  });

  it('does not seed a library that already has scenarios', async () => {
    const { app, root, cleanup } = await tinyApp();
    cleanups.push(cleanup);
    await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'eigen', scenario: {} } });
    const dir = join(root, 'bundled');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ name: 'A' }));
    expect(seedLibrary(contextOf(app), dir)).toMatchObject({ imported: [], alreadySeeded: true });
  });
});

describe('database', () => {
  it("accepts exactly the engine's sweep statuses (a new status needs a migration)", () => {
    const { dataDir } = prepareDataDir(join(tempDir(), 'var'));
    const db = openDatabase(dataDir);
    try {
      const insert = db.prepare(
        `INSERT INTO sweeps (id, name, dataset, spec_json, axis_paths_json, status, total, created_at)
         VALUES (?, 'n', 'd', '{}', '[]', ?, 1, 't')`,
      );
      SWEEP_STATUSES.forEach((status, i) => {
        insert.run(`s${i}`, status);
      });
      expect(() => insert.run('bad', 'paused')).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });

  it('records migrations, uses WAL with synchronous FULL, and migrating again changes nothing', () => {
    const { dataDir } = prepareDataDir(join(tempDir(), 'var'));
    const db = openDatabase(dataDir);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      const versions = () => db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions()).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1 })));
      expect(migrate(db)).toBe(MIGRATIONS.length);
      expect(versions()).toHaveLength(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version, with a clear message', () => {
    const { dataDir } = prepareDataDir(join(tempDir(), 'var'));
    openDatabase(dataDir).close();
    const raw = new Database(join(dataDir, 'samenhang.db'));
    raw
      .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
      .run(MIGRATIONS.length + 1, 'later');
    raw.close();
    expect(() => openDatabase(dataDir)).toThrow(DataDirError);
    expect(() => openDatabase(dataDir)).toThrow(/newer than this program/);
  });

  it('one server per data directory: a second one is refused, a stale lock is taken over', async () => {
    const { app, root, cleanup } = await tinyApp();
    cleanups.push(cleanup);
    const dataDir = join(root, 'var');
    await expect(buildApp({ dataDir })).rejects.toThrow(/in use by another server \(process \d+\)/);
    expect((await app.inject('/api/health')).statusCode).toBe(200); // the first one is unharmed
    await app.close();
    writeFileSync(join(dataDir, 'server.lock'), '4194303'); // no such process
    const second = await buildApp({ dataDir });
    expect(second.server.requestTimeout).toBe(30_000);
    expect(second.initialConfig.connectionTimeout).toBe(120_000);
    await second.close();
  });

  it('a data directory that is a file is not usable', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    expect(() => prepareDataDir(file)).toThrow(/not usable: not a folder/);
  });
});
