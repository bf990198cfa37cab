import { describe, expect, it } from 'vitest';
import type { DatasetInfo, ScenarioJson } from './api.ts';
import {
  runYear,
  scenarioWeatherYear,
  sweepWeatherYearChoices,
  weatherYearLabel,
  weatherYearOptions,
  withWeatherYear,
} from './weather-year.ts';

const info: DatasetInfo = {
  id: 'nl-res30',
  name: 'NL',
  weatherYear: 2023,
  weatherYears: [1987, 1997, 2023],
  regions: 30,
  hours: 8760,
  default: true,
};
const scenario = (national: ScenarioJson['national']): ScenarioJson => ({
  name: 's',
  national,
  defaults: {},
  regions: {},
});

describe('weather year of a scenario', () => {
  it('offers the reference once (as null) and then the other years', () => {
    expect(weatherYearOptions(info)).toEqual([
      { value: null, label: '2023 (referentie)' },
      { value: 1987, label: '1987' },
      { value: 1997, label: '1997' },
    ]);
    // A dataset without a named reference year still offers the reference.
    expect(weatherYearOptions(undefined)).toEqual([{ value: null, label: 'referentie' }]);
  });

  it('offers a sweep axis the reference by its year, so the axis column is a year; unnamed it stays null', () => {
    expect(sweepWeatherYearChoices(info)).toEqual([
      { value: 2023, label: '2023 (referentie)' },
      { value: 1987, label: '1987' },
      { value: 1997, label: '1997' },
    ]);
    const unnamed = { ...info, weatherYear: null, weatherYears: [1987] };
    expect(sweepWeatherYearChoices(unnamed)).toEqual([
      { value: null, label: 'referentie' },
      { value: 1987, label: '1987' },
    ]);
  });

  it('reads the reference year given by number as the reference', () => {
    expect(scenarioWeatherYear(scenario({ weatherYear: 2023 }), info)).toBeNull();
    expect(scenarioWeatherYear(scenario({ weatherYear: 1987 }), info)).toBe(1987);
    expect(scenarioWeatherYear(scenario({}), info)).toBeNull();
    expect(weatherYearLabel(2023, info)).toBe('2023 (referentie)');
  });

  it('dates hourly charts in the year whose weather runs', () => {
    expect(runYear(scenario({ weatherYear: 1987 }), info)).toBe(1987);
    expect(runYear(scenario({ weatherYear: null }), info)).toBe(2023);
    expect(runYear(scenario({}), { ...info, weatherYear: null })).toBe(2023);
  });

  it('sets and removes the year without touching the scenario it came from', () => {
    const s = scenario({ evKWhPerYear: 3000 });
    const cold = withWeatherYear(s, 1987);
    expect(cold.national).toEqual({ evKWhPerYear: 3000, weatherYear: 1987 });
    expect(s.national).toEqual({ evKWhPerYear: 3000 });
    expect(withWeatherYear(cold, null).national).toEqual({ evKWhPerYear: 3000 });
  });
});
