// The real `samenhang` process (bin/samenhang.js → compiled dist/, built by vitest's global setup):
// what only a process shows — exit statuses, starting from another folder with worker threads, and
// Ctrl-C. Everything else about the CLI is tested in-process (cli.test.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { profileLengthWarnings, warningLines } from '../data/warnings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/samenhang.js');
const TINY_DATASET = join(ROOT, 'engine/testdata/tiny/dataset');

interface Exit {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `samenhang ARGS` in `cwd`; `exit` resolves when the process has ended. */
function start(args: string[], cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise<Exit>((done) =>
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr })),
  );
  return { child, exit };
}

function writeSweep(dir: string, spec: unknown): string {
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('the compiled samenhang CLI', () => {
  it('runs a sweep on two worker threads from another folder, with relative paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenhang-elsewhere-'));
    writeSweep(dir, { base: {}, axes: [{ path: 'defaults.solarShare', values: [0, 0.5, 1] }] });
    const { exit } = start(
      ['sweep', 'sweep.json', '--dataset', TINY_DATASET, '--workers', '2', '--out', 'o.arrow'],
      dir,
    );
    const result = await exit;
    expect(result.status, result.stderr).toBe(0);
    // After the warning that the tiny dataset's 24 hours are not a full year:
    expect(result.stderr).toMatch(
      /^warning: the hourly profiles have 24 hours[^\n]*\nsweep done: 3 scenarios, 15 rows, .* 2 worker\(s\) → o\.arrow\n$/,
    );
    expect(readdirSync(dir).sort()).toEqual(['o.arrow', 'sweep.json']);
    expect(tableFromIPC(readFileSync(join(dir, 'o.arrow'))).numRows).toBe(15);
  });

  it('exits 2 with one line and writes nothing for an --out it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenhang-parquet-'));
    writeSweep(dir, { base: {}, axes: [{ path: 'defaults.solarShare', values: [0, 1] }] });
    const result = await start(['sweep', 'sweep.json', '--dataset', TINY_DATASET, '--out', 'x.parquet'], dir).exit;
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: --out: cannot write '.parquet' files; use a name ending in .arrow or .csv\n");
    expect(readdirSync(dir)).toEqual(['sweep.json']);
  });

  it('exits 0 with the usage for --help and 2 for an unknown command', async () => {
    const help = await start(['--help'], tmpdir()).exit;
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:/);
    const unknown = await start(['evalute'], tmpdir()).exit;
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("error: unknown command 'evalute' (run 'samenhang help' for usage)\n");
  });

  it('Ctrl-C during a sweep exits 130 with one line and leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenhang-ctrl-c-'));
    // far more scenarios than can finish before the signal arrives (the cap allows a million)
    writeSweep(dir, {
      base: {},
      axes: [
        { path: 'defaults.solarShare', uniform: [0, 1] },
        { path: 'defaults.storageMW', uniform: [0, 100] },
      ],
      samples: 1_000_000,
      seed: 1,
    });
    // Interrupt once the sweep is writing its output (the partial file appears): an event, not a delay.
    const writing = new Promise<void>((resolve) => {
      const watcher = watch(dir, () => {
        if (readdirSync(dir).some((name) => name.endsWith('.partial'))) {
          watcher.close();
          resolve();
        }
      });
    });
    const { child, exit } = start(['sweep', 'sweep.json', '--dataset', TINY_DATASET, '--out', 'big.arrow'], dir);
    await Promise.race([writing, exit]);
    child.kill('SIGINT');
    const result = await exit;
    expect(result.status, result.stderr).toBe(130);
    // The tiny dataset's 24 hours are not a full year: a warning comes first.
    expect(result.stderr).toBe(`${warningLines(profileLengthWarnings(24))}cancelled: no output file was written\n`);
    expect(readdirSync(dir)).toEqual(['sweep.json']);
  });
});
