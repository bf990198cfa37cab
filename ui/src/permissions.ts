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

/** What the rules read of a commitment. */
export interface CommitmentScope {
  region: string | null;
  kind: string;
  actor: string;
}

/**
 * Why this user may not record or change `c`, or '' when they may: a region its `res` and `warmte`
 * commitments, a grid operator its own `net` commitments in the regions it serves.
 */
export function commitmentWriteBlock(session: SessionState, c: CommitmentScope): string {
  if (session.mode !== 'accounts' || !session.user) return '';
  const { roles, gridRegions } = session.user;
  if (roles.includes('programmateam')) return '';
  if (c.region === null) return 'Landelijke toezeggingen legt alleen het programmateam vast.';
  if ((c.kind === 'res' || c.kind === 'warmte') && roles.includes(`regio:${c.region}`)) return '';
  if (c.kind === 'net' && gridRegions.includes(c.region)) {
    const actor = c.actor.trim().toLowerCase();
    const own = roles
      .filter((r) => r.startsWith('netbeheerder:'))
      .some((r) => {
        const name = r.slice('netbeheerder:'.length).toLowerCase();
        return actor === name || actor.startsWith(`${name} `);
      });
    return own ? '' : 'Een netbeheerder legt alleen zijn eigen nettoezeggingen vast.';
  }
  return `Uw rol (${rolesText(roles)}) mag deze toezegging (${c.kind}, regio ${c.region}) niet vastleggen of wijzigen.`;
}

/** Why this user may not import a CSV register, or '' when they may. */
export function importBlock(session: SessionState): string {
  if (session.mode !== 'accounts' || !session.user || session.user.roles.includes('programmateam')) return '';
  return 'Alleen het programmateam kan een register importeren.';
}

/** Why this user may not manage accounts, or '' when they may (a beheerder on a shared server). */
export function accountsBlock(session: SessionState): string {
  if (session.mode !== 'accounts') return 'Op deze server meldt niemand zich aan: er zijn geen gebruikers te beheren.';
  if (session.user?.roles.includes('beheerder')) return '';
  return 'Alleen een beheerder kan gebruikers beheren.';
}
