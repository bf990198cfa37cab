import { describe, expect, it } from 'vitest';
import type { HeatProfile } from './heat.ts';
import { LoadShapeCache } from './load-shapes.ts';

const heat = {
  aeKWPerHome: new Float64Array([1, 2, 3]),
  hyKWPerHome: new Float64Array([10, 20, 30]),
} as HeatProfile;

describe('LoadShapeCache', () => {
  it('mixes the heat-pump shapes by share and returns the same array for the same mix', () => {
    const cache = new LoadShapeCache(4);
    const mix = cache.heatMix(heat, 0.5, 0.1);
    expect([...mix]).toEqual([0.5 * 1 + 0.1 * 10, 0.5 * 2 + 0.1 * 20, 0.5 * 3 + 0.1 * 30]);
    expect(cache.heatMix(heat, 0.5, 0.1)).toBe(mix);
  });

  it('when full, reuses the least recently used array (no allocation per new mix), refilled correctly', () => {
    const cache = new LoadShapeCache(2);
    const a = cache.heatMix(heat, 1, 0);
    const b = cache.heatMix(heat, 0, 1);
    expect(cache.heatMix(heat, 1, 0)).toBe(a); // a is now the most recent
    const c = cache.heatMix(heat, 0.5, 0.5); // evicts b, the least recently used
    expect(c).toBe(b);
    expect([...c]).toEqual([5.5, 11, 16.5]);
    expect(cache.heatMix(heat, 1, 0)).toBe(a);
    expect([...a]).toEqual([1, 2, 3]);
  });
});
