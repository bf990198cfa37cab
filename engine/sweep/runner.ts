import { randomUUID } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { Dataset } from '../data/types.ts';
import { OUTPUT_COUNT } from '../model/outputs.ts';
import {
  createSweepContext,
  evaluateSweepRange,
  NOT_STOPPED,
  type InvalidScenario,
  type SweepContext,
} from './evaluate-range.ts';
import { createSweepPool } from './pool.ts';
import type { SweepChunkResult, SweepChunkTask, SweepFaults } from './protocol.ts';
import { invalidScenarioError } from './scenario-checks.ts';
import { type SharedDataset, shareDataset } from './shared-dataset.ts';
import type { SweepExecutor } from './executor.ts';
import type { SweepPlan } from './spec.ts';
import { createArrowTableWriter, createCsvTableWriter, type SweepTableWriter } from './table-writer.ts';

/** Options of one sweep run. */
export interface SweepRunOptions {
  outFile: string;
  format?: 'arrow' | 'csv';
  /** Scenarios per claimed chunk; default spreads each batch over about 64 chunks per thread. */
  chunkSize?: number;
  /** Scenarios per streamed record batch; default keeps a batch near 16 MB. */
  batchScenarios?: number;
  signal?: AbortSignal;
  onProgress?: (doneScenarios: number, totalScenarios: number) => void;
  /** Test-only fault injection (see SweepFaults). */
  faults?: SweepFaults;
}

/** What a finished sweep reports. */
export interface SweepSummary {
  scenarios: number;
  rows: number;
  seconds: number;
  scenariosPerSecond: number;
  /** Hourly kernel runs (per thread cache misses): fewer than scenarios when finance axes repeat them. */
  hourlyRuns: number;
  outFile: string;
  format: 'arrow' | 'csv';
}

/** The summary of a sweep that ran `total` scenarios since `startedMs` (performance.now()), on any executor. */
export function finishedSummary(
  total: number,
  regionRows: number,
  startedMs: number,
  hourlyRuns: number,
  outFile: string,
  format: 'arrow' | 'csv',
): SweepSummary {
  const seconds = (performance.now() - startedMs) / 1000;
  return {
    scenarios: total,
    rows: total * regionRows,
    seconds,
    scenariosPerSecond: total / seconds,
    hourlyRuns,
    outFile,
    format,
  };
}

const BATCH_BYTES = 16 * 1024 * 1024;

/** The error of a cancelled sweep (name AbortError; the CLI exits 130 on it). */
export function abortError(): Error {
  const error = new Error('sweep cancelled');
  error.name = 'AbortError';
  return error;
}

/** How a sweep is cut up: record batches of `batchScenarios`, each computed as tasks of `chunkSize`. */
export interface SweepLayout {
  total: number;
  regionRows: number;
  batchScenarios: number;
  batchCount: number;
  capacityRows: number;
  columnCount: number;
  chunkSize: number;
}

/** Cuts a sweep into batches (and chunks for `threads` threads). */
export function layoutOf(dataset: Dataset, plan: SweepPlan, options: SweepRunOptions, threads: number): SweepLayout {
  const total = plan.scenarioCount;
  const regionRows = dataset.regions.length + 1;
  const columnCount = plan.axes.length + OUTPUT_COUNT;
  const batchScenarios = Math.max(
    1,
    Math.min(total, options.batchScenarios ?? Math.floor(BATCH_BYTES / (regionRows * columnCount * 8))),
  );
  // Threads claim chunks from a shared counter (no main-thread round trip per chunk), so chunks can
  // be small: a batch's tail, where one thread may idle, is at most one chunk (~20 ms).
  const chunkSize = Math.max(1, options.chunkSize ?? Math.ceil(batchScenarios / (threads * 64)));
  return {
    total,
    regionRows,
    batchScenarios,
    batchCount: Math.ceil(total / batchScenarios),
    capacityRows: batchScenarios * regionRows,
    columnCount,
    chunkSize,
  };
}

/**
 * One sweep in progress: two shared batch buffers (batch b + 1 computes while batch b is written),
 * the shared progress counter and stop index, and the tasks of each batch, in the pool or in this thread.
 */
class SweepExecution {
  readonly layout: SweepLayout;
  private readonly buffers: SharedArrayBuffer[];
  readonly progress = new Int32Array(new SharedArrayBuffer(4));
  /** Tasks stop before this scenario: NOT_STOPPED, 0 when cancelled, else the lowest invalid one. */
  private readonly stopAt = new Int32Array(new SharedArrayBuffer(4));
  private readonly runId = randomUUID();
  private readonly shared: SharedDataset | undefined;
  private readonly inThread: SweepContext | undefined;
  hourlyRuns = 0;
  /** The first error of a task (a thrown exception, a worker that died). */
  private failure: unknown;
  /** The lowest-numbered scenario found invalid so far. */
  private invalid: InvalidScenario | undefined;

  constructor(
    private readonly pool: Piscina<SweepChunkTask, SweepChunkResult> | undefined,
    dataset: Dataset,
    private readonly plan: SweepPlan,
    private readonly options: SweepRunOptions,
    private readonly threads: number,
  ) {
    this.layout = layoutOf(dataset, plan, options, threads);
    Atomics.store(this.stopAt, 0, NOT_STOPPED);
    const bytes = this.layout.capacityRows * this.layout.columnCount * 8;
    this.buffers = [new SharedArrayBuffer(bytes), new SharedArrayBuffer(bytes)];
    this.shared = pool ? shareDataset(dataset) : undefined;
    this.inThread = pool ? undefined : createSweepContext(dataset, plan);
  }

  /**
   * Asks every task to stop (cancellation or a failure): running ones stop before their next
   * scenario, queued ones return at once. Tasks are never aborted through piscina, which would
   * end a worker thread whose answer is still on its way.
   */
  stop(): void {
    Atomics.store(this.stopAt, 0, 0);
  }

  /** Computes the scenarios of one batch into its buffer; rejects on a failure or an invalid scenario. */
  async computeBatch(batch: number): Promise<void> {
    const { batchScenarios, total, chunkSize } = this.layout;
    const batchStart = batch * batchScenarios;
    const batchEnd = Math.min(total, batchStart + batchScenarios);
    const chunks: Promise<SweepChunkResult>[] = [];
    if (this.pool) {
      // One task per thread, each claiming chunks from a shared counter until the batch is done.
      const next = new Int32Array(new SharedArrayBuffer(4));
      next[0] = batchStart;
      for (let t = 0; t < this.threads; t++) chunks.push(this.runInPool(batch, batchStart, batchEnd, next));
    } else {
      for (let from = batchStart; from < batchEnd; from += chunkSize)
        chunks.push(this.runInThread(batch, from, Math.min(batchEnd, from + chunkSize)));
    }
    const recorded = chunks.map((chunk) =>
      chunk.then(
        (result) => this.record(result),
        (error) => {
          this.failure ??= error; // a failed task fails the sweep: the others stop at once
          Atomics.store(this.stopAt, 0, 0);
          throw error;
        },
      ),
    );
    await Promise.allSettled(recorded);
    if (this.invalid) throw invalidScenarioError(this.plan, this.invalid.scenario, this.invalid.reason);
    if (this.failure !== undefined) throw this.failure;
    if (Atomics.load(this.stopAt, 0) !== NOT_STOPPED) throw abortError();
  }

  /** A view of batch `batch`'s buffer for the table writer. */
  batchValues(batch: number): Float64Array {
    return new Float64Array(this.buffers[batch % 2]);
  }

  private record(result: SweepChunkResult): SweepChunkResult {
    this.hourlyRuns += result.hourlyRuns;
    if (result.invalid && (!this.invalid || result.invalid.scenario < this.invalid.scenario)) {
      this.invalid = result.invalid;
      // The sweep fails: later scenarios stop, earlier ones still run so the first invalid one is named.
      const stopAt = Atomics.load(this.stopAt, 0);
      if (result.invalid.scenario < stopAt) Atomics.store(this.stopAt, 0, result.invalid.scenario);
    }
    return result;
  }

  private runInPool(batch: number, from: number, to: number, next: Int32Array): Promise<SweepChunkResult> {
    const task: SweepChunkTask = {
      runId: this.runId,
      dataset: this.shared!,
      plan: this.plan,
      from,
      to,
      next: next.buffer as SharedArrayBuffer,
      chunkSize: this.layout.chunkSize,
      batchStart: batch * this.layout.batchScenarios,
      capacityRows: this.layout.capacityRows,
      columns: this.buffers[batch % 2],
      progress: this.progress.buffer as SharedArrayBuffer,
      stopAt: this.stopAt.buffer as SharedArrayBuffer,
      faults: this.options.faults,
    };
    return this.pool!.run(task);
  }

  private async runInThread(batch: number, from: number, to: number): Promise<SweepChunkResult> {
    // Yield between chunks so timers, progress and cancellation still run.
    await new Promise((resolve) => setImmediate(resolve));
    const faultAt = this.options.faults?.throwAtScenario ?? this.options.faults?.exitAtScenario;
    if (faultAt !== undefined && faultAt >= from && faultAt < to)
      throw new Error(`injected fault at scenario ${faultAt}`);
    const context = this.inThread!;
    const runsBefore = context.hourlyRuns;
    const columns = {
      values: this.batchValues(batch),
      capacityRows: this.layout.capacityRows,
      batchStart: batch * this.layout.batchScenarios,
    };
    const outcome = evaluateSweepRange(context, from, to, columns, this.progress, this.stopAt);
    return { ...outcome, hourlyRuns: context.hourlyRuns - runsBefore };
  }

  /**
   * Computes and writes every batch in order. Two buffers: batch b + 1 is queued while batch b
   * computes, and batch b + 2 as soon as batch b is written out, so the workers never wait for
   * the writer or a batch's tail.
   */
  async computeAndWrite(writer: SweepTableWriter): Promise<void> {
    const { batchCount, batchScenarios, total, regionRows, capacityRows } = this.layout;
    const batches: Promise<void>[] = [];
    const start = (batch: number) => {
      if (batch >= batchCount) return;
      batches[batch] = this.computeBatch(batch);
      batches[batch].catch(() => undefined); // awaited in order below; no unhandled rejection meanwhile
    };
    start(0);
    start(1);
    try {
      for (let batch = 0; batch < batchCount; batch++) {
        await batches[batch];
        const batchStart = batch * batchScenarios;
        const rowCount = (Math.min(total, batchStart + batchScenarios) - batchStart) * regionRows;
        writer.write({ values: this.batchValues(batch), capacityRows, rowCount, batchStart });
        start(batch + 2);
      }
    } catch (error) {
      // The next batch may still have tasks in the workers: let them return before the sweep
      // ends, so the pool is never closed under a task whose answer is still on its way.
      this.stop();
      await Promise.allSettled(batches);
      throw error;
    }
  }
}

/** Opens the table writer of `format` on `file`. */
export function openWriter(format: 'arrow' | 'csv', file: string, dataset: Dataset, plan: SweepPlan): SweepTableWriter {
  const layout = { regionIds: dataset.regions.map((region) => region.id), axisPaths: plan.axisPaths };
  return format === 'csv' ? createCsvTableWriter(file, layout) : createArrowTableWriter(file, layout);
}

/**
 * Writes `outFile` through `outFile.partial`, renamed only when `fill` completes; on any failure
 * the partial file is removed and the error passed on.
 */
export async function writeAtomically(
  outFile: string,
  open: (file: string) => SweepTableWriter,
  fill: (writer: SweepTableWriter) => Promise<void>,
): Promise<void> {
  const partialFile = `${outFile}.partial`;
  let writer: SweepTableWriter | undefined;
  try {
    writer = open(partialFile);
    await fill(writer);
    const finished = writer;
    writer = undefined;
    finished.close();
    renameSync(partialFile, outFile);
  } catch (error) {
    try {
      writer?.close();
    } catch {
      // The file is removed below; a failing close must not hide the original error.
    }
    rmSync(partialFile, { force: true });
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Runs sweeps on a pool of worker threads (or in this thread when `workers` is 0). Batches of
 * scenarios are evaluated into shared Float64 columns and streamed to the output file as record
 * batches while the next batch is computed, so memory stays bounded by two batches.
 */
export class SweepRunner implements SweepExecutor {
  readonly threads: number;
  private readonly pool: Piscina<SweepChunkTask, SweepChunkResult> | undefined;

  constructor(options: { workers?: number } = {}) {
    this.threads = options.workers ?? Math.max(1, availableParallelism());
    this.pool = this.threads > 0 ? createSweepPool(this.threads) : undefined;
  }

  /**
   * Runs `plan` on `dataset`, writing the table to `outFile` (via `outFile.partial`, renamed when
   * complete). A scenario `evaluate` would reject fails the sweep with a ValidationError naming it.
   */
  async run(dataset: Dataset, plan: SweepPlan, options: SweepRunOptions): Promise<SweepSummary> {
    const started = performance.now();
    if (options.signal?.aborted) throw abortError();
    const format = options.format ?? 'arrow';
    const execution = new SweepExecution(this.pool, dataset, plan, options, Math.max(1, this.threads));
    const total = execution.layout.total;
    const onAbort = () => execution.stop();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const onProgress = options.onProgress;
    const progressTimer = onProgress
      ? setInterval(() => onProgress(Atomics.load(execution.progress, 0), total), 100)
      : undefined;
    try {
      await writeAtomically(
        options.outFile,
        (file) => openWriter(format, file, dataset, plan),
        (writer) => execution.computeAndWrite(writer),
      );
    } catch (error) {
      execution.stop();
      if (options.signal?.aborted) throw abortError();
      throw error;
    } finally {
      if (progressTimer) clearInterval(progressTimer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    onProgress?.(total, total);
    return finishedSummary(total, execution.layout.regionRows, started, execution.hourlyRuns, options.outFile, format);
  }

  /** Where the sweeps run, for the CLI's summary line. */
  describe(): string {
    return `${this.threads} worker(s)`;
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
