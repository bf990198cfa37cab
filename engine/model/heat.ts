import { HEAT_NATIONAL_PARAMS, type NationalParams } from '../scenario/parameters.ts';

/**
 * Heat demand per home on one temperature profile (MODEL.md §2.2): hourly heat-pump electricity
 * per home and the annual sums the finance pass needs. It depends only on the temperature profile
 * and national heat parameters, so it is computed once and shared by every region using the profile.
 */
export interface HeatProfile {
  /** kWh_th per home per year: gas boiler, insulated (INS/HY/HN), deeply insulated (AE). */
  qGasKWh: number;
  qInsKWh: number;
  qAeKWh: number;
  /** Electric kW per all-electric home and per hybrid home, per hour. */
  aeKWPerHome: Float64Array;
  hyKWPerHome: Float64Array;
  /** Annual kWh of electricity per AE home and per hybrid home; gas-boiler heat (kWh_th) per hybrid home. */
  aeKWhPerHome: number;
  hyKWhPerHome: number;
  hyGasHeatKWhPerHome: number;
  /** Σ heatShape over the run year (MODEL.md §10): 1 in the reference year; scales the gas of GAS and INS homes. */
  heatScale: number;
}

/** Σ max(0, heatBaseTempC − tempC[h]): the degree hours of a temperature profile. */
function degreeHoursOf(tempC: Float64Array, heatBaseTempC: number): number {
  let sum = 0;
  for (let h = 0; h < tempC.length; h++) sum += Math.max(0, heatBaseTempC - tempC[h]);
  return sum;
}

/**
 * Computes heatShape, COP and per-home heat-pump electricity for one temperature profile.
 * Space heat is spread over the degree hours of `referenceTempC` (MODEL.md §2.2, §10): a colder
 * year than the reference needs more heat; in the reference year itself the shape sums to 1.
 */
export function computeHeatProfile(
  tempC: Float64Array,
  national: NationalParams,
  referenceTempC: Float64Array = tempC,
): HeatProfile {
  const hours = tempC.length;
  const qGasKWh = (national.heatPerHomeGJ * 1e9) / 3.6e6;
  const qInsKWh = qGasKWh * (1 - national.insulationSaving);
  const qAeKWh = qGasKWh * (1 - national.deepInsulationSaving);
  const runDegreeHours = degreeHoursOf(tempC, national.heatBaseTempC);
  const degreeHourSum =
    referenceTempC === tempC ? runDegreeHours : degreeHoursOf(referenceTempC, national.heatBaseTempC);

  const aeKWPerHome = new Float64Array(hours);
  const hyKWPerHome = new Float64Array(hours);
  let aeKWhPerHome = 0;
  let hyKWhPerHome = 0;
  let hyGasHeatKWhPerHome = 0;
  const spaceShare = 1 - national.dhwShare;
  const hotWaterShare = national.dhwShare / hours;
  for (let h = 0; h < hours; h++) {
    const degreeHours = Math.max(0, national.heatBaseTempC - tempC[h]);
    // With no heating degree hours at all the whole need is spread evenly (MODEL.md §2.2).
    const heatShare = degreeHourSum === 0 ? 1 / hours : (spaceShare * degreeHours) / degreeHourSum + hotWaterShare;
    const cop = Math.min(national.copMax, Math.max(national.copMin, national.copA + national.copB * tempC[h]));
    const aeKW = (qAeKWh * heatShare) / cop;
    const hybridHeatKW = qInsKWh * heatShare;
    const heatPumpKW = Math.min(hybridHeatKW, national.hybridThermalKW);
    const hyKW = heatPumpKW / cop;
    aeKWPerHome[h] = aeKW;
    hyKWPerHome[h] = hyKW;
    aeKWhPerHome += aeKW;
    hyKWhPerHome += hyKW;
    hyGasHeatKWhPerHome += hybridHeatKW - heatPumpKW;
  }
  // Σ heatShape in closed form: exactly 1 in the reference year, the degree-hour ratio otherwise.
  const heatScale = degreeHourSum === 0 ? 1 : (spaceShare * runDegreeHours) / degreeHourSum + national.dhwShare;
  return {
    qGasKWh,
    qInsKWh,
    qAeKWh,
    aeKWPerHome,
    hyKWPerHome,
    aeKWhPerHome,
    hyKWhPerHome,
    hyGasHeatKWhPerHome,
    heatScale: referenceTempC === tempC ? 1 : heatScale,
  };
}

/**
 * Memoises heat profiles per temperature array and heat parameters. Sweeps that vary other
 * parameters reuse the same profile; the cache is small because few heat variants are in play.
 */
export class HeatProfileCache {
  private readonly byTemp = new WeakMap<Float64Array, Map<string, HeatProfile>>();
  private readonly maxVariants: number;

  constructor(maxVariants = 64) {
    this.maxVariants = maxVariants;
  }

  /** Cache key of the national heat parameters; compute once per scenario, not per region. */
  static keyOf(national: NationalParams): string {
    let key = '';
    for (const name of HEAT_NATIONAL_PARAMS) key += `${national[name]},`;
    return key;
  }

  /**
   * The heat profile for `tempC` (with the degree hours of `referenceTempC`) under `national`,
   * computed on first use. A run temperature array always pairs with the same reference array.
   */
  get(
    tempC: Float64Array,
    national: NationalParams,
    key: string = HeatProfileCache.keyOf(national),
    referenceTempC: Float64Array = tempC,
  ): HeatProfile {
    let variants = this.byTemp.get(tempC);
    if (!variants) {
      variants = new Map();
      this.byTemp.set(tempC, variants);
    }
    let profile = variants.get(key);
    if (!profile) {
      if (variants.size >= this.maxVariants) variants.clear();
      profile = computeHeatProfile(tempC, national, referenceTempC);
      variants.set(key, profile);
    }
    return profile;
  }
}
