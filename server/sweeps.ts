import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import {
  ACTIVE_SWEEP_STATUSES,
  isActiveSweepStatus,
  isRerunnableSweepStatus,
  createSweepExecutor,
  parseSweep,
  type ParetoPoint,
  type SensitivityResult,
  type SweepFaults,
  type SweepExecutor,
  type SweepPlan,
  type SweepStatus,
  type SweepSummary,
} from '../engine/index.ts';
import type { DatasetCatalog } from './datasets.ts';
import type { Db } from './db.ts';
import { conflict, HttpError, InputError, notFound, withInputErrors } from './errors.ts';
import { newId } from './ids.ts';
import { paretoOf, sensitivityOf } from './sweep-results.ts';

/** What the API shows of a finished run: the runner's summary without the server-side file. */
export type SweepResultSummary = Omit<SweepSummary, 'outFile' | 'format'>;

export interface SweepJobView {
  id: string;
  name: string;
  dataset: string;
  status: SweepStatus;
  progress: { done: number; total: number };
  axisPaths: string[];
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  summary: SweepResultSummary | null;
}

/** An event of a job's progress stream (SSE). */
export type SweepEvent =
  | { event: 'progress'; data: { done: number; total: number } }
  | { event: 'done'; data: { status: 'done'; summary: SweepResultSummary | null } }
  | { event: 'failed'; data: { status: 'failed' | 'interrupted'; error: string | null } }
  | { event: 'cancelled'; data: { status: 'cancelled' } };

interface SweepRow {
  id: string;
  name: string;
  dataset: string;
  spec_json: string;
  axis_paths_json: string;
  status: SweepStatus;
  done: number;
  total: number;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  summary_json: string | null;
}

interface ActiveJob {
  abort: AbortController;
  finished: Promise<void>;
  done: number;
  total: number;
  shuttingDown: boolean;
}

export interface SweepJobsOptions {
  db: Db;
  sweepsDir: string;
  datasets: DatasetCatalog;
  maxConcurrent: number;
  maxScenarios: number;
  workers: number;
  /** Redis URL of remote sweep workers (SAMENHANG_REDIS_URL, docs/scale-out.md); absent: the local pool. */
  redisUrl?: string;
  log: FastifyBaseLogger;
  /** Tests only: faults to inject into the workers of a job (see AppOptions.sweepFaults). */
  faults?: (job: { id: string; name: string }) => SweepFaults | undefined;
}

/** Tornado analyses kept in memory (each is a few numbers per axis); the oldest is dropped beyond this. */
const SENSITIVITY_CACHE_SIZE = 256;

const INTERRUPTED_MESSAGE = 'the server stopped before the sweep finished; re-run it with POST /api/sweeps/:id/rerun';

/**
 * Sweep jobs: validated on submit, run on one long-lived worker pool, state in SQLite, results as
 * Arrow files in `<dataDir>/sweeps/<id>.arrow`. Jobs found running at startup are `interrupted`.
 */
export class SweepJobs {
  private readonly active = new Map<string, ActiveJob>();
  private readonly events = new EventEmitter();
  private readonly paretoCache = new Map<string, Promise<ParetoPoint[]>>();
  /** Keyed by `id output region`; a re-run drops the entries of its id. */
  private readonly sensitivityCache = new Map<string, Promise<{ regions: string[] } & SensitivityResult>>();
  /** Created at the first sweep: the local pool, or the remote workers' queue with a Redis URL. */
  private runner: Promise<SweepExecutor> | undefined;
  private closed = false;

  constructor(private readonly options: SweepJobsOptions) {
    this.events.setMaxListeners(0);
    const { db, sweepsDir } = options;
    const active = ACTIVE_SWEEP_STATUSES.map(() => '?').join(', ');
    db.prepare(`UPDATE sweeps SET status = 'interrupted', error = ?, finished_at = ? WHERE status IN (${active})`).run(
      INTERRUPTED_MESSAGE,
      new Date().toISOString(),
      ...ACTIVE_SWEEP_STATUSES,
    );
    if (existsSync(sweepsDir)) {
      for (const file of readdirSync(sweepsDir))
        if (file.endsWith('.partial')) rmSync(join(sweepsDir, file), { force: true });
    }
  }

  /** Number of sweeps queued or running. */
  get runningCount(): number {
    return this.active.size;
  }

  resultFile(id: string): string {
    return join(this.options.sweepsDir, `${id}.arrow`);
  }

  /** Validates a sweep spec and starts it; 429 when the concurrency limit is reached. */
  submit(spec: unknown, datasetId: string | undefined): SweepJobView {
    const dataset = this.options.datasets.get(datasetId);
    const datasetName = datasetId ?? this.options.datasets.defaultId;
    const plan = withInputErrors(() => parseSweep(spec, dataset, { maxScenarios: this.options.maxScenarios }));
    this.ensureCapacity(); // after validation: a bad spec is a 400 even when the server is busy
    const id = newId();
    this.options.db
      .prepare(
        `INSERT INTO sweeps (id, name, dataset, spec_json, axis_paths_json, status, done, total, attempts, created_at)
         VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, 1, ?)`,
      )
      .run(
        id,
        plan.name,
        datasetName,
        JSON.stringify(spec),
        JSON.stringify(plan.axisPaths),
        plan.scenarioCount,
        new Date().toISOString(),
      );
    this.start(id, datasetName, plan);
    return this.get(id);
  }

  /** Runs an interrupted, failed or cancelled job again under the same id. */
  rerun(id: string): SweepJobView {
    const row = this.row(id);
    if (!isRerunnableSweepStatus(row.status))
      throw conflict(`a ${row.status} sweep cannot be re-run`, { status: row.status });
    this.ensureCapacity();
    const dataset = this.options.datasets.get(row.dataset);
    const plan = withInputErrors(() =>
      parseSweep(JSON.parse(row.spec_json), dataset, { maxScenarios: this.options.maxScenarios }),
    );
    this.paretoCache.delete(id);
    for (const key of this.sensitivityCache.keys()) if (key.startsWith(`${id} `)) this.sensitivityCache.delete(key);
    this.options.db
      .prepare(
        `UPDATE sweeps SET status = 'queued', done = 0, total = ?, attempts = attempts + 1, started_at = NULL, finished_at = NULL,
         error = NULL, summary_json = NULL WHERE id = ?`,
      )
      .run(plan.scenarioCount, id);
    this.start(id, row.dataset, plan);
    return this.get(id);
  }

  /** Cancels a queued or running job and waits until it has stopped. */
  async cancel(id: string): Promise<SweepJobView> {
    const row = this.row(id);
    const job = this.active.get(id);
    if (!job) throw conflict(`the sweep is ${row.status}, not running`, { status: row.status });
    job.abort.abort();
    await job.finished;
    return this.get(id);
  }

  get(id: string): SweepJobView {
    return this.view(this.row(id));
  }

  spec(id: string): unknown {
    return JSON.parse(this.row(id).spec_json);
  }

  list(): SweepJobView[] {
    const rows = this.options.db.prepare<[], SweepRow>('SELECT * FROM sweeps ORDER BY created_at DESC, id').all();
    return rows.map((row) => this.view(row));
  }

  /** The result file of a finished job; 409 while it is not done. */
  doneResult(id: string): { file: string; job: SweepJobView } {
    const job = this.get(id);
    if (job.status !== 'done')
      throw conflict(`the sweep is ${job.status}; results exist only when it is done`, { status: job.status });
    const file = this.resultFile(id);
    if (!existsSync(file)) throw new HttpError(410, 'the result file of this sweep is gone');
    return { file, job };
  }

  pareto(id: string): Promise<ParetoPoint[]> {
    const { file, job } = this.doneResult(id);
    let cached = this.paretoCache.get(id);
    if (!cached) {
      cached = paretoOf(file, job.axisPaths);
      cached.catch(() => this.paretoCache.delete(id));
      this.paretoCache.set(id, cached);
    }
    return cached;
  }

  /**
   * Tornado analysis of a finished sweep: the effect of each axis on `output` (a MODEL.md output
   * name, checked by the route) in `region` ('NL' or a region id of the result); 400 for a region
   * the result does not hold.
   */
  async sensitivity(id: string, output: string, region: string): Promise<SensitivityResult> {
    const { file, job } = this.doneResult(id);
    const key = `${id} ${output} ${region}`;
    let cached = this.sensitivityCache.get(key);
    if (!cached) {
      cached = sensitivityOf(file, job.axisPaths, output, region);
      cached.catch(() => this.sensitivityCache.delete(key));
      this.sensitivityCache.set(key, cached);
      if (this.sensitivityCache.size > SENSITIVITY_CACHE_SIZE)
        this.sensitivityCache.delete(this.sensitivityCache.keys().next().value!);
    }
    const { regions, axes, axesWithoutBar } = await cached;
    if (!regions.includes(region)) {
      const examples = regions
        .filter((r) => r !== 'NL')
        .slice(0, 2)
        .join(', ');
      throw new InputError([
        {
          path: 'query.region',
          message: `unknown region '${region}': use NL or a region id of the sweep's dataset (${examples}, …)`,
        },
      ]);
    }
    return { axes, axesWithoutBar };
  }

  /**
   * Events of a job until it ends: the current progress first, then progress updates (coalesced)
   * and one final `done`, `failed` or `cancelled` event.
   */
  async *stream(id: string, signal?: AbortSignal): AsyncGenerator<SweepEvent> {
    const pending: SweepEvent[] = [];
    let wake: (() => void) | undefined;
    const listener = (event: SweepEvent) => {
      const last = pending[pending.length - 1];
      if (event.event === 'progress' && last?.event === 'progress') pending[pending.length - 1] = event;
      else pending.push(event);
      wake?.();
    };
    const onAbort = () => wake?.();
    this.events.on(id, listener);
    signal?.addEventListener('abort', onAbort);
    try {
      const job = this.get(id);
      yield { event: 'progress', data: job.progress };
      const final = finalEvent(job);
      if (final) {
        yield final;
        return;
      }
      while (!signal?.aborted) {
        if (pending.length === 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const event = pending.shift()!;
        yield event;
        if (event.event !== 'progress') return;
      }
    } finally {
      this.events.off(id, listener);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Stops every running job (marked `interrupted`, re-runnable) and the worker pool. */
  async close(): Promise<void> {
    this.closed = true;
    const jobs = [...this.active.values()];
    for (const job of jobs) {
      job.shuttingDown = true;
      job.abort.abort();
    }
    await Promise.all(jobs.map((job) => job.finished));
    const runner = this.runner;
    this.runner = undefined;
    await (await runner)?.close();
  }

  private ensureCapacity(): void {
    if (this.closed) throw new HttpError(503, 'the server is shutting down');
    if (this.active.size >= this.options.maxConcurrent) {
      throw new HttpError(
        429,
        `too many sweeps running (at most ${this.options.maxConcurrent}); try again when one has finished`,
        { limit: this.options.maxConcurrent },
        { 'retry-after': '10' },
      );
    }
  }

  private start(id: string, datasetId: string, plan: SweepPlan): void {
    const abort = new AbortController();
    const job: ActiveJob = {
      abort,
      finished: Promise.resolve(),
      done: 0,
      total: plan.scenarioCount,
      shuttingDown: false,
    };
    this.active.set(id, job);
    job.finished = this.run(id, datasetId, plan, job).finally(() => this.active.delete(id));
  }

  private async run(id: string, datasetId: string, plan: SweepPlan, job: ActiveJob): Promise<void> {
    const { db, log } = this.options;
    const now = () => new Date().toISOString();
    try {
      await new Promise((resolve) => setImmediate(resolve)); // answer the request first
      if (job.abort.signal.aborted) throw Object.assign(new Error('sweep cancelled'), { name: 'AbortError' });
      const dataset = this.options.datasets.get(datasetId);
      this.runner ??= createSweepExecutor({
        workers: this.options.workers,
        redisUrl: this.options.redisUrl,
        redisWhere: 'SAMENHANG_REDIS_URL',
      });
      const runner = await this.runner;
      db.prepare(`UPDATE sweeps SET status = 'running', started_at = ? WHERE id = ?`).run(now(), id);
      this.emit(id, { event: 'progress', data: { done: 0, total: job.total } });
      const summary: SweepSummary = await runner.run(dataset, plan, {
        outFile: this.resultFile(id),
        format: 'arrow',
        signal: job.abort.signal,
        faults: this.options.faults?.({ id, name: plan.name }),
        onProgress: (done, total) => {
          if (done === job.done) return;
          job.done = done;
          this.emit(id, { event: 'progress', data: { done, total } });
        },
      });
      const shown: SweepResultSummary = {
        scenarios: summary.scenarios,
        rows: summary.rows,
        seconds: summary.seconds,
        scenariosPerSecond: summary.scenariosPerSecond,
        hourlyRuns: summary.hourlyRuns,
      };
      db.prepare(`UPDATE sweeps SET status = 'done', done = ?, finished_at = ?, summary_json = ? WHERE id = ?`).run(
        summary.scenarios,
        now(),
        JSON.stringify(shown),
        id,
      );
      log.info({ sweep: id, scenarios: summary.scenarios, seconds: summary.seconds }, 'sweep done');
      this.emit(id, { event: 'done', data: { status: 'done', summary: shown } });
    } catch (error) {
      const aborted = (error as Error).name === 'AbortError' || job.abort.signal.aborted;
      if (aborted && job.shuttingDown) {
        this.record(id, () =>
          db
            .prepare(`UPDATE sweeps SET status = 'interrupted', done = ?, finished_at = ?, error = ? WHERE id = ?`)
            .run(job.done, now(), INTERRUPTED_MESSAGE, id),
        );
        this.emit(id, { event: 'failed', data: { status: 'interrupted', error: INTERRUPTED_MESSAGE } });
      } else if (aborted) {
        this.record(id, () =>
          db
            .prepare(`UPDATE sweeps SET status = 'cancelled', done = ?, finished_at = ? WHERE id = ?`)
            .run(job.done, now(), id),
        );
        this.emit(id, { event: 'cancelled', data: { status: 'cancelled' } });
      } else {
        log.error({ err: error, sweep: id }, 'sweep failed');
        // A result written before the failure (say, the database could not record "done") is not a result.
        try {
          rmSync(this.resultFile(id), { force: true });
        } catch {
          // The folder itself is unusable (the likely reason of the failure): there is no file to remove.
        }
        // Shown to clients: keep the reason, not the server's folders.
        const message = failureReason(error).split(this.options.sweepsDir).join('<data-dir>/sweeps');
        try {
          db.prepare(`UPDATE sweeps SET status = 'failed', done = ?, finished_at = ?, error = ? WHERE id = ?`).run(
            job.done,
            now(),
            message,
            id,
          );
        } catch (dbError) {
          // The database itself cannot be written (disk full, read-only): the job stays unfinished in it and is
          // marked interrupted at the next start. Never let this reject: an unhandled rejection would end the server.
          log.error({ err: dbError, sweep: id }, 'cannot record the failed sweep');
        }
        this.emit(id, { event: 'failed', data: { status: 'failed', error: message } });
      }
    }
  }

  /** Records a job's end in the database; a database that cannot be written is logged, never thrown from a job. */
  private record(id: string, write: () => unknown): void {
    try {
      write();
    } catch (error) {
      this.options.log.error({ err: error, sweep: id }, 'cannot record the end of the sweep');
    }
  }

  private emit(id: string, event: SweepEvent): void {
    this.events.emit(id, event);
  }

  private row(id: string): SweepRow {
    const row = this.options.db.prepare<[string], SweepRow>('SELECT * FROM sweeps WHERE id = ?').get(id);
    if (!row) throw notFound(`sweep ${id}`);
    return row;
  }

  private view(row: SweepRow): SweepJobView {
    const live = this.active.get(row.id);
    return {
      id: row.id,
      name: row.name,
      dataset: row.dataset,
      status: row.status,
      progress: { done: live ? live.done : row.done, total: row.total },
      axisPaths: JSON.parse(row.axis_paths_json) as string[],
      attempts: row.attempts,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      error: row.error,
      summary: row.summary_json ? (JSON.parse(row.summary_json) as SweepResultSummary) : null,
    };
  }
}

/** Why a sweep failed, in words a user can act on (the file system's errors say little by their code). */
function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `the data directory is full, so the result could not be written (${message}); free space and re-run the sweep`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `the data directory cannot be written (${message}); re-run the sweep when it can`;
  if (/^worker exited|terminated/i.test(message))
    return `a sweep worker stopped unexpectedly (${message}); re-run the sweep`;
  return message;
}

function finalEvent(job: SweepJobView): SweepEvent | undefined {
  if (isActiveSweepStatus(job.status)) return undefined;
  if (job.status === 'done') return { event: 'done', data: { status: 'done', summary: job.summary } };
  if (job.status === 'cancelled') return { event: 'cancelled', data: { status: 'cancelled' } };
  return {
    event: 'failed',
    data: { status: job.status === 'interrupted' ? 'interrupted' : 'failed', error: job.error },
  };
}
