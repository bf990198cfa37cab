#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm ci` through the prepare script, or `npm run build`):
// plain JavaScript starts in a fraction of the time a TypeScript loader needs, from any folder.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/engine/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`samenhang: the CLI is not built yet; run 'npm run build' in ${root}\n`);
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
