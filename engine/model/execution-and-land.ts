import type { RegionData } from '../data/types.ts';
import type { NationalParams } from '../scenario/parameters.ts';

/**
 * Uitvoeringskosten of the decentrale overheden to 2030 (MODEL.md §12), EUR: the municipalities'
 * work per switching home, and the regions' and provinces' work per TWh of new RES production.
 * New production is the scenario's RES-counted TWh above the region data's existing production.
 */
export function executionCostsEUR(
  switchingHomes: number,
  resNominalTWh: number,
  region: RegionData,
  n: NationalParams,
): { warmteEUR: number; resEUR: number } {
  const existingTWh = region.existingSolarRoofTWh + region.existingSolarFieldTWh + region.existingWindTWh;
  return {
    warmteEUR: switchingHomes * n.uitvoeringWarmteEURPerHome,
    resEUR: Math.max(0, resNominalTWh - existingTWh) * n.uitvoeringRESEURPerTWh,
  };
}

/** Land for energy against land for housing in one region (MODEL.md §13). */
export interface LandClaim {
  housingNeedHomes: number;
  housingHa: number;
  /** Field solar, wind and housing, ha. */
  landClaimHa: number;
  /** landClaimHa over the region's arable land; NaN (null) when that is unknown or 0. */
  shareOfArable: number;
}

/** The region's land claim: the dataset's housing need, else homes × housingGrowthShare. */
export function landClaim(region: RegionData, fieldSolarHa: number, windHa: number, n: NationalParams): LandClaim {
  const housingNeedHomes = region.housingNeedHomes ?? region.homes * n.housingGrowthShare;
  const housingHa = housingNeedHomes / n.homesPerHa;
  const landClaimHa = fieldSolarHa + windHa + housingHa;
  const arableHa = region.arableLandHa ?? 0;
  return {
    housingNeedHomes,
    housingHa,
    landClaimHa,
    shareOfArable: arableHa > 0 ? landClaimHa / arableHa : Number.NaN,
  };
}

/** Arable land of the whole country, ha; NaN unless every region has arable land above 0 (MODEL.md §4). */
export function nationalArableHa(regions: readonly RegionData[]): number {
  let total = 0;
  for (const region of regions) {
    const arableHa = region.arableLandHa ?? 0;
    if (!(arableHa > 0)) return Number.NaN;
    total += arableHa;
  }
  return total;
}
