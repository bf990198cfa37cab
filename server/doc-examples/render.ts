/**
 * Helpers that turn real answers into the short examples of the docs: JSON laid out as a person would
 * write it, members picked and arrays cut with an explicit "…", numbers rounded, and the values that
 * differ on every run (ids, times, durations) replaced by "…" or a fixed id.
 */

/** The mark for what an example leaves out. */
export const MORE = '…';

/** A value on one line: `{ "a": 1, "b": [1, 2] }`. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * JSON laid out like hand-written docs: a value on one line when it fits in `width` characters,
 * else one member or element per line, recursively.
 */
export function compactJson(value: unknown, width = 110, indent = 0): string {
  const inline = inlineJson(value);
  if (indent + inline.length <= width || typeof value !== 'object' || value === null) return inline;
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (Array.isArray(value))
    return `[\n${value.map((v) => pad + compactJson(v, width, indent + 2)).join(',\n')}\n${close}]`;
  const members = Object.entries(value).map(
    ([k, v]) => `${pad}${JSON.stringify(k)}: ${compactJson(v, width, indent + 2)}`,
  );
  return `{\n${members.join(',\n')}\n${close}}`;
}

/** The members `keys` of `object` in that order, and `"…": "…"` when it has others. */
export function pick(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (key in object) picked[key] = object[key];
  if (Object.keys(object).some((key) => !keys.includes(key))) picked[MORE] = MORE;
  return picked;
}

/** The first `n` elements of `array`, then `"… N in all"` when there are more. */
export function first<T>(array: readonly T[], n: number): Array<T | string> {
  return array.length > n ? [...array.slice(0, n), `${MORE} ${array.length} in all`] : [...array];
}

/** Every number in `value` rounded to `digits` decimals (integers stay as they are). */
export function rounded<T>(value: T, digits = 1): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? value : Number(value.toFixed(digits))) as T;
  if (Array.isArray(value)) return value.map((v) => rounded(v, digits)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v, digits)])) as T;
  return value;
}

/** `value` with the members named in `keys` (at any depth) set to "…": times and durations of one run. */
export function withoutVolatile<T>(value: T, keys: readonly string[]): T {
  if (Array.isArray(value)) return value.map((v) => withoutVolatile(v, keys)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, keys.includes(k) && v !== null ? MORE : withoutVolatile(v, keys)]),
    ) as T;
  return value;
}
