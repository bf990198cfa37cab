import { describe, expect, it } from 'vitest';
import { summariseCommitments } from './summarise.ts';
import { threeRegionDataset } from '../testing/three-region-dataset.ts';
import type { Commitment } from './types.ts';

// Dataset RES TWh: A 10, B 20, C 20 (50 in all) → fair shares of 35 TWh: A 7, B 14, C 14.
const dataset = threeRegionDataset();

function res(region: string | null, status: Commitment['status'], q: Commitment['quantities']): Commitment {
  return {
    actor: `actor ${region}`,
    actorKind: 'res-regio',
    region,
    kind: 'res',
    quantities: q,
    year: 2030,
    status,
    source: '',
    note: '',
    author: '',
  };
}
const net = (region: string | null, status: Commitment['status'], feedinMW: number): Commitment => ({
  ...res(region, status, {}),
  kind: 'net',
  actorKind: 'netbeheerder',
  quantities: { feedinMW },
});

describe('summariseCommitments', () => {
  it('sums an empty register to zero and triggers Route 35 with every region in escalation', () => {
    const summary = summariseCommitments([], dataset);
    expect(summary.commitments).toBe(0);
    expect(summary.res).toMatchObject({ countedTWh: 0, targetTWh: 35, gapTWh: 35, route35Triggered: true });
    expect(summary.res.escalation.map((e) => [e.region, e.gapTWh])).toEqual([
      ['B', 14],
      ['C', 14],
      ['A', 7],
    ]);
    expect(summary.national.res.counted).toEqual({
      count: 0,
      solarRoofTWh: 0,
      solarFieldTWh: 0,
      windTWh: 0,
      totalTWh: 0,
    });
  });

  it('computes fair shares from the dataset: target × region TWh / national TWh', () => {
    const summary = summariseCommitments([], dataset);
    expect(summary.regions.map((r) => [r.id, r.res.datasetTWh, r.res.fairShareTWh])).toEqual([
      ['A', 10, 7],
      ['B', 20, 14],
      ['C', 20, 14],
    ]);
    expect(summariseCommitments([], dataset, { targetTWh: 50 }).regions.map((r) => r.res.fairShareTWh)).toEqual([
      10, 20, 20,
    ]);
  });

  it('sums by status and counts only the counted statuses', () => {
    const commitments = [
      res('A', 'bod', { windTWh: 4 }),
      res('A', 'vastgesteld', { solarRoofTWh: 1, windTWh: 2 }),
      res('A', 'vergund', { solarFieldTWh: 0.5 }),
      res('A', 'ingetrokken', { windTWh: 9 }),
      net('A', 'vastgesteld', 120),
    ];
    const a = summariseCommitments(commitments, dataset).regions[0];
    expect(a.totals.res.byStatus.bod).toEqual({ count: 1, solarRoofTWh: 0, solarFieldTWh: 0, windTWh: 4, totalTWh: 4 });
    expect(a.totals.res.byStatus.ingetrokken.totalTWh).toBe(9);
    expect(a.totals.res.counted).toEqual({ count: 2, solarRoofTWh: 1, solarFieldTWh: 0.5, windTWh: 2, totalTWh: 3.5 });
    expect(a.totals.net.counted).toEqual({ count: 1, feedinMW: 120, offtakeMW: 0 });
    expect(a.res).toMatchObject({ countedTWh: 3.5, fairShareTWh: 7, gapTWh: 3.5, belowFairShare: true });
  });

  it('lets the caller choose the counted statuses', () => {
    const commitments = [res('A', 'bod', { windTWh: 4 }), res('A', 'vastgesteld', { windTWh: 2 })];
    const summary = summariseCommitments(commitments, dataset, { countedStatuses: ['bod'] });
    expect(summary.countedStatuses).toEqual(['bod']);
    expect(summary.res.countedTWh).toBe(4);
  });

  it('counts a national commitment (region null) nationally, in no region', () => {
    const summary = summariseCommitments(
      [res(null, 'vastgesteld', { windTWh: 30 }), res('B', 'vastgesteld', { windTWh: 2 })],
      dataset,
    );
    expect(summary.res.countedTWh).toBe(32);
    expect(summary.unassigned.res.counted.totalTWh).toBe(30);
    expect(summary.regions.map((r) => r.res.countedTWh)).toEqual([0, 2, 0]);
    expect(summary.res).toMatchObject({ gapTWh: 3, route35Triggered: true });
  });

  it('treats exactly the target as reached, also when the sum of decimals is not exact in floating point', () => {
    // 0.1 + 0.2 = 0.30000000000000004: the sums below are 35 ± a few ulp.
    const exact = [
      res('A', 'vastgesteld', { windTWh: 7 }),
      res('B', 'vastgesteld', { windTWh: 14 }),
      res('C', 'gerealiseerd', { windTWh: 14 }),
    ];
    const summary = summariseCommitments(exact, dataset);
    expect(summary.res).toEqual({ countedTWh: 35, targetTWh: 35, gapTWh: 0, route35Triggered: false, escalation: [] });
    // 0.7 + 0.1 = 0.7999999999999999: with a target of 2 TWh (B's share 0.8) that is a tie, not a shortfall.
    const decimals = [
      res('A', 'vastgesteld', { windTWh: 0.4 }),
      res('B', 'vastgesteld', { windTWh: 0.7 }),
      res('B', 'vastgesteld', { windTWh: 0.1 }),
      res('C', 'vastgesteld', { windTWh: 0.8 }),
    ];
    const tied = summariseCommitments(decimals, dataset, { targetTWh: 2 });
    expect(tied.regions[1].res.countedTWh).toBeLessThan(tied.regions[1].res.fairShareTWh);
    expect(tied.res.route35Triggered).toBe(false);
    expect(tied.res.gapTWh).toBe(0);
    expect(tied.res.escalation).toEqual([]);
    const national = summariseCommitments(
      [res(null, 'vastgesteld', { windTWh: 0.7 }), res(null, 'vergund', { windTWh: 0.1 })],
      dataset,
      {
        targetTWh: 0.8,
      },
    );
    expect(national.res.countedTWh).toBeLessThan(0.8);
    expect(national.res).toMatchObject({ route35Triggered: false, gapTWh: 0 });
  });

  it('triggers Route 35 just below the target and escalates only regions below their share', () => {
    const commitments = [
      res('A', 'vastgesteld', { windTWh: 7 }),
      res('B', 'vastgesteld', { windTWh: 20 }),
      res('C', 'vastgesteld', { windTWh: 7.999 }),
    ];
    const summary = summariseCommitments(commitments, dataset);
    expect(summary.res.route35Triggered).toBe(true);
    expect(summary.res.gapTWh).toBeCloseTo(0.001, 12);
    // A ties with its share (not escalated); B is above it; C is 6.001 below.
    expect(summary.res.escalation).toHaveLength(1);
    expect(summary.res.escalation[0]).toMatchObject({ region: 'C', name: 'Charlie', fairShareTWh: 14 });
    expect(summary.res.escalation[0].gapTWh).toBeCloseTo(6.001, 12);
  });

  it('can pass the target while regions stay below their share (escalation without Route 35)', () => {
    const summary = summariseCommitments([res('B', 'vastgesteld', { windTWh: 40 })], dataset);
    expect(summary.res.route35Triggered).toBe(false);
    expect(summary.res.escalation.map((e) => e.region)).toEqual(['C', 'A']);
  });

  it('keeps national totals equal to the sum of regions and unassigned', () => {
    const commitments = [
      res('A', 'vastgesteld', { windTWh: 1 }),
      res('C', 'bod', { solarRoofTWh: 2 }),
      res(null, 'vergund', { solarFieldTWh: 3 }),
      net('B', 'gerealiseerd', 50),
      net(null, 'gerealiseerd', 25),
    ];
    const summary = summariseCommitments(commitments, dataset);
    for (const status of ['bod', 'vergund', 'vastgesteld', 'gerealiseerd'] as const) {
      const regional = summary.regions.reduce((sum, r) => sum + (r.totals.res.byStatus[status].totalTWh ?? 0), 0);
      expect(summary.national.res.byStatus[status].totalTWh).toBe(
        regional + (summary.unassigned.res.byStatus[status].totalTWh ?? 0),
      );
    }
    expect(summary.national.net.counted.feedinMW).toBe(75);
  });
});
