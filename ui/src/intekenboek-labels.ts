/** Dutch words and display units of the intekenboek; identifiers stay as the API names them. */
import type { ActorKind, CommitmentKind, CommitmentStatus, QuantityName } from '../../engine/intekenboek/types.ts';
import { euros, num } from './format.ts';
import type { Commitment } from './intekenboek-api.ts';

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  'res-regio': 'RES-regio',
  provincie: 'Provincie',
  gemeente: 'Gemeente',
  waterschap: 'Waterschap',
  netbeheerder: 'Netbeheerder',
  rijk: 'Rijk',
};

export const KIND_LABELS: Record<CommitmentKind, string> = {
  res: 'Duurzame opwek (RES)',
  net: 'Netcapaciteit',
  warmte: 'Warmte (woningen)',
  financiering: 'Financiering',
};

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  bod: 'Bod',
  vastgesteld: 'Vastgesteld',
  vergund: 'Vergund',
  gerealiseerd: 'Gerealiseerd',
  ingetrokken: 'Ingetrokken',
};

/** Colours of the statuses in the bars: further along is darker. */
export const STATUS_COLOURS: Record<CommitmentStatus, string> = {
  gerealiseerd: '#1b5e20',
  vergund: '#43a047',
  vastgesteld: '#81c784',
  bod: '#ffd54f',
  ingetrokken: '#bdbdbd',
};

export const QUANTITY_LABELS: Record<QuantityName, [label: string, unit: string]> = {
  solarRoofTWh: ['Zon op grote daken', 'TWh'],
  solarFieldTWh: ['Zonnevelden', 'TWh'],
  windTWh: ['Wind op land', 'TWh'],
  feedinMW: ['Extra invoedcapaciteit', 'MW'],
  offtakeMW: ['Extra afnamecapaciteit', 'MW'],
  homesAllElectric: ['Woningen all-electric', 'woningen'],
  homesHybrid: ['Woningen hybride warmtepomp', 'woningen'],
  homesHeatNet: ['Woningen op warmtenet', 'woningen'],
  homesInsulationOnly: ['Woningen alleen isolatie', 'woningen'],
  eur: ['Bedrag', '€'],
};

/** One line describing what a commitment promises, in display units. */
export function describeQuantities(c: Commitment): string {
  const q = c.quantities;
  if (c.kind === 'res') {
    const total = (q.solarRoofTWh ?? 0) + (q.solarFieldTWh ?? 0) + (q.windTWh ?? 0);
    const parts = [
      q.solarRoofTWh !== undefined ? `dak ${num(q.solarRoofTWh, 2)}` : '',
      q.solarFieldTWh !== undefined ? `veld ${num(q.solarFieldTWh, 2)}` : '',
      q.windTWh !== undefined ? `wind ${num(q.windTWh, 2)}` : '',
    ].filter(Boolean);
    return `${num(total, 2)}\u00a0TWh (${parts.join(' · ')})`;
  }
  if (c.kind === 'net') {
    return [
      q.feedinMW !== undefined ? `+${num(q.feedinMW, 0)}\u00a0MW invoeding` : '',
      q.offtakeMW !== undefined ? `+${num(q.offtakeMW, 0)}\u00a0MW afname` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (c.kind === 'warmte') {
    const names: Array<[QuantityName, string]> = [
      ['homesAllElectric', 'all-electric'],
      ['homesHybrid', 'hybride'],
      ['homesHeatNet', 'warmtenet'],
      ['homesInsulationOnly', 'isolatie'],
    ];
    const total = names.reduce((sum, [name]) => sum + (q[name] ?? 0), 0);
    const parts = names.filter(([name]) => q[name] !== undefined).map(([name, label]) => `${label} ${num(q[name], 0)}`);
    return `${num(total, 0)}\u00a0woningen (${parts.join(' · ')})`;
  }
  return `${euros(q.eur)} — ${q.purpose ?? ''}`;
}

/** Server messages (English) in Dutch, for the form and the import report. */
const MESSAGES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^must not be negative/, () => 'mag niet negatief zijn'],
  [/^must be a finite number/, () => 'moet een getal zijn'],
  [/^must be at most ([\d.e+]+)/, (m) => `is te groot (hoogstens ${num(Number(m[1]), 0)})`],
  [/^must be a whole number of homes/, () => 'moet een heel aantal woningen zijn'],
  [
    /^must be a whole year|^must be \d+ or (later|earlier)|^must be a year/,
    () => 'moet een jaar van 2000 tot en met 2100 zijn',
  ],
  [/^must not be empty/, () => 'mag niet leeg zijn'],
  [/^must be one of/, () => 'kies een van de mogelijkheden'],
  [/^unknown region id '([^']*)'/, (m) => `onbekende regio ‘${m[1]}’ (laat leeg voor landelijk)`],
  [/^kind '\w+' needs at least one of/, () => 'vul minstens één hoeveelheid in'],
  [/^kind 'financiering' needs eur/, () => 'vul het bedrag in'],
  [/^kind 'financiering' needs a purpose/, () => 'geef aan waarvoor het geld is'],
  [/^not a quantity of kind/, () => 'hoort niet bij dit soort toezegging'],
  [/^'([^']*)' is not a number/, (m) => `‘${m[1]}’ is geen getal (gebruik een punt als decimaalteken: 3.45)`],
  [/^unknown column/, () => 'onbekende kolom'],
  [/^column appears twice/, () => 'kolom staat er twee keer in'],
  [/^column '([^']*)' is missing/, (m) => `kolom ‘${m[1]}’ ontbreekt`],
  [/^has (\d+) cells, the header has (\d+)/, (m) => `heeft ${m[1]} cellen, de kopregel ${m[2]}`],
  [/^the file has no rows/, () => 'het bestand heeft geen regels met toezeggingen'],
  [/^unknown commitment id '([^']*)'/, (m) => `onbekende toezegging ‘${m[1]}’`],
  [/^quoted cell is not closed/, () => 'een cel met aanhalingstekens wordt niet afgesloten'],
  [
    /^unexpected character after a closing quote|^quote inside an unquoted cell/,
    () => 'aanhalingsteken op een verkeerde plek',
  ],
  [/^unknown key/, () => 'onbekend veld'],
  [/^at most (\d+) characters/, (m) => `hoogstens ${m[1]} tekens`],
];

export function dutchMessage(message: string): string {
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}

/** `line 3, column E (windTWh)` → `regel 3, kolom E (windTWh)`. */
export function dutchLocation(path: string): string {
  return path
    .replace(/^line /, 'regel ')
    .replace(/, column /, ', kolom ')
    .replace(/, quantity columns$/, ', hoeveelheden');
}
