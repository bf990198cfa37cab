import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { captureIo } from './io.ts';
import { main } from './main.ts';
import { profileLengthWarnings, warningLines } from '../data/warnings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TINY = join(ROOT, 'engine/testdata/tiny');
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-cli-'));

/** Runs the CLI in-process, as `samenhang ARGS` would. */
async function cli(args: string[]) {
  const io = captureIo();
  const status = await main(args, io);
  return { status, stdout: io.out, stderr: io.err };
}

function writeJson(name: string, value: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('samenhang evaluate', () => {
  it('prints the MODEL.md §6 JSON of the worked example (v1, under the v1 compatibility costs)', async () => {
    const scenario = JSON.parse(readFileSync(join(TINY, 'scenario.json'), 'utf8'));
    scenario.national = {
      ...scenario.national,
      costOfftakeEURPerMW: 2056000,
      costLvEURPerMW: 0,
      costHomeConnUpgradeEUR: 0,
    };
    const result = await cli([
      'evaluate',
      writeJson('tiny-v1.json', scenario),
      '--dataset',
      join(TINY, 'dataset'),
      '--json',
    ]);
    expect(result.status).toBe(0);
    const actual = JSON.parse(result.stdout);
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

  it('--weather-year sets national.weatherYear (a shortcut), and names the years a dataset has', async () => {
    const dataset = join(ROOT, 'engine/testdata/tiny-v2/dataset');
    const levers = { defaults: { shareAllElectric: 0.3, evCount: 100 } };
    const viaOption = await cli([
      'evaluate',
      writeJson('wy.json', levers),
      '--dataset',
      dataset,
      '--weather-year',
      '2031',
      '--json',
    ]);
    const inScenario = await cli([
      'evaluate',
      writeJson('wy-in.json', { ...levers, national: { weatherYear: 2031 } }),
      '--dataset',
      dataset,
      '--json',
    ]);
    const reference = await cli(['evaluate', writeJson('wy-ref.json', levers), '--dataset', dataset, '--json']);
    expect(viaOption.status).toBe(0);
    expect(viaOption.stdout).toBe(inScenario.stdout);
    expect(viaOption.stdout).not.toBe(reference.stdout);
    const summary = await cli([
      'evaluate',
      writeJson('wy-s.json', levers),
      '--dataset',
      dataset,
      '--weather-year',
      '2031',
    ]);
    expect(summary.stdout).toContain('op dataset dataset, weerjaar 2031');
    expect(summary.stdout).toMatch(/^Verzwaring laagspanningsnet +[\d.]+ MW$/m);
    const unknown = await cli([
      'evaluate',
      writeJson('wy-bad.json', levers),
      '--dataset',
      dataset,
      '--weather-year',
      '1987',
    ]);
    expect(unknown.status).toBe(2);
    // (after the warning that the 24-hour profiles are not a full year)
    expect(unknown.stderr).toContain(
      'error: national.weatherYear: the dataset has no weather year 1987 (it has 2030, 2031, or null for the reference profiles)\n',
    );
    const malformed = await cli(['evaluate', writeJson('wy-m.json', levers), '--weather-year', 'cold']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/--weather-year: must be a year such as 1987, or 'reference', got 'cold'/);
  });

  it('prints a readable summary without --json, on the bundled dataset by default', async () => {
    const result = await cli(['evaluate', join(ROOT, 'scenarios/res-1-0-indicatief.json')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Scenario "RES 1.0 indicatief" op dataset nl-res30, weerjaar 2023');
    expect(result.stdout).toMatch(/^Route 35 in werking +nee$/m);
    expect(result.stdout).toMatch(/ES30/);
    // The tiny-v2 worked example: grid capex 400,741,630.6 € and tariff 125.28 €, in display units.
    const tiny = join(ROOT, 'engine/testdata/tiny-v2');
    const worked = await cli(['evaluate', join(tiny, 'scenario.json'), '--dataset', join(tiny, 'dataset')]);
    expect(worked.status).toBe(0);
    expect(worked.stdout).toMatch(/^Netinvestering +401 mln €$/m);
    expect(worked.stdout).toMatch(/^Extra nettarief +125 €\/aansluiting\/jaar$/m);
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
    it(`exits 2 with one clean line per problem for ${label}`, async () => {
      const result = await cli(['evaluate', ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    });
  }

  it('names file, line and column for a broken dataset', async () => {
    const dir = mkdtempSync(join(scratch, 'ds-'));
    const regions = readFileSync(join(TINY, 'dataset/regions.csv'), 'utf8').replace(
      'T2,Tiny two,Test,3000',
      'T2,Tiny two,Test,many',
    );
    writeFileSync(join(dir, 'regions.csv'), regions);
    writeFileSync(join(dir, 'profiles.csv'), readFileSync(join(TINY, 'dataset/profiles.csv')));
    const result = await cli(['evaluate', join(TINY, 'scenario.json'), '--dataset', dir]);
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

  it('writes identical Arrow tables with 1 and 2 workers and prints a summary', async () => {
    const tables: Buffer[] = [];
    for (const workers of [1, 2]) {
      const out = join(scratch, `w${workers}.arrow`);
      const result = await cli([
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
      tables.push(readFileSync(out));
    }
    expect(tables[0].equals(tables[1])).toBe(true);
    const table = tableFromIPC(tables[0]);
    expect(table.numRows).toBe(40);
    expect(table.getChild('region')!.get(4)).toBe('NL');
  });

  it('writes CSV with --format csv', async () => {
    const out = join(scratch, 'table.csv');
    const result = await cli([
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

  it('rejects a bad sweep with exit 2 and writes nothing', async () => {
    const bad = writeJson('bad-sweep.json', { base: {}, axes: [{ path: 'regions.T9.storageMW', values: [1] }] });
    const out = join(scratch, 'bad.arrow');
    const result = await cli(['sweep', bad, '--dataset', join(TINY, 'dataset'), '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: axes\.0\.path: unknown region id 'T9'/m);
    expect(readdirSync(scratch)).not.toContain('bad.arrow');
  });

  it('refuses a sweep above --max-scenarios', async () => {
    const result = await cli([
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

  it('requires --out and a valid --workers', async () => {
    expect((await cli(['sweep', spec])).stderr).toMatch(/--out: is required/);
    expect((await cli(['sweep', spec, '--out', join(scratch, 'x.arrow'), '--workers', 'two'])).stderr).toMatch(
      /--workers: must be a whole number/,
    );
  });

  const outCases: Array<[string, string[], RegExp]> = [
    ['x.parquet', [], /^error: --out: cannot write '\.parquet' files; use a name ending in \.arrow or \.csv$/m],
    ['x.json', [], /^error: --out: cannot write '\.json' files/],
    ['x.arrow', ['--format', 'csv'], /^error: --format: 'csv' does not match the extension of --out 'x\.arrow'$/m],
    ['x.csv', ['--format', 'parquet'], /^error: --format: must be 'arrow' or 'csv', got 'parquet'$/m],
  ];
  for (const [name, extra, pattern] of outCases) {
    it(`rejects --out ${name} ${extra.join(' ')} with exit 2, one line, and no file`, async () => {
      const dir = mkdtempSync(join(scratch, 'out-'));
      const result = await cli(['sweep', spec, '--dataset', join(TINY, 'dataset'), '--out', join(dir, name), ...extra]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('writes Arrow to an --out without an extension', async () => {
    const out = join(scratch, 'table-without-extension');
    const result = await cli(['sweep', spec, '--dataset', join(TINY, 'dataset'), '--workers', '0', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(tableFromIPC(readFileSync(out)).numRows).toBe(40);
  });

  it('a cancelled sweep exits 130 and leaves no file behind', async () => {
    const dir = mkdtempSync(join(scratch, 'cancel-'));
    const cancel = new AbortController();
    cancel.abort();
    const io = captureIo({ signal: cancel.signal });
    const status = await main(['sweep', spec, '--dataset', join(TINY, 'dataset'), '--out', join(dir, 'c.arrow')], io);
    expect(status).toBe(130);
    // The tiny dataset's 24 hours are not a full year: a warning comes first.
    expect(io.err).toBe(`${warningLines(profileLengthWarnings(24))}cancelled: no output file was written\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('samenhang help', () => {
  it('prints the usage on stdout and exits 0; an unknown command exits 2 with one line', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}samenhang evaluate SCENARIO\.json/);
    const unknown = await cli(['evalute']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("error: unknown command 'evalute' (run 'samenhang help' for usage)\n");
  });
});
