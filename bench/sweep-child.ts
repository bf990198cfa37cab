/**
 * Runs one sweep in its own process and prints {seconds, peakRssMB} as JSON, so that the peak
 * resident memory of a large sweep is measured apart from the benchmark process.
 * Usage: node --import tsx bench/sweep-child.ts SWEEP.json OUT.arrow WORKERS
 */
import { readFileSync } from 'node:fs';
import { loadDataset, parseSweep, SweepRunner } from '../engine/index.ts';

const [specFile, outFile, workers] = process.argv.slice(2);
const dataset = loadDataset();
const plan = parseSweep(JSON.parse(readFileSync(specFile, 'utf8')), dataset);
const runner = new SweepRunner({ workers: Number(workers) });
const summary = await runner.run(dataset, plan, { outFile });
await runner.close();
// maxRSS is in kilobytes and covers the worker threads, which live in this process.
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds: summary.seconds, rows: summary.rows, peakRssMB })}\n`);
