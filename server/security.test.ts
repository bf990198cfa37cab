/**
 * Security: the static handler stays inside the UI folder (encoded traversal variants, through
 * inject and over a raw socket), request size limits, no eval on user input, ids validated, and
 * CSV exports guarded against formula injection (the engine's writer and the server's CSV path).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../engine/index.ts';
import { buildApp, REPO_ROOT } from './app.ts';
import type { App } from './context.ts';
import { sweepEnded, TINY_DATASET, tempDir, tinyDatasetsDir } from './test-support.ts';

const TRAVERSALS = [
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/..%2Fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/%2E%2E%2Fsecret.txt',
  '/.%2e/secret.txt',
  '/%2e./secret.txt',
  '/..%5csecret.txt',
  '/%2e%2e%5csecret.txt',
  '/..\\secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/..%252fsecret.txt',
  '/%25%32%65%25%32%65/secret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/%c0%af..%c0%afsecret.txt',
  '/..%c0%afsecret.txt',
  '/assets/../../secret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/assets/..;/..;/secret.txt',
  '/....//secret.txt',
  '/..../secret.txt',
  '/../ui-sibling/secret.txt',
  '/..%2fui-sibling%2fsecret.txt',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  '/etc/passwd',
  '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  `/${'..%2f'.repeat(20)}etc%2fpasswd`,
  '/secret.txt%00',
  '/%00../secret.txt',
  '/assets/app.js%00.html',
  '/index.html%00.txt',
  '/..%00/secret.txt',
  '/assets/%00',
  '/.git/config',
  '/.env',
];

let root: string;
let app: App;

beforeAll(async () => {
  root = tempDir('samenhang-security-');
  const uiDir = join(root, 'ui');
  mkdirSync(join(uiDir, 'assets'), { recursive: true });
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Samenhang</title>');
  writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'TOPSECRET outside the UI folder');
  mkdirSync(join(root, 'ui-sibling'));
  writeFileSync(join(root, 'ui-sibling', 'secret.txt'), 'TOPSECRET in a sibling folder');
  app = await buildApp({
    dataDir: join(root, 'var'),
    datasetsDir: tinyDatasetsDir(root),
    defaultDataset: 'tiny',
    sweepWorkers: 1,
    uiDir,
  });
});
afterAll(() => app?.close());

function leaks(body: string): boolean {
  return /TOPSECRET|root:x:0:0|"name": "samenhang"|\[core\]/.test(body);
}

describe('static files never come from outside the UI folder', () => {
  it('the UI itself is served', async () => {
    expect((await app.inject('/assets/app.js')).body).toBe('console.log(1)');
    expect((await app.inject('/')).body).toContain('<title>Samenhang</title>');
  });

  for (const method of ['GET', 'HEAD'] as const) {
    it(`${method}: encoded, doubled, backslash, overlong-UTF-8, absolute and NUL-byte traversals (inject)`, async () => {
      for (const url of TRAVERSALS) {
        const res = await app.inject({ method, url });
        expect(leaks(res.body), `${url} → ${res.statusCode} ${res.body.slice(0, 80)}`).toBe(false);
        expect(res.statusCode, url).toBeLessThan(500);
        // Either not found / bad request, or the SPA's index.html: never another file.
        if (res.statusCode === 200 && method === 'GET') expect(res.body, url).toContain('<title>Samenhang</title>');
      }
    });
  }

  it('the same bytes over a raw socket (no client-side normalisation)', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const raw = (path: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        let data = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk) => (data += chunk));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
    for (const url of TRAVERSALS) {
      const response = await raw(url);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
      expect(leaks(response), `${url} → ${response.slice(0, 120)}`).toBe(false);
      expect(status, url).toBeLessThan(500);
    }
  });

  it('the real dist/ui folder: no repository file is reachable', async () => {
    // vitest.global-setup.ts builds dist/ui, so this runs on every machine, CI's fresh clone included.
    const dist = join(REPO_ROOT, 'dist', 'ui');
    expect(statSync(join(dist, 'index.html')).isFile()).toBe(true);
    const real = await buildApp({
      dataDir: join(root, 'var-real'),
      datasetsDir: tinyDatasetsDir(mkdtempSync(join(root, 'd-'))),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
      uiDir: dist,
    });
    try {
      for (const target of [
        'package.json',
        'server/app.ts',
        'scenarios/data/nl-res30/regions.csv',
        'var/samenhang.db',
      ]) {
        const depth = relative(dist, REPO_ROOT).split('/').length;
        for (const prefix of ['../', '..%2f', '%2e%2e/', '%2e%2e%2f', '..%5c', '%252e%252e%252f']) {
          const url = `/${prefix.repeat(depth)}${target.split('/').join(prefix.includes('%') ? '%2f' : '/')}`;
          const res = await real.inject(url);
          expect(res.body, url).not.toMatch(/"name": "samenhang"|buildApp|ES01,|SQLite format/);
        }
      }
    } finally {
      await real.close();
    }
  });
});

describe('request size limits', () => {
  it('a body over 1 MiB is a 413, with or without a content-length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    const res = await app.inject({
      method: 'POST',
      url: '/api/evaluate',
      payload: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'request body too large' });
    const { Readable } = await import('node:stream');
    const chunked = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: Readable.from([Buffer.from(big.slice(0, 600_000)), Buffer.from(big.slice(600_000))]),
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    expect(chunked.statusCode).toBe(413);
  });

  it('the limit is configurable and a lying content-length is refused', async () => {
    const small = await buildApp({
      dataDir: join(root, 'var-small'),
      datasetsDir: tinyDatasetsDir(mkdtempSync(join(root, 'd-'))),
      defaultDataset: 'tiny',
      sweepWorkers: 1,
      bodyLimit: 100,
    });
    try {
      const res = await small.inject({
        method: 'POST',
        url: '/api/evaluate',
        payload: JSON.stringify({ name: 'y'.repeat(200) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(413);
      const lying = await small.inject({
        method: 'POST',
        url: '/api/evaluate',
        payload: '{"name":"abc"}',
        headers: { 'content-type': 'application/json', 'content-length': '5' },
      });
      expect(lying.statusCode).toBeGreaterThanOrEqual(400);
      expect(lying.statusCode).toBeLessThan(500);
    } finally {
      await small.close();
    }
  });

  it('text fields and sweeps have their own limits', async () => {
    const long = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { name: 'n'.repeat(201), scenario: {} },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().issues[0]).toEqual({ path: 'name', message: 'at most 200 characters' });
    const axes = Array.from({ length: 33 }, (_, i) => ({ path: `national.waccGrid`, values: [i / 100] }));
    expect(
      (await app.inject({ method: 'POST', url: '/api/sweeps', payload: { base: {}, axes } })).json().issues[0],
    ).toEqual({ path: 'axes', message: 'at most 32 axes' });
  });
});

describe('no code from input', () => {
  it('no eval, new Function or vm in the sources of server/ and engine/ (tests aside)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'testdata') walk(path);
        } else if (/\.(ts|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          for (const pattern of [
            /\beval\s*\(/,
            /\bnew\s+Function\s*\(/,
            /(^|[^.\w])Function\s*\(/,
            /\bvm\.run|\bfrom 'node:vm'|require\('vm'\)/,
            /setTimeout\(\s*['"`]/,
          ]) {
            if (pattern.test(text)) offenders.push(`${relative(REPO_ROOT, path)}: ${pattern}`);
          }
        }
      }
    };
    walk(join(REPO_ROOT, 'server'));
    walk(join(REPO_ROOT, 'engine'));
    expect(offenders).toEqual([]);
  });

  it('ids are validated before they reach the database; SQL in text is stored as text', async () => {
    for (const id of [
      "x' OR '1'='1",
      'aaaaaaaaaaa%27',
      '1;DROP TABLE scenarios',
      'AAAAAAAAAAAA',
      'aaaaaaaaaaaa1',
      'aaaaaaaaaaa0',
    ]) {
      const res = await app.inject(`/api/scenarios/${encodeURIComponent(id)}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().issues[0].path).toBe('params.id');
    }
    const name = "Robert'); DROP TABLE scenarios;--";
    const saved = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { name, scenario: {} } });
    expect((await app.inject(`/api/scenarios/${saved.json().id}`)).json().name).toBe(name);
    expect((await app.inject('/api/scenarios')).statusCode).toBe(200);
  });
});

describe('CSV exports are guarded against formula injection', () => {
  it('csvCell prefixes =, +, -, @, tab and CR with a quote and escapes quotes, commas and line breaks', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('ES01')).toBe('ES01');
  });

  /** A copy of the tiny dataset whose region ids (and names) start with formula characters. */
  function evilDataset(): string {
    const dir = mkdtempSync(join(tmpdir(), 'samenhang-evil-'));
    const regions = readFileSync(join(TINY_DATASET, 'regions.csv'), 'utf8')
      .replace('\nT1,"Tiny one, ""quoted""",', '\n"=HYPERLINK(""http://evil"",""x"")","=cmd|\' /C calc\'!A0",')
      .replace('\nT2,Tiny two,', '\n+T2,@name,')
      .replace('\nT3,', '\n-T3,')
      .replace('\nT4,', '\n@T4,');
    writeFileSync(join(dir, 'regions.csv'), regions);
    symlinkSync(join(TINY_DATASET, 'profiles.csv'), join(dir, 'profiles.csv'));
    return dir;
  }
  const guarded = ['\'=HYPERLINK("http://evil","x")', "'+T2", "'-T3", "'@T4", 'NL'];

  /** Minimal CSV reader for the checks: quoted cells with doubled quotes. */
  function cells(line: string): string[] {
    const out: string[] = [];
    const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
    for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
      out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
      if (m[3] === '') break;
    }
    return out;
  }

  it('the engine sweep writer (samenhang sweep --format csv)', () => {
    const dataset = evilDataset();
    const spec = join(dataset, 'sweep.json');
    writeFileSync(spec, JSON.stringify({ base: {}, axes: [{ path: 'national.waccGrid', values: [-0.5, 0.03] }] }));
    const out = join(dataset, 'out.csv');
    const result = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'bin/samenhang.js'),
        'sweep',
        spec,
        '--dataset',
        dataset,
        '--out',
        out,
        '--format',
        'csv',
        '--workers',
        '1',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.slice(1, 6).map((line) => cells(line)[1])).toEqual(guarded);
    expect(cells(lines[1])[2]).toBe('-0.5'); // numbers stay numbers
    for (const line of lines)
      for (const cell of cells(line).slice(1)) expect(cell, line).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
  });

  it('the server CSV of a sweep result, also filtered on a formula-like region', async () => {
    const datasetsDir = mkdtempSync(join(tmpdir(), 'samenhang-evil-sets-'));
    symlinkSync(evilDataset(), join(datasetsDir, 'evil'));
    const evil = await buildApp({
      dataDir: join(root, 'var-evil'),
      datasetsDir,
      defaultDataset: 'evil',
      sweepWorkers: 1,
    });
    try {
      const { id } = (
        await evil.inject({
          method: 'POST',
          url: '/api/sweeps',
          payload: { base: {}, axes: [{ path: 'national.waccGrid', values: [-0.5, 0.03] }] },
        })
      ).json();
      expect((await sweepEnded(evil, id)).status).toBe('done');
      const csv = (await evil.inject(`/api/sweeps/${id}/result?format=csv`)).body;
      const lines = csv.trimEnd().split('\n');
      expect(lines.slice(1, 6).map((line) => cells(line)[1])).toEqual(guarded);
      expect(cells(lines[1])[2]).toBe('-0.5'); // numbers stay numbers
      for (const line of lines)
        for (const cell of cells(line).slice(1)) expect(cell, line).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
      const one = await evil.inject(`/api/sweeps/${id}/result?format=csv&region=${encodeURIComponent('@T4')}`);
      expect(
        one.body
          .trimEnd()
          .split('\n')
          .map((line) => cells(line)[1]),
      ).toEqual(['region', "'@T4", "'@T4"]); // one row per scenario
      // The region names (with formulas too) are served as JSON, never as CSV.
      const regions = (await evil.inject('/api/regions')).json();
      expect(regions.regions[0].name).toBe("=cmd|' /C calc'!A0");
    } finally {
      await evil.close();
    }
  });
});
