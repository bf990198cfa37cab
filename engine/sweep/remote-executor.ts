import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Dataset } from '../data/types.ts';
import type { InvalidScenario } from './evaluate-range.ts';
import type { SweepExecutor } from './executor.ts';
import { connectRedis } from './remote-connection.ts';
import { redactMessage, type RedisTarget } from './redis-url.ts';
import { datasetBlob } from './remote-dataset.ts';
import {
  type ChunkJobData,
  type ChunkJobResult,
  chunkJobId,
  chunkResultKey,
  CANCEL_CHANNEL,
  DATASET_TTL_S,
  datasetKey,
  decodeChunkInto,
  KEY_PREFIX,
  QUEUE_NAME,
  SWEEP_RENEW_MS,
  SWEEP_TTL_S,
  serializeFaults,
  serializePlan,
  sweepKey,
} from './remote-protocol.ts';
import {
  abortError,
  finishedSummary,
  layoutOf,
  openWriter,
  type SweepRunOptions,
  type SweepSummary,
  writeAtomically,
} from './runner.ts';
import { invalidScenarioError } from './scenario-checks.ts';
import { shareDataset } from './shared-dataset.ts';
import type { SweepPlan } from './spec.ts';
import type { SweepTableWriter } from './table-writer.ts';

/** Options of the remote executor. */
export interface RemoteExecutorOptions {
  redis: RedisTarget;
  /** Chunk jobs queued or running at once per sweep (bounds Redis memory); default 64. */
  maxChunksInFlight?: number;
  /** How long Redis may be unreachable before running sweeps fail; default 10 s. */
  redisTimeoutMs?: number;
  /** Where connection problems are reported (already without credentials). */
  log?: (line: string) => void;
}

/** How many times a chunk is tried before it fails the sweep. */
export const CHUNK_ATTEMPTS = 3;
/**
 * Chunks per record batch when --chunk is not given. Every chunk costs the queue, the worker and
 * the coordinator some fixed work (jobs, locks, events, round trips): on 2 cores, chunks of a
 * quarter batch (~310 scenarios of the bundled data, 4 MB of rows) took about 9 % less CPU per
 * sweep than chunks of 1/16 (2026-11-30, interleaved runs on a busy machine), while a sweep's last
 * chunk still takes one thread well under a second and the ring of 8 batches keeps 32 in flight.
 */
const DEFAULT_CHUNKS_PER_BATCH = 4;
/** Each chunk not yet finished is looked up this often, in case its queue event was missed. */
const POLL_MS = 2_000;

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  return { promise, resolve, reject };
}

/** One chunk: scenarios [from, to) of record batch `batch`. */
interface Chunk {
  index: number;
  batch: number;
  from: number;
  to: number;
  state: 'waiting' | 'queued' | 'finished';
}

/** Rejects with `message` when `promise` has not settled after `ms` (commands wait forever while Redis is away). */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs sweeps on remote `samenhang worker` processes: publishes the plan and the dataset (by content
 * hash) once, queues chunk jobs (index ranges) on BullMQ, and copies the returned Arrow record
 * batches into a ring of record-batch buffers that are written to the file in scenario order,
 * exactly as the local runner writes them. Memory stays bounded: a few batches here, and in
 * Redis at most `maxChunksInFlight` chunks of each sweep.
 */
export class RemoteSweepExecutor implements SweepExecutor {
  private redis: Redis | undefined;
  private queue: Queue<ChunkJobData, ChunkJobResult> | undefined;
  private events: QueueEvents | undefined;
  private eventsConnection: Redis | undefined;
  private connecting: Promise<void> | undefined;
  private readonly runs = new Set<RemoteSweepRun>();
  private lostTimer: NodeJS.Timeout | undefined;
  private lastError = '';
  readonly redisTimeoutMs: number;

  constructor(private readonly options: RemoteExecutorOptions) {
    this.redisTimeoutMs = options.redisTimeoutMs ?? 10_000;
  }

  describe(): string {
    return `remote workers via ${this.options.redis.shown}`;
  }

  async run(dataset: Dataset, plan: SweepPlan, options: SweepRunOptions): Promise<SweepSummary> {
    if (options.signal?.aborted) throw abortError();
    await this.connect();
    const run = new RemoteSweepRun(this, this.redis!, this.queue!, dataset, plan, options);
    this.runs.add(run);
    try {
      return await run.execute();
    } finally {
      this.runs.delete(run);
    }
  }

  async close(): Promise<void> {
    for (const run of this.runs) run.fail(new Error('the coordinator is closing'));
    clearTimeout(this.lostTimer);
    const closing = [this.events?.close(), this.queue?.close()];
    await Promise.allSettled(closing.map((c) => c && withTimeout(c, 2_000, 'close timed out')));
    this.eventsConnection?.disconnect();
    this.redis?.disconnect();
    this.redis = undefined;
    this.eventsConnection = undefined;
    this.queue = undefined;
    this.events = undefined;
    this.connecting = undefined;
  }

  /** Reports a connection problem once (repeats of the same message are dropped). */
  private report(message: string): void {
    this.lastError = message;
    if (this.options.log) this.options.log(`redis ${this.options.redis.shown}: ${message}`);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().catch((error) => {
      this.connecting = undefined;
      void this.close();
      throw error;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const target = this.options.redis;
    const redis = connectRedis(target, (message) => {
      if (message !== this.lastError) this.report(message);
    });
    this.redis = redis;
    // Redis away for longer than redisTimeoutMs fails the running sweeps (their files are removed).
    redis.on('close', () => {
      this.lostTimer ??= setTimeout(() => {
        const reason = this.lastError ? `: ${this.lastError}` : '';
        for (const run of this.runs)
          run.fail(new Error(`lost the connection to Redis at ${target.shown}${reason}; the sweep stopped`));
      }, this.redisTimeoutMs);
    });
    redis.on('ready', () => {
      clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
      this.lastError = '';
    });
    await withTimeout(
      new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve()))),
      this.redisTimeoutMs,
      `cannot reach Redis at ${target.shown}`,
    ).catch((error: Error) => {
      const reason = this.lastError ? ` (${this.lastError})` : '';
      throw new Error(`${error.message}${reason}`);
    });
    this.queue = new Queue<ChunkJobData, ChunkJobResult>(QUEUE_NAME, { connection: redis, prefix: KEY_PREFIX });
    this.queue.on('error', () => undefined); // reported through the connection's own error event
    // Read the event stream from now on: events of jobs queued after this point are never missed.
    const [seconds, micros] = await redis.time();
    const lastEventId = `${Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - 1}-0`;
    // BullMQ leaves connections it was given open: this one is closed in close().
    this.eventsConnection = redis.duplicate();
    this.eventsConnection.on('error', () => undefined); // reported by the main connection
    this.events = new QueueEvents(QUEUE_NAME, {
      connection: this.eventsConnection,
      prefix: KEY_PREFIX,
      lastEventId,
    });
    this.events.on('error', () => undefined);
    this.events.on('completed', ({ jobId, returnvalue }) => {
      for (const run of this.runs) run.onCompleted(jobId, returnvalue as unknown as ChunkJobResult);
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      for (const run of this.runs) run.onFailed(jobId, redactMessage(failedReason, target));
    });
    await this.events.waitUntilReady();
  }

  /** Limits of one run, from the executor's options. */
  limits(): { maxChunksInFlight: number; redisTimeoutMs: number } {
    return { maxChunksInFlight: this.options.maxChunksInFlight ?? 64, redisTimeoutMs: this.redisTimeoutMs };
  }
}

/** One sweep on remote workers, from publishing to the renamed result file. */
class RemoteSweepRun {
  private readonly id = randomUUID();
  private readonly layout;
  private readonly chunks: Chunk[] = [];
  private readonly chunksById = new Map<string, Chunk>();
  /** Record-batch buffers: batch b lives in buffers[b % ring] until written. */
  private readonly buffers: Float64Array[];
  private readonly ring: number;
  private readonly batchDone: Deferred[];
  private readonly remaining: number[];
  private readonly invalid: Array<InvalidScenario | undefined>;
  private readonly failure = deferred();
  private datasetHash = '';
  private failed = false;
  private nextChunk = 0;
  private queuedCount = 0;
  private written = 0;
  private done = 0;
  private hourlyRuns = 0;
  private readonly maxInFlight: number;
  private readonly redisTimeoutMs: number;

  constructor(
    executor: RemoteSweepExecutor,
    private readonly redis: Redis,
    private readonly queue: Queue<ChunkJobData, ChunkJobResult>,
    private readonly dataset: Dataset,
    private readonly plan: SweepPlan,
    private readonly options: SweepRunOptions,
  ) {
    ({ maxChunksInFlight: this.maxInFlight, redisTimeoutMs: this.redisTimeoutMs } = executor.limits());
    const base = layoutOf(dataset, plan, options, 1);
    const chunkSize = Math.max(1, options.chunkSize ?? Math.ceil(base.batchScenarios / DEFAULT_CHUNKS_PER_BATCH));
    this.layout = { ...base, chunkSize };
    for (let batch = 0; batch < base.batchCount; batch++) {
      const batchStart = batch * base.batchScenarios;
      const batchEnd = Math.min(base.total, batchStart + base.batchScenarios);
      for (let from = batchStart; from < batchEnd; from += chunkSize) {
        const chunk: Chunk = {
          index: this.chunks.length,
          batch,
          from,
          to: Math.min(batchEnd, from + chunkSize),
          state: 'waiting',
        };
        this.chunks.push(chunk);
        this.chunksById.set(chunkJobId(this.id, chunk.index), chunk);
      }
    }
    this.remaining = new Array(base.batchCount).fill(0);
    for (const chunk of this.chunks) this.remaining[chunk.batch]++;
    this.invalid = new Array(base.batchCount).fill(undefined);
    this.batchDone = Array.from({ length: base.batchCount }, () => deferred());
    // Enough batches in the ring to keep maxInFlight chunks queued, two at least (one written, one filled).
    const batchesInFlight = Math.ceil((this.maxInFlight * chunkSize) / base.batchScenarios);
    this.ring = Math.max(2, Math.min(base.batchCount, batchesInFlight + 1, 8));
    this.buffers = Array.from(
      { length: Math.min(this.ring, base.batchCount) },
      () => new Float64Array(base.capacityRows * base.columnCount),
    );
  }

  /** Fails the run (cancellation, a failed chunk, Redis lost): the writer stops at its next wait. */
  fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.failure.reject(error);
  }

  async execute(): Promise<SweepSummary> {
    const started = performance.now();
    const { signal, onProgress } = this.options;
    const onAbort = () => this.fail(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const total = this.layout.total;
    const progressTimer = onProgress ? setInterval(() => onProgress(this.done, total), 100) : undefined;
    let renew: NodeJS.Timeout | undefined;
    let finished = false;
    try {
      await this.guard(this.publish());
      renew = setInterval(() => void this.renew(), SWEEP_RENEW_MS);
      await writeAtomically(
        this.options.outFile,
        (file) => openWriter(this.options.format ?? 'arrow', file, this.dataset, this.plan),
        (writer) => this.writeBatches(writer),
      );
      finished = true;
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw error;
    } finally {
      clearInterval(progressTimer);
      clearInterval(renew);
      signal?.removeEventListener('abort', onAbort);
      this.failed = true; // late events of this run are ignored from here on
      await this.cleanUp(finished);
    }
    onProgress?.(total, total);
    return finishedSummary(
      total,
      this.layout.regionRows,
      started,
      this.hourlyRuns,
      this.options.outFile,
      this.options.format ?? 'arrow',
    );
  }

  /** Waits for `promise`, or rejects as soon as the run fails. */
  private guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failure.promise as Promise<never>]);
  }

  /** Publishes the dataset (once per content hash) and the sweep; both expire unless renewed. */
  private async publish(): Promise<void> {
    const blob = datasetBlob(shareDataset(this.dataset));
    const key = datasetKey(blob.hash);
    const stored = await this.redis.set(key, blob.bytes, 'EX', DATASET_TTL_S, 'NX');
    if (stored === null) await this.redis.expire(key, DATASET_TTL_S);
    await this.redis
      .multi()
      .hset(sweepKey(this.id), {
        plan: serializePlan(this.plan),
        dataset: blob.hash,
        faults: serializeFaults(this.options.faults),
      })
      .expire(sweepKey(this.id), SWEEP_TTL_S)
      .exec();
    this.datasetHash = blob.hash;
  }

  /** Keeps the sweep and its dataset alive while the coordinator runs. */
  private async renew(): Promise<void> {
    try {
      await this.redis
        .multi()
        .expire(sweepKey(this.id), SWEEP_TTL_S)
        .expire(datasetKey(this.datasetHash), DATASET_TTL_S)
        .exec();
    } catch {
      // Redis away: the connection watchdog fails the run.
    }
  }

  /**
   * Queues chunks while fewer than maxInFlight are out and their batch has a buffer; called when
   * the run starts, when a chunk finishes and when a batch is written.
   */
  private pump(): void {
    const jobs = [];
    while (
      this.nextChunk < this.chunks.length &&
      this.queuedCount < this.maxInFlight &&
      this.chunks[this.nextChunk].batch < this.written + this.ring
    ) {
      const chunk = this.chunks[this.nextChunk++];
      chunk.state = 'queued';
      this.queuedCount++;
      jobs.push({
        name: 'chunk',
        data: { sweep: this.id, chunk: chunk.index, from: chunk.from, to: chunk.to },
        opts: {
          jobId: chunkJobId(this.id, chunk.index),
          attempts: CHUNK_ATTEMPTS,
          // Kept a few minutes so a coordinator that missed the event can still read the outcome.
          removeOnComplete: { age: 300 },
          removeOnFail: { age: 3600 },
        },
      });
    }
    if (jobs.length > 0) this.queue.addBulk(jobs).catch((error: Error) => this.fail(error));
  }

  /** Waits for each batch in order and writes it; queues further chunks as buffers free up. */
  private async writeBatches(writer: SweepTableWriter): Promise<void> {
    const { batchCount, batchScenarios, total, regionRows, capacityRows } = this.layout;
    this.pump();
    const poll = setInterval(() => void this.pollOldest(), POLL_MS);
    try {
      for (let batch = 0; batch < batchCount; batch++) {
        await this.guard(this.batchDone[batch].promise);
        const invalid = this.invalid[batch];
        if (invalid) throw invalidScenarioError(this.plan, invalid.scenario, invalid.reason);
        const batchStart = batch * batchScenarios;
        const rowCount = (Math.min(total, batchStart + batchScenarios) - batchStart) * regionRows;
        writer.write({ values: this.buffers[batch % this.ring], capacityRows, rowCount, batchStart });
        this.written = batch + 1;
        this.pump();
      }
    } finally {
      clearInterval(poll);
    }
  }

  /** A chunk job completed on a worker: copy its rows into its batch. */
  onCompleted(jobId: string, result: ChunkJobResult): void {
    const chunk = this.chunksById.get(jobId);
    if (chunk?.state !== 'queued' || this.failed) return;
    chunk.state = 'finished';
    void this.collect(chunk, result).catch((error: Error) => this.fail(error));
  }

  /** A chunk failed CHUNK_ATTEMPTS times (or its worker died too often): the sweep fails. */
  onFailed(jobId: string, reason: string): void {
    const chunk = this.chunksById.get(jobId);
    if (chunk?.state !== 'queued') return;
    chunk.state = 'finished';
    this.fail(
      new Error(`scenarios ${chunk.from}–${chunk.to - 1} failed ${CHUNK_ATTEMPTS} times on the workers: ${reason}`),
    );
  }

  private async collect(chunk: Chunk, result: ChunkJobResult): Promise<void> {
    this.queuedCount--;
    if (result.dropped)
      throw new Error(
        `a worker dropped scenarios ${chunk.from}–${chunk.to - 1}: the sweep is ${result.dropped} in Redis`,
      );
    this.hourlyRuns += result.hourlyRuns;
    const batch = chunk.batch;
    if (result.invalid) {
      if (!this.invalid[batch] || result.invalid.scenario < this.invalid[batch]!.scenario)
        this.invalid[batch] = result.invalid;
    } else {
      const key = chunkResultKey(this.id, chunk.index);
      const bytes = await this.redis.getBuffer(key);
      if (bytes === null) throw new Error(`the rows of scenarios ${chunk.from}–${chunk.to - 1} are missing in Redis`);
      if (this.failed) return;
      const { batchScenarios, regionRows, capacityRows, columnCount } = this.layout;
      const firstRow = (chunk.from - batch * batchScenarios) * regionRows;
      const rowCount = (chunk.to - chunk.from) * regionRows;
      decodeChunkInto(bytes, this.buffers[batch % this.ring], capacityRows, firstRow, rowCount, columnCount);
      this.redis.del(key).catch(() => undefined); // it expires anyway
      this.done += result.done;
    }
    if (--this.remaining[batch] === 0) this.batchDone[batch].resolve();
    // A finished chunk frees a place in flight: a batch may have more chunks than maxInFlight.
    this.pump();
  }

  /** Looks up the oldest unfinished chunk directly, in case its queue event was lost. */
  private async pollOldest(): Promise<void> {
    const chunk = this.chunks.find((c) => c.state === 'queued');
    if (!chunk || this.failed) return;
    try {
      const job = await this.queue.getJob(chunkJobId(this.id, chunk.index));
      if (!job?.finishedOn) return;
      if (job.failedReason && (await job.getState()) === 'failed') this.onFailed(job.id!, job.failedReason);
      else if (job.returnvalue) this.onCompleted(job.id!, job.returnvalue);
    } catch {
      // Redis away: the connection watchdog fails the run.
    }
  }

  /**
   * After the run: removes the sweep (workers drop its remaining jobs), and when it did not finish,
   * announces the cancellation (running chunks stop), removes queued jobs and stored rows.
   */
  private async cleanUp(finished: boolean): Promise<void> {
    const work = async () => {
      await this.redis.del(sweepKey(this.id));
      if (finished) return;
      await this.redis.publish(CANCEL_CHANNEL, this.id);
      const open = this.chunks.filter((c) => c.state === 'queued');
      await Promise.allSettled(open.map((c) => this.queue.remove(chunkJobId(this.id, c.index))));
      const keys = this.chunks.filter((c) => c.state !== 'waiting').map((c) => chunkResultKey(this.id, c.index));
      for (let i = 0; i < keys.length; i += 500) await this.redis.del(...keys.slice(i, i + 500));
    };
    // With Redis away this cannot complete: the sweep's key expires, workers then drop its jobs,
    // and stored rows expire after RESULT_TTL_S.
    await withTimeout(work(), this.redisTimeoutMs, 'cleanup timed out').catch(() => undefined);
  }
}
