/**
 * Vitest global setup: compiles engine/ and server/ into dist/ when a source file is newer than the
 * last build, so tests that start the real `samenhang` CLI or server run what the sources say.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = import.meta.dirname;
const BUILD_INFO = join(ROOT, 'dist', '.tsbuildinfo');

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ unless it is newer than every source file and the build configuration. */
export default function setup(): void {
  const built = existsSync(BUILD_INFO) ? statSync(BUILD_INFO).mtimeMs : 0;
  const sources = Math.max(
    newestSourceMs(join(ROOT, 'engine')),
    newestSourceMs(join(ROOT, 'server')),
    statSync(join(ROOT, 'tsconfig.json')).mtimeMs,
    statSync(join(ROOT, 'tsconfig.build.json')).mtimeMs,
  );
  if (sources <= built) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // tsc leaves its build info alone when nothing changed (a file only touched): mark dist/ current.
  const now = new Date();
  utimesSync(BUILD_INFO, now, now);
}
