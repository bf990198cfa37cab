import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { evaluateRows } from './evaluate.ts';
import { checkFiniteResults, firstNonFiniteOutput, nonFiniteValues } from './finite-results.ts';
import { OUTPUT_COUNT, OUTPUT_INDEX } from './outputs.ts';

const dataset = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const empty = { name: 'x', national: {}, defaults: {}, regions: {} };

describe('non-finite results', () => {
  it('names the first values, with region ids and typed-array positions', () => {
    const result = {
      regions: [
        { id: 'A', x: 1, y: Number.POSITIVE_INFINITY },
        { id: 'B', x: Number.NaN },
      ],
      national: { z: -Infinity },
      hourly: { netMW: new Float64Array([0, 1, Number.NaN]) },
    };
    expect(nonFiniteValues(result, 5)).toEqual([
      'regions.A.y = Infinity',
      'regions.B.x = NaN',
      'national.z = -Infinity',
      'hourly.netMW[2] = NaN',
    ]);
    expect(nonFiniteValues(result)).toHaveLength(3);
    expect(nonFiniteValues({ regions: [{ id: 'A', x: 0 }], flag: true })).toEqual([]);
  });

  it('throws one located ValidationError', () => {
    expect(() => checkFiniteResults({ a: Number.NaN })).toThrow(ValidationError);
    try {
      checkFiniteResults({ a: 1e308 * 10 }, 'scenario');
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        {
          where: 'scenario',
          message:
            'the results are not finite numbers (a = Infinity): some values of the scenario are too large or too small for the model',
        },
      ]);
    }
  });

  it('in output rows, ignores the NaN of outputs a row does not carry and finds any other', () => {
    const rows = evaluateRows(dataset, empty);
    // Route 35 is NaN on region rows, congestion hours NaN on the national row: both by design.
    expect(Number.isNaN(rows[OUTPUT_INDEX.route35Triggered])).toBe(true);
    expect(firstNonFiniteOutput(dataset, rows)).toBeUndefined();
    rows[2 * OUTPUT_COUNT + OUTPUT_INDEX.windTurbines] = Number.POSITIVE_INFINITY;
    expect(firstNonFiniteOutput(dataset, rows)).toBe('regions.T3.windTurbines = Infinity');
    rows[2 * OUTPUT_COUNT + OUTPUT_INDEX.windTurbines] = 1;
    rows[4 * OUTPUT_COUNT + OUTPUT_INDEX.targetGapTWh] = Number.NaN;
    expect(firstNonFiniteOutput(dataset, rows)).toBe('national.targetGapTWh = NaN');
  });

  it('in output rows, takes NaN in a nullable output for null but still finds Infinity there', () => {
    const rows = evaluateRows(dataset, empty);
    // The tiny dataset has no arable land: the land share is null (NaN) on every row.
    expect(Number.isNaN(rows[OUTPUT_INDEX.landClaimShareOfArable])).toBe(true);
    expect(firstNonFiniteOutput(dataset, rows)).toBeUndefined();
    rows[OUTPUT_COUNT + OUTPUT_INDEX.landClaimShareOfArable] = Number.POSITIVE_INFINITY;
    expect(firstNonFiniteOutput(dataset, rows)).toBe('regions.T2.landClaimShareOfArable = Infinity');
  });
});
