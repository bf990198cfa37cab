/**
 * `npm run bench:scale-out [-- --record]`: the scale-out's overhead and scaling on this machine.
 * Starts a private redis-server, then times the same sweep (bundled data, physical and finance
 * axes) on the local pool with one thread, on one remote `samenhang worker --threads 1` process and
 * on two such processes, in interleaved rounds (median and range). Also measures what limits a
 * large run: the Arrow bytes per scenario that pass through Redis and the coordinator's CPU time
 * per scenario. Writes bench/results/latest-scale-out.json, or with --record a new dated
 * bench/results/YYYY-MM-DD-scale-out.json (never overwriting one) that docs/scale-out.md quotes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadDataset, parseSweep, SweepRunner, type SweepExecutor, type SweepSummary } from '../engine/index.ts';
import { OUTPUT_COUNT } from '../engine/model/outputs.ts';
import { parseRedisUrl } from '../engine/sweep/redis-url.ts';
import { RemoteSweepExecutor } from '../engine/sweep/remote-executor.ts';
import { startRedis } from '../engine/testing/redis-server.ts';
import { RESULTS_DIR } from './results-file.ts';
import { spreadOf } from './stats.ts';

const record = process.argv.includes('--record');
const ROUNDS = Number(process.env.SCALE_OUT_ROUNDS ?? 3);
const SAMPLES = Number(process.env.SCALE_OUT_SAMPLES ?? 400);
const ROOT = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-scale-out-'));

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Every sampled scenario needs its own hourly run; the grid WACC axis adds a finance-only variant. */
const SPEC = {
  name: 'scale-out bench',
  base: { defaults: { storageMW: 50, storageMWh: 200, shareHybrid: 0.2, evCount: 20000, wijkClustering: 0.7 } },
  axes: [
    { path: 'defaults.solarShare', uniform: [0.1, 0.9] },
    { path: 'defaults.storageMW', uniform: [0, 200] },
    { path: 'national.waccGrid', values: [0.02, 0.04] },
  ],
  samples: SAMPLES,
  seed: 2030,
};

/** A compiled `samenhang worker` process, resolved at its ready line. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/samenhang.js'), 'worker', '--redis', url, '--threads', '1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('samenhang worker ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

if (!existsSync(join(ROOT, 'dist/engine/cli/main.js'))) throw new Error("run 'npm run build' first");
const dataset = loadDataset();
const plan = parseSweep(SPEC, dataset);
const redis = await startRedis();
const target = parseRedisUrl(redis.url, '--redis');
const remote = new RemoteSweepExecutor({ redis: target });
const local = new SweepRunner({ workers: 1 });
const first = await startWorker(redis.url);

/** CPU seconds a process has used so far (Linux /proc, clock ticks of 10 ms). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Runs the sweep on `executor`; returns its summary, this process's CPU seconds (the coordinator,
 * or the local pool's threads) and the CPU seconds of each worker process in `workers`.
 */
async function timed(
  executor: SweepExecutor,
  name: string,
  workers: ChildProcess[] = [],
): Promise<{ summary: SweepSummary; cpuSeconds: number; workerCpu: number[] }> {
  const workersBefore = workers.map((w) => processCpuSeconds(w.pid!));
  const before = process.cpuUsage();
  const summary = await executor.run(dataset, plan, { outFile: join(scratch, `${name}.arrow`) });
  const used = process.cpuUsage(before);
  const workerCpu = workers.map((w, i) => processCpuSeconds(w.pid!) - workersBefore[i]);
  return { summary, cpuSeconds: (used.user + used.system) / 1e6, workerCpu };
}

log(`scale-out bench: ${plan.scenarioCount} scenarios, ${ROUNDS} rounds, load average ${loadavg()[0].toFixed(1)}`);
// Warm-up: threads started, the dataset published to Redis and loaded by the worker.
await timed(local, 'warm-local');
await timed(remote, 'warm-remote');
const seconds = { local: [] as number[], oneWorker: [] as number[], twoWorkers: [] as number[] };
const coordinatorCpuPerScenario: number[] = [];
/** CPU seconds: local pool (its threads), one worker + coordinator; the two workers' split of the work. */
const cpu = { local: [] as number[], oneWorker: [] as number[], twoWorkerBalance: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const localRun = await timed(local, 'local');
  seconds.local.push(localRun.summary.seconds);
  cpu.local.push(localRun.cpuSeconds);
  const one = await timed(remote, 'one', [first]);
  seconds.oneWorker.push(one.summary.seconds);
  cpu.oneWorker.push(one.cpuSeconds + one.workerCpu[0]);
  coordinatorCpuPerScenario.push(one.cpuSeconds / plan.scenarioCount);
  const second = await startWorker(redis.url);
  await timed(remote, 'warm-two'); // the second worker loads the dataset once
  const two = await timed(remote, 'two', [first, second]);
  seconds.twoWorkers.push(two.summary.seconds);
  // Total work over the busier worker's: 2 when the two share it evenly (what free cores turn into speed).
  cpu.twoWorkerBalance.push((two.workerCpu[0] + two.workerCpu[1]) / Math.max(...two.workerCpu));
  await stopWorker(second);
  log(
    `round ${round + 1}: local ${seconds.local[round].toFixed(2)} s, one worker ${seconds.oneWorker[round].toFixed(2)} s, two workers ${seconds.twoWorkers[round].toFixed(2)} s`,
  );
}
await stopWorker(first);
await remote.close();
await local.close();
await redis.stop();
rmSync(scratch, { recursive: true, force: true });

const overheads = seconds.oneWorker.map((s, i) => s / seconds.local[i] - 1);
const speedups = seconds.oneWorker.map((s, i) => s / seconds.twoWorkers[i]);
const regionRows = dataset.regions.length + 1;
const columns = plan.axes.length + OUTPUT_COUNT;
const bytesPerScenario = regionRows * columns * 8;
const perScenarioOneThread = spreadOf(seconds.oneWorker).median / plan.scenarioCount;
const coordinatorCpu = spreadOf(coordinatorCpuPerScenario).median;
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg() },
  sweep: { scenarios: plan.scenarioCount, hourlyRuns: SAMPLES, axes: plan.axisPaths },
  rounds: ROUNDS,
  seconds: {
    localPoolOneThread: spreadOf(seconds.local),
    oneRemoteWorker: spreadOf(seconds.oneWorker),
    twoRemoteWorkers: spreadOf(seconds.twoWorkers),
  },
  /** One remote worker against the local pool, same thread count: target ≤ 0.10. */
  remoteOverhead: spreadOf(overheads),
  /** Two single-thread worker processes against one: target ≥ 1.7. */
  twoWorkerSpeedup: spreadOf(speedups),
  /**
   * CPU time, which a busy machine does not distort as it does wall time: the local pool's
   * threads vs one worker process plus the coordinator (the queue's overhead in work), and how
   * evenly two workers split a sweep (2 = evenly: the speedup on free cores).
   */
  cpuSeconds: {
    localPoolOneThread: spreadOf(cpu.local),
    oneRemoteWorkerAndCoordinator: spreadOf(cpu.oneWorker),
    remoteCpuOverhead: spreadOf(cpu.oneWorker.map((c, i) => c / cpu.local[i] - 1)),
    twoWorkerBalance: spreadOf(cpu.twoWorkerBalance),
  },
  limits: {
    /** Arrow IPC bytes a scenario's rows take through Redis (30 regions + NL, every column Float64). */
    bytesPerScenario,
    /** Coordinator CPU per scenario (Redis round trips, decoding, writing the file). */
    coordinatorCpuSecondsPerScenario: coordinatorCpu,
    /** Remote worker seconds per scenario on one thread, this sweep's mix of hourly and finance runs. */
    workerSecondsPerScenarioOneThread: perScenarioOneThread,
  },
};
const day = results.date.slice(0, 10);
let file = join(RESULTS_DIR, 'latest-scale-out.json');
if (record) {
  for (let n = 1; ; n++) {
    file = join(RESULTS_DIR, `${day}-scale-out${n === 1 ? '' : `-${n}`}.json`);
    if (!existsSync(file)) break;
  }
}
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(
  `overhead of one remote worker: ${(results.remoteOverhead.median * 100).toFixed(1)} % (target ≤ 10 %); ` +
    `two workers vs one: ${results.twoWorkerSpeedup.median.toFixed(2)}× (target ≥ 1.7×) → ${relative(ROOT, file)}`,
);
