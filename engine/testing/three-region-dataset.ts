import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset } from '../data/parse-dataset.ts';
import type { Dataset } from '../data/types.ts';

/**
 * Tests only: three regions with round RES figures — A 10 TWh, B 20 TWh, C 20 TWh (50 in all), so
 * the fair shares of a 35 TWh target are 7, 14 and 14 TWh — on the tiny dataset's profiles.
 */
export function threeRegionDataset(): Dataset {
  const header =
    'id,name,provinces,homes,connections,baseDemandTWh,solarRoofTWh,solarFieldTWh,windTWh,existingSolarRoofTWh,existingSolarFieldTWh,existingWindTWh,gridFeedinMW,gridOfftakeMW,solarProfile,windProfile,tempProfile,baseProfile';
  const regionsCsv = [
    header,
    'A,Alfa,Test,1000,1000,1,2,3,5,0,0,0,100,200,sol,wnd,tmp,bas',
    'B,Bravo,Test,2000,2000,1,5,5,10,0,0,0,300,400,sol,wnd,tmp,bas',
    'C,Charlie,Test,4000,4000,1,0,0,20,0,0,0,500,600,sol,wnd,tmp,bas',
  ].join('\n');
  const profilesCsv = readFileSync(join(import.meta.dirname, '../testdata/tiny/dataset/profiles.csv'), 'utf8');
  return parseDataset({ name: 'three', regionsCsv, profilesCsv });
}
