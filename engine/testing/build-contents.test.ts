// What `npm run build` compiles into dist/ (tsconfig.build.json): only code the CLI, the server,
// the engine's public index or the UI can load. Test helpers, fixtures and test-only child
// processes stay out.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY_POINTS = ['engine/index.ts', 'engine/cli/main.ts', 'server/main.ts'];
/** The UI's sources import engine modules too (labels, types): they count as loadable. */
const UI_SOURCES = readdirSync(join(ROOT, 'ui/src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => join('ui/src', file));
/** Relative module paths in string literals: static and dynamic imports, and worker files named by URL. */
const RELATIVE_MODULE = /['"](\.{1,2}\/[^'"\s]+\.(?:ts|js))['"]/g;

function buildFiles(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.build.json not readable');
  return config.fileNames.map((file) => relative(ROOT, file)).sort();
}

/** Every source file reachable from the entry points through relative module references. */
function reachable(): Set<string> {
  const seen = new Set<string>();
  const stack = [...ENTRY_POINTS, ...UI_SOURCES];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, ref] of readFileSync(join(ROOT, file), 'utf8').matchAll(RELATIVE_MODULE)) {
      const target = relative(ROOT, join(ROOT, dirname(file), ref.replace(/\.js$/, '.ts')));
      if (existsSync(join(ROOT, target))) stack.push(target);
    }
  }
  return seen;
}

describe('the compiled build (dist/)', () => {
  it('holds only modules the CLI, the server, the engine index or the UI can load: no test-only files', () => {
    const files = buildFiles();
    expect(files).toContain('server/main.ts');
    expect(files).toContain('engine/sweep/worker.ts');
    const loadable = reachable();
    expect(files.filter((file) => !loadable.has(file))).toEqual([]);
  });
});
