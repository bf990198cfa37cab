import { describe, expect, it } from 'vitest';
import { blockBoundsOf } from './block-bounds.ts';
import {
  KERNEL_CLIP_CURTAILED_MWH,
  KERNEL_CONGESTION_HOURS_FEEDIN,
  KERNEL_CONGESTION_HOURS_OFFTAKE,
  KERNEL_LV_OTHER_MAX_KW,
  KERNEL_LV_OTHER_MIN_KW,
  KERNEL_LV_TRANSITION_MAX_KW,
  KERNEL_LV_TRANSITION_MIN_KW,
  KERNEL_OUTPUT_COUNT,
  KERNEL_PEAK_FEEDIN_MW,
  KERNEL_PEAK_OFFTAKE_MW,
  KERNEL_STORAGE_THROUGHPUT_MWH,
  runRegionHours,
  type HourlyTrace,
  type RegionHoursInput,
} from './region-hours.ts';

const zeros = (n: number) => new Float64Array(n);

/** Four hours worked out by hand (see the comments in the tests). */
function fourHours(overrides: Partial<RegionHoursInput> = {}): RegionHoursInput {
  return {
    hours: 4,
    solarCF: Float64Array.of(0, 0.5, 1, 0.5),
    windCF: Float64Array.of(0.5, 0.5, 0.5, 0.5),
    baseMW: Float64Array.of(10, 10, 10, 10),
    heatKWPerHome: zeros(4),
    evShare: zeros(4),
    roofAndSmallMW: 10,
    fieldMW: 20,
    fieldCapMW: 10,
    windMW: 10,
    homesThousands: 0,
    evMWh: 0,
    industryMW: 0,
    feedinMW: 12,
    offtakeMW: 4,
    storageMW: 0,
    storageMWh: 0,
    storageEta: 0.9,
    householdShare: Float64Array.of(0.25, 0.25, 0.25, 0.25),
    householdKWhPerHome: 0,
    evKWhPerHome: 0,
    smallRoofKWPerHome: 0,
    transitionHeatFactor: 1,
    bounds: null,
    ...overrides,
  };
}

function run(input: RegionHoursInput, trace: HourlyTrace | null = null): Float64Array {
  const out = new Float64Array(KERNEL_OUTPUT_COUNT);
  runRegionHours(input, out, 0, trace);
  return out;
}

function traceOf(hours: number): HourlyTrace {
  return {
    genMW: zeros(hours),
    loadMW: zeros(hours),
    netMW: zeros(hours),
    netAfterStorageMW: zeros(hours),
    socMWh: zeros(hours),
    lvTransitionKWPerHome: zeros(hours),
  };
}

describe('runRegionHours on four hand-computed hours', () => {
  it('without a battery: gen 5,20,25,20 against load 10 gives net −5,10,15,10', () => {
    const trace = traceOf(4);
    const out = run(fourHours(), trace);
    // field clipped at 10 MW: raw 0,10,20,10 → 0,10,10,10, so 10 MWh clipped
    expect([...trace.genMW]).toEqual([5, 20, 25, 20]);
    expect([...trace.netMW]).toEqual([-5, 10, 15, 10]);
    expect(out[KERNEL_PEAK_FEEDIN_MW]).toBe(15);
    expect(out[KERNEL_PEAK_OFFTAKE_MW]).toBe(5);
    expect(out[KERNEL_CONGESTION_HOURS_FEEDIN]).toBe(1);
    expect(out[KERNEL_CONGESTION_HOURS_OFFTAKE]).toBe(1);
    expect(out[KERNEL_CLIP_CURTAILED_MWH]).toBe(10);
    expect(out[KERNEL_STORAGE_THROUGHPUT_MWH]).toBe(0);
  });

  it('with a 2 MW / 4 MWh battery (η 0.9) follows §2.3 hour by hour', () => {
    const trace = traceOf(4);
    const out = run(fourHours({ storageMW: 2, storageMWh: 4 }), trace);
    // h0: −5 < −4: discharge min(1, 2, 2×0.9) = 1 → soc 2 − 1/0.9, net −4
    // h1: within, soc below half: charge min(2, (2 − soc)/0.9, 10 + 4) = 10/8.1 → soc 2
    // h2: 15 > 12: charge min(3, 2, 2/0.9) = 2 → soc 3.8, net 13
    // h3: within, soc above half: discharge min(2, 1.8 × 0.9, 12 − 10) = 1.62 → soc 2, net 11.62
    const expectedAfter = [-4, 10 - 10 / 8.1, 13, 11.62];
    const expectedSoc = [2 - 1 / 0.9, 2, 3.8, 2];
    for (let h = 0; h < 4; h++) {
      expect(trace.netAfterStorageMW[h]).toBeCloseTo(expectedAfter[h], 12);
      expect(trace.socMWh[h]).toBeCloseTo(expectedSoc[h], 12);
    }
    expect(out[KERNEL_PEAK_FEEDIN_MW]).toBeCloseTo(13, 12);
    expect(out[KERNEL_PEAK_OFFTAKE_MW]).toBeCloseTo(4, 12);
    // congestion hours count the net load before storage
    expect(out[KERNEL_CONGESTION_HOURS_FEEDIN]).toBe(1);
    expect(out[KERNEL_CONGESTION_HOURS_OFFTAKE]).toBe(1);
    expect(out[KERNEL_STORAGE_THROUGHPUT_MWH]).toBeCloseTo(10 / 8.1 + 2, 12);
  });

  it('adds heat pumps, EVs and industry to the load', () => {
    const trace = traceOf(4);
    run(
      fourHours({
        heatKWPerHome: Float64Array.of(1, 2, 0, 0),
        evShare: Float64Array.of(0, 0, 0.5, 0.5),
        homesThousands: 2, // 2000 homes × 1 kW = 2 MW in hour 0, × 2 kW = 4 MW in hour 1
        evMWh: 8, // 4 MW in hours 2 and 3
        industryMW: 0.5,
      }),
      trace,
    );
    expect([...trace.loadMW]).toEqual([12.5, 14.5, 14.5, 14.5]);
  });

  it('does not count an hour exactly on a limit as congested', () => {
    const out = run(fourHours({ feedinMW: 15, offtakeMW: 5 }));
    expect(out[KERNEL_CONGESTION_HOURS_FEEDIN]).toBe(0);
    expect(out[KERNEL_CONGESTION_HOURS_OFFTAKE]).toBe(0);
    expect(out[KERNEL_PEAK_FEEDIN_MW]).toBe(15);
  });

  it('reports zero peaks when the net load never crosses zero in that direction', () => {
    const out = run(fourHours({ baseMW: Float64Array.of(0, 0, 0, 0) }));
    expect(out[KERNEL_PEAK_OFFTAKE_MW]).toBe(0);
  });
});

/** A deterministic pseudo-random year for property tests. */
function randomYear(hours: number, seed: number): RegionHoursInput {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
  const solarCF = zeros(hours).map((_, h) => Math.max(0, Math.sin((((h % 24) - 6) / 12) * Math.PI)) * random());
  const windCF = zeros(hours).map(() => random());
  const baseMW = zeros(hours).map(() => 50 + 50 * random());
  return {
    ...fourHours(),
    hours,
    solarCF,
    windCF,
    baseMW,
    heatKWPerHome: zeros(hours),
    evShare: zeros(hours),
    roofAndSmallMW: 80,
    fieldMW: 120,
    fieldCapMW: 84,
    windMW: 90,
    feedinMW: 60,
    offtakeMW: 70,
    storageMW: 25,
    storageMWh: 100,
    storageEta: Math.sqrt(0.88),
  };
}

describe('runRegionHours properties over a random year', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: energy balance, state of charge and limits hold`, () => {
      const input = randomYear(8760, seed);
      const trace = traceOf(8760);
      const out = run(input, trace);
      let genMWh = 0;
      let rawMWh = 0;
      let storedMWh = 0;
      for (let h = 0; h < 8760; h++) {
        genMWh += trace.genMW[h];
        rawMWh += (input.roofAndSmallMW + input.fieldMW) * input.solarCF[h] + input.windMW * input.windCF[h];
        const soc = trace.socMWh[h];
        expect(soc).toBeGreaterThanOrEqual(0);
        expect(soc).toBeLessThanOrEqual(input.storageMWh);
        const net = trace.netMW[h];
        const after = trace.netAfterStorageMW[h];
        // The battery never moves more than its power.
        expect(Math.abs(after - net)).toBeLessThanOrEqual(input.storageMW + 1e-9);
        // Hours within limits stay within limits after storage.
        if (net <= input.feedinMW && net >= -input.offtakeMW) {
          expect(after).toBeLessThanOrEqual(input.feedinMW + 1e-9);
          expect(after).toBeGreaterThanOrEqual(-input.offtakeMW - 1e-9);
        }
        // Congested hours never get worse.
        if (net > input.feedinMW) expect(after).toBeLessThanOrEqual(net);
        if (net < -input.offtakeMW) expect(after).toBeGreaterThanOrEqual(net);
        storedMWh += (after < net ? net - after : 0) * 1;
      }
      // Generation plus clipping equals the unclipped production.
      expect(genMWh + out[KERNEL_CLIP_CURTAILED_MWH]).toBeCloseTo(rawMWh, 6);
      // Energy taken in is Σ c over charging hours.
      expect(out[KERNEL_STORAGE_THROUGHPUT_MWH]).toBeCloseTo(storedMWh, 6);
      // Battery losses: stored energy × η in, out × 1/η; the state change accounts for the rest.
      let inMWh = 0;
      let outMWh = 0;
      for (let h = 0; h < 8760; h++) {
        const delta = trace.netMW[h] - trace.netAfterStorageMW[h];
        if (delta > 0) inMWh += delta;
        else outMWh -= delta;
      }
      const socChange = trace.socMWh[8759] - input.storageMWh / 2;
      expect(inMWh * input.storageEta - outMWh / input.storageEta).toBeCloseTo(socChange, 6);
    });
  }
});

describe('runRegionHours: LV load per home (MODEL.md §9.4)', () => {
  it('tracks the extremes of both classes from household, heat pumps, EVs and small roofs', () => {
    // household 4 kWh/yr on 0.1, 0.2, 0.3, 0.4 → 0.4, 0.8, 1.2, 1.6 kW; EVs 2 kWh/yr on 0.5, 0, 0, 0.5 → 1, 0, 0, 1;
    // small roofs 2 kW × CF 0, 0.5, 1, 0.5 → 0, 1, 2, 1. Other class: 1.4, −0.2, −0.8, 1.6.
    // Heat 0.6 kW per home on average in hour 0 only, in half the homes (f = 0.5, factor 2): +1.2 → 2.6.
    const trace = traceOf(4);
    const out = run(
      fourHours({
        householdShare: Float64Array.of(0.1, 0.2, 0.3, 0.4),
        householdKWhPerHome: 4,
        evShare: Float64Array.of(0.5, 0, 0, 0.5),
        evKWhPerHome: 2,
        smallRoofKWPerHome: 2,
        heatKWPerHome: Float64Array.of(0.6, 0, 0, 0),
        transitionHeatFactor: 2,
      }),
      trace,
    );
    expect(out[KERNEL_LV_OTHER_MAX_KW]).toBeCloseTo(1.6, 12);
    expect(out[KERNEL_LV_OTHER_MIN_KW]).toBeCloseTo(-0.8, 12);
    expect(out[KERNEL_LV_TRANSITION_MAX_KW]).toBeCloseTo(2.6, 12);
    expect(out[KERNEL_LV_TRANSITION_MIN_KW]).toBeCloseTo(-0.8, 12);
    expect([...trace.lvTransitionKWPerHome].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([2.6, -0.2, -0.8, 1.6]);
  });
});

/** The input with the block extremes of its hourly arrays, so that the kernel may skip quiet blocks. */
function withBounds(input: RegionHoursInput): RegionHoursInput {
  return {
    ...input,
    bounds: {
      solarCF: blockBoundsOf(input.solarCF),
      windCF: blockBoundsOf(input.windCF),
      baseMW: blockBoundsOf(input.baseMW),
      heatKWPerHome: blockBoundsOf(input.heatKWPerHome),
      evShare: blockBoundsOf(input.evShare),
      householdShare: blockBoundsOf(input.householdShare),
    },
  };
}

/** A random year with every hourly array in play (heat pumps, EVs, households, small roofs). */
function randomFullYear(seed: number, overrides: Partial<RegionHoursInput> = {}): RegionHoursInput {
  const year = randomYear(8760, seed);
  let state = seed * 7919;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
  const winter = (h: number) => 0.5 + 0.5 * Math.cos((2 * Math.PI * h) / 8760);
  return {
    ...year,
    heatKWPerHome: zeros(8760).map((_, h) => 1.5 * winter(h) * random()),
    evShare: zeros(8760).map((_, h) => (h % 24 >= 17 && h % 24 <= 22 ? 2 : 0.2) / 8760),
    householdShare: zeros(8760).map(() => (0.5 + random()) / 8760),
    homesThousands: 20,
    evMWh: 30000,
    householdKWhPerHome: 2600,
    evKWhPerHome: 1500,
    smallRoofKWPerHome: 1.2,
    transitionHeatFactor: 1.6,
    ...overrides,
  };
}

describe('runRegionHours: skipping quiet blocks changes no output, to the last bit', () => {
  const variants: Record<string, Partial<RegionHoursInput>> = {
    'loose limits (most blocks quiet)': { feedinMW: 400, offtakeMW: 400 },
    'tight limits (congestion most days)': { feedinMW: 30, offtakeMW: 110 },
    'the default limits of the random year': {},
    'no battery': { storageMW: 0, storageMWh: 0, feedinMW: 200, offtakeMW: 200 },
    'no clipping cap (field output never clipped)': { fieldCapMW: 120, feedinMW: 300, offtakeMW: 300 },
    'industry load and a large battery': { industryMW: 15, storageMW: 80, storageMWh: 500, feedinMW: 150 },
  };
  for (const [name, overrides] of Object.entries(variants)) {
    for (const seed of [1, 2, 3]) {
      it(`${name}, seed ${seed}`, () => {
        const input = randomFullYear(seed, overrides);
        const everyHour = run(input);
        const skipping = run(withBounds(input));
        for (let k = 0; k < KERNEL_OUTPUT_COUNT; k++)
          expect(Object.is(skipping[k], everyHour[k]), `output ${k}`).toBe(true);
      });
    }
  }

  it('a net load exactly on the feed-in limit stays uncongested when its block is skipped', () => {
    // Hour 4 lands exactly on the limit: 10 × 1 + 0 + 10 × 0.5 − 10 = 5 MW.
    const hours = 48;
    const input: RegionHoursInput = {
      ...fourHours({ fieldMW: 0, fieldCapMW: 0, feedinMW: 5, offtakeMW: 50 }),
      hours,
      solarCF: zeros(hours).map((_, h) => (h === 4 ? 1 : 0.25)),
      windCF: zeros(hours).fill(0.5),
      baseMW: zeros(hours).fill(10),
      heatKWPerHome: zeros(hours),
      evShare: zeros(hours),
      householdShare: zeros(hours).fill(1 / hours),
    };
    const everyHour = run(input);
    const skipping = run(withBounds(input));
    expect(everyHour[KERNEL_CONGESTION_HOURS_FEEDIN]).toBe(0);
    expect(everyHour[KERNEL_PEAK_FEEDIN_MW]).toBe(5);
    for (let k = 0; k < KERNEL_OUTPUT_COUNT; k++)
      expect(Object.is(skipping[k], everyHour[k]), `output ${k}`).toBe(true);
  });
});

describe('runRegionHours: the extremes of skipped quiet blocks still count', () => {
  type Drifting = 'net load' | 'LV load of the other homes' | 'LV load of the transition class';
  /**
   * A quiet year (far from both limits, battery at rest) in which one quantity drifts by `step`
   * each hour while the others stay flat, so that its extreme lies in the last block and each block
   * beats the one before by a hair: a skipped block that is not checked shows.
   */
  function driftingYear(drifting: Drifting, step: number): RegionHoursInput {
    const hours = 8760;
    const flat = (value: number) => zeros(hours).fill(value);
    const ramp = (from: number) => zeros(hours).map((_, h) => from + step * h);
    return withBounds({
      ...fourHours({ fieldMW: 0, fieldCapMW: 0, feedinMW: 1000, offtakeMW: 1000, storageMW: 5, storageMWh: 20 }),
      hours,
      solarCF: flat(0.5),
      windCF: drifting === 'net load' ? ramp(0.5) : flat(0.5),
      baseMW: flat(10),
      // When the other homes' LV load drifts, the transition class's heat pumps make up for it
      // (2 × 500 × step against 1000 × step), so that only the other homes' extremes move.
      heatKWPerHome:
        drifting === 'LV load of the transition class'
          ? ramp(1)
          : drifting === 'LV load of the other homes'
            ? zeros(hours).map((_, h) => 1 - 500 * step * h)
            : flat(1),
      evShare: flat(1 / hours),
      householdShare: drifting === 'LV load of the other homes' ? ramp(1e-4) : flat(1e-4),
      homesThousands: 0, // heat pumps reach the LV load only
      householdKWhPerHome: 1000,
      smallRoofKWPerHome: 0.1,
      transitionHeatFactor: 2,
    });
  }

  const extremes: Record<Drifting, [number, number]> = {
    'net load': [KERNEL_PEAK_FEEDIN_MW, KERNEL_PEAK_OFFTAKE_MW],
    'LV load of the other homes': [KERNEL_LV_OTHER_MAX_KW, KERNEL_LV_OTHER_MIN_KW],
    'LV load of the transition class': [KERNEL_LV_TRANSITION_MAX_KW, KERNEL_LV_TRANSITION_MIN_KW],
  };
  /** Hourly step of the drifting input: about 1e-6 MW or kW per hour, some 1e-5 per block. */
  const steps: Record<Drifting, number> = {
    'net load': 1e-7, // wind CF × 10 MW
    'LV load of the other homes': 1e-9, // household share × 1000 kWh
    'LV load of the transition class': 5e-7, // heat kW per home × 2
  };
  for (const drifting of Object.keys(extremes) as Drifting[]) {
    for (const sign of [1, -1]) {
      it(`${drifting} ${sign > 0 ? 'rising' : 'falling'} through the year`, () => {
        const input = driftingYear(drifting, sign * steps[drifting]);
        const skipping = run(input);
        const everyHour = run({ ...input, bounds: null });
        for (let k = 0; k < KERNEL_OUTPUT_COUNT; k++)
          expect(Object.is(skipping[k], everyHour[k]), `output ${k}`).toBe(true);
        // The extreme is the last hour's, beyond the first hour's.
        const [high, low] = extremes[drifting];
        const first = run({ ...input, hours: 1, bounds: null });
        if (sign > 0) expect(skipping[high]).toBeGreaterThan(first[high]);
        else if (low === KERNEL_PEAK_OFFTAKE_MW) expect(skipping[low]).toBeGreaterThan(first[low]);
        else expect(skipping[low]).toBeLessThan(first[low]);
      });
    }
  }
});

describe('runRegionHours: the lowest LV load of the other homes inside a skipped quiet block', () => {
  type Dip = 'small-roof solar peak' | 'household dip' | 'EV charging dip';
  /** Hour of the dip: inside a block late in the year, quiet like every block around it. */
  const DIP_HOUR = 8003;
  const hours = 8760;

  /**
   * A quiet year without a battery whose other homes have their lowest LV load in one hour,
   * DIP_HOUR, made by one term of lvOtherKW alone. Every other extreme is set by a stormy block
   * (hours 96–103) that congests and therefore runs before any quiet block is looked at: the wind
   * peak (hour 100), the net load's low (hour 101), the other homes' highest load (hour 97) and
   * the transition class's lowest and highest loads (hours 98 and 99, heat pumps off and doubled).
   * So whatever order the quiet blocks are checked in, only the other homes' low bound (household
   * and EV shares at their block minima, small-roof solar at its block maximum) can make the dip's
   * block run: a bound computed wrongly, or not checked, loses the dip.
   */
  function dipYear(dip: Dip): RegionHoursInput {
    const flat = (value: number) => zeros(hours).fill(value);
    const withHours = (values: Float64Array, set: Record<number, number>) => {
      for (const [hour, value] of Object.entries(set)) values[Number(hour)] = value;
      return values;
    };
    /** The dip hour's value of one input, when this dip is made by it. */
    const dipOf = (by: Dip, value: number): Record<number, number> => (dip === by ? { [DIP_HOUR]: value } : {});
    return withBounds({
      ...fourHours({ fieldMW: 0, fieldCapMW: 0, feedinMW: 50, offtakeMW: 1000 }), // no battery
      hours,
      solarCF: withHours(flat(0.5), dipOf('small-roof solar peak', 0.9)),
      windCF: withHours(flat(0.25), { 100: 1 }),
      baseMW: withHours(flat(10), { 101: 30 }),
      heatKWPerHome: withHours(flat(1), { 98: 0, 99: 2 }),
      evShare: withHours(flat(1 / hours), dipOf('EV charging dip', 0)),
      householdShare: withHours(flat(1e-4), { 97: 3e-4, ...dipOf('household dip', 0.5e-4) }),
      roofAndSmallMW: 10,
      windMW: 80,
      homesThousands: 0, // heat pumps reach the LV load only
      evMWh: 0, // and so do EVs: the dip must not show in the net load
      householdKWhPerHome: 1000, // 0.1 kW per home
      evKWhPerHome: 2000, // 0.228 kW per home
      smallRoofKWPerHome: 1, // −0.5 kW per home at CF 0.5
      transitionHeatFactor: 2,
    });
  }

  // Worked out by hand: the other homes' load is 0.1 + 2000/8760 − 0.5 ≈ −0.172 kW in the usual hours.
  const usualKW = 0.1 + 2000 / hours - 0.5;
  const dipKW: Record<Dip, number> = {
    'small-roof solar peak': usualKW - 0.4, // CF 0.9 instead of 0.5 on 1 kW per home
    'household dip': usualKW - 0.05, // half the household share
    'EV charging dip': usualKW - 2000 / hours, // no charging in that hour
  };
  for (const dip of Object.keys(dipKW) as Dip[]) {
    it(`${dip}: the skipping run finds the dip hour's load`, () => {
      const input = dipYear(dip);
      const everyHour = run({ ...input, bounds: null });
      expect(everyHour[KERNEL_CONGESTION_HOURS_FEEDIN]).toBe(1); // hour 100: 5 + 80 − 10 = 75 MW
      expect(everyHour[KERNEL_PEAK_FEEDIN_MW]).toBeCloseTo(75, 12);
      expect(everyHour[KERNEL_LV_OTHER_MIN_KW]).toBeCloseTo(dipKW[dip], 12);
      expect(everyHour[KERNEL_LV_TRANSITION_MIN_KW]).toBeCloseTo(usualKW, 12); // hour 98, no heat
      const skipping = run(input);
      expect(skipping[KERNEL_LV_OTHER_MIN_KW]).toBe(everyHour[KERNEL_LV_OTHER_MIN_KW]);
      for (let k = 0; k < KERNEL_OUTPUT_COUNT; k++)
        expect(Object.is(skipping[k], everyHour[k]), `output ${k}`).toBe(true);
    });
  }
});
