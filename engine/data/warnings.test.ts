import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { loadDataset } from './load-dataset.ts';
import { parseDataset } from './parse-dataset.ts';
import { profileLengthWarnings } from './warnings.ts';

const TINY = join(import.meta.dirname, '../testdata/tiny');

/** The tiny dataset with its 24-hour profiles repeated to `hours` rows. */
function tinyWithHours(hours: number) {
  const [header, ...rows] = readFileSync(join(TINY, 'dataset/profiles.csv'), 'utf8').trimEnd().split('\n');
  const lines = Array.from({ length: hours }, (_, h) => `${h},${rows[h % 24].split(',').slice(1).join(',')}`);
  return parseDataset({
    name: `tiny × ${hours} h`,
    regionsCsv: readFileSync(join(TINY, 'dataset/regions.csv'), 'utf8'),
    profilesCsv: `${header}\n${lines.join('\n')}\n`,
  });
}

describe('profiles that are not a full year', () => {
  it('warn, naming the hours, unless they have 8760 or 8784', () => {
    expect(profileLengthWarnings(8760)).toEqual([]);
    expect(profileLengthWarnings(8784)).toEqual([]);
    expect(tinyWithHours(8784).warnings).toEqual([]);
    const [warning, ...more] = tinyWithHours(4999).warnings;
    expect(more).toEqual([]);
    expect(warning.code).toBe('profilesNotAFullYear');
    expect(warning.hours).toBe(4999);
    expect(warning.message).toMatch(/^the hourly profiles have 4999 hours, not a full year \(8760 or 8784\)/);
    expect(loadDataset().warnings).toEqual([]); // the bundled data: a full year
  });

  it('are written to stderr by the CLI, before the results on stdout', async () => {
    const io = captureIo();
    const status = await main(
      ['evaluate', join(TINY, 'scenario.json'), '--dataset', join(TINY, 'dataset'), '--json'],
      io,
    );
    expect(status).toBe(0);
    expect(io.err).toMatch(/^warning: the hourly profiles have 24 hours, not a full year \(8760 or 8784\): .*\n$/);
    expect(JSON.parse(io.out).regions).toHaveLength(4);
  });
});
