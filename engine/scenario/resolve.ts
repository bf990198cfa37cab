import type { Dataset } from '../data/types.ts';
import { NATIONAL_DEFAULTS, type NationalParams, type RegionalOverrides } from '../model/parameters.ts';
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
}

/** Roof share of solar used by `solarShare` when a region has no solar at all (MODEL.md §1.5). */
const DEFAULT_ROOF_FRACTION = 0.4;

/** The later layer's value where it sets one (`null` counts as set, for solarShare). */
function pick<K extends keyof RegionalOverrides>(
  own: RegionalOverrides,
  defaults: RegionalOverrides,
  name: K,
): number | null | undefined {
  return own[name] !== undefined ? own[name] : defaults[name];
}

/** Resolves region `r`: region data → defaults → regions[id] → resScale → solarShare. */
export function resolveRegion(dataset: Dataset, r: number, scenario: Scenario): ResolvedRegion {
  const region = dataset.regions[r];
  const own = scenario.regions[region.id] ?? {};
  const defaults = scenario.defaults;
  const value = (name: keyof RegionalOverrides, fallback: number): number => (pick(own, defaults, name) as number | undefined) ?? fallback;

  const resScale = value('resScale', 1);
  let solarRoofTWh = value('solarRoofTWh', region.solarRoofTWh) * resScale;
  let solarFieldTWh = value('solarFieldTWh', region.solarFieldTWh) * resScale;
  let windTWh = value('windTWh', region.windTWh) * resScale;
  const solarShare = pick(own, defaults, 'solarShare');
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
    solarSmallRoofTWh: value('solarSmallRoofTWh', region.solarSmallRoofTWh),
    fieldSolarClip: value('fieldSolarClip', 1),
    storageMW: value('storageMW', 0),
    storageMWh: value('storageMWh', 0),
    shareAllElectric: value('shareAllElectric', 0),
    shareHybrid: value('shareHybrid', 0),
    shareHeatNet: value('shareHeatNet', 0),
    shareInsulationOnly: value('shareInsulationOnly', 0),
    evCount: value('evCount', 0),
    evSmartShare: value('evSmartShare', 0),
    industryAddMW: value('industryAddMW', 0),
    gridFeedinMW: value('gridFeedinMW', region.gridFeedinMW),
    gridOfftakeMW: value('gridOfftakeMW', region.gridOfftakeMW),
  };
}

/** National parameters with the scenario's overrides applied to the defaults. */
export function resolveNational(scenario: Scenario): NationalParams {
  return { ...NATIONAL_DEFAULTS, ...scenario.national };
}
