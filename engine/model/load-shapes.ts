import type { Dataset } from '../data/types.ts';
import type { HeatProfile } from './heat.ts';

/**
 * Hourly shapes the kernel multiplies by one per-region scalar: heat-pump kW per home for a given
 * strategy mix, and the EV charging shape for a given smart-charging share. Regions with the same
 * mix (the usual case: shares set in `defaults`) share one array, so the kernel reads two arrays
 * per hour instead of four. Memoised per heat profile / dataset; bounded.
 */
export class LoadShapeCache {
  private readonly heatMixes = new WeakMap<HeatProfile, Map<string, Float64Array>>();
  private readonly evMixes = new WeakMap<Dataset, Map<number, Float64Array>>();
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
      if (variants.size >= this.maxVariants) variants.clear();
      const hours = heat.aeKWPerHome.length;
      shape = new Float64Array(hours);
      for (let h = 0; h < hours; h++)
        shape[h] = shareAllElectric * heat.aeKWPerHome[h] + shareHybrid * heat.hyKWPerHome[h];
      variants.set(key, shape);
    }
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
      if (variants.size >= this.maxVariants) variants.clear();
      shape = new Float64Array(dataset.hours);
      for (let h = 0; h < dataset.hours; h++)
        shape[h] = (1 - smartShare) * dataset.evDumbShare[h] + smartShare * dataset.evSmartShare[h];
      variants.set(smartShare, shape);
    }
    return shape;
  }
}
