import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import {
  countInput,
  deepJson,
  fuzzParameters,
  oddValue,
  scenarioLike,
  writeFuzzReport,
  expectValueOrLocatedIssues,
} from '../testing/fuzz-support.ts';
import { parseScenario } from './validate.ts';

const tiny = loadDataset(join(import.meta.dirname, '../testdata/tiny/dataset'));
const ids = tiny.regions.map((region) => region.id);

/** parseScenario returns a scenario or throws a ValidationError whose issues are all located; nothing else. */
function check(input: unknown): void {
  countInput('engine.parseScenario');
  expectValueOrLocatedIssues(
    () => parseScenario(input, tiny),
    (scenario) => {
      expect(Object.getPrototypeOf(scenario.regions)).toBe(Object.prototype);
      for (const id of Object.keys(scenario.regions)) expect(ids).toContain(id);
    },
  );
}

afterAll(writeFuzzReport);

describe('parseScenario under fuzzing', () => {
  it('scenario-shaped inputs: a scenario or located issues, never another exception', () => {
    fc.assert(fc.property(scenarioLike(ids), check), fuzzParameters(300));
  });

  it('any JSON-like value (NaN, undefined, prototype keys, unicode)', () => {
    fc.assert(fc.property(oddValue, check), fuzzParameters(200));
  });

  it('deeply nested JSON', () => {
    fc.assert(
      fc.property(deepJson, (text) => check(JSON.parse(text))),
      fuzzParameters(20),
    );
  });

  it('prototype keys never pollute Object.prototype', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.constantFrom('national', 'defaults', 'regions', ''),
        (key, at) => {
          const text =
            at === '' ? `{"${key}": {"polluted": 1}}` : `{"${at}": {"${key}": {"polluted": 1, "storageMW": 1}}}`;
          check(JSON.parse(text));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      fuzzParameters(12),
    );
  });
});
