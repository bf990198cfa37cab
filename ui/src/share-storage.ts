/**
 * The working scenario kept in the browser (localStorage) across a reload: the scenario, its
 * dataset, the saved scenario it came from and the base its changes are measured against. Read
 * once at start-up; a stored value that is not what this module wrote is ignored, never trusted.
 * On a shared server each signed-in user has a key of their own, so that whoever signs in next in
 * the same browser does not get someone else's scenario.
 */
import type { ScenarioJson } from './api.ts';
import { parseScenarioText } from './scenario-file.ts';

export const STORAGE_KEY = 'samenhang.werkscenario.v1';

/** The key of `user`'s working scenario ('' on a single-user server). */
export const storageKey = (user = '') => (user ? `${STORAGE_KEY}:${user}` : STORAGE_KEY);

/** What is kept of the editor's state. */
export interface WorkingState {
  dataset: string;
  scenario: ScenarioJson;
  savedId: string | null;
  savedVersion: number | null;
  base: { name: string; content: string };
}

/** Storage as the browser has it, or missing (private mode, disabled storage): then nothing is kept. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Keeps `state` (quota or privacy errors are ignored: keeping is a convenience, not a promise). */
export function keepWorkingState(state: WorkingState, user = ''): void {
  try {
    storage()?.setItem(storageKey(user), JSON.stringify(state));
  } catch {
    /* full or disabled: the next reload starts from the base */
  }
}

/** Forgets the kept state ("Terug naar de basis"). */
export function forgetWorkingState(user = ''): void {
  try {
    storage()?.removeItem(storageKey(user));
  } catch {
    /* nothing kept */
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The kept state, or null when there is none or it is damaged. */
export function keptWorkingState(user = ''): WorkingState | null {
  let raw: unknown;
  try {
    const text = storage()?.getItem(storageKey(user));
    if (!text) return null;
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = raw as Partial<WorkingState> | null;
  if (!r || !isString(r.dataset) || !r.base || !isString(r.base.name) || !isString(r.base.content)) return null;
  const parsed = parseScenarioText(JSON.stringify(r.scenario ?? null));
  if (!parsed.ok) return null;
  const savedId = isString(r.savedId) ? r.savedId : null;
  const savedVersion = typeof r.savedVersion === 'number' && Number.isInteger(r.savedVersion) ? r.savedVersion : null;
  return { dataset: r.dataset, scenario: parsed.scenario, savedId, savedVersion, base: { ...r.base } };
}
