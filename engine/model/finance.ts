import type { PreparedRegion, RegionData } from '../data/types.ts';
import {
  KERNEL_CLIP_CURTAILED_MWH,
  KERNEL_CONGESTION_HOURS_FEEDIN,
  KERNEL_CONGESTION_HOURS_OFFTAKE,
  KERNEL_PEAK_FEEDIN_MW,
  KERNEL_PEAK_OFFTAKE_MW,
  KERNEL_STORAGE_THROUGHPUT_MWH,
} from '../kernel/region-hours.ts';
import type { ResolvedRegion } from '../scenario/resolve.ts';
import type { NationalParams } from '../scenario/parameters.ts';
import { annuity } from './annuity.ts';
import { executionCostsEUR, landClaim } from './execution-and-land.ts';
import { type EquityAnnuityFactors, equityAnnuityFactors, financeRoutes } from './finance-routes.ts';
import type { HeatProfile } from './heat.ts';
import { computeLvOutcome } from './lv.ts';
import { OUTPUT_INDEX as O } from './outputs.ts';

export { annuity };

/** Installed MW of one region as in MODEL.md §2.1; those the finance pass needs. */
export interface RegionCapacities {
  fieldMW: number;
  windMW: number;
}

/**
 * Per-home economics of the five heat strategies (MODEL.md §3): they depend only on national
 * parameters and the heat profile, so they are worked out once per scenario and profile, not per region.
 */
export interface HomeEconomics {
  m3GAS: number;
  m3INS: number;
  m3HY: number;
  kWhHY: number;
  kWhAE: number;
  capexINS: number;
  capexHY: number;
  capexAE: number;
  capexHN: number;
  /** Yearly bills before any subsidy, EUR per home. */
  billGAS: number;
  billINS: number;
  billHY: number;
  billAE: number;
  billHN: number;
  /** Energy-tax change per switching home against a gas home, EUR per year. */
  ebChangeINS: number;
  ebChangeHY: number;
  ebChangeAE: number;
  ebChangeHN: number;
  qInsGJ: number;
  /** annuity(1, waccGrid, gridLifeYears) and annuity(1, waccGrid, storageLifeYears). */
  gridAnnuityFactor: number;
  storageAnnuityFactor: number;
  /** Annuity factors of the state-equity route (MODEL.md §11). */
  equity: EquityAnnuityFactors;
}

/** Works out the per-home economics and annuity factors for one heat profile under `national`. */
export function computeHomeEconomics(heat: HeatProfile, n: NationalParams): HomeEconomics {
  const m3PerKWhHeat = 1 / (n.boilerEfficiency * n.gasKWhPerM3);
  // Boiler heat follows the weather year's degree hours (MODEL.md §10); hybrid gas already does.
  const m3GAS = heat.qGasKWh * heat.heatScale * m3PerKWhHeat;
  const m3INS = heat.qInsKWh * heat.heatScale * m3PerKWhHeat;
  const m3HY = heat.hyGasHeatKWhPerHome * m3PerKWhHeat;
  const kWhHY = heat.hyKWhPerHome;
  const kWhAE = heat.aeKWhPerHome;
  const gasEURPerM3 = n.gasPriceEURPerM3 + n.ebGasEURPerM3 + n.odeGasEURPerM3;
  const elecEURPerKWh = n.elecPriceEURPerKWh + n.ebElecEURPerKWh + n.odeElecEURPerKWh;
  const capexINS = n.capexInsulationEUR;
  const capexHY = n.capexInsulationEUR + n.capexHybridEUR;
  const capexAE = n.capexAllElectricEUR;
  const capexHN = n.capexInsulationEUR + n.capexHeatNetEUR;
  return {
    m3GAS,
    m3INS,
    m3HY,
    kWhHY,
    kWhAE,
    capexINS,
    capexHY,
    capexAE,
    capexHN,
    billGAS: m3GAS * gasEURPerM3,
    billINS: m3INS * gasEURPerM3 + annuity(capexINS, n.consumerRate, n.homeMeasureLifeYears),
    billHY: m3HY * gasEURPerM3 + kWhHY * elecEURPerKWh + annuity(capexHY, n.consumerRate, n.homeMeasureLifeYears),
    billAE: kWhAE * elecEURPerKWh + annuity(capexAE, n.consumerRate, n.homeMeasureLifeYears),
    // Heat-network homes pay the gas-equivalent price: the energy bill of an insulated gas home.
    billHN: m3INS * gasEURPerM3 + annuity(capexHN, n.consumerRate, n.homeMeasureLifeYears),
    ebChangeINS: (m3INS - m3GAS) * n.ebGasEURPerM3,
    ebChangeHY: (m3HY - m3GAS) * n.ebGasEURPerM3 + kWhHY * n.ebElecEURPerKWh,
    ebChangeAE: -m3GAS * n.ebGasEURPerM3 + kWhAE * n.ebElecEURPerKWh,
    ebChangeHN: -m3GAS * n.ebGasEURPerM3,
    qInsGJ: (heat.qInsKWh * heat.heatScale * 3.6e6) / 1e9,
    gridAnnuityFactor: annuity(1, n.waccGrid, n.gridLifeYears),
    storageAnnuityFactor: annuity(1, n.waccGrid, n.storageLifeYears),
    equity: equityAnnuityFactors(n),
  };
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
  prepared: PreparedRegion,
  home: HomeEconomics,
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
  // Σ over the year of P × CF is P × FLH: the TWh input times the weather year's yield over the
  // reference full-load hours (1 in the reference year), so only clipping needs the hourly sum.
  const solarYield = prepared.solarYieldRatio;
  const resDeliveredTWh =
    resolved.solarRoofTWh * solarYield +
    resolved.solarFieldTWh * solarYield +
    resolved.windTWh * prepared.windYieldRatio -
    clipCurtailedTWh;

  const connSolarMW = resolved.fieldSolarClip * Math.max(0, capacities.fieldMW - prepared.existingFieldMW);
  const connWindMW = Math.max(0, capacities.windMW - prepared.existingWindMW);
  const lv = computeLvOutcome(resolved, prepared, region.homes, n, kernel, kernelOffset);
  const gridCapexEUR =
    reinforceFeedinMW * n.costFeedinEURPerMW +
    reinforceOfftakeMW * n.costOfftakeEURPerMW +
    connSolarMW * n.costConnSolarEURPerMW +
    connWindMW * n.costConnWindEURPerMW +
    lv.capexEUR;
  const storageCapexEUR = resolved.storageMW * n.costStorageEURPerMW + resolved.storageMWh * n.costStorageEURPerMWh;
  const gridAnnuityEUR = gridCapexEUR * home.gridAnnuityFactor + storageCapexEUR * home.storageAnnuityFactor;

  const ebBudgetEUR = totalHomes > 0 ? (n.ebReinvestShare * n.ebRevenueEURPerYear * region.homes) / totalHomes : 0;
  const ebToGridEUR = Math.min(ebBudgetEUR, gridAnnuityEUR);
  const ebToHeatEUR = ebBudgetEUR - ebToGridEUR;
  const tariffEURPerConnection = (gridAnnuityEUR - ebToGridEUR) / region.connections;

  // Homes per strategy (fractional homes are fine).
  const homes = region.homes;
  const nAE = resolved.shareAllElectric * homes;
  const nHY = resolved.shareHybrid * homes;
  const nHN = resolved.shareHeatNet * homes;
  const nINS = resolved.shareInsulationOnly * homes;
  const switchingHomes = nAE + nHY + nHN + nINS;
  const subsidyEUR = switchingHomes > 0 ? ebToHeatEUR / switchingHomes : 0;

  // + 0 turns the −0 of "no switching homes" into 0.
  const ebRevenueChangeEUR =
    nINS * home.ebChangeINS + nHY * home.ebChangeHY + nAE * home.ebChangeAE + nHN * home.ebChangeHN + 0;
  const heatElecTWh = (nAE * home.kWhAE + nHY * home.kWhHY) / 1e9;
  const gasAvoidedM3 = nINS * (home.m3GAS - home.m3INS) + nHY * (home.m3GAS - home.m3HY) + (nAE + nHN) * home.m3GAS;
  const co2AvoidedT =
    gasAvoidedM3 * n.co2GasTPerM3 - heatElecTWh * 1e6 * n.co2ElecTPerMWh - nHN * home.qInsGJ * n.co2HeatNetTPerGJ + 0;
  const homesCapexEUR = nINS * home.capexINS + nHY * home.capexHY + nAE * home.capexAE + nHN * home.capexHN;

  const fieldSolarHa = capacities.fieldMW / n.fieldSolarMWpPerHa;
  const windTurbines = capacities.windMW / n.turbineMW;
  const windHa = windTurbines * n.haPerTurbine;
  const routes = financeRoutes(gridCapexEUR, storageCapexEUR, gridAnnuityEUR, region.connections, home.equity, n);
  const execution = executionCostsEUR(switchingHomes, resNominalTWh, region, n);
  const land = landClaim(region, fieldSolarHa, windHa, n);
  const r = rowOffset;
  row[r + O.peakFeedinMW] = peakFeedinMW;
  row[r + O.peakOfftakeMW] = peakOfftakeMW;
  row[r + O.reinforceFeedinMW] = reinforceFeedinMW;
  row[r + O.reinforceOfftakeMW] = reinforceOfftakeMW;
  row[r + O.congestionHoursFeedin] = kernel[kernelOffset + KERNEL_CONGESTION_HOURS_FEEDIN];
  row[r + O.congestionHoursOfftake] = kernel[kernelOffset + KERNEL_CONGESTION_HOURS_OFFTAKE];
  row[r + O.resNominalTWh] = resNominalTWh;
  row[r + O.resDeliveredTWh] = resDeliveredTWh;
  row[r + O.smallRoofSolarTWh] = resolved.solarSmallRoofTWh * solarYield;
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
  row[r + O.deltaWoonlastenINS_EUR] = home.billINS - subsidyEUR - home.billGAS;
  row[r + O.deltaWoonlastenHY_EUR] = home.billHY - subsidyEUR - home.billGAS;
  row[r + O.deltaWoonlastenAE_EUR] = home.billAE - subsidyEUR - home.billGAS;
  row[r + O.deltaWoonlastenHN_EUR] = home.billHN - subsidyEUR - home.billGAS;
  row[r + O.ebRevenueChangeEUR] = ebRevenueChangeEUR;
  row[r + O.heatElecTWh] = heatElecTWh;
  row[r + O.gasAvoidedM3] = gasAvoidedM3;
  row[r + O.co2AvoidedT] = co2AvoidedT;
  row[r + O.homesCapexEUR] = homesCapexEUR;
  row[r + O.fieldSolarHa] = fieldSolarHa;
  row[r + O.windTurbines] = windTurbines;
  row[r + O.windHa] = windHa;
  row[r + O.lvCapacityKWPerHome] = lv.capacityKWPerHome;
  row[r + O.lvPeakKWPerHome] = lv.peakKWPerHome;
  row[r + O.lvTransitionHomesShare] = lv.transitionHomesShare;
  row[r + O.lvOverloadedHomesShare] = lv.overloadedHomesShare;
  row[r + O.lvReinforceMW] = lv.reinforceMW;
  row[r + O.lvCapexEUR] = lv.capexEUR;
  row[r + O.financeTariffEURPerConnection] = routes.tariffEURPerConnection;
  row[r + O.financeEquityTariffEURPerConnection] = routes.equityTariffEURPerConnection;
  row[r + O.financeEquityStateEUR] = routes.equityStateEUR;
  row[r + O.financeSubsidyStateEURPerYear] = routes.subsidyStateEURPerYear;
  row[r + O.financeSubsidyEBShare] = Number.NaN;
  row[r + O.uitvoeringWarmteEUR] = execution.warmteEUR;
  row[r + O.uitvoeringRESEUR] = execution.resEUR;
  row[r + O.housingNeedHomes] = land.housingNeedHomes;
  row[r + O.housingHa] = land.housingHa;
  row[r + O.landClaimHa] = land.landClaimHa;
  row[r + O.landClaimShareOfArable] = land.shareOfArable;
  row[r + O.route35Triggered] = Number.NaN;
  row[r + O.targetGapTWh] = Number.NaN;
}
