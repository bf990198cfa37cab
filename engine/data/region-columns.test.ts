import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGIONAL_PARAMS_FROM_DATA } from '../scenario/parameters.ts';
import { parseDataset } from './parse-dataset.ts';
import {
  DERIVED_REGION_COLUMNS,
  REGION_COLUMN_NAMES,
  REGION_COLUMNS,
  REQUIRED_REGION_COLUMNS,
  regionFieldsOf,
} from './region-columns.ts';

const tinyDir = new URL('../testdata/tiny/dataset/', import.meta.url);
const regionsCsv = readFileSync(new URL('regions.csv', tinyDir), 'utf8');
const profilesCsv = readFileSync(new URL('profiles.csv', tinyDir), 'utf8');

describe('the regions.csv column list', () => {
  it('starts with the header of the v1 worked example, in its order', () => {
    const header = regionsCsv.split('\n')[0].trim().split(',');
    expect(REGION_COLUMN_NAMES.slice(0, header.length)).toEqual(header);
  });

  it('names each column once and gives each profile column a use', () => {
    expect(new Set(REGION_COLUMN_NAMES).size).toBe(REGION_COLUMN_NAMES.length);
    for (const c of REGION_COLUMNS) if (c.kind === 'profile') expect(c.profileKind).toBeDefined();
  });

  it('lists the three cells the MODEL.md §1.4 default rules fill in', () => {
    expect([...DERIVED_REGION_COLUMNS].sort()).toEqual(['connections', 'gridFeedinMW', 'gridOfftakeMW']);
  });

  it('makes the two MODEL.md §1.1 optional v1 columns 0 when absent, and the v2 columns null', () => {
    const optional = REGION_COLUMNS.filter((c) => !REQUIRED_REGION_COLUMNS.includes(c.name));
    const v1 = optional.filter((c) => c.whenAbsent === 0).map((c) => c.name);
    expect(v1).toEqual(['solarSmallRoofTWh', 'existingSolarRoofTWh']);
    for (const c of optional) if (c.whenAbsent === undefined) expect(c.empty).toBe('null');
  });

  it('gives a loaded region exactly one field per column besides the derived flags', () => {
    const dataset = parseDataset({ name: 'tiny', regionsCsv, profilesCsv });
    const region = dataset.regions[0];
    expect(Object.keys(region).sort()).toEqual([...REGION_COLUMN_NAMES, 'derived'].sort());
    expect(Object.keys(regionFieldsOf(region))).toEqual(REGION_COLUMN_NAMES);
  });

  it('an optional column that is absent reads as 0', () => {
    const lines = regionsCsv.trim().split('\n');
    const header = lines[0].split(',');
    const drop = header.indexOf('solarSmallRoofTWh');
    const without = lines.map((line) => parseCsvLineDropping(line, drop)).join('\n');
    const dataset = parseDataset({ name: 'tiny', regionsCsv: without, profilesCsv });
    for (const region of dataset.regions) expect(region.solarSmallRoofTWh).toBe(0);
  });
});

describe('regional parameters taken from region data', () => {
  it('are the MODEL.md §1.3 "[region data]" parameters', () => {
    expect([...REGIONAL_PARAMS_FROM_DATA].sort()).toEqual(
      [
        'gridFeedinMW',
        'gridOfftakeMW',
        'solarFieldTWh',
        'solarRoofTWh',
        'solarSmallRoofTWh',
        'windTWh',
        'lvCapacityKWPerHome', // v2: region data or the LV layer's default rule
      ].sort(),
    );
  });
});

/** Drops cell `index` of a CSV line whose quoted cells (the name) hold no line breaks. */
function parseCsvLineDropping(line: string, index: number): string {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  cells.splice(index, 1);
  return cells.join(',');
}
