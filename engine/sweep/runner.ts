import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { renameSync, rmSync } from 'node:fs';
import type { Piscina } from 'piscina';
import type { Dataset } from '../data/types.ts';
import { OUTPUT_COUNT } from '../model/outputs.ts';
import { createSweepContext, evaluateSweepRange } from './evaluate-range.ts';
import { createSweepPool } from './pool.ts';
import type { SweepChunkResult, SweepChunkTask, SweepFaults } from './protocol.ts';
import { shareDataset } from './shared-dataset.ts';
import type { SweepPlan } from './spec.ts';
import { createArrowTableWriter, createCsvTableWriter, type SweepTableWriter } from './table-writer.ts';

/** Options of one sweep run. */
export interface SweepRunOptions {
  outFile: string;
  format?: 'arrow' | 'csv';
  /** Scenarios per worker task; default spreads each batch over about 16 tasks per thread. */
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

const BATCH_BYTES = 16 * 1024 * 1024;

function abortError(): Error {
  const error = new Error('sweep cancelled');
  error.name = 'AbortError';
  return error;
}

/**
 * Runs sweeps on a pool of worker threads (or in this thread when `workers` is 0). Batches of
 * scenarios are evaluated into shared Float64 columns and streamed to the output file as record
 * batches while the next batch is computed, so memory stays bounded by two batches.
 */
export class SweepRunner {
  readonly threads: number;
  private readonly pool: Piscina<SweepChunkTask, SweepChunkResult> | undefined;

  constructor(options: { workers?: number } = {}) {
    this.threads = options.workers ?? Math.max(1, availableParallelism());
    this.pool = this.threads > 0 ? createSweepPool(this.threads) : undefined;
  }

  /** Runs `plan` on `dataset`, writing the table to `outFile` (via `outFile.partial`, renamed when complete). */
  async run(dataset: Dataset, plan: SweepPlan, options: SweepRunOptions): Promise<SweepSummary> {
    const started = performance.now();
    const format = options.format ?? 'arrow';
    const total = plan.scenarioCount;
    const regionRows = dataset.regions.length + 1;
    const columnCount = plan.axes.length + OUTPUT_COUNT;
    const batchScenarios = Math.max(
      1,
      Math.min(total, options.batchScenarios ?? Math.floor(BATCH_BYTES / (regionRows * columnCount * 8))),
    );
    const capacityRows = batchScenarios * regionRows;
    const buffers = [0, 1].map(() => new SharedArrayBuffer(capacityRows * columnCount * 8));
    const progress = new Int32Array(new SharedArrayBuffer(4));
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const threads = Math.max(1, this.threads);
    // Many small tasks per thread keep both threads busy to the end of a batch (a batch's last
    // task is the idle tail of the other thread); at ~1.5 ms per scenario a task is still ≫ the
    // ~0.15 ms piscina needs to hand it over.
    const chunkSize = Math.max(1, options.chunkSize ?? Math.ceil(batchScenarios / (threads * 16)));
    const taskAbort = new AbortController();
    // Every queued task listens to this signal; there are more than Node's default 10.
    setMaxListeners(Number.POSITIVE_INFINITY, taskAbort.signal);
    const onAbort = () => {
      Atomics.store(cancel, 0, 1);
      taskAbort.abort(abortError());
    };
    if (options.signal?.aborted) throw abortError();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const partialFile = `${options.outFile}.partial`;
    const layout = { regionIds: dataset.regions.map((region) => region.id), axisPaths: plan.axisPaths };
    let writer: SweepTableWriter | undefined;
    const progressTimer = options.onProgress
      ? setInterval(() => options.onProgress!(Atomics.load(progress, 0), total), 100)
      : undefined;
    const runId = randomUUID();
    const shared = this.pool ? shareDataset(dataset) : undefined;
    const inThread = this.pool ? undefined : createSweepContext(dataset, plan);
    let hourlyRuns = 0;

    const runBatch = async (batch: number): Promise<void> => {
      const batchStart = batch * batchScenarios;
      const batchEnd = Math.min(total, batchStart + batchScenarios);
      const columns = buffers[batch % 2];
      const chunks: Promise<SweepChunkResult>[] = [];
      for (let from = batchStart; from < batchEnd; from += chunkSize) {
        const to = Math.min(batchEnd, from + chunkSize);
        if (this.pool && shared) {
          const task: SweepChunkTask = {
            runId,
            dataset: shared,
            plan,
            from,
            to,
            batchStart,
            capacityRows,
            columns,
            progress: progress.buffer as SharedArrayBuffer,
            cancel: cancel.buffer as SharedArrayBuffer,
            faults: options.faults,
          };
          chunks.push(this.pool.run(task, { signal: taskAbort.signal }));
        } else {
          // In-thread: yield between chunks so timers, progress and cancellation still run.
          await new Promise((resolve) => setImmediate(resolve));
          const faultAt = options.faults?.throwAtScenario ?? options.faults?.exitAtScenario;
          if (faultAt !== undefined && faultAt >= from && faultAt < to)
            throw new Error(`injected fault at scenario ${faultAt}`);
          const runsBefore = inThread!.hourlyRuns;
          const done = evaluateSweepRange(
            inThread!,
            from,
            to,
            { values: new Float64Array(columns), capacityRows, batchStart },
            progress,
            cancel,
          );
          chunks.push(Promise.resolve({ done, hourlyRuns: inThread!.hourlyRuns - runsBefore }));
        }
      }
      const results = await Promise.allSettled(chunks);
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw (failure as PromiseRejectedResult).reason;
      for (const result of results) hourlyRuns += (result as PromiseFulfilledResult<SweepChunkResult>).value.hourlyRuns;
      if (Atomics.load(cancel, 0) !== 0) throw abortError();
    };

    try {
      writer =
        format === 'csv' ? createCsvTableWriter(partialFile, layout) : createArrowTableWriter(partialFile, layout);
      const batchCount = Math.ceil(total / batchScenarios);
      // Two buffers: batch b + 1 is queued while batch b computes, and batch b + 2 as soon as
      // batch b is written out, so the workers never wait for the writer or a batch's tail.
      const batches: Promise<void>[] = [];
      const start = (batch: number) => {
        if (batch >= batchCount) return;
        batches[batch] = runBatch(batch);
        batches[batch].catch(() => undefined); // awaited in order below; no unhandled rejection meanwhile
      };
      start(0);
      start(1);
      for (let batch = 0; batch < batchCount; batch++) {
        await batches[batch];
        const batchStart = batch * batchScenarios;
        const rowCount = (Math.min(total, batchStart + batchScenarios) - batchStart) * regionRows;
        writer.write({ values: new Float64Array(buffers[batch % 2]), capacityRows, rowCount, batchStart });
        start(batch + 2);
      }
      writer.close();
      writer = undefined;
      renameSync(partialFile, options.outFile);
    } catch (error) {
      Atomics.store(cancel, 0, 1);
      try {
        writer?.close();
      } catch {
        // The file is removed below; a failing close must not hide the original error.
      }
      rmSync(partialFile, { force: true });
      if (options.signal?.aborted) throw abortError();
      throw error instanceof Error ? error : new Error(String(error));
    } finally {
      if (progressTimer) clearInterval(progressTimer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    options.onProgress?.(total, total);
    const seconds = (performance.now() - started) / 1000;
    return {
      scenarios: total,
      rows: total * regionRows,
      seconds,
      scenariosPerSecond: total / seconds,
      hourlyRuns,
      outFile: options.outFile,
      format,
    };
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
