import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from './app.ts';
import { spawnUntilReady, tempDir, tinyDatasetsDir } from './test-support.ts';

const CHILD = join(REPO_ROOT, 'server', 'import-crash-child.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function start(
  dataDir: string,
  datasetsDir: string,
  extra: string[] = [],
): Promise<{ child: ChildProcess; base: string }> {
  const args = ['--import', 'tsx', CHILD, dataDir, datasetsDir, ...extra];
  const { child, match } = await spawnUntilReady(args, /listening (\d+)/, children);
  return { child, base: `http://127.0.0.1:${match[1]}` };
}

const ROWS = 300;
const csv = `actor,actorKind,region,kind,windTWh,year,status\n${Array.from(
  { length: ROWS },
  (_, i) => `Regio ${i},res-regio,T${(i % 4) + 1},res,0.00${i % 10},2030,vastgesteld`,
).join('\n')}\n`;
const importCsv = (base: string) =>
  fetch(`${base}/api/intekenboek/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Commitments and versions in the database after a restart, and the integrity check. */
async function afterRestart(dataDir: string, datasetsDir: string) {
  const db = new Database(join(dataDir, 'samenhang.db'));
  const integrity = db.pragma('integrity_check', { simple: true });
  const versions = (db.prepare('SELECT COUNT(*) AS n FROM commitment_versions').get() as { n: number }).n;
  db.close();
  const app = await buildApp({ dataDir, datasetsDir, defaultDataset: 'tiny', sweepWorkers: 1 });
  try {
    const list = (await app.inject('/api/commitments')).json() as unknown[];
    return { integrity, versions, commitments: list.length };
  } finally {
    await app.close();
  }
}

describe('CSV import and kill -9', () => {
  it('leaves no row of an import killed inside its transaction, and every row of an acknowledged one', async () => {
    const root = tempDir();
    const dataDir = join(root, 'var');
    const datasetsDir = tinyDatasetsDir(root);

    // 1. Killed after 150 of 300 rows were written inside the transaction: none of them survive.
    const stalled = await start(dataDir, datasetsDir, ['--stall-after', String(ROWS / 2)]);
    const pending = importCsv(stalled.base).catch(() => 'connection lost');
    for (let i = 0; !existsSync(join(dataDir, 'import-stalled')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (i > 3000) throw new Error('the import never reached the stall point');
    }
    await killed(stalled.child);
    expect(await pending).toBe('connection lost');
    expect(await afterRestart(dataDir, datasetsDir)).toEqual({ integrity: 'ok', versions: 0, commitments: 0 });

    // 2. Acknowledged, then killed at once: all rows survive.
    const plain = await start(dataDir, datasetsDir);
    const response = await importCsv(plain.base);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { imported: number }).imported).toBe(ROWS);
    await killed(plain.child);
    expect(await afterRestart(dataDir, datasetsDir)).toEqual({ integrity: 'ok', versions: ROWS, commitments: ROWS });
  });
});
