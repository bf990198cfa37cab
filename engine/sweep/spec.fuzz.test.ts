import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { ValidationError } from '../errors.ts';
import { evaluate } from '../model/evaluate.ts';
import { checkFiniteResults } from '../model/finite-results.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseScenario } from '../scenario/validate.ts';
import {
  boundedSweepLike,
  countInput,
  deepJson,
  fuzzParameters,
  oddValue,
  sweepLike,
  writeFuzzReport,
  expectValueOrLocatedIssues,
  tinyWithZeroWindRegion,
} from '../testing/fuzz-support.ts';
import { SweepEnumerator } from './enumerate.ts';
import { SweepRunner } from './runner.ts';
import { parseSweep, type SweepPlan } from './spec.ts';

const tiny = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const ids = tiny.regions.map((region) => region.id);

/** parseSweep returns a plan within the cap or throws a ValidationError with located issues; nothing else, never slowly. */
function check(input: unknown, maxScenarios = 500): void {
  countInput('engine.parseSweep');
  expectValueOrLocatedIssues(
    () => parseSweep(input, tiny, { maxScenarios }),
    (plan) => {
      expect(plan.scenarioCount).toBeLessThanOrEqual(maxScenarios);
      expect(plan.scenarioCount).toBeGreaterThan(0);
      for (const value of plan.draws) expect(Number.isFinite(value)).toBe(true);
    },
  );
}

afterAll(writeFuzzReport);

describe('parseSweep under fuzzing', () => {
  it('sweep-shaped inputs: a plan or located issues, never another exception', () => {
    fc.assert(
      fc.property(sweepLike(ids), (input) => check(input)),
      fuzzParameters(300),
    );
  });

  it('any JSON-like value', () => {
    fc.assert(
      fc.property(oddValue, (input) => check(input)),
      fuzzParameters(150),
    );
  });

  it('deeply nested JSON as base or axes', () => {
    fc.assert(
      fc.property(deepJson, fc.boolean(), (text, asBase) =>
        check(asBase ? { base: JSON.parse(text), axes: [] } : { base: {}, axes: JSON.parse(text) }),
      ),
      fuzzParameters(20),
    );
  });

  it('the scenario cap holds for huge grids and sample counts', () => {
    const values = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(values, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (grids, samples) =>
          check(
            {
              base: {},
              axes: [
                ...grids
                  .map((grid, a) => ({ path: a % 2 ? `defaults.shareHybrid` : `national.waccGrid`, values: grid }))
                  .slice(0, 2),
                ...grids.slice(2).map((grid, a) => ({
                  path: `regions.${ids[a % ids.length]}.${['storageMW', 'storageMWh', 'resScale'][Math.floor(a / ids.length) % 3]}`,
                  values: grid,
                })),
                { path: 'national.costFeedinEURPerMW', uniform: [1, 2] },
              ],
              samples,
            },
            1_000_000,
          ),
      ),
      fuzzParameters(40),
    );
  });
});

describe('sweeps reject exactly the scenarios evaluate rejects', () => {
  const dataset = tinyWithZeroWindRegion();
  const regionIds = dataset.regions.map((region) => region.id);
  const runner = new SweepRunner({ workers: 0 });
  const scratch = mkdtempSync(join(tmpdir(), 'samenhang-sweep-fuzz-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const TARGET = 'engine.sweep.invalidScenarios';

  /** How `evaluate` treats a scenario: 'params' (parseScenario rejects it), 'overflow', or 'ok'. */
  function evaluateVerdict(scenario: Scenario): 'params' | 'overflow' | 'ok' {
    let parsed: Scenario;
    try {
      parsed = parseScenario(JSON.parse(JSON.stringify(scenario)), dataset);
    } catch (error) {
      if (error instanceof ValidationError) return 'params';
      throw error;
    }
    try {
      checkFiniteResults(evaluate(dataset, parsed));
    } catch (error) {
      if (error instanceof ValidationError) return 'overflow';
      throw error;
    }
    return 'ok';
  }

  /** The scenario a sweep failure names; the failure must be one line naming it. */
  function namedScenario(error: unknown): number | undefined {
    if (!(error instanceof ValidationError)) throw error;
    const match = /^scenario (\d+) \(.*\) is invalid: /.exec(error.issues[0].message);
    if (match) expect(error.issues).toHaveLength(1);
    return match ? Number(match[1]) : undefined;
  }

  function expectAllFinite(file: string): void {
    const table = tableFromIPC(readFileSync(file));
    for (const field of table.schema.fields) {
      if (field.name === 'region') continue;
      const column = table.getChild(field.name)!;
      for (let row = 0; row < table.numRows; row++) {
        const value = column.get(row);
        if (typeof value === 'number') expect(Number.isFinite(value), `${field.name} row ${row}`).toBe(true);
      }
    }
  }

  it('fails before running or at the first rejected scenario, naming it; otherwise writes only finite numbers', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(boundedSweepLike(regionIds), async (input) => {
        let plan: SweepPlan;
        try {
          plan = parseSweep(input, dataset);
        } catch (error) {
          const named = namedScenario(error);
          countInput(TARGET, named === undefined ? 'bad spec' : 'rejected before running');
          if (named === undefined) return; // a bad spec (say, a repeated path), not a bad scenario
          // Before running only parameters are checked: the named one is the first rejected for them.
          const enumerator = new SweepEnumerator(parseSweep(input, dataset, { precheck: false }));
          expect(evaluateVerdict(enumerator.scenario(named))).toBe('params');
          for (let i = 0; i < named; i++) expect(evaluateVerdict(enumerator.scenario(i))).not.toBe('params');
          return;
        }
        const enumerator = new SweepEnumerator(plan);
        const outFile = join(scratch, `run-${runs++}.arrow`);
        try {
          await runner.run(dataset, plan, { outFile });
        } catch (error) {
          const named = namedScenario(error);
          countInput(TARGET, 'rejected while running');
          expect(named).toBeDefined();
          expect(evaluateVerdict(enumerator.scenario(named!))).not.toBe('ok');
          for (let i = 0; i < named!; i++) expect(evaluateVerdict(enumerator.scenario(i))).toBe('ok');
          return;
        }
        countInput(TARGET, 'ran');
        for (let i = 0; i < plan.scenarioCount; i++) expect(evaluateVerdict(enumerator.scenario(i))).toBe('ok');
        expectAllFinite(outFile);
        rmSync(outFile);
      }),
      fuzzParameters(60),
    );
  });
});
