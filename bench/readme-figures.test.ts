import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { performanceBlock, README, readmeResultsFile } from './readme-figures.ts';

describe("the README's benchmark figures", () => {
  const readme = readFileSync(README, 'utf8');
  const file = readmeResultsFile(readme);

  it('come from a committed, dated results file that runs never write to', () => {
    expect(file).toMatch(/bench\/results\/\d{4}-\d{2}-\d{2}-full(-\d+)?\.json$/);
    expect(existsSync(file)).toBe(true);
  });

  it('are what that file says (regenerate with npx tsx bench/readme-figures.ts FILE)', () => {
    expect(readme).toContain(performanceBlock(file));
  });
});
