import { prepareDataset } from '../data/prepare.ts';
import type { Dataset, RegionData } from '../data/types.ts';

/**
 * A dataset laid out in one SharedArrayBuffer so that every worker thread views the same profile
 * memory instead of receiving a copy: profile columns, then each region's base load.
 */
export interface SharedDataset {
  name: string;
  hours: number;
  regions: RegionData[];
  profileNames: string[];
  buffer: SharedArrayBuffer;
}

const sharedByDataset = new WeakMap<Dataset, SharedDataset>();

/** Copies a dataset's hourly arrays into shared memory once (memoised per dataset). */
export function shareDataset(dataset: Dataset): SharedDataset {
  const cached = sharedByDataset.get(dataset);
  if (cached) return cached;
  const profileNames = [...dataset.profiles.keys()];
  const hours = dataset.hours;
  const buffer = new SharedArrayBuffer((profileNames.length + dataset.regions.length) * hours * 8);
  profileNames.forEach((name, p) => {
    new Float64Array(buffer, p * hours * 8, hours).set(dataset.profiles.get(name)!);
  });
  dataset.prepared.forEach((prepared, r) => {
    new Float64Array(buffer, (profileNames.length + r) * hours * 8, hours).set(prepared.baseMW);
  });
  const shared: SharedDataset = { name: dataset.name, hours, regions: dataset.regions, profileNames, buffer };
  sharedByDataset.set(dataset, shared);
  return shared;
}

/** Rebuilds a Dataset whose arrays are views on the shared buffer (inside a worker). */
export function datasetFromShared(shared: SharedDataset): Dataset {
  const hours = shared.hours;
  const profiles = new Map<string, Float64Array>();
  shared.profileNames.forEach((name, p) => {
    profiles.set(name, new Float64Array(shared.buffer, p * hours * 8, hours));
  });
  const baseMW = shared.regions.map(
    (_, r) => new Float64Array(shared.buffer, (shared.profileNames.length + r) * hours * 8, hours),
  );
  // Region data arrive with the §1.4 defaults already applied: do not apply them again.
  return prepareDataset(shared.name, shared.regions, profiles, hours, { baseMW, applyDefaults: false });
}
