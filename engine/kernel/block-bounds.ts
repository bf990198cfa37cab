/**
 * Per-block extremes of an hourly array: for block b (hours b·BLOCK_HOURS up to the next block or
 * the end), its minimum at [2b] and maximum at [2b + 1]. The kernel uses them to prove a block of
 * hours quiet without visiting its hours (region-hours.ts, runSkippingQuietBlocks).
 */
export const BLOCK_HOURS = 8;

/** Number of blocks covering `hours`. */
export function blockCount(hours: number): number {
  return Math.ceil(hours / BLOCK_HOURS);
}

/** Writes the block extremes of `values` into `into` (2 per block) and returns it. */
export function fillBlockBounds(values: Float64Array, into: Float64Array): Float64Array {
  const hours = values.length;
  for (let block = 0, from = 0; from < hours; block++, from += BLOCK_HOURS) {
    const to = Math.min(hours, from + BLOCK_HOURS);
    let min = values[from];
    let max = values[from];
    for (let h = from + 1; h < to; h++) {
      const value = values[h];
      if (value < min) min = value;
      if (value > max) max = value;
    }
    into[2 * block] = min;
    into[2 * block + 1] = max;
  }
  return into;
}

/** New block extremes of `values`. */
export function blockBoundsOf(values: Float64Array): Float64Array {
  return fillBlockBounds(values, new Float64Array(2 * blockCount(values.length)));
}

const boundsOfFixedArrays = new WeakMap<Float64Array, Float64Array>();

/**
 * Block extremes of an array that never changes after it is made (dataset profiles and base
 * loads), computed once per array. Arrays that are refilled (LoadShapeCache) must not come here.
 */
export function fixedBlockBounds(values: Float64Array): Float64Array {
  let bounds = boundsOfFixedArrays.get(values);
  if (!bounds) {
    bounds = blockBoundsOf(values);
    boundsOfFixedArrays.set(values, bounds);
  }
  return bounds;
}
