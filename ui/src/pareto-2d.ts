/**
 * The Pareto front of a sweep's national rows over the two outputs the scatter shows, so a user can
 * ask for the best trade-off between any two figures (e.g. the tariff under state equity against
 * field-solar hectares), not only the server's fixed front (grid investment, delivered RES, land).
 */

/** Whether less or more of an output is better. */
export type Better = 'lower' | 'higher';

/**
 * Outputs of which more is better: production, avoided gas and CO₂, and the energy tax that goes
 * back. Every other output (costs, tariffs, MW of reinforcement, hectares, hours, shares of
 * overloaded homes or of the tax revenue) is better lower.
 */
const HIGHER_IS_BETTER: ReadonlySet<string> = new Set([
  'resNominalTWh',
  'resDeliveredTWh',
  'smallRoofSolarTWh',
  'storageThroughputMWh',
  'co2AvoidedT',
  'gasAvoidedM3',
  'ebToGridEUR',
  'ebToHeatEUR',
]);

/** Which direction of an output is better. */
export function betterDirection(output: string): Better {
  return HIGHER_IS_BETTER.has(output) ? 'higher' : 'lower';
}

/**
 * Indices of the rows no other row beats on both columns (at least as good on both, strictly
 * better on one). Rows with a missing value (NaN) in either column are never on the front.
 * Equal rows are on the front together. O(n log n): sort by x, then keep the rows whose y beats
 * every row before them.
 */
export function paretoFront2d(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  betterX: Better,
  betterY: Better,
): Set<number> {
  const sx = betterX === 'lower' ? 1 : -1,
    sy = betterY === 'lower' ? 1 : -1;
  const rows: number[] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) rows.push(i);
  // Minimise a = sx·x and b = sy·y: best a first, then best b.
  rows.sort((i, j) => sx * xs[i] - sx * xs[j] || sy * ys[i] - sy * ys[j]);
  const front = new Set<number>();
  let bestB = Number.POSITIVE_INFINITY,
    bestA = Number.NaN;
  for (const i of rows) {
    const a = sx * xs[i],
      b = sy * ys[i];
    if (b < bestB) {
      front.add(i);
      bestB = b;
      bestA = a;
    } else if (b === bestB && a === bestA) {
      front.add(i); // the same point as a row on the front
    }
  }
  return front;
}
