import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from './api.ts';
import type { NationalRows } from './sweep-table.ts';
import { isStressTest, stressTable, weatherYearAxis } from './weather-stress.ts';

const info: DatasetInfo = {
  id: 'nl-res30',
  name: 'NL',
  weatherYear: 2023,
  weatherYears: [1987, 1997, 2023],
  regions: 30,
  hours: 8760,
  default: true,
};

/** Three national rows as a stress-test sweep returns them (the reference year's axis value is null → NaN). */
function rows(): NationalRows {
  const columns: Record<string, Float64Array> = {
    'national.weatherYear': Float64Array.of(Number.NaN, 1987, 1997),
    resDeliveredTWh: Float64Array.of(55, 42.8, 44.7),
    peakOfftakeMW: Float64Array.of(18000, 19800, 19900),
    reinforceFeedinMW: Float64Array.of(8100, 8500, 8550),
    reinforceOfftakeMW: Float64Array.of(0, 8, 6),
    lvReinforceMW: Float64Array.of(900, 3190, 3270),
    lvOverloadedHomesShare: Float64Array.of(0.416, 0.45, 0.45),
    gridCapexEUR: Float64Array.of(6.8e9, 9.7e9, 9.7e9),
    lvCapexEUR: Float64Array.of(1.28e9, 3.83e9, 3.92e9),
    tariffEURPerConnection: Float64Array.of(29.5, 41.6, 42.1),
  };
  return { length: 3, names: Object.keys(columns), columns };
}

describe('weather-year stress test', () => {
  it('sweeps the reference (null) and every other year of the dataset', () => {
    expect(weatherYearAxis(info)).toEqual({ path: 'national.weatherYear', values: [null, 1987, 1997] });
    expect(isStressTest(['national.weatherYear'])).toBe(true);
    expect(isStressTest(['national.weatherYear', 'defaults.solarShare'])).toBe(false);
  });

  it('gives one row per year in display units', () => {
    const t = stressTable(rows(), info);
    expect(t.years.map((y) => y.year)).toEqual([null, 1987, 1997]);
    expect(t.years.map((y) => y.label)).toEqual(['2023 (referentie)', '1987', '1997']);
    expect(t.years[1].values.reinforceMW).toBe(8508);
    expect(t.years[1].values.gridCapexEUR).toBe(9700); // mln €
    expect(t.years[1].values.lvOverloadedHomesShare).toBeCloseTo(45, 12); // %
  });

  it('marks the year with the highest grid investment, on a tie the one that delivers less', () => {
    const t = stressTable(rows(), info);
    expect(t.worst).toBe(1);
    expect(t.worstPerMeasure.resDeliveredTWh).toBe(1);
    expect(t.worstPerMeasure.lvReinforceMW).toBe(2);
    expect(t.worstPerMeasure.peakOfftakeMW).toBe(2);
    // Without the tie the higher investment decides, whatever the TWh.
    const r = rows();
    r.columns.gridCapexEUR[2] = 9.8e9;
    expect(stressTable(r, info).worst).toBe(2);
  });
});
