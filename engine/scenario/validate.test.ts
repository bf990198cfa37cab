import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { CROSS_CHECKED_PARAMS, parseScenario } from './validate.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));

function issuesOf(input: unknown): string[] {
  try {
    parseScenario(input, dataset);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('parseScenario', () => {
  it('accepts an empty scenario and fills in empty layers', () => {
    expect(parseScenario({}, dataset)).toEqual({ name: 'scenario', national: {}, defaults: {}, regions: {} });
  });

  it('accepts null for solarShare only', () => {
    expect(issuesOf({ defaults: { solarShare: 0.5 }, regions: { T1: { solarShare: null } } })).toEqual([]);
  });

  it('accepts strategy shares summing to 1 + 5e-10', () => {
    expect(issuesOf({ defaults: { shareHybrid: 0.5, shareAllElectric: 0.5 + 5e-10 } })).toEqual([]);
  });

  const cases: Array<[string, unknown, string]> = [
    ['an unknown top-level key', { name: 'x', levers: {} }, 'levers: unknown key'],
    ['an unknown national key', { national: { copC: 1 } }, 'national.copC: unknown key'],
    ['an unknown regional key', { regions: { T1: { solarTWh: 1 } } }, 'regions.T1.solarTWh: unknown key'],
    ['an unknown region id', { regions: { T9: {} } }, 'regions.T9: unknown region id'],
    [
      'null for another parameter',
      { defaults: { storageMW: null } },
      'defaults.storageMW: must be a number (null is allowed only for solarShare and weatherYear)',
    ],
    ['a string number', { national: { waccGrid: '0.03' } }, 'national.waccGrid: must be a finite number'],
    ['a non-object layer', { defaults: [] }, 'defaults: must be an object'],
    ['a negative TWh', { regions: { T1: { windTWh: -1 } } }, 'regions.T1.windTWh: must not be negative, got -1'],
    ['a negative MW', { defaults: { storageMW: -5 } }, 'defaults.storageMW: must not be negative'],
    ['a negative MWh', { defaults: { storageMWh: -5 } }, 'defaults.storageMWh: must not be negative'],
    ['a negative count', { regions: { T2: { evCount: -1 } } }, 'regions.T2.evCount: must not be negative'],
    ['a negative cost', { national: { costFeedinEURPerMW: -1 } }, 'national.costFeedinEURPerMW: must not be negative'],
    ['a negative resScale', { defaults: { resScale: -0.5 } }, 'defaults.resScale: must not be negative'],
    ['fieldSolarClip 0', { defaults: { fieldSolarClip: 0 } }, 'defaults.fieldSolarClip: must lie in (0, 1]'],
    ['fieldSolarClip above 1', { defaults: { fieldSolarClip: 1.2 } }, 'defaults.fieldSolarClip: must lie in (0, 1]'],
    ['a share above 1', { defaults: { shareHybrid: 1.5 } }, 'defaults.shareHybrid: must lie in [0, 1]'],
    ['a negative share', { regions: { T3: { evSmartShare: -0.1 } } }, 'regions.T3.evSmartShare: must lie in [0, 1]'],
    ['solarShare above 1', { defaults: { solarShare: 2 } }, 'defaults.solarShare: must lie in [0, 1]'],
    [
      'shares above 1 in defaults',
      { defaults: { shareHybrid: 0.6, shareHeatNet: 0.5 } },
      'defaults: heat strategy shares sum to 1.1',
    ],
    [
      'shares above 1 in a region',
      { defaults: { shareHybrid: 0.6 }, regions: { T4: { shareAllElectric: 0.5 } } },
      'regions.T4: heat strategy shares sum to 1.1',
    ],
    ['storageRoundTrip 0', { national: { storageRoundTrip: 0 } }, 'national.storageRoundTrip: must lie in (0, 1]'],
    [
      'storageRoundTrip above 1',
      { national: { storageRoundTrip: 1.1 } },
      'national.storageRoundTrip: must lie in (0, 1]',
    ],
    [
      'copMin above copMax',
      { national: { copMin: 4, copMax: 3 } },
      'national.copMin: copMin (4) is greater than copMax (3)',
    ],
    [
      'copMin above the default copMax',
      { national: { copMin: 6 } },
      'national.copMin: copMin (6) is greater than copMax (5)',
    ],
    ['a zero lifetime', { national: { gridLifeYears: 0 } }, 'national.gridLifeYears: must be greater than 0'],
    ['a name that is not a string', { name: 3 }, 'name: must be a string'],
  ];
  for (const [label, input, expected] of cases) {
    it(`rejects ${label}`, () => {
      expect(issuesOf(input).join('\n')).toContain(expected);
    });
  }

  it('reports every problem at once', () => {
    const issues = issuesOf({
      national: { foo: 1 },
      defaults: { storageMW: -1 },
      regions: { T9: {}, T1: { windTWh: null } },
    });
    expect(issues).toHaveLength(4);
  });

  it('rejects input that is not an object', () => {
    expect(issuesOf([1, 2]).length).toBeGreaterThan(0);
    expect(issuesOf(null).length).toBeGreaterThan(0);
  });
});

describe('parseScenario: v2 parameters (MODEL.md §1.6)', () => {
  const v2 = loadDataset(join(import.meta.dirname, '../testdata/tiny-v2/dataset'));
  const v2Issues = (input: unknown) => {
    try {
      parseScenario(input, v2);
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
      throw error;
    }
    return [];
  };

  it('accepts null, the reference year and the further years as weatherYear (1987.0 is 1987)', () => {
    for (const weatherYear of [null, 2030, 2031, 2031.0]) expect(v2Issues({ national: { weatherYear } })).toEqual([]);
  });

  it('names the years the dataset has for an unknown weather year', () => {
    expect(v2Issues({ national: { weatherYear: 1987 } })).toEqual([
      'national.weatherYear: the dataset has no weather year 1987 (it has 2030, 2031, or null for the reference profiles)',
    ]);
    expect(issuesOf({ national: { weatherYear: 2023 } })).toEqual([
      'national.weatherYear: the dataset has no weather year 2023 (it has only its reference profiles: use null)',
    ]);
    expect(v2Issues({ national: { weatherYear: 2030.5 } })).toEqual([
      'national.weatherYear: must be a whole year or null, got 2030.5',
    ]);
  });

  it('checks the LV parameters', () => {
    expect(
      v2Issues({
        national: { lvSpareShare: 1, lvHomesPerGroup: 0, lvZ: -1, lvSigmaEvKW: -0.5, costLvEURPerMW: -1 },
        defaults: { wijkClustering: 1.2, lvCapacityKWPerHome: -2 },
      }),
    ).toEqual([
      'national.lvHomesPerGroup: must be greater than 0, got 0',
      'national.lvZ: must not be negative, got -1',
      'national.lvSigmaEvKW: must not be negative, got -0.5',
      'national.lvSpareShare: must lie in [0, 1), got 1',
      'national.costLvEURPerMW: must not be negative, got -1',
      'defaults.wijkClustering: must lie in [0, 1], got 1.2',
      'defaults.lvCapacityKWPerHome: must not be negative, got -2',
    ]);
    expect(
      v2Issues({ national: { lvSpareShare: 0 }, defaults: { wijkClustering: 0, lvCapacityKWPerHome: 0 } }),
    ).toEqual([]);
  });
});

describe('CROSS_CHECKED_PARAMS', () => {
  it('holds what the dataset checks read, and the parameters that feed production (resScale, solarShare)', () => {
    expect([...CROSS_CHECKED_PARAMS].sort()).toEqual(
      [
        'copMax',
        'copMin',
        'resScale',
        'shareAllElectric',
        'shareHeatNet',
        'shareHybrid',
        'shareInsulationOnly',
        'solarFieldTWh',
        'solarRoofTWh',
        'solarShare',
        'solarSmallRoofTWh',
        'windTWh',
      ].sort(),
    );
  });
});
