import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load-dataset.ts';
import { parseScenario } from '../scenario/validate.ts';
import { evaluate, evaluateRegionHourly } from './evaluate.ts';
import { annuity } from './finance.ts';
import { NATIONAL_OUTPUT_NAMES, REGION_OUTPUT_NAMES } from './outputs.ts';

const dataset = loadDataset();
const levers = {
  national: { ebReinvestShare: 0.1 },
  defaults: {
    fieldSolarClip: 0.7,
    storageMW: 40,
    storageMWh: 160,
    shareAllElectric: 0.1,
    shareHybrid: 0.2,
    shareHeatNet: 0.05,
    shareInsulationOnly: 0.1,
    evCount: 50000,
    evSmartShare: 0.5,
    industryAddMW: 20,
  },
};

describe('annuity', () => {
  it('repays the capital at the rate, and C/L at rate 0', () => {
    expect(annuity(1000, 0, 40)).toBe(25);
    // 1000 at 5% over 2 years: 537.80 (standard table value)
    expect(annuity(1000, 0.05, 2)).toBeCloseTo(537.8049, 4);
  });
});

describe('evaluate on the bundled 30-region dataset', () => {
  const base = evaluate(dataset, parseScenario({}, dataset));
  const withLevers = evaluate(dataset, parseScenario(levers, dataset));

  it('reports every output for 30 regions', () => {
    expect(base.regions).toHaveLength(30);
    for (const region of base.regions) expect(Object.keys(region)).toEqual(['id', ...REGION_OUTPUT_NAMES]);
    expect(Object.keys(base.national)).toEqual([...NATIONAL_OUTPUT_NAMES]);
  });

  it('clips field solar above κ × its peak, hour by hour, and delivers the rest', () => {
    const kappa = levers.defaults.fieldSolarClip;
    const scenario = parseScenario(levers, dataset);
    let clippedRegions = 0;
    dataset.regions.forEach((region, r) => {
      // Worked out from the dataset alone: the field's MW peak from its TWh and the profile's
      // full-load hours, then every hour's output above κ × peak is clipped.
      const solarCF = dataset.prepared[r].solarCF;
      let fullLoadHours = 0;
      for (let h = 0; h < dataset.hours; h++) fullLoadHours += solarCF[h];
      const fieldMW = (region.solarFieldTWh * 1e6) / fullLoadHours;
      let clippedMWh = 0;
      for (let h = 0; h < dataset.hours; h++) clippedMWh += Math.max(0, fieldMW * solarCF[h] - kappa * fieldMW);
      const out = withLevers.regions[r];
      expect(out.clipCurtailedTWh, region.id).toBeCloseTo(clippedMWh / 1e6, 9);
      if (clippedMWh > 0) clippedRegions++;
      // What the hourly trace generates is what is delivered, small roofs included.
      const series = evaluateRegionHourly(dataset, scenario, region.id);
      let generatedMWh = 0;
      for (let h = 0; h < dataset.hours; h++) generatedMWh += series.genMW[h];
      expect(out.resDeliveredTWh + out.smallRoofSolarTWh, region.id).toBeCloseTo(generatedMWh / 1e6, 9);
      expect(out.resDeliveredTWh, region.id).toBeLessThan(out.resNominalTWh);
    });
    expect(clippedRegions).toBe(dataset.regions.filter((region) => region.solarFieldTWh > 0).length);
    // RES 1.0 indicatief adds up to 55 TWh; Route 35 is not triggered
    expect(base.national.resNominalTWh).toBeCloseTo(55, 9);
    expect(base.national.route35Triggered).toBe(false);
    expect(base.national.targetGapTWh).toBe(0);
  });

  it('sums hourly generation to the annual TWh (trace)', () => {
    const scenario = parseScenario({}, dataset);
    const series = evaluateRegionHourly(dataset, scenario, 'ES01');
    const genTWh = series.genMW.reduce((sum, v) => sum + v, 0) / 1e6;
    const region = dataset.regions[0];
    const expected = region.solarRoofTWh + region.solarFieldTWh + region.windTWh + region.solarSmallRoofTWh;
    expect(genTWh).toBeCloseTo(expected, 9);
    const loadTWh = series.loadMW.reduce((sum, v) => sum + v, 0) / 1e6;
    expect(loadTWh).toBeCloseTo(region.baseDemandTWh, 9);
  });

  it('gives zero heat outputs when no home switches', () => {
    for (const region of base.regions) {
      expect(region.heatElecTWh).toBe(0);
      expect(region.gasAvoidedM3).toBe(0);
      expect(region.co2AvoidedT).toBe(0);
      expect(region.homesCapexEUR).toBe(0);
      expect(region.ebRevenueChangeEUR).toBe(0);
      expect(region.subsidyPerSwitchingHomeEUR).toBe(0);
    }
  });

  it('keeps each region’s RES total under solarShare', () => {
    const shifted = evaluate(dataset, parseScenario({ defaults: { solarShare: 0.3 } }, dataset));
    shifted.regions.forEach((region, r) => {
      expect(region.resNominalTWh).toBeCloseTo(base.regions[r].resNominalTWh, 12);
    });
  });

  it('makes national outcomes the sums of regional ones', () => {
    for (const name of ['peakFeedinMW', 'gridCapexEUR', 'co2AvoidedT', 'windHa'] as const) {
      const sum = withLevers.regions.reduce((total, region) => total + region[name], 0);
      expect(Math.abs(withLevers.national[name] - sum) / Math.abs(sum)).toBeLessThan(1e-14);
    }
    const unpaid = withLevers.regions.reduce((total, region) => total + region.gridAnnuityEUR - region.ebToGridEUR, 0);
    const connections = dataset.regions.reduce((total, region) => total + region.connections, 0);
    expect(withLevers.national.tariffEURPerConnection).toBeCloseTo(unpaid / connections, 9);
  });

  it('splits the energy-tax budget over all homes and spends it on grid first', () => {
    expect(withLevers.national.ebBudgetEUR).toBeCloseTo(0.1 * 6.408e9, 3);
    for (const region of withLevers.regions) {
      expect(region.ebToGridEUR).toBeLessThanOrEqual(region.gridAnnuityEUR + 1e-6);
      expect(region.ebToGridEUR + region.ebToHeatEUR).toBeCloseTo(region.ebBudgetEUR, 6);
      expect(region.tariffEURPerConnection).toBeGreaterThanOrEqual(0);
    }
  });

  it('lets a battery lower the peak and adds its cost', () => {
    const battery = evaluate(dataset, parseScenario({ defaults: { storageMW: 100, storageMWh: 400 } }, dataset));
    battery.regions.forEach((region, r) => {
      expect(region.peakFeedinMW).toBeLessThanOrEqual(base.regions[r].peakFeedinMW + 1e-9);
      expect(region.storageCapexEUR).toBe(100 * 214000 + 400 * 190000);
      expect(region.congestionHoursFeedin).toBe(base.regions[r].congestionHoursFeedin);
    });
  });

  it('shows that heat pumps add winter offtake peaks', () => {
    const heat = evaluate(dataset, parseScenario({ defaults: { shareAllElectric: 0.5 } }, dataset));
    heat.regions.forEach((region, r) => {
      expect(region.peakOfftakeMW).toBeGreaterThan(base.regions[r].peakOfftakeMW);
      expect(region.heatElecTWh).toBeGreaterThan(0);
    });
  });
});
