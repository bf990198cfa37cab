/**
 * The klimaattafels (tables of the Dutch Klimaatakkoord) and which model parameters belong to
 * each. The Scenario view groups its levers by these, and "Tafels in samenhang" resets one
 * table's parameters at a time (leave-one-out) to show that table's share in the grid bill.
 */
import type { NationalParamName, RegionalParamName } from '../../engine/scenario/parameters.ts';

export type TableId = 'elektriciteit' | 'gebouwd' | 'mobiliteit' | 'industrie' | 'financiering';

export interface KlimaatTafel {
  id: TableId;
  label: string;
  colour: string;
  regional: readonly RegionalParamName[];
  national: readonly NationalParamName[];
}

export const TABLES: readonly KlimaatTafel[] = [
  {
    id: 'elektriciteit',
    label: 'Elektriciteit',
    colour: '#e0a100',
    regional: [
      'resScale',
      'solarShare',
      'solarRoofTWh',
      'solarFieldTWh',
      'windTWh',
      'fieldSolarClip',
      'storageMW',
      'storageMWh',
      'gridFeedinMW',
      'gridOfftakeMW',
      'lvCapacityKWPerHome',
    ],
    // Today's grid (regional capacities, LV capacity per home and how LV groups are sized) sits with
    // the electricity table, as the grid capacities do.
    national: ['storageRoundTrip', 'lvHomesPerGroup', 'lvZ', 'lvSpareShare', 'uitvoeringRESEURPerTWh'],
  },
  {
    id: 'gebouwd',
    label: 'Gebouwde omgeving',
    colour: '#c2185b',
    // The LV layer belongs here: the wijkaanpak decides where the heat pumps stand, and the spreads and
    // group size describe the homes' load; the LV capacity per home is today's grid (data).
    regional: ['shareAllElectric', 'shareHybrid', 'shareHeatNet', 'shareInsulationOnly', 'wijkClustering'],
    national: [
      'heatPerHomeGJ',
      'dhwShare',
      'heatBaseTempC',
      'insulationSaving',
      'deepInsulationSaving',
      'hybridThermalKW',
      'boilerEfficiency',
      'gasKWhPerM3',
      'copA',
      'copB',
      'copMin',
      'copMax',
      'capexInsulationEUR',
      'capexHybridEUR',
      'capexAllElectricEUR',
      'capexHeatNetEUR',
      'consumerRate',
      'homeMeasureLifeYears',
      'lvSigmaHomeKW',
      'lvSigmaAllElectricKW',
      'lvSigmaHybridKW',
      'uitvoeringWarmteEURPerHome',
      'housingGrowthShare',
      'homesPerHa',
    ],
  },
  {
    id: 'mobiliteit',
    label: 'Mobiliteit',
    colour: '#1976d2',
    regional: ['evCount', 'evSmartShare'],
    national: ['evKWhPerYear', 'lvSigmaEvKW'],
  },
  { id: 'industrie', label: 'Industrie', colour: '#6d4c41', regional: ['industryAddMW'], national: [] },
  {
    id: 'financiering',
    label: 'Financiering',
    colour: '#2e7d32',
    regional: [],
    national: [
      'ebReinvestShare',
      'waccGrid',
      'equityShare',
      'waccState',
      'gridLifeYears',
      'storageLifeYears',
      'costFeedinEURPerMW',
      'costOfftakeEURPerMW',
      'costLvEURPerMW',
      'costHomeConnUpgradeEUR',
      'costConnSolarEURPerMW',
      'costConnWindEURPerMW',
      'costStorageEURPerMW',
      'costStorageEURPerMWh',
      'ebRevenueEURPerYear',
      'ebElecEURPerKWh',
      'ebGasEURPerM3',
      'odeElecEURPerKWh',
      'odeGasEURPerM3',
      'elecPriceEURPerKWh',
      'gasPriceEURPerM3',
    ],
  },
];

export const tableById = (id: TableId): KlimaatTafel => TABLES.find((t) => t.id === id)!;

/**
 * The samenhang of leave-one-out contributions: the sum of the tables' parts (whole minus the run
 * without that table) minus the whole's effect over the base. For two tables this is the usual
 * interaction f(A,B) − f(A) − f(B) + f(∅): positive when together they load the grid more than
 * apart (heat pumps and EVs in the same streets), negative when they absorb each other's load.
 */
export function tableInteraction(whole: number, base: number, parts: readonly number[]): number {
  return parts.reduce((a, b) => a + b, 0) - (whole - base);
}
