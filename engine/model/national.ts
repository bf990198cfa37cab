import type { RegionData } from '../data/types.ts';
import type { NationalParams } from '../scenario/parameters.ts';
import { nationalArableHa } from './execution-and-land.ts';
import { equityAnnuityFactors, subsidyEBShare } from './finance-routes.ts';
import { OUTPUT_COUNT, OUTPUTS, OUTPUT_INDEX as O, type OutputName } from './outputs.ts';

/** Outputs of both scopes whose national value is a ratio of sums, not a sum (MODEL.md §4). */
const NATIONAL_RATIOS: ReadonlySet<OutputName> = new Set<OutputName>([
  'tariffEURPerConnection',
  'lvOverloadedHomesShare',
  'financeTariffEURPerConnection',
  'financeEquityTariffEURPerConnection',
  'landClaimShareOfArable',
]);

const SUMMED = OUTPUTS.map((output, index) => ({ output, index }))
  .filter(({ output }) => output.scope === 'both' && !NATIONAL_RATIOS.has(output.name))
  .map(({ index }) => index);

/** Neumaier-compensated sum of `count` values spaced `stride` apart: exact to the last bit for region counts. */
function compensatedSum(values: Float64Array, start: number, stride: number, count: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < count; i++) {
    const value = values[start + i * stride];
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * Slack on "Σ resNominalTWh < targetTWh": a target set to exactly the regions' total is met, even
 * though the decimal TWh inputs are not exact binary numbers. 1e-12 relative is far below any
 * real shortfall.
 */
const TARGET_SLACK = 1e-12;

/**
 * National outcomes of MODEL.md §4 from the region rows: sums of the extensive outputs, tariffs and
 * shares as ratios of sums, and the Route 35 check. Region-only outputs become NaN (null).
 */
export function computeNationalRow(
  regionRows: Float64Array,
  regions: readonly RegionData[],
  national: NationalParams,
  out: Float64Array,
  outOffset: number,
): void {
  const regionCount = regions.length;
  for (let k = 0; k < OUTPUT_COUNT; k++) out[outOffset + k] = Number.NaN;
  for (const k of SUMMED) out[outOffset + k] = compensatedSum(regionRows, k, OUTPUT_COUNT, regionCount);
  let unpaidEUR = 0;
  let totalConnections = 0;
  let overloadedHomes = 0;
  let totalHomes = 0;
  for (let r = 0; r < regionCount; r++) {
    const row = r * OUTPUT_COUNT;
    unpaidEUR += regionRows[row + O.gridAnnuityEUR] - regionRows[row + O.ebToGridEUR];
    totalConnections += regions[r].connections;
    overloadedHomes += regionRows[row + O.lvOverloadedHomesShare] * regions[r].homes;
    totalHomes += regions[r].homes;
  }
  out[outOffset + O.tariffEURPerConnection] = unpaidEUR / totalConnections;
  out[outOffset + O.lvOverloadedHomesShare] = overloadedHomes / totalHomes;
  computeNationalFinanceAndLand(regions, national, totalConnections, out, outOffset);
  const resNominalTWh = out[outOffset + O.resNominalTWh];
  const triggered = resNominalTWh < national.targetTWh - TARGET_SLACK * Math.max(1, Math.abs(national.targetTWh));
  out[outOffset + O.route35Triggered] = triggered ? 1 : 0;
  out[outOffset + O.targetGapTWh] = triggered ? national.targetTWh - resNominalTWh : 0;
}

/**
 * National financing routes and land share (MODEL.md §4, §11, §13) from the national sums already in
 * `out`: the equity annuity is linear in the capital, so Σ over regions equals the factors times Σ capex.
 */
function computeNationalFinanceAndLand(
  regions: readonly RegionData[],
  national: NationalParams,
  totalConnections: number,
  out: Float64Array,
  outOffset: number,
): void {
  const gridAnnuityEUR = out[outOffset + O.gridAnnuityEUR];
  const equity = equityAnnuityFactors(national);
  const equityAnnuityEUR =
    out[outOffset + O.gridCapexEUR] * equity.grid + out[outOffset + O.storageCapexEUR] * equity.storage;
  out[outOffset + O.financeTariffEURPerConnection] = gridAnnuityEUR / totalConnections;
  out[outOffset + O.financeEquityTariffEURPerConnection] = equityAnnuityEUR / totalConnections;
  out[outOffset + O.financeSubsidyEBShare] = subsidyEBShare(gridAnnuityEUR, national);
  // NaN (null) unless every region has arable land above 0.
  out[outOffset + O.landClaimShareOfArable] = out[outOffset + O.landClaimHa] / nationalArableHa(regions);
}
