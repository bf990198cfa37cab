import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ValidationError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { parseDataset } from './parse-dataset.ts';
import type { Dataset } from './types.ts';

/** Folder of the bundled 30-region dataset (weather year 2023). */
export const BUNDLED_DATASET_DIR = join(PACKAGE_ROOT, 'scenarios/data/nl-res30');

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`;
    throw new ValidationError([{ where: path, message: reason }]);
  }
}

/** Loads and validates the dataset in `dir` (`regions.csv` + `profiles.csv`). */
export function loadDataset(dir: string = BUNDLED_DATASET_DIR): Dataset {
  const regionsFile = join(dir, 'regions.csv');
  const profilesFile = join(dir, 'profiles.csv');
  return parseDataset({
    name: basename(resolve(dir)),
    regionsCsv: readText(regionsFile),
    profilesCsv: readText(profilesFile),
    regionsFile,
    profilesFile,
  });
}
