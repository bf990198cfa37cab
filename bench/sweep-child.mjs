/**
 * Runs one sweep in its own process and prints {seconds, rows, peakRssMB} as JSON, so that the peak
 * resident memory of a large sweep is measured apart from the benchmark process. Plain JavaScript
 * on the compiled engine (dist/, built by `npm run bench`), as `samenhang sweep` and the server run
 * it. Under a TypeScript loader every worker thread loads the loader too: the 50,000-scenario sweep
 * measured 1069 MB that way (2026-11-30), the compiled engine 391 MB for the same sweep; 4,000
 * scenarios 361 MB against 265 MB.
 * Usage: node bench/sweep-child.mjs SWEEP.json OUT.arrow WORKERS
 */
import { readFileSync } from 'node:fs';
import { loadDataset, parseSweep, SweepRunner } from '../dist/engine/index.js';

const [specFile, outFile, workers] = process.argv.slice(2);
const dataset = loadDataset();
const plan = parseSweep(JSON.parse(readFileSync(specFile, 'utf8')), dataset);
const runner = new SweepRunner({ workers: Number(workers) });
const summary = await runner.run(dataset, plan, { outFile });
await runner.close();
// maxRSS is in kilobytes and covers the worker threads, which live in this process.
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds: summary.seconds, rows: summary.rows, peakRssMB })}\n`);
