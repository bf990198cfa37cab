import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { evaluate } from '../model/evaluate.ts';
import { resolveNational } from '../scenario/resolve.ts';
import { parseScenario } from '../scenario/validate.ts';
import { formatSummary } from './format-summary.ts';

const TESTDATA = join(import.meta.dirname, '../testdata');

function summaryOf(datasetDir: string, input: object): string {
  const dataset = loadDataset(datasetDir);
  const scenario = parseScenario(input, dataset);
  return formatSummary('s', dataset.name, evaluate(dataset, scenario), resolveNational(scenario));
}

describe('summary: financing routes, uitvoeringskosten and land', () => {
  // tiny-v2 has arable land in every region; a storage battery and heat pumps give every block a value.
  const input = {
    national: { equityShare: 0.4, waccState: 0.015, ebRevenueEURPerYear: 21600000 },
    defaults: { storageMW: 10, storageMWh: 20, shareHybrid: 0.2, shareInsulationOnly: 0.1 },
  };
  const dataset = loadDataset(join(TESTDATA, 'tiny-v2/dataset'));
  const result = evaluate(dataset, parseScenario(input, dataset));
  const text = summaryOf(join(TESTDATA, 'tiny-v2/dataset'), input);
  const n = result.national;
  const one = (x: number) => x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  it('shows the three routes nationally with the rates they use and what the state puts in', () => {
    expect(text).toMatch(
      new RegExp(`Tariffs \\(netbeheerder at 3\\.0%\\)\\s+${one(n.financeTariffEURPerConnection)} EUR; state: nothing`),
    );
    expect(text).toMatch(
      new RegExp(
        `State equity \\(40\\.0% at 1\\.5%\\)\\s+${one(n.financeEquityTariffEURPerConnection)} EUR; state: ${one(n.financeEquityStateEUR / 1e6)} M EUR capital`,
      ),
    );
    expect(text).toContain(
      `0.0 EUR; state: ${one(n.financeSubsidyStateEURPerYear / 1e6)} M EUR per year, ${one(n.financeSubsidyEBShare! * 100)}% of the energy-tax revenue`,
    );
  });

  it('puts the uitvoeringskosten at their klimaattafel and gives the land claim with its share of arable land', () => {
    expect(text).toMatch(
      new RegExp(`Gebouwde omgeving \\(warmte[^)]*\\)\\s+${one(n.uitvoeringWarmteEUR / 1e6)} M EUR`),
    );
    expect(text).toMatch(new RegExp(`Elektriciteit \\(RES[^)]*\\)\\s+${one(n.uitvoeringRESEUR / 1e6)} M EUR`));
    expect(text).toContain(`${one(n.landClaimShareOfArable! * 100)}% of the arable land`);
  });

  it('has a row per region with its routes and land share', () => {
    for (const region of result.regions) {
      const row = text.split('\n').find((line) => line.startsWith(region.id) && line.includes('%'));
      expect(row, region.id).toBeDefined();
      expect(row).toContain(one(region.financeEquityTariffEURPerConnection));
      expect(row).toContain(`${one(region.landClaimShareOfArable! * 100)}%`);
    }
  });

  it('says so when a share has no denominator (no energy-tax revenue, arable land unknown)', () => {
    const v1 = summaryOf(join(TESTDATA, 'tiny/dataset'), { national: { ebRevenueEURPerYear: 0 } });
    expect(v1).toContain('no energy-tax revenue to compare with');
    expect(v1).toContain('share of arable land unknown');
  });
});
