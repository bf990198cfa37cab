import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lvExampleTable } from './lv-example.ts';

describe('the LV worked example of docs/model.md', () => {
  it('is the table the engine gives today (`npx tsx scenarios/lv-example.ts`)', () => {
    const docs = readFileSync(join(import.meta.dirname, '../docs/model.md'), 'utf8');
    expect(docs).toContain(lvExampleTable());
  });
});
