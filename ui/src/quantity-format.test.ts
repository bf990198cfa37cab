import { describe, expect, it } from 'vitest';
import { compactQuantity } from './quantity-format.ts';

describe('compactQuantity: table cells in display units, fewer decimals as values grow', () => {
  it('keeps the display digits below 10, one decimal at most below 100, none above', () => {
    // RES-productie is shown in TWh/jaar with 2 decimals.
    expect(compactQuantity('resDeliveredTWh', 5.4321)).toBe('5,43');
    expect(compactQuantity('resDeliveredTWh', 55)).toBe('55,0');
    expect(compactQuantity('resDeliveredTWh', 123.456)).toBe('123');
    // CO₂ in Mton (t / 10⁶), 2 decimals.
    expect(compactQuantity('co2AvoidedT', 1_234_567)).toBe('1,23');
    // Grid investment in mln € without decimals; MW with thousands dots.
    expect(compactQuantity('gridCapexEUR', 5.6e9)).toBe('5.600');
    expect(compactQuantity('reinforceFeedinMW', 13_835.4)).toBe('13.835');
  });

  it('converts parameters to their display unit and says "–" for no value', () => {
    expect(compactQuantity('defaults.solarShare', 0.35)).toBe('35');
    expect(compactQuantity('gridCapexEUR', Number.NaN)).toBe('–');
    expect(compactQuantity('gridCapexEUR', null)).toBe('–');
  });
});
