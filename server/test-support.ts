import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp, REPO_ROOT, type AppOptions } from './app.ts';
import type { App } from './context.ts';

/** The 4-region, 24-hour test dataset of the engine. */
export const TINY_DATASET = resolve(REPO_ROOT, 'engine/testdata/tiny/dataset');

/** A fresh temporary folder (removed by `cleanup`). */
export function tempDir(prefix = 'samenhang-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A datasets folder holding the tiny dataset as `tiny` (and as `tiny-1987` when asked). */
export function tinyDatasetsDir(root: string, extraIds: string[] = []): string {
  const dir = join(root, 'datasets');
  mkdirSync(dir, { recursive: true });
  for (const id of ['tiny', ...extraIds]) symlinkSync(TINY_DATASET, join(dir, id));
  return dir;
}

/** An app on a temporary data dir with the tiny dataset as default. */
export async function tinyApp(
  options: AppOptions = {},
): Promise<{ app: App; root: string; cleanup: () => Promise<void> }> {
  const root = tempDir();
  const app = await buildApp({
    dataDir: join(root, 'var'),
    datasetsDir: tinyDatasetsDir(root),
    defaultDataset: 'tiny',
    sweepWorkers: 1,
    ...options,
  });
  return {
    app,
    root,
    cleanup: async () => {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The job once sweep `id` has ended (done, failed, cancelled or interrupted). It follows the job's
 * event stream, which the server closes after the final event, so it waits as long as the sweep
 * takes on a busy machine, with no clock of its own (the test's timeout still bounds it).
 */
export async function sweepEnded(app: App, id: string) {
  await app.inject({ url: `/api/sweeps/${id}/events`, headers: { accept: 'text/event-stream' } });
  return (await app.inject(`/api/sweeps/${id}`)).json();
}

/** A tiny-dataset scenario that exercises a few levers. */
export const TINY_SCENARIO = {
  name: 'tiny test',
  national: { waccGrid: 0.04 },
  defaults: { storageMW: 1, storageMWh: 2 },
  regions: { T1: { shareHybrid: 0.2 } },
};

/**
 * Spawns `node args…` in the repository root (tracked in `children` for cleanup) and resolves once
 * its stdout matches `ready`; rejects with its stderr if it exits first.
 */
export function spawnUntilReady(
  args: string[],
  ready: RegExp,
  children: ChildProcess[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; match: RegExpExecArray; stdout: () => string; stderr: () => string }> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve({ child, match, stdout: () => out, stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}
