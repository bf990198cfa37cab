import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app.ts';
const app = await buildApp({ dataDir: join(mkdtempSync(join(tmpdir(), 'perf-')), 'var') });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as any).port}`;
let t = performance.now();
await fetch(`${base}/api/regions`); console.log('regions (load)', performance.now() - t);
for (const body of [{}, { scenario: {}, hourly: { region: 'ES01', from: 0, to: 8760 } }]) {
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const r = await fetch(`${base}/api/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    console.log('evaluate', r.status, text.length, (performance.now() - t).toFixed(1));
  }
}
const sweep = { base: {}, axes: [{ path: 'defaults.storageMW', values: [0, 10, 20, 30] }, { path: 'defaults.shareHybrid', uniform: [0, 0.5] }], samples: 50, seed: 1 };
t = performance.now();
const r = await fetch(`${base}/api/sweeps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sweep) });
const { id } = await r.json() as any;
let worst = 0; let status = '';
while (status !== 'done' && status !== 'failed') {
  const s = performance.now();
  await fetch(`${base}/api/health`);
  worst = Math.max(worst, performance.now() - s);
  status = ((await (await fetch(`${base}/api/sweeps/${id}`)).json()) as any).status;
  await new Promise((res) => setTimeout(res, 20));
}
console.log('sweep', status, (performance.now() - t).toFixed(0), 'worst health ms', worst.toFixed(1));
for (const q of ['', '?format=csv', '?format=json&region=NL&limit=10']) {
  t = performance.now();
  const res = await fetch(`${base}/api/sweeps/${id}/result${q}`); const b = await res.arrayBuffer();
  console.log('result', q, res.status, b.byteLength, (performance.now() - t).toFixed(0));
}
t = performance.now();
const p = await (await fetch(`${base}/api/sweeps/${id}/pareto`)).json() as any;
console.log('pareto', p.points.length, (performance.now() - t).toFixed(0));
await app.close();
