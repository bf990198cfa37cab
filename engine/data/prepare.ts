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

function prepareRegion(
  region: RegionData,
  profiles: ReadonlyMap<string, Float64Array>,
  hours: number,
  sharedBaseMW: Float64Array | undefined,
): PreparedRegion {
  const solarCF = profiles.get(region.solarProfile)!;
  const windCF = profiles.get(region.windProfile)!;
  const baseShape = profiles.get(region.baseProfile)!;
  const flhSolarH = sumOf(solarCF);
  const flhWindH = sumOf(windCF);
  const baseShapeSum = sumOf(baseShape);
  let baseMW = sharedBaseMW;
  if (!baseMW) {
    baseMW = new Float64Array(hours);
    for (let h = 0; h < hours; h++) baseMW[h] = (region.baseDemandTWh * 1e6 * baseShape[h]) / baseShapeSum;
  }
  return {
    solarCF,
    windCF,
    flhSolarH,
    flhWindH,
    baseMW,
    tempC: profiles.get(region.tempProfile)!,
    existingFieldMW: capacityMW(region.existingSolarFieldTWh, flhSolarH),
    existingWindMW: capacityMW(region.existingWindTWh, flhWindH),
  };
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

/** Builds a Dataset: per-region profiles and base load, default rules, EV shapes (once per dataset). `baseMW` reuses shared base loads. */
export function prepareDataset(
  name: string,
  regions: RegionData[],
  profiles: ReadonlyMap<string, Float64Array>,
  hours: number,
  options: { baseMW?: Float64Array[]; applyDefaults?: boolean } = {},
): Dataset {
  const prepared = regions.map((region, r) => prepareRegion(region, profiles, hours, options.baseMW?.[r]));
  if (options.applyDefaults !== false)
    regions.forEach((region, r) => {
      applyDefaultRules(region, prepared[r], hours);
    });
  let totalHomes = 0;
  for (const region of regions) totalHomes += region.homes;
  return {
    name,
    hours,
    regions,
    regionIndex: new Map(regions.map((region, r) => [region.id, r])),
    profiles,
    prepared,
    evDumbShare: normaliseShape(profiles.get('evDumb') ?? defaultEvShape('dumb', hours)),
    evSmartShare: normaliseShape(profiles.get('evSmart') ?? defaultEvShape('smart', hours)),
    totalHomes,
    warnings: profileLengthWarnings(hours),
  };
}
