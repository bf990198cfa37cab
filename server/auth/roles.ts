/**
 * Roles of a shared deployment (docs/security.md). An account holds one or more of them.
 * - `beheerder`: manages accounts and tokens of others;
 * - `programmateam`: may change everything and reads the audit trail;
 * - `regio:<id>`: scenarios and commitments of that RES region;
 * - `netbeheerder:<name>`: `net` commitments in the regions that grid operator serves (configured);
 * - `lezer`: reads only.
 */
export type Role =
  | { kind: 'beheerder' }
  | { kind: 'programmateam' }
  | { kind: 'regio'; region: string }
  | { kind: 'netbeheerder'; operator: string }
  | { kind: 'lezer' };

const REGION_ID = /^[A-Za-z][A-Za-z0-9]{0,15}$/;
const OPERATOR_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** Parses `regio:ES01` and friends; throws an Error naming the problem. */
export function parseRole(text: string): Role {
  const [kind, arg, ...rest] = text.trim().split(':');
  if (rest.length > 0) throw new Error(`role '${text}' has too many ':'`);
  if ((kind === 'beheerder' || kind === 'programmateam' || kind === 'lezer') && arg === undefined) return { kind };
  if (kind === 'regio' && arg !== undefined) {
    if (!REGION_ID.test(arg)) throw new Error(`role '${text}': region must be a region id such as ES01`);
    return { kind, region: arg };
  }
  if (kind === 'netbeheerder' && arg !== undefined) {
    if (!OPERATOR_NAME.test(arg)) throw new Error(`role '${text}': grid operator name must be letters, digits, - or _`);
    return { kind, operator: arg };
  }
  throw new Error(
    `unknown role '${text}' (expected beheerder, programmateam, regio:<id>, netbeheerder:<name> or lezer)`,
  );
}

/** The text form of a role, as stored and shown. */
export function formatRole(role: Role): string {
  if (role.kind === 'regio') return `regio:${role.region}`;
  if (role.kind === 'netbeheerder') return `netbeheerder:${role.operator}`;
  return role.kind;
}

/** A signed-in user as the authorisation rules see it. */
export interface Identity {
  accountId: number;
  username: string;
  roles: Role[];
  /** The regions of the grid operators among the roles (from the configured service areas). */
  gridRegions: ReadonlySet<string>;
  via: 'session' | 'token';
}

export function hasRole(identity: Identity, kind: Role['kind']): boolean {
  return identity.roles.some((role) => role.kind === kind);
}

/** The RES regions this identity speaks for as a region (its `regio:<id>` roles). */
export function regionsOf(identity: Identity): Set<string> {
  const regions = new Set<string>();
  for (const role of identity.roles) if (role.kind === 'regio') regions.add(role.region);
  return regions;
}

/** True when any role may change data at all (everyone but a pure lezer or beheerder). */
export function mayWriteData(identity: Identity): boolean {
  return identity.roles.some(
    (role) => role.kind === 'programmateam' || role.kind === 'regio' || role.kind === 'netbeheerder',
  );
}
