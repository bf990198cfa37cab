/**
 * The smallest loop over the same data as the kernel: net = solar + wind − base and its maximum,
 * per region and hour. Its speed is the memory-and-loop floor of this machine, so the kernel's
 * speed divided by it is a ratio that holds on noisy shared machines.
 */
export function plainNetLoop(
  solarCF: Float64Array[],
  windCF: Float64Array[],
  baseMW: Float64Array[],
  hours: number,
): number {
  let total = 0;
  for (let r = 0; r < baseMW.length; r++) {
    const solar = solarCF[r];
    const wind = windCF[r];
    const base = baseMW[r];
    let peak = -Infinity;
    for (let h = 0; h < hours; h++) {
      const net = 100 * solar[h] + 50 * wind[h] - base[h];
      if (net > peak) peak = net;
    }
    total += peak;
  }
  return total;
}
