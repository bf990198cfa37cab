/**
 * `npm run bench:scale-out [-- --record]`: the scale-out's overhead and scaling on this machine.
 * Starts a private redis-server and times one Monte Carlo sweep (bundled data, every scenario its
 * own hourly run, long enough to take 10–20 s on one thread) three ways: the local pool with one
 * thread, one remote `samenhang worker --threads 1` process, and two such processes; in interleaved
 * rounds whose order rotates, reporting medians and ranges. Everything timed runs on the compiled
 * engine and is warm first: the coordinator and the local pool live in one child process
 * (scale-out-child.mjs), and a worker is timed only once its log shows it has loaded the dataset.
 * Each run's file must equal the local pool's byte for byte. Also measures what limits a large
 * run: CPU time of the coordinator, the workers and Redis per scenario, and the Arrow bytes per
 * scenario through Redis. Writes bench/results/latest-scale-out.json, or with --record a new dated
 * bench/results/YYYY-MM-DD-scale-out.json (never overwriting one) and the Performance section of
 * docs/scale-out.md from it.
 * Environment: SCALE_OUT_SAMPLES (scenarios, default 8000), SCALE_OUT_ROUNDS (default 5),
 * SCALE_OUT_CHUNK (scenarios per chunk job; default the coordinator's own).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadDataset, OUTPUT_COUNT, parseSweep } from '../engine/index.ts';
import { startRedis } from '../engine/testing/redis-server.ts';
import { resultsFile } from './results-file.ts';
import { writeScaleOutSection } from './scale-out-figures.ts';
import { spreadOf } from './stats.ts';

const record = process.argv.includes('--record');
const ROUNDS = Number(process.env.SCALE_OUT_ROUNDS ?? 5);
const SAMPLES = Number(process.env.SCALE_OUT_SAMPLES ?? 8000);
const CHUNK = process.env.SCALE_OUT_CHUNK ? Number(process.env.SCALE_OUT_CHUNK) : undefined;
const ROOT = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-scale-out-'));

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/**
 * A Monte Carlo over physical and finance parameters, as the users' large runs are: every draw is
 * its own physical combination, so every scenario needs its own hourly run.
 */
const SPEC = {
  name: 'scale-out bench',
  base: { defaults: { storageMWh: 200, shareHybrid: 0.2, evCount: 20000 } },
  axes: [
    { path: 'defaults.solarShare', uniform: [0.1, 0.9] },
    { path: 'defaults.storageMW', uniform: [0, 200] },
    { path: 'defaults.wijkClustering', uniform: [0.3, 0.9] },
    { path: 'national.waccGrid', uniform: [0.02, 0.05] },
  ],
  samples: SAMPLES,
  seed: 2030,
};

/** CPU seconds a process has used so far, all its threads (Linux /proc, clock ticks of 10 ms). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A compiled `samenhang worker --threads 1` process and everything it printed. */
interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

function startWorker(url: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/samenhang.js'), 'worker', '--redis', url, '--threads', '1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('samenhang worker ready')) resolve({ child, output: () => out });
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
}

async function stopWorker(worker: WorkerProcess): Promise<void> {
  const exited = new Promise((resolve) => worker.child.once('exit', resolve));
  worker.child.kill('SIGTERM');
  await exited;
}

/** What the coordinator child reports for one run. */
interface ChildRun {
  seconds: number;
  cpuSeconds: number;
  hourlyRuns: number;
  scenarios: number;
}

/** The coordinator child: runs the sweep on the local pool or the remote workers, one at a time. */
class Coordinator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(specFile: string, warmSpecFile: string, redisUrl: string): Promise<Coordinator> {
    const child = fork(join(import.meta.dirname, 'scale-out-child.mjs'), [specFile, warmSpecFile, redisUrl], {
      execArgv: [], // plain node on dist/, no TypeScript loader
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the coordinator exited with ${code}`)));
    });
    return new Coordinator(child);
  }

  run(executor: 'local' | 'remote', sweep: 'timed' | 'warm', outFile: string): Promise<ChildRun> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (reply: ChildRun | { error: string }) =>
        'error' in reply ? reject(new Error(reply.error)) : resolve(reply),
      );
      // Warm-up sweeps in small chunks, so that every worker takes some of them.
      this.child.send({ executor, sweep, outFile, chunkSize: sweep === 'warm' ? 4 : CHUNK });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('close');
    await exited;
  }
}

if (!existsSync(join(ROOT, 'dist/engine/cli/main.js'))) throw new Error("run 'npm run build' first");
const dataset = loadDataset();
const plan = parseSweep(SPEC, dataset);
const specFile = join(scratch, 'spec.json');
writeFileSync(specFile, JSON.stringify(SPEC));
const warmSpecFile = join(scratch, 'warm.json');
writeFileSync(warmSpecFile, JSON.stringify({ ...SPEC, samples: 240 }));
const loadAtStart = loadavg();
const redis = await startRedis();
const coordinator = await Coordinator.start(specFile, warmSpecFile, redis.url);
const first = await startWorker(redis.url);

/** One timed run: wall seconds, and CPU seconds of the coordinator (or local pool), each worker and Redis. */
interface Timed {
  seconds: number;
  coordinatorCpu: number;
  workerCpu: number[];
  redisCpu: number;
  hash: string;
}

async function timed(
  executor: 'local' | 'remote',
  name: string,
  workers: WorkerProcess[] = [],
  sweep: 'timed' | 'warm' = 'timed',
): Promise<Timed> {
  const outFile = join(scratch, `${name}.arrow`);
  const workersBefore = workers.map((w) => processCpuSeconds(w.child.pid!));
  const redisBefore = processCpuSeconds(redis.process.pid!);
  const run = await coordinator.run(executor, sweep, outFile);
  const workerCpu = workers.map((w, i) => processCpuSeconds(w.child.pid!) - workersBefore[i]);
  const redisCpu = processCpuSeconds(redis.process.pid!) - redisBefore;
  if (run.hourlyRuns !== run.scenarios) throw new Error(`${name}: ${run.hourlyRuns} hourly runs, not one a scenario`);
  const hash = createHash('sha256').update(readFileSync(outFile)).digest('hex');
  rmSync(outFile);
  return { seconds: run.seconds, coordinatorCpu: run.cpuSeconds, workerCpu, redisCpu, hash };
}

/**
 * Runs small sweeps until `worker` has loaded the dataset (it takes a share of each sweep's
 * chunks), then one more so that its code is hot too.
 */
async function warm(worker: WorkerProcess, workers: WorkerProcess[]): Promise<void> {
  for (let attempt = 0; !worker.output().includes('loaded dataset'); attempt++) {
    if (attempt === 10) throw new Error('a worker did not take a chunk in 10 warm-up sweeps');
    await timed('remote', 'warm', workers, 'warm');
  }
  await timed('remote', 'warm', workers, 'warm');
}

log(
  `scale-out bench: ${plan.scenarioCount} scenarios, ${ROUNDS} rounds, chunk ${CHUNK ?? 'default'}, load average ${loadAtStart[0].toFixed(1)}`,
);
// Warm-up: the local pool's thread, the dataset published and loaded by the first worker, and
// the code of both compiled hot: one full run each.
const reference = (await timed('local', 'warm-local')).hash;
await warm(first, [first]);
await timed('remote', 'warm-remote', [first]);

type Config = 'local' | 'oneWorker' | 'twoWorkers';
const CONFIGS: Config[] = ['local', 'oneWorker', 'twoWorkers'];
const runs: Record<Config, Timed[]> = { local: [], oneWorker: [], twoWorkers: [] };

async function runConfig(config: Config): Promise<Timed> {
  if (config === 'local') return timed('local', 'local');
  if (config === 'oneWorker') return timed('remote', 'one', [first]);
  // A fresh second worker, warm before it is timed; stopped after, so that 'oneWorker' has one.
  const second = await startWorker(redis.url);
  try {
    await warm(second, [first, second]);
    return await timed('remote', 'two', [first, second]);
  } finally {
    await stopWorker(second);
  }
}

for (let round = 0; round < ROUNDS; round++) {
  // The order rotates, so no configuration always runs right after another (or first).
  const order = CONFIGS.map((_, i) => CONFIGS[(i + round) % CONFIGS.length]);
  for (const config of order) {
    const result = await runConfig(config);
    if (result.hash !== reference) throw new Error(`${config}: the result file differs from the local pool's`);
    runs[config].push(result);
  }
  log(
    `round ${round + 1}: local ${runs.local[round].seconds.toFixed(2)} s, one worker ${runs.oneWorker[round].seconds.toFixed(2)} s, two workers ${runs.twoWorkers[round].seconds.toFixed(2)} s (load ${loadavg()[0].toFixed(1)})`,
  );
}
await stopWorker(first);
await coordinator.close();
await redis.stop();
rmSync(scratch, { recursive: true, force: true });

const seconds = (config: Config) => runs[config].map((run) => run.seconds);
const perRound = (f: (i: number) => number) => spreadOf(runs.local.map((_, i) => f(i)));
const scenarios = plan.scenarioCount;
const one = runs.oneWorker;
const two = runs.twoWorkers;
/** CPU of one remote run, every process: coordinator, workers, Redis. */
const remoteCpu = (run: Timed) => run.coordinatorCpu + run.workerCpu.reduce((a, b) => a + b, 0) + run.redisCpu;
const regionRows = dataset.regions.length + 1;
const columns = plan.axes.length + OUTPUT_COUNT;
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    node: process.version,
    loadAverage: loadAtStart,
    loadAverageAtEnd: loadavg(),
  },
  sweep: {
    scenarios,
    hourlyRuns: scenarios,
    axes: plan.axisPaths,
    chunkScenarios: CHUNK ?? null,
  },
  rounds: ROUNDS,
  seconds: {
    localPoolOneThread: spreadOf(seconds('local')),
    oneRemoteWorker: spreadOf(seconds('oneWorker')),
    twoRemoteWorkers: spreadOf(seconds('twoWorkers')),
  },
  /** One remote worker against the local pool, same thread count, same round: target ≤ 0.10. */
  remoteOverhead: perRound((i) => one[i].seconds / runs.local[i].seconds - 1),
  /** Two single-thread worker processes against one, same round: target ≥ 1.7. */
  twoWorkerSpeedup: perRound((i) => one[i].seconds / two[i].seconds),
  /**
   * CPU time, which a busy machine distorts less than wall time: the local pool (its thread and
   * the writer) against one worker, the coordinator and Redis together (the queue's overhead in
   * work), and how evenly two workers split a sweep (2 = evenly: the speedup on free cores).
   */
  cpuSeconds: {
    localPoolOneThread: spreadOf(runs.local.map((run) => run.coordinatorCpu)),
    oneRemoteWorkerAndCoordinator: spreadOf(one.map(remoteCpu)),
    remoteCpuOverhead: perRound((i) => remoteCpu(one[i]) / runs.local[i].coordinatorCpu - 1),
    twoWorkerBalance: spreadOf(two.map((run) => (run.workerCpu[0] + run.workerCpu[1]) / Math.max(...run.workerCpu))),
    oneRemoteWorker: {
      worker: spreadOf(one.map((run) => run.workerCpu[0])),
      coordinator: spreadOf(one.map((run) => run.coordinatorCpu)),
      redis: spreadOf(one.map((run) => run.redisCpu)),
    },
  },
  limits: {
    /** Arrow IPC bytes a scenario's rows take through Redis (30 regions + NL, every column Float64). */
    bytesPerScenario: regionRows * columns * 8,
    /** Coordinator CPU per scenario (queueing, Redis round trips, decoding, writing the file). */
    coordinatorCpuSecondsPerScenario: spreadOf(one.map((run) => run.coordinatorCpu)).median / scenarios,
    /** Redis CPU per scenario (the queue's scripts, storing and serving the rows). */
    redisCpuSecondsPerScenario: spreadOf(one.map((run) => run.redisCpu)).median / scenarios,
    /** CPU of a worker process per scenario: its computing thread, and its main thread's queue work. */
    workerCpuSecondsPerScenario: spreadOf(one.map((run) => run.workerCpu[0])).median / scenarios,
    /** Wall seconds per scenario of one remote worker with one thread. */
    workerSecondsPerScenarioOneThread: spreadOf(seconds('oneWorker')).median / scenarios,
  },
};
const file = resultsFile({ record, quick: false, kind: 'scale-out', date: new Date(results.date) });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
if (record) writeScaleOutSection(file);
log(
  `overhead of one remote worker: ${(results.remoteOverhead.median * 100).toFixed(1)} % (target ≤ 10 %); ` +
    `two workers vs one: ${results.twoWorkerSpeedup.median.toFixed(2)}× (target ≥ 1.7×) → ${relative(ROOT, file)}` +
    (record ? '; docs/scale-out.md rewritten from it' : ''),
);
