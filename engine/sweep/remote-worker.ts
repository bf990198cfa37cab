import { hostname } from 'node:os';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { OUTPUT_COUNT } from '../model/outputs.ts';
import { NOT_STOPPED } from './evaluate-range.ts';
import { createSweepPool } from './pool.ts';
import { computeRangeOnPool } from './pool-range.ts';
import type { SweepFaults } from './protocol.ts';
import { connectRedis } from './remote-connection.ts';
import { redactMessage, type RedisTarget } from './redis-url.ts';
import { sharedDatasetFromBlob } from './remote-dataset.ts';
import {
  CANCEL_CHANNEL,
  type ChunkJobData,
  type ChunkJobResult,
  chunkResultKey,
  datasetKey,
  deserializePlan,
  encodeChunk,
  KEY_PREFIX,
  QUEUE_NAME,
  RESULT_TTL_S,
  sweepKey,
} from './remote-protocol.ts';
import type { SharedDataset } from './shared-dataset.ts';
import type { SweepPlan } from './spec.ts';

/** Options of a remote sweep worker process. */
export interface RemoteWorkerOptions {
  redis: RedisTarget;
  /** Threads of the local pool that computes each chunk. */
  threads: number;
  /** Where the worker reports what it does (never with credentials). */
  log: (line: string) => void;
  /**
   * How long a chunk's lock lasts without renewal, ms (default 10 s): a worker that dies (kill -9)
   * has its chunk taken over by another worker about this long after its last renewal.
   */
  lockMs?: number;
}

interface SweepState {
  plan: SweepPlan;
  dataset: SharedDataset;
  faults: SweepFaults;
}

/** Sweeps (plans and datasets) kept in memory; datasets are shared between sweeps by hash. */
const MAX_SWEEPS = 8;
const MAX_DATASETS = 2;

/** Keeps the most recently used `limit` entries of a map (Map order is insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > limit) map.delete(map.keys().next().value as string);
}

/**
 * A `samenhang worker`: takes chunk jobs from the BullMQ queue, computes each on its own local
 * piscina pool, and stores the rows as an Arrow IPC record batch in Redis for the coordinator.
 * Each dataset is loaded from Redis once (by content hash); each sweep's plan once.
 */
export class RemoteSweepWorker {
  private readonly pool;
  private readonly sweeps = new Map<string, Promise<SweepState>>();
  private readonly datasets = new Map<string, Promise<SharedDataset>>();
  /** stopAt handles of the chunks running now, by sweep id. */
  private readonly running = new Map<string, Set<Int32Array>>();
  /** Sweeps cancelled while this worker ran (their leftover jobs are dropped). */
  private readonly cancelled = new Set<string>();
  private worker: Worker<ChunkJobData, ChunkJobResult> | undefined;
  private subscriber: Redis | undefined;
  private lastError = '';

  private constructor(
    private readonly options: RemoteWorkerOptions,
    private readonly redis: Redis,
  ) {
    this.pool = createSweepPool(options.threads);
  }

  /** Connects, subscribes to cancellations and starts taking jobs; resolves when ready. */
  static async start(options: RemoteWorkerOptions): Promise<RemoteSweepWorker> {
    let self: RemoteSweepWorker | undefined;
    const redis = connectRedis(options.redis, (message) => self?.report(message));
    self = new RemoteSweepWorker(options, redis);
    await self.listen();
    return self;
  }

  private report(message: string): void {
    if (message === this.lastError) return;
    this.lastError = message;
    this.options.log(`redis ${this.options.redis.shown}: ${message} (retrying)`);
  }

  private async listen(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined); // the main connection reports problems
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, sweepId: string) => this.cancel(sweepId));
    await subscriber.subscribe(CANCEL_CHANNEL);
    this.redis.on('ready', () => {
      if (this.lastError) this.options.log(`redis ${this.options.redis.shown}: connected again`);
      this.lastError = '';
    });
    const lockMs = this.options.lockMs ?? 10_000;
    this.worker = new Worker<ChunkJobData, ChunkJobResult>(QUEUE_NAME, (job) => this.process(job), {
      connection: this.redis,
      prefix: KEY_PREFIX,
      // Shown as a job's processedBy: which machine and process computes a chunk.
      name: `${hostname()}:${process.pid}`,
      // Two chunks at a time: one computes while the other's rows travel to and from Redis.
      concurrency: 2,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // A chunk whose worker died twice is still retried once more; a third death fails the sweep.
      maxStalledCount: 2,
    });
    this.worker.on('error', () => undefined); // connection errors arrive through the connection
    this.worker.on('failed', (job, error) => {
      if (job)
        this.options.log(
          `chunk ${job.data.from}–${job.data.to - 1} of sweep ${job.data.sweep} failed: ${redactMessage(error.message, this.options.redis)}`,
        );
    });
    await this.worker.waitUntilReady();
  }

  /** A cancelled sweep: its running chunks stop before their next scenario. */
  private cancel(sweepId: string): void {
    this.cancelled.add(sweepId);
    if (this.cancelled.size > 1000) this.cancelled.delete(this.cancelled.values().next().value as string);
    for (const stopAt of this.running.get(sweepId) ?? []) Atomics.store(stopAt, 0, 0);
  }

  private async process(job: Job<ChunkJobData, ChunkJobResult>): Promise<ChunkJobResult> {
    const { sweep, chunk, from, to } = job.data;
    if (this.cancelled.has(sweep)) return { done: 0, hourlyRuns: 0, dropped: 'cancelled' };
    const state = await this.sweepState(sweep);
    if (!state) return { done: 0, hourlyRuns: 0, dropped: 'gone' };
    const stopAt = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(stopAt, 0, NOT_STOPPED);
    let handles = this.running.get(sweep);
    if (!handles) this.running.set(sweep, (handles = new Set()));
    handles.add(stopAt);
    try {
      const range = { runId: sweep, dataset: state.dataset, plan: state.plan, from, to, faults: state.faults };
      const result = await computeRangeOnPool(this.pool, this.options.threads, range, stopAt);
      if (Atomics.load(stopAt, 0) !== NOT_STOPPED) {
        this.options.log(`chunk ${from}–${to - 1} of sweep ${sweep}: cancelled, stopped`);
        return { done: 0, hourlyRuns: result.hourlyRuns, dropped: 'cancelled' };
      }
      if (result.invalid) return { done: result.done, hourlyRuns: result.hourlyRuns, invalid: result.invalid };
      const regionRows = state.dataset.regions.length + 1;
      const columnCount = state.plan.axes.length + OUTPUT_COUNT;
      const bytes = encodeChunk(result.values, result.capacityRows, (to - from) * regionRows, columnCount);
      await this.redis.set(
        chunkResultKey(sweep, chunk),
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        'EX',
        RESULT_TTL_S,
      );
      return { done: result.done, hourlyRuns: result.hourlyRuns };
    } finally {
      handles.delete(stopAt);
      if (handles.size === 0) this.running.delete(sweep);
    }
  }

  /** The sweep's plan and dataset, loaded once; undefined when the sweep is no longer published. */
  private async sweepState(sweepId: string): Promise<SweepState | undefined> {
    // Asked every time: a sweep whose coordinator stopped (or that was cancelled) is dropped at once.
    const published = await this.redis.hmget(sweepKey(sweepId), 'plan', 'dataset', 'faults');
    const [planText, hash, faultsText] = published;
    if (planText === null || hash === null) return undefined;
    let state = this.sweeps.get(sweepId);
    if (!state) {
      state = this.loadDataset(hash).then((dataset) => ({
        plan: deserializePlan(planText),
        dataset,
        faults: JSON.parse(faultsText ?? '{}') as SweepFaults,
      }));
      state.catch(() => this.sweeps.delete(sweepId));
      remember(this.sweeps, sweepId, state, MAX_SWEEPS);
    }
    return state;
  }

  private loadDataset(hash: string): Promise<SharedDataset> {
    let dataset = this.datasets.get(hash);
    if (!dataset) {
      dataset = this.redis.getBuffer(datasetKey(hash)).then((bytes) => {
        if (bytes === null) throw new Error(`dataset ${hash.slice(0, 12)}… is not in Redis (expired?)`);
        const shared = sharedDatasetFromBlob(bytes, hash);
        this.options.log(
          `loaded dataset ${shared.name} (${hash.slice(0, 12)}…, ${(bytes.length / 1e6).toFixed(1)} MB)`,
        );
        return shared;
      });
      dataset.catch(() => this.datasets.delete(hash));
      remember(this.datasets, hash, dataset, MAX_DATASETS);
    }
    return dataset;
  }

  /**
   * Finishes the chunks in hand (or, with `force`, drops them: BullMQ gives them to another worker
   * when their lock expires), then stops taking jobs and closes the pool and connections.
   */
  async close(force = false): Promise<void> {
    await this.worker?.close(force);
    await this.pool.destroy();
    this.subscriber?.disconnect();
    this.redis.disconnect();
  }
}
