import { OUTPUT_COUNT, OUTPUTS, OUTPUT_INDEX as O } from './outputs.ts';
import type { NationalParams } from './parameters.ts';

const SUMMED = OUTPUTS.map((output, index) => ({ output, index }))
  .filter(({ output }) => output.scope === 'both' && output.name !== 'tariffEURPerConnection')
  .map(({ index }) => index);

/**
 * National outcomes of MODEL.md §4 from the region rows: sums of the extensive outputs, the
 * national tariff as a ratio of sums, and the Route 35 check. Region-only outputs become NaN (null).
 */
export function computeNationalRow(
  regionRows: Float64Array,
  regionCount: number,
  connections: ArrayLike<number>,
  national: NationalParams,
  out: Float64Array,
  outOffset: number,
): void {
  for (let k = 0; k < OUTPUT_COUNT; k++) out[outOffset + k] = Number.NaN;
  for (const k of SUMMED) {
    let sum = 0;
    for (let r = 0; r < regionCount; r++) sum += regionRows[r * OUTPUT_COUNT + k];
    out[outOffset + k] = sum;
  }
  let unpaidEUR = 0;
  let totalConnections = 0;
  for (let r = 0; r < regionCount; r++) {
    const row = r * OUTPUT_COUNT;
    unpaidEUR += regionRows[row + O.gridAnnuityEUR] - regionRows[row + O.ebToGridEUR];
    totalConnections += connections[r];
  }
  out[outOffset + O.tariffEURPerConnection] = unpaidEUR / totalConnections;
  const resNominalTWh = out[outOffset + O.resNominalTWh];
  out[outOffset + O.route35Triggered] = resNominalTWh < national.targetTWh ? 1 : 0;
  out[outOffset + O.targetGapTWh] = Math.max(0, national.targetTWh - resNominalTWh);
}
