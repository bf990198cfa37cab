import type { PreparedRegion } from '../data/types.ts';
import {
  KERNEL_LV_OTHER_MAX_KW,
  KERNEL_LV_OTHER_MIN_KW,
  KERNEL_LV_TRANSITION_MAX_KW,
  KERNEL_LV_TRANSITION_MIN_KW,
} from '../kernel/region-hours.ts';
import type { NationalParams } from '../scenario/parameters.ts';
import type { ResolvedRegion } from '../scenario/resolve.ts';

/**
 * The LV layer of MODEL.md §9 after the hourly run: today's capacity per home, each class's peak
 * with its diversity margin (Strand–Axelsson, P = n·μ + z·σ·√n per group, here per home), and the
 * reinforcement of the groups whose peak exceeds the capacity. The kernel supplies only the hourly
 * extremes of the load per home, so none of the parameters used here needs a new hourly run.
 */
export interface LvOutcome {
  capacityKWPerHome: number;
  peakKWPerHome: number;
  transitionHomesShare: number;
  overloadedHomesShare: number;
  reinforceMW: number;
  capexEUR: number;
}

/** f of MODEL.md §9.3: without heat pumps one class (f = 1); otherwise s + (1 − c)(1 − s), as written. */
export function transitionShare(
  resolved: Pick<ResolvedRegion, 'shareAllElectric' | 'shareHybrid' | 'wijkClustering'>,
): number {
  const s = resolved.shareAllElectric + resolved.shareHybrid;
  return s === 0 ? 1 : s + (1 - resolved.wijkClustering) * (1 - s);
}

/** z × √(Σ a·σ² / n): the diversity margin per home of a group of n homes with these variances summed (kW²). */
function diversityMarginKW(varianceKW2: number, n: NationalParams): number {
  return n.lvZ * Math.sqrt(varianceKW2 / n.lvHomesPerGroup);
}

/**
 * LV capacity per home (MODEL.md §9.2): as given (scenario, else region data), or today's peak per
 * home on the reference profiles with its margin, plus the spare share. The margin uses the very
 * expression of the class margin, so today's homes never exceed today's capacity by rounding.
 */
export function lvCapacityKWPerHome(resolved: ResolvedRegion, prepared: PreparedRegion, n: NationalParams): number {
  if (resolved.lvCapacityKWPerHome !== null) return resolved.lvCapacityKWPerHome;
  const householdVariance = n.lvSigmaHomeKW * n.lvSigmaHomeKW;
  const offtakeKW = prepared.lvHouseholdPeakRefKW + diversityMarginKW(householdVariance, n);
  return Math.max(offtakeKW, prepared.lvFeedinPeakRefKW) / (1 - n.lvSpareShare);
}

/** Works out the LV outcome of one region from the kernel's LV extremes at `kernel[offset]`. */
export function computeLvOutcome(
  resolved: ResolvedRegion,
  prepared: PreparedRegion,
  homes: number,
  n: NationalParams,
  kernel: Float64Array,
  offset: number,
): LvOutcome {
  const capKW = lvCapacityKWPerHome(resolved, prepared, n);
  const f = transitionShare(resolved);
  const evPerHome = resolved.evCount / homes;
  const baseVariance = n.lvSigmaHomeKW * n.lvSigmaHomeKW;
  const evVariance = evPerHome * n.lvSigmaEvKW * n.lvSigmaEvKW;
  const transitionVariance =
    baseVariance +
    (resolved.shareAllElectric / f) * n.lvSigmaAllElectricKW * n.lvSigmaAllElectricKW +
    (resolved.shareHybrid / f) * n.lvSigmaHybridKW * n.lvSigmaHybridKW +
    evVariance;
  const transitionPeakKW = Math.max(
    kernel[offset + KERNEL_LV_TRANSITION_MAX_KW] + diversityMarginKW(transitionVariance, n),
    -kernel[offset + KERNEL_LV_TRANSITION_MIN_KW],
  );
  let overloaded = transitionPeakKW > capKW ? f : 0;
  let reinforceMW = (f * homes * Math.max(0, transitionPeakKW - capKW)) / 1000;
  // The homes outside transition neighbourhoods: a second class only when f < 1 (MODEL.md §8).
  if (f < 1) {
    const otherShare = 1 - f;
    const otherPeakKW = Math.max(
      kernel[offset + KERNEL_LV_OTHER_MAX_KW] + diversityMarginKW(baseVariance + evVariance, n),
      -kernel[offset + KERNEL_LV_OTHER_MIN_KW],
    );
    if (otherPeakKW > capKW) overloaded += otherShare;
    reinforceMW += (otherShare * homes * Math.max(0, otherPeakKW - capKW)) / 1000;
  }
  const allElectricHomes = resolved.shareAllElectric * homes;
  return {
    capacityKWPerHome: capKW,
    peakKWPerHome: transitionPeakKW,
    transitionHomesShare: f,
    overloadedHomesShare: overloaded,
    reinforceMW,
    capexEUR: reinforceMW * n.costLvEURPerMW + allElectricHomes * n.costHomeConnUpgradeEUR,
  };
}
