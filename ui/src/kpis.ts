/**
 * KPI definitions shared by the map, the scenario panel and the comparison: how to compute a
 * value from a region's (or the nation's) outputs, its Dutch label and unit.
 */
import type { NationalResult, RegionResult } from '../../engine/model/outputs.ts';
import { OUTPUT_LABELS } from '../../engine/labels/index.ts';

type Row = Partial<Record<string, number | boolean | string | null>>;
const n = (row: Row, k: string) => Number(row[k] ?? 0);

export interface Kpi {
  key: string;
  label: string;
  /** Longer label for pickers and legends, where there is room (`label` may carry soft hyphens for narrow heads). */
  long?: string;
  unit: string;
  /** Unit in narrow table headers, where it differs. */
  shortUnit?: string;
  digits: number;
  /** Higher is worse (colour ramp and "better/worse" hints). */
  higherIsWorse: boolean;
  value: (row: Row, targetTWh: number) => number;
}

/** KPIs of the map (per region). */
export const MAP_KPIS: readonly Kpi[] = [
  {
    key: 'reinforceMW',
    label: 'Verzwaring',
    long: 'Netverzwaring',
    unit: 'MW',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'reinforceFeedinMW') + n(r, 'reinforceOfftakeMW'),
  },
  {
    key: 'congestionHours',
    label: 'Congestie-uren',
    unit: 'uur/jaar',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'congestionHoursFeedin') + n(r, 'congestionHoursOfftake'),
  },
  {
    key: 'share35',
    label: 'Bijdrage RES-doel',
    long: 'Bijdrage aan het RES-doel',
    unit: '% van doel',
    digits: 1,
    higherIsWorse: false,
    value: (r, t) => (100 * n(r, 'resNominalTWh')) / (t || 35),
  },
  {
    key: 'landHa',
    label: 'Ruimte',
    long: 'Ruimtegebruik zon + wind',
    unit: 'ha',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'fieldSolarHa') + n(r, 'windHa'),
  },
  {
    key: 'lvReinforceMW',
    label: 'LS-ver\u00adzwaring',
    long: OUTPUT_LABELS.lvReinforceMW.label,
    unit: 'MW',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'lvReinforceMW'),
  },
  {
    key: 'lvOverloaded',
    label: 'LS over\u00adbelast',
    long: OUTPUT_LABELS.lvOverloadedHomesShare.label,
    unit: '% woningen',
    shortUnit: '%',
    digits: 1,
    higherIsWorse: true,
    value: (r) => 100 * n(r, 'lvOverloadedHomesShare'),
  },
  {
    key: 'lvCapex',
    label: 'LS-inves\u00adtering',
    long: OUTPUT_LABELS.lvCapexEUR.label,
    unit: 'mln €',
    digits: 1,
    higherIsWorse: true,
    value: (r) => n(r, 'lvCapexEUR') / 1e6,
  },
  {
    key: 'tariff',
    label: 'Extra nettarief',
    long: 'Extra nettarief (na EB-herinvestering)',
    unit: '€/aansluiting/jaar',
    shortUnit: '€/aansl./jaar',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'tariffEURPerConnection'),
  },
];

/** KPIs compared between scenarios (national). */
export const NATIONAL_KPIS: readonly Kpi[] = [
  {
    key: 'resNominalTWh',
    label: 'RES-productie',
    unit: 'TWh/jaar',
    digits: 1,
    higherIsWorse: false,
    value: (r) => n(r, 'resNominalTWh'),
  },
  {
    key: 'reinforceMW',
    label: 'Netverzwaring',
    unit: 'MW',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'reinforceFeedinMW') + n(r, 'reinforceOfftakeMW'),
  },
  {
    key: 'gridCapexEUR',
    label: 'Netinvestering',
    unit: 'mln €',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'gridCapexEUR') / 1e6,
  },
  {
    key: 'tariff',
    label: 'Extra nettarief',
    unit: '€/aansluiting/jaar',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'tariffEURPerConnection'),
  },
  {
    key: 'landHa',
    label: 'Ruimtegebruik',
    unit: 'ha',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'fieldSolarHa') + n(r, 'windHa'),
  },
  {
    key: 'windTurbines',
    label: 'Windturbines',
    unit: 'stuks',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'windTurbines'),
  },
  {
    key: 'co2',
    label: 'CO₂ vermeden',
    unit: 'Mton/jaar',
    digits: 2,
    higherIsWorse: false,
    value: (r) => n(r, 'co2AvoidedT') / 1e6,
  },
  {
    key: 'homesCapex',
    label: 'Investering woningen',
    unit: 'mln €',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'homesCapexEUR') / 1e6,
  },
  {
    key: 'clip',
    label: 'Afgekapte zonnestroom',
    unit: 'TWh/jaar',
    digits: 2,
    higherIsWorse: true,
    value: (r) => n(r, 'clipCurtailedTWh'),
  },
  // The LV layer last: the comparison's charts pick the KPIs above by position.
  {
    key: 'lvReinforceMW',
    label: OUTPUT_LABELS.lvReinforceMW.label,
    unit: 'MW',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'lvReinforceMW'),
  },
  {
    key: 'lvCapexEUR',
    label: OUTPUT_LABELS.lvCapexEUR.label,
    unit: 'mln €',
    digits: 0,
    higherIsWorse: true,
    value: (r) => n(r, 'lvCapexEUR') / 1e6,
  },
  {
    key: 'lvOverloaded',
    label: OUTPUT_LABELS.lvOverloadedHomesShare.label,
    unit: '% woningen',
    digits: 1,
    higherIsWorse: true,
    value: (r) => 100 * n(r, 'lvOverloadedHomesShare'),
  },
];

/** The four heat strategies with their Δwoonlasten output. */
export const STRATEGIES = [
  { key: 'deltaWoonlastenAE_EUR', label: 'All-electric' },
  { key: 'deltaWoonlastenHY_EUR', label: 'Hybride' },
  { key: 'deltaWoonlastenHN_EUR', label: 'Warmtenet' },
  { key: 'deltaWoonlastenINS_EUR', label: 'Alleen isolatie' },
] as const;

/**
 * National Δwoonlasten per strategy: the model reports it per region only, so weight each
 * region by its number of homes.
 */
export function nationalWoonlasten(regions: RegionResult[], homes: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of STRATEGIES) {
    let sum = 0,
      w = 0;
    for (const r of regions) {
      const h = homes.get(r.id) ?? 0;
      sum += h * Number((r as Row)[s.key] ?? 0);
      w += h;
    }
    out[s.key] = w ? sum / w : 0;
  }
  return out;
}

export type { NationalResult, RegionResult };
