/**
 * Sizes the batteries of the named scenario "netbewust" (scenarios/netbewust.json): with solar
 * fields connected at κ = 0.7, every region whose feed-in still congests gets a battery of a
 * quarter of its remaining feed-in reinforcement need (rounded to 5 MW) with 4 hours of storage.
 * Run: npx tsx scenarios/size-netbewust.ts   (rewrites scenarios/netbewust.json)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, loadDataset, parseScenario } from '../engine/index.ts';

const CLIP = 0.7;
const BATTERY_SHARE_OF_REINFORCEMENT = 0.25;
const STORAGE_HOURS = 4;

const dataset = loadDataset();
const clipped = evaluate(dataset, parseScenario({ defaults: { fieldSolarClip: CLIP } }, dataset));
const regions: Record<string, { storageMW: number; storageMWh: number }> = {};
for (const region of clipped.regions) {
  if (region.congestionHoursFeedin === 0) continue;
  const storageMW = Math.round((region.reinforceFeedinMW * BATTERY_SHARE_OF_REINFORCEMENT) / 5) * 5;
  if (storageMW > 0) regions[region.id] = { storageMW, storageMWh: storageMW * STORAGE_HOURS };
}
const scenario = { name: 'netbewust', national: {}, defaults: { fieldSolarClip: CLIP }, regions };
writeFileSync(join(import.meta.dirname, 'netbewust.json'), `${JSON.stringify(scenario, null, 2)}\n`);
console.log(`netbewust: batteries in ${Object.keys(regions).length} regions`);
