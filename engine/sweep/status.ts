/**
 * The states of a sweep job, the one list the server (database, API schema, jobs) and the UI share.
 * The engine runs a sweep; a job around it is `queued`, `running`, then ends `done`, `failed`,
 * `cancelled` (by a user) or `interrupted` (the server stopped while it ran).
 */
export const SWEEP_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;

/** The state of a sweep job. */
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

/** States of a job that has not ended. */
export const ACTIVE_SWEEP_STATUSES = ['queued', 'running'] as const satisfies readonly SweepStatus[];

/** States a job can be run again from. */
export const RERUNNABLE_SWEEP_STATUSES = [
  'interrupted',
  'failed',
  'cancelled',
] as const satisfies readonly SweepStatus[];

/** True while a job is queued or running. */
export function isActiveSweepStatus(status: SweepStatus): boolean {
  return (ACTIVE_SWEEP_STATUSES as readonly SweepStatus[]).includes(status);
}

/** True when a job in this state can be run again. */
export function isRerunnableSweepStatus(status: SweepStatus): boolean {
  return (RERUNNABLE_SWEEP_STATUSES as readonly SweepStatus[]).includes(status);
}
