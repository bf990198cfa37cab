/**
 * Dutch labels and units of model outputs and parameter paths, for the sweep builder, scatter
 * axes and tables. Identifiers stay English (MODEL.md names); users read these labels.
 */
import type { OutputName } from '../../engine/model/outputs.ts';
import {
  NATIONAL_PARAM_NAMES,
  REGIONAL_PARAM_NAMES,
  REGIONAL_PARAMS_FROM_DATA,
} from '../../engine/scenario/parameters.ts';
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
  lvCapacityKWPerHome: ['Laagspanningscapaciteit per woning', 'kW'],
  lvPeakKWPerHome: ['Laagspanningspiek per woning (transitiewijk)', 'kW'],
  lvTransitionHomesShare: ['Aandeel woningen in transitiewijken', 'fractie'],
  lvOverloadedHomesShare: ['Aandeel woningen op overbelaste laagspanningsnetten', 'fractie'],
  lvReinforceMW: ['Verzwaring laagspanning', 'MW'],
  lvCapexEUR: ['Investering laagspanning', '€'],
  financeTariffEURPerConnection: ['Tarief bij financiering via tarieven', '€/aansluiting/jaar'],
  financeEquityTariffEURPerConnection: ['Tarief bij staatsdeelneming', '€/aansluiting/jaar'],
  financeEquityStateEUR: ['Kapitaal staatsdeelneming', '€'],
  financeSubsidyStateEURPerYear: ['Subsidie uit energiebelasting', '€/jaar'],
  financeSubsidyEBShare: ['Aandeel EB-opbrengst voor subsidie', 'fractie'],
  uitvoeringWarmteEUR: ['Uitvoeringskosten warmte (Gebouwde omgeving)', '€'],
  uitvoeringRESEUR: ['Uitvoeringskosten RES (Elektriciteit)', '€'],
  housingNeedHomes: ['Woningbouwopgave', 'woningen'],
  housingHa: ['Ruimte woningbouw', 'ha'],
  landClaimHa: ['Ruimteclaim zon, wind en wonen', 'ha'],
  landClaimShareOfArable: ['Ruimtedruk (aandeel landbouwgrond)', 'fractie'],
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

/** Region names by id, for labels of `regions.<id>.<param>` paths (set by the store when regions load). */
const regionNames = new Map<string, string>();

export function setRegionNames(regions: ReadonlyArray<{ id: string; name: string }>): void {
  regionNames.clear();
  for (const r of regions) regionNames.set(r.id, r.name);
}

/** A region's name, or its id while the names are not loaded. */
export function regionName(id: string): string {
  return regionNames.get(id) ?? id;
}

/** Label of a regional parameter name ("solarShare" → "Zon-aandeel in RES"). */
export function regionalParamLabel(param: string): string {
  return REGION_LEVERS.find((l) => l.key === `r.${param}`)?.label ?? param;
}

/** "defaults.solarShare" → "Zon-aandeel in RES — alle regio's"; "regions.ES01.solarShare" → "Zon-aandeel in RES — Groningen". */
export function pathLabel(path: string): string {
  const [layer, a, b] = path.split('.');
  if (layer === 'national')
    return `${NATIONAL_PARAM_LABELS[a] ?? LEVERS.find((l) => l.kind.type === 'national' && l.kind.param === a)?.label ?? a} — landelijk`;
  const param = layer === 'regions' ? b : a;
  const where = layer === 'regions' ? regionName(a) : 'alle regio’s';
  return `${regionalParamLabel(param)} — ${where}`;
}

/**
 * Regional parameters that only make sense for one region, not as a default for all: the region totals
 * (TWh, MW) that come from region data.
 */
const PER_REGION_ONLY: readonly string[] = REGIONAL_PARAMS_FROM_DATA.filter((p) => /(TWh|MW)$/.test(p));

/** Every parameter path a sweep axis can take for all regions at once (regional defaults first: they are the levers people sweep). */
export const SWEEP_PATHS: readonly string[] = [
  ...REGIONAL_PARAM_NAMES.filter((p) => !PER_REGION_ONLY.includes(p)).map((p) => `defaults.${p}`),
  ...NATIONAL_PARAM_NAMES.map((p) => `national.${p}`),
];

/** The regional parameters a sweep axis can vary in one region (`regions.<id>.<param>`): all of them. */
export const REGION_SWEEP_PARAMS: readonly string[] = [...REGIONAL_PARAM_NAMES];
