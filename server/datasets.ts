import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadDataset,
  profileLengthWarnings,
  weatherYearFiles,
  type Dataset,
  type DatasetWarning,
} from '../engine/index.ts';
import { HttpError } from './errors.ts';

/** A dataset as listed by `GET /api/datasets`. */
export interface DatasetInfo {
  id: string;
  name: string;
  /** Year of profiles.csv (dataset.json), null when the dataset does not name it. */
  weatherYear: number | null;
  /** Every weather year a scenario can pick with national.weatherYear, ascending. */
  weatherYears: number[];
  regions: number;
  hours: number;
  default: boolean;
  /** Allowed but result-changing: profiles that are not a full year. */
  warnings: DatasetWarning[];
}

export const DATASET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Loaded datasets by real path and file times, shared by every app in the process (tests build many). */
const loaded = new Map<string, { stamp: string; dataset: Dataset }>();

function stampOf(dir: string): string {
  const files = ['regions.csv', 'profiles.csv', ...weatherYearFiles(dir).map((f) => f.name)];
  if (existsSync(join(dir, 'dataset.json'))) files.push('dataset.json');
  return files.map((file) => `${file}:${statSync(join(dir, file)).mtimeMs}`).join('/');
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (text.length > 0 && !text.endsWith('\n')) lines++;
  return lines;
}

function nonEmptyLines(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

/** The year dataset.json names for profiles.csv; null without it (a broken file fails when the dataset loads). */
function referenceYearOf(dir: string): number | null {
  const file = join(dir, 'dataset.json');
  if (!existsSync(file)) return null;
  try {
    const year = (JSON.parse(readFileSync(file, 'utf8')) as { weatherYear?: unknown }).weatherYear;
    return typeof year === 'number' && Number.isInteger(year) ? year : null;
  } catch {
    return null;
  }
}

/**
 * `# id: description` on the README's first line gives the display name; dataset.json and the
 * profiles-<YYYY>.csv files give the weather years (without loading the profiles).
 */
function describe(dir: string, id: string): { name: string; weatherYear: number | null; weatherYears: number[] } {
  const readme = join(dir, 'README.md');
  const title = existsSync(readme) ? (readFileSync(readme, 'utf8').split('\n')[0] ?? '') : '';
  const match = /^#\s*[^:]*:\s*(.+)$/.exec(title.trim());
  const name = match ? match[1].charAt(0).toUpperCase() + match[1].slice(1) : id;
  const weatherYear = referenceYearOf(dir);
  const years = weatherYearFiles(dir).map((f) => f.year);
  if (weatherYear !== null && !years.includes(weatherYear)) years.push(weatherYear);
  return { name, weatherYear, weatherYears: years.sort((a, b) => a - b) };
}

/** The datasets in a folder: one sub-folder per dataset with `regions.csv` and `profiles.csv`. */
export class DatasetCatalog {
  private infos: DatasetInfo[] | undefined;

  constructor(
    readonly dir: string,
    private readonly preferredDefault: string,
  ) {}

  list(): DatasetInfo[] {
    if (!this.infos) this.infos = this.scan();
    return this.infos;
  }

  get defaultId(): string {
    const infos = this.list();
    const found = infos.find((info) => info.default);
    if (!found) throw new Error(`no dataset found in ${this.dir}`);
    return found.id;
  }

  has(id: string): boolean {
    return DATASET_ID_PATTERN.test(id) && this.list().some((info) => info.id === id);
  }

  /** Loads (once) and returns a dataset; 404 for an unknown id. Loading the bundled one takes ~0.5 s. */
  get(id: string = this.defaultId): Dataset {
    if (!this.has(id)) throw new HttpError(404, `dataset '${id}' not found`);
    const dir = join(this.dir, id);
    const key = realpathSync(dir);
    const stamp = stampOf(dir);
    const cached = loaded.get(key);
    if (cached && cached.stamp === stamp) return cached.dataset;
    let dataset: Dataset;
    try {
      dataset = loadDataset(dir);
    } catch (error) {
      // A broken dataset is the server's problem, not the client's: a 500, not a 400 listing server paths.
      throw new Error(`dataset '${id}' cannot be loaded: ${(error as Error).message}`, { cause: error });
    }
    loaded.set(key, { stamp, dataset });
    return dataset;
  }

  private scan(): DatasetInfo[] {
    if (!existsSync(this.dir)) return [];
    const ids = readdirSync(this.dir)
      .filter((id) => DATASET_ID_PATTERN.test(id))
      .filter((id) => existsSync(join(this.dir, id, 'regions.csv')) && existsSync(join(this.dir, id, 'profiles.csv')))
      .sort();
    const defaultId = ids.includes(this.preferredDefault) ? this.preferredDefault : ids[0];
    return ids.map((id) => {
      const dir = join(this.dir, id);
      const { name, weatherYear, weatherYears } = describe(dir, id);
      const hours = Math.max(0, countLines(readFileSync(join(dir, 'profiles.csv'), 'utf8').trimEnd()) - 1);
      return {
        id,
        name,
        weatherYear,
        weatherYears,
        regions: Math.max(0, nonEmptyLines(readFileSync(join(dir, 'regions.csv'), 'utf8')) - 1),
        hours,
        default: id === defaultId,
        warnings: profileLengthWarnings(hours),
      };
    });
  }
}
