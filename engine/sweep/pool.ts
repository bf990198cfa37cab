import { Piscina } from 'piscina';
import type { SweepChunkResult, SweepChunkTask } from './protocol.ts';

// From source (tsx, vitest) the worker is TypeScript; from compiled output it is JavaScript.
const isTypeScript = import.meta.url.endsWith('.ts');
const workerUrl = new URL(isTypeScript ? './worker.ts' : './worker.js', import.meta.url);

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** Whether a Node flag value names the tsx TypeScript loader (its package path or specifier). */
function isTsxLoader(value: string): boolean {
  return /(^|[/\\@])tsx([/\\@]|$)/.test(value);
}

/**
 * The parent's Node flags without the tsx loader. Worker threads inherit the parent's flags, so a
 * compiled engine imported from a process started by tsx (the benchmarks) would load the loader
 * into every thread: slower start and more memory, for JavaScript that needs no loader.
 */
export function flagsWithoutTsxLoader(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (LOADER_FLAGS.has(arg) && i + 1 < execArgv.length && isTsxLoader(execArgv[i + 1])) {
      i++; // the flag and its value
      continue;
    }
    const equals = arg.indexOf('=');
    if (equals > 0 && LOADER_FLAGS.has(arg.slice(0, equals)) && isTsxLoader(arg.slice(equals + 1))) continue;
    kept.push(arg);
  }
  return kept;
}

/** The worker threads' Node flags: a TypeScript worker needs tsx, a compiled one must not carry it. */
function workerFlags(): string[] {
  if (!isTypeScript) return flagsWithoutTsxLoader(process.execArgv);
  const hasTsxLoader = process.execArgv.some(isTsxLoader);
  // Node 20 cannot strip types: workers load tsx themselves unless they inherit it from the parent.
  return hasTsxLoader ? [...process.execArgv] : [...process.execArgv, '--import', 'tsx'];
}

/** A piscina pool of sweep workers with `threads` threads. */
export function createSweepPool(threads: number): Piscina<SweepChunkTask, SweepChunkResult> {
  return new Piscina<SweepChunkTask, SweepChunkResult>({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: workerFlags(),
  });
}
