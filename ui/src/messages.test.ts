import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../engine/errors.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { parseScenario } from '../../engine/scenario/validate.ts';
import { parseSweep } from '../../engine/index.ts';
import type { Issue } from './api.ts';
import { LEVERS } from './levers.ts';
import { distinct, dutchIssue, dutchLocation, dutchMessage, shownAt } from './messages.ts';
import { setRegionNames } from './region-names.ts';
import { issuesForLever, setLever, unclaimedIssues } from './scenario-edit.ts';

const dataset = loadDataset();
setRegionNames(dataset.regions);

/** The issues the API would send for this scenario (the engine's own messages, as `{ path, message }`). */
function issuesOf(input: unknown, parse: (x: unknown) => unknown = (x) => parseScenario(x, dataset)): Issue[] {
  try {
    parse(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => ({ path: i.where, message: i.message }));
    throw error;
  }
  throw new Error('expected the input to be invalid');
}

const lever = (key: string) => LEVERS.find((l) => l.key === key)!;
const empty = { name: 'Basis', national: {}, defaults: {}, regions: {} };
/** Words of English validation text that must never reach a user. */
const ENGLISH = /\b(must|got|above|below|invalid|expected|received|unknown|sum|greater|null|key)\b/i;

describe('Dutch validation messages', () => {
  it('gives one message for a negative national total that the UI spread over 30 regions', () => {
    const industry = lever('industryAddMW');
    const scenario = setLever(industry, empty, dataset.regions, -500);
    const issues = issuesOf(scenario);
    expect(issues.length).toBeGreaterThanOrEqual(30);
    expect(issuesForLever(industry, issues)).toEqual(['mag niet negatief zijn']);
    expect(unclaimedIssues(LEVERS, issues)).toEqual([]);
  });

  it('quotes a value the user typed in the lever’s own unit', () => {
    const clip = lever('fieldSolarClip');
    const issues = issuesOf(setLever(clip, empty, dataset.regions, 1.2));
    expect(issuesForLever(clip, issues)).toEqual([
      'moet groter dan 0\u00a0% en hoogstens 100\u00a0% zijn (nu 120\u00a0%)',
    ]);
    const cost = lever('costFeedinEURPerMW');
    const costIssues = issuesOf(setLever(cost, empty, dataset.regions, -5000));
    expect(issuesForLever(cost, costIssues)).toEqual(['mag niet negatief zijn (nu -5\u00a0€/kW)']);
  });

  it('puts the heat-share sum next to each share lever, in %', () => {
    let s = setLever(lever('shareAllElectric'), empty, dataset.regions, 0.6);
    s = setLever(lever('shareHybrid'), s, dataset.regions, 0.55);
    const issues = issuesOf(s);
    const expected = [
      'de vier warmte-aandelen zijn samen 115%; dat mag hoogstens 100% zijn (de rest houdt een cv-ketel)',
    ];
    expect(issuesForLever(lever('shareHybrid'), issues)).toEqual(expected);
    expect(issuesForLever(lever('shareHeatNet'), issues)).toEqual(expected);
  });

  it.each([
    [{ national: { waccGrid: 'drie' } }, 'Vermogenskosten netbeheer (WACC) — landelijk: moet een getal zijn'],
    [
      { national: { copMin: 6 } },
      'Laagste COP warmtepomp — landelijk: de laagste COP (6,00) is hoger dan de hoogste COP (5,00)',
    ],
    [
      { national: { weatherYear: 1950 } },
      /^Weerjaar — landelijk: de gegevens hebben geen weerjaar 1950 \(wel 1987, .*2023\)$/,
    ],
    [
      { national: { weatherYear: 1987.5 } },
      'Weerjaar — landelijk: moet een heel jaartal zijn, of leeg voor het referentiejaar',
    ],
    [{ defaults: { storageMWh: -1 } }, 'Netbatterij, inhoud — alle regio’s: mag niet negatief zijn (nu -1\u00a0MWh)'],
    [
      { regions: { ES01: { evSmartShare: 2 } } },
      'Slim laden — Groningen: moet tussen 0\u00a0% auto’s en 100\u00a0% auto’s liggen (nu 200\u00a0% auto’s)',
    ],
    [
      { national: { lvSpareShare: 1 } },
      'Reservecapaciteit laagspanningsnet — landelijk: moet minstens 0\u00a0% en kleiner dan 100\u00a0% zijn (nu 100\u00a0%)',
    ],
    [
      { national: { waccState: -2 } },
      'Rendement staat op deelneming — landelijk: moet groter zijn dan -100\u00a0%/jaar (nu -200\u00a0%/jaar)',
    ],
    [
      { national: { gridLifeYears: 0 } },
      'Afschrijvingstermijn net — landelijk: moet groter dan 0 zijn (nu 0\u00a0jaar)',
    ],
    [{ national: { heatPerHome: 30 } }, 'Landelijke instellingen: onbekend veld ‘heatPerHome’'],
    [{ regions: { ES99: {} } }, 'ES99: onbekende regio'],
    [{ name: 5 }, 'Naam: moet tekst zijn'],
  ])('%j → %s', (scenario, expected) => {
    const issues = issuesOf({ ...scenario });
    expect(issues).toHaveLength(1);
    const text = dutchIssue(issues[0]);
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
    expect(text).not.toMatch(ENGLISH);
  });

  it('translates sweep issues per axis, in the axis’ display unit', () => {
    const issues = issuesOf(
      {
        base: empty,
        axes: [
          { path: 'defaults.solarShare', values: [0.2, 1.5] },
          { path: 'national.costFeedinEURPerMW', uniform: [700000, 500000] },
          { path: 'defaults.solarShare', values: [0.5] },
        ],
      },
      (x) => parseSweep(x, dataset),
    );
    const texts = issues.map((i) =>
      dutchIssue(i, shownAt(i.path.startsWith('axes.0') ? 'defaults.solarShare' : 'national.costFeedinEURPerMW')),
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        'As 1, waarde 2: moet tussen 0\u00a0% en 100\u00a0% liggen (nu 150\u00a0%)',
        'As 2, grens: de grenzen moeten oplopen (ondergrens ≤ meest waarschijnlijk ≤ bovengrens)',
        'As 3, parameter: deze parameter is al een as',
      ]),
    );
    for (const t of texts) expect(t).not.toMatch(ENGLISH);
  });

  it('never shows an English message it does not know, and names paths in Dutch', () => {
    expect(dutchMessage('something new went wrong')).toBe('ongeldige waarde');
    expect(dutchLocation('regions.ES01')).toBe('Groningen');
    expect(dutchLocation('base.defaults.solarShare')).toBe('Basisscenario, Zon-aandeel in RES — alle regio’s');
    expect(distinct(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });
});
