/**
 * Runs one sweep in its own process, as `samenhang sweep` does, and prints {seconds, rows,
 * peakRssMB} as JSON: the time is the sweep's own (pool start included, as the CLI reports it),
 * and the peak resident memory is this process's alone. Plain JavaScript on the compiled engine
 * (dist/, built by `npm run bench`), so no worker thread carries a TypeScript loader.
 *
 * The peak is VmHWM from /proc/self/status, not process.resourceUsage().maxRSS: on Linux a child's
 * maxRSS starts from its parent's resident size at the fork that made it (it survives the exec),
 * so a child of the benchmark process, which holds ~1 GB after its own sweeps, reported 1085 MB
 * for a sweep that peaks at ~400 MB (2026-11-30). VmHWM belongs to the memory of this program only.
 * Usage: node bench/sweep-child.mjs SWEEP.json OUT.arrow WORKERS
 */
import { readFileSync } from 'node:fs';
import { loadDataset, parseSweep, SweepRunner } from '../dist/engine/index.js';

/** Peak resident set of this process since it started, MB; maxRSS where /proc is missing. */
function peakRssMB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [specFile, outFile, workers] = process.argv.slice(2);
const dataset = loadDataset();
const plan = parseSweep(JSON.parse(readFileSync(specFile, 'utf8')), dataset);
const runner = new SweepRunner({ workers: Number(workers) });
const summary = await runner.run(dataset, plan, { outFile });
await runner.close();
// The worker threads live in this process: their memory is part of the peak.
process.stdout.write(`${JSON.stringify({ seconds: summary.seconds, rows: summary.rows, peakRssMB: peakRssMB() })}\n`);
