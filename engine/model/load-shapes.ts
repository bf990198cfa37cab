import type { Dataset } from '../data/types.ts';
import { blockBoundsOf, fillBlockBounds } from '../kernel/block-bounds.ts';
import type { HeatProfile } from './heat.ts';

/**
 * A shape array for a new variant: when the cache is full, the oldest variant's array is taken
 * over instead of allocating. Sweeps with a sampled heat-pump share need a new shape for every
 * scenario; allocating 70 kB per scenario and region profile kept the worker's GC busy. Safe
 * because a shape is used right after it is built (kernel inputs are built per hourly run), and
 * a run uses far fewer variants than the cache holds.
 */
function recycledOrNew<K>(variants: Map<K, Float64Array>, maxVariants: number, hours: number): Float64Array {
  if (variants.size < maxVariants) return new Float64Array(hours);
  const [oldestKey, oldest] = variants.entries().next().value as [K, Float64Array];
  variants.delete(oldestKey);
  return oldest.length === hours ? oldest : new Float64Array(hours);
}

/**
 * Hourly shapes the kernel multiplies by one per-region scalar: heat-pump kW per home for a given
 * strategy mix, and the EV charging shape for a given smart-charging share. Regions with the same
 * mix (the usual case: shares set in `defaults`) share one array, so the kernel reads two arrays
 * per hour instead of four. Memoised per heat profile / dataset; bounded.
 */
export class LoadShapeCache {
  private readonly heatMixes = new WeakMap<HeatProfile, Map<string, Float64Array>>();
  private readonly evMixes = new WeakMap<Dataset, Map<number, Float64Array>>();
  /** Block extremes of each shape (block-bounds.ts), refilled with the shape. */
  private readonly bounds = new WeakMap<Float64Array, Float64Array>();
  private readonly maxVariants: number;

  constructor(maxVariants = 256) {
    this.maxVariants = maxVariants;
  }

  /** kW per home (all homes of the region) of heat pumps, for these all-electric and hybrid shares. */
  heatMix(heat: HeatProfile, shareAllElectric: number, shareHybrid: number): Float64Array {
    let variants = this.heatMixes.get(heat);
    if (!variants) {
      variants = new Map();
      this.heatMixes.set(heat, variants);
    }
    const key = `${shareAllElectric},${shareHybrid}`;
    let shape = variants.get(key);
    if (!shape) {
      shape = recycledOrNew(variants, this.maxVariants, heat.aeKWPerHome.length);
      for (let h = 0; h < shape.length; h++)
        shape[h] = shareAllElectric * heat.aeKWPerHome[h] + shareHybrid * heat.hyKWPerHome[h];
      this.refreshBounds(shape);
    } else {
      variants.delete(key); // re-inserted below: Map order is recency order, the oldest is recycled first
    }
    variants.set(key, shape);
    return shape;
  }

  /** Normalised EV charging shape (1 − σ) × dumb + σ × smart. */
  evMix(dataset: Dataset, smartShare: number): Float64Array {
    let variants = this.evMixes.get(dataset);
    if (!variants) {
      variants = new Map();
      this.evMixes.set(dataset, variants);
    }
    let shape = variants.get(smartShare);
    if (!shape) {
      shape = recycledOrNew(variants, this.maxVariants, dataset.hours);
      for (let h = 0; h < dataset.hours; h++)
        shape[h] = (1 - smartShare) * dataset.evDumbShare[h] + smartShare * dataset.evSmartShare[h];
      this.refreshBounds(shape);
    } else {
      variants.delete(smartShare);
    }
    variants.set(smartShare, shape);
    return shape;
  }

  /** Block extremes of a shape this cache returned (as it holds now). */
  boundsOf(shape: Float64Array): Float64Array {
    const bounds = this.bounds.get(shape);
    if (!bounds) throw new RangeError('not a shape of this cache');
    return bounds;
  }

  private refreshBounds(shape: Float64Array): void {
    const bounds = this.bounds.get(shape);
    if (bounds) fillBlockBounds(shape, bounds);
    else this.bounds.set(shape, blockBoundsOf(shape));
  }
}
