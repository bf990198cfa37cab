/**
 * The levers of the Scenario view. A lever is a user-facing control bound to one or more model
 * parameters. Most map 1:1 (`national.*`, `defaults.*`); a few are national totals that the UI
 * spreads over the 30 regions (EVs, storage, industry) because "1,9 mln EV's in NL" is what
 * people reason with, not "60.000 per regio"; two translate a national TWh or roof share into
 * `resScale` and per-region roof/field TWh. All translation lives in scenario-edit.ts.
 */
import type { NationalParamName, RegionalParamName } from '../../engine/scenario/parameters.ts';
import type { TableId } from './tables.ts';
import { NATIONAL_PARAM_LABELS, REGIONAL_PARAM_LABELS } from '../../engine/labels/index.ts';

export type LeverKind =
  | { type: 'national'; param: NationalParamName }
  | { type: 'default'; param: RegionalParamName }
  | { type: 'total'; param: RegionalParamName; by: 'homes' | 'res' | 'demand' }
  | { type: 'resTWh' }
  | { type: 'roofShare' }
  | { type: 'solarShare' };

export interface Lever {
  key: string;
  table: TableId;
  label: string;
  unit: string;
  kind: LeverKind;
  min: number;
  max: number;
  step: number;
  /** Display value = model value × scale (shares in %, €/MW shown as €/kW). */
  scale: number;
  digits: number;
  help?: string;
}

const L = (l: Omit<Lever, 'scale' | 'digits'> & { scale?: number; digits?: number }): Lever => ({
  scale: 1,
  digits: 0,
  ...l,
});

/**
 * A lever on a national parameter whose label, display unit, conversion and one-line explanation come
 * from the label table (engine/labels), so the lever reads the same as the sweep axis and the
 * assumptions page; `extra` adds what the figure means in this model.
 */
function fromLabelTable(
  param: NationalParamName,
  table: TableId,
  range: { min: number; max: number; step: number },
  extra?: string,
): Lever {
  const q = NATIONAL_PARAM_LABELS[param];
  return {
    key: param,
    table,
    label: q.label,
    unit: q.display.unit,
    kind: { type: 'national', param },
    ...range,
    scale: q.display.scale,
    digits: q.display.digits,
    help: extra ? `${q.help} ${extra}` : q.help,
  };
}

/** National levers of the Scenario view, in the order of the tables. */
export const LEVERS: readonly Lever[] = [
  L({
    key: 'resTWh',
    table: 'elektriciteit',
    label: 'RES-productie wind + zon op land',
    unit: 'TWh/jaar',
    kind: { type: 'resTWh' },
    min: 0,
    max: 90,
    step: 0.5,
    digits: 1,
    help: 'Schaalt de 2030-productie van alle regio’s. Standaard: RES 1.0 indicatief.',
  }),
  L({
    key: 'solarShare',
    table: 'elektriciteit',
    label: 'Zon-aandeel in RES',
    unit: '%',
    kind: { type: 'solarShare' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
    help: 'Verdeelt de RES-productie van elke regio opnieuw over zon en wind. Reset: de eigen mix van elke regio.',
  }),
  L({
    key: 'roofShare',
    table: 'elektriciteit',
    label: 'Zon op dak (vs. veld)',
    unit: '%',
    kind: { type: 'roofShare' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
    help: 'Aandeel grote daken in de zonne-energie; de rest is zonneveld.',
  }),
  L({
    key: 'fieldSolarClip',
    table: 'elektriciteit',
    label: 'Netbewust aansluiten zonneveld (κ)',
    unit: '% van piek',
    kind: { type: 'default', param: 'fieldSolarClip' },
    min: 30,
    max: 100,
    step: 1,
    scale: 100,
    help: 'Zonnevelden krijgen een aansluiting van κ × piekvermogen; de rest wordt afgekapt.',
  }),
  L({
    key: 'storageMW',
    table: 'elektriciteit',
    label: 'Netbatterijen, vermogen (NL)',
    unit: 'MW',
    kind: { type: 'total', param: 'storageMW', by: 'res' },
    min: 0,
    max: 10000,
    step: 100,
    help: 'Landelijk totaal, verdeeld naar RES-productie per regio.',
  }),
  L({
    key: 'storageMWh',
    table: 'elektriciteit',
    label: 'Netbatterijen, inhoud (NL)',
    unit: 'MWh',
    kind: { type: 'total', param: 'storageMWh', by: 'res' },
    min: 0,
    max: 40000,
    step: 250,
  }),
  fromLabelTable(
    'uitvoeringRESEURPerTWh',
    'elektriciteit',
    { min: 0, max: 200, step: 1 },
    'ROB 2024: ca. 50 mln € per TWh.',
  ),
  L({
    key: 'shareAllElectric',
    table: 'gebouwd',
    label: 'All-electric (warmtepomp + na-isolatie)',
    unit: '% woningen',
    kind: { type: 'default', param: 'shareAllElectric' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
  }),
  L({
    key: 'shareHybrid',
    table: 'gebouwd',
    label: 'Hybride warmtepomp',
    unit: '% woningen',
    kind: { type: 'default', param: 'shareHybrid' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
  }),
  L({
    key: 'shareHeatNet',
    table: 'gebouwd',
    label: 'Warmtenet',
    unit: '% woningen',
    kind: { type: 'default', param: 'shareHeatNet' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
  }),
  L({
    key: 'shareInsulationOnly',
    table: 'gebouwd',
    label: 'Alleen isolatie',
    unit: '% woningen',
    kind: { type: 'default', param: 'shareInsulationOnly' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
    help: 'De overige woningen houden een cv-ketel op gas. De vier aandelen samen ≤ 100%.',
  }),
  L({
    key: 'wijkClustering',
    table: 'gebouwd',
    label: REGIONAL_PARAM_LABELS.wijkClustering.label,
    unit: '%',
    kind: { type: 'default', param: 'wijkClustering' },
    min: 0,
    max: 100,
    step: 5,
    scale: 100,
    help: `${REGIONAL_PARAM_LABELS.wijkClustering.help} Bepaalt de verzwaring van het laagspanningsnet.`,
  }),
  fromLabelTable(
    'uitvoeringWarmteEURPerHome',
    'gebouwd',
    { min: 0, max: 10000, step: 50 },
    'ROB 2024: ca. 2.150 € per woning.',
  ),
  fromLabelTable(
    'housingGrowthShare',
    'gebouwd',
    { min: 0, max: 30, step: 1 },
    'Geldt waar de regiogegevens geen eigen opgave hebben.',
  ),
  fromLabelTable('homesPerHa', 'gebouwd', { min: 5, max: 100, step: 1 }, 'Bepaalt hoeveel grond de woningbouw vraagt.'),
  L({
    key: 'evCount',
    table: 'mobiliteit',
    label: 'Elektrische auto’s (NL)',
    unit: 'auto’s',
    kind: { type: 'total', param: 'evCount', by: 'homes' },
    min: 0,
    max: 9000000,
    step: 50000,
    help: 'Landelijk totaal, verdeeld naar aantal woningen per regio.',
  }),
  L({
    key: 'evSmartShare',
    table: 'mobiliteit',
    label: 'Slim laden',
    unit: '% auto’s',
    kind: { type: 'default', param: 'evSmartShare' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
  }),
  L({
    key: 'evKWhPerYear',
    table: 'mobiliteit',
    label: 'Verbruik per auto',
    unit: 'kWh/jaar',
    kind: { type: 'national', param: 'evKWhPerYear' },
    min: 1000,
    max: 5000,
    step: 100,
  }),
  L({
    key: 'industryAddMW',
    table: 'industrie',
    label: 'Extra industriële vraag (NL)',
    unit: 'MW',
    kind: { type: 'total', param: 'industryAddMW', by: 'demand' },
    min: 0,
    max: 6000,
    step: 50,
    help: 'Constante extra afname (elektrificatie), verdeeld naar de huidige elektriciteitsvraag per regio.',
  }),
  L({
    key: 'ebReinvestShare',
    table: 'financiering',
    label: 'EB-herinvestering in net en warmte',
    unit: '% EB-opbrengst',
    kind: { type: 'national', param: 'ebReinvestShare' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
    help: 'Deel van de EB-opbrengst dat naar het net en de warmtetransitie gaat; verlaagt het eigen nettarief van het scenario.',
  }),
  L({
    key: 'waccGrid',
    table: 'financiering',
    label: 'WACC netbeheer',
    unit: '%',
    kind: { type: 'national', param: 'waccGrid' },
    min: 0,
    max: 10,
    step: 0.1,
    scale: 100,
    digits: 1,
    help: 'Vermogenskosten van de netbeheerder: de tariefroute financiert alles hiertegen.',
  }),
  fromLabelTable('equityShare', 'financiering', { min: 0, max: 100, step: 1 }),
  fromLabelTable(
    'waccState',
    'financiering',
    { min: 0, max: 10, step: 0.1 },
    'Alleen onder de WACC netbeheer wordt het tarief lager; gelijk eraan is het de tariefroute.',
  ),
  fromLabelTable(
    'ebRevenueEURPerYear',
    'financiering',
    { min: 0, max: 20, step: 0.1 },
    'Ook de noemer van het aandeel dat de subsidieroute vraagt.',
  ),
  L({
    key: 'costFeedinEURPerMW',
    table: 'financiering',
    label: 'Kosten netverzwaring invoeding',
    unit: '€/kW',
    kind: { type: 'national', param: 'costFeedinEURPerMW' },
    min: 0,
    max: 2000,
    step: 10,
    scale: 0.001,
  }),
  L({
    key: 'costOfftakeEURPerMW',
    table: 'financiering',
    label: 'Kosten netverzwaring afname',
    unit: '€/kW',
    kind: { type: 'national', param: 'costOfftakeEURPerMW' },
    min: 0,
    max: 4000,
    step: 10,
    scale: 0.001,
  }),
  L({
    key: 'costStorageEURPerMWh',
    table: 'financiering',
    label: 'Kosten batterij-inhoud',
    unit: '€/kWh',
    kind: { type: 'national', param: 'costStorageEURPerMWh' },
    min: 0,
    max: 500,
    step: 5,
    scale: 0.001,
  }),
];

/**
 * The regional copy of a national lever that sets a `defaults.*` parameter: the same control
 * (label, unit, range, explanation), applied to one region.
 */
function forRegion(key: string): Lever {
  const lever = LEVERS.find((l) => l.key === key);
  if (lever?.kind.type !== 'default') throw new Error(`no national lever '${key}' on a regional default`);
  return { ...lever, key: `r.${key}` };
}

/** Regional parameters a user can override for one region, with display units. */
export const REGION_LEVERS: readonly Lever[] = [
  L({
    key: 'r.resScale',
    table: 'elektriciteit',
    label: 'Schaal RES-productie',
    unit: '× bod',
    kind: { type: 'default', param: 'resScale' },
    min: 0,
    max: 3,
    step: 0.05,
    digits: 2,
  }),
  L({
    key: 'r.solarShare',
    table: 'elektriciteit',
    label: 'Zon-aandeel in RES',
    unit: '%',
    kind: { type: 'default', param: 'solarShare' },
    min: 0,
    max: 100,
    step: 1,
    scale: 100,
  }),
  L({
    key: 'r.solarRoofTWh',
    table: 'elektriciteit',
    label: 'Zon op grote daken',
    unit: 'TWh/jaar',
    kind: { type: 'default', param: 'solarRoofTWh' },
    min: 0,
    max: 10,
    step: 0.05,
    digits: 2,
  }),
  L({
    key: 'r.solarFieldTWh',
    table: 'elektriciteit',
    label: 'Zonnevelden',
    unit: 'TWh/jaar',
    kind: { type: 'default', param: 'solarFieldTWh' },
    min: 0,
    max: 10,
    step: 0.05,
    digits: 2,
  }),
  L({
    key: 'r.windTWh',
    table: 'elektriciteit',
    label: 'Wind op land',
    unit: 'TWh/jaar',
    kind: { type: 'default', param: 'windTWh' },
    min: 0,
    max: 10,
    step: 0.05,
    digits: 2,
  }),
  forRegion('fieldSolarClip'),
  L({
    key: 'r.storageMW',
    table: 'elektriciteit',
    label: 'Netbatterij, vermogen',
    unit: 'MW',
    kind: { type: 'default', param: 'storageMW' },
    min: 0,
    max: 2000,
    step: 10,
  }),
  L({
    key: 'r.storageMWh',
    table: 'elektriciteit',
    label: 'Netbatterij, inhoud',
    unit: 'MWh',
    kind: { type: 'default', param: 'storageMWh' },
    min: 0,
    max: 8000,
    step: 50,
  }),
  L({
    key: 'r.gridFeedinMW',
    table: 'elektriciteit',
    label: 'Netcapaciteit invoeding',
    unit: 'MW',
    kind: { type: 'default', param: 'gridFeedinMW' },
    min: 0,
    max: 10000,
    step: 50,
  }),
  L({
    key: 'r.gridOfftakeMW',
    table: 'elektriciteit',
    label: 'Netcapaciteit afname',
    unit: 'MW',
    kind: { type: 'default', param: 'gridOfftakeMW' },
    min: 0,
    max: 10000,
    step: 50,
  }),
  forRegion('shareAllElectric'),
  forRegion('shareHybrid'),
  forRegion('shareHeatNet'),
  forRegion('shareInsulationOnly'),
  forRegion('wijkClustering'),
  L({
    key: 'r.evCount',
    table: 'mobiliteit',
    label: 'Elektrische auto’s',
    unit: 'auto’s',
    kind: { type: 'default', param: 'evCount' },
    min: 0,
    max: 1000000,
    step: 5000,
  }),
  forRegion('evSmartShare'),
  L({
    key: 'r.industryAddMW',
    table: 'industrie',
    label: 'Extra industriële vraag',
    unit: 'MW',
    kind: { type: 'default', param: 'industryAddMW' },
    min: 0,
    max: 1000,
    step: 10,
  }),
];
