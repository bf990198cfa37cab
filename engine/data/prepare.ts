import type { Dataset, PreparedRegion, RegionData } from './types.ts';
import { profileLengthWarnings } from './warnings.ts';

/** Default EV charging shapes of MODEL.md §1.2 (hour ranges inclusive, hour 0 = 00:00–01:00). */
export function defaultEvShape(kind: 'dumb' | 'smart', hours: number): Float64Array {
  const shape = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    const d = h % 24;
    const high = kind === 'dumb' ? d >= 17 && d <= 22 : d <= 5 || (d >= 11 && d <= 14);
    shape[h] = high ? 1 : 0.1;
  }
  return shape;
}

/** Sum over the year, in hour order (full-load hours of a CF profile, total of a shape). */
export function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let h = 0; h < values.length; h++) sum += values[h];
  return sum;
}

/** Divides a non-negative shape by its sum, so it holds each hour's share of the year. */
export function normaliseShape(shape: Float64Array): Float64Array {
  const sum = sumOf(shape);
  const share = new Float64Array(shape.length);
  for (let h = 0; h < shape.length; h++) share[h] = shape[h] / sum;
  return share;
}

/** Installed MW that produces `twh` per year on a profile with `flh` full-load hours (0 when twh is 0). */
export function capacityMW(twh: number, flh: number): number {
  return twh === 0 ? 0 : (twh * 1e6) / flh;
}

/** Household electricity per home when the dataset gives none (MODEL.md §1.1: homes × 2600 kWh). */
export const DEFAULT_HOUSEHOLD_KWH_PER_HOME = 2600;

/** The normalised household shape of a region, one array per profile name (shared by regions). */
function householdShareOf(
  region: RegionData,
  profiles: ReadonlyMap<string, Float64Array>,
  shares: Map<string, Float64Array>,
): Float64Array {
  const name = region.householdProfile ?? region.baseProfile;
  let share = shares.get(name);
  if (!share) {
    share = normaliseShape(profiles.get(name)!);
    shares.set(name, share);
  }
  return share;
}

/**
 * Prepares one region on one year's profiles. `reference` is the region prepared on profiles.csv
 * when this is another weather year: installed MW (full-load hours), Σ shRef and today's LV load
 * always come from the reference profiles (MODEL.md §2.1, §9.2, §10).
 */
function prepareRegion(
  region: RegionData,
  profiles: ReadonlyMap<string, Float64Array>,
  hours: number,
  sharedBaseMW: Float64Array | undefined,
  reference: PreparedRegion | undefined,
  householdShares: Map<string, Float64Array>,
): PreparedRegion {
  const solarCF = profiles.get(region.solarProfile)!;
  const windCF = profiles.get(region.windProfile)!;
  const baseShape = profiles.get(region.baseProfile)!;
  const tempC = profiles.get(region.tempProfile)!;
  const flhSolarH = reference ? reference.flhSolarH : sumOf(solarCF);
  const flhWindH = reference ? reference.flhWindH : sumOf(windCF);
  const yieldRatio = (runFlh: number, referenceFlh: number) => (referenceFlh === 0 ? 0 : runFlh / referenceFlh);
  const baseShapeSum = sumOf(baseShape);
  let baseMW = sharedBaseMW;
  if (!baseMW) {
    baseMW = new Float64Array(hours);
    for (let h = 0; h < hours; h++) baseMW[h] = (region.baseDemandTWh * 1e6 * baseShape[h]) / baseShapeSum;
  }
  const homes = region.homes;
  const householdKWhPerHome =
    region.householdDemandTWh === null
      ? DEFAULT_HOUSEHOLD_KWH_PER_HOME
      : homes > 0
        ? (region.householdDemandTWh * 1e9) / homes
        : 0;
  const smallRoofKWPerHome = homes > 0 ? (capacityMW(region.solarSmallRoofTWh, flhSolarH) * 1000) / homes : 0;
  const householdShare = householdShareOf(region, profiles, householdShares);
  const prepared: PreparedRegion = {
    solarCF,
    windCF,
    flhSolarH,
    flhWindH,
    solarYieldRatio: reference ? yieldRatio(sumOf(solarCF), flhSolarH) : 1,
    windYieldRatio: reference ? yieldRatio(sumOf(windCF), flhWindH) : 1,
    baseMW,
    tempC,
    referenceTempC: reference ? reference.referenceTempC : tempC,
    householdShare,
    householdKWhPerHome,
    smallRoofKWPerHome,
    lvHouseholdPeakRefKW: reference ? reference.lvHouseholdPeakRefKW : 0,
    lvFeedinPeakRefKW: reference ? reference.lvFeedinPeakRefKW : 0,
    existingFieldMW: capacityMW(region.existingSolarFieldTWh, flhSolarH),
    existingWindMW: capacityMW(region.existingWindTWh, flhWindH),
  };
  if (!reference) setTodaysLvPeaks(prepared, hours);
  return prepared;
}

/**
 * Today's LV load per home on the reference profiles (MODEL.md §9.2): the household peak and the
 * small-roof feed-in peak. Computed with the kernel's own expressions (household + 0 − PV), so the
 * scenario that keeps today's homes sees exactly these extremes and no LV reinforcement.
 */
function setTodaysLvPeaks(prepared: PreparedRegion, hours: number): void {
  let householdPeakKW = 0;
  let feedinPeakKW = Number.NEGATIVE_INFINITY;
  for (let h = 0; h < hours; h++) {
    const householdKW = prepared.householdKWhPerHome * prepared.householdShare[h];
    const netKW = householdKW - prepared.smallRoofKWPerHome * prepared.solarCF[h];
    if (householdKW > householdPeakKW) householdPeakKW = householdKW;
    if (-netKW > feedinPeakKW) feedinPeakKW = -netKW;
  }
  prepared.lvHouseholdPeakRefKW = householdPeakKW;
  prepared.lvFeedinPeakRefKW = feedinPeakKW;
}

/** Fills empty capacity and connection cells by the MODEL.md §1.4 rule (mutates `region`). */
function applyDefaultRules(region: RegionData, prepared: PreparedRegion, hours: number): void {
  if (region.derived.connections) region.connections = region.homes * 1.1;
  let maxBaseMW = 0;
  for (let h = 0; h < hours; h++) if (prepared.baseMW[h] > maxBaseMW) maxBaseMW = prepared.baseMW[h];
  if (region.derived.gridOfftakeMW) region.gridOfftakeMW = 1.3 * maxBaseMW;
  if (region.derived.gridFeedinMW) {
    const solarCapacity = (twh: number) => capacityMW(twh, prepared.flhSolarH);
    // Today's generation is computed with the very expression the kernel uses for the same MW
    // ((roofs + small roofs) × CF + fields × CF + wind × CF, minus base), so a scenario that keeps
    // today's production sees the same net load to the last bit: peak = limit, no reinforcement.
    const todayRoofAndSmallMW = solarCapacity(region.existingSolarRoofTWh) + solarCapacity(region.solarSmallRoofTWh);
    const todayFieldMW = solarCapacity(region.existingSolarFieldTWh);
    const todayWindMW = capacityMW(region.existingWindTWh, prepared.flhWindH);
    let maxTodayNetMW = -Infinity;
    for (let h = 0; h < hours; h++) {
      const solar = prepared.solarCF[h];
      const todayGenMW = todayRoofAndSmallMW * solar + todayFieldMW * solar + todayWindMW * prepared.windCF[h];
      const todayNetMW = todayGenMW - prepared.baseMW[h];
      if (todayNetMW > maxTodayNetMW) maxTodayNetMW = todayNetMW;
    }
    region.gridFeedinMW = Math.max(0.6 * region.gridOfftakeMW, maxTodayNetMW);
  }
}

/** The profiles of one further weather year (a `profiles-<YYYY>.csv` file). */
export interface WeatherYearProfiles {
  year: number;
  profiles: ReadonlyMap<string, Float64Array>;
  hours: number;
}

/** Options of prepareDataset. */
export interface PrepareOptions {
  /** Base loads to reuse (shared memory in sweep workers), one per region. */
  baseMW?: Float64Array[];
  /** False when the region data already carry the §1.4 defaults. */
  applyDefaults?: boolean;
  /** Year of profiles.csv (dataset.json), or null. */
  referenceYear?: number | null;
  /** Further weather years. */
  years?: readonly WeatherYearProfiles[];
}

function evShares(profiles: ReadonlyMap<string, Float64Array>, hours: number) {
  return {
    evDumbShare: normaliseShape(profiles.get('evDumb') ?? defaultEvShape('dumb', hours)),
    evSmartShare: normaliseShape(profiles.get('evSmart') ?? defaultEvShape('smart', hours)),
  };
}

/**
 * Builds a Dataset: per-region profiles and base load, default rules, EV shapes (once per dataset),
 * and one view per further weather year. `baseMW` reuses shared base loads.
 */
export function prepareDataset(
  name: string,
  regions: RegionData[],
  profiles: ReadonlyMap<string, Float64Array>,
  hours: number,
  options: PrepareOptions = {},
): Dataset {
  const householdShares = new Map<string, Float64Array>();
  const prepared = regions.map((region, r) =>
    prepareRegion(region, profiles, hours, options.baseMW?.[r], undefined, householdShares),
  );
  if (options.applyDefaults !== false)
    regions.forEach((region, r) => {
      applyDefaultRules(region, prepared[r], hours);
    });
  let totalHomes = 0;
  for (const region of regions) totalHomes += region.homes;
  const referenceYear = options.referenceYear ?? null;
  const years = options.years ?? [];
  const weatherYears = [...years.map((y) => y.year), ...(referenceYear === null ? [] : [referenceYear])].sort(
    (a, b) => a - b,
  );
  const regionIndex = new Map(regions.map((region, r) => [region.id, r]));
  const weatherVariants = new Map<number, Dataset>();
  const dataset: Dataset = {
    name,
    hours,
    referenceYear,
    weatherYear: referenceYear,
    weatherYears,
    weatherVariants,
    regions,
    regionIndex,
    profiles,
    prepared,
    ...evShares(profiles, hours),
    totalHomes,
    warnings: profileLengthWarnings(hours),
  };
  for (const year of years) {
    const yearShares = new Map<string, Float64Array>();
    weatherVariants.set(year.year, {
      ...dataset,
      hours: year.hours,
      weatherYear: year.year,
      weatherVariants: new Map(),
      profiles: year.profiles,
      prepared: regions.map((region, r) =>
        prepareRegion(region, year.profiles, year.hours, undefined, prepared[r], yearShares),
      ),
      ...evShares(year.profiles, year.hours),
    });
  }
  return dataset;
}

/** The dataset as run in `weatherYear` (MODEL.md §10): null or the reference year give the dataset itself. */
export function datasetForWeatherYear(dataset: Dataset, weatherYear: number | null): Dataset {
  if (weatherYear === null || weatherYear === dataset.referenceYear) return dataset;
  const variant = dataset.weatherVariants.get(weatherYear);
  if (!variant) throw new RangeError(`the dataset has no weather year ${weatherYear}`);
  return variant;
}
