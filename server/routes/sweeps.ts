import type { App, AppContext } from '../context.ts';
import { registerSweepJobRoutes } from './sweep-jobs.ts';
import { registerSweepResultRoutes } from './sweep-results.ts';

/** Sweep jobs (submit, follow, cancel, re-run) and their results (table, Pareto front, tornado). */
export function registerSweepRoutes(app: App, ctx: AppContext): void {
  registerSweepJobRoutes(app, ctx);
  registerSweepResultRoutes(app, ctx);
}
