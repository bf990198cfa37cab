/**
 * End-to-end times of the compiled command line, as a user meets them: a new `node` process per
 * run, started through bin/samenhang.js. A bare `node -e ''` start is measured in the same rounds,
 * so the ratio between them holds on a busy machine where the absolute times do not.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'samenhang.js');

function wallMs(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - started;
}

/** Median wall times (ms) of `node -e ''`, `samenhang --help` and `samenhang evaluate` of the bundled dataset. */
export function cliStartup(rounds: number) {
  const bare: number[] = [];
  const help: number[] = [];
  const evaluate: number[] = [];
  const scenario = join(ROOT, 'scenarios', 'res-1-0-indicatief.json');
  wallMs([BIN, 'evaluate', scenario]); // warm the file cache
  for (let round = 0; round < rounds; round++) {
    bare.push(wallMs(['-e', '']));
    help.push(wallMs([BIN, '--help']));
    evaluate.push(wallMs([BIN, 'evaluate', scenario]));
  }
  const helpMs = median(help);
  return {
    rounds,
    bareNodeMs: median(bare),
    helpMs,
    evaluateBundledMs: median(evaluate),
    helpVsBareNode: helpMs / median(bare),
  };
}
