/**
 * The one place where the API's English validation messages become Dutch. The API keeps its
 * contract (HTTP 400 with `issues: [{ path, message }]`); the UI translates each message by its
 * pattern and each path by what it names, in the display units of the parameter concerned.
 */
import { parameterAtPath, type DisplayUnit, toDisplay } from '../../engine/labels/index.ts';
import { ApiError, type Issue } from './api.ts';
import { num } from './format.ts';
import { pathLabel, regionName } from './region-names.ts';

/** How the value a message talks about is shown to the user: display unit and scale. */
export interface Shown {
  display: DisplayUnit;
  /**
   * False when the user did not type the value the message quotes (a national total the UI spread
   * over the regions): the message then leaves the value out, so that one lever gives one message.
   */
  typed: boolean;
}

const NONE: Shown = { display: { unit: '', scale: 1, digits: 2 }, typed: true };

/** A model value in the unit the user sees: "100 %", "614 €/kW", "3". */
function shownValue(value: number, shown: Shown): string {
  const { unit, digits } = shown.display;
  const v = toDisplay(value, shown.display);
  const text = num(v, Number.isInteger(Number(v.toFixed(6))) ? 0 : Math.max(digits, 1));
  return unit ? `${text}\u00a0${unit}` : text;
}

/** ", nu 150 %" when the user typed the value; nothing otherwise. */
function got(raw: string | undefined, shown: Shown): string {
  if (!shown.typed || raw === undefined) return '';
  const value = Number(raw);
  return Number.isFinite(value) ? ` (nu ${shownValue(value, shown)})` : '';
}

type Rule = [RegExp, (m: RegExpExecArray, shown: Shown) => string];

/** Engine and zod messages (English) → Dutch; the first matching pattern wins. */
const RULES: Rule[] = [
  [/^must not be negative(?:, got (\S+))?/, (m, s) => `mag niet negatief zijn${got(m[1], s)}`],
  [/^must be greater than 0(?:, got (\S+))?/, (m, s) => `moet groter dan 0 zijn${got(m[1], s)}`],
  [/^must be greater than -1(?:, got (\S+))?/, (m, s) => `moet groter zijn dan ${shownValue(-1, s)}${got(m[1], s)}`],
  [
    /^must lie in \[0, 1\](?:, got (\S+))?/,
    (m, s) => `moet tussen ${shownValue(0, s)} en ${shownValue(1, s)} liggen${got(m[1], s)}`,
  ],
  [
    /^must lie in \(0, 1\](?:, got (\S+))?/,
    (m, s) => `moet groter dan ${shownValue(0, s)} en hoogstens ${shownValue(1, s)} zijn${got(m[1], s)}`,
  ],
  [
    /^must lie in \[0, 1\)(?:, got (\S+))?/,
    (m, s) => `moet minstens ${shownValue(0, s)} en kleiner dan ${shownValue(1, s)} zijn${got(m[1], s)}`,
  ],
  [/^must be a finite number|^must be a number|^Invalid input: expected number/, () => 'moet een getal zijn'],
  [/^must be a whole year or null/, () => 'moet een heel jaartal zijn, of leeg voor het referentiejaar'],
  [
    /^the dataset has no weather year (\S+) \(it has ([\d, ]+)/,
    (m) => `de gegevens hebben geen weerjaar ${m[1]} (wel ${m[2].replace(/,\s*$/, '')})`,
  ],
  [
    /^heat strategy shares sum to (\S+), above 1/,
    (m) =>
      `de vier warmte-aandelen zijn samen ${num(Number(m[1]) * 100, 0)}%; dat mag hoogstens 100% zijn (de rest houdt een cv-ketel)`,
  ],
  [
    /^copMin \((\S+)\) is greater than copMax \((\S+)\)/,
    (m) => `de laagste COP (${num(Number(m[1]), 2)}) is hoger dan de hoogste COP (${num(Number(m[2]), 2)})`,
  ],
  [
    /^(solar|wind) production given but (?:solar|wind) profile '([^']*)' sums to 0/,
    (m) => `${m[1] === 'solar' ? 'zonneproductie' : 'windproductie'} opgegeven, maar het profiel ‘${m[2]}’ is overal 0`,
  ],
  [/^null is allowed only for/, () => 'leeg mag alleen bij het zon-aandeel en het weerjaar'],
  [/^unknown region id/, () => 'onbekende regio'],
  [/^unknown (regional |national )?parameter/, () => 'onbekende parameter'],
  [/^unknown key/, () => 'onbekend veld'],
  [/^must not be empty/, () => 'mag niet leeg zijn'],
  [/^at most (\d+) characters/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/^must be an object|^Invalid input: expected object/, () => 'heeft een verkeerde vorm'],
  [/^must be a string|^Invalid input: expected string/, () => 'moet tekst zijn'],
  [
    /^values must be in increasing order/,
    () => 'de grenzen moeten oplopen (ondergrens ≤ meest waarschijnlijk ≤ bovengrens)',
  ],
  [/^path '[^']*' is already an axis/, () => 'deze parameter is al een as'],
  [/takes a list of years/, () => 'het weerjaar neemt een lijst jaren, geen verdeling'],
  [
    /^the sweep has (\d+) scenarios, more than the maximum of (\d+)/,
    (m) => `de verkenning telt ${num(Number(m[1]))} scenario’s, meer dan het maximum van ${num(Number(m[2]))}`,
  ],
  [
    /^scenario (\d+)(?: \(.*\))? is invalid: ([^:]+): (.*?)(?: \(and (\d+) more\))?$/,
    (m) =>
      `scenario ${num(Number(m[1]) + 1)} is ongeldig: ${dutchLocation(m[2])}: ${dutchMessage(m[3], shownAt(m[2]))}${m[4] ? ` (en nog ${m[4]})` : ''}`,
  ],
  [/^Too small: expected array to have >=?1/, () => 'vul minstens één waarde in'],
  [/^Too big: expected array/, () => 'te veel waarden'],
  [/^Invalid input/, () => 'ongeldige invoer'],
];

/** The Dutch text of an API message; `shown` gives the unit of the value it quotes. Unknown messages say "ongeldige waarde". */
export function dutchMessage(message: string, shown: Shown = NONE): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say(m, shown);
  }
  // Never show English to a user; the console keeps the original for whoever debugs.
  console.warn('untranslated API message:', message);
  return 'ongeldige waarde';
}

/** How values at a parameter path are shown (its display unit); plain numbers for other paths. */
export function shownAt(path: string, typed = true): Shown {
  const q = parameterAtPath(path);
  return q ? { display: q.display, typed } : { ...NONE, typed };
}

const AXIS_PART: Record<string, string> = {
  path: 'parameter',
  values: 'waarde',
  uniform: 'grens',
  triangular: 'grens',
};

/** Where an issue is, as a user reads it: a parameter's label and area, a layer, or a sweep axis. */
export function dutchLocation(path: string): string {
  if (path === '' || path === '(scenario)' || path === '(sweep)') return 'Scenario';
  if (path.startsWith('base.')) return `Basisscenario, ${dutchLocation(path.slice(5))}`;
  if (parameterAtPath(path)) return pathLabel(path);
  const parts = path.split('.');
  if (path === 'national') return 'Landelijke instellingen';
  if (path === 'defaults') return 'Alle regio’s';
  if (parts[0] === 'regions' && parts.length === 2) return regionName(parts[1]);
  if (path === 'name') return 'Naam';
  if (parts[0] === 'axes') {
    if (parts.length === 1) return 'Assen';
    const axis = `As ${Number(parts[1]) + 1}`;
    if (parts.length === 2) return axis;
    const what = AXIS_PART[parts[2]] ?? 'invoer';
    return parts.length > 3 ? `${axis}, ${what} ${Number(parts[3]) + 1}` : `${axis}, ${what}`;
  }
  if (path === 'samples') return 'Trekkingen';
  if (path === 'seed') return 'Seed';
  const last = parts[parts.length - 1];
  return parameterAtPath(`national.${last}`) || parameterAtPath(`defaults.${last}`)
    ? pathLabel(`defaults.${last}`)
    : 'Invoer';
}

/** "Zon-aandeel in RES — Groningen: moet tussen 0 % en 100 % liggen (nu 150 %)". */
export function dutchIssue(issue: Issue, shown: Shown = shownAt(issue.path)): string {
  if (issue.message.startsWith('unknown key')) {
    // The key is the user's own (from an uploaded file): name it, under the layer it was in.
    const cut = issue.path.lastIndexOf('.');
    const key = issue.path.slice(cut + 1);
    return `${cut > 0 ? dutchLocation(issue.path.slice(0, cut)) : 'Scenario'}: onbekend veld ‘${key}’`;
  }
  return `${dutchLocation(issue.path)}: ${dutchMessage(issue.message, shown)}`;
}

/** Distinct strings in first-seen order: one message per lever, however many regions it touched. */
export function distinct(messages: readonly string[]): string[] {
  return [...new Set(messages)];
}

/** A failed request as one Dutch line: its issues, or what went wrong by status. */
export function dutchError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.issues.length) return distinct(error.issues.map((i) => dutchIssue(i))).join('; ');
    if (error.status === 401 || error.status === 403) return error.message;
    if (error.status === 404) return 'Niet gevonden.';
    if (error.status === 409) return 'Iemand anders heeft dit intussen gewijzigd; laad opnieuw.';
    if (error.status === 413) return 'Het verzoek is te groot.';
    if (error.status >= 500) return `De server gaf een fout (${error.status}).`;
    return `De server weigerde het verzoek (${error.status}).`;
  }
  if (error instanceof TypeError) return 'Geen verbinding met de server.';
  return 'Er ging iets mis.';
}
