/**
 * CPU time per thread of this process, read from /proc (Linux). Unlike wall time, the CPU time a
 * thread spends on a fixed amount of work does not grow when other processes compete for the cores,
 * so "how many threads did the work" can be checked on a busy machine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TASKS = '/proc/self/task';
// USER_HZ: the unit of utime and stime in /proc, 100 on every Linux kernel Node supports.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) per thread id; undefined where /proc is not available. */
export function threadCpuSeconds(): Map<number, number> | undefined {
  if (!existsSync(TASKS)) return undefined;
  const seconds = new Map<number, number>();
  for (const tid of readdirSync(TASKS)) {
    let stat: string;
    try {
      stat = readFileSync(`${TASKS}/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // The command name (field 2) is in parentheses and may contain spaces: split after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]); // field 14 of the whole line
    const stime = Number(fields[12]); // field 15
    seconds.set(Number(tid), (utime + stime) / TICKS_PER_SECOND);
  }
  return seconds;
}

/** How the CPU time of a piece of work was spread over the threads other than the main thread. */
export interface ThreadWork {
  /** CPU seconds of the busiest threads (main thread excluded), largest first, at most four. */
  busiestThreadsCpuSeconds: number[];
  /** (busiest + second busiest) / busiest: 2 when two threads shared the work evenly, 1 when one did it all. */
  twoThreadBalance: number;
}

/** Runs `work` and reports the CPU time its helper threads spent, from two /proc snapshots. */
export async function measureThreadWork(work: () => Promise<unknown>): Promise<ThreadWork | undefined> {
  const before = threadCpuSeconds();
  await work();
  const after = threadCpuSeconds();
  if (!before || !after) return undefined;
  const deltas: number[] = [];
  for (const [tid, seconds] of after) {
    if (tid === process.pid) continue; // the main thread resolves scenarios and writes the table
    deltas.push(seconds - (before.get(tid) ?? 0));
  }
  deltas.sort((a, b) => b - a);
  const [first = 0, second = 0] = deltas;
  return {
    busiestThreadsCpuSeconds: deltas.slice(0, 4),
    twoThreadBalance: first > 0 ? (first + second) / first : 0,
  };
}
