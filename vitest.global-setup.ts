/**
 * Vitest global setup: compiles engine/ and server/ into dist/, and the UI into dist/ui, when a source
 * file is newer than the last build, so tests that start the real `samenhang` CLI or server, or serve
 * the built UI, run what the sources say.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = import.meta.dirname;
const BUILD_INFO = join(ROOT, 'dist', '.tsbuildinfo');

function newestSourceMs(dir: string, endings = ['.ts']): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      newest = Math.max(newest, entry.name === 'node_modules' ? 0 : newestSourceMs(path, endings));
    else if (endings.some((ending) => entry.name.endsWith(ending))) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ and dist/ui unless each is newer than its sources and build configuration. */
export default function setup(): void {
  buildServer();
  buildUi();
}

function buildServer(): void {
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

/** The built UI (what `npm start` serves), for the test that serves the real dist/ui; vite takes ~2 s. */
function buildUi(): void {
  const index = join(ROOT, 'dist', 'ui', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  // The UI bundles the label table and other pure modules from engine/.
  const sources = Math.max(
    newestSourceMs(join(ROOT, 'ui'), ['.ts', '.css', '.html', '.json']),
    newestSourceMs(join(ROOT, 'engine')),
  );
  if (sources <= built) return;
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'ui/vite.config.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );
  } catch (error) {
    // A failed build may leave an index.html behind: remove it so the next run builds again.
    rmSync(index, { force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `building the UI (vite build --config ui/vite.config.ts) failed:\n${`${stdout}${stderr}`.slice(-2000)}`,
    );
  }
}
