import { Piscina } from 'piscina';
import type { SweepChunkResult, SweepChunkTask } from './protocol.ts';

// From source (tsx, vitest) the worker is TypeScript; from compiled output it is JavaScript.
const isTypeScript = import.meta.url.endsWith('.ts');
const workerUrl = new URL(isTypeScript ? './worker.ts' : './worker.js', import.meta.url);

/** A piscina pool of sweep workers with `threads` threads. */
export function createSweepPool(threads: number): Piscina<SweepChunkTask, SweepChunkResult> {
  const hasTsxLoader = process.execArgv.some((arg) => arg.includes('tsx'));
  return new Piscina<SweepChunkTask, SweepChunkResult>({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // Node 20 cannot strip types: workers load tsx themselves unless they inherit it from the parent.
    execArgv: isTypeScript && !hasTsxLoader ? [...process.execArgv, '--import', 'tsx'] : undefined,
  });
}
