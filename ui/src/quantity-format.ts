/**
 * Values of parameters and outputs in their display units, Dutch style: "0,35" solar share → "35 %",
 * 5.6e9 € grid investment → "5.600 mln €". The units and conversions come from the engine's label table.
 */
import { quantityOf, toDisplay, fromDisplay } from '../../engine/labels/index.ts';
import { num } from './format.ts';

/** The display value of an output name's or parameter path's model value (unchanged when unknown). */
export function displayValueOf(name: string, value: number): number {
  const q = quantityOf(name);
  return q ? toDisplay(value, q.display) : value;
}

/** The model value of a display value typed for an output name or parameter path (unchanged when unknown). */
export function modelValueOf(name: string, display: number): number {
  const q = quantityOf(name);
  return q ? fromDisplay(display, q.display) : display;
}

/** The display unit of an output name or parameter path ('' when unknown or unitless). */
export function displayUnitOf(name: string): string {
  return quantityOf(name)?.display.unit ?? '';
}

/** A model value as a user reads it: converted, rounded to the table's digits, with its unit unless `bare`. */
export function formatQuantity(name: string, value: number | null | undefined, bare = false): string {
  const q = quantityOf(name);
  if (!q) return num(value, 2);
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = num(toDisplay(value, q.display), q.display.digits);
  return bare || !q.display.unit ? text : `${text}\u00a0${q.display.unit}`;
}

/**
 * A model value for a table cell, in display units without the unit (the head has it), with fewer
 * decimals as it grows so that columns stay narrow: 55,0 not 55,00; 13.835 not 13.835,0.
 */
export function compactQuantity(name: string, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const q = quantityOf(name);
  const shown = q ? toDisplay(value, q.display) : value;
  const digits = q ? q.display.digits : 2;
  const size = Math.abs(shown);
  return num(shown, size >= 100 ? 0 : size >= 10 ? Math.min(digits, 1) : digits);
}
