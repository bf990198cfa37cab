/**
 * `npm run docs:examples`: runs the examples of the docs against a server on the bundled dataset
 * (in this process, on a temporary data directory) and writes them into the marked blocks of
 * README.md and docs/*.md. `--check` writes nothing and exits 1 when a doc differs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, REPO_ROOT } from '../app.ts';
import { apiExamples } from './api-examples.ts';
import { cliExamples } from './cli-examples.ts';
import { withExamples } from './docs-text.ts';

/** The user docs: README.md and docs/*.md, relative to the repository. */
export function docFiles(): string[] {
  const docs = readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.sort().map((f) => `docs/${f}`)];
}

/** Every example by name, from a fresh server on a temporary data directory. */
export async function generateExamples(): Promise<Map<string, string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samenhang-doc-examples-'));
  // One sweep thread: the examples' sweep has four scenarios, and the order of its rows is fixed anyway.
  const app = await buildApp({ dataDir, sweepWorkers: 1 });
  try {
    return new Map([...(await apiExamples(app)), ...(await cliExamples())]);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each doc's text as it is and as the examples make it. */
export async function regeneratedDocs(
  examples?: ReadonlyMap<string, string>,
): Promise<Array<{ file: string; current: string; regenerated: string }>> {
  const all = examples ?? (await generateExamples());
  return docFiles().map((file) => {
    const current = readFileSync(join(REPO_ROOT, file), 'utf8');
    return { file, current, regenerated: withExamples(current, all) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, current, regenerated } of await regeneratedDocs()) {
    if (current === regenerated) continue;
    stale++;
    if (check) console.error(`${file}: its examples differ from what the server answers now`);
    else {
      writeFileSync(join(REPO_ROOT, file), regenerated);
      console.log(`${file}: examples rewritten`);
    }
  }
  process.exitCode = check && stale > 0 ? 1 : 0;
}
