/**
 * Where a benchmark run writes its figures. Ordinary runs (CI's too) write
 * bench/results/latest.json, latest-quick.json, latest-load.json or latest-scale-out.json, which git ignores; `--record`
 * writes a new dated file (bench/results/2026-11-30-full.json, 2026-11-28-load.json) that is
 * committed and quoted in the docs, and never overwrites one: a second record on the same day gets
 * a suffix (-2, -3, …).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of benchmark results. */
export const RESULTS_DIR = join(import.meta.dirname, 'results');

/** The file a run writes to. */
export function resultsFile(options: {
  record: boolean;
  quick: boolean;
  date: Date;
  kind?: 'load' | 'scale-out';
}): string {
  const kind = options.kind ?? (options.quick ? 'quick' : 'full');
  if (!options.record) return join(RESULTS_DIR, kind === 'full' ? 'latest.json' : `latest-${kind}.json`);
  const day = options.date.toISOString().slice(0, 10);
  for (let n = 1; ; n++) {
    const file = join(RESULTS_DIR, `${day}-${kind}${n === 1 ? '' : `-${n}`}.json`);
    if (!existsSync(file)) return file;
  }
}
