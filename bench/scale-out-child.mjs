/**
 * The coordinator side of `npm run bench:scale-out`, in its own process on the compiled engine
 * (dist/), as `samenhang sweep` runs it: the local pool with one thread and the remote executor,
 * both kept alive (threads started, dataset published) between runs. Under a TypeScript loader
 * every worker thread of the local pool would load the loader too and run slower than the
 * compiled `samenhang worker` processes it is compared with (see sweep-child.mjs).
 *
 * Started with fork(): argv is SPEC.json WARM_SPEC.json REDIS_URL; each message {executor:
 * 'local'|'remote', sweep: 'timed'|'warm', outFile, chunkSize?} runs that sweep and is answered
 * with {seconds, cpuSeconds, hourlyRuns, scenarios} (cpuSeconds: this process, every thread), or
 * {error}. The message 'close' ends the process.
 */
import { readFileSync } from 'node:fs';
import { createSweepExecutor, loadDataset, parseSweep } from '../dist/engine/index.js';

const [specFile, warmSpecFile, redisUrl] = process.argv.slice(2);
const dataset = loadDataset();
const planOf = (file) => parseSweep(JSON.parse(readFileSync(file, 'utf8')), dataset);
const plans = { timed: planOf(specFile), warm: planOf(warmSpecFile) };
const executors = {
  local: await createSweepExecutor({ workers: 1 }),
  remote: await createSweepExecutor({ redisUrl }),
};

process.on('message', async (message) => {
  if (message === 'close') {
    await Promise.all(Object.values(executors).map((executor) => executor.close()));
    process.disconnect();
    return;
  }
  try {
    const before = process.cpuUsage();
    const summary = await executors[message.executor].run(dataset, plans[message.sweep], {
      outFile: message.outFile,
      chunkSize: message.chunkSize,
    });
    const used = process.cpuUsage(before);
    process.send({
      seconds: summary.seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      hourlyRuns: summary.hourlyRuns,
      scenarios: summary.scenarios,
    });
  } catch (error) {
    process.send({ error: String(error?.message ?? error) });
  }
});
process.send({ ready: plans.timed.scenarioCount });
