/**
 * The weather year of a scenario (`national.weatherYear`, docs/model.md §10) as the UI shows it:
 * null is the dataset's reference profiles, any other value one of its `profiles-<YYYY>.csv`.
 * Choosing the reference year by number runs the same profiles as null, so the UI offers it once.
 */
import type { DatasetInfo, ScenarioJson } from './api.ts';

/** One entry of the Weerjaar choice: the scenario value and its Dutch label. */
export interface WeatherYearOption {
  value: number | null;
  label: string;
}

/** The scenario's weather year; the reference year by number counts as the reference (null). */
export function scenarioWeatherYear(s: ScenarioJson, info: DatasetInfo | undefined): number | null {
  const y = s.national.weatherYear ?? null;
  return y !== null && info && y === info.weatherYear ? null : y;
}

/** The calendar year whose weather a run uses (for dates on hourly charts); 2023 when unnamed. */
export function runYear(s: ScenarioJson, info: DatasetInfo | undefined): number {
  return scenarioWeatherYear(s, info) ?? info?.weatherYear ?? 2023;
}

/** Dutch label of a weather-year value: "2023 (referentie)" for null, else the year. */
export function weatherYearLabel(value: number | null, info: DatasetInfo | undefined): string {
  if (value !== null && value !== info?.weatherYear) return String(value);
  return info?.weatherYear ? `${info.weatherYear} (referentie)` : 'referentie';
}

/** The choices of a dataset: the reference first, then the other years ascending. */
export function weatherYearOptions(info: DatasetInfo | undefined): WeatherYearOption[] {
  const others = (info?.weatherYears ?? []).filter((y) => y !== info?.weatherYear);
  return [
    { value: null, label: weatherYearLabel(null, info) },
    ...others.map((y) => ({ value: y, label: weatherYearLabel(y, info) })),
  ];
}

/**
 * The years a sweep axis over the weather year offers: the options, with the reference as its
 * calendar year when the dataset names it, so that the axis column is a year to sort, plot and
 * compare (the same profiles as null; an unnamed reference stays null).
 */
export function sweepWeatherYearChoices(info: DatasetInfo | undefined): WeatherYearOption[] {
  return weatherYearOptions(info).map((o) => ({ value: o.value ?? info?.weatherYear ?? null, label: o.label }));
}

/** The scenario with its weather year set (null removes it: the reference profiles). */
export function withWeatherYear(s: ScenarioJson, year: number | null): ScenarioJson {
  const national = { ...s.national };
  if (year === null) delete national.weatherYear;
  else national.weatherYear = year;
  return { ...s, national };
}
