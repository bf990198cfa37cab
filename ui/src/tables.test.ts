import { describe, expect, it } from 'vitest';
import { tableInteraction } from './tables.ts';

describe('samenhang between the klimaattafels (leave-one-out)', () => {
  it('is the usual interaction for two tables: positive when together they load the grid more than apart', () => {
    // LV reinforcement (MW): heat pumps alone 258, EVs alone 0, both 1228, neither 0.
    const whole = 1228,
      base = 0,
      withoutHeat = 0,
      withoutEvs = 258;
    const parts = [whole - withoutHeat, whole - withoutEvs];
    expect(tableInteraction(whole, base, parts)).toBe(1228 - 258 - 0 + 0);
  });

  it('is negative when the tables absorb each other’s load', () => {
    // Feed-in reinforcement: solar alone 500, daytime demand alone 0, both 300 (demand takes up solar peaks).
    const parts = [300 - 0, 300 - 500];
    expect(tableInteraction(300, 0, parts)).toBe(300 - 500 - 0 + 0);
  });

  it('is zero when the tables act independently (additive effects)', () => {
    // A alone +40, B alone +60, both +100 over a base of 10.
    expect(tableInteraction(110, 10, [110 - 70, 110 - 50])).toBe(0);
  });
});
