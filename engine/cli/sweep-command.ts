import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { SweepRunner } from '../sweep/runner.ts';
import { parseSweep } from '../sweep/spec.ts';
import { readJsonFile } from './read-json.ts';

/** Raw options of `samenhang sweep` as given on the command line. */
export interface SweepCommandOptions {
  sweepFile: string;
  datasetDir?: string;
  workers?: string;
  chunk?: string;
  out?: string;
  format?: string;
  maxScenarios?: string;
}

function positiveInteger(text: string | undefined, flag: string, allowZero: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new ValidationError([
      { where: flag, message: `must be a whole number ${allowZero ? '≥ 0' : '≥ 1'}, got '${text}'` },
    ]);
  }
  return value;
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} scenarios`;
}

/** `samenhang sweep`: validates, runs on worker threads, writes the table and prints a summary. */
export async function runSweepCommand(options: SweepCommandOptions): Promise<void> {
  if (!options.out) throw new ValidationError([{ where: '--out', message: 'is required (the output file)' }]);
  const format = options.format ?? (options.out.endsWith('.csv') ? 'csv' : 'arrow');
  if (format !== 'arrow' && format !== 'csv')
    throw new ValidationError([{ where: '--format', message: `must be 'arrow' or 'csv', got '${format}'` }]);
  const workers = positiveInteger(options.workers, '--workers', true);
  const chunkSize = positiveInteger(options.chunk, '--chunk', false);
  const dataset = loadDataset(options.datasetDir);
  const maxScenarios = positiveInteger(options.maxScenarios, '--max-scenarios', false);
  const plan = parseSweep(readJsonFile(options.sweepFile), dataset, { maxScenarios });
  const runner = new SweepRunner({ workers });
  const showProgress = process.stderr.isTTY === true;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const summary = await runner.run(dataset, plan, {
      outFile: options.out,
      format,
      chunkSize,
      signal: abort.signal,
      onProgress: showProgress ? (done, total) => process.stderr.write(progressBar(done, total)) : undefined,
    });
    if (showProgress) process.stderr.write('\n');
    process.stderr.write(
      `sweep done: ${summary.scenarios} scenarios, ${summary.rows} rows, ${summary.seconds.toFixed(2)} s, ` +
        `${summary.scenariosPerSecond.toFixed(0)} scenarios/s, ${summary.hourlyRuns} hourly runs, ${runner.threads} worker(s) → ${summary.outFile}\n`,
    );
  } finally {
    process.off('SIGINT', onSignal);
    await runner.close();
  }
}
