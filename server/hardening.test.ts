/** Regressions found by the fuzz tests (server/api.fuzz.test.ts), each pinned down by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './context.ts';
import { sweepEnded, tinyApp } from './test-support.ts';

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await tinyApp());
});
afterAll(() => cleanup());

/** The job once it has ended (followed on its event stream: no polling, no clock). */
const waitDone = (id: string) => sweepEnded(app, id);

describe('finite inputs whose results overflow', () => {
  it('evaluate answers 400 naming the outputs, not a 500', async () => {
    for (const [payload, prefix] of [
      [{ national: { waccGrid: 1e308 } }, ''],
      [{ defaults: { resScale: 1e308 } }, ''],
      [{ national: { gridLifeYears: 5e-324 } }, ''],
      [{ scenario: { national: { heatPerHomeGJ: 1e308 } } }, 'scenario'],
      [
        { scenario: { defaults: { storageMW: 1e308, storageMWh: 1e308 } }, hourly: { region: 'T1', from: 0, to: 4 } },
        'scenario',
      ],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/evaluate', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const [issue] = res.json().issues;
      expect(issue.path).toBe(prefix);
      expect(issue.message).toMatch(
        /^the results are not finite numbers \(regions\.T1\.\w+ = (Infinity|-Infinity|NaN)/,
      );
    }
  });

  it('a sweep holding such a scenario fails naming it, with no result to read', async () => {
    const spec = { base: {}, axes: [{ path: 'defaults.resScale', values: [1, 1e308] }] };
    const { id } = (await app.inject({ method: 'POST', url: '/api/sweeps', payload: spec })).json();
    const job = await waitDone(id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^axes: scenario 1 \(defaults\.resScale = 1e\+308\) is invalid: the results are not finite numbers \(regions\.T1\./,
    );
    expect((await app.inject(`/api/sweeps/${id}/result?format=json&region=NL`)).statusCode).not.toBe(200);
  });

  it('a sweep whose parameters make a scenario invalid is a 400 naming it', async () => {
    const spec = {
      base: { defaults: { shareHybrid: 0.5 } },
      axes: [{ path: 'defaults.shareAllElectric', values: [0.2, 0.6] }],
    };
    const res = await app.inject({ method: 'POST', url: '/api/sweeps', payload: spec });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      {
        path: 'axes',
        message:
          'scenario 1 (defaults.shareAllElectric = 0.6) is invalid: defaults: heat strategy shares sum to 1.1, above 1',
      },
    ]);
  });
});

describe('text that cannot be stored as sent', () => {
  it('a lone surrogate in name, author or note is a 400, so a save is always read back as sent', async () => {
    for (const field of ['name', 'author', 'note']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/scenarios',
        payload: { name: 'x', [field]: 'a\ud800b', scenario: {} },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([{ path: field, message: expect.stringMatching(/valid Unicode/) }]);
    }
    const odd = 'nul \u0000, emoji 😀, rtl \u202e, nonchar \uffff';
    const saved = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { name: odd, author: odd, note: odd, scenario: { name: 'x\ud800' } },
    });
    expect(saved.statusCode).toBe(201);
    const back = (await app.inject(`/api/scenarios/${saved.json().id}`)).json();
    expect([back.name, back.author, back.note, back.scenario.name]).toEqual([odd, odd, odd, 'x\ud800']);
  });
});

describe('malformed URLs', () => {
  it('bad percent-encoding is a 400 in the API error format, without echoing the URL', async () => {
    for (const url of ['/%', '/api/%zz', '/api/scenarios/%E2%82', '/api/sweeps/%']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toEqual({
        error: 'invalid input',
        issues: [{ path: 'url', message: 'the URL is not valid (malformed percent-encoding)' }],
      });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('issues of a whole body', () => {
  it('a sweep or scenario body that is not an object is reported at path ""', async () => {
    for (const url of ['/api/evaluate', '/api/sweeps', '/api/scenarios']) {
      const res = await app.inject({
        method: 'POST',
        url,
        payload: '[]',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([{ path: '', message: 'must be an object' }]);
    }
  });
});
