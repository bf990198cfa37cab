/**
 * The intekenboek: a register of quantified commitments ("who does what") by governments and grid
 * operators. This file holds the vocabulary (kinds, statuses, quantities) and the record types.
 */

/** Who makes a commitment. */
export const ACTOR_KINDS = ['res-regio', 'provincie', 'gemeente', 'waterschap', 'netbeheerder', 'rijk'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Where a commitment stands; `ingetrokken` (withdrawn) replaces deletion, so history is never lost. */
export const COMMITMENT_STATUSES = ['bod', 'vastgesteld', 'vergund', 'gerealiseerd', 'ingetrokken'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Statuses counted towards the target unless the caller chooses others. */
export const DEFAULT_COUNTED_STATUSES: readonly CommitmentStatus[] = ['vastgesteld', 'vergund', 'gerealiseerd'];

/** The numeric quantities of each kind of commitment (financiering also has a text `purpose`). */
export const KIND_QUANTITIES = {
  res: ['solarRoofTWh', 'solarFieldTWh', 'windTWh'],
  net: ['feedinMW', 'offtakeMW'],
  warmte: ['homesAllElectric', 'homesHybrid', 'homesHeatNet', 'homesInsulationOnly'],
  financiering: ['eur'],
} as const;

export type CommitmentKind = keyof typeof KIND_QUANTITIES;
export const COMMITMENT_KINDS = Object.keys(KIND_QUANTITIES) as CommitmentKind[];
export type QuantityName = (typeof KIND_QUANTITIES)[CommitmentKind][number];
/** Every numeric quantity of every kind, in a fixed order (CSV columns, sums). */
export const QUANTITY_NAMES = Object.values(KIND_QUANTITIES).flat() as QuantityName[];

/** Quantities of one commitment; only those of its kind, at least one of them (all of them for financiering). */
export type Quantities = Partial<Record<QuantityName, number>> & { purpose?: string };

/** Earliest and latest deadline year accepted. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** One commitment (one version of it), validated. */
export interface Commitment {
  actor: string;
  actorKind: ActorKind;
  /** A region id of the dataset, or null for a national commitment. */
  region: string | null;
  kind: CommitmentKind;
  quantities: Quantities;
  /** Deadline year. */
  year: number;
  status: CommitmentStatus;
  /** A reference to the decision (URL or document). */
  source: string;
  note: string;
  author: string;
}

/** A stored commitment as the API returns it: its latest version (or the one asked for) with id, version and times. */
export interface CommitmentRecord extends Commitment {
  id: string;
  version: number;
  latestVersion: number;
  /** Part of the example register loaded on first start. */
  example: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One version in a commitment's history (the full record of that version). */
export interface CommitmentVersion extends Commitment {
  version: number;
  createdAt: string;
}
