/**
 * What the signed-in user may do, with the reason in Dutch when not: the UI hides or disables
 * controls with that reason. The server decides (docs/security.md); these mirror its rules so
 * nobody is offered a button that can only fail.
 */
import type { ScenarioJson } from './api.ts';
import type { SessionState } from './session.ts';

/** A role as the UI names it: `regio:ES01` → `regio ES01`. */
export function roleLabel(role: string): string {
  return role.replace(':', ' ');
}

function rolesText(roles: string[]): string {
  return roles.map(roleLabel).join(', ') || 'geen';
}

/** Why this user may not save `scenario`, or '' when they may. */
export function scenarioSaveBlock(session: SessionState, scenario: ScenarioJson): string {
  if (session.mode !== 'accounts' || !session.user) return '';
  const roles = session.user.roles;
  if (roles.includes('programmateam')) return '';
  const own = roles.filter((r) => r.startsWith('regio:')).map((r) => r.slice('regio:'.length));
  if (own.length === 0)
    return `Uw rol (${rolesText(roles)}) mag geen scenario’s opslaan: dat kunnen het programmateam en de RES-regio’s.`;
  const foreign = Object.keys(scenario.regions ?? {}).filter((id) => !own.includes(id));
  if (foreign.length > 0)
    return `Als regio ${own.join(', ')} kunt u alleen waarden voor uw eigen regio opslaan; dit scenario wijzigt ook ${foreign.join(', ')}.`;
  return '';
}

/** Why this user may not start a sweep, or '' when they may. */
export function sweepStartBlock(session: SessionState): string {
  if (session.mode !== 'accounts' || !session.user) return '';
  const roles = session.user.roles;
  if (roles.some((r) => r === 'programmateam' || r.startsWith('regio:') || r.startsWith('netbeheerder:'))) return '';
  return `Uw rol (${rolesText(roles)}) mag alleen lezen: een verkenning starten kan niet.`;
}
