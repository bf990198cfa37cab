import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './context.ts';
import { tinyApp } from './test-support.ts';

let app: App;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await tinyApp());
});
afterAll(async () => cleanup());

// The tiny dataset's RES-counted TWh: T1 0.0018, T2 0.0012, T3 0.002105, T4 0.0024 (0.007505 in all).
const wind = (region: string | null, windTWh: number, status = 'vastgesteld') => ({
  actor: `RES-regio ${region}`,
  actorKind: 'res-regio',
  region,
  kind: 'res',
  quantities: { windTWh },
  year: 2030,
  status,
  source: 'https://example.org/besluit',
});

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/commitments', payload: payload as object });
const json = async (url: string) => (await app.inject(url)).json();

async function reset(): Promise<void> {
  // Withdrawing is the only way out of the register: the tests below withdraw what earlier tests added.
  for (const c of await json('/api/commitments')) {
    if (c.status !== 'ingetrokken')
      await app.inject({ method: 'POST', url: `/api/commitments/${c.id}/withdraw`, payload: {} });
  }
}

describe('commitments CRUD with versions', () => {
  it('records, reads, changes and withdraws a commitment, keeping every version', async () => {
    const created = await post({ ...wind('T1', 0.001), author: 'Anna', note: 'eerste' });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    expect(version).toBe(1);
    expect(created.headers.location).toBe(`/api/commitments/${id}`);

    const first = await json(`/api/commitments/${id}`);
    expect(first).toMatchObject({ id, version: 1, latestVersion: 1, example: false, author: 'Anna', region: 'T1' });
    expect(first.quantities).toEqual({ windTWh: 0.001 });

    const changed = await app.inject({
      method: 'PUT',
      url: `/api/commitments/${id}?baseVersion=1`,
      payload: { ...wind('T1', 0.0015, 'vergund'), author: 'Bram', note: 'vergunning verleend' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ id, version: 2 });

    const stale = await app.inject({
      method: 'PUT',
      url: `/api/commitments/${id}?baseVersion=1`,
      payload: wind('T1', 1),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ latestVersion: 2 });

    const withdrawn = await app.inject({
      method: 'POST',
      url: `/api/commitments/${id}/withdraw`,
      payload: { author: 'Carla', note: 'project gestopt' },
    });
    expect(withdrawn.json()).toEqual({ id, version: 3 });
    const again = await app.inject({ method: 'POST', url: `/api/commitments/${id}/withdraw`, payload: {} });
    expect(again.statusCode).toBe(409);

    const history = await json(`/api/commitments/${id}/versions`);
    expect(history.versions.map((v: Record<string, unknown>) => [v.version, v.status, v.author, v.note])).toEqual([
      [1, 'vastgesteld', 'Anna', 'eerste'],
      [2, 'vergund', 'Bram', 'vergunning verleend'],
      [3, 'ingetrokken', 'Carla', 'project gestopt'],
    ]);
    expect((await json(`/api/commitments/${id}?version=2`)).quantities).toEqual({ windTWh: 0.0015 });
    // No delete (405: the path has only GET and PUT): the record and its history stay.
    expect((await app.inject({ method: 'DELETE', url: `/api/commitments/${id}` })).statusCode).toBe(405);
    expect((await json(`/api/commitments/${id}`)).status).toBe('ingetrokken');
    expect((await app.inject('/api/commitments/zzzzzzzzzzzz')).statusCode).toBe(404);
  });

  it('answers 400 naming the field for bad input, and stores nothing', async () => {
    const before = (await json('/api/commitments')).length;
    const cases: Array<[unknown, string, string]> = [
      [{ ...wind('T1', 1), colour: 'x' }, 'colour', 'unknown key'],
      [wind('T9', 0.001), 'region', "unknown region id 'T9'"],
      [wind('T1', -1), 'quantities.windTWh', 'must not be negative'],
      [{ ...wind('T1', 1), quantities: {} }, 'quantities', "kind 'res' needs at least one of"],
      [{ ...wind('T1', 1), status: 'beloofd' }, 'status', 'must be one of'],
      [{ ...wind('T1', 1), year: 20300 }, 'year', 'must be 2100 or earlier'],
    ];
    for (const [payload, path, message] of cases) {
      const res = await post(payload);
      expect(res.statusCode, path).toBe(400);
      const body = res.json();
      expect(body.error).toBe('invalid input');
      expect(body.issues, path).toEqual([expect.objectContaining({ path, message: expect.stringContaining(message) })]);
    }
    expect((await json('/api/commitments')).length).toBe(before);
  });

  it('filters the list by region, actor, kind and status', async () => {
    await reset();
    await post({ ...wind('T2', 0.001), actor: 'Provincie Test', actorKind: 'provincie' });
    await post({ ...wind(null, 0.002, 'bod'), actor: 'Rijk', actorKind: 'rijk' });
    await post({
      ...wind('T2', 1, 'vastgesteld'),
      kind: 'net',
      actor: 'Netbeheerder Test',
      actorKind: 'netbeheerder',
      quantities: { feedinMW: 10 },
    });
    const ids = async (query: string) =>
      (await json(`/api/commitments?${query}`)).map((c: { actor: string }) => c.actor);
    expect(await ids('region=T2&status=vastgesteld')).toEqual(['Provincie Test', 'Netbeheerder Test']);
    expect(await ids('region=NL')).toEqual(['Rijk']);
    expect(await ids('actor=netbeheer')).toEqual(['Netbeheerder Test']);
    expect(await ids('kind=net')).toEqual(['Netbeheerder Test']);
    expect((await app.inject('/api/commitments?kind=zon')).json().issues[0].path).toBe('query.kind');
  });
});

describe('summary, scenario and evaluation', () => {
  it('sums counted commitments, sets Route 35 and lists the regions below their fair share', async () => {
    await reset();
    await post(wind('T1', 0.0018));
    await post(wind('T4', 0.001));
    await post(wind('T3', 0.5, 'bod'));
    const summary = await json('/api/intekenboek/summary?targetTWh=0.007505');
    expect(summary.dataset).toBe('tiny');
    expect(summary.countedStatuses).toEqual(['vastgesteld', 'vergund', 'gerealiseerd']);
    expect(summary.res.countedTWh).toBeCloseTo(0.0028, 12);
    expect(summary.res.route35Triggered).toBe(true);
    expect(summary.res.gapTWh).toBeCloseTo(0.004705, 12);
    // Fair share = the region's own dataset TWh here (target = national dataset sum); T1 meets it exactly.
    expect(summary.res.escalation.map((e: { region: string }) => e.region)).toEqual(['T3', 'T4', 'T2']);
    expect(summary.res.escalation[0].gapTWh).toBeCloseTo(0.002105, 12);
    const t3 = summary.regions.find((r: { id: string }) => r.id === 'T3');
    expect(t3.totals.res.byStatus.bod.totalTWh).toBe(0.5);

    // Counting bids as well, T3's 0.5 TWh passes the target.
    const withBids = await json('/api/intekenboek/summary?targetTWh=0.007505&counted=bod,vastgesteld');
    expect(withBids.res.route35Triggered).toBe(false);
    expect(withBids.res.escalation.map((e: { region: string }) => e.region)).toEqual(['T4', 'T2']);
    // The default target is 35 TWh.
    expect((await json('/api/intekenboek/summary')).res.targetTWh).toBe(35);

    const bad = (await app.inject('/api/intekenboek/summary?counted=vastgesteld,beloofd')).json();
    expect(bad.issues).toEqual([{ path: 'query.counted', message: expect.stringContaining("'beloofd'") }]);
  });

  it('builds the scenario from counted commitments and evaluates it in one call', async () => {
    await reset();
    await post(wind('T1', 0.003));
    await post({ ...wind('T1', 0), quantities: { solarRoofTWh: 0.001 } });
    await post({ ...wind('T2', 0), kind: 'net', actorKind: 'netbeheerder', quantities: { feedinMW: 7 } });
    const built = await json('/api/intekenboek/scenario');
    expect(built.scenario.regions.T1).toEqual({ solarRoofTWh: 0.001, solarFieldTWh: 0, windTWh: 0.003 });
    // T2's dataset feed-in capacity is derived (empty cell); the commitment adds 7 MW to it.
    const regions = (await json('/api/regions')).regions;
    const t2 = regions.find((r: { id: string }) => r.id === 'T2');
    expect(built.scenario.regions.T2).toEqual({ gridFeedinMW: t2.gridFeedinMW + 7, gridOfftakeMW: t2.gridOfftakeMW });
    expect(built.regions).toEqual({ T1: ['res'], T2: ['net'] });

    const evaluated = await json('/api/intekenboek/evaluation');
    expect(evaluated.scenario).toEqual(built.scenario);
    const t1 = evaluated.result.regions.find((r: { id: string }) => r.id === 'T1');
    expect(t1.resNominalTWh).toBeCloseTo(0.004, 12);
    // The same scenario through POST /api/evaluate gives the same results.
    const direct = (await app.inject({ method: 'POST', url: '/api/evaluate', payload: built.scenario })).json();
    expect(evaluated.result).toEqual(direct);
  });
});

describe('CSV import and export', () => {
  const csv = (rows: string[]) =>
    app.inject({
      method: 'POST',
      url: '/api/intekenboek/import?author=Import',
      headers: { 'content-type': 'text/csv' },
      payload: `actor,actorKind,region,kind,windTWh,feedinMW,year,status,source\n${rows.join('\n')}\n`,
    });

  it('imports all rows or, when any row is bad, none — naming every bad row by line and column', async () => {
    const before = await json('/api/commitments');
    const bad = await csv([
      'Regio A,res-regio,T1,res,0.001,,2030,vastgesteld,besluit 1',
      'Regio B,res-regio,T2,res,veel,,2030,vastgesteld,besluit 2',
      'Regio C,res-regio,T2,res,0.001,,2030,vastgesteld,besluit 3',
      'Net,netbeheerder,T5,net,,10,2031,bod,',
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      { path: 'line 3, column E (windTWh)', message: "'veel' is not a number (use a decimal point: 3.45)" },
      {
        path: 'line 5, column C (region)',
        message: "unknown region id 'T5' (the dataset has T1, T2, T3, T4; null for national)",
      },
    ]);
    expect(await json('/api/commitments')).toEqual(before);

    const good = await csv([
      'Regio A,res-regio,T1,res,0.001,,2030,vastgesteld,besluit 1',
      'Net,netbeheerder,,net,,10,2031,bod,',
    ]);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ imported: 2, created: 2, updated: 0 });
    const [a, n] = good.json().ids;
    expect(await json(`/api/commitments/${a}`)).toMatchObject({
      actor: 'Regio A',
      author: 'Import',
      source: 'besluit 1',
    });
    expect((await json(`/api/commitments/${n}`)).region).toBeNull();
  });

  it('exports the register as CSV that imports back as new versions of the same commitments', async () => {
    const exported = await app.inject('/api/intekenboek/export.csv');
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toContain('intekenboek.csv');
    const list = await json('/api/commitments');
    expect(exported.body.trim().split('\r\n')).toHaveLength(list.length + 1);
    const back = await app.inject({
      method: 'POST',
      url: '/api/intekenboek/import',
      headers: { 'content-type': 'text/csv' },
      payload: exported.body,
    });
    expect(back.json()).toMatchObject({ imported: list.length, created: 0, updated: list.length });
    const after = await json('/api/commitments');
    expect(after.map((c: { version: number }) => c.version)).toEqual(
      list.map((c: { version: number }) => c.version + 1),
    );
    const strip = ({ version, latestVersion, updatedAt, ...rest }: Record<string, unknown>) => rest;
    expect(after.map(strip)).toEqual(list.map(strip));
  });

  it('refuses an import naming an unknown commitment id, storing nothing', async () => {
    const before = await json('/api/commitments');
    const res = await app.inject({
      method: 'POST',
      url: '/api/intekenboek/import',
      headers: { 'content-type': 'text/csv' },
      payload:
        'id,actor,actorKind,region,kind,windTWh,year,status\n,Nieuw,rijk,,res,1,2030,bod\nabcdefghijkm,X,rijk,,res,1,2030,bod\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: 'line 3, column id', message: "unknown commitment id 'abcdefghijkm'" }]);
    expect(await json('/api/commitments')).toEqual(before);
  });
});

describe('OpenAPI', () => {
  it('documents every intekenboek route, the CSV ones as text/csv', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    for (const path of [
      '/api/commitments',
      '/api/commitments/{id}',
      '/api/commitments/{id}/withdraw',
      '/api/commitments/{id}/versions',
      '/api/intekenboek/summary',
      '/api/intekenboek/scenario',
      '/api/intekenboek/evaluation',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/intekenboek/import'].post.requestBody.content)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/api/intekenboek/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
  });
});
