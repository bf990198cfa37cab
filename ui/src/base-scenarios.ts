/**
 * The scenarios a user can start from in the Scenario view: the bundled base (RES 1.0 indicatief,
 * nothing else changes), the sourced reference for 2030 and the current tax rates. The JSON files
 * are the named scenarios of the repository (also in the library); docs/data.md gives the sources.
 */
import reference2030 from '../../scenarios/referentie-2030.json';
import currentTax from '../../scenarios/actuele-tarieven-2023.json';
import type { ScenarioJson } from './api.ts';
import { emptyScenario } from './scenario-edit.ts';

export interface BaseScenario {
  id: string;
  label: string;
  scenario: () => ScenarioJson;
}

const copy = (s: unknown): ScenarioJson => structuredClone(s) as ScenarioJson;

export const BASE_SCENARIOS: readonly BaseScenario[] = [
  { id: 'res1', label: 'Basis (RES 1.0 indicatief)', scenario: () => emptyScenario('Basis (RES 1.0 indicatief)') },
  {
    id: 'referentie-2030',
    label: 'Referentie 2030 (auto’s, warmtepompen, isolatie)',
    scenario: () => copy(reference2030),
  },
  { id: 'actuele-tarieven', label: currentTax.name, scenario: () => copy(currentTax) },
];
