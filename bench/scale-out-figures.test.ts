import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_FILE, type ScaleOutResults, scaleOutLimits, scaleOutSection } from './scale-out-figures.ts';

const spread = (median: number) => ({ median, min: median, max: median });

/** A run of 1,000 scenarios on 2 cores with round figures, so that the limits can be worked out by hand. */
const ROUND_FIGURES: ScaleOutResults = {
  date: '2026-12-01T10:00:00.000Z',
  machine: { cpus: 2, model: 'test CPU', loadAverage: [0.2, 0.2, 0.2], loadAverageAtEnd: [1.9, 1, 1] },
  sweep: { scenarios: 1000, hourlyRuns: 1000, chunkScenarios: null },
  rounds: 5,
  seconds: { localPoolOneThread: spread(2), oneRemoteWorker: spread(2.1), twoRemoteWorkers: spread(1.1) },
  remoteOverhead: spread(0.05),
  twoWorkerSpeedup: spread(2.1 / 1.1),
  cpuSeconds: {
    localPoolOneThread: spread(2),
    oneRemoteWorkerAndCoordinator: spread(2.3),
    remoteCpuOverhead: spread(0.15),
    // Two workers split the work 1.6 : 2, i.e. 90 % of an even split.
    twoWorkerBalance: spread(1.8),
  },
  limits: {
    bytesPerScenario: 13_750,
    coordinatorCpuSecondsPerScenario: 0.25e-3,
    redisCpuSecondsPerScenario: 0.05e-3,
    workerCpuSecondsPerScenario: 2e-3,
    workerSecondsPerScenarioOneThread: 2.1e-3,
  },
};

describe('the 20-machine estimate', () => {
  it('takes each limit from the measured cost per scenario', () => {
    const limits = Object.fromEntries(scaleOutLimits(ROUND_FIGURES).map((l) => [l.name, l.scenariosPerSecond]));
    // 20 machines × 2 threads × 90 % / 2 ms = 18,000/s; one core at 0.25 ms = 4,000/s; Redis's core
    // at 0.05 ms = 20,000/s; 110 MB/s over 13.75 kB = 8,000/s.
    expect(limits['the workers']).toBeCloseTo(18_000, 6);
    expect(limits["the coordinator's one core"]).toBeCloseTo(4_000, 6);
    expect(limits["Redis's one core"]).toBeCloseTo(20_000, 6);
    expect(limits["Redis's network link"]).toBeCloseTo(8_000, 6);
  });

  it('names the narrowest limit and the time it gives for one million scenarios', () => {
    const section = scaleOutSection(ROUND_FIGURES, 'bench/results/2026-12-01-scale-out.json');
    // 1,000,000 / 4,000 per s = 250 s.
    expect(section).toContain("about 4.2 minutes, limited by the coordinator's one core");
    expect(section).toContain('the result file is about 14 GB');
    expect(section).not.toContain('the machine was busy');
  });

  it('falls back to older files, which recorded the worker and the coordinator together', () => {
    const { redisCpuSecondsPerScenario, workerCpuSecondsPerScenario, ...older } = ROUND_FIGURES.limits;
    const limits = scaleOutLimits({ ...ROUND_FIGURES, limits: older });
    // (2.3 s / 1,000) − 0.25 ms = 2.05 ms per scenario: 40 × 0.9 / 2.05 ms.
    expect(limits.find((l) => l.name === 'the workers')!.scenariosPerSecond).toBeCloseTo(36 / 2.05e-3, 6);
    expect(limits.map((l) => l.name)).not.toContain("Redis's one core");
  });
});

describe('docs/scale-out.md performance figures', () => {
  it('are the ones of the recorded results file it names', () => {
    const docs = readFileSync(DOCS_FILE, 'utf8');
    const file = /<!-- scale-out:begin (bench\/results\/\d{4}-\d\d-\d\d-scale-out(?:-\d+)?\.json) -->/.exec(docs)?.[1];
    expect(file, 'docs/scale-out.md names its results file').toBeDefined();
    const results = JSON.parse(readFileSync(join(import.meta.dirname, '..', file!), 'utf8')) as ScaleOutResults;
    expect(docs).toContain(scaleOutSection(results, file!));
  });
});
