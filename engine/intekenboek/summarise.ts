import type { Dataset } from '../data/types.ts';
import { NATIONAL_DEFAULTS } from '../scenario/parameters.ts';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type Commitment,
  type CommitmentKind,
  type CommitmentStatus,
  DEFAULT_COUNTED_STATUSES,
  KIND_QUANTITIES,
  type QuantityName,
} from './types.ts';

/**
 * Two TWh sums closer than this are a tie. Sums of decimal figures are not exact in floating point
 * (3.45 + 3.6 + 2.7 …); a tie with the target or a fair share counts as reaching it.
 */
export const TIE_TOLERANCE_TWH = 1e-9;

/** Sums of one kind's quantities, plus `count` (number of commitments) and, for res, `totalTWh`. */
export type KindSums = Partial<Record<QuantityName | 'totalTWh', number>> & { count: number };

/** Per kind: sums per status and the counted sum. */
export type KindTotals = Record<CommitmentKind, { byStatus: Record<CommitmentStatus, KindSums>; counted: KindSums }>;

/** A region's RES position against its fair share of the target. */
export interface RegionResPosition {
  countedTWh: number;
  /** RES-counted TWh (solar roof + solar field + wind) of the region in the dataset. */
  datasetTWh: number;
  /** targetTWh × datasetTWh / Σ datasetTWh (0 when the dataset has no RES at all). */
  fairShareTWh: number;
  /** max(0, fairShareTWh − countedTWh); 0 on a tie. */
  gapTWh: number;
  belowFairShare: boolean;
}

export interface RegionSummary {
  id: string;
  name: string;
  totals: KindTotals;
  res: RegionResPosition;
}

export interface EscalationEntry {
  region: string;
  name: string;
  countedTWh: number;
  fairShareTWh: number;
  gapTWh: number;
}

export interface IntekenboekSummary {
  countedStatuses: CommitmentStatus[];
  targetTWh: number;
  /** Number of commitments summarised. */
  commitments: number;
  /** Every commitment, regional and national. */
  national: KindTotals;
  /** Only the commitments without a region (region null). */
  unassigned: KindTotals;
  regions: RegionSummary[];
  res: {
    /** Counted RES TWh of all commitments, national ones included. */
    countedTWh: number;
    targetTWh: number;
    /** max(0, targetTWh − countedTWh); 0 on a tie. */
    gapTWh: number;
    route35Triggered: boolean;
    /** Regions below their fair share, largest gap first (ties by region id). */
    escalation: EscalationEntry[];
  };
}

export interface SummaryOptions {
  /** Statuses counted towards the target; default vastgesteld, vergund, gerealiseerd. */
  countedStatuses?: readonly CommitmentStatus[];
  /** The national RES target; default 35 TWh. */
  targetTWh?: number;
}

function emptySums(kind: CommitmentKind): KindSums {
  const sums: KindSums = { count: 0 };
  for (const name of KIND_QUANTITIES[kind]) sums[name] = 0;
  if (kind === 'res') sums.totalTWh = 0;
  return sums;
}

function emptyTotals(): KindTotals {
  const totals = {} as KindTotals;
  for (const kind of COMMITMENT_KINDS) {
    const byStatus = {} as Record<CommitmentStatus, KindSums>;
    for (const status of COMMITMENT_STATUSES) byStatus[status] = emptySums(kind);
    totals[kind] = { byStatus, counted: emptySums(kind) };
  }
  return totals;
}

/** RES TWh of one res commitment: the sum of its three quantities (a missing one is 0). */
export function commitmentTWh(commitment: Commitment): number {
  if (commitment.kind !== 'res') return 0;
  const q = commitment.quantities;
  return (q.solarRoofTWh ?? 0) + (q.solarFieldTWh ?? 0) + (q.windTWh ?? 0);
}

function addTo(sums: KindSums, commitment: Commitment): void {
  sums.count += 1;
  for (const name of KIND_QUANTITIES[commitment.kind])
    sums[name] = (sums[name] ?? 0) + (commitment.quantities[name] ?? 0);
  if (commitment.kind === 'res') sums.totalTWh = (sums.totalTWh ?? 0) + commitmentTWh(commitment);
}

function add(totals: KindTotals, commitment: Commitment, counted: boolean): void {
  const kind = totals[commitment.kind];
  addTo(kind.byStatus[commitment.status], commitment);
  if (counted) addTo(kind.counted, commitment);
}

/** RES-counted TWh of each dataset region (MODEL.md resNominal before any scenario: roof + field + wind). */
export function datasetResTWh(dataset: Dataset): number[] {
  return dataset.regions.map((region) => region.solarRoofTWh + region.solarFieldTWh + region.windTWh);
}

/**
 * Sums the commitments per region and nationally, per kind and status, with counted sums, and sets
 * the counted RES TWh against the target: Route 35 and the per-region escalation list. Commitments
 * whose region the dataset lacks are counted nationally only (validation keeps them out in practice).
 */
export function summariseCommitments(
  commitments: readonly Commitment[],
  dataset: Dataset,
  options: SummaryOptions = {},
): IntekenboekSummary {
  const countedStatuses = [...(options.countedStatuses ?? DEFAULT_COUNTED_STATUSES)];
  const counts = new Set<CommitmentStatus>(countedStatuses);
  const targetTWh = options.targetTWh ?? NATIONAL_DEFAULTS.targetTWh;
  const national = emptyTotals();
  const unassigned = emptyTotals();
  const perRegion = dataset.regions.map(() => emptyTotals());
  for (const commitment of commitments) {
    const counted = counts.has(commitment.status);
    add(national, commitment, counted);
    const r = commitment.region === null ? undefined : dataset.regionIndex.get(commitment.region);
    if (commitment.region === null) add(unassigned, commitment, counted);
    else if (r !== undefined) add(perRegion[r], commitment, counted);
  }

  const datasetTWh = datasetResTWh(dataset);
  const datasetSumTWh = datasetTWh.reduce((sum, x) => sum + x, 0);
  const regions: RegionSummary[] = dataset.regions.map((region, r) => {
    const countedTWh = perRegion[r].res.counted.totalTWh ?? 0;
    const fairShareTWh = datasetSumTWh > 0 ? (targetTWh * datasetTWh[r]) / datasetSumTWh : 0;
    const belowFairShare = fairShareTWh - countedTWh > TIE_TOLERANCE_TWH;
    return {
      id: region.id,
      name: region.name,
      totals: perRegion[r],
      res: {
        countedTWh,
        datasetTWh: datasetTWh[r],
        fairShareTWh,
        gapTWh: belowFairShare ? fairShareTWh - countedTWh : 0,
        belowFairShare,
      },
    };
  });
  const escalation = regions
    .filter((region) => region.res.belowFairShare)
    .map((region) => ({
      region: region.id,
      name: region.name,
      countedTWh: region.res.countedTWh,
      fairShareTWh: region.res.fairShareTWh,
      gapTWh: region.res.gapTWh,
    }))
    .sort((a, b) => b.gapTWh - a.gapTWh || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));

  const countedTWh = national.res.counted.totalTWh ?? 0;
  const route35Triggered = targetTWh - countedTWh > TIE_TOLERANCE_TWH;
  return {
    countedStatuses,
    targetTWh,
    commitments: commitments.length,
    national,
    unassigned,
    regions,
    res: {
      countedTWh,
      targetTWh,
      gapTWh: route35Triggered ? targetTWh - countedTWh : 0,
      route35Triggered,
      escalation,
    },
  };
}
