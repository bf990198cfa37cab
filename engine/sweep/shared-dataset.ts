import { createHash } from 'node:crypto';
import { prepareDataset, type WeatherYearProfiles } from '../data/prepare.ts';
import type { Dataset, RegionData } from '../data/types.ts';

/** The profile columns of one further weather year in shared memory. */
export interface SharedWeatherYear {
  year: number;
  hours: number;
  profileNames: string[];
  buffer: SharedArrayBuffer;
}

/**
 * A dataset laid out in SharedArrayBuffers so that every worker thread views the same profile
 * memory instead of receiving a copy: profile columns, then each region's base load; and the
 * profile columns of every further weather year (their per-region arrays are rebuilt in the worker).
 */
export interface SharedDataset {
  name: string;
  hours: number;
  regions: RegionData[];
  profileNames: string[];
  buffer: SharedArrayBuffer;
  referenceYear: number | null;
  years: SharedWeatherYear[];
  /**
   * SHA-256 of everything above: worker threads keep the dataset they prepared under it, so a
   * second sweep on the same data (another run, or another Dataset object with the same content)
   * does not prepare it again.
   */
  contentHash: string;
}

const sharedByDataset = new WeakMap<Dataset, SharedDataset>();

function shareProfiles(profiles: ReadonlyMap<string, Float64Array>, hours: number, extraArrays: number) {
  const profileNames = [...profiles.keys()];
  const buffer = new SharedArrayBuffer((profileNames.length + extraArrays) * hours * 8);
  profileNames.forEach((name, p) => {
    new Float64Array(buffer, p * hours * 8, hours).set(profiles.get(name)!);
  });
  return { profileNames, buffer };
}

function profileViews(profileNames: string[], buffer: SharedArrayBuffer, hours: number): Map<string, Float64Array> {
  const profiles = new Map<string, Float64Array>();
  profileNames.forEach((name, p) => {
    profiles.set(name, new Float64Array(buffer, p * hours * 8, hours));
  });
  return profiles;
}

/** SHA-256 of a shared dataset's description and bytes. */
export function contentHashOf(shared: Omit<SharedDataset, 'contentHash'>): string {
  const hash = createHash('sha256');
  const years = shared.years.map(({ year, hours, profileNames }) => ({ year, hours, profileNames }));
  const { name, hours, regions, profileNames, referenceYear } = shared;
  hash.update(JSON.stringify({ name, hours, regions, profileNames, referenceYear, years }));
  for (const buffer of [shared.buffer, ...shared.years.map((year) => year.buffer)]) hash.update(new Uint8Array(buffer));
  return hash.digest('hex');
}

/** Copies a dataset's hourly arrays into shared memory once (memoised per dataset). */
export function shareDataset(dataset: Dataset): SharedDataset {
  const cached = sharedByDataset.get(dataset);
  if (cached) return cached;
  const hours = dataset.hours;
  const { profileNames, buffer } = shareProfiles(dataset.profiles, hours, dataset.regions.length);
  dataset.prepared.forEach((prepared, r) => {
    new Float64Array(buffer, (profileNames.length + r) * hours * 8, hours).set(prepared.baseMW);
  });
  const years = [...dataset.weatherVariants].map(([year, variant]): SharedWeatherYear => {
    return { year, hours: variant.hours, ...shareProfiles(variant.profiles, variant.hours, 0) };
  });
  const content = {
    name: dataset.name,
    hours,
    regions: dataset.regions,
    profileNames,
    buffer,
    referenceYear: dataset.referenceYear,
    years,
  };
  const shared: SharedDataset = { ...content, contentHash: contentHashOf(content) };
  sharedByDataset.set(dataset, shared);
  return shared;
}

/** Rebuilds a Dataset whose arrays are views on the shared buffers (inside a worker). */
export function datasetFromShared(shared: SharedDataset): Dataset {
  const hours = shared.hours;
  const profiles = profileViews(shared.profileNames, shared.buffer, hours);
  const baseMW = shared.regions.map(
    (_, r) => new Float64Array(shared.buffer, (shared.profileNames.length + r) * hours * 8, hours),
  );
  const years = shared.years.map(
    (year): WeatherYearProfiles => ({
      year: year.year,
      hours: year.hours,
      profiles: profileViews(year.profileNames, year.buffer, year.hours),
    }),
  );
  // Region data arrive with the §1.4 defaults already applied: do not apply them again.
  return prepareDataset(shared.name, shared.regions, profiles, hours, {
    baseMW,
    applyDefaults: false,
    referenceYear: shared.referenceYear,
    years,
  });
}
