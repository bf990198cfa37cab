// Loads a compiled entry point from dist/ (built by `npm ci` through the prepare script, or `npm run build`):
// plain JavaScript starts in a fraction of the time a TypeScript loader needs, from any folder.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Imports `dist/<path>`, or exits 1 telling how to build it when it is not built yet. */
export async function importCompiled(path, command) {
  const entry = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(entry)) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    process.stderr.write(`${command}: not built yet; run 'npm run build' in ${root}\n`);
    process.exit(1);
  }
  return import(entry.href);
}
