/**
 * `npx tsx bench/load.ts [--quick] [--record]`: a bounded load test of the HTTP server on 127.0.0.1.
 *
 * Starts `server/main.ts` in a child process on a free port of 127.0.0.1 with a fresh data directory
 * (the bundled 30-region dataset), then, each phase with a fixed concurrency, a fixed duration and a
 * request cap, stopping by itself:
 *   1. POST /api/evaluate (scenarios/zon-zwaar.json): requests per second, p50/p90/p99 latency;
 *   2. concurrent sweeps: two sweeps at once (the default limit), a third one refused with 429;
 *   3. GET /api/health while a large sweep runs (target p99 < 100 ms), and idle for comparison.
 * Writes bench/results/latest-load.json (ignored by git; `--record`: a new dated file such as
 * bench/results/2026-11-28-load.json, never overwritten) with the figures and the machine, and
 * prints a summary. Never talks to any address other than 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { resultsFile } from './results-file.ts';

const ROOT = resolve(import.meta.dirname, '..');
const HOST = '127.0.0.1';
const quick = process.argv.includes('--quick');
/** `--record`: write a new dated file (committed, quoted in docs/reliability.md) instead of latest-load.json. */
const record = process.argv.includes('--record');
/** The whole run stops after this long, whatever happens. */
const HARD_LIMIT_MS = quick ? 90_000 : 240_000;

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

interface PhaseResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statuses: Record<string, number>;
  errors: number;
  concurrency: number;
  durationLimitSeconds: number;
  requestCap: number;
}

/**
 * Runs `request` from `concurrency` loops until `durationMs` has passed, `cap` requests were sent,
 * or `until()` says stop. Each request's latency is measured from send to the whole body read.
 */
async function closedLoop(options: {
  concurrency: number;
  durationMs: number;
  cap: number;
  pauseMs?: number;
  until?: () => boolean;
  request: () => Promise<Response>;
}): Promise<PhaseResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const loop = async () => {
    while (sent < options.cap && performance.now() < deadline && !(options.until?.() ?? false)) {
      sent++;
      const t0 = performance.now();
      try {
        const res = await options.request();
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        errors++;
      }
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, x) => sum + x, 0) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    seconds: round(seconds, 3),
    requestsPerSecond: round(latencies.length / seconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? Number.NaN),
      mean: round(mean),
    },
    statuses,
    errors,
    concurrency: options.concurrency,
    durationLimitSeconds: options.durationMs / 1000,
    requestCap: options.cap,
  };
}

/** Starts the server on a free port of 127.0.0.1; resolves with its base URL. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    // the compiled server, as `npm start` runs it (`npm run bench` builds dist/ first)
    [join(ROOT, 'dist/server/main.js'), '--port', '0', '--host', HOST, '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, SAMENHANG_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolvePromise({ child, base: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samenhang-load-'));
  const { child, base } = await startServer(dataDir);
  if (new URL(base).hostname !== HOST) throw new Error(`refusing to load-test ${base}: only ${HOST}`);
  const hardStop = setTimeout(() => {
    log('load test: hard time limit reached, stopping');
    child.kill('SIGKILL');
    process.exit(1);
  }, HARD_LIMIT_MS);
  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const results: Record<string, unknown> = {};
  try {
    // Wait until the default dataset is loaded (the server loads it right after listening).
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${base}/api/evaluate`, json({}));
      await res.arrayBuffer();
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    // 1. evaluate
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/zon-zwaar.json'), 'utf8'));
    const evaluateBody = JSON.stringify(scenario);
    const evaluate = () =>
      fetch(`${base}/api/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: evaluateBody,
      });
    await closedLoop({ concurrency: 2, durationMs: 1000, cap: 50, request: evaluate }); // warm-up, not recorded
    const evaluateRuns: Record<string, PhaseResult> = {};
    for (const concurrency of [1, 4, 16]) {
      const result = await closedLoop({
        concurrency,
        durationMs: quick ? 4000 : 10_000,
        cap: quick ? 1000 : 5000,
        request: evaluate,
      });
      evaluateRuns[`concurrency${concurrency}`] = result;
      log(
        `evaluate c=${concurrency}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, statuses ${JSON.stringify(result.statuses)}`,
      );
    }
    results.evaluate = {
      dataset: 'nl-res30 (30 regions × 8760 h)',
      scenario: 'scenarios/zon-zwaar.json',
      ...evaluateRuns,
    };

    // 2. concurrent sweeps (default limit 2): both finish; a third is refused with 429 meanwhile.
    const sweepSpec = JSON.parse(readFileSync(join(ROOT, 'scenarios/sweeps/zon-wind.json'), 'utf8'));
    const submit = async (spec: unknown) => {
      const res = await fetch(`${base}/api/sweeps`, json(spec));
      return { status: res.status, body: (await res.json()) as { id?: string; total?: number } };
    };
    const waitDone = async (id: string, limitMs: number) => {
      const started = performance.now();
      for (;;) {
        const job = (await (await fetch(`${base}/api/sweeps/${id}`)).json()) as {
          status: string;
          summary: { seconds: number; scenariosPerSecond: number } | null;
        };
        if (!['queued', 'running'].includes(job.status))
          return { ...job, wallSeconds: (performance.now() - started) / 1000 };
        if (performance.now() - started > limitMs) {
          await fetch(`${base}/api/sweeps/${id}`, { method: 'DELETE' });
          return {
            ...job,
            status: 'cancelled by the load test (time limit)',
            wallSeconds: (performance.now() - started) / 1000,
          };
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const t0 = performance.now();
    const [a, b] = await Promise.all([
      submit({ ...sweepSpec, name: 'load-a' }),
      submit({ ...sweepSpec, name: 'load-b' }),
    ]);
    const third = await submit({ ...sweepSpec, name: 'load-c' });
    const [doneA, doneB] = await Promise.all([waitDone(a.body.id!, 60_000), waitDone(b.body.id!, 60_000)]);
    results.concurrentSweeps = {
      spec: 'scenarios/sweeps/zon-wind.json (126 scenarios each, 30 regions)',
      submitted: [a.status, b.status],
      thirdWhileBusy: third.status,
      statuses: [doneA.status, doneB.status],
      wallSecondsBoth: round((performance.now() - t0) / 1000, 2),
      sweepSeconds: [doneA.summary?.seconds, doneB.summary?.seconds].map((s) => (s === undefined ? null : round(s, 2))),
      scenariosPerSecondTotal: round((2 * 126) / ((performance.now() - t0) / 1000), 1),
    };
    log(`concurrent sweeps: ${JSON.stringify(results.concurrentSweeps)}`);

    // 3. health: idle, then while a large sweep runs.
    const health = () => fetch(`${base}/api/health`);
    const idle = await closedLoop({ concurrency: 1, durationMs: 3000, cap: 2000, pauseMs: 5, request: health });
    const samples = quick ? 4000 : 12_000;
    const large = await submit({
      name: 'load-large',
      base: {},
      axes: [
        { path: 'defaults.solarShare', uniform: [0, 1] },
        { path: 'defaults.storageMW', uniform: [0, 200] },
      ],
      samples,
      seed: 1,
    });
    let sweepFinished = false;
    const largeDone = waitDone(large.body.id!, quick ? 40_000 : 90_000).then((job) => {
      sweepFinished = true;
      return job;
    });
    await new Promise((r) => setTimeout(r, 300)); // let the workers start
    const busy = await closedLoop({
      concurrency: 1,
      durationMs: quick ? 30_000 : 80_000,
      cap: 20_000,
      pauseMs: 5,
      until: () => sweepFinished,
      request: health,
    });
    const largeJob = await largeDone;
    results.health = {
      idle,
      duringLargeSweep: busy,
      largeSweep: {
        scenarios: samples,
        regions: 30,
        status: largeJob.status,
        seconds: largeJob.summary ? round(largeJob.summary.seconds, 2) : null,
        scenariosPerSecond: largeJob.summary ? round(largeJob.summary.scenariosPerSecond, 1) : null,
      },
      targetP99Ms: 100,
      met: busy.latencyMs.p99 < 100,
    };
    log(
      `health idle: p50 ${idle.latencyMs.p50} ms, p99 ${idle.latencyMs.p99} ms; during a ${samples}-scenario sweep: p50 ${busy.latencyMs.p50} ms, p99 ${busy.latencyMs.p99} ms, max ${busy.latencyMs.max} ms (${busy.requests} requests)`,
    );
  } finally {
    clearTimeout(hardStop);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }

  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const report = {
    command: `npx tsx bench/load.ts${quick ? ' --quick' : ''}${record ? ' --record' : ''}`,
    date: new Date().toISOString(),
    commit,
    machine: {
      nproc: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      sweepWorkers: availableParallelism(),
    },
    ...results,
  };
  // A quick run is never recorded: the docs quote full runs only.
  const file = resultsFile({ record: record && !quick, quick, kind: 'load', date: new Date(report.date) });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${relative(ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`load test failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
