import { availableParallelism } from 'node:os';
import { ValidationError } from '../errors.ts';
import type { CliIo } from './io.ts';

/** Raw options of `samenhang worker` as given on the command line. */
export interface WorkerCommandOptions {
  redis?: string;
  threads?: string;
}

function threadCount(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError([{ where: '--threads', message: `must be a whole number ≥ 1, got '${text}'` }]);
  return value;
}

/**
 * `samenhang worker --redis URL [--threads N]`: takes chunk jobs of sweeps from the queue until
 * stopped (Ctrl-C or SIGTERM: the chunks in hand are finished first). Prints one `ready` line
 * when it takes jobs; the URL is shown without its credentials.
 */
export async function runWorkerCommand(io: CliIo, options: WorkerCommandOptions): Promise<void> {
  const url = options.redis ?? process.env.SAMENHANG_REDIS_URL;
  if (url === undefined)
    throw new ValidationError([{ where: '--redis', message: 'is required (redis://HOST:PORT of the sweep queue)' }]);
  const threads = threadCount(options.threads);
  const { parseRedisUrl } = await import('../sweep/redis-url.ts');
  const target = parseRedisUrl(url, options.redis === undefined ? 'SAMENHANG_REDIS_URL' : '--redis');
  const { RemoteSweepWorker } = await import('../sweep/remote-worker.ts');
  const log = (line: string) => io.stdout(`${new Date().toISOString()} ${line}\n`);
  const stopped = new Promise<void>((resolve) => {
    if (io.signal) io.signal.addEventListener('abort', () => resolve(), { once: true });
    else for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  // How soon a dead worker's chunk moves to another worker; tests shorten it.
  const lockText = process.env.SAMENHANG_WORKER_LOCK_MS;
  const lockMs = lockText === undefined ? undefined : Number(lockText);
  if (lockMs !== undefined && !(Number.isInteger(lockMs) && lockMs >= 500))
    throw new ValidationError([
      { where: 'SAMENHANG_WORKER_LOCK_MS', message: `must be a whole number of ms ≥ 500, got '${lockText}'` },
    ]);
  const worker = await RemoteSweepWorker.start({ redis: target, threads, log, lockMs });
  log(`samenhang worker ready: ${threads} thread(s), queue on ${target.shown}`);
  await stopped;
  log('stopping: finishing the chunks in hand (a second Ctrl-C or SIGTERM stops at once)');
  // With Redis unreachable the graceful close can wait for ever: a second signal ends the process.
  if (!io.signal) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));
  await worker.close();
  log('stopped');
}
