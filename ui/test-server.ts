/**
 * Starts a real Samenhang server for the browser tests and the screenshot script: builds the UI
 * with Vite into a temporary folder (always fresh, ~1 s), then `buildApp` with a temporary data
 * directory (its own SQLite database and sweep results) on 127.0.0.1 and a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildApp, contextOf, REPO_ROOT } from '../server/app.ts';
import { seedExampleRegister } from '../server/intekenboek-example.ts';

export interface TestServer {
  url: string;
  uiDir: string;
  close(): Promise<void>;
}

/** Chromium launch options that work with Debian's chromium package (docs: engineering notes §2e). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function buildUi(outDir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** `exampleRegister`: load the intekenboek's example register, as the first start of the server does. */
export async function startTestServer(
  opts: { sweepWorkers?: number; exampleRegister?: boolean } = {},
): Promise<TestServer> {
  const tmp = mkdtempSync(join(tmpdir(), 'samenhang-ui-'));
  const uiDir = join(tmp, 'ui');
  await buildUi(uiDir);
  const app = await buildApp({ dataDir: join(tmp, 'data'), uiDir, sweepWorkers: opts.sweepWorkers ?? 2 });
  if (opts.exampleRegister) {
    const ctx = contextOf(app);
    seedExampleRegister(ctx.db, ctx.commitments, REPO_ROOT, ctx.datasets.get());
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    uiDir,
    async close() {
      await app.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
