import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadDataset, parseScenario, parseSweep } from '../engine/index.ts';

const dataset = loadDataset();
const scenarioFiles = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.json'));
const sweepFiles = readdirSync(join(import.meta.dirname, 'sweeps')).filter((f) => f.endsWith('.json'));

describe('named scenarios and sweeps', () => {
  it('has the scenarios the users asked for', () => {
    const names = scenarioFiles.map((f) => JSON.parse(readFileSync(join(import.meta.dirname, f), 'utf8')).name);
    expect(names.sort()).toEqual(
      [
        'Actuele tarieven (energiebelasting 2023)',
        'EB-herinvestering 10%',
        'Referentie 2030',
        'RES 1.0 indicatief',
        'netbewust',
        'warmte-all-electric',
        'warmte-stapsgewijs',
        'wind-zwaar',
        'zon-zwaar',
      ].sort(),
    );
  });

  for (const file of scenarioFiles) {
    it(`${file} validates and evaluates`, () => {
      const result = evaluate(
        dataset,
        parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')), dataset),
      );
      // The reference 2030 puts in the expected RES production (39 TWh); the others keep the 55 TWh of RES 1.0.
      expect(result.national.resNominalTWh).toBeCloseTo(file === 'referentie-2030.json' ? 39 : 55, 4);
    });
  }

  it('netbewust lowers feed-in reinforcement against RES 1.0 indicatief', () => {
    const read = (f: string) =>
      evaluate(dataset, parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, f), 'utf8')), dataset));
    expect(read('netbewust.json').national.reinforceFeedinMW).toBeLessThan(
      read('res-1-0-indicatief.json').national.reinforceFeedinMW,
    );
  });

  for (const file of sweepFiles) {
    it(`sweeps/${file} validates`, () => {
      const plan = parseSweep(JSON.parse(readFileSync(join(import.meta.dirname, 'sweeps', file), 'utf8')), dataset);
      expect(plan.scenarioCount).toBeGreaterThan(1);
    });
  }
});
