import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, contextOf, REPO_ROOT } from './app.ts';
import type { App } from './context.ts';
import type { CommitmentRecord } from './commitments.ts';
import { seedExampleRegister } from './intekenboek-example.ts';
import { tempDir } from './test-support.ts';

let app: App;
beforeAll(async () => {
  app = await buildApp({ dataDir: join(tempDir(), 'var'), sweepWorkers: 1 });
});
afterAll(async () => app.close());

const seed = () => {
  const ctx = contextOf(app);
  return seedExampleRegister(ctx.db, ctx.commitments, REPO_ROOT, ctx.datasets.get());
};

describe('example register', () => {
  it('loads the published bids and one invented grid commitment once, each labelled as an example', async () => {
    expect(seed()).toEqual({ added: 5 });
    const list = (await app.inject('/api/commitments')).json() as CommitmentRecord[];
    const twh = (c: CommitmentRecord) =>
      Math.round(
        ((c.quantities.solarRoofTWh ?? 0) + (c.quantities.solarFieldTWh ?? 0) + (c.quantities.windTWh ?? 0)) * 1000,
      ) / 1000;
    expect(list.filter((c) => c.kind === 'res').map((c) => [c.region, c.status, twh(c)])).toEqual([
      ['ES03', 'vastgesteld', 3.45],
      ['ES15', 'vastgesteld', 3.6],
      ['ES16', 'vastgesteld', 2.7],
      ['ES01', 'bod', 5.7],
    ]);
    for (const c of list) {
      expect(c.example).toBe(true);
      expect(c.note).toMatch(/voorbeeld/i);
    }
    expect(list.find((c) => c.region === 'ES03')?.source).toMatch(/^https:\/\/www\.provincie\.drenthe\.nl\//);
    const grid = list.find((c) => c.kind === 'net')!;
    expect(grid).toMatchObject({ actorKind: 'netbeheerder', region: 'ES01', source: '' });
    expect(grid.note).toMatch(/^VERZONNEN VOORBEELD/);

    // Counted: 3.45 + 3.6 + 2.7 = 9.75 TWh, far below 35: Route 35.
    const summary = (await app.inject('/api/intekenboek/summary')).json();
    expect(summary.res.countedTWh).toBeCloseTo(9.75, 9);
    expect(summary.res.route35Triggered).toBe(true);
    expect(summary.res.escalation).toHaveLength(27);
  });

  it('does not add the examples again, also after they are withdrawn', async () => {
    for (const c of (await app.inject('/api/commitments')).json())
      await app.inject({ method: 'POST', url: `/api/commitments/${c.id}/withdraw`, payload: {} });
    expect(seed()).toEqual({ added: 0, skipped: 'already seeded' });
    expect((await app.inject('/api/commitments?status=ingetrokken')).json()).toHaveLength(5);
  });
});
