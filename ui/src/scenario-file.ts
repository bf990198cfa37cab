/**
 * A scenario as a file: the JSON the API takes (and `samenhang evaluate` reads), written for
 * download and read back from an upload. An uploaded file is checked by the server's own
 * validation (an evaluation); every problem comes back in Dutch, naming the field.
 */
import { ApiError, evaluate, type ScenarioJson } from './api.ts';
import { distinct, dutchIssue } from './messages.ts';

/** Larger files are refused before reading: a scenario of 30 regions with every lever set is ~30 kB. */
export const MAX_SCENARIO_FILE_BYTES = 2_000_000;

/** The scenario as a readable JSON file (two-space indent, a final newline). */
export function scenarioFileText(s: ScenarioJson): string {
  return `${JSON.stringify({ name: s.name, national: s.national, defaults: s.defaults, regions: s.regions }, null, 2)}\n`;
}

/** What reading a file gave: the scenario, or the Dutch messages that say why not. */
export type ScenarioFileResult = { ok: true; scenario: ScenarioJson } | { ok: false; messages: string[] };

const fail = (...messages: string[]): ScenarioFileResult => ({ ok: false, messages });

/**
 * Parses a file's text as a scenario: JSON, an object, and, if it is a saved scenario as the API
 * returns it (`{ id, version, scenario }`), its `scenario`. Missing layers become empty, as in the
 * API; everything else is left to the server's validation.
 */
export function parseScenarioText(text: string): ScenarioFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail(
      'Het bestand is geen geldige JSON. Kies een scenariobestand (.json) dat u uit Samenhang hebt gedownload.',
    );
  }
  if (isObject(value) && isObject(value.scenario) && 'id' in value) value = value.scenario;
  if (!isObject(value))
    return fail('Het bestand bevat geen scenario: verwacht een JSON-object met “name” en “national”.');
  const scenario = { national: {}, defaults: {}, regions: {}, ...value } as ScenarioJson;
  if (typeof scenario.name !== 'string' || scenario.name.trim() === '')
    return fail('Naam: het scenario in het bestand heeft geen naam (veld “name”).');
  return { ok: true, scenario };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads and validates an uploaded file: size, JSON, then the server's validation of the scenario. */
export async function readScenarioFile(file: Blob, dataset: string): Promise<ScenarioFileResult> {
  if (file.size > MAX_SCENARIO_FILE_BYTES)
    return fail(`Het bestand is te groot (${Math.round(file.size / 1000)} kB) voor een scenario.`);
  const parsed = parseScenarioText(await file.text());
  if (!parsed.ok) return parsed;
  try {
    await evaluate(parsed.scenario, dataset);
    return parsed;
  } catch (e) {
    if (e instanceof ApiError && e.issues.length) return fail(...distinct(e.issues.map((i) => dutchIssue(i))));
    if (e instanceof ApiError && e.status === 400) return fail('Het scenario in het bestand is ongeldig.');
    return fail('Het scenario kon niet worden gecontroleerd: de server is niet bereikbaar.');
  }
}
