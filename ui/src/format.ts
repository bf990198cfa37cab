/**
 * Dutch number formatting (1.234,5). One cached Intl.NumberFormat per precision: creating
 * formatters is slow and the KPI panel re-renders on every lever move.
 */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(digits: number, signed = false): Intl.NumberFormat {
  const key = `${digits}:${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    cache.set(key, f);
  }
  return f;
}

/** A number with a fixed number of decimals, Dutch style; '–' for missing values. */
export function num(x: number | null | undefined, digits = 0, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  // Values that round to zero print as 0, not "-0".
  if (Math.abs(x) < 0.5 * 10 ** -digits) x = 0;
  return formatter(digits, signed).format(x);
}

/** A number with its unit, separated by a non-breaking space so the unit never wraps alone. */
export function withUnit(x: number | null | undefined, unit: string, digits = 0, signed = false): string {
  return `${num(x, digits, signed)}\u00a0${unit}`;
}

/** Euros scaled to mln/mld € so that big investments stay readable. */
export function euros(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e9) return `${num(x / 1e9, 2, signed)}\u00a0mld\u00a0€`;
  if (a >= 1e6) return `${num(x / 1e6, 1, signed)}\u00a0mln\u00a0€`;
  return `${num(x, 0, signed)}\u00a0€`;
}

/** Picks a sensible number of decimals for a value of this size (used by generic tables). */
export function auto(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const digits = a === 0 || a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return num(x, digits, signed);
}

/** Parses a Dutch or plain number typed by a user ("1.234,5", "1234.5", "0,3"). */
export function parseNum(text: string): number {
  const t = text.trim().replace(/\s|\u00a0/g, '');
  if (t === '') return NaN;
  // With a comma present the comma is the decimal separator and dots group thousands; without
  // one, "1.000" / "1.900.000" are Dutch thousands (groups of exactly three), "1.5" a decimal.
  const normal = t.includes(',')
    ? t.replace(/\./g, '').replace(',', '.')
    : /^-?\d{1,3}(\.\d{3})+$/.test(t)
      ? t.replace(/\./g, '')
      : t;
  return Number(normal);
}

/** Short axis labels for big numbers: 8 mld, 5,3 mln, 12.500 (chart ticks have little room). */
export function compact(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e9) return `${num(x / 1e9, a >= 1e10 ? 0 : 1)} mld`;
  if (a >= 1e6) return `${num(x / 1e6, a >= 1e7 ? 0 : 1)} mln`;
  return auto(x);
}
