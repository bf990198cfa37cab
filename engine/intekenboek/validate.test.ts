import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { threeRegionDataset } from '../testing/three-region-dataset.ts';
import { parseCommitment } from './validate.ts';

const dataset = threeRegionDataset();
const valid = {
  actor: 'RES-regio Alfa',
  actorKind: 'res-regio',
  region: 'A',
  kind: 'res',
  quantities: { windTWh: 2.5 },
  year: 2030,
  status: 'vastgesteld',
};

function issuesOf(input: unknown): string[] {
  try {
    parseCommitment(input, dataset);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('parseCommitment', () => {
  it('accepts a valid commitment and fills in empty source, note and author', () => {
    expect(parseCommitment(valid, dataset)).toEqual({ ...valid, source: '', note: '', author: '' });
  });

  it('accepts a national commitment (region null) and each kind with its quantities', () => {
    expect(issuesOf({ ...valid, region: null })).toEqual([]);
    expect(issuesOf({ ...valid, kind: 'net', actorKind: 'netbeheerder', quantities: { feedinMW: 100 } })).toEqual([]);
    expect(issuesOf({ ...valid, kind: 'warmte', quantities: { homesHybrid: 500, homesHeatNet: 0 } })).toEqual([]);
    expect(issuesOf({ ...valid, kind: 'financiering', quantities: { eur: 1e6, purpose: 'netverzwaring' } })).toEqual(
      [],
    );
  });

  const cases: Array<[string, unknown, string[]]> = [
    ['an unknown key', { ...valid, owner: 'x' }, ['owner: unknown key']],
    [
      'an unknown quantity key',
      { ...valid, quantities: { windTWh: 1, solarTWh: 1 } },
      ['quantities.solarTWh: unknown key'],
    ],
    [
      'an unknown region',
      { ...valid, region: 'Z9' },
      ["region: unknown region id 'Z9' (the dataset has A, B, C; null for national)"],
    ],
    [
      'a negative quantity',
      { ...valid, quantities: { windTWh: -1 } },
      ['quantities.windTWh: must not be negative, got -1'],
    ],
    [
      'a non-finite quantity',
      { ...valid, quantities: { windTWh: Number.POSITIVE_INFINITY } },
      ['quantities.windTWh: must be a finite number'],
    ],
    ['NaN', { ...valid, quantities: { windTWh: Number.NaN } }, ['quantities.windTWh: must be a finite number']],
    ['a string quantity', { ...valid, quantities: { windTWh: '2' } }, ['quantities.windTWh: must be a finite number']],
    [
      'a kind without its quantities',
      { ...valid, quantities: {} },
      ["quantities: kind 'res' needs at least one of solarRoofTWh, solarFieldTWh, windTWh"],
    ],
    [
      'a quantity of another kind',
      { ...valid, quantities: { feedinMW: 10 } },
      [
        "quantities.feedinMW: not a quantity of kind 'res' (it has solarRoofTWh, solarFieldTWh, windTWh)",
        "quantities: kind 'res' needs at least one of solarRoofTWh, solarFieldTWh, windTWh",
      ],
    ],
    [
      'fractional homes',
      { ...valid, kind: 'warmte', quantities: { homesHybrid: 1.5 } },
      ['quantities.homesHybrid: must be a whole number of homes'],
    ],
    [
      'financiering without a purpose',
      { ...valid, kind: 'financiering', quantities: { eur: 5 } },
      ["quantities.purpose: kind 'financiering' needs a purpose"],
    ],
    [
      'a bad status',
      { ...valid, status: 'beloofd' },
      ['status: must be one of bod, vastgesteld, vergund, gerealiseerd, ingetrokken'],
    ],
    ['a bad kind', { ...valid, kind: 'zon' }, ['kind: must be one of res, net, warmte, financiering']],
    [
      'a bad actor kind',
      { ...valid, actorKind: 'bedrijf' },
      ['actorKind: must be one of res-regio, provincie, gemeente, waterschap, netbeheerder, rijk'],
    ],
    ['a fractional year', { ...valid, year: 2030.5 }, ['year: must be a whole year']],
    ['a year too early', { ...valid, year: 1990 }, ['year: must be 2000 or later']],
    ['a year as text', { ...valid, year: '2030' }, ['year: must be a year such as 2030']],
    ['an empty actor', { ...valid, actor: '  ' }, ['actor: must not be empty']],
    ['a missing region', { ...valid, region: undefined }, ['region: must be a region id or null (national)']],
  ];
  it.each(cases)('rejects %s, naming the field', (_label, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('reports every problem at once, schema issues and the unknown region together', () => {
    expect(issuesOf({ ...valid, region: 'Q', status: 'x', year: 1 })).toHaveLength(3);
  });

  it('names the whole input when it is not an object', () => {
    expect(issuesOf([1])).toEqual([': must be an object']);
  });
});

describe('parseCommitment bounds', () => {
  it('rejects quantities beyond any real figure, so sums and scenarios stay finite', () => {
    expect(() =>
      parseCommitment(
        {
          actor: 'x',
          actorKind: 'rijk',
          region: null,
          kind: 'res',
          quantities: { windTWh: 1e300 },
          year: 2030,
          status: 'bod',
        },
        dataset,
      ),
    ).toThrow('quantities.windTWh: must be at most 1000, got 1e+300');
  });
});
