// Checks the bundled RES-region datasets against facts worked out independently from the
// sources (not by calling the build's own derivations), plus determinism and freshness.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONAL_ZERO_COLUMNS, REGION_COLUMNS, V2_COLUMNS } from '../engine/testing/reference-dataset.ts';
import {
  DEFAULT_OUT_DIR,
  DEFAULT_SOURCES_DIR,
  buildDatasets,
  buildRegions,
  csvCell,
  formatNumber,
  parseCsv,
  summaryTable,
} from './build-dataset.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const YEARS = [2023, 1987, 1997, 2004, 2015, 2019];
/** One dataset folder: the reference year in profiles.csv, every other year in profiles-<YYYY>.csv. */
const PROFILE_FILES = YEARS.map((y) => (y === 2023 ? 'profiles.csv' : `profiles-${y}.csv`));
const FILES = ['regions.csv', 'dataset.json', 'README.md', ...PROFILE_FILES];
const IDS = Array.from({ length: 30 }, (_, i) => `ES${String(i + 1).padStart(2, '0')}`);
const BIDS: Record<string, number> = { ES03: 3.45, ES15: 3.6, ES16: 2.7 }; // res_1_0_bids_partial.csv
/** Full-load hours of the source profiles (nl_supply_full_load_hours.csv, flh_in_file_h). */
const FLH: Record<number, { solar: number; wind: number }> = {
  1987: { solar: 853, wind: 1765 },
  1997: { solar: 915, wind: 1759 },
  2004: { solar: 933, wind: 1937 },
  2015: { solar: 867, wind: 1920 },
  2019: { solar: 867, wind: 2067.1 },
  2023: { solar: 950, wind: 2756 },
};
const PROVINCES = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
];

type Rows = Record<string, string>[];
/** The production columns: 2030 and existing (2023) solar field, solar roof and wind. */
const RES_COLUMNS = ['solarRoofTWh', 'solarFieldTWh', 'windTWh', 'existingSolarFieldTWh', 'existingWindTWh'];

/** Reads a CSV file into records keyed by the header. */
function readCsv(path: string): Rows {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.map((cells) => {
    expect(cells.length).toBe(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, cells[i]!]));
  });
}

const dataDir = (name: string) => join(DEFAULT_OUT_DIR, name);
const source = (file: string) => readCsv(join(DEFAULT_SOURCES_DIR, file));
const n = (s: string | undefined) => Number(s);
const res = (r: Record<string, string>) => n(r.solarFieldTWh) + n(r.solarRoofTWh) + n(r.windTWh);
const res2023 = (r: Record<string, string>) =>
  n(r.existingSolarFieldTWh) + n(r.existingSolarRoofTWh) + n(r.existingWindTWh);

describe('number and CSV formatting', () => {
  it('writes plain decimals with at most 12 significant digits', () => {
    expect(formatNumber(8.183e-5)).toBe('0.00008183');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(283315)).toBe('283315');
    expect(formatNumber(1234567890123456)).toBe('1234567890120000');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1 / 3)).toBe('0.333333333333');
    expect(formatNumber((2 / 3) * 1e-7)).toBe('0.0000000666666666667');
    expect(() => formatNumber(NaN)).toThrow();
  });
  it('quotes only where RFC 4180 needs it and parses it back', () => {
    expect(csvCell('Arnhem/Nijmegen')).toBe('Arnhem/Nijmegen');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(parseCsv('x,y\r\n"a,""b""",2\n')).toEqual([
      ['x', 'y'],
      ['a,"b"', '2'],
    ]);
  });
});

describe('regions.csv', () => {
  const regions = readCsv(join(dataDir('nl-res30'), 'regions.csv'));
  const facts = new Map(source('regions/res_regions.csv').map((r) => [r.res_code!, r]));
  const demand = new Map(source('regions/res_regions_electricity_demand.csv').map((r) => [r.res_code!, r]));
  const byId = new Map(regions.map((r) => [r.id!, r]));

  it('has the MODEL.md §6 columns and the 30 regions ES01..ES30 in order', () => {
    const header = readFileSync(join(dataDir('nl-res30'), 'regions.csv'), 'utf8')
      .split('\n')[0]!
      .split(',');
    // The columns regions.csv must have, from the reference reader written from the spec.
    for (const c of [...REGION_COLUMNS, ...OPTIONAL_ZERO_COLUMNS, ...V2_COLUMNS]) expect(header).toContain(c);
    expect(header).toHaveLength(24);
    expect(regions.map((r) => r.id)).toEqual(IDS);
  });

  it('takes names, homes and connections from res_regions.csv', () => {
    for (const r of regions) {
      const f = facts.get(r.id!)!;
      expect(r.name).toBe(f.res_name);
      expect(n(r.homes)).toBe(n(f.residences));
      expect(n(r.connections)).toBe(n(f.residences) + n(f.nonresidential_buildings));
    }
    expect(regions.reduce((s, r) => s + n(r.homes), 0)).toBe(7_931_940); // PROVENANCE.md check figure
  });

  it('names real provinces, and a few known ones', () => {
    for (const r of regions) for (const p of r.provinces!.split(';')) expect(PROVINCES).toContain(p);
    expect(byId.get('ES01')!.provinces).toBe('Groningen');
    expect(byId.get('ES15')!.provinces).toBe('Noord-Holland');
    expect(byId.get('ES09')!.provinces).toBe('Gelderland;Utrecht');
    expect(byId.get('ES28')!.provinces).toBe('Noord-Brabant');
  });

  it('sums the regional-grid sectors into baseDemandTWh', () => {
    for (const r of regions) {
      const d = demand.get(r.id!)!;
      const gwh =
        n(d.households_electricity_demand_gwh) +
        n(d.buildings_electricity_demand_gwh) +
        n(d.agriculture_electricity_demand_gwh) +
        n(d.industry_excl_chemicals_metals_gwh) +
        n(d.ict_electricity_demand_gwh);
      expect(n(r.baseDemandTWh)).toBeCloseTo(gwh / 1000, 10);
      // Energy-intensive industry and transport are left out.
      expect(n(r.baseDemandTWh)).toBeLessThan(n(d.total_final_electricity_demand_gwh) / 1000 + 1e-9);
    }
  });

  it('takes existing production and small roofs from 2023', () => {
    for (const r of regions) {
      const f = facts.get(r.id!)!;
      expect(n(r.existingSolarFieldTWh)).toBeCloseTo(n(f.solar_fields_gwh) / 1000, 10);
      expect(n(r.existingSolarRoofTWh)).toBeCloseTo(n(f.solar_roofs_buildings_gwh) / 1000, 10);
      expect(n(r.existingWindTWh)).toBeCloseTo(
        (n(f.wind_onshore_inland_gwh) + n(f.wind_onshore_coastal_gwh)) / 1000,
        10,
      );
      expect(n(r.solarSmallRoofTWh)).toBeCloseTo(n(f.solar_roofs_households_gwh) / 1000, 10);
    }
  });

  it('adds up to 55 TWh RES-counted production in 2030', () => {
    expect(Math.abs(regions.reduce((s, r) => s + res(r), 0) - 55)).toBeLessThan(1e-9);
  });

  it('gives ES03, ES15 and ES16 their RES 1.0 bids', () => {
    for (const [id, bid] of Object.entries(BIDS)) expect(Math.abs(res(byId.get(id)!) - bid)).toBeLessThan(1e-9);
  });

  it('scales every other region by one common factor', () => {
    const others = regions.filter((r) => !(r.id! in BIDS));
    const factor = (55 - 3.45 - 3.6 - 2.7) / others.reduce((s, r) => s + res2023(r), 0);
    for (const r of others) expect(res(r) / res2023(r)).toBeCloseTo(factor, 9);
    expect(buildRegions(DEFAULT_SOURCES_DIR).scaleFactor).toBeCloseTo(factor, 12);
  });

  it("keeps each region's 2023 mix in 2030", () => {
    for (const r of regions) {
      const t30 = res(r);
      const t23 = res2023(r);
      expect(n(r.solarFieldTWh) / t30).toBeCloseTo(n(r.existingSolarFieldTWh) / t23, 9);
      expect(n(r.solarRoofTWh) / t30).toBeCloseTo(n(r.existingSolarRoofTWh) / t23, 9);
      expect(n(r.windTWh) / t30).toBeCloseTo(n(r.existingWindTWh) / t23, 9);
    }
  });

  it('leaves the grid capacities empty and names the profiles', () => {
    for (const r of regions) {
      expect([r.gridFeedinMW, r.gridOfftakeMW]).toEqual(['', '']);
      expect([r.solarProfile, r.windProfile, r.tempProfile, r.baseProfile]).toEqual([
        'solar',
        'wind',
        'temp',
        `base_${r.id}`,
      ]);
    }
  });

  it('writes plain decimal numbers only', () => {
    // Every numeric column that the build fills (grid capacities and the v2 ones may stay empty).
    const numeric = ['homes', 'connections', 'baseDemandTWh', ...RES_COLUMNS, ...OPTIONAL_ZERO_COLUMNS];
    for (const r of regions) for (const c of numeric) expect(r[c]).toMatch(/^\d+(\.\d+)?$/);
  });

  it('matches the regions of the map', () => {
    const geo = JSON.parse(readFileSync(join(DEFAULT_SOURCES_DIR, 'geo/res_regions_2023.geojson'), 'utf8')) as {
      features: { properties: { res_code: string; res_name: string } }[];
    };
    const map = new Map(geo.features.map((f) => [f.properties.res_code, f.properties.res_name]));
    expect([...map.keys()].sort()).toEqual(IDS);
    for (const r of regions) expect(map.get(r.id!)).toBe(r.name);
  });

  it('takes household demand and arable land from the sources; LV capacity and housing need stay empty', () => {
    for (const r of regions) {
      const d = demand.get(r.id!)!;
      expect(n(r.householdDemandTWh)).toBeCloseTo(n(d.households_electricity_demand_gwh) / 1000, 12);
      expect(n(r.arableLandHa)).toBeCloseTo(n(facts.get(r.id!)!.arable_land_km2) * 100, 6);
      expect(n(r.arableLandHa)).toBeGreaterThan(0);
      expect(r.householdProfile).toBe('household');
      expect([r.lvCapacityKWPerHome, r.housingNeedHomes]).toEqual(['', '']);
    }
    // Groningen: 728.39 GWh of households, 1872.25 km² of arable land
    expect(byId.get('ES01')!.householdDemandTWh).toBe('0.72839');
    expect(byId.get('ES01')!.arableLandHa).toBe('187225');
  });

  it('names 2023 as the weather year of profiles.csv in dataset.json', () => {
    expect(JSON.parse(readFileSync(join(dataDir('nl-res30'), 'dataset.json'), 'utf8'))).toEqual({ weatherYear: 2023 });
  });
});

describe.each(YEARS.map((year, i) => ({ year, file: PROFILE_FILES[i]! })))('$file', ({ year, file }) => {
  const rows = readCsv(join(dataDir('nl-res30'), file));
  const sum = (col: string) => rows.reduce((s, r) => s + n(r[col]), 0);

  it('has 8760 hours in order and the expected columns', () => {
    expect(rows).toHaveLength(8760);
    rows.forEach((r, h) => {
      expect(r.hour).toBe(String(h));
    });
    expect(Object.keys(rows[0]!)).toEqual([
      'hour',
      'solar',
      'wind',
      'temp',
      ...IDS.map((id) => `base_${id}`),
      'household',
    ]);
  });

  it('has base and household shapes that are non-negative and sum to 1', () => {
    for (const id of [...IDS.map((i) => `base_${i}`), 'household']) {
      expect(rows.every((r) => n(r[id]) >= 0)).toBe(true);
      expect(Math.abs(sum(id) - 1)).toBeLessThan(1e-6);
    }
    for (const id of IDS) {
      expect(rows.every((r) => n(r[`base_${id}`]) >= 0)).toBe(true);
      expect(Math.abs(sum(`base_${id}`) - 1)).toBeLessThan(1e-6);
    }
  });

  it('has the full-load hours of the source profiles', () => {
    expect(sum('solar')).toBeCloseTo(FLH[year]!.solar, 0);
    expect(sum('wind')).toBeCloseTo(FLH[year]!.wind, 0);
    for (const r of rows) for (const c of ['solar', 'wind']) expect(n(r[c]) >= 0 && n(r[c]) <= 1).toBe(true);
  });

  if (year === 2023)
    it('has solar ≈ 950 and wind ≈ 2756 full-load hours in 2023 (within 1%)', () => {
      expect(Math.abs(sum('solar') / 950 - 1)).toBeLessThan(0.01);
      expect(Math.abs(sum('wind') / 2756 - 1)).toBeLessThan(0.01);
    });

  it('uses the source solar, wind and temperature curves unchanged', () => {
    const supply = source('profiles/nl_supply_capacity_factors_hourly.csv');
    const heat = source('profiles/nl_heat_demand_shapes_and_temperature_hourly.csv');
    rows.forEach((r, h) => {
      expect(n(r.solar)).toBe(n(supply[h]![`solar_pv_fields_${year}`]));
      expect(n(r.wind)).toBe(n(supply[h]![`wind_onshore_${year}`]));
      expect(n(r.temp)).toBe(n(heat[h]![`air_temperature_c_${year}`]));
    });
  });
});

describe('base-demand shapes', () => {
  it('blend E1A and E3A of 2023 by the household share of base demand', () => {
    const shapes = source('profiles/nl_demand_shapes_hourly.csv');
    const e1a = shapes.map((r) => n(r.households_appliances_e1a_2023));
    const e3a = shapes.map((r) => n(r.buildings_appliances_e3a_2023));
    const s1 = e1a.reduce((a, b) => a + b, 0);
    const s3 = e3a.reduce((a, b) => a + b, 0);
    const demand = new Map(source('regions/res_regions_electricity_demand.csv').map((r) => [r.res_code!, r]));
    const regions = readCsv(join(dataDir('nl-res30'), 'regions.csv'));
    for (const file of [PROFILE_FILES[0]!, PROFILE_FILES[1]!]) {
      const rows = readCsv(join(dataDir('nl-res30'), file));
      rows.forEach((row, h) => {
        expect(Math.abs(n(row.household) - e1a[h]! / s1)).toBeLessThan(1e-12 * (e1a[h]! / s1) + 1e-15);
      });
      for (const r of regions.filter((x) => ['ES01', 'ES16', 'ES23', 'ES30'].includes(x.id!))) {
        const w = n(demand.get(r.id!)!.households_electricity_demand_gwh) / (n(r.baseDemandTWh) * 1000);
        rows.forEach((row, h) => {
          const expected = (w * e1a[h]!) / s1 + ((1 - w) * e3a[h]!) / s3;
          expect(Math.abs(n(row[`base_${r.id}`]) - expected)).toBeLessThan(1e-12 * expected + 1e-15);
        });
      }
    }
  });
});

describe('build', () => {
  const dirs: string[] = [];
  let fresh = '';

  beforeAll(() => {
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'nl-res30-'));
      dirs.push(dir);
      buildDatasets(DEFAULT_SOURCES_DIR, dir);
    }
    fresh = dirs[0]!;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes one dataset folder with regions, dataset.json, README and six weather years', () => {
    expect(readdirSync(fresh)).toEqual(['nl-res30']);
    expect(readdirSync(join(fresh, 'nl-res30')).sort()).toEqual([...FILES].sort());
  });

  it('produces byte-identical files when run again', () => {
    for (const file of FILES)
      expect(
        readFileSync(join(dirs[1]!, 'nl-res30', file)).equals(readFileSync(join(dirs[0]!, 'nl-res30', file))),
        file,
      ).toBe(true);
  });

  it('matches the committed dataset (run `npm run dataset` after changing the sources or the script)', () => {
    expect(readdirSync(DEFAULT_OUT_DIR)).toEqual(['nl-res30']);
    for (const file of FILES)
      expect(
        readFileSync(join(DEFAULT_OUT_DIR, 'nl-res30', file)).equals(readFileSync(join(fresh, 'nl-res30', file))),
        file,
      ).toBe(true);
  });

  it('matches the region table in docs/data.md (`npx tsx scenarios/build-dataset.ts --summary`)', () => {
    expect(readFileSync(join(ROOT, 'docs/data.md'), 'utf8')).toContain(summaryTable(buildRegions(DEFAULT_SOURCES_DIR)));
  });
});
