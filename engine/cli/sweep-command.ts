import { basename, extname } from 'node:path';
import { loadDataset } from '../data/load-dataset.ts';
import { warningLines } from '../data/warnings.ts';
import { ValidationError } from '../errors.ts';
import { createSweepExecutor } from '../sweep/executor.ts';
import { parseSweep } from '../sweep/spec.ts';
import type { CliIo } from './io.ts';
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
  /** Redis URL of remote workers (or $SAMENHANG_REDIS_URL); absent: this machine's threads. */
  redis?: string;
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

const FORMATS = ['arrow', 'csv'] as const;

/**
 * The table format from --format and the extension of --out. An extension we cannot write (.parquet,
 * .json, …) or one that contradicts --format is an error: writing Arrow into `x.parquet` would only
 * fail later, in whatever reads the file.
 */
function outputFormat(out: string, formatOption: string | undefined): 'arrow' | 'csv' {
  const extension = extname(out).toLowerCase();
  const fromExtension = FORMATS.find((format) => extension === `.${format}`);
  if (extension !== '' && fromExtension === undefined) {
    throw new ValidationError([
      { where: '--out', message: `cannot write '${extension}' files; use a name ending in .arrow or .csv` },
    ]);
  }
  if (formatOption === undefined) return fromExtension ?? 'arrow';
  const format = FORMATS.find((name) => name === formatOption);
  if (format === undefined)
    throw new ValidationError([{ where: '--format', message: `must be 'arrow' or 'csv', got '${formatOption}'` }]);
  if (fromExtension !== undefined && fromExtension !== format) {
    throw new ValidationError([
      { where: '--format', message: `'${format}' does not match the extension of --out '${basename(out)}'` },
    ]);
  }
  return format;
}

/** `samenhang sweep`: validates, runs on worker threads, writes the table and prints a summary. */
export async function runSweepCommand(io: CliIo, options: SweepCommandOptions): Promise<void> {
  if (!options.out) throw new ValidationError([{ where: '--out', message: 'is required (the output file)' }]);
  const format = outputFormat(options.out, options.format);
  const workers = positiveInteger(options.workers, '--workers', true);
  const chunkSize = positiveInteger(options.chunk, '--chunk', false);
  const dataset = loadDataset(options.datasetDir);
  io.stderr(warningLines(dataset.warnings));
  const maxScenarios = positiveInteger(options.maxScenarios, '--max-scenarios', false);
  const plan = parseSweep(readJsonFile(options.sweepFile), dataset, { maxScenarios });
  // Only a valid plan reaches the queue: parseSweep above threw on anything wrong.
  const redisUrl = options.redis ?? process.env.SAMENHANG_REDIS_URL;
  const runner = await createSweepExecutor({
    workers,
    redisUrl,
    redisWhere: options.redis === undefined ? 'SAMENHANG_REDIS_URL' : '--redis',
  });
  const showProgress = io.stderrIsTTY;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // Ctrl-C cancels the sweep (exit 130, no output file) instead of killing the process mid-write.
  if (io.signal) io.signal.addEventListener('abort', onSignal, { once: true });
  else process.once('SIGINT', onSignal);
  if (io.signal?.aborted) abort.abort();
  try {
    const summary = await runner.run(dataset, plan, {
      outFile: options.out,
      format,
      chunkSize,
      signal: abort.signal,
      onProgress: showProgress ? (done, total) => io.stderr(progressBar(done, total)) : undefined,
    });
    if (showProgress) io.stderr('\n');
    io.stderr(
      `sweep done: ${summary.scenarios} scenarios, ${summary.rows} rows, ${summary.seconds.toFixed(2)} s, ` +
        `${summary.scenariosPerSecond.toFixed(0)} scenarios/s, ${summary.hourlyRuns} hourly runs, ${runner.describe()} → ${summary.outFile}\n`,
    );
  } finally {
    io.signal?.removeEventListener('abort', onSignal);
    process.off('SIGINT', onSignal);
    await runner.close();
  }
}
