/**
 * The hourly kernel of MODEL.md §2 for one region: generation, load, the grid-serving battery and
 * the hourly grid outcomes. It is the hot path of every evaluation and sweep (30 regions × 8760 h
 * per scenario), so it is one flat loop over Float64Arrays with every scenario-dependent factor
 * folded into scalars beforehand, no allocation and no calls inside the loop.
 */
import { BLOCK_HOURS } from './block-bounds.ts';

/** Scenario-specific inputs of one region's hourly run; arrays are shared, scalars are per run. */
export interface RegionHoursInput {
  hours: number;
  solarCF: Float64Array;
  windCF: Float64Array;
  baseMW: Float64Array;
  /**
   * Heat-pump kW per home of the region (all-electric and hybrid homes weighted by their shares,
   * averaged over all homes); shared by every region with the same mix and temperature profile.
   */
  heatKWPerHome: Float64Array;
  /** EV charging shape of the region's smart-charging share, normalised to sum 1. */
  evShare: Float64Array;
  /** Large roofs + small roofs, MW peak; they share the solar profile and are never clipped. */
  roofAndSmallMW: number;
  fieldMW: number;
  /** κ × Pfield: field output above it is clipped. */
  fieldCapMW: number;
  windMW: number;
  /** Homes divided by 1000, turning kW per home into MW. */
  homesThousands: number;
  /** Annual EV charging, MWh. */
  evMWh: number;
  industryMW: number;
  feedinMW: number;
  offtakeMW: number;
  storageMW: number;
  storageMWh: number;
  /** √(round-trip efficiency): the battery loses the same share charging and discharging. */
  storageEta: number;
  /** LV layer (MODEL.md §9.1): normalised household shape, shared by the regions on one profile. */
  householdShare: Float64Array;
  /** Household kWh per home per year. */
  householdKWhPerHome: number;
  /** EV charging per home (EVs spread over all homes), kWh per year. */
  evKWhPerHome: number;
  /** Small-roof PV per home, kW peak. */
  smallRoofKWPerHome: number;
  /**
   * 1 / f: heat-pump load per home of the transition class relative to heatKWPerHome (the average
   * over all homes), since the class holds the region's heat pumps in a share f of its homes.
   */
  transitionHeatFactor: number;
  /**
   * Block extremes (block-bounds.ts) of the hourly arrays above, or null to visit every hour. With
   * them the kernel skips blocks it proves quiet; the outputs are the same to the last bit.
   */
  bounds: KernelBounds | null;
}

/** Block extremes of each hourly array of a RegionHoursInput (see block-bounds.ts). */
export interface KernelBounds {
  solarCF: Float64Array;
  windCF: Float64Array;
  baseMW: Float64Array;
  heatKWPerHome: Float64Array;
  evShare: Float64Array;
  householdShare: Float64Array;
}

/** Positions in the kernel's output block. */
export const KERNEL_PEAK_FEEDIN_MW = 0;
export const KERNEL_PEAK_OFFTAKE_MW = 1;
export const KERNEL_CONGESTION_HOURS_FEEDIN = 2;
export const KERNEL_CONGESTION_HOURS_OFFTAKE = 3;
export const KERNEL_CLIP_CURTAILED_MWH = 4;
export const KERNEL_STORAGE_THROUGHPUT_MWH = 5;
/** Extremes of the LV load per home (MODEL.md §9.4), kW: transition class, then the homes without a heat pump. */
export const KERNEL_LV_TRANSITION_MAX_KW = 6;
export const KERNEL_LV_TRANSITION_MIN_KW = 7;
export const KERNEL_LV_OTHER_MAX_KW = 8;
export const KERNEL_LV_OTHER_MIN_KW = 9;
/** Number of values the kernel writes per region. */
export const KERNEL_OUTPUT_COUNT = 10;

/** Optional hourly series for charts; each array must hold at least `hours` values. */
export interface HourlyTrace {
  genMW: Float64Array;
  loadMW: Float64Array;
  netMW: Float64Array;
  netAfterStorageMW: Float64Array;
  socMWh: Float64Array;
  /** LV load per home of the transition class, kW (MODEL.md §9.4 x[h], before the diversity margin). */
  lvTransitionKWPerHome: Float64Array;
}

/**
 * Slack on "net above the feed-in limit" and "below minus the offtake limit". Data built from round
 * numbers often put the net load exactly on a limit; floating-point noise (a few ulp of the
 * generation and load the net load is the difference of) must not turn such an hour into
 * congestion, which would also change the battery's action. Near a limit every term of the net
 * load is bounded by the region's scale (limits plus installed generation plus flat load), and the
 * rounding of a handful of products and sums stays near 1e-15 of it; the slack is 1e-14 of the
 * scale, so exact ties are ties and every real excess (even 1e-9 MW) still counts.
 */
export function limitSlackMW(input: RegionHoursInput): number {
  const scaleMW =
    1 + input.feedinMW + input.offtakeMW + input.roofAndSmallMW + input.fieldMW + input.windMW + input.industryMW;
  return 1e-14 * scaleMW;
}

/**
 * Runs hours [from, to) of a region's year, carrying the year's running state (battery, extremes,
 * counts, sums) in `state` (STATE_…) from the hours before to the hours after.
 */
function runHourRange(
  input: RegionHoursInput,
  state: Float64Array,
  from: number,
  to: number,
  trace: HourlyTrace | null,
): void {
  const solarCF = input.solarCF;
  const windCF = input.windCF;
  const baseMW = input.baseMW;
  const heatKWPerHome = input.heatKWPerHome;
  const evShare = input.evShare;
  const roofAndSmallMW = input.roofAndSmallMW;
  const fieldMW = input.fieldMW;
  const fieldCapMW = input.fieldCapMW;
  const windMW = input.windMW;
  const homesThousands = input.homesThousands;
  const evMWh = input.evMWh;
  const industryMW = input.industryMW;
  const feedinMW = input.feedinMW;
  const offtakeMW = input.offtakeMW;
  const slackMW = limitSlackMW(input);
  const feedinLimitMW = feedinMW + slackMW;
  const offtakeLimitMW = -(offtakeMW + slackMW);
  const storageMW = input.storageMW;
  const storageMWh = input.storageMWh;
  const eta = input.storageEta;
  const halfMWh = 0.5 * storageMWh;
  // Without power or energy the battery never acts (every min() below is 0): skip its branches.
  const hasStorage = storageMW > 0 && storageMWh > 0;
  const householdShare = input.householdShare;
  const householdKWhPerHome = input.householdKWhPerHome;
  const evKWhPerHome = input.evKWhPerHome;
  const smallRoofKWPerHome = input.smallRoofKWPerHome;
  const transitionHeatFactor = input.transitionHeatFactor;
  // LV extremes per home: x[h] of the transition class and of the homes without a heat pump. Both
  // classes share household, EV and small-roof load; only the heat pumps differ (MODEL.md §9.3).
  let lvTransitionMaxKW = state[STATE_LV_TRANSITION_MAX_KW];
  let lvTransitionMinKW = state[STATE_LV_TRANSITION_MIN_KW];
  let lvOtherMaxKW = state[STATE_LV_OTHER_MAX_KW];
  let lvOtherMinKW = state[STATE_LV_OTHER_MIN_KW];

  let socMWh = state[STATE_SOC_MWH];
  let maxNetMW = state[STATE_MAX_NET_MW];
  let minNetMW = state[STATE_MIN_NET_MW];
  let congestionFeedin = state[STATE_CONGESTION_FEEDIN];
  let congestionOfftake = state[STATE_CONGESTION_OFFTAKE];
  let clipMWh = state[STATE_CLIP_MWH];
  let chargedMWh = state[STATE_CHARGED_MWH];

  for (let h = from; h < to; h++) {
    const solar = solarCF[h];
    const heatKW = heatKWPerHome[h];
    const evShareH = evShare[h];
    const lvOtherKW = householdKWhPerHome * householdShare[h] + evKWhPerHome * evShareH - smallRoofKWPerHome * solar;
    const lvTransitionKW = lvOtherKW + heatKW * transitionHeatFactor;
    if (lvTransitionKW > lvTransitionMaxKW) lvTransitionMaxKW = lvTransitionKW;
    if (lvTransitionKW < lvTransitionMinKW) lvTransitionMinKW = lvTransitionKW;
    if (lvOtherKW > lvOtherMaxKW) lvOtherMaxKW = lvOtherKW;
    if (lvOtherKW < lvOtherMinKW) lvOtherMinKW = lvOtherKW;
    const fieldRawMW = fieldMW * solar;
    const fieldOutMW = fieldRawMW < fieldCapMW ? fieldRawMW : fieldCapMW;
    clipMWh += fieldRawMW - fieldOutMW;
    const genMW = roofAndSmallMW * solar + fieldOutMW + windMW * windCF[h];
    const loadMW = baseMW[h] + homesThousands * heatKW + evMWh * evShareH + industryMW;
    const netMW = genMW - loadMW;
    let afterMW = netMW;

    if (netMW > feedinLimitMW) {
      congestionFeedin++;
      if (hasStorage) {
        // Absorb the excess above the feed-in limit, as far as power and free energy allow. When
        // the excess itself binds, the net load lands on the limit: set it there, free of rounding.
        let chargeMW = netMW - feedinMW;
        afterMW = feedinMW;
        const roomMW = (storageMWh - socMWh) / eta;
        if (chargeMW > storageMW || chargeMW > roomMW) {
          chargeMW = storageMW < roomMW ? storageMW : roomMW;
          if (chargeMW < 0) chargeMW = 0;
          afterMW = netMW - chargeMW;
        }
        socMWh += chargeMW * eta;
        chargedMWh += chargeMW;
      }
    } else if (netMW < offtakeLimitMW) {
      congestionOfftake++;
      if (hasStorage) {
        // Cover the shortfall below the offtake limit from the stored energy (landing exactly on
        // the limit when the shortfall binds).
        let dischargeMW = -offtakeMW - netMW;
        afterMW = -offtakeMW;
        const availableMW = socMWh * eta;
        if (dischargeMW > storageMW || dischargeMW > availableMW) {
          dischargeMW = storageMW < availableMW ? storageMW : availableMW;
          if (dischargeMW < 0) dischargeMW = 0;
          afterMW = netMW + dischargeMW;
        }
        socMWh -= dischargeMW / eta;
      }
    } else if (hasStorage) {
      // Within limits: drift back to half full, never pushing the net load past a limit.
      if (socMWh < halfMWh) {
        let chargeMW = (halfMWh - socMWh) / eta;
        if (chargeMW > storageMW) chargeMW = storageMW;
        const headroomMW = netMW + offtakeMW;
        if (chargeMW >= headroomMW) {
          // Charging up to the offtake limit: the net load lands exactly on it.
          chargeMW = headroomMW > 0 ? headroomMW : 0;
          afterMW = headroomMW > 0 ? -offtakeMW : netMW;
        } else {
          if (chargeMW < 0) chargeMW = 0;
          afterMW = netMW - chargeMW;
        }
        socMWh += chargeMW * eta;
        chargedMWh += chargeMW;
      } else if (socMWh > halfMWh) {
        let dischargeMW = (socMWh - halfMWh) * eta;
        if (dischargeMW > storageMW) dischargeMW = storageMW;
        const headroomMW = feedinMW - netMW;
        if (dischargeMW >= headroomMW) {
          // Discharging up to the feed-in limit: the net load lands exactly on it.
          dischargeMW = headroomMW > 0 ? headroomMW : 0;
          afterMW = headroomMW > 0 ? feedinMW : netMW;
        } else {
          if (dischargeMW < 0) dischargeMW = 0;
          afterMW = netMW + dischargeMW;
        }
        socMWh -= dischargeMW / eta;
      }
    }
    // Rounding must not leave the state of charge outside the battery.
    if (socMWh < 0) socMWh = 0;
    else if (socMWh > storageMWh) socMWh = storageMWh;

    if (afterMW > maxNetMW) maxNetMW = afterMW;
    if (afterMW < minNetMW) minNetMW = afterMW;
    if (trace !== null) {
      trace.genMW[h] = genMW;
      trace.loadMW[h] = loadMW;
      trace.netMW[h] = netMW;
      trace.netAfterStorageMW[h] = afterMW;
      trace.socMWh[h] = socMWh;
      trace.lvTransitionKWPerHome[h] = lvTransitionKW;
    }
  }

  state[STATE_SOC_MWH] = socMWh;
  state[STATE_MAX_NET_MW] = maxNetMW;
  state[STATE_MIN_NET_MW] = minNetMW;
  state[STATE_CONGESTION_FEEDIN] = congestionFeedin;
  state[STATE_CONGESTION_OFFTAKE] = congestionOfftake;
  state[STATE_CLIP_MWH] = clipMWh;
  state[STATE_CHARGED_MWH] = chargedMWh;
  state[STATE_LV_TRANSITION_MAX_KW] = lvTransitionMaxKW;
  state[STATE_LV_TRANSITION_MIN_KW] = lvTransitionMinKW;
  state[STATE_LV_OTHER_MAX_KW] = lvOtherMaxKW;
  state[STATE_LV_OTHER_MIN_KW] = lvOtherMinKW;
}

/** Positions in the running state of runHourRange. */
const STATE_SOC_MWH = 0;
const STATE_MAX_NET_MW = 1;
const STATE_MIN_NET_MW = 2;
const STATE_CONGESTION_FEEDIN = 3;
const STATE_CONGESTION_OFFTAKE = 4;
const STATE_CLIP_MWH = 5;
const STATE_CHARGED_MWH = 6;
const STATE_LV_TRANSITION_MAX_KW = 7;
const STATE_LV_TRANSITION_MIN_KW = 8;
const STATE_LV_OTHER_MAX_KW = 9;
const STATE_LV_OTHER_MIN_KW = 10;
/** The state of the region being run: the kernel never re-enters itself, and each thread has its own. */
const state = new Float64Array(11);

/** Runs one region's year hour by hour and writes KERNEL_OUTPUT_COUNT values at `out[offset]`. */
export function runRegionHours(
  input: RegionHoursInput,
  out: Float64Array,
  offset: number,
  trace: HourlyTrace | null,
): void {
  state[STATE_SOC_MWH] = 0.5 * input.storageMWh;
  state[STATE_MAX_NET_MW] = -Infinity;
  state[STATE_MIN_NET_MW] = Infinity;
  state[STATE_CONGESTION_FEEDIN] = 0;
  state[STATE_CONGESTION_OFFTAKE] = 0;
  state[STATE_CLIP_MWH] = 0;
  state[STATE_CHARGED_MWH] = 0;
  // LV extremes per home: x[h] of the transition class and of the homes without a heat pump.
  state[STATE_LV_TRANSITION_MAX_KW] = -Infinity;
  state[STATE_LV_TRANSITION_MIN_KW] = Infinity;
  state[STATE_LV_OTHER_MAX_KW] = -Infinity;
  state[STATE_LV_OTHER_MIN_KW] = Infinity;
  if (trace === null && input.bounds !== null && monotoneInputs(input)) runSkippingQuietBlocks(input, input.bounds);
  else runHourRange(input, state, 0, input.hours, trace);

  const maxNetMW = state[STATE_MAX_NET_MW];
  const minNetMW = state[STATE_MIN_NET_MW];
  out[offset + KERNEL_PEAK_FEEDIN_MW] = maxNetMW > 0 ? maxNetMW : 0;
  out[offset + KERNEL_PEAK_OFFTAKE_MW] = minNetMW < 0 ? -minNetMW : 0;
  out[offset + KERNEL_CONGESTION_HOURS_FEEDIN] = state[STATE_CONGESTION_FEEDIN];
  out[offset + KERNEL_CONGESTION_HOURS_OFFTAKE] = state[STATE_CONGESTION_OFFTAKE];
  out[offset + KERNEL_CLIP_CURTAILED_MWH] = state[STATE_CLIP_MWH];
  out[offset + KERNEL_STORAGE_THROUGHPUT_MWH] = state[STATE_CHARGED_MWH];
  out[offset + KERNEL_LV_TRANSITION_MAX_KW] = state[STATE_LV_TRANSITION_MAX_KW];
  out[offset + KERNEL_LV_TRANSITION_MIN_KW] = state[STATE_LV_TRANSITION_MIN_KW];
  out[offset + KERNEL_LV_OTHER_MAX_KW] = state[STATE_LV_OTHER_MAX_KW];
  out[offset + KERNEL_LV_OTHER_MIN_KW] = state[STATE_LV_OTHER_MIN_KW];
}

/**
 * The block bounds hold only when every hourly value enters the kernel's expressions through a
 * non-negative factor: then each rounded product and sum grows with its hourly input, and the
 * expression evaluated at a block's extremes bounds the same expression at each of its hours.
 */
function monotoneInputs(input: RegionHoursInput): boolean {
  return (
    input.roofAndSmallMW >= 0 &&
    input.fieldMW >= 0 &&
    input.windMW >= 0 &&
    input.homesThousands >= 0 &&
    input.evMWh >= 0 &&
    input.householdKWhPerHome >= 0 &&
    input.evKWhPerHome >= 0 &&
    input.smallRoofKWPerHome >= 0 &&
    input.transitionHeatFactor >= 0
  );
}

/** Quiet blocks waiting to be checked for an extreme; grown on demand, one per thread. */
let deferredBlocks = new Int32Array(512);
/** The net load's reach of each deferred block, high then low, from the first pass's own test. */
let deferredNetMW = new Float64Array(1024);

/**
 * The year block by block (BLOCK_HOURS), skipping the quiet ones: blocks that start with the
 * battery at rest (half full) and whose hours, by their bounds, all stay within both grid limits
 * and clip no field solar. In such an hour the kernel changes nothing but the extremes (the
 * battery stays at rest, no congestion, the clipped energy adds 0), so the quiet blocks are set
 * aside and, once every other hour has run, only those whose bounds reach beyond the extremes
 * found are run after all (scanQuietHours). Every value that counts is computed by the same
 * expressions as in runHourRange, so the outputs are those of a run over every hour, to the last bit. On the
 * bundled data most blocks are quiet: most hours of a year are far from the limits and peaks.
 */
function runSkippingQuietBlocks(input: RegionHoursInput, bounds: KernelBounds): void {
  const hours = input.hours;
  const blocks = Math.ceil(hours / BLOCK_HOURS);
  if (deferredBlocks.length < blocks) {
    deferredBlocks = new Int32Array(blocks);
    deferredNetMW = new Float64Array(2 * blocks);
  }
  const deferred = deferredBlocks;
  const deferredNet = deferredNetMW;
  const { solarCF, windCF, baseMW, heatKWPerHome, evShare, householdShare } = bounds;
  const roofAndSmallMW = input.roofAndSmallMW;
  const fieldMW = input.fieldMW;
  const fieldCapMW = input.fieldCapMW;
  const windMW = input.windMW;
  const homesThousands = input.homesThousands;
  const evMWh = input.evMWh;
  const industryMW = input.industryMW;
  const slackMW = limitSlackMW(input);
  const feedinLimitMW = input.feedinMW + slackMW;
  const offtakeLimitMW = -(input.offtakeMW + slackMW);
  const halfMWh = 0.5 * input.storageMWh;
  const hasStorage = input.storageMW > 0 && input.storageMWh > 0;
  let deferredCount = 0;
  /** First hour of the blocks waiting to run together (−1: none). */
  let runFrom = -1;
  for (let block = 0; block < blocks; block++) {
    const lo = 2 * block;
    const hi = lo + 1;
    // The net load at the block's extremes, with the very expressions of runHourRange.
    const fieldHighMW = fieldMW * solarCF[hi];
    const genHighMW =
      roofAndSmallMW * solarCF[hi] + (fieldHighMW < fieldCapMW ? fieldHighMW : fieldCapMW) + windMW * windCF[hi];
    const fieldLowMW = fieldMW * solarCF[lo];
    const genLowMW =
      roofAndSmallMW * solarCF[lo] + (fieldLowMW < fieldCapMW ? fieldLowMW : fieldCapMW) + windMW * windCF[lo];
    const loadLowMW = baseMW[lo] + homesThousands * heatKWPerHome[lo] + evMWh * evShare[lo] + industryMW;
    const loadHighMW = baseMW[hi] + homesThousands * heatKWPerHome[hi] + evMWh * evShare[hi] + industryMW;
    const from = block * BLOCK_HOURS;
    const netHighMW = genHighMW - loadLowMW;
    const netLowMW = genLowMW - loadHighMW;
    if (netHighMW <= feedinLimitMW && netLowMW >= offtakeLimitMW && fieldHighMW <= fieldCapMW) {
      // Quiet by its bounds; quiet indeed when the hours before leave the battery at rest.
      if (runFrom >= 0) runHourRange(input, state, runFrom, from, null);
      runFrom = -1;
      if (!hasStorage || state[STATE_SOC_MWH] === halfMWh) {
        deferredNet[2 * deferredCount] = netHighMW;
        deferredNet[2 * deferredCount + 1] = netLowMW;
        deferred[deferredCount++] = block;
        continue;
      }
    }
    // Consecutive blocks that are not quiet run in one go.
    if (runFrom < 0) runFrom = from;
  }
  if (runFrom >= 0) runHourRange(input, state, runFrom, hours, null);
  if (deferredCount === 0) return;
  // The quiet blocks' hours still count for the extremes: run those whose bounds reach beyond
  // them, with the battery at rest as it was in each (it is not changed by a quiet block).
  const householdKWhPerHome = input.householdKWhPerHome;
  const evKWhPerHome = input.evKWhPerHome;
  const smallRoofKWPerHome = input.smallRoofKWPerHome;
  const transitionHeatFactor = input.transitionHeatFactor;
  for (let k = 0; k < deferredCount; k++) {
    const block = deferred[k];
    const lo = 2 * block;
    const hi = lo + 1;
    // The net load's reach is the first pass's own test, kept: the same expressions at the same
    // extremes, not worked out again (a sixth of the kernel’s time on the bundled data went to that).
    const netHighMW = deferredNet[2 * k];
    const netLowMW = deferredNet[2 * k + 1];
    const lvOtherHighKW =
      householdKWhPerHome * householdShare[hi] + evKWhPerHome * evShare[hi] - smallRoofKWPerHome * solarCF[lo];
    const lvOtherLowKW =
      householdKWhPerHome * householdShare[lo] + evKWhPerHome * evShare[lo] - smallRoofKWPerHome * solarCF[hi];
    const lvTransitionHighKW = lvOtherHighKW + heatKWPerHome[hi] * transitionHeatFactor;
    const lvTransitionLowKW = lvOtherLowKW + heatKWPerHome[lo] * transitionHeatFactor;
    const mayHoldExtreme =
      netHighMW > state[STATE_MAX_NET_MW] ||
      netLowMW < state[STATE_MIN_NET_MW] ||
      lvOtherHighKW > state[STATE_LV_OTHER_MAX_KW] ||
      lvOtherLowKW < state[STATE_LV_OTHER_MIN_KW] ||
      lvTransitionHighKW > state[STATE_LV_TRANSITION_MAX_KW] ||
      lvTransitionLowKW < state[STATE_LV_TRANSITION_MIN_KW];
    if (!mayHoldExtreme) continue;
    const from = block * BLOCK_HOURS;
    scanQuietHours(input, from, Math.min(hours, from + BLOCK_HOURS));
  }
}

/**
 * Runs quiet hours [from, to) with the battery at rest, as runHourRange would: in them the net load
 * stays within both limits and no field solar is clipped, so the battery stays at rest, nothing is
 * congested, the clipped energy adds 0 and the net load after storage is the net load. Only the
 * extremes change, and they come from runHourRange's very expressions, repeated here without the
 * battery's branches (the kernel's skip-vs-every-hour tests fail if the two ever differ).
 */
function scanQuietHours(input: RegionHoursInput, from: number, to: number): void {
  const solarCF = input.solarCF;
  const windCF = input.windCF;
  const baseMW = input.baseMW;
  const heatKWPerHome = input.heatKWPerHome;
  const evShare = input.evShare;
  const householdShare = input.householdShare;
  const roofAndSmallMW = input.roofAndSmallMW;
  const fieldMW = input.fieldMW;
  const fieldCapMW = input.fieldCapMW;
  const windMW = input.windMW;
  const homesThousands = input.homesThousands;
  const evMWh = input.evMWh;
  const industryMW = input.industryMW;
  const householdKWhPerHome = input.householdKWhPerHome;
  const evKWhPerHome = input.evKWhPerHome;
  const smallRoofKWPerHome = input.smallRoofKWPerHome;
  const transitionHeatFactor = input.transitionHeatFactor;
  let lvTransitionMaxKW = state[STATE_LV_TRANSITION_MAX_KW];
  let lvTransitionMinKW = state[STATE_LV_TRANSITION_MIN_KW];
  let lvOtherMaxKW = state[STATE_LV_OTHER_MAX_KW];
  let lvOtherMinKW = state[STATE_LV_OTHER_MIN_KW];
  let maxNetMW = state[STATE_MAX_NET_MW];
  let minNetMW = state[STATE_MIN_NET_MW];
  for (let h = from; h < to; h++) {
    const solar = solarCF[h];
    const heatKW = heatKWPerHome[h];
    const evShareH = evShare[h];
    const lvOtherKW = householdKWhPerHome * householdShare[h] + evKWhPerHome * evShareH - smallRoofKWPerHome * solar;
    const lvTransitionKW = lvOtherKW + heatKW * transitionHeatFactor;
    if (lvTransitionKW > lvTransitionMaxKW) lvTransitionMaxKW = lvTransitionKW;
    if (lvTransitionKW < lvTransitionMinKW) lvTransitionMinKW = lvTransitionKW;
    if (lvOtherKW > lvOtherMaxKW) lvOtherMaxKW = lvOtherKW;
    if (lvOtherKW < lvOtherMinKW) lvOtherMinKW = lvOtherKW;
    const fieldRawMW = fieldMW * solar;
    const fieldOutMW = fieldRawMW < fieldCapMW ? fieldRawMW : fieldCapMW;
    const genMW = roofAndSmallMW * solar + fieldOutMW + windMW * windCF[h];
    const loadMW = baseMW[h] + homesThousands * heatKW + evMWh * evShareH + industryMW;
    const netMW = genMW - loadMW;
    if (netMW > maxNetMW) maxNetMW = netMW;
    if (netMW < minNetMW) minNetMW = netMW;
  }
  state[STATE_LV_TRANSITION_MAX_KW] = lvTransitionMaxKW;
  state[STATE_LV_TRANSITION_MIN_KW] = lvTransitionMinKW;
  state[STATE_LV_OTHER_MAX_KW] = lvOtherMaxKW;
  state[STATE_LV_OTHER_MIN_KW] = lvOtherMinKW;
  state[STATE_MAX_NET_MW] = maxNetMW;
  state[STATE_MIN_NET_MW] = minNetMW;
}
