import { execFile, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from './app.ts';
import { spawnUntilReady, tempDir } from './test-support.ts';

// The compiled server (dist/, built by the test run's global setup), as `npm start` runs it.
const MAIN = join(REPO_ROOT, 'dist', 'server', 'main.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `server/main.ts` and resolves with its base URL once it prints where it listens. */
async function startServer(args: string[]): Promise<{ child: ChildProcess; base: string; stdout: () => string }> {
  const env = { ...process.env, SAMENHANG_LOG_LEVEL: 'warn' };
  const ready = /Samenhang draait op (http:\/\/127\.0\.0\.1:\d+)\//;
  const { child, match, stdout } = await spawnUntilReady([MAIN, ...args], ready, children, env);
  return { child, base: match[1], stdout };
}

function runMain(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, SAMENHANG_LOG_LEVEL: 'warn' };
    execFile(process.execPath, [MAIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env }, (error, _stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
  });
}

describe('the compiled server (dist/server/main.js)', () => {
  it('exits 2 with one line for bad options and unusable data directories', async () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const cases = [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--bogus'],
      ['--data-dir', file],
      ['--data-dir', join(file, 'below')],
    ];
    const results = await Promise.all(cases.map(runMain));
    for (const [c, args] of cases.entries()) {
      const result = results[c];
      expect(result.status, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]).toMatch(/^samenhang: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(results[3].stderr).toContain('not usable');
  });

  it('a port in use exits 2 with one line that says how to choose another port and data directory', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((blocker.address() as { port: number }).port);
      const result = await runMain(['--port', port, '--data-dir', join(tempDir(), 'var')]);
      expect(result.status).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(lines[0]).toMatch(/--port N .*--data-dir DIR/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints where it listens, seeds the bundled scenarios once, and every save acknowledged before kill -9 survives', async () => {
    const dataDir = join(tempDir(), 'var');
    const { child, base, stdout } = await startServer(['--port', '0', '--data-dir', dataDir]);
    expect(stdout()).toMatch(/^Samenhang draait op http:\/\/127\.0\.0\.1:\d+\/\nSamenhang is running at /);
    const seeded = (await (await fetch(`${base}/api/scenarios`)).json()) as Array<{ author: string }>;
    const bundled = seeded.filter((s) => s.author === 'Samenhang').length;

    const acknowledged: Array<{ id: string; version: number; note: string }> = [];
    let killed = false;
    const worker = async (w: number) => {
      let id: string | undefined;
      for (let n = 0; !killed; n++) {
        const note = `worker ${w} save ${n}`;
        const body = JSON.stringify({
          name: `burst ${w}`,
          author: 'crash test',
          note,
          scenario: { defaults: { storageMW: n } },
        });
        try {
          const res = await fetch(id ? `${base}/api/scenarios/${id}` : `${base}/api/scenarios`, {
            method: id ? 'PUT' : 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          if (res.status !== 200 && res.status !== 201) throw new Error(`status ${res.status}`);
          const saved = (await res.json()) as { id: string; version: number };
          id = saved.id;
          acknowledged.push({ ...saved, note });
        } catch {
          return; // the server is gone
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await Promise.all([...Array(8)].map((_, w) => worker(w)));
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const db = new Database(join(dataDir, 'samenhang.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const find = db.prepare('SELECT note FROM scenario_versions WHERE scenario_id = ? AND version = ?');
      for (const { id, version, note } of acknowledged)
        expect(find.get(id, version), `${id} v${version}`).toEqual({ note });
    } finally {
      db.close();
    }

    // The restarted server sees them too, and does not seed the bundled scenarios again.
    const app = await buildApp({ dataDir });
    try {
      const last = acknowledged[acknowledged.length - 1];
      const record = (await app.inject(`/api/scenarios/${last.id}?version=${last.version}`)).json();
      expect(record.note).toBe(last.note);
    } finally {
      await app.close();
    }
    const again = await startServer(['--port', '0', '--data-dir', dataDir]);
    const list = (await (await fetch(`${again.base}/api/scenarios`)).json()) as Array<{ author: string }>;
    expect(list.filter((s) => s.author === 'Samenhang')).toHaveLength(bundled);
    again.child.kill('SIGTERM');
    await new Promise((resolve) => again.child.on('exit', resolve));
    expect(again.child.exitCode).toBe(0);
  });
});

describe('the samenhang-server command (bin/samenhang-server.js)', () => {
  const BIN = join(REPO_ROOT, 'bin', 'samenhang-server.js');

  function runBin(args: string[], env: NodeJS.ProcessEnv) {
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { cwd: tempDir(), env, encoding: 'utf8' }, (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
  }

  it('manages accounts without a TypeScript loader, from any folder', async () => {
    const dataDir = join(tempDir(), 'var');
    const password = 'een wachtwoord van de beheerder';
    const env = { ...process.env, SAMENHANG_PASSWORD: password, SAMENHANG_DATA_DIR: dataDir, NODE_OPTIONS: '' };
    const added = await runBin(['users', 'add', 'anna', '--role', 'beheerder', '--role', 'programmateam'], env);
    expect(added, added.stderr).toMatchObject({ status: 0, stdout: 'user anna added (beheerder, programmateam)\n' });
    const listed = await runBin(['users', 'list'], env);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^anna\tbeheerder,programmateam\tactive\n$/);
    const refused = await runBin(['users', 'add', 'bob', '--role', 'koning'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    for (const out of [added, listed, refused]) expect(out.stdout + out.stderr).not.toContain(password);
  });
});
