/**
 * Which scenario the app opens with: the one a shared address names (a saved scenario by id and
 * version, or one carried in the address), else the working scenario kept from the last visit,
 * else the base. A link that cannot be opened says why in Dutch and the app starts as usual.
 */
import { type DatasetInfo, dutchFailure, getScenario, type ScenarioJson } from './api.ts';
import { keptWorkingState } from './share-storage.ts';
import { decodeScenario, sharedRequest } from './share-url.ts';

/** Where the scenario being edited came from, for the notice above the views. */
export type StartOrigin = 'link' | 'saved-link' | 'kept';

/** The scenario to start with; `base` only for a kept state (its own base), else the scenario is its own base. */
export interface StartChoice {
  origin: StartOrigin;
  dataset: string | null;
  scenario: ScenarioJson;
  saved: { id: string | null; version: number | null };
  base?: { name: string; content: string };
}

/**
 * The start choice for an address's `search` (`user`: whose kept scenario, on a shared server), and a
 * Dutch problem when a link in it could not be opened.
 */
export async function chooseStart(
  search: string,
  datasets: readonly DatasetInfo[],
  user = '',
): Promise<{ choice: StartChoice | null; problem: string }> {
  const known = (id: string | null) => (id && datasets.some((d) => d.id === id) ? id : null);
  const req = sharedRequest(search);
  let problem = '';
  if (req?.kind === 'saved') {
    try {
      const rec = await getScenario(req.id, req.version ?? undefined);
      return {
        choice: {
          origin: 'saved-link',
          dataset: known(req.dataset),
          scenario: { ...rec.scenario, name: rec.name },
          saved: { id: rec.id, version: rec.latestVersion ?? rec.version },
        },
        problem,
      };
    } catch (e) {
      const what = req.version ? `versie ${req.version} van het gedeelde scenario` : 'het gedeelde scenario';
      problem = dutchFailure(e, what, false);
    }
  } else if (req?.kind === 'inline') {
    const decoded = await decodeScenario(req.encoded);
    if (decoded.ok)
      return {
        choice: {
          origin: 'link',
          dataset: known(req.dataset),
          scenario: decoded.scenario,
          saved: { id: null, version: null },
        },
        problem,
      };
    problem = decoded.message;
  }
  const kept = keptWorkingState(user);
  if (!kept || !known(kept.dataset)) return { choice: null, problem };
  return {
    choice: {
      origin: 'kept',
      dataset: kept.dataset,
      scenario: kept.scenario,
      saved: { id: kept.savedId, version: kept.savedVersion },
      base: kept.base,
    },
    problem,
  };
}
