/**
 * The outputs of MODEL.md §2.4–§4 and §11–13 in the order they are reported. `scope` says which rows
 * carry an output: `both` (regions, and nationally as the sum over regions, or for tariffs and
 * shares the national ratio), `region` (congestion hours and per-home figures, not national),
 * `national`. `nullable` outputs may be null where they are carried (a share of something that is 0).
 */
export const OUTPUTS = [
  { name: 'peakFeedinMW', scope: 'both' },
  { name: 'peakOfftakeMW', scope: 'both' },
  { name: 'reinforceFeedinMW', scope: 'both' },
  { name: 'reinforceOfftakeMW', scope: 'both' },
  { name: 'congestionHoursFeedin', scope: 'region' },
  { name: 'congestionHoursOfftake', scope: 'region' },
  { name: 'resNominalTWh', scope: 'both' },
  { name: 'resDeliveredTWh', scope: 'both' },
  { name: 'smallRoofSolarTWh', scope: 'both' },
  { name: 'clipCurtailedTWh', scope: 'both' },
  { name: 'storageThroughputMWh', scope: 'both' },
  { name: 'connSolarMW', scope: 'both' },
  { name: 'connWindMW', scope: 'both' },
  { name: 'gridCapexEUR', scope: 'both' },
  { name: 'storageCapexEUR', scope: 'both' },
  { name: 'gridAnnuityEUR', scope: 'both' },
  { name: 'ebBudgetEUR', scope: 'both' },
  { name: 'ebToGridEUR', scope: 'both' },
  { name: 'ebToHeatEUR', scope: 'both' },
  { name: 'tariffEURPerConnection', scope: 'both' },
  { name: 'subsidyPerSwitchingHomeEUR', scope: 'region' },
  { name: 'deltaWoonlastenINS_EUR', scope: 'region' },
  { name: 'deltaWoonlastenHY_EUR', scope: 'region' },
  { name: 'deltaWoonlastenAE_EUR', scope: 'region' },
  { name: 'deltaWoonlastenHN_EUR', scope: 'region' },
  { name: 'ebRevenueChangeEUR', scope: 'both' },
  { name: 'heatElecTWh', scope: 'both' },
  { name: 'gasAvoidedM3', scope: 'both' },
  { name: 'co2AvoidedT', scope: 'both' },
  { name: 'homesCapexEUR', scope: 'both' },
  { name: 'fieldSolarHa', scope: 'both' },
  { name: 'windTurbines', scope: 'both' },
  { name: 'windHa', scope: 'both' },
  // v2 LV layer (MODEL.md §9.4); the national overloaded share is a ratio of sums, not a sum.
  { name: 'lvCapacityKWPerHome', scope: 'region' },
  { name: 'lvPeakKWPerHome', scope: 'region' },
  { name: 'lvTransitionHomesShare', scope: 'region' },
  { name: 'lvOverloadedHomesShare', scope: 'both' },
  { name: 'lvReinforceMW', scope: 'both' },
  { name: 'lvCapexEUR', scope: 'both' },
  { name: 'financeTariffEURPerConnection', scope: 'both' },
  { name: 'financeEquityTariffEURPerConnection', scope: 'both' },
  { name: 'financeEquityStateEUR', scope: 'both' },
  { name: 'financeSubsidyStateEURPerYear', scope: 'both' },
  { name: 'financeSubsidyEBShare', scope: 'national', nullable: true },
  { name: 'uitvoeringWarmteEUR', scope: 'both' },
  { name: 'uitvoeringRESEUR', scope: 'both' },
  { name: 'housingNeedHomes', scope: 'both' },
  { name: 'housingHa', scope: 'both' },
  { name: 'landClaimHa', scope: 'both' },
  { name: 'landClaimShareOfArable', scope: 'both', nullable: true },
  { name: 'route35Triggered', scope: 'national' },
  { name: 'targetGapTWh', scope: 'national' },
] as const;

export type OutputName = (typeof OUTPUTS)[number]['name'];
/** Outputs that may be null (JSON null, an empty CSV cell, an Arrow null; NaN in output rows). */
export type NullableOutputName = Extract<(typeof OUTPUTS)[number], { nullable: true }>['name'];
export type RegionOutputName = Extract<(typeof OUTPUTS)[number], { scope: 'both' | 'region' }>['name'];
export type NationalOutputName = Extract<(typeof OUTPUTS)[number], { scope: 'both' | 'national' }>['name'];

/** Every output name, in table order. */
export const OUTPUT_NAMES: readonly OutputName[] = OUTPUTS.map((o) => o.name);
/** Outputs reported per region (MODEL.md §2.4 and §3), in order. */
export const REGION_OUTPUT_NAMES = OUTPUTS.filter((o) => o.scope !== 'national').map(
  (o) => o.name,
) as RegionOutputName[];
/** Outputs reported nationally (MODEL.md §4), in order. */
export const NATIONAL_OUTPUT_NAMES = OUTPUTS.filter((o) => o.scope !== 'region').map(
  (o) => o.name,
) as NationalOutputName[];

/** Column of each output in a full-width output row (OUTPUT_NAMES order). */
export const OUTPUT_INDEX: Readonly<Record<OutputName, number>> = Object.fromEntries(
  OUTPUT_NAMES.map((name, index) => [name, index]),
) as Record<OutputName, number>;
export const OUTPUT_COUNT = OUTPUT_NAMES.length;

/** Nullable outputs (MODEL.md §4: a share whose denominator is 0 or missing). */
export const NULLABLE_OUTPUT_NAMES: readonly NullableOutputName[] = OUTPUTS.filter(
  (o): o is Extract<(typeof OUTPUTS)[number], { nullable: true }> => 'nullable' in o && o.nullable,
).map((o) => o.name);

/** Whether `name` is an output that may be null. */
export function isNullableOutput(name: string): boolean {
  return (NULLABLE_OUTPUT_NAMES as readonly string[]).includes(name);
}

/** Outputs of one region, as `evaluate --json` reports them. */
export type RegionResult = { id: string } & Record<Exclude<RegionOutputName, NullableOutputName>, number> &
  Record<Extract<RegionOutputName, NullableOutputName>, number | null>;
/** National outcomes; `route35Triggered` is a boolean in JSON. */
export type NationalResult = Record<Exclude<NationalOutputName, 'route35Triggered' | NullableOutputName>, number> &
  Record<Extract<NationalOutputName, NullableOutputName>, number | null> & {
    route35Triggered: boolean;
  };
