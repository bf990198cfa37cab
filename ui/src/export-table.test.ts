import { describe, expect, it } from 'vitest';
import { REGION_OUTPUT_NAMES } from '../../engine/model/outputs.ts';
import type { EvaluateResponse, HourlySeries } from './api.ts';
import { hourStamp, hourlyTable, regionalResultsTable } from './export-table.ts';

/** An evaluation whose every output is 1, with a few outputs set to values worked out by hand below. */
function response(): EvaluateResponse {
  const ones = Object.fromEntries(REGION_OUTPUT_NAMES.map((n) => [n, 1]));
  return {
    regions: [
      { ...ones, id: 'ES01', gridCapexEUR: 5.6e9, lvOverloadedHomesShare: 0.123456, landClaimShareOfArable: null },
      { ...ones, id: 'ES02', gridCapexEUR: 1234567.89, peakFeedinMW: 812.34567 },
    ],
    national: { ...ones, gridCapexEUR: 5601234567.89, route35Triggered: false, targetGapTWh: 0 },
  } as unknown as EvaluateResponse;
}

describe('regionalResultsTable', () => {
  const t = regionalResultsTable(response(), (id) => (id === 'ES01' ? 'Groningen' : 'Fryslân'));
  const col = (head: string) => t.headers.indexOf(head);

  it('heads columns with the Dutch label and display unit, one column per regional output', () => {
    expect(t.headers.slice(0, 2)).toEqual(['RES-code', 'RES-regio']);
    expect(t.headers).toContain('Netinvestering (mln €)');
    expect(t.headers).toHaveLength(2 + REGION_OUTPUT_NAMES.length);
    expect(t.headers.join(' ')).not.toMatch(/gridCapexEUR|EUR\b|Share/);
  });

  it('writes values in display units with three decimals more than the screen', () => {
    expect(t.rows[0].slice(0, 2)).toEqual(['ES01', 'Groningen']);
    expect(t.rows[0][col('Netinvestering (mln €)')]).toBe(5600);
    expect(t.rows[1][col('Netinvestering (mln €)')]).toBe(1.235);
    expect(t.rows[1][col('Piek netto teruglevering (MW)')]).toBe(812.346);
    expect(t.rows[0][col('Woningen op overbelaste straten (% woningen)')]).toBe(12.3456);
  });

  it('leaves null outputs empty and ends with a national row, empty for region-only outputs', () => {
    expect(t.rows[0][t.headers.findIndex((h) => h.startsWith('Ruimtedruk'))]).toBeNull();
    const nl = t.rows[2];
    expect(nl.slice(0, 2)).toEqual(['NL', 'Nederland']);
    expect(nl[col('Netinvestering (mln €)')]).toBe(5601.235);
    expect(nl[col('Congestie-uren teruglevering (uur/jaar)')]).toBeNull();
  });
});

describe('hourlyTable', () => {
  it('stamps hours in the weather year, leap days included', () => {
    expect(hourStamp(0, 2023)).toBe('2023-01-01 00:00');
    expect(hourStamp(8759, 2023)).toBe('2023-12-31 23:00');
    expect(hourStamp(59 * 24, 2024)).toBe('2024-02-29 00:00');
  });

  it('has one row per hour with the series and the constant capacities', () => {
    const s = {
      region: 'ES01',
      from: 24,
      to: 26,
      feedinLimitMW: 500,
      offtakeLimitMW: 400.12345,
      lvCapacityKWPerHome: 1.5,
      genMW: [10.00049, 20],
      loadMW: [5, 6],
      netMW: [5.00049, 14],
      netAfterStorageMW: [4, 13],
      socMWh: [0, 1],
      lvTransitionKWPerHome: [1.23456, 0.5],
    } as HourlySeries;
    const t = hourlyTable(s, 2023);
    expect(t.headers[0]).toBe('Uur');
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]).toEqual([24, '2023-01-02 00:00', 10, 5, 5, 4, 0, 1.2346, 500, 400.123]);
    expect(t.rows[1][1]).toBe('2023-01-02 01:00');
  });
});
