/**
 * Browser tests of exports and sharing (issue 13): what a user downloads holds the numbers the API
 * gives for the same scenario, files round-trip, bad uploads are refused in Dutch. One server and
 * one page for the whole file; skipped only when chromium is missing outside CI.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluateResponse, ScenarioJson } from './src/api.ts';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, setLever, settled } from './ui-driver.ts';

/** Clicks `selector` and returns the file the page offers for download. */
async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: (file as Download).suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Parses Dutch CSV (`;`, decimal comma, no quoted fields in these tables) into rows of cells. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((l) => l.split(';'));
}
const dutch = (cell: string) => Number(cell.replace(',', '.'));

/** Cells of the first sheet of an .xlsx as "A1" → text, with shared and inline strings resolved. */
function xlsxCells(bytes: Buffer, sheet = 1): Map<string, string> {
  const files = unzipSync(new Uint8Array(bytes));
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
        m[1].replace(/<[^>]+>/g, ''),
      )
    : [];
  const xml = strFromU8(files[`xl/worksheets/sheet${sheet}.xml`]);
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const [, ref, attrs, inner = ''] = m;
    const v = /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? inner.replace(/<[^>]+>/g, '');
    cells.set(ref, /t="s"/.test(attrs) ? shared[Number(v)] : v);
  }
  return cells;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe.skipIf(!BROWSER_TESTS_RUN)('exports and sharing (browser)', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 1 } });
  let page: Page;
  /** The scenario the page edits, as downloaded, and the API's evaluation of it. */
  let scenario: ScenarioJson;
  let api: EvaluateResponse;

  beforeAll(async () => {
    await ui.start('#/scenario');
    page = ui.page;
  });
  afterAll(() => ui.close());

  it('downloads the scenario being edited as JSON in the API format', async () => {
    await setLever(page, 'shareAllElectric', '60');
    await settled(page);
    const file = await download(page, '#scenario-download');
    expect(file.name).toMatch(/^basis-res-1-0-indicatief-scenario\.json$/);
    scenario = JSON.parse(file.bytes.toString('utf8'));
    expect(scenario.defaults.shareAllElectric).toBeCloseTo(0.6, 12);
    expect(Object.keys(scenario).sort()).toEqual(['defaults', 'name', 'national', 'regions']);
    const res = await fetch(`${ui.url}/api/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario }),
    });
    expect(res.status).toBe(200);
    api = (await res.json()) as EvaluateResponse;
  });

  it('downloads the regional results as Dutch CSV with the API’s numbers in display units', async () => {
    await openView(page, 'kaart', 'sh-map-view');
    const file = await download(page, '#export-csv');
    expect(file.name).toBe('basis-res-1-0-indicatief-resultaten-per-regio.csv');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(api.regions.length + 1);
    const col = (h: string) => {
      const i = head.indexOf(h);
      expect(i, h).toBeGreaterThan(1);
      return i;
    };
    // Conversions worked out by hand: € → mln € (÷ 10^6), fraction → % (× 100), MW and hours as they are.
    const checks: Array<[string, (r: Record<string, number | null>) => number]> = [
      ['Netinvestering (mln €)', (r) => Number(r.gridCapexEUR) / 1e6],
      ['Woningen op overbelaste straten (% woningen)', (r) => Number(r.lvOverloadedHomesShare) * 100],
      ['Piek netto teruglevering (MW)', (r) => Number(r.peakFeedinMW)],
      ['Congestie-uren afname (uur/jaar)', (r) => Number(r.congestionHoursOfftake)],
    ];
    api.regions.forEach((region, i) => {
      expect(rows[i][0]).toBe(region.id);
      for (const [h, value] of checks) {
        const cell = rows[i][col(h)];
        expect(cell, `${region.id} ${h}`).toMatch(/^-?\d+(,\d+)?$/);
        expect(Math.abs(dutch(cell) - value(region as never)), `${region.id} ${h}`).toBeLessThan(0.0011);
      }
    });
    expect(rows[0][1]).toBe('Groningen');
    const nl = rows[api.regions.length];
    expect(nl.slice(0, 2)).toEqual(['NL', 'Nederland']);
    expect(dutch(nl[col('Netinvestering (mln €)')])).toBeCloseTo(api.national.gridCapexEUR / 1e6, 2);
    expect(nl[col('Congestie-uren afname (uur/jaar)')]).toBe('');
    expect(text).not.toMatch(/gridCapexEUR|NaN|Infinity/);
  });

  it('downloads the same table as an Excel workbook whose cells hold the numbers', async () => {
    const file = await download(page, '#export-xlsx');
    expect(file.name).toBe('basis-res-1-0-indicatief-resultaten-per-regio.xlsx');
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const cells = xlsxCells(file.bytes);
    expect(cells.get('A1')).toBe('RES-code');
    expect(cells.get('A2')).toBe(api.regions[0].id);
    expect(decode(cells.get('B2') ?? '')).toBe('Groningen');
    // Find the grid-investment column by its head and compare every region with the API.
    const headRefs = [...cells.entries()].filter(([ref]) => /^[A-Z]+1$/.test(ref));
    const gridCol = headRefs.find(([, v]) => decode(v) === 'Netinvestering (mln €)')?.[0].replace('1', '');
    expect(gridCol).toBeTruthy();
    api.regions.forEach((region, i) => {
      const v = Number(cells.get(`${gridCol}${i + 2}`));
      expect(Math.abs(v - region.gridCapexEUR / 1e6), region.id).toBeLessThan(0.0006);
    });
    const about = xlsxCells(file.bytes, 2);
    expect([...about.values()].map(decode)).toContain(scenario.name);
  });

  it('opens a scenario file, and refuses bad files in Dutch naming the field without changing anything', async () => {
    await openView(page, 'scenario', 'sh-scenario-view');
    await page.locator('sh-scenario-view .toolbar button', { hasText: 'Terug naar basis' }).click();
    await settled(page);
    await expect.poll(() => page.locator('#changed').count()).toBe(0);
    const upload = (name: string, text: string) =>
      page.locator('#scenario-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const errors = page.locator('#scenario-file-errors');

    await upload('kapot.json', '{"name": "x", ');
    await expect.poll(() => errors.textContent()).toMatch(/geen geldige JSON/);
    await upload(
      'fout.json',
      JSON.stringify({ name: 'Fout', national: { targetTWh: 'veel' }, defaults: { shareAllElectric: 1.5 } }),
    );
    await expect.poll(() => errors.textContent()).toMatch(/RES-doel 2030 — landelijk: moet een getal zijn/);
    await expect(errors.textContent()).resolves.toMatch(
      /All-electric.*alle regio’s: moet tussen 0\s% woningen en 100\s% woningen liggen \(nu 150\s% woningen\)/s,
    );
    await upload('onbekend.json', JSON.stringify({ name: 'Onbekend', national: { kernfusie: 1 } }));
    await expect.poll(() => errors.textContent()).toMatch(/onbekend veld ‘kernfusie’/);
    await expect(page.locator('#changed').count()).resolves.toBe(0);
    await expect(page.locator('sh-app header').textContent()).resolves.toMatch(/Basis \(RES 1\.0 indicatief\)/);

    await upload('goed.json', JSON.stringify({ ...scenario, name: 'Uit bestand' }));
    await page.locator('#scenario-loaded', { hasText: 'Uit bestand' }).waitFor();
    await settled(page);
    await expect(errors.count()).resolves.toBe(0);
    await expect(page.locator('sh-app header').textContent()).resolves.toMatch(/Scenario: Uit bestand/);
    await expect(page.locator('sh-lever[data-lever="shareAllElectric"] input[type="text"]').inputValue()).resolves.toBe(
      '60',
    );
    expect(ui.pageErrors).toEqual([]);
  });
});
