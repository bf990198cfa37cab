import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatIssue, ValidationError } from '../errors.ts';
import { type CliIo, processIo } from './io.ts';

const USAGE = `Usage:
  samenhang evaluate SCENARIO.json [--dataset DIR] [--weather-year YEAR|reference] [--json]
  samenhang sweep SWEEP.json [--dataset DIR] [--workers N] [--chunk N] [--max-scenarios N] --out FILE [--format arrow|csv]
                  [--redis redis://HOST:PORT]
  samenhang worker --redis redis://HOST:PORT [--threads N]

Without --dataset the bundled dataset of the 30 RES regions is used (weather year 2023; further
years 1987, 1997, 2004, 2015 and 2019). --weather-year sets national.weatherYear of the scenario.
With --redis (or $SAMENHANG_REDIS_URL) a sweep runs on the \`samenhang worker\` processes that take
jobs from that Redis, on this and other machines (see docs/scale-out.md).
Invalid input exits with status 2 and one line per problem on stderr.`;

/** A usage problem on the command line (exit status 2). */
class UsageError extends Error {}

function parseCommandLine(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--weather-year 1987` or `--weather-year reference` (null); undefined when absent. */
function parseWeatherYearOption(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'reference' || text === 'null') return null;
  if (!/^\d{4}$/.test(text.trim()))
    throw new UsageError(`--weather-year: must be a year such as 1987, or 'reference', got '${text}'`);
  return Number(text);
}

async function dispatch(argv: string[], io: CliIo): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(`${USAGE}\n`);
    return;
  }
  if (command === 'evaluate') {
    // Commands load the engine only when run, so `samenhang --help` starts at once.
    const { runEvaluateCommand } = await import('./evaluate-command.ts');
    const { values, positionals } = parseCommandLine(rest, {
      dataset: { type: 'string' },
      'weather-year': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('evaluate takes exactly one SCENARIO.json');
    io.stdout(
      runEvaluateCommand({
        scenarioFile: positionals[0],
        datasetDir: values.dataset as string | undefined,
        weatherYear: parseWeatherYearOption(values['weather-year'] as string | undefined),
        json: values.json as boolean,
        warn: io.stderr,
      }),
    );
    return;
  }
  if (command === 'sweep') {
    const { runSweepCommand } = await import('./sweep-command.ts');
    const { values, positionals } = parseCommandLine(rest, {
      dataset: { type: 'string' },
      workers: { type: 'string' },
      chunk: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      'max-scenarios': { type: 'string' },
      redis: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('sweep takes exactly one SWEEP.json');
    await runSweepCommand(io, {
      sweepFile: positionals[0],
      datasetDir: values.dataset as string | undefined,
      workers: values.workers as string | undefined,
      chunk: values.chunk as string | undefined,
      out: values.out as string | undefined,
      format: values.format as string | undefined,
      maxScenarios: values['max-scenarios'] as string | undefined,
      redis: values.redis as string | undefined,
    });
    return;
  }
  if (command === 'worker') {
    const { runWorkerCommand } = await import('./worker-command.ts');
    const { values, positionals } = parseCommandLine(rest, { redis: { type: 'string' }, threads: { type: 'string' } });
    if (positionals.length !== 0) throw new UsageError('worker takes no files');
    await runWorkerCommand(io, {
      redis: values.redis as string | undefined,
      threads: values.threads as string | undefined,
    });
    return;
  }
  throw new UsageError(`unknown command '${command}'`);
}

/**
 * Runs the CLI with the arguments after the program name; returns the exit status (0 ok, 1 internal
 * error, 2 invalid input or usage, 130 cancelled). It never exits the process, so tests call it in-process.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await dispatch(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const issue of error.issues) io.stderr(`error: ${formatIssue(issue)}\n`);
      return 2;
    }
    if ((error as Error)?.name === 'AbortError') {
      io.stderr('cancelled: no output file was written\n');
      return 130;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message} (run 'samenhang help' for usage)\n`);
      return 2;
    }
    io.stderr(`internal error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.SAMENHANG_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
}
