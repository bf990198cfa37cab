import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Commitment, type Dataset, formatIssue, parseCommitment, ValidationError } from '../engine/index.ts';
import type { CommitmentStore } from './commitments.ts';
import { type Db, getMeta, setMeta } from './db.ts';

/** The published bids the example register is made of (copied with provenance, see scenarios/sources). */
export const EXAMPLE_BIDS_FILE = join('scenarios', 'sources', 'regions', 'res_1_0_bids_partial.csv');
const EXAMPLE_AUTHOR = 'Samenhang (voorbeeld)';
const SEEDED_KEY = 'intekenboek-seeded';

interface Bid {
  region: string;
  name: string;
  stage: string;
  twh: number;
  source: string;
}

/** The regional rows of the bids file (the national sums are no one actor's commitment). */
function readBids(file: string): Bid[] {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines
    .map((line) => line.split(','))
    .filter((cells) => /^ES\d\d$/.test(cells[0]))
    .map((cells) => ({ region: cells[0], name: cells[1], stage: cells[2], twh: Number(cells[3]), source: cells[4] }));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A bid (one TWh figure) split over roof solar, field solar and wind in the proportions of the region in the dataset. */
function splitBid(twh: number, dataset: Dataset, region: string) {
  const data = dataset.regions[dataset.regionIndex.get(region)!];
  const total = data.solarRoofTWh + data.solarFieldTWh + data.windTWh;
  if (total === 0) return { windTWh: twh };
  const solarRoofTWh = round3((twh * data.solarRoofTWh) / total);
  const solarFieldTWh = round3((twh * data.solarFieldTWh) / total);
  return { solarRoofTWh, solarFieldTWh, windTWh: round3(twh - solarRoofTWh - solarFieldTWh) };
}

const nl = (x: number) => String(x).replace('.', ',');

/**
 * The example register: the RES 1.0 figures of Drenthe, Noord-Holland Noord and Noord-Holland Zuid
 * as `vastgesteld`, Groningen's concept-RES figure as `bod` (each with its source), and one invented
 * netbeheerder capacity commitment. Every note says it is an example.
 */
export function exampleCommitments(repoRoot: string, dataset: Dataset): Commitment[] {
  const bids = readBids(join(repoRoot, EXAMPLE_BIDS_FILE)).filter((bid) => dataset.regionIndex.has(bid.region));
  const commitments: unknown[] = bids.map((bid) => {
    const isRes10 = bid.stage.startsWith('RES 1.0');
    return {
      actor: `RES-regio ${bid.name}`,
      actorKind: 'res-regio',
      region: bid.region,
      kind: 'res',
      quantities: splitBid(bid.twh, dataset, bid.region),
      year: 2030,
      status: isRes10 ? 'vastgesteld' : 'bod',
      source: bid.source,
      note:
        `Voorbeeld uit het voorbeeldregister: ${isRes10 ? 'het RES 1.0-bod' : 'het bod uit de concept-RES (2020)'} van ${nl(bid.twh)} TWh. ` +
        'Het bod is niet uitgesplitst; de verdeling over zon op dak, zonneveld en wind volgt de verhouding van de regio in de dataset.',
      author: EXAMPLE_AUTHOR,
    };
  });
  if (dataset.regionIndex.has('ES01')) {
    commitments.push({
      actor: 'Enexis Netbeheer',
      actorKind: 'netbeheerder',
      region: 'ES01',
      kind: 'net',
      quantities: { feedinMW: 400, offtakeMW: 150 },
      year: 2029,
      status: 'vastgesteld',
      source: '',
      note: 'VERZONNEN VOORBEELD: geen echt besluit van Enexis. Laat zien hoe een netbeheerder extra transportcapaciteit intekent.',
      author: EXAMPLE_AUTHOR,
    });
  }
  return commitments.map((input) => parseCommitment(input, dataset));
}

/**
 * Loads the example register into an empty intekenboek on first start, once: the meta entry records
 * it, so examples the users withdraw or change are not added again.
 */
export function seedExampleRegister(
  db: Db,
  store: CommitmentStore,
  repoRoot: string,
  dataset: Dataset,
): { added: number; skipped?: string } {
  if (getMeta(db, SEEDED_KEY) !== undefined) return { added: 0, skipped: 'already seeded' };
  let examples: Commitment[];
  try {
    examples = exampleCommitments(repoRoot, dataset);
  } catch (error) {
    const reason =
      error instanceof ValidationError ? error.issues.map(formatIssue).join('; ') : (error as Error).message;
    return { added: 0, skipped: reason };
  }
  return db.transaction(() => {
    const empty = store.count() === 0;
    if (empty) for (const commitment of examples) store.create(commitment, { example: true });
    setMeta(db, SEEDED_KEY, JSON.stringify({ at: new Date().toISOString(), added: empty ? examples.length : 0 }));
    return { added: empty ? examples.length : 0 };
  })();
}
