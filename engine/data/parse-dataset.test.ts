import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parseDataset } from './parse-dataset.ts';

const HEADER =
  'id,name,provinces,homes,connections,baseDemandTWh,solarRoofTWh,solarFieldTWh,windTWh,existingSolarFieldTWh,existingWindTWh,gridFeedinMW,gridOfftakeMW,solarProfile,windProfile,tempProfile,baseProfile';
const ROW_A = 'A,Alpha,P1;P2,1000,,0.0024,0.0002,0.0004,0.0006,0.0001,0.0003,,,sol,wnd,tmp,bas';
const ROW_B = 'B,Beta,P1,2000,2500,0.0048,0,0,0,0,0,50,60,sol,wnd,tmp,bas';

function profiles(hours = 4, edit?: (h: number) => string): string {
  const lines = ['hour,sol,wnd,tmp,bas'];
  for (let h = 0; h < hours; h++) lines.push(edit ? edit(h) : `${h},${h % 2 === 0 ? 0.5 : 0},0.25,${5 + h},${1 + h}`);
  return `${lines.join('\n')}\n`;
}

function load(regionsCsv: string, profilesCsv = profiles()) {
  return parseDataset({ name: 'test', regionsCsv, profilesCsv });
}

function issuesOf(regionsCsv: string, profilesCsv = profiles()): string[] {
  try {
    load(regionsCsv, profilesCsv);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('parseDataset', () => {
  it('loads regions, provinces and profiles', () => {
    const dataset = load(`${HEADER}\n${ROW_A}\n${ROW_B}\n`);
    expect(dataset.hours).toBe(4);
    expect(dataset.regions.map((r) => r.id)).toEqual(['A', 'B']);
    expect(dataset.regions[0].provinces).toEqual(['P1', 'P2']);
    expect(dataset.regions[0].solarSmallRoofTWh).toBe(0);
    expect(dataset.totalHomes).toBe(3000);
  });

  it('applies the §1.4 default rules to empty cells only', () => {
    const dataset = load(`${HEADER}\n${ROW_A}\n${ROW_B}\n`);
    const [a, b] = dataset.regions;
    expect(a.connections).toBe(1100);
    // base shape 1,2,3,4 (sum 10): base MW = 2400 × shape / 10 = 240,480,720,960 → offtake 1.3 × 960
    expect(a.gridOfftakeMW).toBeCloseTo(1248, 9);
    // today: solar (0.0001 TWh) over FLH 1 → 100 MW × CF; wind 0.0003 TWh over FLH 1 → 300 MW × 0.25 = 75;
    // today − base per hour: 50+75−240 = −115, 75−480, 50+75−720, 75−960: max −115 < 0.6 × 1248
    expect(a.gridFeedinMW).toBeCloseTo(0.6 * 1248, 9);
    expect(a.derived).toEqual({ connections: true, gridFeedinMW: true, gridOfftakeMW: true });
    expect(b.connections).toBe(2500);
    expect(b.gridFeedinMW).toBe(50);
    expect(b.gridOfftakeMW).toBe(60);
  });

  it('takes today’s net feed-in when it is above 0.6 × offtake', () => {
    const row = 'C,Gamma,P,1000,,0.0001,0,0,0,0.002,0,,100,sol,wnd,tmp,bas';
    const dataset = load(`${HEADER}\n${row}\n`);
    // solar 2000 MW × 0.5 = 1000 MW in hour 0 and 2; base 10,20,30,40 → max(1000 − 10, 1000 − 30) = 990
    expect(dataset.regions[0].gridFeedinMW).toBeCloseTo(990, 9);
  });

  it('reads the optional columns and a leap-year length', () => {
    const header = `${HEADER},solarSmallRoofTWh,existingSolarRoofTWh`;
    const dataset = load(`${header}\n${ROW_A},0.0005,0.0001\n`, profiles(8784));
    expect(dataset.hours).toBe(8784);
    expect(dataset.regions[0].solarSmallRoofTWh).toBe(0.0005);
    expect(dataset.regions[0].existingSolarRoofTWh).toBe(0.0001);
  });

  it('reads housingNeedHomes and arableLandHa, empty or absent as null (not 0)', () => {
    const header = `${HEADER},housingNeedHomes,arableLandHa`;
    const dataset = load(`${header}\n${ROW_A},600,0\n${ROW_B},,\n`);
    expect(dataset.regions[0].housingNeedHomes).toBe(600);
    expect(dataset.regions[0].arableLandHa).toBe(0);
    expect(dataset.regions[1].housingNeedHomes).toBeNull();
    expect(dataset.regions[1].arableLandHa).toBeNull();
    const without = load(`${HEADER}\n${ROW_A}\n`);
    expect(without.regions[0].housingNeedHomes).toBeNull();
    expect(without.regions[0].arableLandHa).toBeNull();
  });

  it('rejects negative or non-numeric housingNeedHomes and arableLandHa cells', () => {
    const header = `${HEADER},housingNeedHomes,arableLandHa`;
    expect(issuesOf(`${header}\n${ROW_A},-1,x\n`)).toEqual([
      "regions.csv:2:18: column 'housingNeedHomes': must not be negative, got -1",
      'regions.csv:2:19: column \'arableLandHa\': not a finite number: "x"',
    ]);
  });

  it('rejects so few homes that the energy per home overflows, and keeps fractional homes', () => {
    const header = `${HEADER},solarSmallRoofTWh`;
    // 0.0005 TWh of small roofs = 5e5 kWh; over 5e-324 homes that is Infinity kWh per home (seen in fuzzing:
    // the LV results became NaN), over 1e-7 homes 5e12 kWh — both above the 1e12 bound of every dataset number.
    for (const homes of ['5e-324', '1e-7']) {
      const row = ROW_B.replace(',2000,', `,${homes},`);
      expect(issuesOf(`${header}\n${row},0.0005\n`)).toEqual([
        expect.stringMatching(
          /^regions\.csv:2:4: column 'homes': .* kWh of solarSmallRoofTWh per home \(at most 1e12\)/,
        ),
      ]);
    }
    // 0.5 homes give 1e6 kWh per home: odd, but finite and allowed (fractional homes are fine)
    const half = load(`${header}\n${ROW_B.replace(',2000,', ',0.5,')},0.0005\n`);
    expect(half.prepared[0].smallRoofKWPerHome).toBeGreaterThan(0);
    expect(Number.isFinite(half.prepared[0].lvFeedinPeakRefKW)).toBe(true);
  });

  it('uses evDumb and evSmart columns when present', () => {
    const text = ['hour,sol,wnd,tmp,bas,evDumb', '0,0.5,0.2,1,1,3', '1,0.5,0.2,1,1,1'].join('\n');
    const dataset = load(`${HEADER}\n${ROW_B}\n`, text);
    expect([...dataset.evDumbShare]).toEqual([0.75, 0.25]);
    expect([...dataset.evSmartShare]).toEqual([0.5, 0.5]); // default shape: hours 0 and 1 are both at 1
  });

  const cases: Array<[string, string, string | undefined, RegExp]> = [
    ['a missing column', HEADER.replace(',windTWh', ''), undefined, /regions\.csv:1: missing column 'windTWh'/],
    ['a ragged row', `${HEADER}\n${ROW_A},extra`, undefined, /regions\.csv:2: row has 18 cells but the header has 17/],
    [
      'a non-numeric cell',
      `${HEADER}\n${ROW_B.replace('2000', 'many')}`,
      undefined,
      /regions\.csv:2:4: column 'homes': not a finite number/,
    ],
    [
      'NaN',
      `${HEADER}\n${ROW_B.replace('2000', 'NaN')}`,
      undefined,
      /regions\.csv:2:4: column 'homes': not a finite number/,
    ],
    [
      'a comma decimal',
      `${HEADER}\n${ROW_B.replace('0.0048', '"0,0048"')}`,
      undefined,
      /regions\.csv:2:6: column 'baseDemandTWh'/,
    ],
    [
      'an overflowing number',
      `${HEADER}\n${ROW_B.replace('2000', '1e999')}`,
      undefined,
      /regions\.csv:2:4: column 'homes': not a finite number/,
    ],
    [
      'a negative value',
      `${HEADER}\n${ROW_B.replace(',50,', ',-50,')}`,
      undefined,
      /regions\.csv:2:12: column 'gridFeedinMW': must not be negative/,
    ],
    [
      'an empty TWh cell',
      `${HEADER}\n${ROW_B.replace('0.0048', '')}`,
      undefined,
      /regions\.csv:2:6: column 'baseDemandTWh': not a finite number/,
    ],
    [
      'zero connections',
      `${HEADER}\n${ROW_B.replace('2500', '0')}`,
      undefined,
      /regions\.csv:2:5: column 'connections': must be greater than 0/,
    ],
    [
      'a duplicate id',
      `${HEADER}\n${ROW_B}\n${ROW_B}`,
      undefined,
      /regions\.csv:3:1: duplicate region id 'B' \(first on line 2\)/,
    ],
    ['an id with a dot', `${HEADER}\n${ROW_B.replace(/^B/, 'B.1')}`, undefined, /contains a dot/],
    [
      'a profile that is not a column',
      `${HEADER}\n${ROW_B.replace('wnd', 'gust')}`,
      undefined,
      /regions\.csv:2:15: windProfile 'gust' is not a column/,
    ],
    [
      'hours out of order',
      `${HEADER}\n${ROW_B}`,
      profiles(4, (h) => `${h === 2 ? 3 : h === 3 ? 2 : h},0.5,0.2,1,1`),
      /profiles\.csv:4:1: column 'hour': expected 2/,
    ],
    [
      'hours not starting at 0',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => `${h + 1},0.5,0.2,1,1`),
      /column 'hour': expected 0/,
    ],
    [
      'a non-numeric profile cell',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => `${h},0.5,x,1,1`),
      /profiles\.csv:3:3: column 'wnd': not a finite number/,
    ],
    [
      'a ragged profile row',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => (h === 1 ? '1,0.5' : `${h},0.5,0.2,1,1`)),
      /profiles\.csv:3: row has 2 cells/,
    ],
    [
      'a CF above 1',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => `${h},1.2,0.2,1,1`),
      /profiles\.csv:2:2: column 'sol' \(solarProfile of region B\): capacity factor 1\.2 outside \[0, 1\] at hour 0/,
    ],
    [
      'a negative CF',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => `${h},0.5,-0.1,1,1`),
      /profiles\.csv:2:3: column 'wnd' \(windProfile of region B\): capacity factor -0\.1 outside/,
    ],
    [
      'a zero CF where the region has wind',
      `${HEADER}\n${ROW_A}`,
      profiles(3, (h) => `${h},0.5,0,1,1`),
      /windProfile 'wnd': capacity factors sum to 0/,
    ],
    [
      'a negative shape',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => `${h},0.5,0.2,1,${h - 1}`),
      /profiles\.csv:2:5: column 'bas' \(baseProfile of region B\): negative shape value -1 at hour 0/,
    ],
    [
      'a shape summing to 0',
      `${HEADER}\n${ROW_B}`,
      profiles(3, (h) => `${h},0.5,0.2,1,0`),
      /baseProfile 'bas': shape sums to 0/,
    ],
    ['a quote error', `${HEADER}\nB,"Beta`, undefined, /regions\.csv:2:3: quoted cell is not closed/],
    ['no regions', `${HEADER}\n`, undefined, /no regions/],
    ['no hours', `${HEADER}\n${ROW_B}`, 'hour,sol,wnd,tmp,bas\n', /profiles\.csv:1: no hourly rows/],
  ];
  for (const [label, regionsCsv, profilesCsv, pattern] of cases) {
    it(`rejects ${label} with its file, line and column`, () => {
      const issues = issuesOf(regionsCsv, profilesCsv);
      expect(issues.join('\n')).toMatch(pattern);
    });
  }

  it('accepts a zero CF profile where the region has no production of that kind', () => {
    expect(
      issuesOf(
        `${HEADER}\n${ROW_B}`,
        profiles(3, (h) => `${h},0,0,1,1`),
      ),
    ).toEqual([]);
  });

  it('rejects a zero EV shape column', () => {
    const text = ['hour,sol,wnd,tmp,bas,evSmart', '0,0.5,0.2,1,1,0', '1,0.5,0.2,1,1,0'].join('\n');
    expect(issuesOf(`${HEADER}\n${ROW_B}\n`, text).join('\n')).toMatch(
      /profiles\.csv:1:6: column 'evSmart': shape sums to 0/,
    );
  });
});

describe('parseDataset v2: optional columns, dataset.json and weather years', () => {
  const V2_HEADER = `${HEADER},solarSmallRoofTWh,householdDemandTWh,householdProfile,lvCapacityKWPerHome,housingNeedHomes,arableLandHa`;
  const hhProfiles = (hours = 4, offset = 0) => {
    const lines = ['hour,sol,wnd,tmp,bas,hh'];
    for (let h = 0; h < hours; h++)
      lines.push(`${h},${h % 2 === 0 ? 0.5 : 0},0.25,${5 + h + offset},${1 + h},${4 - h}`);
    return `${lines.join('\n')}\n`;
  };
  const v2 = (cells: string, extra: Partial<Parameters<typeof parseDataset>[0]> = {}) =>
    parseDataset({
      name: 'v2',
      regionsCsv: `${V2_HEADER}\n${ROW_B},${cells}\n`,
      profilesCsv: hhProfiles(),
      ...extra,
    });
  const v2Issues = (cells: string, extra: Partial<Parameters<typeof parseDataset>[0]> = {}) => {
    try {
      v2(cells, extra);
    } catch (error) {
      if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.where}: ${issue.message}`);
      throw error;
    }
    return [];
  };

  it('reads the five optional columns, null where empty or absent', () => {
    const given = v2('0.0001,0.004,hh,2.5,300,1200').regions[0];
    expect(given).toMatchObject({
      householdDemandTWh: 0.004,
      householdProfile: 'hh',
      lvCapacityKWPerHome: 2.5,
      housingNeedHomes: 300,
      arableLandHa: 1200,
    });
    const empty = v2('0,,,,,').regions[0];
    expect(empty).toMatchObject({
      householdDemandTWh: null,
      householdProfile: null,
      lvCapacityKWPerHome: null,
      housingNeedHomes: null,
      arableLandHa: null,
    });
    const absent = load(`${HEADER}\n${ROW_B}\n`).regions[0];
    expect(absent.householdDemandTWh).toBeNull();
    expect(absent.arableLandHa).toBeNull();
  });

  it('prepares the household load per home and today’s LV peaks', () => {
    // 2000 homes, 0.004 TWh → 2000 kWh per home on shape 4,3,2,1 (sum 10): 800, 600, 400, 200 kW per home
    const given = v2('0.0001,0.004,hh,,,').prepared[0];
    expect(given.householdKWhPerHome).toBe(2000);
    expect([...given.householdShare]).toEqual([0.4, 0.3, 0.2, 0.1]);
    expect(given.lvHouseholdPeakRefKW).toBeCloseTo(800, 9);
    // small roofs: 0.0001 TWh over FLH 1 = 100 MW = 50 kW per home × CF 0.5 at hours 0 and 2: 25 − 800, 25 − 400
    expect(given.smallRoofKWPerHome).toBeCloseTo(50, 12);
    expect(given.lvFeedinPeakRefKW).toBeCloseTo(-200, 9); // hour 3: 0 − 200
    // empty: 2600 kWh per home on the base shape 1,2,3,4 → peak 1040 kW per home
    const defaulted = v2('0,,,,,').prepared[0];
    expect(defaulted.householdKWhPerHome).toBe(2600);
    expect(defaulted.lvHouseholdPeakRefKW).toBeCloseTo(1040, 9);
  });

  it('rejects negative and non-numeric v2 cells, unknown household profiles and homes = 0', () => {
    expect(v2Issues('0,-1,,,,')).toEqual([
      "regions.csv:2:19: column 'householdDemandTWh': must not be negative, got -1",
    ]);
    expect(v2Issues('0,,,x,,')).toEqual([`regions.csv:2:21: column 'lvCapacityKWPerHome': not a finite number: "x"`]);
    expect(v2Issues('0,,nope,,,')).toEqual([
      "regions.csv:2:20: householdProfile 'nope' is not a column of profiles.csv",
    ]);
  });

  it('reads dataset.json and profiles-<YYYY>.csv into weather-year views', () => {
    const dataset = v2('0.0001,,,,,', {
      datasetJson: '{"weatherYear": 2023, "note": "ignored"}',
      weatherYears: [{ year: 1987, csv: hhProfiles(4, -10).replace('0,0.5,0.25', '0,0.25,0.25') }],
    });
    expect(dataset.referenceYear).toBe(2023);
    expect(dataset.weatherYears).toEqual([1987, 2023]);
    const cold = dataset.weatherVariants.get(1987)!;
    expect(cold.weatherYear).toBe(1987);
    expect(cold.prepared[0].tempC[0]).toBe(-5);
    expect(cold.prepared[0].referenceTempC[0]).toBe(5);
    // full-load hours stay those of profiles.csv (1.0); 1987 has 0.25 + 0.5 = 0.75 of them
    expect(cold.prepared[0].flhSolarH).toBe(1);
    expect(cold.prepared[0].solarYieldRatio).toBe(0.75);
    expect(cold.prepared[0].lvFeedinPeakRefKW).toBe(dataset.prepared[0].lvFeedinPeakRefKW);
    expect(dataset.prepared[0].solarYieldRatio).toBe(1);
  });

  it('locates problems in dataset.json and the weather-year files', () => {
    expect(v2Issues('0,,,,,', { datasetJson: '{"weatherYear": null}' })).toEqual([
      'dataset.json: weatherYear: must be a whole number naming the year of profiles.csv, got null',
    ]);
    expect(v2Issues('0,,,,,', { datasetJson: '{"weatherYear": 2023.5}' })).toHaveLength(1);
    expect(v2Issues('0,,,,,', { datasetJson: '[' })[0]).toMatch(/^dataset\.json: not valid JSON/);
    expect(
      v2Issues('0,,,,,', { datasetJson: '{"weatherYear": 2023}', weatherYears: [{ year: 2023, csv: hhProfiles() }] }),
    ).toEqual([
      'profiles-2023.csv: weather year 2023 is already the year of profiles.csv (dataset.json): a year may not be both',
    ]);
    const withoutHh = hhProfiles()
      .replace(',hh', '')
      .replace(/,\d+\n/g, '\n');
    expect(v2Issues('0,,hh,,,', { weatherYears: [{ year: 1987, csv: withoutHh }] })).toEqual([
      "regions.csv:2:20: householdProfile 'hh' is not a column of profiles-1987.csv",
    ]);
    const badCF = hhProfiles().replace('0,0.5,0.25', '0,1.5,0.25');
    expect(v2Issues('0,,,,,', { weatherYears: [{ year: 1987, csv: badCF }] })).toEqual([
      "profiles-1987.csv:2:2: column 'sol' (solarProfile of region B): capacity factor 1.5 outside [0, 1] at hour 0",
    ]);
  });

  it('a weather year may have its own length and default EV shapes', () => {
    const dataset = v2('0,,,,,', { weatherYears: [{ year: 2024, csv: hhProfiles(48) }] });
    const leap = dataset.weatherVariants.get(2024)!;
    expect(leap.hours).toBe(48);
    expect(leap.evDumbShare).toHaveLength(48);
    expect(dataset.weatherYears).toEqual([2024]);
    expect(dataset.referenceYear).toBeNull();
  });
});
