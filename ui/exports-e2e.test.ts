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
import { openView, saveScenarioAs, setLever, settled } from './ui-driver.ts';

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

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Where a chart's canvas sits in its PNG: the vertical offset at which every pixel of the canvas
 * equals the image's, and how many non-white pixels the image has above it (the title) and below
 * it (the legend). Runs in the page, which decodes the PNG.
 */
function locateCanvas(page: Page, canvasSelector: string, png: Buffer) {
  return page.locator(canvasSelector).evaluate(async (canvas: HTMLCanvasElement, b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const out = document.createElement('canvas');
    out.width = img.width;
    out.height = img.height;
    const octx = out.getContext('2d')!;
    octx.drawImage(img, 0, 0);
    const whole = octx.getImageData(0, 0, img.width, img.height).data;
    // The chart canvas is transparent where nothing is drawn: compare it as drawn on white, like the PNG.
    const flat = document.createElement('canvas');
    flat.width = canvas.width;
    flat.height = canvas.height;
    const fctx = flat.getContext('2d')!;
    fctx.fillStyle = '#fff';
    fctx.fillRect(0, 0, flat.width, flat.height);
    fctx.drawImage(canvas, 0, 0);
    const chart = fctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const rowBytes = canvas.width * 4;
    const matches = (offset: number) => {
      for (let i = 0; i < chart.length; i++) if (whole[offset * rowBytes + i] !== chart[i]) return false;
      return true;
    };
    let offset = -1;
    for (let o = 0; o + canvas.height <= img.height && offset < 0; o++) if (matches(o)) offset = o;
    const inked = (from: number, to: number) => {
      let n = 0;
      for (let i = from * rowBytes; i < to * rowBytes; i += 4) if (whole[i] < 200 || whole[i + 1] < 200) n++;
      return n;
    };
    return {
      offset,
      above: offset < 0 ? 0 : inked(0, offset),
      below: offset < 0 ? 0 : inked(offset + canvas.height, img.height),
    };
  }, png.toString('base64'));
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

  it('downloads a region’s hours as Dutch CSV with the API’s hourly numbers', async () => {
    await openView(page, 'uurprofiel/ES07', 'sh-hourly-view');
    await page.locator('#hourly-csv:not([disabled])').waitFor();
    const file = await download(page, '#hourly-csv');
    expect(file.name).toBe('uit-bestand-uurwaarden-achterhoek.csv');
    const [head, ...rows] = parseCsv(file.bytes.toString('utf8').slice(1));
    expect(head.slice(0, 3)).toEqual(['Uur', 'Datum en tijd', 'Opwek (MW)']);
    const [{ hours }] = (await (await fetch(`${ui.url}/api/datasets`)).json()) as Array<{ hours: number }>;
    const res = await fetch(`${ui.url}/api/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario, hourly: { region: 'ES07', from: 0, to: hours } }),
    });
    const hourly = ((await res.json()) as EvaluateResponse).hourly!;
    expect(rows).toHaveLength(hourly.genMW.length);
    expect(rows[0][1]).toBe('2023-01-01 00:00');
    expect(rows[8759][1]).toBe('2023-12-31 23:00');
    const at = (h: string) => head.indexOf(h);
    hourly.genMW.forEach((gen, i) => {
      expect(Math.abs(dutch(rows[i][at('Opwek (MW)')]) - gen)).toBeLessThan(0.0006);
      expect(Math.abs(dutch(rows[i][at('Netto na opslag (MW)')]) - hourly.netAfterStorageMW[i])).toBeLessThan(0.0006);
    });
    expect(dutch(rows[0][at('Capaciteit invoeding (MW)')])).toBeCloseTo(hourly.feedinLimitMW, 3);
  });

  it('downloads charts as PNG: the chart’s own pixels under a title and above a legend', async () => {
    const file = await download(page, 'sh-uplot#hourly .png');
    expect(file.name).toBe('achterhoek-uurwaarden-mw-positief-netto-invoeding.png');
    const canvas = await page.locator('sh-uplot#hourly canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(pngSize(file.bytes).width).toBe(canvas[0]);
    const where = await locateCanvas(page, 'sh-uplot#hourly canvas', file.bytes);
    expect(where.offset).toBeGreaterThan(20);
    expect(where.above).toBeGreaterThan(200);
    expect(where.below).toBeGreaterThan(200);

    await openView(page, 'tafels', 'sh-tables-view');
    const bars = await download(page, 'sh-bar-chart#capex .png');
    expect(bars.name).toBe('bijdrage-aan-netinvestering-per-tafel-in-miljoen-euro.png');
    const svgBox = await page.locator('sh-bar-chart#capex svg').boundingBox();
    const size = pngSize(bars.bytes);
    expect(size.width).toBe(Math.round(svgBox!.width));
    expect(size.height).toBeGreaterThan(Math.round(svgBox!.height) + 20);

    // The map: Groningen's colour fills many pixels of the image, the map's size on screen.
    await openView(page, 'kaart', 'sh-map-view');
    const map = await download(page, 'sh-region-map .png');
    expect(map.name).toBe('kaart-netverzwaring-mw.png');
    const mapBox = (await page.locator('sh-region-map svg').boundingBox())!;
    expect(pngSize(map.bytes).width).toBe(Math.round(mapBox.width));
    const fill = (await page.locator('sh-region-map path[data-region="ES01"]').getAttribute('fill'))!;
    const filled = await page.evaluate(
      async ({ b64, colour }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const want = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] === want[0] && d[i + 1] === want[1] && d[i + 2] === want[2]) n++;
        return n;
      },
      { b64: map.bytes.toString('base64'), colour: fill },
    );
    expect(filled).toBeGreaterThan(500);
  });

  it('"Instellen voor" a region shows that region’s KPIs, and the national ones on request', async () => {
    await openView(page, 'scenario', 'sh-scenario-view');
    const panel = page.locator('sh-kpi-panel .card');
    const grid = page.locator('sh-kpi-panel [data-kpi="gridCapexEUR"]');
    await expect.poll(() => grid.getAttribute('data-value')).toBe(String(api.national.gridCapexEUR));
    await page.locator('#scope').selectOption('ES01');
    await expect.poll(() => panel.getAttribute('data-scope')).toBe('ES01');
    const es01 = api.regions.find((r) => r.id === 'ES01')!;
    await expect.poll(() => grid.getAttribute('data-value')).toBe(String(es01.gridCapexEUR));
    await expect(panel.locator('h3').first().textContent()).resolves.toMatch(/^Resultaat \(Groningen, weerjaar/);
    await expect(page.locator('sh-kpi-panel [data-kpi="resNominalTWh"]').getAttribute('data-value')).resolves.toBe(
      String(es01.resNominalTWh),
    );
    await page.locator('#kpi-national').click();
    await expect.poll(() => grid.getAttribute('data-value')).toBe(String(api.national.gridCapexEUR));
    await page.locator('#scope').selectOption('');
    await expect.poll(() => page.locator('#kpi-region').count()).toBe(0);
  });

  it('shares the working scenario in a link that a fresh browser opens', async () => {
    await page.locator('#share-make').click();
    const url = await page.locator('#share-url').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?s=[A-Za-z0-9_-]+#\/scenario$/);
    const other = await ui.newPage({ width: 1280, height: 800 });
    await other.goto(url);
    await settled(other);
    await expect(other.locator('sh-app header').textContent()).resolves.toMatch(/Scenario: Uit bestand/);
    await expect(other.locator('#share-notice').textContent()).resolves.toMatch(/geopend via een gedeelde link/);
    await expect(
      other.locator('sh-lever[data-lever="shareAllElectric"] input[type="text"]').inputValue(),
    ).resolves.toBe('60');
    expect(new URL(other.url()).search).toBe('');
    await other.goto(`${ui.url}/?s=kapot#/scenario`);
    await expect(other.locator('#share-problem').textContent()).resolves.toMatch(/De link bevat geen/);
    await other.close();
  });

  it('shares a saved scenario by id and version; a wrong version is named in Dutch', async () => {
    await saveScenarioAs(page, 'Gedeeld scenario', 'Tester', 'voor de link');
    await openView(page, 'scenario', 'sh-scenario-view');
    await page.locator('#share-make').click();
    await expect
      .poll(() => page.locator('#share-url').inputValue())
      .toMatch(/\?scenario=[a-z0-9]+&versie=1#\/scenario$/);
    const url = await page.locator('#share-url').inputValue();
    const other = await ui.newPage({ width: 1280, height: 800 });
    await other.goto(url);
    await settled(other);
    await expect(other.locator('sh-app header').textContent()).resolves.toMatch(/Scenario: Gedeeld scenario/);
    await expect(other.locator('#share-notice').textContent()).resolves.toMatch(/Opgeslagen scenario .*gedeelde link/);
    await other.goto(url.replace('versie=1', 'versie=9'));
    await expect(other.locator('#share-problem').textContent()).resolves.toMatch(/Versie 9 van het gedeelde scenario/);
    await other.close();
  });

  it('keeps the working scenario across a reload, with a way back to the base', async () => {
    await page.reload();
    await settled(page);
    await expect(page.locator('sh-app header').textContent()).resolves.toMatch(/Scenario: Gedeeld scenario/);
    await expect(page.locator('#share-notice').textContent()).resolves.toMatch(
      /werkscenario van de vorige keer is hersteld/,
    );
    const lever = page.locator('sh-lever[data-lever="shareAllElectric"] input[type="text"]');
    await expect(lever.inputValue()).resolves.toBe('60');
    await page.locator('#back-to-base').click();
    await settled(page);
    await expect.poll(() => lever.inputValue()).toBe('0');
    await expect(page.locator('sh-app header').textContent()).resolves.toMatch(
      /Scenario: Basis \(RES 1\.0 indicatief\)/,
    );
    await page.reload();
    await settled(page);
    await expect(page.locator('#share-notice').count()).resolves.toBe(0);
    expect(ui.pageErrors).toEqual([]);
  });
});
