/**
 * The named reference scenario for 2030 ("Referentie 2030"): sourced adoption of EVs, heat pumps
 * and insulation and the expected RES production, so that the base is not "nothing changes". Every
 * number and its source is in docs/data.md ("The reference scenario 2030"). National figures are
 * spread over the regions by homes, as the Scenario view spreads national totals.
 * `npx tsx scenarios/reference-2030.ts` writes scenarios/referentie-2030.json; a test checks that the
 * file is what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Dataset, loadDataset } from '../engine/index.ts';

/** The sourced national figures (docs/data.md lists the source of each). */
export const REFERENCE_2030 = {
  /** Electric passenger cars in 2030 (PwC, 2021). */
  evCount: 1_900_000,
  /** Existing homes with a heat pump in 2030, best case (DNE Research, Warmtepomp Trendrapport 2023). */
  heatPumpHomes2030: 1_700_000,
  /** Homes heated by a heat pump in 2022 (same source): already in today's demand, so not counted again. */
  heatPumpHomes2022: 450_000,
  /** Share of the new heat pumps in existing homes that is all-electric; the rest hybrid (DNE Research, Trendrapport 2024). */
  allElectricShareOfHeatPumps: 0.5,
  /** Homes insulated by 2030 (Nationaal Isolatieprogramma); those getting a heat pump insulate too. */
  insulatedHomes2030: 2_500_000,
  /** Expected RES production in 2030: the middle of 34–44 TWh (PBL, Monitor RES 2023). */
  resTWh: 39,
} as const;

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The scenario on `dataset` (homes per region from its region data). */
export function reference2030(dataset: Dataset = loadDataset()) {
  const r = REFERENCE_2030;
  const homes = dataset.regions.reduce((sum, region) => sum + region.homes, 0);
  const bidsTWh = dataset.regions.reduce((sum, x) => sum + x.solarRoofTWh + x.solarFieldTWh + x.windTWh, 0);
  const newHeatPumps = r.heatPumpHomes2030 - r.heatPumpHomes2022;
  const insulationOnly = r.insulatedHomes2030 - newHeatPumps;
  return {
    name: 'Referentie 2030',
    national: {},
    defaults: {
      resScale: round(r.resTWh / bidsTWh, 6),
      shareAllElectric: round((newHeatPumps * r.allElectricShareOfHeatPumps) / homes, 4),
      shareHybrid: round((newHeatPumps * (1 - r.allElectricShareOfHeatPumps)) / homes, 4),
      shareInsulationOnly: round(insulationOnly / homes, 4),
    },
    regions: Object.fromEntries(
      dataset.regions.map((region) => [region.id, { evCount: Math.round((r.evCount * region.homes) / homes) }]),
    ),
  };
}

/** The JSON file's text. */
export function reference2030Json(dataset?: Dataset): string {
  return `${JSON.stringify(reference2030(dataset), null, 2)}\n`;
}

export const REFERENCE_2030_FILE = join(import.meta.dirname, 'referentie-2030.json');

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(REFERENCE_2030_FILE, reference2030Json());
  console.log(`wrote ${REFERENCE_2030_FILE}`);
}
