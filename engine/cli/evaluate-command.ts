import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import type { EvaluationResult } from '../model/evaluate.ts';
import { evaluate } from '../model/evaluate.ts';
import { resolveNational } from '../scenario/resolve.ts';
import { parseScenario } from '../scenario/validate.ts';
import { formatSummary } from './format-summary.ts';
import { readJsonFile } from './read-json.ts';

/** Options of `samenhang evaluate`. */
export interface EvaluateOptions {
  scenarioFile: string;
  datasetDir?: string;
  json: boolean;
}

/** `samenhang evaluate`: prints MODEL.md §6 JSON or a readable summary; returns the text. */
export function runEvaluateCommand(options: EvaluateOptions): string {
  const dataset = loadDataset(options.datasetDir);
  const scenario = parseScenario(readJsonFile(options.scenarioFile), dataset);
  const result = evaluate(dataset, scenario);
  checkFinite(result);
  if (options.json) return `${JSON.stringify(result, null, 1)}\n`;
  return formatSummary(scenario.name, dataset.name, result, resolveNational(scenario).targetTWh);
}

/**
 * Finite inputs can still overflow (a `resScale` of 1e308 gives Infinity MW): such results would print
 * as null or NaN, so they are an input error naming the first outputs affected (as in the HTTP API).
 */
function checkFinite(result: EvaluationResult): void {
  const bad: string[] = [];
  for (const region of result.regions) {
    for (const [name, value] of Object.entries(region))
      if (typeof value === 'number' && !Number.isFinite(value)) bad.push(`regions.${region.id}.${name} = ${value}`);
  }
  for (const [name, value] of Object.entries(result.national))
    if (typeof value === 'number' && !Number.isFinite(value)) bad.push(`national.${name} = ${value}`);
  if (bad.length > 0) {
    throw new ValidationError([
      {
        where: '(scenario)',
        message: `the results are not finite numbers (${bad.slice(0, 3).join(', ')}): some values of the scenario are too large or too small for the model`,
      },
    ]);
  }
}
