import type { RegionData } from '../data/types.ts';
import {
  KERNEL_CLIP_CURTAILED_MWH,
  KERNEL_CONGESTION_HOURS_FEEDIN,
  KERNEL_CONGESTION_HOURS_OFFTAKE,
  KERNEL_PEAK_FEEDIN_MW,
  KERNEL_PEAK_OFFTAKE_MW,
  KERNEL_STORAGE_THROUGHPUT_MWH,
} from '../kernel/region-hours.ts';
import type { ResolvedRegion } from '../scenario/resolve.ts';
import type { HeatProfile } from './heat.ts';
import { OUTPUT_INDEX as O } from './outputs.ts';
import type { NationalParams } from './parameters.ts';

/** Equal annual payment that repays `capital` over `years` at `rate` (MODEL.md §3; C/L when r = 0). */
export function annuity(capital: number, rate: number, years: number): number {
  return rate === 0 ? capital / years : (capital * rate) / (1 - Math.pow(1 + rate, -years));
}

/** Installed MW of one region as in MODEL.md §2.1; those the finance pass needs. */
export interface RegionCapacities {
  fieldMW: number;
  windMW: number;
}

/**
 * The non-hourly part of MODEL.md §2.4 and all of §3 for one region: from the kernel's outputs and
 * the resolved parameters to a full output row. Kept apart from the kernel so that sweeps over
 * prices, costs, rates and the energy tax reuse one hourly run.
 */
export function computeRegionOutputs(
  region: RegionData,
  resolved: ResolvedRegion,
  capacities: RegionCapacities,
  existing: RegionCapacities,
  heat: HeatProfile,
  national: NationalParams,
  totalHomes: number,
  kernel: Float64Array,
  kernelOffset: number,
  row: Float64Array,
  rowOffset: number,
): void {
  const n = national;
  const peakFeedinMW = kernel[kernelOffset + KERNEL_PEAK_FEEDIN_MW];
  const peakOfftakeMW = kernel[kernelOffset + KERNEL_PEAK_OFFTAKE_MW];
  const reinforceFeedinMW = Math.max(0, peakFeedinMW - resolved.gridFeedinMW);
  const reinforceOfftakeMW = Math.max(0, peakOfftakeMW - resolved.gridOfftakeMW);
  const clipCurtailedTWh = kernel[kernelOffset + KERNEL_CLIP_CURTAILED_MWH] / 1e6;
  const resNominalTWh = resolved.solarRoofTWh + resolved.solarFieldTWh + resolved.windTWh;
  // Σ over the year of P × CF is P × FLH = the TWh input, so only clipping needs the hourly sum.
  const resDeliveredTWh = resNominalTWh - clipCurtailedTWh;

  const connSolarMW = resolved.fieldSolarClip * Math.max(0, capacities.fieldMW - existing.fieldMW);
  const connWindMW = Math.max(0, capacities.windMW - existing.windMW);
  const gridCapexEUR =
    reinforceFeedinMW * n.costFeedinEURPerMW +
    reinforceOfftakeMW * n.costOfftakeEURPerMW +
    connSolarMW * n.costConnSolarEURPerMW +
    connWindMW * n.costConnWindEURPerMW;
  const storageCapexEUR = resolved.storageMW * n.costStorageEURPerMW + resolved.storageMWh * n.costStorageEURPerMWh;
  const gridAnnuityEUR = annuity(gridCapexEUR, n.waccGrid, n.gridLifeYears) + annuity(storageCapexEUR, n.waccGrid, n.storageLifeYears);

  const ebBudgetEUR = totalHomes > 0 ? (n.ebReinvestShare * n.ebRevenueEURPerYear * region.homes) / totalHomes : 0;
  const ebToGridEUR = Math.min(ebBudgetEUR, gridAnnuityEUR);
  const ebToHeatEUR = ebBudgetEUR - ebToGridEUR;
  const tariffEURPerConnection = (gridAnnuityEUR - ebToGridEUR) / region.connections;

  // Homes per strategy (fractional homes are fine) and their yearly energy per home.
  const homes = region.homes;
  const nAE = resolved.shareAllElectric * homes;
  const nHY = resolved.shareHybrid * homes;
  const nHN = resolved.shareHeatNet * homes;
  const nINS = resolved.shareInsulationOnly * homes;
  const switchingHomes = nAE + nHY + nHN + nINS;
  const subsidyEUR = switchingHomes > 0 ? ebToHeatEUR / switchingHomes : 0;

  const m3PerKWhHeat = 1 / (n.boilerEfficiency * n.gasKWhPerM3);
  const m3GAS = heat.qGasKWh * m3PerKWhHeat;
  const m3INS = heat.qInsKWh * m3PerKWhHeat;
  const m3HY = heat.hyGasHeatKWhPerHome * m3PerKWhHeat;
  const kWhHY = heat.hyKWhPerHome;
  const kWhAE = heat.aeKWhPerHome;
  const gasEURPerM3 = n.gasPriceEURPerM3 + n.ebGasEURPerM3 + n.odeGasEURPerM3;
  const elecEURPerKWh = n.elecPriceEURPerKWh + n.ebElecEURPerKWh + n.odeElecEURPerKWh;
  const homeAnnuity = (capexEUR: number) => annuity(capexEUR, n.consumerRate, n.homeMeasureLifeYears);
  const capexINS = n.capexInsulationEUR;
  const capexHY = n.capexInsulationEUR + n.capexHybridEUR;
  const capexAE = n.capexAllElectricEUR;
  const capexHN = n.capexInsulationEUR + n.capexHeatNetEUR;

  const billGAS = m3GAS * gasEURPerM3;
  const billINS = m3INS * gasEURPerM3 + homeAnnuity(capexINS) - subsidyEUR;
  const billHY = m3HY * gasEURPerM3 + kWhHY * elecEURPerKWh + homeAnnuity(capexHY) - subsidyEUR;
  const billAE = kWhAE * elecEURPerKWh + homeAnnuity(capexAE) - subsidyEUR;
  // Heat-network homes pay the gas-equivalent price: the energy bill of an insulated gas home.
  const billHN = m3INS * gasEURPerM3 + homeAnnuity(capexHN) - subsidyEUR;

  const ebRevenueChangeEUR =
    nINS * (m3INS - m3GAS) * n.ebGasEURPerM3 +
    nHY * ((m3HY - m3GAS) * n.ebGasEURPerM3 + kWhHY * n.ebElecEURPerKWh) +
    nAE * (-m3GAS * n.ebGasEURPerM3 + kWhAE * n.ebElecEURPerKWh) +
    nHN * (-m3GAS * n.ebGasEURPerM3) +
    0; // + 0 turns the −0 of "no switching homes" into 0
  const heatElecTWh = (nAE * kWhAE + nHY * kWhHY) / 1e9;
  const gasAvoidedM3 = nINS * (m3GAS - m3INS) + nHY * (m3GAS - m3HY) + (nAE + nHN) * m3GAS;
  const qInsGJ = (heat.qInsKWh * 3.6e6) / 1e9;
  const co2AvoidedT = gasAvoidedM3 * n.co2GasTPerM3 - heatElecTWh * 1e6 * n.co2ElecTPerMWh - nHN * qInsGJ * n.co2HeatNetTPerGJ + 0;
  const homesCapexEUR = nINS * capexINS + nHY * capexHY + nAE * capexAE + nHN * capexHN;

  const windTurbines = capacities.windMW / n.turbineMW;
  const r = rowOffset;
  row[r + O.peakFeedinMW] = peakFeedinMW;
  row[r + O.peakOfftakeMW] = peakOfftakeMW;
  row[r + O.reinforceFeedinMW] = reinforceFeedinMW;
  row[r + O.reinforceOfftakeMW] = reinforceOfftakeMW;
  row[r + O.congestionHoursFeedin] = kernel[kernelOffset + KERNEL_CONGESTION_HOURS_FEEDIN];
  row[r + O.congestionHoursOfftake] = kernel[kernelOffset + KERNEL_CONGESTION_HOURS_OFFTAKE];
  row[r + O.resNominalTWh] = resNominalTWh;
  row[r + O.resDeliveredTWh] = resDeliveredTWh;
  row[r + O.smallRoofSolarTWh] = resolved.solarSmallRoofTWh;
  row[r + O.clipCurtailedTWh] = clipCurtailedTWh;
  row[r + O.storageThroughputMWh] = kernel[kernelOffset + KERNEL_STORAGE_THROUGHPUT_MWH];
  row[r + O.connSolarMW] = connSolarMW;
  row[r + O.connWindMW] = connWindMW;
  row[r + O.gridCapexEUR] = gridCapexEUR;
  row[r + O.storageCapexEUR] = storageCapexEUR;
  row[r + O.gridAnnuityEUR] = gridAnnuityEUR;
  row[r + O.ebBudgetEUR] = ebBudgetEUR;
  row[r + O.ebToGridEUR] = ebToGridEUR;
  row[r + O.ebToHeatEUR] = ebToHeatEUR;
  row[r + O.tariffEURPerConnection] = tariffEURPerConnection;
  row[r + O.subsidyPerSwitchingHomeEUR] = subsidyEUR;
  row[r + O.deltaWoonlastenINS_EUR] = billINS - billGAS;
  row[r + O.deltaWoonlastenHY_EUR] = billHY - billGAS;
  row[r + O.deltaWoonlastenAE_EUR] = billAE - billGAS;
  row[r + O.deltaWoonlastenHN_EUR] = billHN - billGAS;
  row[r + O.ebRevenueChangeEUR] = ebRevenueChangeEUR;
  row[r + O.heatElecTWh] = heatElecTWh;
  row[r + O.gasAvoidedM3] = gasAvoidedM3;
  row[r + O.co2AvoidedT] = co2AvoidedT;
  row[r + O.homesCapexEUR] = homesCapexEUR;
  row[r + O.fieldSolarHa] = capacities.fieldMW / n.fieldSolarMWpPerHa;
  row[r + O.windTurbines] = windTurbines;
  row[r + O.windHa] = windTurbines * n.haPerTurbine;
  row[r + O.route35Triggered] = Number.NaN;
  row[r + O.targetGapTWh] = Number.NaN;
}
