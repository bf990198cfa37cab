/**
 * The one table of every scenario parameter and model output as users read it: a Dutch label, the
 * model's unit, the display unit with its conversion, a one-line Dutch explanation and, for
 * parameters, where the default comes from. The UI, the CLI summary and the sweep builder all read
 * it; identifiers stay English (they are the model's names) and never reach a user.
 */
import type { OutputName } from '../model/outputs.ts';
import type { NationalParamName, RegionalParamName } from '../scenario/parameters.ts';

/** How a value is shown: display value = model value × `scale`, with `digits` decimals. */
export interface DisplayUnit {
  unit: string;
  scale: number;
  digits: number;
}

/** A parameter or output as a user reads it. */
export interface QuantityLabel {
  /** Dutch label, without unit. */
  label: string;
  /** The unit the model computes in (the identifier's unit). */
  unit: string;
  display: DisplayUnit;
  /** One line of Dutch explaining what the figure is. */
  help: string;
}

/** A scenario parameter: a quantity with the source of its default. */
export interface ParameterLabel extends QuantityLabel {
  /** Where the default comes from (Dutch; names the publication or says "aanname"). */
  source: string;
  /** Why the default is out of date, when it is (shown on the "Aannames & bronnen" page). */
  dated?: string;
}

/** A regional parameter; `regionalDefault` is its value when no layer sets it (`regiodata`: the region's own data). */
export interface RegionalParameterLabel extends ParameterLabel {
  regionalDefault: number | 'regiodata' | null;
}

const d = (unit: string, scale = 1, digits = 0): DisplayUnit => ({ unit, scale, digits });
const same = (unit: string, digits = 0) => d(unit, 1, digits);
const percent = (digits = 0, unit = '%') => d(unit, 100, digits);
const perKW = d('€/kW', 0.001, 0);
const millionEUR = d('mln €', 1e-6, 0);
const millionEURPerYear = d('mln €/jaar', 1e-6, 1);

const ETM_NETWORK = 'Energietransitiemodel (Quintel, etsource, MIT): netwerkstappen per spanningsniveau';
const ASSUMPTION = 'Aanname van het model';
const TAX_2020 = 'Belastingdienst, tarieven 2020 (eerste schijf, excl. btw)';
const DATED_TAX =
  'Tarief van 2020. Sinds 2023 is de ODE opgegaan in de energiebelasting; zie "Actuele tarieven" voor de tarieven van 2023.';
const DATED_ODE =
  'De ODE bestaat sinds 2023 niet meer (opgegaan in de energiebelasting). Met de actuele tarieven is deze heffing 0.';
const DATED_PRICE = 'Prijs uit de KEV 2019 (Klimaat- en Energieverkenning), van vóór de energiecrisis van 2022.';

/** National parameters (`national.*`), in the engine's order. */
export const NATIONAL_PARAM_LABELS: Readonly<Record<NationalParamName, ParameterLabel>> = {
  heatPerHomeGJ: {
    label: 'Warmtevraag per woning',
    unit: 'GJ/jaar',
    display: same('GJ/jaar'),
    help: 'Ruimteverwarming en warm tapwater van een gemiddelde woning vóór isolatie.',
    source: 'Aanname van het model (gemiddelde Nederlandse woning)',
  },
  dhwShare: {
    label: 'Aandeel warm tapwater',
    unit: 'fractie',
    display: percent(0, '% van de warmtevraag'),
    help: 'Deel van de warmtevraag voor warm water, gelijk verdeeld over het jaar.',
    source: ASSUMPTION,
  },
  heatBaseTempC: {
    label: 'Stookgrens',
    unit: '°C',
    display: same('°C', 1),
    help: 'Buitentemperatuur waaronder woningen stoken (graaduren onder deze grens).',
    source: ASSUMPTION,
  },
  insulationSaving: {
    label: 'Besparing door isolatie',
    unit: 'fractie',
    display: percent(),
    help: 'Hoeveel minder warmte een geïsoleerde woning vraagt.',
    source: ASSUMPTION,
  },
  deepInsulationSaving: {
    label: 'Besparing door na-isolatie (all-electric)',
    unit: 'fractie',
    display: percent(),
    help: 'Hoeveel minder warmte een na-geïsoleerde all-electric woning vraagt.',
    source: ASSUMPTION,
  },
  hybridThermalKW: {
    label: 'Warmtevermogen hybride warmtepomp',
    unit: 'kW',
    display: same('kW', 1),
    help: 'Tot dit vermogen levert de hybride warmtepomp de warmte; de cv-ketel doet de rest.',
    source: 'Aanname (gangbare hybride warmtepomp)',
  },
  boilerEfficiency: {
    label: 'Rendement cv-ketel',
    unit: 'fractie',
    display: percent(),
    help: 'Deel van de energie in het gas dat als warmte in de woning komt (HR-ketel).',
    source: 'HR-ketel, aanname',
  },
  gasKWhPerM3: {
    label: 'Energie-inhoud aardgas',
    unit: 'kWh/m³',
    display: same('kWh/m³', 3),
    help: 'Onderwaarde van Gronings aardgas per kubieke meter.',
    source: 'Gronings aardgas, onderwaarde',
  },
  copA: {
    label: 'COP warmtepomp bij 0 °C',
    unit: '–',
    display: same('', 2),
    help: 'Rendement (COP) van een luchtwarmtepomp bij 0 °C buiten; de COP stijgt met de temperatuur.',
    source: 'Energietransitiemodel-documentatie (warmtepompen)',
  },
  copB: {
    label: 'Stijging COP per graad',
    unit: '1/°C',
    display: same('per °C', 4),
    help: 'Hoeveel de COP stijgt per graad warmer buiten.',
    source: 'Energietransitiemodel-documentatie (warmtepompen)',
  },
  copMin: {
    label: 'Laagste COP warmtepomp',
    unit: '–',
    display: same('', 2),
    help: 'Ondergrens van de COP bij strenge vorst.',
    source: 'Energietransitiemodel-documentatie (warmtepompen)',
  },
  copMax: {
    label: 'Hoogste COP warmtepomp',
    unit: '–',
    display: same('', 2),
    help: 'Bovengrens van de COP bij zacht weer.',
    source: 'Energietransitiemodel-documentatie (warmtepompen)',
  },
  evKWhPerYear: {
    label: 'Verbruik per elektrische auto',
    unit: 'kWh/jaar',
    display: same('kWh/jaar'),
    help: 'Laadvraag van één elektrische auto per jaar.',
    source: ASSUMPTION,
  },
  storageRoundTrip: {
    label: 'Rendement netbatterij',
    unit: 'fractie',
    display: percent(),
    help: 'Deel van de opgeslagen stroom dat terugkomt (laden en ontladen samen).',
    source: 'Aanname (lithium-ion)',
  },
  costFeedinEURPerMW: {
    label: 'Kosten netverzwaring invoeding',
    unit: '€/MW',
    display: perKW,
    help: 'Investering per kW extra capaciteit voor teruglevering (hoogspanning en transformatie).',
    source: `${ETM_NETWORK}: hoogspanning 364 + MS/HS-station 250 €/kW`,
  },
  costOfftakeEURPerMW: {
    label: 'Kosten netverzwaring afname (regionaal)',
    unit: '€/MW',
    display: perKW,
    help: 'Investering per kW extra regionale afnamecapaciteit (middenspanning en transformatie).',
    source: `${ETM_NETWORK}: middenspanning 690 + MS/HS-station 250 €/kW`,
  },
  costConnSolarEURPerMW: {
    label: 'Aansluitkosten zonneveld',
    unit: '€/MW',
    display: perKW,
    help: 'Kosten van de netaansluiting van een nieuw zonneveld, per kW aansluitvermogen.',
    source: 'Aanname (parkaansluiting)',
  },
  costConnWindEURPerMW: {
    label: 'Aansluitkosten windpark',
    unit: '€/MW',
    display: perKW,
    help: 'Kosten van de netaansluiting van een nieuw windpark, per kW.',
    source: 'Aanname (parkaansluiting)',
  },
  costStorageEURPerMW: {
    label: 'Kosten batterijvermogen',
    unit: '€/MW',
    display: perKW,
    help: 'Investering in omvormers van een netbatterij, per kW vermogen.',
    source: 'PyPSA technology-data, kosten 2030',
  },
  costStorageEURPerMWh: {
    label: 'Kosten batterij-inhoud',
    unit: '€/MWh',
    display: d('€/kWh', 0.001, 0),
    help: 'Investering in batterijcellen, per kWh opslag.',
    source: 'PyPSA technology-data, kosten 2030',
  },
  waccGrid: {
    label: 'Vermogenskosten netbeheer (WACC)',
    unit: 'fractie per jaar',
    display: percent(1, '%/jaar'),
    help: 'Rente waartegen netbeheerders investeringen financieren (reëel).',
    source: 'Energietransitiemodel (publieke infrastructuur)',
  },
  gridLifeYears: {
    label: 'Afschrijvingstermijn net',
    unit: 'jaar',
    display: same('jaar'),
    help: 'Over zoveel jaar wordt een netinvestering terugbetaald.',
    source: 'Energietransitiemodel (netwerken)',
  },
  storageLifeYears: {
    label: 'Levensduur netbatterij',
    unit: 'jaar',
    display: same('jaar'),
    help: 'Over zoveel jaar wordt een batterij terugbetaald.',
    source: ASSUMPTION,
  },
  ebRevenueEURPerYear: {
    label: 'Opbrengst energiebelasting',
    unit: '€/jaar',
    display: d('mld €/jaar', 1e-9, 3),
    help: 'Jaarlijkse opbrengst van de energiebelasting; een deel ervan kan naar net en warmte.',
    source: 'CBS, energiebelasting inclusief ODE, 2020',
    dated: 'Opbrengst van 2020 (inclusief ODE). CBS geeft voor 2021 voorlopig 6,962 mld €.',
  },
  ebReinvestShare: {
    label: 'EB-herinvestering in net en warmte',
    unit: 'fractie',
    display: percent(0, '% van de EB-opbrengst'),
    help: 'Deel van de energiebelasting dat eerst de netkosten en daarna overstappende woningen betaalt.',
    source: 'Beleidskeuze; 0 = zoals nu',
  },
  ebElecEURPerKWh: {
    label: 'Energiebelasting elektriciteit',
    unit: '€/kWh',
    display: same('€/kWh', 4),
    help: 'Energiebelasting per kWh voor kleinverbruikers.',
    source: TAX_2020,
    dated: DATED_TAX,
  },
  ebGasEURPerM3: {
    label: 'Energiebelasting aardgas',
    unit: '€/m³',
    display: same('€/m³', 4),
    help: 'Energiebelasting per m³ gas voor kleinverbruikers.',
    source: TAX_2020,
    dated: DATED_TAX,
  },
  odeElecEURPerKWh: {
    label: 'ODE-heffing elektriciteit',
    unit: '€/kWh',
    display: same('€/kWh', 4),
    help: 'Opslag Duurzame Energie per kWh (telt mee in de energierekening).',
    source: 'Belastingdienst, tarief 2020',
    dated: DATED_ODE,
  },
  odeGasEURPerM3: {
    label: 'ODE-heffing aardgas',
    unit: '€/m³',
    display: same('€/m³', 4),
    help: 'Opslag Duurzame Energie per m³ gas (telt mee in de energierekening).',
    source: 'Belastingdienst, tarief 2020',
    dated: DATED_ODE,
  },
  elecPriceEURPerKWh: {
    label: 'Stroomprijs zonder belastingen',
    unit: '€/kWh',
    display: same('€/kWh', 3),
    help: 'Leveringsprijs van stroom voor huishoudens, zonder belastingen.',
    source: 'Vesta MAIS, prijsbestanden KEV 2019, min belastingen',
    dated: DATED_PRICE,
  },
  gasPriceEURPerM3: {
    label: 'Gasprijs zonder belastingen',
    unit: '€/m³',
    display: same('€/m³', 3),
    help: 'Leveringsprijs van gas voor huishoudens, zonder belastingen.',
    source: 'Vesta MAIS, prijsbestanden KEV 2019, min belastingen',
    dated: DATED_PRICE,
  },
  capexInsulationEUR: {
    label: 'Investering isolatie',
    unit: '€/woning',
    display: same('€/woning'),
    help: 'Kosten van isolatie van een woning (tussenwoning, laag naar midden).',
    source: 'Energietransitiemodel-documentatie, isolatiekosten',
  },
  capexHybridEUR: {
    label: 'Investering hybride warmtepomp',
    unit: '€/woning',
    display: same('€/woning'),
    help: 'Kosten van een hybride warmtepomp, bovenop de isolatie.',
    source: 'Energietransitiemodel (kosten hybride warmtepomp)',
  },
  capexAllElectricEUR: {
    label: 'Investering all-electric',
    unit: '€/woning',
    display: same('€/woning'),
    help: 'Kosten van warmtepomp en na-isolatie van een all-electric woning.',
    source: 'Energietransitiemodel-documentatie',
  },
  capexHeatNetEUR: {
    label: 'Investering aansluiting warmtenet',
    unit: '€/woning',
    display: same('€/woning'),
    help: 'Kosten van de aansluiting van een woning op een warmtenet, bovenop de isolatie.',
    source: 'Energietransitiemodel-documentatie, kosten warmte-infrastructuur',
  },
  consumerRate: {
    label: 'Rentevoet woningeigenaren',
    unit: 'fractie per jaar',
    display: percent(1, '%/jaar'),
    help: 'Rente waarmee woningeigenaren hun investering over de looptijd terugbetalen.',
    source: 'Vesta MAIS (disconteringsvoet woningeigenaren)',
  },
  homeMeasureLifeYears: {
    label: 'Looptijd woningmaatregelen',
    unit: 'jaar',
    display: same('jaar'),
    help: 'Over zoveel jaar betaalt een woningeigenaar de investering terug.',
    source: 'Vesta MAIS',
  },
  co2GasTPerM3: {
    label: 'CO₂-uitstoot aardgas',
    unit: 't/m³',
    display: d('kg/m³', 1000, 3),
    help: 'CO₂ per verbrande kubieke meter aardgas.',
    source: ASSUMPTION,
  },
  co2ElecTPerMWh: {
    label: 'CO₂-uitstoot elektriciteit',
    unit: 't/MWh',
    display: d('kg/kWh', 1, 2),
    help: 'CO₂ per kWh stroom die warmtepompen extra gebruiken.',
    source: ASSUMPTION,
  },
  co2HeatNetTPerGJ: {
    label: 'CO₂-uitstoot warmtenet',
    unit: 't/GJ',
    display: d('kg/GJ', 1000, 0),
    help: 'CO₂ per GJ geleverde warmte van een warmtenet.',
    source: ASSUMPTION,
  },
  fieldSolarMWpPerHa: {
    label: 'Vermogen zonneveld per hectare',
    unit: 'MWp/ha',
    display: same('MWp/ha', 2),
    help: 'Piekvermogen van een zonneveld per hectare grond.',
    source: 'Aanname (Energietransitiemodel: 1 ha per MWp)',
  },
  turbineMW: {
    label: 'Vermogen per windturbine',
    unit: 'MW',
    display: same('MW', 1),
    help: 'Vermogen van één windturbine op land.',
    source: ASSUMPTION,
  },
  haPerTurbine: {
    label: 'Grondbeslag per windturbine',
    unit: 'ha',
    display: same('ha', 2),
    help: 'Grond die een windturbine zelf inneemt (zonder afstandszones).',
    source: ASSUMPTION,
  },
  targetTWh: {
    label: 'RES-doel 2030',
    unit: 'TWh/jaar',
    display: same('TWh/jaar'),
    help: 'Hernieuwbare stroom op land die de RES-regio’s samen in 2030 moeten opwekken.',
    source: 'Klimaatakkoord: 35 TWh hernieuwbaar op land in 2030',
  },
  waccState: {
    label: 'Rendement staat op deelneming',
    unit: 'fractie per jaar',
    display: percent(1, '%/jaar'),
    help: 'Rente die de staat vraagt over het kapitaal dat hij in netbeheerders steekt (reëel).',
    source: 'Aanname: leenrente van de staat',
  },
  equityShare: {
    label: 'Aandeel staatsdeelneming',
    unit: 'fractie',
    display: percent(0, '% van het kapitaal'),
    help: 'Deel van de netinvestering dat de staat als eigen vermogen inbrengt.',
    source:
      'Aanname; ter vergelijking: 500 mln € voor 11,9% van Stedin (2023), IBO Bekostiging elektriciteitsinfrastructuur (2025)',
  },
  uitvoeringWarmteEURPerHome: {
    label: 'Uitvoeringskosten per overstappende woning',
    unit: '€/woning',
    display: same('€/woning'),
    help: 'Kosten van gemeenten (wijkaanpak) per woning die overstapt, tot 2030.',
    source: 'ROB, "Van Parijs naar praktijk" (2021, AEF 2020); eigen rekenwerk',
  },
  uitvoeringRESEURPerTWh: {
    label: 'Uitvoeringskosten per TWh nieuwe RES',
    unit: '€/TWh',
    display: d('mln €/TWh', 1e-6, 0),
    help: 'Kosten van gemeenten en provincies (vergunningen, participatie) per TWh nieuwe opwek.',
    source: 'ROB, "Van Parijs naar praktijk" (2021, AEF 2020); eigen rekenwerk',
  },
  homesPerHa: {
    label: 'Woningen per hectare',
    unit: 'woningen/ha',
    display: same('woningen/ha'),
    help: 'Dichtheid van nieuwe uitbreidingswijken.',
    source: 'Aanname (25–35 woningen per ha in uitbreidingswijken; zwakke bron)',
  },
  housingGrowthShare: {
    label: 'Woningbouwopgave als aandeel van de voorraad',
    unit: 'fractie',
    display: percent(0, '% van de woningen'),
    help: 'Nieuwe woningen tot 2030 als deel van het aantal woningen nu.',
    source: 'Nationale Woon- en Bouwagenda (2022): 900.000 woningen tot 2030',
  },
  lvHomesPerGroup: {
    label: 'Woningen per laagspanningsgroep',
    unit: 'woningen',
    display: same('woningen'),
    help: 'Aantal woningen achter één distributietransformator.',
    source: 'Liander: een transformator voedt 150–200 woningen',
  },
  lvZ: {
    label: 'Veiligheidsfactor gelijktijdigheid',
    unit: '–',
    display: same('', 2),
    help: 'Hoeveel standaardafwijkingen boven het gemiddelde de piek van een groep woningen ligt.',
    source: 'Aanname: 95% eenzijdig',
  },
  lvSigmaHomeKW: {
    label: 'Spreiding piek huishouden',
    unit: 'kW',
    display: same('kW', 1),
    help: 'Standaardafwijking van de stroomvraag van één huishouden op het piekuur.',
    source: 'Kalibratie-aanname (laagspanningscapaciteit nu ≈ 1,2 kW per woning)',
  },
  lvSigmaAllElectricKW: {
    label: 'Spreiding piek all-electric warmtepomp',
    unit: 'kW',
    display: same('kW', 1),
    help: 'Standaardafwijking van de vraag van één all-electric warmtepomp op het piekuur.',
    source: 'Kalibratie-aanname',
  },
  lvSigmaHybridKW: {
    label: 'Spreiding piek hybride warmtepomp',
    unit: 'kW',
    display: same('kW', 1),
    help: 'Standaardafwijking van de vraag van één hybride warmtepomp op het piekuur.',
    source: 'Kalibratie-aanname',
  },
  lvSigmaEvKW: {
    label: 'Spreiding piek elektrische auto',
    unit: 'kW',
    display: same('kW', 1),
    help: 'Standaardafwijking van de laadvraag van één elektrische auto op het piekuur.',
    source: 'Kalibratie-aanname',
  },
  lvSpareShare: {
    label: 'Reservecapaciteit laagspanningsnet',
    unit: 'fractie',
    display: percent(),
    help: 'Deel van de capaciteit van een straat dat netbeheerders vrij houden.',
    source: 'Energietransitiemodel: capaciteit = piek / (1 − 0,25)',
  },
  costLvEURPerMW: {
    label: 'Kosten verzwaring laagspanning',
    unit: '€/MW',
    display: perKW,
    help: 'Investering per kW extra capaciteit in straatkabels en wijkstations.',
    source: `${ETM_NETWORK}: laagspanning 916 + MS/LS-station 200 €/kW`,
  },
  costHomeConnUpgradeEUR: {
    label: 'Verzwaren huisaansluiting',
    unit: '€/woning',
    display: same('€/woning'),
    help: 'Kosten van een 3×25 A-aansluiting voor een all-electric woning.',
    source: 'Vesta MAIS, notitie E- en G-infrastructuur (2019)',
  },
};

/** The weather-year parameter (`national.weatherYear`). */
export const WEATHER_YEAR_LABEL: ParameterLabel = {
  label: 'Weerjaar',
  unit: 'jaar',
  display: same(''),
  help: 'Het jaar waarvan zon, wind en temperatuur worden gebruikt; leeg is het referentiejaar van de dataset.',
  source: 'Energietransitiemodel, weerjaren 1987, 1997, 2004, 2015, 2019 en 2023 (KNMI)',
};

const REGION_DATA_RES = 'Regiodata: RES 1.0 indicatief (zie Gegevens); regio’s zelf kunnen dit vervangen';

/** Regional parameters (`defaults.*`, `regions.<id>.*`), in the engine's order. */
export const REGIONAL_PARAM_LABELS: Readonly<Record<RegionalParamName, RegionalParameterLabel>> = {
  solarRoofTWh: {
    label: 'Zon op grote daken',
    unit: 'TWh/jaar',
    display: same('TWh/jaar', 2),
    help: 'Productie van zonnepanelen op grote daken in 2030, telt mee voor de RES.',
    source: REGION_DATA_RES,
    regionalDefault: 'regiodata',
  },
  solarFieldTWh: {
    label: 'Zonnevelden',
    unit: 'TWh/jaar',
    display: same('TWh/jaar', 2),
    help: 'Productie van zonnevelden in 2030, telt mee voor de RES.',
    source: REGION_DATA_RES,
    regionalDefault: 'regiodata',
  },
  windTWh: {
    label: 'Wind op land',
    unit: 'TWh/jaar',
    display: same('TWh/jaar', 2),
    help: 'Productie van windturbines op land in 2030, telt mee voor de RES.',
    source: REGION_DATA_RES,
    regionalDefault: 'regiodata',
  },
  solarSmallRoofTWh: {
    label: 'Zon op kleine daken',
    unit: 'TWh/jaar',
    display: same('TWh/jaar', 2),
    help: 'Zonnepanelen op woningdaken: belasten het net, tellen niet mee voor de RES.',
    source: 'Regiodata: productie 2023 (Energietransitiemodel, Klimaatmonitor)',
    regionalDefault: 'regiodata',
  },
  resScale: {
    label: 'Schaal RES-productie',
    unit: 'factor',
    display: same('× bod', 2),
    help: 'Vermenigvuldigt zon op grote daken, zonnevelden en wind van de regio.',
    source: 'Geen schaling (1)',
    regionalDefault: 1,
  },
  solarShare: {
    label: 'Zon-aandeel in RES',
    unit: 'fractie',
    display: percent(),
    help: 'Verdeelt de RES-productie van de regio opnieuw over zon en wind.',
    source: 'Leeg: de eigen mix van elke regio',
    regionalDefault: null,
  },
  fieldSolarClip: {
    label: 'Netbewust aansluiten zonneveld (κ)',
    unit: 'fractie van piek',
    display: percent(0, '% van piek'),
    help: 'Zonnevelden krijgen een aansluiting van dit deel van hun piekvermogen; de rest wordt afgekapt.',
    source: 'Volle aansluiting (100%)',
    regionalDefault: 1,
  },
  storageMW: {
    label: 'Netbatterij, vermogen',
    unit: 'MW',
    display: same('MW'),
    help: 'Vermogen van batterijen die de netbeheerder inzet tegen congestie.',
    source: 'Geen batterijen (0)',
    regionalDefault: 0,
  },
  storageMWh: {
    label: 'Netbatterij, inhoud',
    unit: 'MWh',
    display: same('MWh'),
    help: 'Opslaginhoud van de netbatterijen.',
    source: 'Geen batterijen (0)',
    regionalDefault: 0,
  },
  shareAllElectric: {
    label: 'All-electric (warmtepomp + na-isolatie)',
    unit: 'fractie',
    display: percent(0, '% woningen'),
    help: 'Deel van de woningen dat overstapt op een volledig elektrische warmtepomp.',
    source: 'Niemand stapt over (0)',
    regionalDefault: 0,
  },
  shareHybrid: {
    label: 'Hybride warmtepomp',
    unit: 'fractie',
    display: percent(0, '% woningen'),
    help: 'Deel van de woningen met isolatie en een hybride warmtepomp naast de cv-ketel.',
    source: 'Niemand stapt over (0)',
    regionalDefault: 0,
  },
  shareHeatNet: {
    label: 'Warmtenet',
    unit: 'fractie',
    display: percent(0, '% woningen'),
    help: 'Deel van de woningen met isolatie en een aansluiting op een warmtenet.',
    source: 'Niemand stapt over (0)',
    regionalDefault: 0,
  },
  shareInsulationOnly: {
    label: 'Alleen isolatie',
    unit: 'fractie',
    display: percent(0, '% woningen'),
    help: 'Deel van de woningen dat alleen isoleert en de cv-ketel houdt.',
    source: 'Niemand stapt over (0)',
    regionalDefault: 0,
  },
  evCount: {
    label: 'Elektrische auto’s',
    unit: 'auto’s',
    display: same('auto’s'),
    help: 'Aantal elektrische auto’s dat in de regio laadt.',
    source: 'Geen extra elektrische auto’s (0)',
    regionalDefault: 0,
  },
  evSmartShare: {
    label: 'Slim laden',
    unit: 'fractie',
    display: percent(0, '% auto’s'),
    help: 'Deel van de elektrische auto’s dat ’s nachts en midden op de dag laadt in plaats van ’s avonds.',
    source: 'Niemand laadt slim (0)',
    regionalDefault: 0,
  },
  industryAddMW: {
    label: 'Extra industriële vraag',
    unit: 'MW',
    display: same('MW'),
    help: 'Constante extra stroomvraag van elektrificerende bedrijven.',
    source: 'Geen extra vraag (0)',
    regionalDefault: 0,
  },
  gridFeedinMW: {
    label: 'Netcapaciteit invoeding (nu)',
    unit: 'MW',
    display: same('MW'),
    help: 'Hoeveel netto teruglevering het regionale net nu aankan.',
    source: 'Regiodata; leeg: afgeleid van de afnamecapaciteit en de huidige opwek (zie Model)',
    regionalDefault: 'regiodata',
  },
  gridOfftakeMW: {
    label: 'Netcapaciteit afname (nu)',
    unit: 'MW',
    display: same('MW'),
    help: 'Hoeveel netto afname het regionale net nu aankan.',
    source: 'Regiodata; leeg: 1,3 × de hoogste uurvraag van nu',
    regionalDefault: 'regiodata',
  },
  wijkClustering: {
    label: 'Wijkaanpak: clustering van warmtepompen',
    unit: 'fractie',
    display: percent(),
    help: '0% verspreidt warmtepompen over alle straten, 100% zet ze wijk voor wijk bij elkaar.',
    source: 'Aanname: halverwege (50%)',
    regionalDefault: 0.5,
  },
  lvCapacityKWPerHome: {
    label: 'Laagspanningscapaciteit per woning',
    unit: 'kW',
    display: same('kW', 2),
    help: 'Capaciteit van de straatkabels per woning; leeg: afgeleid van de huidige piek.',
    source: 'Regiodata; leeg: huidige huishoudpiek plus marge, gedeeld door 1 − reservecapaciteit',
    regionalDefault: 'regiodata',
  },
};

const mw = same('MW');
const twh = same('TWh/jaar', 2);
const ha = same('ha');
const perConnection = same('€/aansluiting/jaar');
const perHome = same('€/woning/jaar');

/** Model outputs, national and regional, in the engine's order. */
export const OUTPUT_LABELS: Readonly<Record<OutputName, QuantityLabel>> = {
  peakFeedinMW: {
    label: 'Piek netto teruglevering',
    unit: 'MW',
    display: mw,
    help: 'Hoogste uur van opwek min vraag dat het net moet afvoeren, na de batterij.',
  },
  peakOfftakeMW: {
    label: 'Piek netto afname',
    unit: 'MW',
    display: mw,
    help: 'Hoogste uur van vraag min opwek dat het net moet aanvoeren, na de batterij.',
  },
  reinforceFeedinMW: {
    label: 'Netverzwaring teruglevering',
    unit: 'MW',
    display: mw,
    help: 'Hoeveel de piek teruglevering boven de huidige netcapaciteit uitkomt.',
  },
  reinforceOfftakeMW: {
    label: 'Netverzwaring afname',
    unit: 'MW',
    display: mw,
    help: 'Hoeveel de piek afname boven de huidige netcapaciteit uitkomt.',
  },
  congestionHoursFeedin: {
    label: 'Congestie-uren teruglevering',
    unit: 'uur/jaar',
    display: same('uur/jaar'),
    help: 'Uren waarin de teruglevering de huidige capaciteit overschrijdt (vóór de batterij).',
  },
  congestionHoursOfftake: {
    label: 'Congestie-uren afname',
    unit: 'uur/jaar',
    display: same('uur/jaar'),
    help: 'Uren waarin de afname de huidige capaciteit overschrijdt (vóór de batterij).',
  },
  resNominalTWh: {
    label: 'RES-productie',
    unit: 'TWh/jaar',
    display: twh,
    help: 'Zon op grote daken, zonnevelden en wind op land zoals ze meetellen voor het RES-doel.',
  },
  resDeliveredTWh: {
    label: 'RES-productie geleverd',
    unit: 'TWh/jaar',
    display: twh,
    help: 'Wat zon en wind in dit weerjaar werkelijk leveren, na afkappen.',
  },
  smallRoofSolarTWh: {
    label: 'Zon op kleine daken',
    unit: 'TWh/jaar',
    display: twh,
    help: 'Productie van zonnepanelen op woningdaken (telt niet mee voor de RES).',
  },
  clipCurtailedTWh: {
    label: 'Afgekapte zonnestroom',
    unit: 'TWh/jaar',
    display: twh,
    help: 'Zonnestroom die verloren gaat door netbewust aansluiten van zonnevelden.',
  },
  storageThroughputMWh: {
    label: 'Doorzet netbatterijen',
    unit: 'MWh/jaar',
    display: same('MWh/jaar'),
    help: 'Hoeveel stroom de netbatterijen per jaar ontladen.',
  },
  connSolarMW: {
    label: 'Nieuwe aansluitcapaciteit zonnevelden',
    unit: 'MW',
    display: mw,
    help: 'Aansluitvermogen van zonnevelden die er sinds het basisjaar bij komen.',
  },
  connWindMW: {
    label: 'Nieuwe aansluitcapaciteit wind',
    unit: 'MW',
    display: mw,
    help: 'Vermogen van windparken die er sinds het basisjaar bij komen.',
  },
  gridCapexEUR: {
    label: 'Netinvestering',
    unit: '€',
    display: millionEUR,
    help: 'Verzwaring, parkaansluitingen en laagspanningsnet samen (zonder batterijen).',
  },
  storageCapexEUR: {
    label: 'Investering netbatterijen',
    unit: '€',
    display: millionEUR,
    help: 'Investering in vermogen en inhoud van de netbatterijen.',
  },
  gridAnnuityEUR: {
    label: 'Jaarlast net en batterijen',
    unit: '€/jaar',
    display: millionEURPerYear,
    help: 'Rente en aflossing per jaar van de net- en batterij-investering.',
  },
  ebBudgetEUR: {
    label: 'EB-herinvestering',
    unit: '€/jaar',
    display: millionEURPerYear,
    help: 'Deel van de energiebelasting dat naar net en warmte gaat.',
  },
  ebToGridEUR: {
    label: 'EB-herinvestering naar het net',
    unit: '€/jaar',
    display: millionEURPerYear,
    help: 'Deel van de EB-herinvestering dat de jaarlast van het net betaalt.',
  },
  ebToHeatEUR: {
    label: 'EB-herinvestering naar woningen',
    unit: '€/jaar',
    display: millionEURPerYear,
    help: 'Rest van de EB-herinvestering: subsidie voor woningen die overstappen.',
  },
  tariffEURPerConnection: {
    label: 'Extra nettarief',
    unit: '€/aansluiting/jaar',
    display: perConnection,
    help: 'Wat elke aansluiting per jaar extra betaalt voor de netinvestering, na de EB-herinvestering.',
  },
  subsidyPerSwitchingHomeEUR: {
    label: 'Subsidie per overstappende woning',
    unit: '€/woning/jaar',
    display: perHome,
    help: 'EB-herinvestering voor warmte, gelijk verdeeld over de woningen die overstappen.',
  },
  deltaWoonlastenINS_EUR: {
    label: 'Verandering woonlasten, alleen isolatie',
    unit: '€/woning/jaar',
    display: perHome,
    help: 'Energierekening plus afbetaling min subsidie, vergeleken met een woning op de cv-ketel.',
  },
  deltaWoonlastenHY_EUR: {
    label: 'Verandering woonlasten, hybride warmtepomp',
    unit: '€/woning/jaar',
    display: perHome,
    help: 'Energierekening plus afbetaling min subsidie, vergeleken met een woning op de cv-ketel.',
  },
  deltaWoonlastenAE_EUR: {
    label: 'Verandering woonlasten, all-electric',
    unit: '€/woning/jaar',
    display: perHome,
    help: 'Energierekening plus afbetaling min subsidie, vergeleken met een woning op de cv-ketel.',
  },
  deltaWoonlastenHN_EUR: {
    label: 'Verandering woonlasten, warmtenet',
    unit: '€/woning/jaar',
    display: perHome,
    help: 'Energierekening plus afbetaling min subsidie, vergeleken met een woning op de cv-ketel.',
  },
  ebRevenueChangeEUR: {
    label: 'Verandering opbrengst energiebelasting',
    unit: '€/jaar',
    display: millionEURPerYear,
    help: 'Minder gas en meer stroom van overstappende woningen veranderen de belastingopbrengst.',
  },
  heatElecTWh: {
    label: 'Stroomvraag warmtepompen',
    unit: 'TWh/jaar',
    display: twh,
    help: 'Extra stroom voor de warmtepompen van all-electric en hybride woningen.',
  },
  gasAvoidedM3: {
    label: 'Vermeden aardgas',
    unit: 'm³/jaar',
    display: d('mln m³/jaar', 1e-6, 0),
    help: 'Gas dat woningen niet meer verbruiken.',
  },
  co2AvoidedT: {
    label: 'Vermeden CO₂-uitstoot',
    unit: 't/jaar',
    display: d('Mton/jaar', 1e-6, 2),
    help: 'Vermeden gas min de uitstoot van extra stroom en warmtenetten.',
  },
  homesCapexEUR: {
    label: 'Investering woningen',
    unit: '€',
    display: millionEUR,
    help: 'Isolatie, warmtepompen en warmtenetaansluitingen van overstappende woningen.',
  },
  fieldSolarHa: {
    label: 'Ruimte zonnevelden',
    unit: 'ha',
    display: ha,
    help: 'Grond onder alle zonnevelden, bestaande inbegrepen.',
  },
  windTurbines: {
    label: 'Aantal windturbines',
    unit: 'stuks',
    display: same('stuks'),
    help: 'Aantal windturbines op land dat de windproductie vraagt.',
  },
  windHa: {
    label: 'Ruimte windturbines',
    unit: 'ha',
    display: ha,
    help: 'Grond die de windturbines zelf innemen.',
  },
  lvCapacityKWPerHome: {
    label: 'Laagspanningscapaciteit per woning',
    unit: 'kW',
    display: same('kW', 2),
    help: 'Wat de straatkabels per woning aankunnen.',
  },
  lvPeakKWPerHome: {
    label: 'Laagspanningspiek per woning in transitiewijken',
    unit: 'kW',
    display: same('kW', 2),
    help: 'Piekbelasting per woning in de wijken waar de warmtepompen komen.',
  },
  lvTransitionHomesShare: {
    label: 'Aandeel woningen in transitiewijken',
    unit: 'fractie',
    display: percent(1, '% woningen'),
    help: 'Deel van de woningen in wijken waar warmtepompen komen (wijkaanpak).',
  },
  lvOverloadedHomesShare: {
    label: 'Woningen op overbelaste straten',
    unit: 'fractie',
    display: percent(1, '% woningen'),
    help: 'Deel van de woningen in laagspanningsgroepen waarvan de piek boven de capaciteit komt.',
  },
  lvReinforceMW: {
    label: 'Verzwaring laagspanningsnet',
    unit: 'MW',
    display: mw,
    help: 'Extra capaciteit die straatkabels en wijkstations nodig hebben.',
  },
  lvCapexEUR: {
    label: 'Investering laagspanningsnet',
    unit: '€',
    display: millionEUR,
    help: 'Verzwaring van straten plus zwaardere huisaansluitingen; deel van de netinvestering.',
  },
  financeTariffEURPerConnection: {
    label: 'Nettarief bij betaling via tarieven',
    unit: '€/aansluiting/jaar',
    display: perConnection,
    help: 'Jaarlast van net en batterijen per aansluiting als de gebruikers alles betalen.',
  },
  financeEquityTariffEURPerConnection: {
    label: 'Nettarief bij staatsdeelneming',
    unit: '€/aansluiting/jaar',
    display: perConnection,
    help: 'Jaarlast per aansluiting als de staat een deel van het kapitaal inbrengt.',
  },
  financeEquityStateEUR: {
    label: 'Kapitaal van de staat',
    unit: '€',
    display: millionEUR,
    help: 'Eigen vermogen dat de staat bij een staatsdeelneming inbrengt.',
  },
  financeSubsidyStateEURPerYear: {
    label: 'Subsidie uit energiebelasting',
    unit: '€/jaar',
    display: millionEURPerYear,
    help: 'Wat provincies per jaar uit de energiebelasting betalen als zij de hele jaarlast dragen.',
  },
  financeSubsidyEBShare: {
    label: 'Subsidie als deel van de EB-opbrengst',
    unit: 'fractie',
    display: percent(1, '% van de EB-opbrengst'),
    help: 'De subsidie van de energiebelastingroute als deel van de jaarlijkse opbrengst.',
  },
  uitvoeringWarmteEUR: {
    label: 'Uitvoeringskosten Gebouwde omgeving',
    unit: '€',
    display: millionEUR,
    help: 'Kosten van gemeenten voor de wijkaanpak tot 2030.',
  },
  uitvoeringRESEUR: {
    label: 'Uitvoeringskosten Elektriciteit',
    unit: '€',
    display: millionEUR,
    help: 'Kosten van gemeenten en provincies voor nieuwe RES-projecten tot 2030.',
  },
  housingNeedHomes: {
    label: 'Woningbouwopgave',
    unit: 'woningen',
    display: same('woningen'),
    help: 'Woningen die tot 2030 gebouwd moeten worden.',
  },
  housingHa: {
    label: 'Ruimte woningbouw',
    unit: 'ha',
    display: ha,
    help: 'Grond voor de woningbouwopgave in uitbreidingswijken.',
  },
  landClaimHa: {
    label: 'Ruimteclaim zon, wind en wonen',
    unit: 'ha',
    display: ha,
    help: 'Zonnevelden, windturbines en woningbouw samen.',
  },
  landClaimShareOfArable: {
    label: 'Ruimtedruk',
    unit: 'fractie',
    display: percent(1, '% van de landbouwgrond'),
    help: 'De ruimteclaim als deel van de landbouwgrond van de regio.',
  },
  route35Triggered: {
    label: 'Route 35 in werking',
    unit: 'ja/nee',
    display: same('ja/nee'),
    help: 'Ja als de RES-productie onder het RES-doel blijft.',
  },
  targetGapTWh: {
    label: 'Tekort op het RES-doel',
    unit: 'TWh/jaar',
    display: twh,
    help: 'Hoeveel RES-productie er ontbreekt tot het RES-doel.',
  },
};
