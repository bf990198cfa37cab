/**
 * Seeded pseudo-random numbers for sampled sweep axes: sfc32 seeded through splitmix32. Integer
 * arithmetic only (Math.imul, >>> 0), so the same seed gives the same draws on every machine and
 * for every worker count — draws are made once, up front, on the main thread.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  const splitmix32 = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    // 32 random bits → [0, 1); enough resolution for parameter draws.
    return t / 4294967296;
  };
}

/** Inverse-CDF draw from a triangular distribution on [lo, hi] with the given mode. */
export function triangularFromUniform(u: number, lo: number, mode: number, hi: number): number {
  if (hi === lo) return lo;
  const split = (mode - lo) / (hi - lo);
  return u < split ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
}
