/**
 * The README's performance table, generated from one committed, dated results file
 * (bench/results/YYYY-MM-DD-full.json), between the markers `<!-- bench:begin FILE -->` and
 * `<!-- bench:end -->`. `npm run bench:record` rewrites it after a full run; readme-figures.test.ts
 * checks that the README still says what its file says.
 *
 * Usage: npx tsx bench/readme-figures.ts bench/results/2026-11-30-full.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const README = join(ROOT, 'README.md');
const BLOCK = /<!-- bench:begin (\S+) -->\n[\s\S]*?<!-- bench:end -->/;

/** The fields of a results file the table quotes; older files lack some of them. */
interface Results {
  date: string;
  quick: boolean;
  machine: { cpus: number; cpuModel?: string; node: string };
  kernelRegionHoursPerSecond: number;
  plainLoopRegionHoursPerSecond: number;
  evaluateNationalMs: number;
  sweep: {
    scenarios: number;
    seconds1Worker: number;
    seconds2Workers: number;
    speedup: number;
    rounds?: number;
    speedupSpread?: { median: number; min: number; max: number };
    twoThreadBalance?: number | null;
  };
  financeAxisRelativeCost: number;
  sweep10k: { scenarios: number; seconds: number } | null;
  sweep50k: { rows: number; seconds: number; peakRssMB: number };
  cli?: { bareNodeMs: number; helpMs: number; evaluateBundledMs: number; rounds: number };
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const thousands = (value: number) => value.toLocaleString('en-US');

/** 1.9 × 10⁸ */
function scientific(value: number): string {
  const exponent = Math.floor(Math.log10(value));
  const superscript = String(exponent).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `${fixed(value / 10 ** exponent, 1)} × 10${superscript}`;
}

function speedupCell(sweep: Results['sweep']): string {
  const times = `${fixed(sweep.seconds1Worker, 2)} s vs ${fixed(sweep.seconds2Workers, 2)} s`;
  if (!sweep.speedupSpread) return `${times}: speedup ${fixed(sweep.speedup, 2)} (best of 3, no spread recorded)`;
  const { median, min, max } = sweep.speedupSpread;
  return `${times}: speedup ${fixed(median, 2)} (median of ${sweep.rounds} interleaved rounds; range ${fixed(min, 2)}–${fixed(max, 2)})`;
}

/** The markdown table (with its markers) for the results in `file`. */
export function performanceBlock(file: string): string {
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const name = relative(ROOT, file);
  const { sweep, cli } = results;
  const rows = [
    [
      'hourly kernel, one thread, storage and every lever',
      `${scientific(results.kernelRegionHoursPerSecond)} region-hours/s (a plain \`net = solar + wind − base\` loop over the same arrays: ${scientific(results.plainLoopRegionHoursPerSecond)})`,
      '≥ 1.3 × 10⁸',
    ],
    [
      'one national evaluation (30 regions × 8760 h, warm, median)',
      `${fixed(results.evaluateNationalMs, 2)} ms`,
      '< 5 ms',
    ],
    [`sweep of ${thousands(sweep.scenarios)} scenarios, 1 worker vs 2 workers`, speedupCell(sweep), '≥ 1.8'],
    [
      'work of a 2-worker sweep on its two busiest threads (CPU time: 2 = shared evenly, 1 = one thread)',
      sweep.twoThreadBalance == null ? 'not measured in this run' : fixed(sweep.twoThreadBalance, 2),
      '≈ 2',
    ],
    [
      'cost of a finance-only axis per scenario, relative to a physical one',
      fixed(results.financeAxisRelativeCost, 3),
      '≤ 0.05',
    ],
    [
      '10,000-scenario sweep of the 30 regions, 2 workers',
      results.sweep10k ? `${fixed(results.sweep10k.seconds, 1)} s` : 'not measured in this run',
      '< 10 s',
    ],
    [
      `50,000 scenarios (${fixed(results.sweep50k.rows / 1e6, 2)} million rows), every one a new hourly run`,
      `${fixed(results.sweep50k.seconds, 1)} s, peak RSS ${fixed(results.sweep50k.peakRssMB, 0)} MB`,
      '< 1,024 MB',
    ],
    [
      '`samenhang --help`, a new process (median)',
      cli
        ? `${fixed(cli.helpMs, 0)} ms (\`node -e ''\` alone: ${fixed(cli.bareNodeMs, 0)} ms)`
        : 'not measured in this run',
      '< 200 ms',
    ],
    [
      '`samenhang evaluate` of the bundled dataset, a new process (median)',
      cli ? `${fixed(cli.evaluateBundledMs, 0)} ms` : 'not measured in this run',
      '< 600 ms',
    ],
  ];
  const machine = `${results.machine.cpus} cores, ${results.machine.cpuModel ?? 'unknown CPU'}, Node ${results.machine.node.replace(/^v/, '')}`;
  return [
    `<!-- bench:begin ${name} -->`,
    `Figures from one ${results.quick ? 'quick' : 'full'} run on ${results.date.slice(0, 10)} (\`${name}\`; ${machine}):`,
    '',
    '| measure | result | target |',
    '|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '<!-- bench:end -->',
  ].join('\n');
}

/** The results file the README's table was generated from. */
export function readmeResultsFile(readme = readFileSync(README, 'utf8')): string {
  const match = BLOCK.exec(readme);
  if (!match) throw new Error('README.md has no <!-- bench:begin FILE --> … <!-- bench:end --> block');
  return join(ROOT, match[1]);
}

/** Rewrites the README's table from `file`. */
export function writeReadmeFigures(file: string): void {
  const readme = readFileSync(README, 'utf8');
  readmeResultsFile(readme); // the block must exist
  writeFileSync(
    README,
    readme.replace(BLOCK, () => performanceBlock(file)),
  );
}

if (process.argv[1] === import.meta.filename) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npx tsx bench/readme-figures.ts bench/results/YYYY-MM-DD-full.json\n');
    process.exit(2);
  }
  writeReadmeFigures(join(process.cwd(), file));
  process.stderr.write(`README.md: performance table from ${file}\n`);
}
