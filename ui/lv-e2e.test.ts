/**
 * Browser test of the LV layer and the weather years in the web UI (issue 10): the Weerjaar choice
 * in the header, the wijkaanpak lever, the LV KPIs, the map colouring, the LV chart of Uurprofiel and
 * the LV column of Tafels. Every number on screen is checked against the API's own answer for the
 * scenario the levers should have built (written out here by hand, not read back from the page).
 */
import type uPlot from 'uplot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, saveScenarioAs, setLever, settled, startBuiltSweep } from './ui-driver.ts';

/** Dutch number text as the UI prints it (thousands with dots, decimal comma). */
const nl = (x: number, digits = 0) =>
  new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);

/** The scenario the test builds with the levers: 15% all-electric, 30% hybrid, fully clustered, in 1987. */
const LV_SCENARIO = {
  name: 'Wijkaanpak 1987',
  national: { weatherYear: 1987 },
  defaults: { shareAllElectric: 0.15, shareHybrid: 0.3, wijkClustering: 1 },
  regions: {},
};

interface Evaluation {
  national: Record<string, number>;
  regions: Array<Record<string, number> & { id: string }>;
  hourly?: { lvCapacityKWPerHome: number; lvTransitionKWPerHome: number[] };
}

describe.skipIf(!BROWSER_TESTS_RUN)('LV layer and weather years in the web UI', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 2 } });
  /** Every request path the page made, to prove no old `nl-res30-<year>` dataset is asked for. */
  const requested: string[] = [];
  /** The scenarios the page sent to POST /api/evaluate. */
  const evaluated: Array<{ national?: { weatherYear?: number | null } }> = [];

  const api = async (scenario: unknown, hourly?: object): Promise<Evaluation> => {
    const res = await ui.page.request.post(`${ui.url}/api/evaluate`, {
      data: { scenario, dataset: 'nl-res30', ...(hourly ? { hourly } : {}) },
    });
    expect(res.status()).toBe(200);
    return (await res.json()) as Evaluation;
  };

  beforeAll(async () => {
    await ui.start();
    ui.page.on('request', (r) => {
      const url = new URL(r.url());
      requested.push(url.pathname + url.search);
      if (url.pathname === '/api/evaluate' && r.method() === 'POST')
        evaluated.push((r.postDataJSON() as { scenario: (typeof evaluated)[number] }).scenario);
    });
    await ui.open('#/scenario');
  });

  afterAll(() => ui.close());

  it('offers the dataset’s weather years in the header and runs the scenario in the chosen one', async () => {
    const datasets = (await (await ui.page.request.get(`${ui.url}/api/datasets`)).json()) as Array<{
      id: string;
      weatherYear: number;
      weatherYears: number[];
    }>;
    const bundled = datasets.find((d) => d.id === 'nl-res30')!;
    const options = await ui.page.locator('#weather-year option').allTextContents();
    expect(options).toEqual([
      `${bundled.weatherYear} (referentie)`,
      ...bundled.weatherYears.filter((y) => y !== bundled.weatherYear).map(String),
    ]);
    expect(options).toEqual(['2023 (referentie)', '1987', '1997', '2004', '2015', '2019']);

    await setLever(ui.page, 'shareAllElectric', '15');
    await setLever(ui.page, 'shareHybrid', '30');
    await setLever(ui.page, 'wijkClustering', '100');
    await ui.page.locator('#weather-year').selectOption({ label: '1987' });
    await settled(ui.page);
    await expect.poll(() => evaluated.at(-1)?.national?.weatherYear).toBe(1987);

    const expected = (await api(LV_SCENARIO)).national;
    const tile = (kpi: string) => ui.page.locator(`sh-kpi-panel [data-kpi="${kpi}"]`);
    await expect
      .poll(async () => Number(await tile('lvReinforceMW').getAttribute('data-value')))
      .toBeCloseTo(expected.lvReinforceMW, 6);
    expect(Number(await tile('lvCapexEUR').getAttribute('data-value'))).toBeCloseTo(expected.lvCapexEUR, 3);
    expect(Number(await tile('lvOverloadedHomesShare').getAttribute('data-value'))).toBeCloseTo(
      expected.lvOverloadedHomesShare,
      9,
    );
    expect(Number(await tile('gridCapexEUR').getAttribute('data-value'))).toBeCloseTo(expected.gridCapexEUR, 3);
    await expect(tile('lvReinforceMW').textContent()).resolves.toContain(`${nl(expected.lvReinforceMW)}\u00a0MW`);
    await expect(tile('lvOverloadedHomesShare').textContent()).resolves.toContain(
      `${nl(100 * expected.lvOverloadedHomesShare, 1)}\u00a0%`,
    );
    await expect(ui.page.locator('sh-kpi-panel h3').first().textContent()).resolves.toContain('weerjaar 1987');

    // The cold year needs LV reinforcement that the reference year with the same heat pumps does not match.
    const reference = (await api({ ...LV_SCENARIO, national: {} })).national;
    expect(expected.lvReinforceMW).toBeGreaterThan(reference.lvReinforceMW);
    // One dataset: no request ever names an old per-year dataset folder.
    expect(requested.filter((p) => /nl-res30-\d{4}/.test(p))).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });

  it('colours the map by LV reinforcement with a Dutch legend and the API’s region figures', async () => {
    await openView(ui.page, 'kaart', 'sh-map-view');
    await ui.page.locator('#kpi').selectOption({ label: 'Verzwaring laagspanningsnet (MW)' });
    await expect(ui.page.locator('sh-region-map .legend strong').textContent()).resolves.toBe(
      'Verzwaring laagspanningsnet (MW)',
    );
    const regions = (await api(LV_SCENARIO)).regions;
    for (const id of ['ES01', 'ES15', 'ES22']) {
      const mw = regions.find((r) => r.id === id)!.lvReinforceMW;
      await expect(
        ui.page.locator(`sh-region-map path[data-region="${id}"]`).getAttribute('aria-label'),
      ).resolves.toMatch(new RegExp(`: ${nl(mw).replace(/\./g, '\\.')} MW$`));
    }
    // The table beside the map gives each region's LV figures too (LV investment in mln €).
    const es01 = regions.find((r) => r.id === 'ES01')!;
    const cells = ui.page.locator('sh-map-view sh-sort-table tr[data-id="ES01"] td');
    // Narrow heads carry soft hyphens (U+00AD) where they may break.
    const heads = (await ui.page.locator('sh-map-view sh-sort-table thead th button').allTextContents()).map((h) =>
      h.replace(/\u00ad/g, ''),
    );
    await expect(cells.nth(heads.indexOf('LS-investering')).textContent()).resolves.toBe(nl(es01.lvCapexEUR / 1e6, 1));
    await expect(cells.nth(heads.indexOf('LS overbelast')).textContent()).resolves.toBe(
      nl(100 * es01.lvOverloadedHomesShare, 1),
    );
    // The legend runs from 0 to the largest region.
    const max = Math.max(...regions.map((r) => r.lvReinforceMW));
    await expect(ui.page.locator('sh-region-map .ticks span').last().textContent()).resolves.toBe(nl(max));
  });

  it('draws the LV load per home against the LV capacity in Uurprofiel', async () => {
    await openView(ui.page, 'kaart', 'sh-map-view');
    await ui.page.locator('sh-region-map path[data-region="ES01"]').click();
    await ui.page.waitForURL(/#\/uurprofiel\/ES01$/);
    await ui.page.locator('sh-uplot#lv canvas').waitFor();
    const hourly = (await api(LV_SCENARIO, { region: 'ES01', from: 0, to: 8760 })).hourly!;
    const region = (await api(LV_SCENARIO)).regions.find((r) => r.id === 'ES01')!;
    const stat = (k: string) => ui.page.locator(`#lv-stats [data-lv="${k}"]`);
    expect(Number(await stat('capacity').getAttribute('data-value'))).toBeCloseTo(hourly.lvCapacityKWPerHome, 9);
    await expect(stat('capacity').textContent()).resolves.toBe(`${nl(hourly.lvCapacityKWPerHome, 2)}\u00a0kW`);
    expect(Number(await stat('peak').getAttribute('data-value'))).toBeCloseTo(region.lvPeakKWPerHome, 9);
    expect(Number(await stat('reinforce').getAttribute('data-value'))).toBeCloseTo(region.lvReinforceMW, 6);
    // The peak with its margin lies above the highest hourly load, and here above the capacity.
    expect(region.lvPeakKWPerHome).toBeGreaterThan(Math.max(...hourly.lvTransitionKWPerHome));
    expect(region.lvPeakKWPerHome).toBeGreaterThan(hourly.lvCapacityKWPerHome);
    const legend = await ui.page.locator('sh-uplot#lv .u-legend').textContent();
    expect(legend).toContain('Belasting per woning in transitiewijk');
    expect(legend).toContain('Capaciteit per woning (afname)');
    await ui.page.getByRole('button', { name: 'Week' }).click();
    // Both time charts show the same week.
    await expect
      .poll(() =>
        ui.page.evaluate(() => {
          const view = document.querySelector('sh-app')!.shadowRoot!.querySelector('sh-hourly-view')!;
          const scale = (id: string) => {
            const el = view.shadowRoot!.querySelector(`sh-uplot#${id}`) as unknown as {
              plot: { scales: { x: { min: number; max: number } } };
            };
            return [el.plot.scales.x.min, el.plot.scales.x.max];
          };
          return [scale('hourly'), scale('lv')];
        }),
      )
      .toEqual([
        [0, 167],
        [0, 167],
      ]);
  });

  it('shows each table’s LV contribution in Tafels (leave-one-out in the same weather year)', async () => {
    await openView(ui.page, 'tafels', 'sh-tables-view');
    await ui.page.locator('#lv-interaction').waitFor();
    const full = (await api(LV_SCENARIO)).national;
    // Without Gebouwde omgeving: no heat pumps and the clustering back to its default, same weather year.
    const withoutBuildings = (await api({ ...LV_SCENARIO, defaults: {} })).national;
    const row = ui.page.locator('sh-tables-view sh-sort-table tr[data-id="gebouwd"] td');
    const lvMW = full.lvReinforceMW - withoutBuildings.lvReinforceMW;
    await expect.poll(() => row.nth(2).textContent()).toBe(`+${nl(lvMW)}`);
    expect(lvMW).toBeGreaterThan(0);
    // Only one table has choices, so the parts add up to the whole: no samenhang.
    await expect(ui.page.locator('#lv-interaction').textContent()).resolves.toBe('0');
    // Mobiliteit has no choices here: no LV contribution.
    await expect(ui.page.locator('sh-tables-view tr[data-id="mobiliteit"] td').nth(2).textContent()).resolves.toBe('0');
  });

  it('saves the weather year with the scenario and compares in each scenario’s own year', async () => {
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await ui.page.locator('#name').fill('Wijkaanpak 1987');
    await ui.page.locator('#name').press('Enter');
    await saveScenarioAs(ui.page, 'Wijkaanpak 1987', 'Test', 'koud jaar');
    const list = (await (await ui.page.request.get(`${ui.url}/api/scenarios`)).json()) as Array<{
      id: string;
      name: string;
    }>;
    const saved = list.find((s) => s.name === 'Wijkaanpak 1987')!;
    const rec = (await (await ui.page.request.get(`${ui.url}/api/scenarios/${saved.id}`)).json()) as {
      scenario: { national: { weatherYear?: number } };
    };
    expect(rec.scenario.national.weatherYear).toBe(1987);
    // Back to the reference year in the header; the saved scenario keeps 1987 in the comparison.
    await ui.page.locator('#weather-year').selectOption({ label: '2023 (referentie)' });
    await settled(ui.page);
    await ui.page.locator(`#pick-${saved.id}`).check();
    const table = ui.page.locator('#compare-table');
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('1987');
    const expected = (await api(LV_SCENARIO)).national;
    const lvRow = table.locator('tbody tr', { hasText: 'Verzwaring laagspanningsnet' });
    await expect.poll(() => lvRow.locator('td').nth(1).textContent()).toBe(nl(expected.lvReinforceMW));
    expect(ui.pageErrors).toEqual([]);
  });

  it('runs the weather-year stress test as one sweep and marks the worst year with the API’s figures', async () => {
    // One action from the Scenario view's KPI panel (Verkennen's own button calls the same).
    await openView(ui.page, 'scenario', 'sh-kpi-panel');
    const [request] = await Promise.all([
      ui.page.waitForRequest((r) => new URL(r.url()).pathname === '/api/sweeps' && r.method() === 'POST'),
      ui.page.locator('#stress-shortcut').click(),
    ]);
    await ui.page.waitForURL(/#\/verkennen$/);
    const spec = request.postDataJSON() as { axes: unknown[]; base: { defaults: object } };
    expect(spec.axes).toEqual([{ path: 'national.weatherYear', values: [null, 1987, 1997, 2004, 2015, 2019] }]);
    expect(spec.base.defaults).toEqual(LV_SCENARIO.defaults);
    await ui.page.locator('#progress-card [data-status="done"]').waitFor();
    const rows = ui.page.locator('#stress-table tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    const heads = (await rows.locator('th').allTextContents()).map((t) => t.replace('zwaarste jaar', ''));
    expect(heads).toEqual(['2023 (referentie)', '1987', '1997', '2004', '2015', '2019']);

    // Every year's figures equal a single evaluation of the same scenario in that year.
    const years = [null, 1987, 1997, 2004, 2015, 2019];
    const expected = await Promise.all(
      years.map(async (y) => (await api({ ...LV_SCENARIO, national: y === null ? {} : { weatherYear: y } })).national),
    );
    for (let i = 0; i < years.length; i++) {
      const row = ui.page.locator(`#stress-table tr[data-year="${years[i] ?? 'referentie'}"]`);
      const cell = (m: string) => row.locator(`td[data-measure="${m}"]`);
      const e = expected[i];
      expect(Number(await cell('resDeliveredTWh').getAttribute('data-value'))).toBeCloseTo(e.resDeliveredTWh, 9);
      expect(Number(await cell('peakOfftakeMW').getAttribute('data-value'))).toBeCloseTo(e.peakOfftakeMW, 6);
      expect(Number(await cell('reinforceMW').getAttribute('data-value'))).toBeCloseTo(
        e.reinforceFeedinMW + e.reinforceOfftakeMW,
        6,
      );
      expect(Number(await cell('lvReinforceMW').getAttribute('data-value'))).toBeCloseTo(e.lvReinforceMW, 6);
      // Investments are shown in mln €.
      expect(Number(await cell('gridCapexEUR').getAttribute('data-value'))).toBeCloseTo(e.gridCapexEUR / 1e6, 6);
      await expect(cell('lvReinforceMW').textContent()).resolves.toBe(nl(e.lvReinforceMW));
    }
    // The worst year has the highest grid investment (regional and LV together).
    const worst = years[expected.reduce((w, e, i) => (e.gridCapexEUR > expected[w].gridCapexEUR ? i : w), 0)];
    await expect(ui.page.locator('#stress-table tr.worst').getAttribute('data-year')).resolves.toBe(String(worst));
    await expect(ui.page.locator('#stress-table tr.worst th').textContent()).resolves.toContain('zwaarste jaar');
    // 1987 delivers clearly less than the reference year from the same MW: its column marks it.
    expect(expected[1].resDeliveredTWh).toBeLessThan(expected[0].resDeliveredTWh - 5);
    const least = years[expected.reduce((w, e, i) => (e.resDeliveredTWh < expected[w].resDeliveredTWh ? i : w), 0)];
    await expect(
      ui.page
        .locator(`#stress-table tr[data-year="${least}"] td[data-measure="resDeliveredTWh"]`)
        .getAttribute('class'),
    ).resolves.toBe('worst-cell');
    await expect(ui.page.locator('#stress-summary').textContent()).resolves.toContain('Zwaarste weerjaar');
    expect(ui.pageErrors).toEqual([]);
  });

  it('sweeps the weather year as an axis of a sweep the user builds, and the results name the year', async () => {
    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    const builder = ui.page.locator('sh-sweep-builder');
    await builder.getByLabel('As 1: parameter').selectOption({ label: 'Weerjaar' });
    // A choice among the dataset's years, all ticked at first; not a distribution.
    const years = builder.locator('fieldset[aria-label="As 1: weerjaren"] label');
    await expect(years.allTextContents()).resolves.toEqual([
      '2023 (referentie)',
      '1987',
      '1997',
      '2004',
      '2015',
      '2019',
    ]);
    await expect(builder.locator('fieldset[aria-label="As 1: weerjaren"] input:checked').count()).resolves.toBe(6);
    await expect(builder.getByLabel('As 1: soort').isDisabled()).resolves.toBe(true);
    await expect(builder.getByLabel('As 1: gebied').inputValue()).resolves.toBe('');
    for (const y of ['1997', '2004', '2015']) await years.filter({ hasText: y }).locator('input').uncheck();
    await builder.getByLabel('As 2: waarden, gescheiden door ;').fill('80; 100');
    await expect(builder.locator('[data-count]').getAttribute('data-count')).resolves.toBe('6');
    // No year ticked: said in Dutch, and the sweep cannot start.
    for (const y of ['2023', '1987', '2019']) await years.filter({ hasText: y }).locator('input').uncheck();
    await expect(builder.locator('[data-axis="0"] .error').textContent()).resolves.toBe('Kies minstens één weerjaar.');
    await expect(builder.locator('#run').isDisabled()).resolves.toBe(true);
    for (const y of ['2019', '1987', '2023']) await years.filter({ hasText: y }).locator('input').check();

    const response = await startBuiltSweep(ui.page);
    const spec = response.request().postDataJSON() as { axes: unknown[] };
    // The reference year goes by its number (the same profiles as none), in the order offered.
    expect(spec.axes).toEqual([
      { path: 'national.weatherYear', values: [2023, 1987, 2019] },
      { path: 'defaults.fieldSolarClip', values: [0.8, 1] },
    ]);
    const { id } = (await response.json()) as { id: string };
    await ui.page.locator(`#progress-card:has([data-sweep-id="${id}"]) [data-status="done"]`).waitFor();
    await expect(ui.page.locator('#progress-card strong').textContent()).resolves.toContain('Weerjaar — landelijk');

    // Every row names its weather year, and its grid investment is the API's for that year and clip.
    const table = ui.page.locator('#results-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    const heads = await table.locator('thead th button').allTextContents();
    const column = (label: string) => heads.findIndex((h) => h.startsWith(label));
    // Axis heads name the parameter; the area and unit are on the line below.
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    const yearOf = { '2023 (referentie)': 2023, '1987': 1987, '2019': 2019 } as Record<string, number>;
    expect(shown.map((cells) => cells[column('Weerjaar')]).sort()).toEqual([
      '1987',
      '1987',
      '2019',
      '2019',
      '2023 (referentie)',
      '2023 (referentie)',
    ]);
    for (const cells of shown) {
      const year = yearOf[cells[column('Weerjaar')]];
      const clip = Number(cells[column('Netbewust aansluiten zonneveld')]) / 100;
      const scenario = {
        ...LV_SCENARIO,
        national: { weatherYear: year },
        defaults: { ...LV_SCENARIO.defaults, fieldSolarClip: clip },
      };
      const expected = (await api(scenario)).national;
      expect(cells[column('Netinvestering')]).toBe(nl(expected.gridCapexEUR / 1e6));
    }
    // The scatter puts the years on its X axis; hovering a scenario names its year as a year ("1987", not "1.987").
    const scatter = ui.page.locator('sh-sweep-scatter');
    await scatter.locator('#x').selectOption({ label: 'Weerjaar — landelijk' });
    await scatter.locator('sh-uplot').evaluate((el) => {
      const u = (el as unknown as { plot: uPlot }).plot;
      const i = u.data[1].findIndex((y) => y !== null && y !== undefined);
      u.setCursor({ left: u.valToPos(u.data[0][i], 'x'), top: u.valToPos(u.data[1][i] as number, 'y') });
    });
    const xLegend = scatter.locator('.u-legend .u-series').first();
    await expect(xLegend.locator('.u-label').textContent()).resolves.toBe('Weerjaar — landelijk');
    await expect.poll(() => xLegend.locator('.u-value').textContent()).toMatch(/^(1987|2019|2023)$/);
    // The tornado compares the earliest and the latest year, named as years.
    await expect
      .poll(() => ui.page.locator('sh-sweep-tornado g[data-bar="national.weatherYear"] text').first().textContent())
      .toContain('(1987 → 2023)');
    expect(ui.pageErrors).toEqual([]);
  });

  it('sets the wijkaanpak clustering for one region, over the national value', async () => {
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await ui.page.locator('#scope').selectOption({ label: 'Groningen' });
    const lever = ui.page.locator('sh-lever[data-lever="r.wijkClustering"]');
    // Groningen inherits the national 100% until it gets its own value.
    await expect(lever.locator('input[type="text"]').inputValue()).resolves.toBe('100');
    await setLever(ui.page, 'r.wijkClustering', '0');
    await settled(ui.page);
    const expected = await api({ ...LV_SCENARIO, national: {}, regions: { ES01: { wijkClustering: 0 } } });
    const tile = ui.page.locator('sh-kpi-panel [data-kpi="lvReinforceMW"]');
    const spread = expected.regions.find((r) => r.id === 'ES01')!;
    // "Instellen voor Groningen" shows Groningen's KPIs; "Nederland" the national ones.
    await expect.poll(async () => Number(await tile.getAttribute('data-value'))).toBeCloseTo(spread.lvReinforceMW, 6);
    await ui.page.locator('#kpi-national').click();
    await expect
      .poll(async () => Number(await tile.getAttribute('data-value')))
      .toBeCloseTo(expected.national.lvReinforceMW, 6);
    // Spreading Groningen's heat pumps over every street lowers its LV reinforcement.
    const clustered = (await api({ ...LV_SCENARIO, national: {} })).regions.find((r) => r.id === 'ES01')!;
    expect(spread.lvReinforceMW).toBeLessThan(clustered.lvReinforceMW);
    expect(ui.pageErrors).toEqual([]);
  });
});
