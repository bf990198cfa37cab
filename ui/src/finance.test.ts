import { describe, expect, it } from 'vitest';
import type { RegionResult } from '../../engine/model/outputs.ts';
import { executionRow, financeRegionRows, financeRoutes, landRows, shareOrReason } from './finance.ts';

/** A region result with only the fields these helpers read set; the rest stay 0. */
function region(id: string, fields: Partial<RegionResult>): RegionResult {
  return { id, ...fields } as RegionResult;
}

describe('financeRoutes', () => {
  const row = {
    financeTariffEURPerConnection: 120,
    financeEquityTariffEURPerConnection: 100,
    financeEquityStateEUR: 3e9,
    financeSubsidyStateEURPerYear: 4.5e8,
  };

  it('puts the three routes side by side: users pay, the state pays, the difference with tariffs', () => {
    const [tariff, equity, subsidy] = financeRoutes(row);
    expect([tariff.key, equity.key, subsidy.key]).toEqual(['tarief', 'deelneming', 'subsidie']);
    expect(tariff).toMatchObject({ perConnectionEUR: 120, diffVsTariffEUR: 0, stateCapitalEUR: 0, stateYearlyEUR: 0 });
    expect(equity).toMatchObject({
      perConnectionEUR: 100,
      diffVsTariffEUR: -20,
      stateCapitalEUR: 3e9,
      stateYearlyEUR: 0,
    });
    expect(subsidy).toMatchObject({
      perConnectionEUR: 0,
      diffVsTariffEUR: -120,
      stateCapitalEUR: 0,
      stateYearlyEUR: 4.5e8,
    });
  });

  it('gives every route a Dutch label and who pays', () => {
    for (const r of financeRoutes(row)) {
      expect(r.label).toMatch(/^[A-Z]/);
      expect(r.payer.length).toBeGreaterThan(20);
    }
  });
});

describe('shareOrReason', () => {
  it('shows a share as a Dutch percentage', () => {
    expect(shareOrReason(0.0696, 'x')).toBe('7,0\u00a0%');
    expect(shareOrReason(0.12345, 'x', 2)).toBe('12,35\u00a0%');
  });

  it('shows a missing share as "—" with the reason, never NaN', () => {
    expect(shareOrReason(null, 'geen EB-opbrengst ingesteld')).toBe('— (geen EB-opbrengst ingesteld)');
    expect(shareOrReason(Number.NaN, 'landbouwgrond onbekend')).toBe('— (landbouwgrond onbekend)');
    expect(shareOrReason(undefined, 'r')).toBe('— (r)');
  });
});

describe('financeRegionRows', () => {
  it('converts a region’s routes to display units (mln €) with the differences against tariffs', () => {
    const [r] = financeRegionRows(
      [
        region('ES06', {
          financeTariffEURPerConnection: 515.4,
          financeEquityTariffEURPerConnection: 490.7,
          financeEquityStateEUR: 749.7e6,
          financeSubsidyStateEURPerYear: 108.1e6,
          tariffEURPerConnection: 400,
        }),
      ],
      (id) => (id === 'ES06' ? 'Flevoland' : id),
    );
    expect(r.name).toBe('Flevoland');
    expect(r.equityDiff).toBeCloseTo(-24.7, 10);
    expect(r.subsidyDiff).toBe(-515.4);
    expect(r.equityStateMln).toBeCloseTo(749.7, 10);
    expect(r.subsidyStateMlnPerYear).toBeCloseTo(108.1, 10);
    expect(r.ownTariff).toBe(400);
  });
});

describe('executionRow', () => {
  it('splits the uitvoeringskosten over Gebouwde omgeving and Elektriciteit in mln €', () => {
    // 10 000 switching homes × 2 150 € = 21,5 mln €; 2 TWh new × 50 mln € = 100 mln €.
    const r = executionRow('ES01', 'Groningen', { uitvoeringWarmteEUR: 21.5e6, uitvoeringRESEUR: 100e6 });
    expect(r).toEqual({ id: 'ES01', name: 'Groningen', gebouwdMln: 21.5, elektriciteitMln: 100, totalMln: 121.5 });
  });
});

describe('landRows', () => {
  it('joins the land outputs with the arable land; the ruimtedruk in %, null where arable land is unknown', () => {
    const rows = landRows(
      [
        region('ES01', {
          fieldSolarHa: 1000,
          windHa: 50,
          housingHa: 950,
          housingNeedHomes: 28500,
          landClaimHa: 2000,
          landClaimShareOfArable: 0.025,
        }),
        region('ES02', { landClaimHa: 10, landClaimShareOfArable: null }),
      ],
      [
        { id: 'ES01', name: 'Groningen', arableLandHa: 80000 },
        { id: 'ES02', name: 'Fryslân' },
      ],
    );
    expect(rows[0]).toMatchObject({ name: 'Groningen', arableLandHa: 80000, housingNeedHomes: 28500 });
    expect(rows[0].pressurePct).toBeCloseTo(2.5, 12);
    expect(rows[1]).toMatchObject({ name: 'Fryslân', arableLandHa: null, pressurePct: null });
  });
});
