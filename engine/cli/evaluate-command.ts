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
  json: boolean;
  /** Where dataset warnings go (stderr). */
  warn?: (text: string) => void;
}

/** `samenhang evaluate`: prints MODEL.md §6 JSON or a readable summary; returns the text. */
export function runEvaluateCommand(options: EvaluateOptions): string {
  const dataset = loadDataset(options.datasetDir);
  options.warn?.(warningLines(dataset.warnings));
  const scenario = parseScenario(readJsonFile(options.scenarioFile), dataset);
  const result = evaluate(dataset, scenario);
  checkFiniteResults(result);
  if (options.json) return `${JSON.stringify(result, null, 1)}\n`;
  return formatSummary(scenario.name, dataset.name, result, resolveNational(scenario));
}
