import type { Dataset } from '../data/types.ts';
import type { RegionalOverrides } from '../scenario/parameters.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { type Commitment, type CommitmentKind, type CommitmentStatus, DEFAULT_COUNTED_STATUSES } from './types.ts';

/** The homes quantity of a warmte commitment behind each heat-strategy share of a scenario. */
const SHARE_OF_HOMES = [
  ['shareAllElectric', 'homesAllElectric'],
  ['shareHybrid', 'homesHybrid'],
  ['shareHeatNet', 'homesHeatNet'],
  ['shareInsulationOnly', 'homesInsulationOnly'],
] as const;

export interface BuiltScenario {
  scenario: ScenarioInput;
  /** Per region id, the kinds of counted commitments that changed it. */
  regions: Record<string, CommitmentKind[]>;
  /** Counted commitments without a region: they cannot be placed on the map, so the scenario leaves them out. */
  unplaced: Partial<Record<CommitmentKind, number>>;
  /** Things the caller should know (shares scaled down, regions without homes). */
  warnings: string[];
}

export interface BuildOptions {
  countedStatuses?: readonly CommitmentStatus[];
  /** Name of the built scenario. */
  name?: string;
}

interface RegionSums {
  res: number;
  solarRoofTWh: number;
  solarFieldTWh: number;
  windTWh: number;
  net: number;
  feedinMW: number;
  offtakeMW: number;
  warmte: number;
  homes: [number, number, number, number];
}

const newSums = (): RegionSums => ({
  res: 0,
  solarRoofTWh: 0,
  solarFieldTWh: 0,
  windTWh: 0,
  net: 0,
  feedinMW: 0,
  offtakeMW: 0,
  warmte: 0,
  homes: [0, 0, 0, 0],
});

function accumulate(sums: RegionSums, commitment: Commitment): void {
  const q = commitment.quantities;
  if (commitment.kind === 'res') {
    sums.res++;
    sums.solarRoofTWh += q.solarRoofTWh ?? 0;
    sums.solarFieldTWh += q.solarFieldTWh ?? 0;
    sums.windTWh += q.windTWh ?? 0;
  } else if (commitment.kind === 'net') {
    sums.net++;
    sums.feedinMW += q.feedinMW ?? 0;
    sums.offtakeMW += q.offtakeMW ?? 0;
  } else if (commitment.kind === 'warmte') {
    sums.warmte++;
    SHARE_OF_HOMES.forEach(([, homes], i) => {
      sums.homes[i] += q[homes] ?? 0;
    });
  }
}

/** Heat-strategy shares of a region from its counted homes, scaled down to sum to 1 if they exceed the region's homes. */
function strategyShares(sums: RegionSums, homes: number, regionId: string, warnings: string[]): RegionalOverrides {
  const committed = sums.homes.reduce((a, b) => a + b, 0);
  let scale = 1 / homes;
  if (committed > homes) {
    scale = 1 / committed;
    warnings.push(
      `region ${regionId}: the counted warmte commitments name ${committed} homes, more than the region's ${homes}; the shares are scaled down to sum to 1`,
    );
  }
  return Object.fromEntries(SHARE_OF_HOMES.map(([share], i) => [share, sums.homes[i] * scale]));
}

/**
 * "Doorrekenen": a scenario built from the counted commitments. A region with counted res
 * commitments gets their sums as solarRoofTWh / solarFieldTWh / windTWh (a kind none names is 0);
 * counted net commitments raise the dataset's gridFeedinMW / gridOfftakeMW; counted warmte homes ÷
 * the region's homes become the strategy shares. Regions without counted commitments of a kind keep
 * the dataset's figures for it.
 */
export function buildCommitmentScenario(
  commitments: readonly Commitment[],
  dataset: Dataset,
  options: BuildOptions = {},
): BuiltScenario {
  const counted = new Set<CommitmentStatus>(options.countedStatuses ?? DEFAULT_COUNTED_STATUSES);
  const sums = new Map<number, RegionSums>();
  const unplaced: Partial<Record<CommitmentKind, number>> = {};
  for (const commitment of commitments) {
    if (!counted.has(commitment.status)) continue;
    const r = commitment.region === null ? undefined : dataset.regionIndex.get(commitment.region);
    if (r === undefined) {
      if (commitment.kind === 'financiering') continue; // the model takes no money per region or nationally
      unplaced[commitment.kind] = (unplaced[commitment.kind] ?? 0) + 1;
      continue;
    }
    let regionSums = sums.get(r);
    if (!regionSums) sums.set(r, (regionSums = newSums()));
    accumulate(regionSums, commitment);
  }

  const warnings: string[] = [];
  const regions: Record<string, RegionalOverrides> = {};
  const changed: Record<string, CommitmentKind[]> = {};
  for (const [r, s] of [...sums].sort((a, b) => a[0] - b[0])) {
    const region = dataset.regions[r];
    const overrides: RegionalOverrides = {};
    const kinds: CommitmentKind[] = [];
    if (s.res > 0) {
      Object.assign(overrides, { solarRoofTWh: s.solarRoofTWh, solarFieldTWh: s.solarFieldTWh, windTWh: s.windTWh });
      kinds.push('res');
    }
    if (s.net > 0) {
      overrides.gridFeedinMW = region.gridFeedinMW + s.feedinMW;
      overrides.gridOfftakeMW = region.gridOfftakeMW + s.offtakeMW;
      kinds.push('net');
    }
    if (s.warmte > 0) {
      if (region.homes > 0) {
        Object.assign(overrides, strategyShares(s, region.homes, region.id, warnings));
        kinds.push('warmte');
      } else {
        warnings.push(`region ${region.id} has no homes in the dataset: its warmte commitments are left out`);
      }
    }
    if (kinds.length === 0) continue; // only financiering: nothing the model takes per region
    regions[region.id] = overrides;
    changed[region.id] = kinds;
  }
  for (const [kind, n] of Object.entries(unplaced)) {
    warnings.push(`${n} counted ${kind} commitment(s) without a region are not in the scenario (national)`);
  }
  return {
    scenario: { name: options.name ?? 'Intekenboek doorgerekend', national: {}, defaults: {}, regions },
    regions: changed,
    unplaced,
    warnings,
  };
}
