import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { kernelInputFor, resolveScenario } from '../model/evaluate.ts';
import { isHourlyNationalParam, isHourlyRegionalParam } from './hourly-params.ts';
import {
  NATIONAL_BOUNDS,
  NATIONAL_DEFAULTS,
  NATIONAL_PARAM_NAMES,
  REGIONAL_BOUNDS,
  REGIONAL_PARAM_NAMES,
  type Bound,
} from './parameters.ts';
import { parseScenario } from './validate.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));

/**
 * Every lever on, so that each kernel input is in play (storage, EVs, heat pumps, clipping); the
 * hybrid heat pump is large enough not to cap every hour of the 24-hour dataset.
 */
const BASE = {
  national: { hybridThermalKW: 1000 },
  defaults: {
    storageMW: 5,
    storageMWh: 20,
    fieldSolarClip: 0.8,
    shareAllElectric: 0.2,
    shareHybrid: 0.3,
    evCount: 2000,
    evSmartShare: 0.5,
    industryAddMW: 3,
    solarSmallRoofTWh: 0.0002,
  },
};

/** A different valid value; COP limits and the hybrid size move to where they bind. */
function changed(name: string, value: number, bound: Bound): number {
  const special: Record<string, number> = { copMin: 3.5, copMax: 2, hybridThermalKW: 0.5, heatBaseTempC: 25 };
  if (name in special) return special[name];
  if (bound === 'share' || bound === 'openShare' || bound === 'spareShare')
    return value < 0.5 ? value + 0.3 : value - 0.3;
  return value * 1.5 + 1;
}

function kernelInputs(scenario: unknown) {
  const run = resolveScenario(dataset, parseScenario(scenario, dataset));
  return run.regions.map((_, r) => kernelInputFor(run, r));
}

describe('HOURLY_PARAMS: what the kernel reads', () => {
  const base = kernelInputs(BASE);

  it('a national parameter changes the kernel inputs exactly when it is listed as hourly', () => {
    const wrong = NATIONAL_PARAM_NAMES.filter((name) => {
      const current = name === 'hybridThermalKW' ? BASE.national.hybridThermalKW : NATIONAL_DEFAULTS[name];
      const value = changed(name, current, NATIONAL_BOUNDS[name] ?? 'nonNegative');
      const inputs = kernelInputs({ ...BASE, national: { ...BASE.national, [name]: value } });
      return isDeepStrictEqual(inputs, base) === isHourlyNationalParam(name);
    });
    expect(wrong).toEqual([]);
  });

  it('a regional parameter changes the kernel inputs exactly when it (or what it re-splits) is listed', () => {
    const resolvedBase = resolveScenario(dataset, parseScenario(BASE, dataset)).regions[0].resolved;
    const wrong = REGIONAL_PARAM_NAMES.filter((name) => {
      const current =
        name in resolvedBase ? (resolvedBase[name as keyof typeof resolvedBase] ?? 0) : name === 'resScale' ? 1 : 0;
      const value = changed(name, current, REGIONAL_BOUNDS[name]);
      const inputs = kernelInputs({ ...BASE, defaults: { ...BASE.defaults, [name]: value } });
      return isDeepStrictEqual(inputs, base) === isHourlyRegionalParam(name);
    });
    expect(wrong).toEqual([]);
  });

  it('heat-network and insulation-only shares are finance-only; RES mix and scale are physical', () => {
    expect(isHourlyRegionalParam('shareHeatNet')).toBe(false);
    expect(isHourlyRegionalParam('shareInsulationOnly')).toBe(false);
    expect(isHourlyRegionalParam('solarShare')).toBe(true);
    expect(isHourlyRegionalParam('resScale')).toBe(true);
    expect(isHourlyNationalParam('waccGrid')).toBe(false);
    expect(isHourlyNationalParam('copA')).toBe(true);
  });
});
