import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_FILE, type ScaleOutResults, scaleOutSection } from './scale-out-figures.ts';

describe('docs/scale-out.md performance figures', () => {
  it('are the ones of the recorded results file it names', () => {
    const docs = readFileSync(DOCS_FILE, 'utf8');
    const file = /<!-- scale-out:begin (bench\/results\/\d{4}-\d\d-\d\d-scale-out(?:-\d+)?\.json) -->/.exec(docs)?.[1];
    expect(file, 'docs/scale-out.md names its results file').toBeDefined();
    const results = JSON.parse(readFileSync(join(import.meta.dirname, '..', file!), 'utf8')) as ScaleOutResults;
    expect(docs).toContain(scaleOutSection(results, file!));
  });
});
