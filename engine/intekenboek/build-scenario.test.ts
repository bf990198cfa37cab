import { describe, expect, it } from 'vitest';
import { evaluate } from '../model/evaluate.ts';
import { parseScenario } from '../scenario/validate.ts';
import { buildCommitmentScenario } from './build-scenario.ts';
import { threeRegionDataset } from '../testing/three-region-dataset.ts';
import type { Commitment } from './types.ts';

const dataset = threeRegionDataset();

function commitment(
  region: string | null,
  kind: Commitment['kind'],
  quantities: Commitment['quantities'],
  status: Commitment['status'] = 'vastgesteld',
): Commitment {
  return {
    actor: 'x',
    actorKind: 'provincie',
    region,
    kind,
    quantities,
    year: 2030,
    status,
    source: '',
    note: '',
    author: '',
  };
}

describe('buildCommitmentScenario', () => {
  it('is an empty scenario for an empty register: every region keeps the dataset figures', () => {
    const built = buildCommitmentScenario([], dataset);
    expect(built.scenario.regions).toEqual({});
    expect(built.warnings).toEqual([]);
  });

  it('replaces a region RES by its counted res sums; a kind none names is 0', () => {
    const built = buildCommitmentScenario(
      [
        commitment('A', 'res', { windTWh: 3 }),
        commitment('A', 'res', { windTWh: 1.5, solarRoofTWh: 0.5 }),
        commitment('A', 'res', { solarFieldTWh: 9 }, 'bod'),
        commitment('B', 'res', { solarFieldTWh: 9 }, 'ingetrokken'),
      ],
      dataset,
    );
    expect(built.scenario.regions).toEqual({ A: { solarRoofTWh: 0.5, solarFieldTWh: 0, windTWh: 4.5 } });
    expect(built.regions).toEqual({ A: ['res'] });
  });

  it('raises grid capacity by counted net commitments and sets shares from counted homes', () => {
    const built = buildCommitmentScenario(
      [
        commitment('B', 'net', { feedinMW: 50 }),
        commitment('B', 'net', { feedinMW: 25, offtakeMW: 10 }),
        commitment('C', 'warmte', { homesAllElectric: 400, homesHybrid: 1000 }),
        commitment('C', 'warmte', { homesHeatNet: 200 }),
        commitment('C', 'financiering', { eur: 1e6, purpose: 'x' }),
      ],
      dataset,
    );
    // B: dataset 300 / 400 MW; C: 4000 homes.
    expect(built.scenario.regions).toEqual({
      B: { gridFeedinMW: 375, gridOfftakeMW: 410 },
      C: { shareAllElectric: 0.1, shareHybrid: 0.25, shareHeatNet: 0.05, shareInsulationOnly: 0 },
    });
  });

  it('scales shares down to sum to 1 when more homes are promised than the region has, with a warning', () => {
    const built = buildCommitmentScenario(
      [commitment('A', 'warmte', { homesHybrid: 1500, homesAllElectric: 500 })],
      dataset,
    );
    expect(built.scenario.regions?.A).toEqual({
      shareAllElectric: 0.25,
      shareHybrid: 0.75,
      shareHeatNet: 0,
      shareInsulationOnly: 0,
    });
    expect(built.warnings).toEqual([expect.stringContaining('region A')]);
  });

  it('leaves national commitments out of the scenario and says so', () => {
    const built = buildCommitmentScenario(
      [commitment(null, 'res', { windTWh: 5 }), commitment(null, 'financiering', { eur: 1, purpose: 'x' })],
      dataset,
    );
    expect(built.scenario.regions).toEqual({});
    expect(built.unplaced).toEqual({ res: 1 });
    expect(built.warnings).toHaveLength(1);
  });

  it('honours chosen counted statuses', () => {
    const built = buildCommitmentScenario([commitment('A', 'res', { windTWh: 8 }, 'bod')], dataset, {
      countedStatuses: ['bod'],
    });
    expect(built.scenario.regions).toEqual({ A: { solarRoofTWh: 0, solarFieldTWh: 0, windTWh: 8 } });
  });

  it('evaluates like any scenario: resNominal follows the commitments', () => {
    const built = buildCommitmentScenario([commitment('A', 'res', { windTWh: 4, solarRoofTWh: 1 })], dataset);
    const result = evaluate(dataset, parseScenario(built.scenario, dataset));
    // A 5 (committed) + B 20 + C 20 (dataset) = 45 TWh nominal.
    expect(result.regions.map((r) => r.resNominalTWh)).toEqual([5, 20, 20]);
    expect(result.national.resNominalTWh).toBe(45);
  });
});
