/**
 * The README and docs/ stay complete and true for users: no pointer to an internal text they do not
 * have, and example commands that leave no stray files in the repository.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './app.ts';

const DOCS = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

describe('user docs', () => {
  it('never refer to MODEL.md, which users do not have', () => {
    for (const file of DOCS) expect(read(file), file).not.toMatch(/MODEL\.md/);
  });

  it('write the output files of their example commands where git ignores them (the data directory)', () => {
    const outs = DOCS.flatMap((file) => [...read(file).matchAll(/--out\s+(\S+)/g)].map((m) => ({ file, out: m[1] })));
    expect(outs.length).toBeGreaterThan(0);
    for (const { file, out } of outs) {
      // `git check-ignore` exits 0 for an ignored path and 1 (an exception here) for one git would pick up.
      expect(
        () => execFileSync('git', ['check-ignore', '-q', '--no-index', out], { cwd: REPO_ROOT }),
        `${file}: ${out}`,
      ).not.toThrow();
    }
  });
});
