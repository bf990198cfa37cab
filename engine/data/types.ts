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
  /** Full-load hours Σ solarCF and Σ windCF of the reference profiles (profiles.csv), in every weather year. */
  flhSolarH: number;
  flhWindH: number;
  /** Σ solarCF and Σ windCF of this weather year over the reference full-load hours (1 in the reference year, 0 without reference). */
  solarYieldRatio: number;
  windYieldRatio: number;
  /** Base demand per hour, MW (MODEL.md §2.2). */
  baseMW: Float64Array;
  tempC: Float64Array;
  /** The reference year's temperatures (the degree-hour sum Σ shRef scales space heat in every year). */
  referenceTempC: Float64Array;
  /** Household demand shape normalised to sum 1; shared by the regions on one profile. */
  householdShare: Float64Array;
  /** Household electricity per home, kWh/yr (householdDemandTWh × 1e9 / homes). */
  householdKWhPerHome: number;
  /** Today's small-roof PV per home, kW peak (region data, reference full-load hours). */
  smallRoofKWPerHome: number;
  /** max_h of household kW per home and of (small-roof PV − household) kW per home, over the reference profiles. */
  lvHouseholdPeakRefKW: number;
  lvFeedinPeakRefKW: number;
  /** MW of existing solar fields and wind, for the new-connection cost (MODEL.md §3). */
  existingFieldMW: number;
  existingWindMW: number;
}

/** A loaded, validated dataset: region data, raw profiles and their per-dataset preparation. */
export interface Dataset {
  name: string;
  /** Length of this dataset's profiles (a weather year's own length in a weather-year view). */
  hours: number;
  /** Year of profiles.csv as dataset.json names it; null without dataset.json. */
  referenceYear: number | null;
  /** Year of the profiles this view runs on (null: profiles.csv without a named year). */
  weatherYear: number | null;
  /** Every weather year the dataset has, ascending: the profiles-<YYYY>.csv years and the reference year. */
  weatherYears: readonly number[];
  /** The same dataset on the profiles of another year, by year (reference year excluded); empty in a view. */
  weatherVariants: ReadonlyMap<number, Dataset>;
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
