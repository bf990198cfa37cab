/**
 * Dataset robustness: odd numbers, odd files and odd rows are each one clear error naming file, line
 * and column (through parseDataset and through the command line); a BOM and CRLF line ends are fine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { ValidationError } from '../errors.ts';
import { evaluate } from '../model/evaluate.ts';
import { parseScenario, zodIssues } from '../scenario/validate.ts';
import { parseSweep } from '../sweep/spec.ts';
import { parseDataset } from './parse-dataset.ts';
import { profileLengthWarnings, warningLines } from './warnings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TINY = join(ROOT, 'engine/testdata/tiny');
const REGIONS = readFileSync(join(TINY, 'dataset/regions.csv'), 'utf8');
const PROFILES = readFileSync(join(TINY, 'dataset/profiles.csv'), 'utf8');
// regions.csv columns: 1 id, 2 name, 3 provinces, 4 homes, 5 connections, 6 baseDemandTWh, 7 solarRoofTWh, …, 14 gridFeedinMW, 15 gridOfftakeMW
// profiles.csv columns: 1 hour, 2 sol, 3 wnd, 4 wnd3, 5 tmp, 6 tmpwarm, 7 bas, 8 bas4

/** Sets cell (line, column), both 1-based, of a CSV text without quotes in that line. */
function setCell(text: string, line: number, column: number, value: string): string {
  const lines = text.split('\n');
  const cells = lines[line - 1].split(',');
  cells[column - 1] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

function issuesOf(regionsCsv: string, profilesCsv = PROFILES): string[] {
  try {
    parseDataset({ name: 'robust', regionsCsv, profilesCsv });
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('odd values in regions.csv: one located error each', () => {
  // Line 3 is T2 (no quoted cells), line 4 is T3.
  const cases: Array<[string, number, number, string, RegExp]> = [
    ['NaN', 3, 4, 'NaN', /^regions\.csv:3:4: column 'homes': not a finite number: "NaN"$/],
    ['Infinity', 3, 6, 'Infinity', /^regions\.csv:3:6: column 'baseDemandTWh': not a finite number: "Infinity"$/],
    ['-Infinity', 3, 9, '-Infinity', /^regions\.csv:3:9: column 'windTWh': not a finite number/],
    ['an overflowing exponent', 3, 9, '1e309', /^regions\.csv:3:9: column 'windTWh': not a finite number: "1e309"$/],
    [
      'a huge value',
      3,
      6,
      '1e308',
      /^regions\.csv:3:6: column 'baseDemandTWh': too large, got 1e308 \(at most 1e12\)$/,
    ],
    ['a value just above the limit', 4, 4, '1.5e12', /^regions\.csv:4:4: column 'homes': too large/],
    ['a negative value', 3, 9, '-0.001', /^regions\.csv:3:9: column 'windTWh': must not be negative, got -0\.001$/],
    ['a blank that may not be blank', 4, 6, '', /^regions\.csv:4:6: column 'baseDemandTWh': not a finite number: ""$/],
    ['a space-only cell', 4, 6, '  ', /^regions\.csv:4:6: column 'baseDemandTWh': not a finite number: " {2}"$/],
    ['hexadecimal', 3, 4, '0x10', /^regions\.csv:3:4: column 'homes': not a finite number: "0x10"$/],
    ['a fraction of a connection', 4, 5, '0.5', /^regions\.csv:4:5: column 'connections': must be at least 1/],
    ['an empty id', 3, 1, '', /^regions\.csv:3:1: empty region id$/],
    ['the reserved id NL', 3, 1, 'NL', /^regions\.csv:3:1: region id 'NL' is reserved/],
    ['an unknown profile', 4, 17, 'nope', /^regions\.csv:4:17: windProfile 'nope' is not a column of profiles\.csv$/],
  ];
  for (const [label, line, column, value, pattern] of cases) {
    it(label, () => {
      const issues = issuesOf(setCell(REGIONS, line, column, value));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(pattern);
    });
  }

  it('an empty connections cell with too few homes cannot derive a connection count', () => {
    const issues = issuesOf(setCell(REGIONS, 5, 4, '0.5')); // T4 has an empty connections cell
    expect(issues).toEqual([
      "regions.csv:5:5: column 'connections': empty, but homes × 1.1 = 0.55 is less than 1 connection: give the number of connections",
    ]);
    expect(issuesOf(setCell(setCell(REGIONS, 5, 4, '0.5'), 5, 5, '10'))).toEqual([]); // fine with a given count
  });

  it('a region without homes is an error (the LV layer works per home)', () => {
    expect(issuesOf(setCell(setCell(REGIONS, 5, 4, '0'), 5, 5, '10'))).toEqual([
      "regions.csv:5:4: column 'homes': must be greater than 0 (the LV layer works per home)",
    ]);
  });

  it('several problems are all reported, each at its own place', () => {
    let text = setCell(REGIONS, 3, 4, 'many');
    text = setCell(text, 4, 6, '-1');
    text = setCell(text, 5, 9, '1e999');
    expect(issuesOf(text)).toEqual([
      `regions.csv:3:4: column 'homes': not a finite number: "many"`,
      "regions.csv:4:6: column 'baseDemandTWh': must not be negative, got -1",
      `regions.csv:5:9: column 'windTWh': not a finite number: "1e999"`,
    ]);
  });
});

describe('odd rows and files', () => {
  it('a short row and a long row are ragged rows at their lines', () => {
    const lines = REGIONS.split('\n');
    lines[2] = lines[2].replace(/,bas$/, '');
    lines[3] = `${lines[3]},extra`;
    expect(issuesOf(lines.join('\n'))).toEqual([
      'regions.csv:3: row has 18 cells but the header has 19',
      'regions.csv:4: row has 20 cells but the header has 19',
    ]);
  });

  it('a duplicate id names both lines', () => {
    const lines = REGIONS.split('\n');
    lines[3] = lines[3].replace(/^T3,/, 'T2,');
    expect(issuesOf(lines.join('\n'))).toEqual(["regions.csv:4:1: duplicate region id 'T2' (first on line 3)"]);
  });

  it('a duplicate column header is named with its column', () => {
    const text = REGIONS.replace('solarRoofTWh,solarFieldTWh', 'solarRoofTWh,solarRoofTWh');
    expect(issuesOf(text)).toContain("regions.csv:1:8: duplicate column 'solarRoofTWh'");
  });

  it('a BOM and CRLF line ends (in either file, together) load the same dataset', () => {
    const plain = parseDataset({ name: 'x', regionsCsv: REGIONS, profilesCsv: PROFILES });
    const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
    for (const [regionsCsv, profilesCsv] of [
      [`\ufeff${REGIONS}`, PROFILES],
      [REGIONS, `\ufeff${PROFILES}`],
      [crlf(REGIONS), crlf(PROFILES)],
      [`\ufeff${crlf(REGIONS)}`, `\ufeff${crlf(PROFILES)}`],
    ]) {
      const dataset = parseDataset({ name: 'x', regionsCsv, profilesCsv });
      expect(dataset.regions).toEqual(plain.regions);
      expect([...dataset.profiles.keys()]).toEqual([...plain.profiles.keys()]);
      expect(evaluate(dataset, parseScenario({}, dataset))).toEqual(evaluate(plain, parseScenario({}, plain)));
    }
  });

  it('CRLF keeps line numbers right', () => {
    const text = setCell(REGIONS, 4, 6, 'x').replace(/\n/g, '\r\n');
    expect(issuesOf(text)).toEqual([`regions.csv:4:6: column 'baseDemandTWh': not a finite number: "x"`]);
  });

  it('a profile column shorter than the others (a missing cell) is a ragged row of profiles.csv', () => {
    const lines = PROFILES.split('\n');
    lines[6] = lines[6].replace(/,[^,]*$/, '');
    expect(issuesOf(REGIONS, lines.join('\n'))).toEqual(['profiles.csv:7: row has 7 cells but the header has 8']);
  });

  it('a blank profile cell and a missing hour are located', () => {
    expect(issuesOf(REGIONS, setCell(PROFILES, 6, 3, ''))).toEqual([
      `profiles.csv:6:3: column 'wnd': not a finite number: ""`,
    ]);
    const lines = PROFILES.split('\n');
    lines.splice(10, 1); // hour 9 missing
    expect(issuesOf(REGIONS, lines.join('\n'))[0]).toMatch(/^profiles\.csv:11:1: column 'hour': expected 9 /);
  });

  it('huge profile values are an error (they would overflow the hourly sums)', () => {
    expect(issuesOf(REGIONS, setCell(PROFILES, 5, 5, '-1e300'))).toEqual([
      "profiles.csv:5:5: column 'tmp': too large, got -1e300 (at most 1e12 in magnitude)",
    ]);
  });

  it('capacity factors so small that the installed MW overflow are an error', () => {
    let text = PROFILES;
    for (let line = 2; line <= 25; line++) text = setCell(text, line, 2, '5e-324');
    const issues = issuesOf(REGIONS, text);
    expect(issues[0]).toMatch(
      /^regions\.csv:2:16: solarProfile 'sol': capacity factors sum to .*, too little for .* TWh/,
    );
  });

  it('an empty file and a header-only profiles file are errors of their file', () => {
    expect(issuesOf('')).toEqual(['regions.csv:1:1: file is empty (no header line)']);
    expect(issuesOf(REGIONS, 'hour,sol,wnd,wnd3,tmp,tmpwarm,bas,bas4\r\n')).toEqual(['profiles.csv:1: no hourly rows']);
  });
});

describe('scenario and sweep issues always name a place', () => {
  const dataset = parseDataset({ name: 'x', regionsCsv: REGIONS, profilesCsv: PROFILES });
  const whereOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as ValidationError).issues.map((issue) => `${issue.where}: ${issue.message}`);
    }
    return [];
  };

  it('a whole input that is not an object is located at (scenario) or (sweep), not at an empty path', () => {
    expect(whereOf(() => parseScenario(null, dataset))).toEqual(['(scenario): must be an object']);
    expect(whereOf(() => parseScenario([], dataset))).toEqual(['(scenario): must be an object']);
    expect(whereOf(() => parseSweep('x', dataset))).toEqual(['(sweep): must be an object']);
  });

  it('blank keys are shown quoted', () => {
    expect(whereOf(() => parseScenario({ '': 1, national: { ' ': 2 } }, dataset)).sort()).toEqual([
      '"": unknown key',
      'national." ": unknown key',
    ]);
    expect(whereOf(() => parseScenario({ regions: { '': {} } }, dataset))[0]).toMatch(
      /^regions\."": unknown region id/,
    );
    expect(zodIssues).toBeTypeOf('function');
  });
});

describe('the command line with a broken dataset', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'samenhang-robust-'));
  function datasetDir(regionsCsv: string, profilesCsv = PROFILES): string {
    const dir = mkdtempSync(join(scratch, 'ds-'));
    writeFileSync(join(dir, 'regions.csv'), regionsCsv);
    writeFileSync(join(dir, 'profiles.csv'), profilesCsv);
    return dir;
  }
  /** `samenhang ARGS`, run in-process. */
  async function run(args: string[]) {
    const io = captureIo();
    const status = await main(args, io);
    return { status, stdout: io.out, stderr: io.err };
  }
  const cli = (dir: string) => run(['evaluate', join(TINY, 'scenario.json'), '--dataset', dir, '--json']);

  it('exits 2 with one line per problem, each naming file, line and column, and no stack trace', async () => {
    let text = setCell(REGIONS, 3, 4, 'NaN');
    text = setCell(text, 4, 6, '1e308');
    text = setCell(text, 5, 9, '-5');
    const lines = text.split('\n');
    lines.splice(5, 0, lines[1]); // T1 again after the last region
    const dir = datasetDir(`\ufeff${lines.join('\n').replace(/\n/g, '\r\n')}`, setCell(PROFILES, 8, 3, 'Infinity'));
    const result = await cli(dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const errors = result.stderr.trimEnd().split('\n');
    const file = (name: string) => join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(
      new RegExp(`^error: ${file('profiles.csv')}:8:3: column 'wnd': not a finite number: "Infinity"$`),
    );
    expect(errors[1]).toMatch(
      new RegExp(`^error: ${file('regions.csv')}:3:4: column 'homes': not a finite number: "NaN"$`),
    );
    expect(errors[2]).toMatch(
      new RegExp(`^error: ${file('regions.csv')}:4:6: column 'baseDemandTWh': too large, got 1e308`),
    );
    expect(errors[3]).toMatch(
      new RegExp(`^error: ${file('regions.csv')}:5:9: column 'windTWh': must not be negative, got -5$`),
    );
    expect(errors[4]).toMatch(
      new RegExp(`^error: ${file('regions.csv')}:6:1: duplicate region id 'T1' \\(first on line 2\\)$`),
    );
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const dir = datasetDir(`\ufeff${REGIONS.replace(/\n/g, '\r\n')}`, `\ufeff${PROFILES.replace(/\n/g, '\r\n')}`);
    const result = await cli(dir);
    expect(result.stderr).toBe(warningLines(profileLengthWarnings(24))); // 24 hours: not a full year
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).regions).toHaveLength(4);
  });

  it('a scenario whose results overflow exits 2 with one line instead of printing NaN', async () => {
    const file = join(scratch, 'huge.json');
    writeFileSync(file, JSON.stringify({ defaults: { resScale: 1e308 } }));
    const result = await run(['evaluate', file, '--dataset', join(TINY, 'dataset')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    // After the warning that the tiny dataset's 24 hours are not a full year:
    expect(result.stderr).toMatch(
      /^warning: the hourly profiles have 24 hours[^\n]*\nerror: \(scenario\): the results are not finite numbers \(regions\.T1\.peakFeedinMW = Infinity, .*\n$/,
    );
  });

  it('a ragged row and a wrong profile length are one line each', async () => {
    const lines = PROFILES.split('\n');
    lines[3] = lines[3].replace(/,[^,]*$/, '');
    const result = await cli(datasetDir(REGIONS.replace(/\nT3,/, '\nT3,x,'), lines.join('\n')));
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/profiles\.csv:4: row has 7 cells but the header has 8$/),
      expect.stringMatching(/regions\.csv:4: row has 20 cells but the header has 19$/),
    ]);
  });
});
