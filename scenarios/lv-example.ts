/**
 * The worked example of the LV layer in docs/model.md: 15% all-electric and 30% hybrid homes on
 * the bundled data at wijkaanpak clustering 0, 0.5 and 1, in the reference year and in 1987.
 * `npx tsx scenarios/lv-example.ts` prints the table; scenarios/lv-example.test.ts checks that
 * docs/model.md holds exactly this table.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluate, loadDataset, parseScenario, type Dataset } from '../engine/index.ts';

/** The scenario of the example at one clustering and weather year (null: the reference 2023). */
export function exampleScenario(wijkClustering: number, weatherYear: number | null): unknown {
  return {
    name: `15% all-electric + 30% hybrid, clustering ${wijkClustering}`,
    national: { weatherYear },
    defaults: { shareAllElectric: 0.15, shareHybrid: 0.3, wijkClustering },
  };
}

const fmt0 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const fmt1 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The markdown table of the example on `dataset`. */
export function lvExampleTable(dataset: Dataset = loadDataset()): string {
  const lines = [
    '| weather year | clustering | LV reinforcement MW | homes on overloaded LV groups | LV capex M€ | regional offtake reinforcement MW | grid capex M€ | RES delivered TWh |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const weatherYear of [null, 1987])
    for (const clustering of [0, 0.5, 1]) {
      const n = evaluate(dataset, parseScenario(exampleScenario(clustering, weatherYear), dataset)).national;
      lines.push(
        `| ${weatherYear ?? '2023 (reference)'} | ${clustering} | ${fmt0.format(n.lvReinforceMW)} | ${fmt1.format(
          n.lvOverloadedHomesShare * 100,
        )}% | ${fmt0.format(n.lvCapexEUR / 1e6)} | ${fmt0.format(n.reinforceOfftakeMW)} | ${fmt0.format(
          n.gridCapexEUR / 1e6,
        )} | ${fmt1.format(n.resDeliveredTWh)} |`,
      );
    }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.stdout.write(lvExampleTable());
}
