import type { Dataset } from '../data/types.ts';
import type { SweepRunOptions, SweepSummary } from './runner.ts';
import type { SweepPlan } from './spec.ts';

/**
 * Runs sweeps somewhere: on this machine's worker threads (SweepRunner, the default) or on remote
 * worker processes through a BullMQ queue on Redis (RemoteSweepExecutor). Both write the same
 * file for the same plan, report progress the same way and stop on the same AbortSignal.
 */
export interface SweepExecutor {
  /**
   * Runs `plan` on `dataset` into `options.outFile` (written through `.partial`, renamed when
   * complete, removed on failure or cancellation).
   */
  run(dataset: Dataset, plan: SweepPlan, options: SweepRunOptions): Promise<SweepSummary>;
  /** Where the sweeps run, in a few words for logs and the CLI (never with credentials). */
  describe(): string;
  /** Releases threads and connections. */
  close(): Promise<void>;
}

/** How to build an executor: `redisUrl` selects remote workers, otherwise `workers` local threads. */
export interface ExecutorChoice {
  workers?: number;
  redisUrl?: string;
  /** What names the URL in an error (`--redis`, `SAMENHANG_REDIS_URL`). */
  redisWhere?: string;
}

/**
 * The local pool, or the remote executor when a Redis URL is given. The BullMQ code is loaded only
 * then: without a Redis URL nothing of it (or of Redis) is needed.
 */
export async function createSweepExecutor(choice: ExecutorChoice): Promise<SweepExecutor> {
  if (choice.redisUrl === undefined) {
    const { SweepRunner } = await import('./runner.ts');
    return new SweepRunner({ workers: choice.workers });
  }
  const { parseRedisUrl } = await import('./redis-url.ts');
  const target = parseRedisUrl(choice.redisUrl, choice.redisWhere ?? '--redis');
  const { RemoteSweepExecutor } = await import('./remote-executor.ts');
  return new RemoteSweepExecutor({ redis: target });
}
