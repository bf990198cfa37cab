import { capacityMW, datasetForWeatherYear } from '../data/prepare.ts';
import { fixedBlockBounds } from '../kernel/block-bounds.ts';
import type { Dataset } from '../data/types.ts';
import {
  KERNEL_OUTPUT_COUNT,
  runRegionHours,
  type HourlyTrace,
  type RegionHoursInput,
} from '../kernel/region-hours.ts';
import { resolveNational, resolveRegion, type ResolvedRegion } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/schema.ts';
import { hourlyView } from '../scenario/hourly-params.ts';
import { computeHomeEconomics, computeRegionOutputs, type HomeEconomics, type RegionCapacities } from './finance.ts';
import { lvCapacityKWPerHome, transitionShare } from './lv.ts';
import { HeatProfileCache, type HeatProfile } from './heat.ts';
import { LoadShapeCache } from './load-shapes.ts';
import { computeNationalRow } from './national.ts';
import {
  NATIONAL_OUTPUT_NAMES,
  NULLABLE_OUTPUT_NAMES,
  OUTPUT_COUNT,
  OUTPUT_INDEX,
  REGION_OUTPUT_NAMES,
  type NationalResult,
  type OutputName,
  type RegionResult,
} from './outputs.ts';
import type { NationalParams } from '../scenario/parameters.ts';

/** One region of a scenario, resolved for the finance pass; kernel inputs are built only when the hours run. */
export interface RegionRun {
  resolved: ResolvedRegion;
  capacities: RegionCapacities;
  heat: HeatProfile;
}

/** A scenario resolved against a dataset. */
export interface ScenarioRun {
  /** The dataset as run in the scenario's weather year (MODEL.md §10). */
  dataset: Dataset;
  national: NationalParams;
  regions: RegionRun[];
  shapeCache: LoadShapeCache;
}

const sharedHeatCache = new HeatProfileCache();
const sharedShapeCache = new LoadShapeCache();

/**
 * Builds the kernel's inputs for region `r` of a resolved scenario (MODEL.md §2.1–2.3). Scenario
 * values are read only through `hourlyView`, so everything used here is in HOURLY_PARAMS, the list
 * sweeps use to tell physical axes from finance-only ones.
 */
export function kernelInputFor(run: ScenarioRun, r: number): RegionHoursInput {
  const { dataset } = run;
  const national = hourlyView(run.national);
  const resolved = hourlyView(run.regions[r].resolved);
  const heat = run.regions[r].heat; // a function of HEAT_NATIONAL_PARAMS, all hourly
  const shapes = run.shapeCache;
  const prepared = dataset.prepared[r];
  const homes = dataset.regions[r].homes;
  const fieldMW = capacityMW(resolved.solarFieldTWh, prepared.flhSolarH);
  const evMWh = (resolved.evCount * national.evKWhPerYear) / 1000;
  const smallRoofMW = capacityMW(resolved.solarSmallRoofTWh, prepared.flhSolarH);
  const heatKWPerHome = shapes.heatMix(heat, resolved.shareAllElectric, resolved.shareHybrid);
  const evShare = shapes.evMix(dataset, resolved.evSmartShare);
  return {
    hours: dataset.hours,
    solarCF: prepared.solarCF,
    windCF: prepared.windCF,
    baseMW: prepared.baseMW,
    heatKWPerHome,
    evShare,
    roofAndSmallMW: capacityMW(resolved.solarRoofTWh, prepared.flhSolarH) + smallRoofMW,
    fieldMW,
    fieldCapMW: resolved.fieldSolarClip * fieldMW,
    windMW: capacityMW(resolved.windTWh, prepared.flhWindH),
    homesThousands: homes / 1000,
    evMWh,
    industryMW: resolved.industryAddMW,
    feedinMW: resolved.gridFeedinMW,
    offtakeMW: resolved.gridOfftakeMW,
    storageMW: resolved.storageMW,
    storageMWh: resolved.storageMWh,
    storageEta: Math.sqrt(national.storageRoundTrip),
    householdShare: prepared.householdShare,
    householdKWhPerHome: prepared.householdKWhPerHome,
    evKWhPerHome: (resolved.evCount * national.evKWhPerYear) / homes,
    smallRoofKWPerHome: (smallRoofMW * 1000) / homes,
    transitionHeatFactor: 1 / transitionShare(resolved),
    bounds: {
      solarCF: fixedBlockBounds(prepared.solarCF),
      windCF: fixedBlockBounds(prepared.windCF),
      baseMW: fixedBlockBounds(prepared.baseMW),
      heatKWPerHome: shapes.boundsOf(heatKWPerHome),
      evShare: shapes.boundsOf(evShare),
      householdShare: fixedBlockBounds(prepared.householdShare),
    },
  };
}

/** Resolves every region of `scenario` (parameters, capacities, heat profile, kernel inputs). */
export function resolveScenario(
  dataset: Dataset,
  scenario: Scenario,
  heatCache: HeatProfileCache = sharedHeatCache,
  shapeCache: LoadShapeCache = sharedShapeCache,
): ScenarioRun {
  const national = resolveNational(scenario);
  const heatKey = HeatProfileCache.keyOf(national);
  const runDataset = datasetForWeatherYear(dataset, national.weatherYear);
  const regions = runDataset.regions.map((_, r): RegionRun => {
    const resolved = resolveRegion(runDataset, r, scenario);
    const prepared = runDataset.prepared[r];
    const heat = heatCache.get(prepared.tempC, national, heatKey, prepared.referenceTempC);
    const capacities = {
      fieldMW: capacityMW(resolved.solarFieldTWh, prepared.flhSolarH),
      windMW: capacityMW(resolved.windTWh, prepared.flhWindH),
    };
    return { resolved, capacities, heat };
  });
  return { dataset: runDataset, national, regions, shapeCache };
}

/** Runs the hourly kernel for every region; `kernelOut` holds KERNEL_OUTPUT_COUNT values per region. */
export function runScenarioHours(run: ScenarioRun, kernelOut: Float64Array): void {
  for (let r = 0; r < run.regions.length; r++)
    runRegionHours(kernelInputFor(run, r), kernelOut, r * KERNEL_OUTPUT_COUNT, null);
}

/**
 * The finance pass (MODEL.md §3–4) from kernel outputs: writes one row per region and then the
 * national row into `rows` ((regions + 1) × OUTPUT_COUNT values, national last).
 */
export function computeOutputRows(
  dataset: Dataset,
  run: ScenarioRun,
  kernelOut: Float64Array,
  rows: Float64Array,
): void {
  const regionCount = dataset.regions.length;
  const runDataset = run.dataset;
  // Regions on one temperature profile share their per-home economics.
  let lastHeat: HeatProfile | undefined;
  let home: HomeEconomics | undefined;
  for (let r = 0; r < regionCount; r++) {
    const regionRun = run.regions[r];
    const prepared = runDataset.prepared[r];
    if (regionRun.heat !== lastHeat) {
      lastHeat = regionRun.heat;
      home = computeHomeEconomics(regionRun.heat, run.national);
    }
    computeRegionOutputs(
      dataset.regions[r],
      regionRun.resolved,
      regionRun.capacities,
      prepared,
      home!,
      run.national,
      dataset.totalHomes,
      kernelOut,
      r * KERNEL_OUTPUT_COUNT,
      rows,
      r * OUTPUT_COUNT,
    );
  }
  computeNationalRow(rows, dataset.regions, run.national, rows, regionCount * OUTPUT_COUNT);
}

/** Evaluates a scenario into output rows: one per region, then the national row. */
export function evaluateRows(dataset: Dataset, scenario: Scenario): Float64Array {
  const run = resolveScenario(dataset, scenario);
  const kernelOut = new Float64Array(dataset.regions.length * KERNEL_OUTPUT_COUNT);
  runScenarioHours(run, kernelOut);
  const rows = new Float64Array((dataset.regions.length + 1) * OUTPUT_COUNT);
  computeOutputRows(dataset, run, kernelOut, rows);
  return rows;
}

/** The result of `samenhang evaluate --json` (MODEL.md §6). */
export interface EvaluationResult {
  regions: RegionResult[];
  national: NationalResult;
}

/**
 * NaN in a nullable output stands for null (a share of 0 arable land, say). In any other output NaN
 * is an overflow and stays NaN, so the callers' finiteness checks still reject it.
 */
function outputValue(name: OutputName, value: number): number | null {
  return Number.isNaN(value) && NULLABLE_OUTPUT_SET.has(name) ? null : value;
}

const NULLABLE_OUTPUT_SET: ReadonlySet<OutputName> = new Set(NULLABLE_OUTPUT_NAMES);

/** Turns output rows into the JSON shape of MODEL.md §6. */
export function rowsToResult(dataset: Dataset, rows: Float64Array): EvaluationResult {
  const regions = dataset.regions.map((region, r) => {
    const result: Record<string, number | string | null> = { id: region.id };
    for (const name of REGION_OUTPUT_NAMES)
      result[name] = outputValue(name, rows[r * OUTPUT_COUNT + OUTPUT_INDEX[name]]);
    return result as RegionResult;
  });
  const offset = dataset.regions.length * OUTPUT_COUNT;
  const national: Record<string, number | boolean | null> = {};
  for (const name of NATIONAL_OUTPUT_NAMES) {
    const value = rows[offset + OUTPUT_INDEX[name]];
    national[name] = name === 'route35Triggered' ? value === 1 : outputValue(name, value);
  }
  return { regions, national: national as NationalResult };
}

/** Evaluates a validated scenario on a dataset (MODEL.md §2–4). */
export function evaluate(dataset: Dataset, scenario: Scenario): EvaluationResult {
  return rowsToResult(dataset, evaluateRows(dataset, scenario));
}

/** Hourly series of one region for charts, hours [from, to). */
export interface RegionHourlySeries extends HourlyTrace {
  region: string;
  from: number;
  to: number;
  feedinLimitMW: number;
  offtakeLimitMW: number;
  /** Today's LV capacity per home (MODEL.md §9.2), the limit of lvTransitionKWPerHome. */
  lvCapacityKWPerHome: number;
}

function lvCapacityOf(run: ScenarioRun, r: number): number {
  return lvCapacityKWPerHome(run.regions[r].resolved, run.dataset.prepared[r], run.national);
}

/** Runs one region with a trace and returns its hourly series between `from` and `to`. */
export function evaluateRegionHourly(
  dataset: Dataset,
  scenario: Scenario,
  regionId: string,
  from = 0,
  to = dataset.hours,
): RegionHourlySeries {
  const r = dataset.regionIndex.get(regionId);
  if (r === undefined) throw new RangeError(`unknown region ${regionId}`);
  const run = resolveScenario(dataset, scenario);
  const hours = run.dataset.hours;
  to = Math.min(to, hours);
  const trace: HourlyTrace = {
    genMW: new Float64Array(hours),
    loadMW: new Float64Array(hours),
    netMW: new Float64Array(hours),
    netAfterStorageMW: new Float64Array(hours),
    socMWh: new Float64Array(hours),
    lvTransitionKWPerHome: new Float64Array(hours),
  };
  const kernelOut = new Float64Array(KERNEL_OUTPUT_COUNT);
  runRegionHours(kernelInputFor(run, r), kernelOut, 0, trace);
  const slice = (values: Float64Array) => values.slice(from, to);
  return {
    region: regionId,
    from,
    to,
    feedinLimitMW: run.regions[r].resolved.gridFeedinMW,
    offtakeLimitMW: run.regions[r].resolved.gridOfftakeMW,
    genMW: slice(trace.genMW),
    loadMW: slice(trace.loadMW),
    netMW: slice(trace.netMW),
    netAfterStorageMW: slice(trace.netAfterStorageMW),
    socMWh: slice(trace.socMWh),
    lvTransitionKWPerHome: slice(trace.lvTransitionKWPerHome),
    lvCapacityKWPerHome: lvCapacityOf(run, r),
  };
}
