import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { resolveRegion } from './resolve.ts';
import { parseScenario } from './validate.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const T1 = dataset.regionIndex.get('T1')!; // roof 0.0004, field 0.0008, wind 0.0006
const T2 = dataset.regionIndex.get('T2')!; // no solar, wind 0.0012, small roofs 0.0005

function resolve(r: number, input: unknown) {
  return resolveRegion(dataset, r, parseScenario(input, dataset));
}

describe('resolveRegion (MODEL.md §1.3, §1.5)', () => {
  it('takes region data when nothing is set', () => {
    const resolved = resolve(T1, {});
    expect(resolved).toMatchObject({
      solarRoofTWh: 0.0004,
      solarFieldTWh: 0.0008,
      windTWh: 0.0006,
      fieldSolarClip: 1,
      storageMW: 0,
    });
    expect(resolved.gridFeedinMW).toBe(100);
  });

  it('layers defaults under region values', () => {
    const resolved = resolve(T1, { defaults: { storageMW: 5, storageMWh: 10 }, regions: { T1: { storageMW: 7 } } });
    expect(resolved.storageMW).toBe(7);
    expect(resolved.storageMWh).toBe(10);
  });

  it('scales TWh from any layer by resScale, but not small roofs', () => {
    const resolved = resolve(T1, {
      defaults: { resScale: 2, windTWh: 0.001 },
      regions: { T1: { resScale: 3, solarSmallRoofTWh: 0.0002 } },
    });
    expect(resolved.windTWh).toBeCloseTo(0.003, 15);
    expect(resolved.solarRoofTWh).toBeCloseTo(0.0012, 15);
    expect(resolved.solarSmallRoofTWh).toBe(0.0002);
  });

  it('re-splits with solarShare, keeping the total and the roof fraction', () => {
    const resolved = resolve(T1, { defaults: { solarShare: 0.8 } });
    const total = resolved.solarRoofTWh + resolved.solarFieldTWh + resolved.windTWh;
    expect(total).toBeCloseTo(0.0018, 15);
    expect(resolved.windTWh).toBeCloseTo(0.0018 * 0.2, 15);
    expect(resolved.solarRoofTWh / (resolved.solarRoofTWh + resolved.solarFieldTWh)).toBeCloseTo(1 / 3, 12);
  });

  it('uses roof fraction 0.4 when the region has no solar', () => {
    const resolved = resolve(T2, { regions: { T2: { solarShare: 0.5 } } });
    expect(resolved.solarRoofTWh).toBeCloseTo(0.0012 * 0.5 * 0.4, 15);
    expect(resolved.solarFieldTWh).toBeCloseTo(0.0012 * 0.5 * 0.6, 15);
    expect(resolved.solarSmallRoofTWh).toBe(0.0005);
  });

  it('lets an explicit null cancel a solarShare from defaults', () => {
    const resolved = resolve(T1, { defaults: { solarShare: 1 }, regions: { T1: { solarShare: null } } });
    expect(resolved.windTWh).toBe(0.0006);
  });

  it('lets a scenario override grid capacities', () => {
    expect(resolve(T1, { regions: { T1: { gridOfftakeMW: 10 } } }).gridOfftakeMW).toBe(10);
  });
});
