/**
 * Dutch labels and units of model outputs and parameter paths, for the sweep builder, scatter
 * axes and tables. Identifiers stay English (MODEL.md names); users read these labels.
 */
import type { OutputName } from '../../engine/model/outputs.ts';
import { NATIONAL_PARAM_NAMES, REGIONAL_PARAM_NAMES } from '../../engine/model/parameters.ts';
import { LEVERS, REGION_LEVERS } from './levers.ts';

export const OUTPUT_LABELS: Record<OutputName, [label: string, unit: string]> = {
  peakFeedinMW: ['Piek invoeding', 'MW'],
  peakOfftakeMW: ['Piek afname', 'MW'],
  reinforceFeedinMW: ['Verzwaring invoeding', 'MW'],
  reinforceOfftakeMW: ['Verzwaring afname', 'MW'],
  congestionHoursFeedin: ['Congestie-uren invoeding', 'uur'],
  congestionHoursOfftake: ['Congestie-uren afname', 'uur'],
  resNominalTWh: ['RES-productie (nominaal)', 'TWh'],
  resDeliveredTWh: ['RES-productie geleverd', 'TWh'],
  smallRoofSolarTWh: ['Zon op kleine daken', 'TWh'],
  clipCurtailedTWh: ['Afgekapte zonnestroom', 'TWh'],
  storageThroughputMWh: ['Doorzet opslag', 'MWh'],
  connSolarMW: ['Nieuwe aansluiting zon', 'MW'],
  connWindMW: ['Nieuwe aansluiting wind', 'MW'],
  gridCapexEUR: ['Netinvestering', '€'],
  storageCapexEUR: ['Investering opslag', '€'],
  gridAnnuityEUR: ['Annuïteit net + opslag', '€/jaar'],
  ebBudgetEUR: ['EB-budget', '€/jaar'],
  ebToGridEUR: ['EB naar net', '€/jaar'],
  ebToHeatEUR: ['EB naar warmte', '€/jaar'],
  tariffEURPerConnection: ['Nettarief', '€/aansluiting/jaar'],
  subsidyPerSwitchingHomeEUR: ['Subsidie per overstappende woning', '€/jaar'],
  deltaWoonlastenINS_EUR: ['Δ woonlasten alleen isolatie', '€/woning/jaar'],
  deltaWoonlastenHY_EUR: ['Δ woonlasten hybride', '€/woning/jaar'],
  deltaWoonlastenAE_EUR: ['Δ woonlasten all-electric', '€/woning/jaar'],
  deltaWoonlastenHN_EUR: ['Δ woonlasten warmtenet', '€/woning/jaar'],
  ebRevenueChangeEUR: ['Verandering EB-opbrengst', '€/jaar'],
  heatElecTWh: ['Elektriciteit voor warmte', 'TWh'],
  gasAvoidedM3: ['Vermeden gas', 'm³'],
  co2AvoidedT: ['CO₂ vermeden', 't/jaar'],
  homesCapexEUR: ['Investering woningen', '€'],
  fieldSolarHa: ['Ruimte zonnevelden', 'ha'],
  windTurbines: ['Windturbines', 'stuks'],
  windHa: ['Ruimte wind', 'ha'],
  route35Triggered: ['Route 35 in werking', 'ja/nee'],
  targetGapTWh: ['Tekort t.o.v. doel', 'TWh'],
};

const NATIONAL_PARAM_LABELS: Partial<Record<string, string>> = {
  heatPerHomeGJ: 'Warmtevraag per woning (GJ)',
  insulationSaving: 'Besparing isolatie (fractie)',
  evKWhPerYear: 'Verbruik per EV (kWh/jaar)',
  storageRoundTrip: 'Rendement opslag (fractie)',
  costFeedinEURPerMW: 'Kosten verzwaring invoeding (€/MW)',
  costOfftakeEURPerMW: 'Kosten verzwaring afname (€/MW)',
  waccGrid: 'WACC netbeheer (fractie)',
  ebReinvestShare: 'EB-herinvestering (fractie)',
  gasPriceEURPerM3: 'Gasprijs (€/m³)',
  elecPriceEURPerKWh: 'Stroomprijs (€/kWh)',
  targetTWh: 'RES-doel (TWh)',
};

/** Label of an output or parameter path for axis pickers and table headers. */
export function columnLabel(name: string): string {
  const o = OUTPUT_LABELS[name as OutputName];
  if (o) return `${o[0]} (${o[1]})`;
  return pathLabel(name);
}

/** "defaults.solarShare" → "Zon-aandeel in RES — alle regio's (defaults.solarShare)". */
export function pathLabel(path: string): string {
  const [layer, a, b] = path.split('.');
  if (layer === 'national') return `${NATIONAL_PARAM_LABELS[a] ?? LEVERS.find((l) => l.kind.type === 'national' && l.kind.param === a)?.label ?? a} — landelijk`;
  const param = layer === 'regions' ? b : a;
  const lever = REGION_LEVERS.find((l) => l.key === `r.${param}`);
  const where = layer === 'regions' ? a : 'alle regio’s';
  return `${lever?.label ?? param} — ${where}`;
}

/** Every parameter path a sweep axis can take (regional defaults first: they are the levers people sweep). */
export const SWEEP_PATHS: readonly string[] = [
  ...REGIONAL_PARAM_NAMES.filter((p) => !['solarRoofTWh', 'solarFieldTWh', 'windTWh', 'solarSmallRoofTWh', 'gridFeedinMW', 'gridOfftakeMW'].includes(p)).map((p) => `defaults.${p}`),
  ...NATIONAL_PARAM_NAMES.map((p) => `national.${p}`),
];
