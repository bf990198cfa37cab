/** Dataset warnings in the API: profiles that are not a full year are allowed but announced. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './context.ts';
import { tinyApp } from './test-support.ts';

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await tinyApp());
});
afterAll(() => cleanup());

describe('dataset warnings', () => {
  it('GET /api/datasets and POST /api/evaluate carry the warning of the 24-hour tiny dataset', async () => {
    const expected = [
      { code: 'profilesNotAFullYear', hours: 24, message: expect.stringMatching(/^the hourly profiles have 24 hours/) },
    ];
    const datasets = (await app.inject('/api/datasets')).json();
    expect(datasets.length).toBeGreaterThan(0);
    for (const dataset of datasets) expect(dataset.warnings).toEqual(expected);
    const res = await app.inject({ method: 'POST', url: '/api/evaluate', payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings).toEqual(expected);
  });
});
