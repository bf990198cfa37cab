/**
 * The Gebruikers page's model: the accounts API (beheerder only; the server decides) and the
 * roles as the form edits them, with every problem worded in Dutch before anything is sent.
 */
import { api, ApiError } from './api.ts';

export interface Account {
  username: string;
  roles: string[];
  createdAt: string;
  disabledAt: string | null;
  /** No password: signs in only through the organisation's identity provider. */
  external: boolean;
}

export const listAccounts = () => api<Account[]>('/api/accounts');

const path = (username: string, action: string) => `/api/accounts/${encodeURIComponent(username)}/${action}`;

/** Creates an account; without a password it signs in only through the identity provider. */
export function addAccount(username: string, roles: string[], password: string | null): Promise<unknown> {
  const secret = password === null ? { external: true } : { password };
  return api('/api/accounts', { method: 'POST', json: { username, roles, ...secret } });
}
export const setAccountRoles = (username: string, roles: string[]) =>
  api(path(username, 'roles'), { method: 'PUT', json: { roles } });
export const setAccountPassword = (username: string, password: string) =>
  api(path(username, 'password'), { method: 'POST', json: { password } });
export const setAccountEnabled = (username: string, enabled: boolean) =>
  api(path(username, enabled ? 'enable' : 'disable'), { method: 'POST' });

/** The roles form: three plain roles, and region ids and grid operator names as typed (comma-separated). */
export interface RolesForm {
  beheerder: boolean;
  programmateam: boolean;
  lezer: boolean;
  regions: string;
  operators: string;
}

export const PLAIN_ROLES = ['beheerder', 'programmateam', 'lezer'] as const;

function names(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The form for an account's current roles. */
export function rolesForm(roles: readonly string[]): RolesForm {
  const after = (prefix: string) => roles.filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length));
  return {
    beheerder: roles.includes('beheerder'),
    programmateam: roles.includes('programmateam'),
    lezer: roles.includes('lezer'),
    regions: after('regio:').join(', '),
    operators: after('netbeheerder:').join(', '),
  };
}

/**
 * The roles a form describes, or the problem in Dutch. `knownRegions` (the dataset's region ids)
 * catches a mistyped region; an empty list skips that check.
 */
export function rolesFromForm(form: RolesForm, knownRegions: readonly string[]): string[] | string {
  const regions = names(form.regions);
  const unknown = regions.filter((id) => knownRegions.length > 0 && !knownRegions.includes(id));
  if (unknown.length > 0)
    return `Onbekende regio: ${unknown.join(', ')}. Gebruik de codes van de RES-regio’s, zoals ES01.`;
  const operators = names(form.operators);
  const badOperator = operators.find((name) => !/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(name));
  if (badOperator !== undefined)
    return `Netbeheerder ‘${badOperator}’: gebruik letters, cijfers, - of _ (bijvoorbeeld Liander).`;
  const roles = [
    ...PLAIN_ROLES.filter((role) => form[role]),
    ...regions.map((id) => `regio:${id}`),
    ...operators.map((name) => `netbeheerder:${name}`),
  ];
  return roles.length > 0 ? roles : 'Kies minstens één rol.';
}

/** Why a user name cannot be used, in Dutch, or ''. Mirrors the server's rule. */
export function usernameProblem(username: string): string {
  return /^[a-z0-9][a-z0-9._@-]{1,63}$/i.test(username)
    ? ''
    : 'Een gebruikersnaam heeft 2 tot 64 tekens: letters, cijfers, punt, _, @ of -, en begint met een letter of cijfer.';
}

/** Why a password cannot be used, in Dutch, or ''. Mirrors the server's rule. */
export function passwordProblem(password: string): string {
  if (password.length < 12) return 'Een wachtwoord heeft minstens 12 tekens.';
  if (password.trim() !== password) return 'Een wachtwoord begint en eindigt niet met een spatie.';
  return '';
}

/** A failed account operation in Dutch. */
export function accountErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'De server is niet bereikbaar. Probeer het opnieuw.';
  const field = error.issues[0]?.path;
  if (error.status === 409) return 'Er bestaat al een gebruiker met die naam.';
  if (error.status === 404) return 'Deze gebruiker bestaat niet (meer). Vernieuw de lijst.';
  if (error.status === 400 && field === 'password')
    return 'Dit wachtwoord kan niet: minstens 12 tekens, zonder spatie aan het begin of eind.';
  if (error.status === 400 && field === 'username') return usernameProblem('');
  if (error.status === 400 && field === 'roles')
    return 'Een van de rollen bestaat niet. Controleer regio’s en netbeheerders.';
  return error.message;
}
