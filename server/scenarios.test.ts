import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './context.ts';
import { TINY_SCENARIO, tinyApp, tinyDatasetsDir } from './test-support.ts';

let app: App;
let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, root, cleanup } = await tinyApp());
});
afterAll(async () => cleanup());

const save = (payload: unknown, method: 'POST' | 'PUT' = 'POST', id?: string) =>
  app.inject({ method, url: id ? `/api/scenarios/${id}` : '/api/scenarios', payload: payload as object });

describe('scenario library', () => {
  it('saves, lists, reads and versions a scenario', async () => {
    const created = await save({ name: 'Noord wind', author: 'Anna', note: 'eerste versie', scenario: TINY_SCENARIO });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    expect(id).toMatch(/^[a-z2-7]{12}$/);
    expect(version).toBe(1);
    expect(created.headers.location).toBe(`/api/scenarios/${id}`);

    const second = { ...TINY_SCENARIO, defaults: { storageMW: 3, storageMWh: 6 } };
    const updated = await save(
      { name: 'Noord wind 2', author: 'Bram', note: 'meer opslag', scenario: second },
      'PUT',
      id,
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({ id, version: 2 });

    const latest = (await app.inject(`/api/scenarios/${id}`)).json();
    expect(latest).toMatchObject({
      id,
      name: 'Noord wind 2',
      version: 2,
      latestVersion: 2,
      author: 'Bram',
      note: 'meer opslag',
      scenario: second,
    });
    expect(Date.parse(latest.updatedAt)).not.toBeNaN();
    const first = (await app.inject(`/api/scenarios/${id}?version=1`)).json();
    expect(first).toMatchObject({
      version: 1,
      latestVersion: 2,
      name: 'Noord wind',
      author: 'Anna',
      scenario: TINY_SCENARIO,
    });

    const versions = (await app.inject(`/api/scenarios/${id}/versions`)).json();
    expect(versions.id).toBe(id);
    expect(
      versions.versions.map((v: { version: number; author: string; note: string }) => [v.version, v.author, v.note]),
    ).toEqual([
      [1, 'Anna', 'eerste versie'],
      [2, 'Bram', 'meer opslag'],
    ]);

    const list = (await app.inject('/api/scenarios')).json();
    expect(list).toContainEqual({ id, name: 'Noord wind 2', version: 2, author: 'Bram', updatedAt: latest.updatedAt });
  });

  it('author and note are optional free text; the name is required', async () => {
    const ok = await save({ name: '  Zonder auteur ', scenario: {} });
    expect(ok.statusCode).toBe(201);
    const record = (await app.inject(`/api/scenarios/${ok.json().id}`)).json();
    expect(record).toMatchObject({ name: 'Zonder auteur', author: '', note: '' });
    const noName = await save({ author: 'x', scenario: {} });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().issues).toEqual([{ path: 'name', message: expect.any(String) }]);
    const empty = await save({ name: '   ', scenario: {} });
    expect(empty.json().issues[0]).toEqual({ path: 'name', message: 'must not be empty' });
  });

  it('validates the scenario with the engine before saving (paths under scenario.)', async () => {
    const before = (await app.inject('/api/scenarios')).json().length;
    const bad = await save({ name: 'fout', scenario: { regions: { T1: { storageMW: -1 }, ES01: {} }, extra: true } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['scenario.extra', 'scenario.regions.T1.storageMW']);
    const unknownRegion = await save({ name: 'fout', scenario: { regions: { ES01: { storageMW: 1 } } } });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().issues).toEqual([
      { path: 'scenario.regions.ES01', message: expect.stringContaining('unknown region id') },
    ]);
    const unknownKey = await save({ name: 'x', scenario: {}, colour: 'blue' });
    expect(unknownKey.json().issues).toEqual([{ path: 'colour', message: 'unknown key' }]);
    expect((await app.inject('/api/scenarios')).json()).toHaveLength(before);
  });

  it('400 for malformed ids, 404 for unknown well-formed ids and versions', async () => {
    for (const url of [
      '/api/scenarios/ABC',
      '/api/scenarios/short',
      '/api/scenarios/abcdefghijk1',
      '/api/scenarios/abcdefghijklm/versions',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().issues[0].path).toBe('params.id');
    }
    expect((await app.inject('/api/scenarios/aaaaaaaaaaaa')).statusCode).toBe(404);
    expect((await app.inject('/api/scenarios/aaaaaaaaaaaa/versions')).statusCode).toBe(404);
    expect((await save({ name: 'x', scenario: {} }, 'PUT', 'aaaaaaaaaaaa')).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/scenarios/aaaaaaaaaaaa' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/scenarios/aaaaaaaaaaaa/restore' })).statusCode).toBe(404);
    const { id } = (await save({ name: 'v', scenario: {} })).json();
    expect((await app.inject(`/api/scenarios/${id}?version=7`)).statusCode).toBe(404);
    expect((await app.inject(`/api/scenarios/${id}?version=0`)).statusCode).toBe(400);
    expect((await app.inject(`/api/scenarios/${id}?version=abc`)).statusCode).toBe(400);
  });

  it('soft delete hides a scenario; restore brings it back with every version', async () => {
    const { id } = (await save({ name: 'Weg', author: 'C', note: '1', scenario: {} })).json();
    await save({ name: 'Weg', author: 'C', note: '2', scenario: TINY_SCENARIO }, 'PUT', id);
    const deleted = await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject(`/api/scenarios/${id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}` })).statusCode).toBe(404);
    expect((await save({ name: 'x', scenario: {} }, 'PUT', id)).statusCode).toBe(404);
    expect((await app.inject('/api/scenarios')).json().some((s: { id: string }) => s.id === id)).toBe(false);
    const bin = (await app.inject('/api/scenarios?deleted=true')).json();
    expect(bin).toContainEqual(expect.objectContaining({ id, version: 2, deletedAt: expect.any(String) }));

    const restored = await app.inject({ method: 'POST', url: `/api/scenarios/${id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id, name: 'Weg', version: 2 });
    expect((await app.inject({ method: 'POST', url: `/api/scenarios/${id}/restore` })).statusCode).toBe(409);
    expect((await app.inject(`/api/scenarios/${id}/versions`)).json().versions).toHaveLength(2);
    expect((await app.inject(`/api/scenarios/${id}`)).json().scenario).toEqual(TINY_SCENARIO);
  });

  it('PUT with a stale baseVersion is a 409 conflict', async () => {
    const { id } = (await save({ name: 'Samen', scenario: {} })).json();
    expect((await save({ name: 'Samen', scenario: {}, baseVersion: 1 }, 'PUT', id)).json().version).toBe(2);
    const stale = await save({ name: 'Samen', scenario: {}, baseVersion: 1 }, 'PUT', id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: expect.stringContaining('not the latest'), latestVersion: 2 });
  });
});

describe('persistence', () => {
  it('every version survives closing and reopening the data directory', async () => {
    const saved: Array<{ id: string; version: number; note: string }> = [];
    for (let s = 0; s < 5; s++) {
      const { id } = (await save({ name: `Herstart ${s}`, author: 'R', note: 'v1', scenario: {} })).json();
      saved.push({ id, version: 1, note: 'v1' });
      for (let v = 2; v <= 3; v++) {
        const note = `v${v}`;
        const scenario = { defaults: { storageMW: v } };
        expect((await save({ name: `Herstart ${s}`, author: 'R', note, scenario }, 'PUT', id)).json().version).toBe(v);
        saved.push({ id, version: v, note });
      }
    }
    await app.close();
    app = await buildApp({
      dataDir: join(root, 'var'),
      datasetsDir: tinyDatasetsDir(join(root, 'again')),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
    });
    for (const { id, version, note } of saved) {
      const res = await app.inject(`/api/scenarios/${id}?version=${version}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version, note, latestVersion: 3 });
    }
    const ids = new Set(saved.map((s) => s.id));
    expect((await app.inject('/api/scenarios')).json().filter((s: { id: string }) => ids.has(s.id))).toHaveLength(5);
  });
});
