import { loadDataset } from '../data/load-dataset.ts';
import { warningLines } from '../data/warnings.ts';
import { evaluate } from '../model/evaluate.ts';
import { checkFiniteResults } from '../model/finite-results.ts';
import { resolveNational } from '../scenario/resolve.ts';
import { parseScenario } from '../scenario/validate.ts';
import { formatSummary } from './format-summary.ts';
import { readJsonFile } from './read-json.ts';

/** Options of `samenhang evaluate`. */
export interface EvaluateOptions {
  scenarioFile: string;
  datasetDir?: string;
  /** `--weather-year`: replaces national.weatherYear of the scenario (null: the reference profiles). */
  weatherYear?: number | null;
  json: boolean;
  /** Where dataset warnings go (stderr). */
  warn?: (text: string) => void;
}

/** The scenario JSON with national.weatherYear set (other shapes are left for validation to report). */
function withWeatherYear(input: unknown, weatherYear: number | null | undefined): unknown {
  if (weatherYear === undefined || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const national = (input as { national?: unknown }).national ?? {};
  if (typeof national !== 'object' || national === null || Array.isArray(national)) return input;
  return { ...input, national: { ...national, weatherYear } };
}

/** `samenhang evaluate`: prints the result as JSON (docs/model.md) or a readable Dutch summary; returns the text. */
export function runEvaluateCommand(options: EvaluateOptions): string {
  const dataset = loadDataset(options.datasetDir);
  options.warn?.(warningLines(dataset.warnings));
  const scenario = parseScenario(withWeatherYear(readJsonFile(options.scenarioFile), options.weatherYear), dataset);
  const result = evaluate(dataset, scenario);
  checkFiniteResults(result);
  if (options.json) return `${JSON.stringify(result, null, 1)}\n`;
  const national = resolveNational(scenario);
  const weatherYear = national.weatherYear ?? dataset.referenceYear;
  const datasetLabel = weatherYear === null ? dataset.name : `${dataset.name}, weerjaar ${weatherYear}`;
  return formatSummary(scenario.name, datasetLabel, result, national);
}
