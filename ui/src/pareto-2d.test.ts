import { describe, expect, it } from 'vitest';
import { betterDirection, paretoFront2d } from './pareto-2d.ts';

/** The front by brute force: i is on it unless some j is at least as good on both and better on one. */
function bruteForce(xs: number[], ys: number[], lowerX: boolean, lowerY: boolean): Set<number> {
  const a = xs.map((x) => (lowerX ? x : -x)),
    b = ys.map((y) => (lowerY ? y : -y));
  const front = new Set<number>();
  for (let i = 0; i < xs.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    const beaten = a.some((_, j) => a[j] <= a[i] && b[j] <= b[i] && (a[j] < a[i] || b[j] < b[i]));
    if (!beaten) front.add(i);
  }
  return front;
}

describe('paretoFront2d', () => {
  it('keeps the trade-offs when both are better lower (tariff against hectares)', () => {
    // (tariff, ha): (30, 900) (32, 700) (31, 950) (35, 600) (33, 700)
    const front = paretoFront2d([30, 32, 31, 35, 33], [900, 700, 950, 600, 700], 'lower', 'lower');
    expect([...front].sort()).toEqual([0, 1, 3]);
  });

  it('turns a direction round when more is better', () => {
    // (capex, TWh): more TWh is better. (5, 30) (6, 35) (7, 34) (4, 20)
    const front = paretoFront2d([5, 6, 7, 4], [30, 35, 34, 20], 'lower', 'higher');
    expect([...front].sort()).toEqual([0, 1, 3]);
  });

  it('keeps equal rows together and leaves out rows without a value', () => {
    const front = paretoFront2d([1, 1, 2, Number.NaN, 0], [5, 5, 1, 0, Number.NaN], 'lower', 'lower');
    expect([...front].sort()).toEqual([0, 1, 2]);
  });

  it('agrees with brute force on random rows with ties', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 25);
      const xs = Array.from({ length: n }, () => Math.floor(rand() * 6));
      const ys = Array.from({ length: n }, () => (rand() < 0.1 ? Number.NaN : Math.floor(rand() * 6)));
      const lx = rand() < 0.5,
        ly = rand() < 0.5;
      const got = paretoFront2d(xs, ys, lx ? 'lower' : 'higher', ly ? 'lower' : 'higher');
      expect([...got].sort((p, q) => p - q)).toEqual([...bruteForce(xs, ys, lx, ly)].sort((p, q) => p - q));
    }
  });
});

describe('betterDirection', () => {
  it('says more production and avoided CO₂ are better, and less of costs, tariffs and land', () => {
    expect(betterDirection('resDeliveredTWh')).toBe('higher');
    expect(betterDirection('co2AvoidedT')).toBe('higher');
    expect(betterDirection('financeEquityTariffEURPerConnection')).toBe('lower');
    expect(betterDirection('fieldSolarHa')).toBe('lower');
    expect(betterDirection('landClaimShareOfArable')).toBe('lower');
  });
});
