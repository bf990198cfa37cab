import type { Dataset } from '../data/types.ts';
import { NATIONAL_DEFAULTS, type NationalParams, type RegionalOverrides } from './parameters.ts';
import type { Scenario } from './schema.ts';

/** Regional parameters of one region after MODEL.md §1.3 layering and §1.5 re-splitting. */
export interface ResolvedRegion {
  solarRoofTWh: number;
  solarFieldTWh: number;
  windTWh: number;
  solarSmallRoofTWh: number;
  fieldSolarClip: number;
  storageMW: number;
  storageMWh: number;
  shareAllElectric: number;
  shareHybrid: number;
  shareHeatNet: number;
  shareInsulationOnly: number;
  evCount: number;
  evSmartShare: number;
  industryAddMW: number;
  gridFeedinMW: number;
  gridOfftakeMW: number;
  /** Wijkaanpak clustering c in [0, 1] (MODEL.md §9.3). */
  wijkClustering: number;
  /** LV capacity per home, kW, as given (scenario or region data); null: the default rule of MODEL.md §9.2. */
  lvCapacityKWPerHome: number | null;
}

/** Roof share of solar used by `solarShare` when a region has no solar at all (MODEL.md §1.5). */
const DEFAULT_ROOF_FRACTION = 0.4;

/** Default wijkaanpak clustering (MODEL.md §1.3): half-way between spread and concentrated. */
export const DEFAULT_WIJK_CLUSTERING = 0.5;

const NO_OVERRIDES: RegionalOverrides = {};

/** The region's own value, else the defaults' value, else `fallback` (a later layer replaces an earlier one). */
function layered(own: number | null | undefined, fromDefaults: number | null | undefined, fallback: number): number {
  if (own !== undefined && own !== null) return own;
  if (fromDefaults !== undefined && fromDefaults !== null) return fromDefaults;
  return fallback;
}

/** Resolves region `r`: region data → defaults → regions[id] → resScale → solarShare. */
export function resolveRegion(dataset: Dataset, r: number, scenario: Scenario): ResolvedRegion {
  const region = dataset.regions[r];
  const own = scenario.regions[region.id] ?? NO_OVERRIDES;
  const defaults = scenario.defaults;
  // Called per region and scenario in sweeps: named property reads, no keyed lookups or closures.

  const resScale = layered(own.resScale, defaults.resScale, 1);
  let solarRoofTWh = layered(own.solarRoofTWh, defaults.solarRoofTWh, region.solarRoofTWh) * resScale;
  let solarFieldTWh = layered(own.solarFieldTWh, defaults.solarFieldTWh, region.solarFieldTWh) * resScale;
  let windTWh = layered(own.windTWh, defaults.windTWh, region.windTWh) * resScale;
  // An explicit null in the region cancels a solarShare set in defaults.
  const solarShare = own.solarShare !== undefined ? own.solarShare : defaults.solarShare;
  if (solarShare !== undefined && solarShare !== null) {
    const totalTWh = solarRoofTWh + solarFieldTWh + windTWh;
    const solarTWh = solarRoofTWh + solarFieldTWh;
    const roofFraction = solarTWh === 0 ? DEFAULT_ROOF_FRACTION : solarRoofTWh / solarTWh;
    const newSolarTWh = solarShare * totalTWh;
    solarRoofTWh = roofFraction * newSolarTWh;
    solarFieldTWh = newSolarTWh - solarRoofTWh;
    windTWh = totalTWh - newSolarTWh;
  }
  return {
    solarRoofTWh,
    solarFieldTWh,
    windTWh,
    solarSmallRoofTWh: layered(own.solarSmallRoofTWh, defaults.solarSmallRoofTWh, region.solarSmallRoofTWh),
    fieldSolarClip: layered(own.fieldSolarClip, defaults.fieldSolarClip, 1),
    storageMW: layered(own.storageMW, defaults.storageMW, 0),
    storageMWh: layered(own.storageMWh, defaults.storageMWh, 0),
    shareAllElectric: layered(own.shareAllElectric, defaults.shareAllElectric, 0),
    shareHybrid: layered(own.shareHybrid, defaults.shareHybrid, 0),
    shareHeatNet: layered(own.shareHeatNet, defaults.shareHeatNet, 0),
    shareInsulationOnly: layered(own.shareInsulationOnly, defaults.shareInsulationOnly, 0),
    evCount: layered(own.evCount, defaults.evCount, 0),
    evSmartShare: layered(own.evSmartShare, defaults.evSmartShare, 0),
    industryAddMW: layered(own.industryAddMW, defaults.industryAddMW, 0),
    gridFeedinMW: layered(own.gridFeedinMW, defaults.gridFeedinMW, region.gridFeedinMW),
    gridOfftakeMW: layered(own.gridOfftakeMW, defaults.gridOfftakeMW, region.gridOfftakeMW),
    wijkClustering: layered(own.wijkClustering, defaults.wijkClustering, DEFAULT_WIJK_CLUSTERING),
    lvCapacityKWPerHome: own.lvCapacityKWPerHome ?? defaults.lvCapacityKWPerHome ?? region.lvCapacityKWPerHome,
  };
}

/** National parameters with the scenario's overrides applied to the defaults. */
export function resolveNational(scenario: Scenario): NationalParams {
  return { ...NATIONAL_DEFAULTS, weatherYear: null, ...scenario.national } as NationalParams;
}
