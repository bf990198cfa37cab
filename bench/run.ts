/**
 * `npm run bench [-- --quick] [-- --check] [-- --record]`: tinybench timings of the kernel and one
 * national evaluation, whole-sweep timings with 1 and 2 workers (interleaved rounds, median and
 * range of the speedup, and how the CPU time was split over the worker threads), the cost of a
 * finance-only axis against a physical one, the 10,000- and 50,000-scenario sweeps each in a
 * process of its own (time, peak memory), and the start-up of the compiled CLI. Every sweep runs
 * the compiled engine in dist/, as `samenhang sweep` and the server do. Writes bench/results/latest.json (latest-quick.json with --quick;
 * both ignored by git); with --record a new dated file instead (bench/results-file.ts) and the
 * README's table from it. With --check exits 1 when a ratio crosses its floor in bench/floors.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { Bench } from 'tinybench';
import { evaluateRows, loadDataset, parseScenario, type Dataset, type SweepSpecInput } from '../engine/index.ts';
import { KERNEL_OUTPUT_COUNT, runRegionHours } from '../engine/kernel/region-hours.ts';
import { kernelInputFor, resolveScenario } from '../engine/model/evaluate.ts';
import { cliStartup } from './cli-startup.ts';
import { plainNetLoop } from './plain-loop.ts';
import { writeReadmeFigures } from './readme-figures.ts';
import { RESULTS_DIR, resultsFile } from './results-file.ts';
import { median, spreadOf } from './stats.ts';
import { measureThreadWork } from './thread-cpu.ts';

const quick = process.argv.includes('--quick');
const check = process.argv.includes('--check');
const record = process.argv.includes('--record');
const scratch = mkdtempSync(join(tmpdir(), 'samenhang-bench-'));
const dataset = loadDataset();
/**
 * The compiled engine (dist/, built by `npm run bench`) for the sweeps: its worker threads run
 * JavaScript without the TypeScript loader this process runs under (see engine/sweep/pool.ts).
 */
const compiled = (await import(
  new URL('../dist/engine/index.js', import.meta.url).href
)) as typeof import('../engine/index.ts');
type CompiledSweepRunner = InstanceType<typeof compiled.SweepRunner>;
const sweepDataset = compiled.loadDataset();
const regionHours = dataset.regions.length * dataset.hours;
const LEVERS = {
  defaults: {
    storageMW: 50,
    storageMWh: 200,
    fieldSolarClip: 0.8,
    shareHybrid: 0.2,
    shareAllElectric: 0.1,
    evCount: 20000,
    evSmartShare: 0.5,
    wijkClustering: 0.7,
  },
};

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** CPU seconds this process spends on `repetitions` calls of `work` (only this thread is busy here). */
function cpuSecondsOf(work: () => void, repetitions: number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < repetitions; i++) work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/**
 * Plain-loop time over kernel time in CPU seconds, kernel and loop alternating: the median of the
 * rounds is the ratio the CI floor checks. Wall-time medians are not fit for it on a busy machine,
 * where a 25 ms kernel pass is preempted far more often than a 1 ms loop.
 */
function kernelVsPlainLoopCpu(kernel: () => void, plain: () => void, rounds: number) {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const kernelSeconds = cpuSecondsOf(kernel, 40) / 40;
    const plainSeconds = cpuSecondsOf(plain, 120) / 120;
    ratios.push(plainSeconds / kernelSeconds);
  }
  return spreadOf(ratios);
}

async function microBenchmarks() {
  const run = resolveScenario(dataset, parseScenario(LEVERS, dataset));
  const kernelInputs = run.regions.map((_, r) => kernelInputFor(run, r));
  const kernelOut = new Float64Array(dataset.regions.length * KERNEL_OUTPUT_COUNT);
  const scenario = parseScenario(LEVERS, dataset);
  const solar = dataset.prepared.map((p) => p.solarCF);
  const wind = dataset.prepared.map((p) => p.windCF);
  const base = dataset.prepared.map((p) => p.baseMW);
  let sink = 0;
  const kernel = () => {
    for (let r = 0; r < kernelInputs.length; r++)
      runRegionHours(kernelInputs[r], kernelOut, r * KERNEL_OUTPUT_COUNT, null);
  };
  const plain = () => {
    sink += plainNetLoop(solar, wind, base, dataset.hours);
  };
  const bench = new Bench({ time: quick ? 1500 : 4000, warmupTime: 500 });
  bench
    .add('kernel: 30 regions × 8760 h, storage and every lever', kernel)
    .add('plain loop: net = solar + wind − base, 30 regions × 8760 h', plain)
    .add('evaluate: one national evaluation (resolve, kernel, finance)', () => {
      sink += evaluateRows(dataset, scenario)[0];
    });
  await bench.run();
  console.table(bench.table());
  const p50Seconds = (name: string) => {
    const result = bench.getTask(name)!.result;
    if (!result || !('latency' in result)) throw new Error(`benchmark '${name}' did not complete`);
    return result.latency.p50! / 1000; // ms → s
  };
  const kernelSeconds = p50Seconds(bench.tasks[0].name);
  const plainSeconds = p50Seconds(bench.tasks[1].name);
  const evaluateSeconds = p50Seconds(bench.tasks[2].name);
  const cpuRatio = kernelVsPlainLoopCpu(kernel, plain, quick ? 5 : 9);
  log(
    `kernel vs plain loop in CPU time: ${cpuRatio.median.toFixed(3)} (range ${cpuRatio.min.toFixed(3)}–${cpuRatio.max.toFixed(3)})`,
  );
  return {
    kernelRegionHoursPerSecond: regionHours / kernelSeconds,
    plainLoopRegionHoursPerSecond: regionHours / plainSeconds,
    kernelVsPlainLoop: cpuRatio.median,
    kernelVsPlainLoopSpread: cpuRatio,
    evaluateNationalMs: evaluateSeconds * 1000,
    sink,
  };
}

async function timeSweep(runner: CompiledSweepRunner, data: Dataset, spec: SweepSpecInput, name: string) {
  const plan = compiled.parseSweep(spec, data);
  const summary = await runner.run(data, plan, { outFile: join(scratch, `${name}.arrow`) });
  rmSync(join(scratch, `${name}.arrow`), { force: true });
  return summary;
}

/** Every scenario a distinct hourly run: RES mix and heat-pump share drawn per scenario. */
function physicalSweep(samples: number, seed = 1): SweepSpecInput {
  return {
    base: { defaults: { storageMW: 50, storageMWh: 200 } },
    axes: [
      { path: 'defaults.solarShare', uniform: [0, 1] },
      { path: 'defaults.shareHybrid', uniform: [0, 0.5] },
    ],
    samples,
    seed,
  };
}

/** One hourly run, then only finance axes: grid cost and WACC drawn per scenario. */
function financeSweep(samples: number): SweepSpecInput {
  return {
    base: { defaults: { storageMW: 50, storageMWh: 200, solarShare: 0.5, shareHybrid: 0.25 } },
    axes: [
      { path: 'national.costFeedinEURPerMW', uniform: [400000, 1000000] },
      { path: 'national.waccGrid', uniform: [0.02, 0.05] },
      { path: 'national.costLvEURPerMW', uniform: [800000, 1500000] },
    ],
    samples,
    seed: 2,
  };
}

/**
 * 1 and 2 workers in alternating order (1-2, 2-1, 1-2, …) so that a change in the machine's load
 * hits both alike; the speedup is the median of the per-round ratios, reported with its range.
 * During each 2-worker run the CPU time per thread shows whether both workers did the work.
 */
async function speedupRounds(one: CompiledSweepRunner, two: CompiledSweepRunner, scenarios: number, rounds: number) {
  const seconds1: number[] = [];
  const seconds2: number[] = [];
  const balances: number[] = [];
  const runTwo = async () => {
    let seconds = 0;
    const work = await measureThreadWork(async () => {
      seconds = (await timeSweep(two, sweepDataset, physicalSweep(scenarios), 'two')).seconds;
    });
    if (work) balances.push(work.twoThreadBalance);
    seconds2.push(seconds);
  };
  const runOne = async () => {
    seconds1.push((await timeSweep(one, sweepDataset, physicalSweep(scenarios), 'one')).seconds);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await runOne();
      await runTwo();
    } else {
      await runTwo();
      await runOne();
    }
  }
  const speedups = seconds1.map((s1, i) => s1 / seconds2[i]);
  return {
    seconds1Worker: median(seconds1),
    seconds2Workers: median(seconds2),
    speedupSpread: spreadOf(speedups),
    twoThreadBalance: balances.length > 0 ? median(balances) : null,
  };
}

async function sweepBenchmarks() {
  const scenarios = quick ? 800 : 2000;
  const rounds = quick ? 5 : 9;
  const one = new compiled.SweepRunner({ workers: 1 });
  const two = new compiled.SweepRunner({ workers: 2 });
  await timeSweep(one, sweepDataset, physicalSweep(20, 9), 'warm1');
  await timeSweep(two, sweepDataset, physicalSweep(20, 9), 'warm2');
  const pair = await speedupRounds(one, two, scenarios, rounds);
  const { seconds1Worker, seconds2Workers, speedupSpread, twoThreadBalance } = pair;
  log(
    `sweep of ${scenarios} scenarios (median of ${rounds} interleaved rounds): 1 worker ${seconds1Worker.toFixed(2)} s, ` +
      `2 workers ${seconds2Workers.toFixed(2)} s, speedup ${speedupSpread.median.toFixed(2)} ` +
      `(range ${speedupSpread.min.toFixed(2)}–${speedupSpread.max.toFixed(2)}), two-thread CPU balance ${twoThreadBalance?.toFixed(2) ?? 'n/a'}`,
  );
  const financeScenarios = quick ? 2000 : 10000;
  const physicalSeconds = seconds1Worker / scenarios;
  const finance = await timeSweep(one, sweepDataset, financeSweep(financeScenarios), 'finance');
  const financeSeconds = finance.seconds / financeScenarios;
  log(
    `finance-only axes: ${(financeSeconds * 1e6).toFixed(0)} µs per scenario (${finance.hourlyRuns} hourly run) vs ${(physicalSeconds * 1e6).toFixed(0)} µs physical`,
  );
  await one.close();
  await two.close();
  return {
    sweep: {
      scenarios,
      rounds,
      seconds1Worker,
      seconds2Workers,
      speedup: speedupSpread.median,
      speedupSpread,
      twoThreadBalance,
    },
    financeAxisRelativeCost: financeSeconds / physicalSeconds,
  };
}

/**
 * One sweep on 2 workers in a process of its own (bench/sweep-child.mjs), as `samenhang sweep`
 * runs it: the compiled engine, a pool started for it, and a peak memory that is the sweep's alone.
 */
function sweepInChild(spec: SweepSpecInput, name: string) {
  const specFile = join(scratch, `${name}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const output = execFileSync(
    process.execPath,
    [join(import.meta.dirname, 'sweep-child.mjs'), specFile, join(scratch, `${name}.arrow`), '2'],
    { encoding: 'utf8' },
  );
  rmSync(join(scratch, `${name}.arrow`), { force: true });
  return JSON.parse(output) as { seconds: number; rows: number; peakRssMB: number };
}

/** The 10,000-scenario national physical sweep on 2 workers (target < 10 s); not in quick mode. */
function sweep10k() {
  if (quick) return null;
  const result = sweepInChild(physicalSweep(10000, 3), 'sweep10k');
  log(`10,000-scenario sweep on 2 workers: ${result.seconds.toFixed(2)} s, peak RSS ${result.peakRssMB.toFixed(0)} MB`);
  return { scenarios: 10000, seconds: result.seconds, peakRssMB: result.peakRssMB };
}

/** 50,000 scenarios (1.55 million rows); quick mode repeats 50 hourly runs under sampled costs. */
function sweep50k() {
  const spec: SweepSpecInput = quick
    ? {
        base: {},
        axes: [
          { path: 'defaults.solarShare', values: Array.from({ length: 50 }, (_, i) => i / 49) },
          { path: 'national.waccGrid', uniform: [0.02, 0.05] },
        ],
        samples: 1000,
        seed: 5,
      }
    : physicalSweep(50000, 4);
  const result = sweepInChild(spec, 'sweep50k');
  log(
    `50,000 scenarios (${result.rows} rows): ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMB.toFixed(0)} MB`,
  );
  return {
    scenarios: 50000,
    rows: result.rows,
    seconds: result.seconds,
    peakRssMB: result.peakRssMB,
    allPhysical: !quick,
  };
}

const micro = await microBenchmarks();
const sweeps = await sweepBenchmarks();
const ten = sweep10k();
const big = sweep50k();
const cli = cliStartup(quick ? 5 : 15);
log(
  `compiled CLI (median of ${cli.rounds}): --help ${cli.helpMs.toFixed(0)} ms, evaluate (bundled) ${cli.evaluateBundledMs.toFixed(0)} ms, node -e '' ${cli.bareNodeMs.toFixed(0)} ms`,
);
const results = {
  kernelRegionHoursPerSecond: micro.kernelRegionHoursPerSecond,
  evaluateNationalMs: micro.evaluateNationalMs,
  sweep: sweeps.sweep,
  financeAxisRelativeCost: sweeps.financeAxisRelativeCost,
  sweep50k: big,
  sweep10k: ten,
  plainLoopRegionHoursPerSecond: micro.plainLoopRegionHoursPerSecond,
  kernelVsPlainLoop: micro.kernelVsPlainLoop,
  kernelVsPlainLoopSpread: micro.kernelVsPlainLoopSpread,
  cli,
  quick,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1min: loadavg()[0],
  },
  date: new Date().toISOString(),
};
mkdirSync(RESULTS_DIR, { recursive: true });
const outFile = resultsFile({ record, quick, date: new Date(results.date) });
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
rmSync(scratch, { recursive: true, force: true });
console.log(JSON.stringify(results, null, 2));
log(`wrote ${relative(process.cwd(), outFile)}`);
if (record && !quick) {
  writeReadmeFigures(outFile);
  log('README.md: performance table rewritten from it; commit both');
}

if (check) {
  const failures = floorFailures(results, JSON.parse(readFileSync(join(import.meta.dirname, 'floors.json'), 'utf8')));
  if (failures.length > 0) {
    log(`benchmark floors crossed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  log('benchmark floors: all ratios within bounds');
}

/** The ratios outside their floors; ratios (and CPU time per thread) rather than times hold on a busy machine. */
function floorFailures(r: typeof results, floors: Record<string, number>): string[] {
  const failures: string[] = [];
  const below = (name: string, value: number, floor: number) => {
    if (value < floor) failures.push(`${name} ${value.toFixed(3)} < ${floor}`);
  };
  const above = (name: string, value: number, ceiling: number) => {
    if (value > ceiling) failures.push(`${name} ${value.toFixed(3)} > ${ceiling}`);
  };
  below('sweep.speedup (median)', r.sweep.speedup, floors.speedupMedianMin);
  if (r.sweep.twoThreadBalance !== null)
    below('sweep.twoThreadBalance', r.sweep.twoThreadBalance, floors.twoThreadBalanceMin);
  above('financeAxisRelativeCost', r.financeAxisRelativeCost, floors.financeAxisRelativeCostMax);
  below('kernelVsPlainLoop (CPU time)', r.kernelVsPlainLoop, floors.kernelVsPlainLoopMin);
  above('sweep50k.peakRssMB', r.sweep50k.peakRssMB, floors.sweep50kPeakRssMBMax);
  above('cli.helpVsBareNode', r.cli.helpVsBareNode, floors.cliHelpVsBareNodeMax);
  return failures;
}
