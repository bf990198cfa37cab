import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  badIssues,
  countInput,
  cpuMs,
  fuzzParameters,
  HANG_CPU_MS,
  oddNumber,
  oddString,
  writeFuzzReport,
} from '../testing/fuzz-support.ts';
import { evaluate } from '../model/evaluate.ts';
import { parseScenario } from '../scenario/validate.ts';
import { parseDataset } from './parse-dataset.ts';

const TINY = join(import.meta.dirname, '../testdata/tiny/dataset');
const REGIONS = readFileSync(join(TINY, 'regions.csv'), 'utf8');
const PROFILES = readFileSync(join(TINY, 'profiles.csv'), 'utf8');

type Files = { regions: string; profiles: string };
type Mutation = (files: Files) => Files;

/** Applies `edit` to the lines of one of the two files. */
function onLines(which: keyof Files, edit: (lines: string[]) => string[]): Mutation {
  return (files) => ({ ...files, [which]: edit(files[which].split('\n')).join('\n') });
}

const which = fc.constantFrom<keyof Files>('regions', 'profiles');
const index = fc.nat({ max: 40 });
/** Odd cell texts: numbers at the edges, number look-alikes, quotes, blanks. */
const oddCell = fc.oneof(
  oddNumber.map(String),
  oddString.map((text) => text.replace(/[\n\r,"]/g, ' ')),
  fc.constantFrom(
    '1e308',
    '1e307',
    '-1',
    '-0',
    '0',
    '',
    '  ',
    '"1"',
    '"1,5"',
    '"unclosed',
    'x"y',
    '1e-400',
    '+5',
    '.5',
    '5.',
    '0e0',
    '"\n"',
    '1e309',
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // one cell replaced by an odd text
  fc.tuple(which, index, index, oddCell).map(([w, row, column, text]) =>
    onLines(w, (lines) => {
      const r = row % lines.length;
      const cells = lines[r].split(',');
      cells[column % cells.length] = text;
      lines[r] = cells.join(',');
      return lines;
    }),
  ),
  // a whole column of odd values (huge or tiny numbers reach the model this way)
  fc.tuple(which, index, oddCell).map(([w, column, text]) =>
    onLines(w, (lines) =>
      lines.map((line, r) =>
        r === 0 || line === ''
          ? line
          : line
              .split(',')
              .map((cell, c) => (c === (column % 8) + 1 ? text : cell))
              .join(','),
      ),
    ),
  ),
  // ragged rows: a cell dropped or added
  fc.tuple(which, index, fc.boolean()).map(([w, row, add]) =>
    onLines(w, (lines) => {
      const r = row % lines.length;
      lines[r] = add ? `${lines[r]},extra` : lines[r].replace(/,[^,]*$/, '');
      return lines;
    }),
  ),
  // rows duplicated, dropped or swapped (duplicate ids, hours out of order)
  fc.tuple(which, index, index, fc.constantFrom('duplicate', 'drop', 'swap')).map(([w, a, b, kind]) =>
    onLines(w, (lines) => {
      const i = a % lines.length;
      const j = b % lines.length;
      if (kind === 'duplicate') lines.splice(i, 0, lines[i]);
      else if (kind === 'drop') lines.splice(i, 1);
      else [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines;
    }),
  ),
  // a header renamed or duplicated
  fc.tuple(which, index, oddString).map(([w, column, name]) =>
    onLines(w, (lines) => {
      const cells = lines[0].split(',');
      cells[column % cells.length] = name.replace(/[\n\r,"]/g, '') || cells[(column + 1) % cells.length];
      lines[0] = cells.join(',');
      return lines;
    }),
  ),
  // text level: BOM, CRLF, CR only, truncation, random insertion
  fc.constantFrom<Mutation>(
    (files) => ({ ...files, regions: `\ufeff${files.regions}` }),
    (files) => ({ ...files, profiles: `\ufeff${files.profiles}` }),
    (files) => ({ regions: files.regions.replace(/\n/g, '\r\n'), profiles: files.profiles.replace(/\n/g, '\r\n') }),
    (files) => ({ ...files, regions: files.regions.replace(/\n/g, '\r') }),
  ),
  fc.tuple(which, fc.double({ min: 0, max: 1, noNaN: true })).map(([w, at]) => (files: Files) => ({
    ...files,
    [w]: files[w].slice(0, Math.floor(files[w].length * at)),
  })),
  fc
    .tuple(which, fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 6 }))
    .map(([w, at, text]) => (files: Files) => {
      const i = Math.floor(files[w].length * at);
      return { ...files, [w]: files[w].slice(0, i) + text + files[w].slice(i) };
    }),
);

afterAll(writeFuzzReport);

describe('parseDataset under fuzzing', () => {
  it('a mutated dataset loads with finite values, or every problem names its file and place', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        countInput('engine.parseDataset');
        const files = mutations.reduce((current, mutate) => mutate(current), { regions: REGIONS, profiles: PROFILES });
        try {
          checkDataset(files);
        } catch (error) {
          throw new Error(
            `${(error as Error).message}\n--- regions.csv\n${files.regions}\n--- profiles.csv\n${files.profiles}`,
            { cause: error },
          );
        }
      }),
      fuzzParameters(300),
    );
  });
});

function checkDataset(files: Files): void {
  const started = cpuMs();
  let dataset: ReturnType<typeof parseDataset>;
  try {
    dataset = parseDataset({ name: 'fuzz', regionsCsv: files.regions, profilesCsv: files.profiles });
  } catch (error) {
    if (!(error instanceof ValidationError))
      throw new Error(`not a ValidationError: ${(error as Error)?.stack ?? String(error)}`);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(badIssues(error.issues)).toEqual([]);
    for (const issue of error.issues) expect(issue.where).toMatch(/^(regions|profiles)\.csv(:\d+(:\d+)?)?/);
    return;
  } finally {
    expect(cpuMs() - started).toBeLessThan(HANG_CPU_MS);
  }
  // A dataset that loads holds only finite numbers, and so does its evaluation with the default scenario.
  for (const region of dataset.regions) {
    for (const [key, value] of Object.entries(region))
      if (typeof value === 'number') expect(Number.isFinite(value), `${region.id}.${key} = ${value}`).toBe(true);
  }
  for (const prepared of dataset.prepared) {
    expect(Number.isFinite(prepared.flhSolarH) && Number.isFinite(prepared.flhWindH)).toBe(true);
    for (const value of prepared.baseMW) expect(Number.isFinite(value)).toBe(true);
  }
  const result = evaluate(dataset, parseScenario({}, dataset));
  for (const region of result.regions) {
    for (const [key, value] of Object.entries(region))
      if (typeof value === 'number') expect(Number.isFinite(value), `${region.id}.${key} = ${value}`).toBe(true);
  }
}
