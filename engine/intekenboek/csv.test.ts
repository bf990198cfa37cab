import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { COMMITMENT_CSV_COLUMNS, type CommitmentRow, commitmentsToCsv, parseCommitmentCsv } from './csv.ts';
import { threeRegionDataset } from '../testing/three-region-dataset.ts';

const dataset = threeRegionDataset();
const HEADER = 'actor,actorKind,region,kind,solarRoofTWh,windTWh,feedinMW,year,status,source';

function issuesOf(text: string): string[] {
  try {
    parseCommitmentCsv(text, dataset);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('parseCommitmentCsv', () => {
  it('reads rows with only some columns; an empty region is national', () => {
    const rows = parseCommitmentCsv(
      `${HEADER}\nRES Alfa,res-regio,A,res,1.5,2,,2030,vastgesteld,https://example.org/besluit\nRijk,rijk,,res,,10,,2030,bod,\n`,
      dataset,
    );
    expect(rows).toEqual([
      {
        line: 2,
        commitment: {
          actor: 'RES Alfa',
          actorKind: 'res-regio',
          region: 'A',
          kind: 'res',
          quantities: { solarRoofTWh: 1.5, windTWh: 2 },
          year: 2030,
          status: 'vastgesteld',
          source: 'https://example.org/besluit',
          note: '',
          author: '',
        },
      },
      expect.objectContaining({
        line: 3,
        commitment: expect.objectContaining({ region: null, quantities: { windTWh: 10 } }),
      }),
    ]);
  });

  it('names every bad row by line and column, and returns nothing', () => {
    const text = [
      HEADER,
      'ok,res-regio,A,res,1,,,2030,vastgesteld,',
      'bad number,res-regio,A,res,"3,45",,,2030,vastgesteld,',
      'negative,res-regio,B,res,,-2,,2030,vastgesteld,',
      'unknown region,res-regio,Z,res,1,,,2030,vastgesteld,',
      'no quantities,res-regio,A,res,,,,2030,vastgesteld,',
      'wrong kind quantity,netbeheerder,A,res,1,,5,2030,vastgesteld,',
      'bad status,res-regio,A,res,1,,,1999,beloofd,',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      "line 3, column E (solarRoofTWh): '3,45' is not a number (use a decimal point: 3.45)",
      'line 4, column F (windTWh): must not be negative, got -2',
      "line 5, column C (region): unknown region id 'Z' (the dataset has A, B, C; null for national)",
      "line 6, quantity columns: kind 'res' needs at least one of solarRoofTWh, solarFieldTWh, windTWh",
      "line 7, column G (feedinMW): not a quantity of kind 'res' (it has solarRoofTWh, solarFieldTWh, windTWh)",
      'line 8, column H (year): must be 2000 or later',
      'line 8, column I (status): must be one of bod, vastgesteld, vergund, gerealiseerd, ingetrokken',
    ]);
  });

  it('checks the header: unknown, doubled and missing columns', () => {
    expect(issuesOf('actor,actorKind,kind,year,status,colour,year\n')).toEqual([
      'line 1, column F (colour): unknown column',
      'line 1, column G (year): column appears twice',
      "line 1: column 'region' is missing",
    ]);
  });

  it('reports rows of the wrong width, CSV syntax errors and an empty file', () => {
    expect(issuesOf(`${HEADER}\na,b\n`)).toEqual(['line 2: has 2 cells, the header has 10']);
    expect(issuesOf(`${HEADER}\n"open,res-regio\n`)).toEqual(['line 2, column 1: quoted cell is not closed']);
    expect(issuesOf(`${HEADER}\n`)).toEqual(['line 1: the file has no rows']);
  });

  it('round-trips an export: ids are kept, version and updatedAt are ignored, formula guards undone', () => {
    const rows: CommitmentRow[] = [
      {
        id: 'c1',
        version: 3,
        updatedAt: '2026-01-01T00:00:00.000Z',
        actor: 'Netbeheerder, "Noord"',
        actorKind: 'netbeheerder',
        region: 'B',
        kind: 'net',
        quantities: { feedinMW: 150, offtakeMW: 0 },
        year: 2028,
        status: 'vergund',
        source: '=HYPERLINK("x")',
        note: 'regel 1\nregel 2',
        author: 'Ann',
      },
      {
        id: 'c2',
        version: 1,
        updatedAt: '2026-01-02T00:00:00.000Z',
        actor: 'Rijk',
        actorKind: 'rijk',
        region: null,
        kind: 'financiering',
        quantities: { eur: 2.5e9, purpose: 'netverzwaring' },
        year: 2030,
        status: 'bod',
        source: '',
        note: '',
        author: '',
      },
    ];
    const csv = commitmentsToCsv(rows);
    expect(csv.split('\r\n')[0]).toBe(COMMITMENT_CSV_COLUMNS.join(','));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const back = parseCommitmentCsv(csv, dataset);
    expect(back.map((row) => row.id)).toEqual(['c1', 'c2']);
    expect(back.map((row) => row.commitment)).toEqual(
      rows.map(({ id, version, updatedAt, ...commitment }) => commitment),
    );
  });
});
