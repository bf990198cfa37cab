import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ValidationError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { parseDataset, type ProfileTable } from './parse-dataset.ts';
import { readProfilesCached, sha256OfFile } from './profile-cache.ts';
import type { Dataset } from './types.ts';

/** Folder of the bundled 30-region dataset (weather year 2023). */
export const BUNDLED_DATASET_DIR = join(PACKAGE_ROOT, 'scenarios/data/nl-res30');

/** `read(path)`, with a file that cannot be read reported as a ValidationError naming it. */
function readOrReport<T>(path: string, read: (path: string) => T): T {
  try {
    return read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
    throw new ValidationError([{ where: path, message: reason }]);
  }
}

function readBytes(path: string): Buffer {
  return readOrReport(path, (file) => readFileSync(file));
}

function readText(path: string): string {
  return readBytes(path).toString('utf8');
}

/** A profiles CSV: from its binary cache when that matches the file's hash, else from its text. */
function readProfiles(path: string): string | ProfileTable {
  return readProfilesCached(path, readOrReport(path, sha256OfFile), () => readBytes(path));
}

/** File names of further weather years (MODEL.md §6); other names in the folder are ignored. */
export const WEATHER_YEAR_FILE = /^profiles-(\d{4})\.csv$/;

/** The `profiles-<YYYY>.csv` files of a dataset folder, by year. */
export function weatherYearFiles(dir: string): Array<{ year: number; name: string }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: WEATHER_YEAR_FILE.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ year: Number(entry.match![1]), name: entry.name }))
    .sort((a, b) => a.year - b.year);
}

/**
 * Loads and validates the dataset in `dir`: `regions.csv` + `profiles.csv`, and (v2) the optional
 * `dataset.json` and `profiles-<YYYY>.csv` weather years, every one checked whether used or not.
 * Profiles come from their binary cache when it matches the CSV's bytes (profile-cache.ts).
 */
export function loadDataset(dir: string = BUNDLED_DATASET_DIR): Dataset {
  const regionsFile = join(dir, 'regions.csv');
  const profilesFile = join(dir, 'profiles.csv');
  const datasetJsonFile = join(dir, 'dataset.json');
  return parseDataset({
    name: basename(resolve(dir)),
    regionsCsv: readText(regionsFile),
    profilesCsv: readProfiles(profilesFile),
    regionsFile,
    profilesFile,
    datasetJson: existsSync(datasetJsonFile) ? readText(datasetJsonFile) : undefined,
    datasetJsonFile,
    weatherYears: weatherYearFiles(dir).map(({ year, name }) => {
      const file = join(dir, name);
      return { year, csv: readProfiles(file), file };
    }),
  });
}
