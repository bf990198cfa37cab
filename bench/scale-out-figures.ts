/**
 * The Performance section of docs/scale-out.md, written from a recorded scale-out benchmark
 * (bench/results/YYYY-MM-DD-scale-out.json), with the 20-machine estimate worked out from its
 * measured numbers. `npx tsx bench/scale-out-figures.ts FILE` rewrites the section; a test checks
 * that the docs and the file agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

interface Spread {
  median: number;
  min: number;
  max: number;
}

/** What bench/scale-out.ts records (the parts the docs quote); files before 2026-11-30 17:00 lack some. */
export interface ScaleOutResults {
  date: string;
  machine: { cpus: number; model?: string; loadAverage: number[]; loadAverageAtEnd?: number[] };
  sweep: { scenarios: number; hourlyRuns: number; chunkScenarios?: number | null };
  rounds: number;
  seconds: { localPoolOneThread: Spread; oneRemoteWorker: Spread; twoRemoteWorkers: Spread };
  remoteOverhead: Spread;
  twoWorkerSpeedup: Spread;
  cpuSeconds: {
    localPoolOneThread: Spread;
    oneRemoteWorkerAndCoordinator: Spread;
    remoteCpuOverhead: Spread;
    twoWorkerBalance: Spread;
  };
  limits: {
    bytesPerScenario: number;
    coordinatorCpuSecondsPerScenario: number;
    redisCpuSecondsPerScenario?: number;
    workerCpuSecondsPerScenario?: number;
    workerSecondsPerScenarioOneThread: number;
  };
}

export const DOCS_FILE = join(import.meta.dirname, '..', 'docs', 'scale-out.md');
const BEGIN = /<!-- scale-out:begin[^>]*-->/;
const END = '<!-- scale-out:end -->';

const fixed = (value: number, digits: number) => value.toFixed(digits);
const percent = (value: number) => `${(value * 100).toFixed(0)} %`;
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** Machines in the estimate, scenarios in it, and what one link to Redis carries each way (1 Gbit/s). */
export const ESTIMATE = { machines: 20, scenarios: 1e6, linkBytesPerSecond: 110e6 };

/** A limit on the rate of a large run: what it is and how many scenarios per second it allows. */
interface Limit {
  name: string;
  scenariosPerSecond: number;
  why: string;
}

/**
 * The limits of a one-million-scenario run on ESTIMATE.machines machines like the measured one,
 * from the measured costs per scenario: the workers' CPU (one worker thread per core, split as
 * evenly as two workers split the sweep), the coordinator's one core, Redis's one core (newer
 * files) and Redis's network link.
 */
export function scaleOutLimits(results: ScaleOutResults): Limit[] {
  const { limits, cpuSeconds: cpu } = results;
  const scenarios = results.sweep.scenarios;
  // Older files recorded the worker and the coordinator together.
  const workerCpu =
    limits.workerCpuSecondsPerScenario ??
    cpu.oneRemoteWorkerAndCoordinator.median / scenarios - limits.coordinatorCpuSecondsPerScenario;
  const efficiency = cpu.twoWorkerBalance.median / 2;
  const cores = ESTIMATE.machines * results.machine.cpus;
  const found: Limit[] = [
    {
      name: 'the workers',
      scenariosPerSecond: (cores * efficiency) / workerCpu,
      why: `${cores} worker threads at ${fixed(workerCpu * 1000, 2)} ms of CPU per scenario (computing it and passing its rows on), the work split ${percent(efficiency)} evenly as measured`,
    },
    {
      name: "the coordinator's one core",
      scenariosPerSecond: 1 / limits.coordinatorCpuSecondsPerScenario,
      why: `${fixed(limits.coordinatorCpuSecondsPerScenario * 1000, 3)} ms of CPU per scenario: queueing chunks, fetching and decoding their rows, writing the file`,
    },
  ];
  if (limits.redisCpuSecondsPerScenario !== undefined)
    found.push({
      name: "Redis's one core",
      scenariosPerSecond: 1 / limits.redisCpuSecondsPerScenario,
      why: `${fixed(limits.redisCpuSecondsPerScenario * 1000, 3)} ms of CPU per scenario: the queue's scripts, storing and serving the rows`,
    });
  found.push({
    name: "Redis's network link",
    scenariosPerSecond: ESTIMATE.linkBytesPerSecond / limits.bytesPerScenario,
    why: `${fixed(limits.bytesPerScenario / 1000, 1)} kB of rows per scenario in from the workers and out to the coordinator, ~110 MB/s each way on 1 Gbit/s`,
  });
  return found;
}

/** The section's text (between the markers) for `results` recorded in `file`. */
export function scaleOutSection(results: ScaleOutResults, file: string): string {
  const { seconds, limits } = results;
  const day = results.date.slice(0, 10);
  const load = results.machine.loadAverage[0];
  const busy = load > results.machine.cpus * 1.5;
  const cpu = results.cpuSeconds;
  const scenarios = results.sweep.scenarios;
  const everyHourly = results.sweep.hourlyRuns === scenarios;
  const found = scaleOutLimits(results);
  const slowest = found.reduce((a, b) => (b.scenariosPerSecond < a.scenariosPerSecond ? b : a));
  const minutes = (rate: number) => ESTIMATE.scenarios / rate / 60;
  const fileGB = (ESTIMATE.scenarios * limits.bytesPerScenario) / 1e9;
  const loadText = results.machine.loadAverageAtEnd
    ? `load average ${fixed(load, 1)} at the start, ${fixed(results.machine.loadAverageAtEnd[0], 1)} at the end`
    : `load average ${fixed(load, 1)}`;
  return [
    `Measured by \`npm run bench:scale-out -- --record\` on ${day} (\`${file}\`; ${results.machine.cpus} cores, ${results.machine.model ?? 'unknown CPU'}, ${loadText}${busy ? ': **the machine was busy**, shared with other work, so the times are slow and noisy; the ratios come from interleaved rounds' : ''}).`,
    everyHourly
      ? `The sweep: a Monte Carlo of ${thousands(scenarios)} scenarios on the bundled data, every one its own hourly run (solar share, storage, wijk clustering and grid WACC drawn), the same file from every configuration; median of ${results.rounds} interleaved rounds:`
      : `The sweep: ${scenarios} scenarios on the bundled data, ${results.sweep.hourlyRuns} of them with their own hourly run (the others differ only in the WACC), median of ${results.rounds} rounds:`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    `| local pool, one thread | ${fixed(seconds.localPoolOneThread.median, 2)} s | |`,
    `| one remote worker (\`--threads 1\`) | ${fixed(seconds.oneRemoteWorker.median, 2)} s: overhead ${percent(results.remoteOverhead.median)} (range ${percent(results.remoteOverhead.min)} to ${percent(results.remoteOverhead.max)}) | ≤ 10 % |`,
    `| two remote workers (\`--threads 1\` each) | ${fixed(seconds.twoRemoteWorkers.median, 2)} s: speedup ${fixed(results.twoWorkerSpeedup.median, 2)}× over one (range ${fixed(results.twoWorkerSpeedup.min, 2)}–${fixed(results.twoWorkerSpeedup.max, 2)}) | ≥ 1.7× |`,
    `| CPU time: local pool vs one worker + coordinator${limits.redisCpuSecondsPerScenario === undefined ? '' : ' + Redis'} | ${fixed(cpu.localPoolOneThread.median, 2)} s vs ${fixed(cpu.oneRemoteWorkerAndCoordinator.median, 2)} s: overhead ${percent(cpu.remoteCpuOverhead.median)} | |`,
    `| CPU time of two workers over the busier one's (2 = an even split) | ${fixed(cpu.twoWorkerBalance.median, 2)} (range ${fixed(cpu.twoWorkerBalance.min, 2)}–${fixed(cpu.twoWorkerBalance.max, 2)}) | ≈ 2 |`,
    `| rows through Redis per scenario (Arrow, 31 rows × every column) | ${fixed(limits.bytesPerScenario / 1000, 1)} kB | |`,
    `| coordinator CPU per scenario (queue, fetch, decode, write) | ${fixed(limits.coordinatorCpuSecondsPerScenario * 1000, 3)} ms | |`,
    ...(limits.redisCpuSecondsPerScenario === undefined
      ? []
      : [`| Redis CPU per scenario | ${fixed(limits.redisCpuSecondsPerScenario * 1000, 3)} ms | |`]),
    '',
    ...(busy
      ? [
          'On a busy machine wall times say little: the processes get a varying share of the cores.',
          'CPU time is what the load distorts least: it gives the work the queue adds, and how evenly two',
          'workers split a sweep, which on free cores is the speedup.',
          '',
        ]
      : []),
    `**One million scenarios on ${ESTIMATE.machines} machines** like this one (${results.machine.cpus} cores each, one worker thread per core${everyHourly ? '' : ', for this mix in which half the scenarios need a new hourly run'}), with one coordinator and`,
    'Redis on a machine of their own. The rate is that of the narrowest of these, each from the measured costs:',
    '',
    '| what the rows pass through | at most | because |',
    '|---|---|---|',
    ...found.map((limit) => `| ${limit.name} | ${thousands(limit.scenariosPerSecond)} scenarios/s | ${limit.why} |`),
    '',
    `So the run takes **about ${fixed(minutes(slowest.scenariosPerSecond), 1)} minutes, limited by ${slowest.name}**; the result file is about ${fixed(fileGB, 0)} GB`,
    `(${fixed((slowest.scenariosPerSecond * limits.bytesPerScenario) / 1e6, 0)} MB/s at that rate, which any disk writes).`,
    slowest.name === 'the workers'
      ? 'More machines shorten it until the next limit above is reached.'
      : 'More machines do not shorten it: the rows of the whole sweep pass through this one point. Sweeps of costlier scenarios (more regions changed per scenario, several weather years) move the limit back to the workers.',
  ].join('\n');
}

/** Rewrites the section of docs/scale-out.md from a recorded results file. */
export function writeScaleOutSection(resultsPath: string): void {
  const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as ScaleOutResults;
  const file = relative(join(import.meta.dirname, '..'), resultsPath);
  const docs = readFileSync(DOCS_FILE, 'utf8');
  const start = docs.search(BEGIN);
  const end = docs.indexOf(END);
  if (start < 0 || end < 0) throw new Error('docs/scale-out.md has no scale-out:begin/end markers');
  const section = `<!-- scale-out:begin ${file} -->\n${scaleOutSection(results, file)}\n${END}`;
  writeFileSync(DOCS_FILE, docs.slice(0, start) + section + docs.slice(end + END.length));
}

if (process.argv[1] && basename(process.argv[1]) === 'scale-out-figures.ts') {
  writeScaleOutSection(process.argv[2]);
}
