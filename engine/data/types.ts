import type { DatasetWarning } from './warnings.ts';
import type { DerivedColumnName, RegionFields } from './region-columns.ts';

/**
 * One RES region as loaded from `regions.csv` (one field per column of `REGION_COLUMNS`), after the
 * default rules of MODEL.md §1.4.
 */
export interface RegionData extends RegionFields {
  /** True where the cell was empty and the MODEL.md §1.4 rule filled it in. */
  derived: Record<DerivedColumnName, boolean>;
}

/** Per-region hourly inputs that do not depend on the scenario, prepared once per dataset. */
export interface PreparedRegion {
  solarCF: Float64Array;
  windCF: Float64Array;
  /** Full-load hours Σ solarCF and Σ windCF. */
  flhSolarH: number;
  flhWindH: number;
  /** Base demand per hour, MW (MODEL.md §2.2). */
  baseMW: Float64Array;
  tempC: Float64Array;
  /** MW of existing solar fields and wind, for the new-connection cost (MODEL.md §3). */
  existingFieldMW: number;
  existingWindMW: number;
}

/** A loaded, validated dataset: region data, raw profiles and their per-dataset preparation. */
export interface Dataset {
  name: string;
  hours: number;
  regions: RegionData[];
  regionIndex: ReadonlyMap<string, number>;
  /** Raw profile columns of `profiles.csv` by name (without `hour`). */
  profiles: ReadonlyMap<string, Float64Array>;
  prepared: PreparedRegion[];
  /** Normalised EV charging shapes (sum 1), from the profiles or the MODEL.md §1.2 defaults. */
  evDumbShare: Float64Array;
  evSmartShare: Float64Array;
  totalHomes: number;
  /** What is allowed but changes every result (profiles that are not a full year). */
  warnings: readonly DatasetWarning[];
}
