import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/samenhang.js');
const TINY = join(ROOT, 'engine/testdata/tiny');
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-cli-'));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeJson(name: string, value: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('samenhang evaluate', () => {
  it('prints the MODEL.md §6 JSON of the worked example', () => {
    const out = execFileSync(
      process.execPath,
      [BIN, 'evaluate', join(TINY, 'scenario.json'), '--dataset', join(TINY, 'dataset'), '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    const actual = JSON.parse(out);
    const expected = JSON.parse(readFileSync(join(TINY, 'expected.json'), 'utf8'));
    expect(actual.regions.map((r: { id: string }) => r.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(actual.national.route35Triggered).toBe(true);
    for (let i = 0; i < 4; i++) {
      for (const [key, value] of Object.entries(expected.regions[i])) {
        if (typeof value === 'number')
          expect(Math.abs(actual.regions[i][key] - value) / Math.max(1, Math.abs(value))).toBeLessThan(1e-9);
      }
    }
  });

  it('prints a readable summary without --json, on the bundled dataset by default', () => {
    const result = cli(['evaluate', join(ROOT, 'scenarios/res-1-0-indicatief.json')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Scenario "RES 1.0 indicatief" on dataset nl-res30');
    expect(result.stdout).toContain('Route 35');
    expect(result.stdout).toMatch(/ES30/);
  });

  const invalid: Array<[string, string[], RegExp]> = [
    [
      'a negative value',
      [writeJson('neg.json', { defaults: { storageMW: -1 } })],
      /^error: defaults\.storageMW: must not be negative, got -1$/m,
    ],
    [
      'an unknown region',
      [writeJson('region.json', { regions: { ES99: {} } })],
      /^error: regions\.ES99: unknown region id/m,
    ],
    ['broken JSON', [writeJson('broken.json', '{ "national": ')], /broken\.json: not valid JSON/],
    ['a missing file', [join(scratch, 'nope.json')], /nope\.json: file not found/],
    [
      'a missing dataset',
      [writeJson('ok.json', {}), '--dataset', join(scratch, 'no-dataset')],
      /no-dataset\/regions\.csv: file not found/,
    ],
    ['an unknown option', [writeJson('ok2.json', {}), '--jsn'], /error: Unknown option '--jsn'/],
  ];
  for (const [label, args, pattern] of invalid) {
    it(`exits 2 with one clean line per problem for ${label}`, () => {
      const result = cli(['evaluate', ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    });
  }

  it('names file, line and column for a broken dataset', () => {
    const dir = mkdtempSync(join(scratch, 'ds-'));
    const regions = readFileSync(join(TINY, 'dataset/regions.csv'), 'utf8').replace(
      'T2,Tiny two,Test,3000',
      'T2,Tiny two,Test,many',
    );
    writeFileSync(join(dir, 'regions.csv'), regions);
    writeFileSync(join(dir, 'profiles.csv'), readFileSync(join(TINY, 'dataset/profiles.csv')));
    const result = cli(['evaluate', join(TINY, 'scenario.json'), '--dataset', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/regions\.csv:3:4: column 'homes': not a finite number: "many"/);
  });
});

describe('samenhang sweep', () => {
  const spec = writeJson('sweep.json', {
    base: { national: { ebReinvestShare: 0.1 } },
    axes: [
      { path: 'defaults.solarShare', values: [0.2, 0.8] },
      { path: 'regions.T3.storageMW', uniform: [0, 30] },
    ],
    samples: 4,
    seed: 3,
  });

  it('writes identical Arrow tables with 1 and 2 workers and prints a summary', () => {
    const tables = [1, 2].map((workers) => {
      const out = join(scratch, `w${workers}.arrow`);
      const result = cli([
        'sweep',
        spec,
        '--dataset',
        join(TINY, 'dataset'),
        '--workers',
        String(workers),
        '--out',
        out,
      ]);
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/sweep done: 8 scenarios, 40 rows, .* scenarios\/s/);
      return readFileSync(out);
    });
    expect(tables[0].equals(tables[1])).toBe(true);
    const table = tableFromIPC(tables[0]);
    expect(table.numRows).toBe(40);
    expect(table.getChild('region')!.get(4)).toBe('NL');
  });

  it('writes CSV with --format csv', () => {
    const out = join(scratch, 'table.csv');
    const result = cli([
      'sweep',
      spec,
      '--dataset',
      join(TINY, 'dataset'),
      '--workers',
      '0',
      '--out',
      out,
      '--format',
      'csv',
    ]);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(
      /^scenario,region,defaults\.solarShare,regions\.T3\.storageMW,peakFeedinMW/,
    );
  });

  it('rejects a bad sweep with exit 2 and writes nothing', () => {
    const bad = writeJson('bad-sweep.json', { base: {}, axes: [{ path: 'regions.T9.storageMW', values: [1] }] });
    const out = join(scratch, 'bad.arrow');
    const result = cli(['sweep', bad, '--dataset', join(TINY, 'dataset'), '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: axes\.0\.path: unknown region id 'T9'/m);
    expect(readdirSync(scratch)).not.toContain('bad.arrow');
  });

  it('refuses a sweep above --max-scenarios', () => {
    const result = cli([
      'sweep',
      spec,
      '--dataset',
      join(TINY, 'dataset'),
      '--out',
      join(scratch, 'capped.arrow'),
      '--max-scenarios',
      '5',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: axes: the sweep has 8 scenarios, more than the maximum of 5$/m);
  });

  it('requires --out and a valid --workers', () => {
    expect(cli(['sweep', spec]).stderr).toMatch(/--out: is required/);
    expect(cli(['sweep', spec, '--out', join(scratch, 'x.arrow'), '--workers', 'two']).stderr).toMatch(
      /--workers: must be a whole number/,
    );
  });
});
