/** Small statistics for repeated measurements: the median and the spread around it. */

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, minimum and maximum of repeated measurements, and the measurements themselves. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

/** The spread of a non-empty list. */
export function spreadOf(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
}
