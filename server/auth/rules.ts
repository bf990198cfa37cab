import type { FastifyRequest } from 'fastify';
import { hasRole, type Identity, mayWriteData, regionsOf } from './roles.ts';

/** `true` when allowed; otherwise the reason (English, safe to show). */
export type Decision = true | string;

/** Owner of a created resource (a scenario or a sweep), as recorded at creation. */
export interface Owner {
  account: string;
  region: string | null;
}

/** What the rules read of a commitment (stored or in a request body). */
export interface CommitmentScope {
  region: string | null;
  kind: string;
  actor: string;
}

/** What a rule may look up about stored resources. */
export interface RuleContext {
  owner(kind: string, id: string): Owner | undefined;
  /** The latest version of a stored commitment. */
  commitment(id: string): CommitmentScope | undefined;
}

/**
 * The authorisation rule of one route. Every write route (POST, PUT, PATCH, DELETE) must have one;
 * a read route has one only when reading it is restricted. Enforced by the hooks in plugin.ts.
 */
export interface RouteRule {
  /** Who may call the route at all, from the identity alone (checked before the body is validated). */
  who: (identity: Identity) => Decision;
  /** Checks against the stored resource or the validated body (after validation). */
  resource?: (identity: Identity, request: FastifyRequest, ctx: RuleContext) => Decision;
  /** Changes nothing (evaluate, sign-out): open to every signed-in user and not audited. */
  readOnly?: boolean;
  /** Used before sign-in (sign-in itself). */
  public?: boolean;
  /** Records the signed-in account as the owner of the resource this route creates (the response's `id`). */
  owns?: { kind: string; region?: (identity: Identity, request: FastifyRequest) => string | null };
  /** Sets the body's `author` to the signed-in account (authorship from identity, not a typed name). */
  stampsAuthor?: boolean;
}

const anyone = (): Decision => true;
const PROGRAMMATEAM_ONLY = 'only the programmateam may do this';

function programmateam(identity: Identity): Decision {
  return hasRole(identity, 'programmateam') || PROGRAMMATEAM_ONLY;
}

function dataWriter(identity: Identity): Decision {
  return mayWriteData(identity) || 'your role may only read';
}

function scenarioWriter(identity: Identity): Decision {
  if (hasRole(identity, 'programmateam') || regionsOf(identity).size > 0) return true;
  return 'only the programmateam and RES regions may change scenarios';
}

function beheerder(identity: Identity): Decision {
  return hasRole(identity, 'beheerder') || 'only a beheerder may manage accounts';
}

const idParam = (request: FastifyRequest) => (request.params as { id?: string }).id ?? '';

/** True when the route's `:username` is the signed-in account. */
function isSelf(identity: Identity, request: FastifyRequest): boolean {
  const target = (request.params as { username?: string }).username ?? '';
  return target.toLowerCase() === identity.username.toLowerCase();
}

/** A beheerder cannot lock itself out: another beheerder must disable it or take its role away. */
function notSelf(identity: Identity, request: FastifyRequest): Decision {
  return !isSelf(identity, request) || 'you cannot disable your own account; another beheerder can';
}

function keepsOwnBeheerderRole(identity: Identity, request: FastifyRequest): Decision {
  const roles = (request.body as { roles?: string[] } | undefined)?.roles ?? [];
  if (!isSelf(identity, request) || roles.includes('beheerder')) return true;
  return 'you cannot take away your own beheerder role; another beheerder can';
}

/** The region overrides of a scenario body must all be the writer's own regions. */
function ownRegionOverrides(identity: Identity, request: FastifyRequest): Decision {
  if (hasRole(identity, 'programmateam')) return true;
  const own = regionsOf(identity);
  const body = request.body as { scenario?: { regions?: Record<string, unknown> } } | undefined;
  const foreign = Object.keys(body?.scenario?.regions ?? {}).filter((region) => !own.has(region));
  return foreign.length === 0 || `you may not set values for region ${foreign.join(', ')}`;
}

/** A region may change a scenario its own region created; the programmateam every scenario. */
function ownScenario(identity: Identity, request: FastifyRequest, ctx: RuleContext): Decision {
  if (hasRole(identity, 'programmateam')) return true;
  const owner = ctx.owner('scenario', idParam(request));
  if (owner?.region && regionsOf(identity).has(owner.region)) return true;
  return owner?.region
    ? `this scenario belongs to region ${owner.region}`
    : 'this scenario belongs to the programmateam';
}

function ownScenarioAndOverrides(identity: Identity, request: FastifyRequest, ctx: RuleContext): Decision {
  const owned = ownScenario(identity, request, ctx);
  return owned === true ? ownRegionOverrides(identity, request) : owned;
}

/** The programmateam may stop or rerun every sweep; others the sweeps they started. */
function ownSweep(identity: Identity, request: FastifyRequest, ctx: RuleContext): Decision {
  if (hasRole(identity, 'programmateam')) return true;
  const owner = ctx.owner('sweep', idParam(request));
  return owner?.account === identity.username || 'you may only stop or rerun your own sweeps';
}

const REGION_KINDS = new Set(['res', 'warmte']);

/** True when `actor` names grid operator `operator` ("Enexis Netbeheer" for netbeheerder:Enexis). */
function actorIsOperator(actor: string, operator: string): boolean {
  const a = actor.trim().toLowerCase();
  const o = operator.toLowerCase();
  return a === o || a.startsWith(`${o} `);
}

/**
 * Whose commitment this is: a region writes the `res` and `warmte` commitments of its region; a
 * grid operator its own `net` commitments in the regions it serves; national and `financiering`
 * commitments are the programmateam's.
 */
function commitmentWriter(identity: Identity, c: CommitmentScope): Decision {
  if (hasRole(identity, 'programmateam')) return true;
  if (c.region === null) return 'national commitments belong to the programmateam';
  if (REGION_KINDS.has(c.kind) && regionsOf(identity).has(c.region)) return true;
  if (c.kind === 'net' && identity.gridRegions.has(c.region)) {
    const own = identity.roles.some((role) => role.kind === 'netbeheerder' && actorIsOperator(c.actor, role.operator));
    return own || `a grid operator may only change its own net commitments, not those of ${c.actor}`;
  }
  return `you may not change ${c.kind} commitments of region ${c.region}`;
}

function bodyCommitment(request: FastifyRequest): CommitmentScope {
  const body = (request.body ?? {}) as { region?: string | null; kind?: string; actor?: string };
  return { region: body.region ?? null, kind: body.kind ?? '', actor: body.actor ?? '' };
}

function newCommitment(identity: Identity, request: FastifyRequest): Decision {
  return commitmentWriter(identity, bodyCommitment(request));
}

/** Both the stored commitment and (for a new version) the one in the body must be the writer's. */
function storedCommitment(identity: Identity, request: FastifyRequest, ctx: RuleContext): Decision {
  const stored = ctx.commitment(idParam(request));
  if (!stored) return true; // the handler answers 404
  const decision = commitmentWriter(identity, stored);
  if (decision !== true || request.method !== 'PUT') return decision;
  return commitmentWriter(identity, bodyCommitment(request));
}

/** Everyone may revoke their own API tokens; a beheerder anyone's. */
function ownToken(identity: Identity, request: FastifyRequest, ctx: RuleContext): Decision {
  if (hasRole(identity, 'beheerder')) return true;
  const owner = ctx.owner('token', idParam(request));
  return !owner || owner.account === identity.username || 'you may only revoke your own tokens';
}

/** The region a new scenario belongs to: the writer's region (the one it sets values for, if several). */
function scenarioRegion(identity: Identity, request: FastifyRequest): string | null {
  if (hasRole(identity, 'programmateam')) return null;
  const own = [...regionsOf(identity)];
  const body = request.body as { scenario?: { regions?: Record<string, unknown> } } | undefined;
  const named = Object.keys(body?.scenario?.regions ?? {}).find((region) => own.includes(region));
  return named ?? own[0] ?? null;
}

/** One rule per route, keyed `METHOD /url/pattern`. */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  'POST /api/evaluate': { who: anyone, readOnly: true },

  'POST /api/scenarios': {
    who: scenarioWriter,
    resource: ownRegionOverrides,
    owns: { kind: 'scenario', region: scenarioRegion },
    stampsAuthor: true,
  },
  'PUT /api/scenarios/:id': { who: scenarioWriter, resource: ownScenarioAndOverrides, stampsAuthor: true },
  'DELETE /api/scenarios/:id': { who: scenarioWriter, resource: ownScenario },
  'POST /api/scenarios/:id/restore': { who: scenarioWriter, resource: ownScenario },

  'POST /api/sweeps': { who: dataWriter, owns: { kind: 'sweep' } },
  'DELETE /api/sweeps/:id': { who: dataWriter, resource: ownSweep },
  'POST /api/sweeps/:id/rerun': { who: dataWriter, resource: ownSweep },

  'POST /api/commitments': { who: dataWriter, resource: newCommitment, stampsAuthor: true },
  'PUT /api/commitments/:id': { who: dataWriter, resource: storedCommitment, stampsAuthor: true },
  'POST /api/commitments/:id/withdraw': { who: dataWriter, resource: storedCommitment, stampsAuthor: true },
  // A CSV import may touch any region's commitments at once.
  'POST /api/intekenboek/import': { who: programmateam },

  'POST /api/auth/login': { who: anyone, public: true },
  'POST /api/auth/logout': { who: anyone, readOnly: true },
  'POST /api/auth/tokens': { who: anyone },
  'DELETE /api/auth/tokens/:id': { who: anyone, resource: ownToken },

  'GET /api/audit': { who: programmateam },
  'GET /api/accounts': { who: beheerder },
  'POST /api/accounts': { who: beheerder },
  'PUT /api/accounts/:username/roles': { who: beheerder, resource: keepsOwnBeheerderRole },
  'POST /api/accounts/:username/password': { who: beheerder },
  'POST /api/accounts/:username/disable': { who: beheerder, resource: notSelf },
  'POST /api/accounts/:username/enable': { who: beheerder },
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for methods that may change data. */
export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

export function ruleKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}
