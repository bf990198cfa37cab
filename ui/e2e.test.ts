/**
 * Browser end-to-end test of the web UI against the real server (fresh UI build, temporary
 * database), driven with playwright-core in Debian's chromium. Skipped only when chromium is
 * missing outside CI; under CI=true it must run (CI installs chromium first).
 */
import { readFileSync } from 'node:fs';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, saveScenarioAs, setLever, settled, startBuiltSweep } from './ui-driver.ts';

describe.skipIf(!BROWSER_TESTS_RUN)('web UI end to end', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 2 } });
  beforeAll(() => ui.start('#/kaart'));
  afterAll(() => ui.close());

  it('loads every view from the top navigation', async () => {
    const views: Array<[string, string]> = [
      ['Kaart & regio’s', 'sh-map-view'],
      ['Scenario', 'sh-scenario-view'],
      ['Uurprofiel', 'sh-hourly-view'],
      ['Tafels in samenhang', 'sh-tables-view'],
      ['Verkennen', 'sh-sweep-view'],
      ['Vergelijken', 'sh-compare-view'],
    ];
    for (const [label, element] of views) {
      await ui.page.locator('nav a', { hasText: label }).click();
      await ui.page.locator(element).waitFor();
      await expect(ui.page.locator('nav a[aria-current="page"]').textContent()).resolves.toBe(label);
    }
    await openView(ui.page, 'kaart', 'sh-map-view');
    await expect(ui.page.locator('sh-region-map path').count()).resolves.toBe(30);
    await expect.poll(() => ui.page.locator('sh-sort-table tbody tr').count()).toBe(30);
    await expect(ui.page.getByText('RES 1.0 indicatief').first().isVisible()).resolves.toBe(true);
    expect(ui.pageErrors).toEqual([]);
  });

  it('moves a lever and sees the KPIs change; shows an API error next to the lever', async () => {
    await openView(ui.page, 'scenario', 'sh-kpi-panel');
    await settled(ui.page);
    const capex = ui.page.locator('sh-kpi-panel [data-kpi="gridCapexEUR"]');
    const co2 = ui.page.locator('sh-kpi-panel [data-kpi="co2"]');
    const co2Before = await co2.getAttribute('data-value');
    await setLever(ui.page, 'shareAllElectric', '60');
    await expect.poll(() => co2.getAttribute('data-value')).not.toBe(co2Before);
    await expect(co2.locator('.v').textContent()).resolves.toMatch(/^\d+,\d{2}\u00a0Mton$/);
    // Dragging the slider with the keyboard also re-evaluates (1 mln EVs more: more offtake).
    const capexBefore = await capex.getAttribute('data-value');
    await ui.page.locator('sh-lever[data-lever="evCount"] input[type="range"]').focus();
    for (let i = 0; i < 20; i++) await ui.page.keyboard.press('ArrowRight');
    await expect.poll(() => capex.getAttribute('data-value')).not.toBe(capexBefore);
    await expect(ui.page.locator('sh-lever[data-lever="evCount"] input[type="text"]').inputValue()).resolves.toBe(
      '1.000.000',
    );
    // Strategy shares above 100% in total: the server's message appears next to those levers.
    await setLever(ui.page, 'shareHybrid', '70');
    await expect.poll(() => ui.page.locator('sh-lever[data-lever="shareHybrid"] .error').count()).toBeGreaterThan(0);
    // In Dutch, in %, once per lever.
    await expect(ui.page.locator('sh-lever[data-lever="shareHybrid"] .error').allTextContents()).resolves.toEqual([
      'de vier warmte-aandelen zijn samen 130%; dat mag hoogstens 100% zijn (de rest houdt een cv-ketel)',
    ]);
    await setLever(ui.page, 'shareHybrid', '20');
    await expect.poll(() => ui.page.locator('sh-lever[data-lever="shareHybrid"] .error').count()).toBe(0);
    // A negative national total that the UI spreads over 30 regions: one message, not 30.
    await setLever(ui.page, 'industryAddMW', '-500');
    await expect
      .poll(() => ui.page.locator('sh-lever[data-lever="industryAddMW"] .error').allTextContents())
      .toEqual(['mag niet negatief zijn']);
    await expect(ui.page.locator('sh-scenario-view .errorbox').count()).resolves.toBe(0);
    await setLever(ui.page, 'industryAddMW', '0');
    await expect.poll(() => ui.page.locator('sh-lever[data-lever="industryAddMW"] .error').count()).toBe(0);
    // The header names the base scenario and says it was changed.
    await expect(ui.page.locator('#changed').textContent()).resolves.toBe(
      '(gewijzigd t.o.v. “Basis (RES 1.0 indicatief)”)',
    );
  });

  it('opens a region from the table in Uurprofiel with its hourly chart', async () => {
    await openView(ui.page, 'kaart', 'sh-map-view');
    await ui.page.locator('sh-sort-table button.pick', { hasText: 'Flevoland' }).click();
    await ui.page.waitForURL(/#\/uurprofiel\/ES06$/);
    await ui.page.locator('sh-uplot#hourly canvas').waitFor();
    await ui.page.locator('sh-uplot#duration canvas').waitFor();
    await expect(ui.page.locator('#region').inputValue()).resolves.toBe('ES06');
    await ui.page.getByRole('button', { name: 'Week' }).click();
    // Clicking a region on the map works too.
    await openView(ui.page, 'kaart', 'sh-map-view');
    await ui.page.locator('sh-region-map path[data-region="ES24"]').click();
    await ui.page.waitForURL(/#\/uurprofiel\/ES24$/);
    await ui.page.locator('sh-uplot#hourly canvas').waitFor();
  });

  it('runs a small sweep to completion and shows the scatter', async () => {
    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    await expect(ui.page.locator('sh-sweep-builder [data-count]').getAttribute('data-count')).resolves.toBe('12');
    await ui.page.locator('sh-sweep-builder #run').click();
    await ui.page.locator('[data-status="done"]').waitFor();
    await ui.page.locator('sh-sweep-scatter sh-uplot canvas').waitFor();
    await expect.poll(() => ui.page.locator('sh-sweep-view sh-sort-table tbody tr').count()).toBe(12);
    const csv = await ui.page.locator('a', { hasText: 'Download CSV' }).getAttribute('href');
    const res = await ui.page.request.get(`${ui.url}${csv!.replace(/^\./, '')}`);
    expect(res.ok()).toBe(true);
    // The sweep and its results survive switching to another view and back.
    await openView(ui.page, 'kaart', 'sh-map-view');
    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    await ui.page.locator('#progress-card [data-status="done"]').waitFor();
    await expect.poll(() => ui.page.locator('sh-sweep-view sh-sort-table tbody tr').count()).toBe(12);
  });

  it('sweeps a regional axis (one RES region) and shows a tornado chart with one bar per axis', async () => {
    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    const builder = ui.page.locator('sh-sweep-builder');
    // Axis 1: the solar share of Groningen only (regions.ES01.solarShare); axis 2 stays κ for all regions.
    await builder.getByLabel('As 1: gebied').selectOption({ label: 'Groningen' });
    await expect(builder.getByLabel('As 1: parameter').inputValue()).resolves.toBe('regions.ES01.solarShare');
    // The parameter reads without its area (the select beside it names Groningen); the title has both.
    await expect(builder.locator('[aria-label="As 1: parameter"] option:checked').textContent()).resolves.toBe(
      'Zon-aandeel in RES',
    );
    await expect(builder.getByLabel('As 1: parameter').getAttribute('title')).resolves.toBe(
      'Zon-aandeel in RES — Groningen',
    );
    // Shares are typed in %, as in the Scenario view; the API gets fractions.
    await builder.getByLabel('As 1: waarden, gescheiden door ;').fill('20; 80');
    await expect(builder.locator('[data-count]').getAttribute('data-count')).resolves.toBe('6');
    const response = await startBuiltSweep(ui.page);
    const spec = response.request().postDataJSON() as { axes: Array<{ path: string; values: number[] }> };
    expect(spec.axes.map((a) => a.path)).toEqual(['regions.ES01.solarShare', 'defaults.fieldSolarClip']);
    expect(spec.axes.map((a) => a.values)).toEqual([
      [0.2, 0.8],
      [0.6, 0.8, 1],
    ]);
    // Wait for this sweep's status: the previous test's sweep also left a "done" on the page.
    const { id } = (await response.json()) as { id: string };
    await ui.page.locator(`#progress-card:has([data-sweep-id="${id}"])`).locator('[data-status="done"]').waitFor();
    await expect.poll(() => ui.page.locator('sh-sweep-view sh-sort-table tbody tr').count()).toBe(6);
    const tornado = ui.page.locator('sh-sweep-tornado');
    await expect.poll(() => tornado.locator('g[data-bar] rect.bar').count()).toBe(2);
    await expect(tornado.locator('#tornado-explain').textContent()).resolves.toMatch(
      /^Effect van elke as op Netinvestering \(mln €\) in Nederland: gemiddelde bij laagste vs hoogste waarde\.$/,
    );
    expect(await tornado.locator('g[data-bar="regions.ES01.solarShare"] text').first().textContent()).toContain(
      'Zon-aandeel in RES — Groningen',
    );
    // Dutch numbers with display units at the ends of the bars, axis values in %.
    await expect(tornado.locator('g[data-bar] text').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d{1,3}(\.\d{3})*\u00a0mln €$/)]),
    );
    expect(await tornado.locator('g[data-bar="regions.ES01.solarShare"] tspan').textContent()).toBe(
      ' (20\u00a0% → 80\u00a0%)',
    );
    // The tornado follows the scatter's Y-axis, and can show one region.
    await ui.page.locator('sh-sweep-scatter #y').selectOption('resDeliveredTWh');
    await expect
      .poll(() => tornado.locator('#tornado-explain').textContent())
      .toContain('RES-productie geleverd (TWh/jaar)');
    await tornado.locator('#tornado-region').selectOption({ label: 'Groningen' });
    await tornado.locator('#tornado-output').selectOption('congestionHoursFeedin');
    await expect
      .poll(() => tornado.locator('#tornado-explain').textContent())
      .toContain('Congestie-uren teruglevering (uur/jaar) in Groningen');
    await expect.poll(() => tornado.locator('g[data-bar] rect.bar').count()).toBe(2);
    // The tornado and the scatter as PNG: the chart's width, with room for title and legend.
    for (const [button, chart] of [
      ['sh-sweep-tornado .png', 'sh-sweep-tornado svg'],
      ['sh-sweep-scatter .png', 'sh-sweep-scatter sh-uplot canvas'],
    ]) {
      const [file] = await Promise.all([ui.page.waitForEvent('download'), ui.page.locator(button).click()]);
      const png = readFileSync(await file.path());
      const box = (await ui.page.locator(chart).boundingBox())!;
      expect(png.subarray(1, 4).toString('latin1'), button).toBe('PNG');
      expect(png.readUInt32BE(16), button).toBe(Math.round(box.width));
      expect(png.readUInt32BE(20), button).toBeGreaterThan(Math.round(box.height) + 30);
    }
    expect(ui.pageErrors).toEqual([]);
  });

  it('saves two scenarios and compares them side by side', async () => {
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await ui.page.locator('#name').fill('Test A');
    await saveScenarioAs(ui.page, 'Test A', 'e2e', 'eerste');
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await setLever(ui.page, 'storageMW', '2.000');
    await setLever(ui.page, 'storageMWh', '8.000');
    await settled(ui.page);
    await saveScenarioAs(ui.page, 'Test B', 'e2e', 'met batterijen');
    // Picking A starts a comparison of A alone; hold its evaluation back until A and B are shown,
    // so that its late answer would replace the newer one if the view let it (it flaked CI once).
    let sawFirst!: () => void;
    const firstSeen = new Promise<void>((resolve) => (sawFirst = resolve));
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((resolve) => (releaseFirst = resolve));
    let evaluations = 0;
    let heldRequest: Request | undefined;
    await ui.page.route('**/api/evaluate', async (route) => {
      evaluations += 1;
      if (evaluations === 1) {
        heldRequest = route.request();
        sawFirst();
        await firstReleased;
      }
      await route.continue();
    });
    await ui.page.locator('input[aria-label="Vergelijk Test A"]').check();
    await firstSeen;
    await ui.page.locator('input[aria-label="Vergelijk Test B"]').check();
    await expect.poll(() => ui.page.locator('#compare-table thead th').count()).toBe(3);
    const lateAnswer = ui.page.waitForEvent('requestfinished', (r) => r === heldRequest);
    releaseFirst();
    await lateAnswer;
    // Two frames: the view has handled the late answer and rendered.
    await ui.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await ui.page.unroute('**/api/evaluate');
    expect(await ui.page.locator('#compare-table thead th').count()).toBe(3);
    await expect(ui.page.locator('#compare-table thead').textContent()).resolves.toMatch(/Test A.*Test B/s);
    // Version history of B after saving a second version.
    await ui.page.locator('#save-note').fill('tweede versie');
    await ui.page.locator('#save-version').click();
    await ui.page.locator('sh-save-form .ok', { hasText: 'versie 2' }).waitFor();
    await ui.page.locator('button[aria-label="Versies van Test B"]').click();
    await expect.poll(() => ui.page.locator('sh-version-history li').count()).toBe(2);
    expect(ui.pageErrors).toEqual([]);
  });
});
