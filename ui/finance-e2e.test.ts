/**
 * Browser test of the v2 finance, uitvoeringskosten and land UI (docs/model.md §11–13) against the
 * real server: every number checked is compared with what `POST /api/evaluate` answers for the very
 * scenario the page sent, so the test checks the shown figures, not only that something is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluateResponse } from './src/api.ts';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, setLever, settled, startBuiltSweep } from './ui-driver.ts';

/** Dutch formatting written out here, not taken from the UI's format.ts. */
const nl = (x: number, digits = 0, signed = false) => {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return new Intl.NumberFormat('nl-NL', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(v);
};

/** Big euro amounts the way the UI shows them: billions as "mld €" with 2 decimals, millions as "mln €" with 1. */
const bigEuros = (x: number) =>
  Math.abs(x) >= 1e9 ? `${nl(x / 1e9, 2)}\u00a0mld\u00a0€` : `${nl(x / 1e6, 1)}\u00a0mln\u00a0€`;

describe.skipIf(!BROWSER_TESTS_RUN)('web UI: financing routes, uitvoeringskosten and land', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 2 }, viewport: { width: 1280, height: 900 } });
  /** Body of the last scenario evaluation the page sent (not the hourly ones). */
  let lastEvaluate = '';

  /** The API's answer for the scenario the page shows now. */
  async function apiResult(): Promise<EvaluateResponse> {
    const res = await ui.page.request.post(`${ui.url}/api/evaluate`, {
      data: lastEvaluate,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.ok()).toBe(true);
    return (await res.json()) as EvaluateResponse;
  }

  /** Cell text of the sort table `table` in the row of region `id`, column number `col` (0 = name). */
  function cell(table: string, id: string, col: number) {
    return ui.page.locator(`${table} tr[data-id="${id}"] td`).nth(col);
  }

  beforeAll(async () => {
    await ui.start();
    ui.page.on('request', (r) => {
      const body = r.postData();
      if (r.method() === 'POST' && r.url().endsWith('/api/evaluate') && body && !body.includes('"hourly"'))
        lastEvaluate = body;
    });
    await ui.open('#/scenario');
    // A solar-heavy scenario, as the acceptance asks: 85% solar, a third of it on roofs.
    await setLever(ui.page, 'solarShare', '85');
    await settled(ui.page);
    await setLever(ui.page, 'roofShare', '33');
    await settled(ui.page);
    // Some homes switch, so the Gebouwde omgeving has uitvoeringskosten too.
    await setLever(ui.page, 'shareAllElectric', '20');
    await settled(ui.page);
  });

  afterAll(() => ui.close());

  it('shows the three financing routes nationally with the API’s figures', async () => {
    const panel = ui.page.locator('sh-finance-panel');
    await panel.locator('[data-route="tarief"]').waitFor();
    await expect.poll(() => lastEvaluate.includes('"solarRoofTWh"')).toBe(true);
    const n = (await apiResult()).national;
    await expect
      .poll(() => panel.locator('[data-route="tarief"] .v').textContent())
      .toBe(`${nl(n.financeTariffEURPerConnection)}\u00a0€`);
    await expect(panel.locator('[data-route="deelneming"] .v').textContent()).resolves.toBe(
      `${nl(n.financeEquityTariffEURPerConnection)}\u00a0€`,
    );
    await expect(panel.locator('[data-route="subsidie"] .v').textContent()).resolves.toBe('0\u00a0€');
    await expect(panel.locator('[data-route="deelneming"] [data-field="diff"]').textContent()).resolves.toBe(
      `${nl(n.financeEquityTariffEURPerConnection - n.financeTariffEURPerConnection, 1, true)}\u00a0€`,
    );
    await expect(panel.locator('[data-route="deelneming"] [data-field="state"]').textContent()).resolves.toBe(
      bigEuros(n.financeEquityStateEUR),
    );
    await expect(panel.locator('[data-route="subsidie"] [data-field="state"]').textContent()).resolves.toBe(
      bigEuros(n.financeSubsidyStateEURPerYear),
    );
    expect(n.financeSubsidyEBShare).not.toBeNull();
    await expect(panel.locator('[data-route="subsidie"] [data-field="eb-share"]').textContent()).resolves.toBe(
      `${nl(n.financeSubsidyEBShare! * 100, 1)}\u00a0%`,
    );
    expect(ui.pageErrors).toEqual([]);
  });

  it('shows every region’s routes in the region table as the API computes them', async () => {
    const regions = (await apiResult()).regions;
    const table = 'sh-finance-panel sh-sort-table#finance-regions';
    await expect.poll(() => ui.page.locator(`${table} tbody tr`).count()).toBe(30);
    for (const r of regions) {
      await expect(cell(table, r.id, 1).textContent()).resolves.toBe(nl(r.financeTariffEURPerConnection));
      await expect(cell(table, r.id, 2).textContent()).resolves.toBe(nl(r.financeEquityTariffEURPerConnection));
      await expect(cell(table, r.id, 4).textContent()).resolves.toBe(nl(r.financeEquityStateEUR / 1e6, 1));
      await expect(cell(table, r.id, 5).textContent()).resolves.toBe(nl(r.financeSubsidyStateEURPerYear / 1e6, 1));
      await expect(cell(table, r.id, 3).textContent()).resolves.toBe(
        nl(r.financeEquityTariffEURPerConnection - r.financeTariffEURPerConnection, 1, true),
      );
      await expect(cell(table, r.id, 6).textContent()).resolves.toBe(nl(-r.financeTariffEURPerConnection, 1, true));
      await expect(cell(table, r.id, 7).textContent()).resolves.toBe(nl(r.tariffEURPerConnection));
    }
  });

  it('moves the equity levers in display units; equal rates make the equity route the tariff route', async () => {
    const panel = ui.page.locator('sh-finance-panel');
    const equity = panel.locator('[data-route="deelneming"]');
    await setLever(ui.page, 'equityShare', '50');
    await settled(ui.page);
    await expect.poll(() => lastEvaluate.includes('"equityShare":0.5')).toBe(true);
    let n = (await apiResult()).national;
    await expect
      .poll(() => equity.locator('[data-field="state"]').textContent())
      .toBe(bigEuros(n.financeEquityStateEUR));
    // waccState typed as 3,5 % is the model's 0.035, the same as the grid's WACC: no difference.
    await setLever(ui.page, 'waccGrid', '3,5');
    await setLever(ui.page, 'waccState', '3,5');
    await settled(ui.page);
    await expect.poll(() => lastEvaluate.includes('"waccState":0.035')).toBe(true);
    n = (await apiResult()).national;
    expect(n.financeEquityTariffEURPerConnection).toBeCloseTo(n.financeTariffEURPerConnection, 6);
    await expect.poll(() => equity.locator('[data-field="diff"]').textContent()).toBe('0,0\u00a0€');
    await expect(panel.locator('#equity-note').textContent()).resolves.toContain('maakt het tarief niet lager');
    await ui.page.locator('sh-lever[data-lever="waccState"] button.reset').click();
    await ui.page.locator('sh-lever[data-lever="waccGrid"] button.reset').click();
    await ui.page.locator('sh-lever[data-lever="equityShare"] button.reset').click();
    await settled(ui.page);
  });

  it('shows a missing energy-tax share as "—" with its reason, never NaN', async () => {
    const share = ui.page.locator('sh-finance-panel [data-route="subsidie"] [data-field="eb-share"]');
    await setLever(ui.page, 'ebRevenueEURPerYear', '0');
    await settled(ui.page);
    await expect.poll(() => lastEvaluate.includes('"ebRevenueEURPerYear":0')).toBe(true);
    expect((await apiResult()).national.financeSubsidyEBShare).toBeNull();
    await expect.poll(() => share.textContent()).toBe('— (geen EB-opbrengst ingesteld)');
    await expect(ui.page.locator('sh-scenario-view').textContent()).resolves.not.toMatch(/NaN|undefined/);
    await ui.page.locator('sh-lever[data-lever="ebRevenueEURPerYear"] button.reset').click();
    await settled(ui.page);
    await expect.poll(() => share.textContent()).toMatch(/^\d+,\d\u00a0%$/);
  });
  it('shows the uitvoeringskosten per klimaattafel and per region in the Tafels view, with the ROB note', async () => {
    await openView(ui.page, 'tafels', 'sh-execution-costs');
    const { national: n, regions } = await apiResult();
    const box = ui.page.locator('sh-execution-costs');
    expect(n.uitvoeringRESEUR).toBeGreaterThan(0);
    expect(n.uitvoeringWarmteEUR).toBeGreaterThan(0);
    await expect
      .poll(() => box.locator('tr[data-table="elektriciteit"] td.v').textContent())
      .toBe(bigEuros(n.uitvoeringRESEUR));
    await expect(box.locator('tr[data-table="gebouwd"] td.v').textContent()).resolves.toBe(
      bigEuros(n.uitvoeringWarmteEUR),
    );
    await expect(box.locator('tr[data-table="totaal"] td.v').textContent()).resolves.toBe(
      bigEuros(n.uitvoeringWarmteEUR + n.uitvoeringRESEUR),
    );
    const table = 'sh-execution-costs sh-sort-table#execution-regions';
    await expect.poll(() => ui.page.locator(`${table} tbody tr`).count()).toBe(30);
    for (const r of regions) {
      await expect(cell(table, r.id, 1).textContent()).resolves.toBe(nl(r.uitvoeringWarmteEUR / 1e6, 1));
      await expect(cell(table, r.id, 2).textContent()).resolves.toBe(nl(r.uitvoeringRESEUR / 1e6, 1));
    }
    await expect(box.locator('#rob-note').textContent()).resolves.toMatch(
      /ROB.*599 mln €.*2\.150\u00a0€.*50\u00a0mln €/s,
    );
    expect(ui.pageErrors).toEqual([]);
  });
  it('colours the Ruimte map by the ruimtedruk and lists every region’s land as the API computes it', async () => {
    await openView(ui.page, 'ruimte', 'sh-ruimte-view');
    const { national: n, regions } = await apiResult();
    const view = ui.page.locator('sh-ruimte-view');
    expect(n.landClaimShareOfArable).not.toBeNull();
    await expect
      .poll(() => view.locator('[data-kpi="landClaimHa"] .v').textContent())
      .toBe(`${nl(n.landClaimHa)}\u00a0ha`);
    await expect(view.locator('[data-kpi="pressure"] .v').textContent()).resolves.toBe(
      `${nl(n.landClaimShareOfArable! * 100, 1)}\u00a0%`,
    );
    const table = 'sh-ruimte-view sh-sort-table#land-regions';
    await expect.poll(() => ui.page.locator(`${table} tbody tr`).count()).toBe(30);
    for (const r of regions) {
      expect(r.landClaimShareOfArable).not.toBeNull();
      const pct = nl(r.landClaimShareOfArable! * 100, 1);
      await expect(cell(table, r.id, 1).textContent()).resolves.toBe(nl(r.fieldSolarHa));
      await expect(cell(table, r.id, 3).textContent()).resolves.toBe(nl(r.housingHa));
      await expect(cell(table, r.id, 4).textContent()).resolves.toBe(nl(r.housingNeedHomes));
      await expect(cell(table, r.id, 5).textContent()).resolves.toBe(nl(r.landClaimHa));
      await expect(cell(table, r.id, 7).textContent()).resolves.toBe(pct);
      await expect(
        view.locator(`sh-region-map path[data-region="${r.id}"]`).getAttribute('aria-label'),
      ).resolves.toMatch(new RegExp(`: ${pct.replace('.', '\\.')} % landbouwgrond$`));
    }
    // Another measure colours the map by hectares of housing.
    await view.locator('#land-measure').selectOption('housingHa');
    const es01 = regions.find((r) => r.id === 'ES01')!;
    await expect
      .poll(() => view.locator('sh-region-map path[data-region="ES01"]').getAttribute('aria-label'))
      .toMatch(new RegExp(`: ${nl(es01.housingHa).replace('.', '\\.')} ha$`));
    await expect(view.locator('#housing-note').textContent()).resolves.toMatch(
      /11% van de woningvoorraad.*30\u00a0woningen per ha/s,
    );
    expect(ui.pageErrors).toEqual([]);
  });

  it('follows the housing levers: a smaller housing need takes less land', async () => {
    const before = (await apiResult()).national.housingHa;
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await setLever(ui.page, 'housingGrowthShare', '5');
    await setLever(ui.page, 'homesPerHa', '40');
    await settled(ui.page);
    await expect.poll(() => lastEvaluate.includes('"homesPerHa":40')).toBe(true);
    const n = (await apiResult()).national;
    expect(n.housingHa).toBeLessThan(before);
    await openView(ui.page, 'ruimte', 'sh-ruimte-view');
    const view = ui.page.locator('sh-ruimte-view');
    await expect.poll(() => view.locator('[data-kpi="housingHa"] .v').textContent()).toBe(`${nl(n.housingHa)}\u00a0ha`);
    await expect(view.locator('#housing-note').textContent()).resolves.toMatch(
      /5% van de woningvoorraad.*40\u00a0woningen per ha/s,
    );
  });
  it('sweeps the equity share and the energy-tax revenue: new outputs on scatter, Pareto, table and tornado', async () => {
    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    const builder = ui.page.locator('sh-sweep-builder');
    await builder.getByLabel('As 1: parameter').selectOption('national.equityShare');
    await builder.getByLabel('As 1: waarden, gescheiden door ;').fill('0; 50; 100');
    await builder.getByLabel('As 2: parameter').selectOption('national.ebRevenueEURPerYear');
    await builder.getByLabel('As 2: waarden, gescheiden door ;').fill('0; 6,4');
    await expect(builder.locator('[data-count]').getAttribute('data-count')).resolves.toBe('6');
    const response = await startBuiltSweep(ui.page);
    const { id } = (await response.json()) as { id: string };
    await ui.page.locator(`#progress-card:has([data-sweep-id="${id}"])`).locator('[data-status="done"]').waitFor();

    // The national rows as the API's CSV has them (empty cell = null).
    const csv = await (await ui.page.request.get(`${ui.url}/api/sweeps/${id}/result?format=csv`)).text();
    const [head, ...lines] = csv.trim().split('\n');
    const names = head.split(',');
    const rows = lines
      .map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])))
      .filter((r) => r.region === 'NL');
    expect(rows).toHaveLength(6);
    const nullShare = rows.filter((r) => r.financeSubsidyEBShare === '');
    expect(nullShare).toHaveLength(3);

    // Scatter: tariff under equity against the EB share; the scenarios without a share are said, not drawn.
    const scatter = ui.page.locator('sh-sweep-scatter');
    await expect(scatter.locator('#x option[value="financeEquityTariffEURPerConnection"]').textContent()).resolves.toBe(
      'Nettarief bij staatsdeelneming (€/aansluiting/jaar)',
    );
    await scatter.locator('#x').selectOption('financeEquityTariffEURPerConnection');
    await scatter.locator('#y').selectOption('financeSubsidyEBShare');
    await expect
      .poll(async () =>
        (await scatter.locator('[data-missing="financeSubsidyEBShare"]').textContent())?.replace(/\s+/g, ' '),
      )
      .toMatch(
        /^3 van 6 scenario’s hebben geen waarde voor .*: — \(geen EB-opbrengst ingesteld\); die zijn niet getekend\.$/s,
      );

    // The table shows "—" for those, and the share in % for the others (a column the user adds).
    await ui.page.locator('#column-picker summary').click();
    await ui.page.locator('#column-picker input[data-output="financeSubsidyEBShare"]').check();
    const table = ui.page.locator('sh-sweep-view sh-sort-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    const shareCol = await table
      .locator('th')
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.includes('Subsidie als deel van de EB-opbrengst')));
    expect(shareCol).toBeGreaterThan(0);
    for (const r of rows) {
      const shown = await table.locator(`tr[data-id="${r.scenario}"] td`).nth(shareCol).textContent();
      expect(shown).toBe(r.financeSubsidyEBShare === '' ? '—' : nl(Number(r.financeSubsidyEBShare) * 100, 1));
    }
    await expect(table.locator('caption').textContent()).resolves.toContain('geen EB-opbrengst ingesteld');

    // Pareto over the two outputs shown: lowest tariff under equity and least field-solar land.
    await scatter.locator('#y').selectOption('fieldSolarHa');
    await scatter.locator('#pareto-mode').selectOption('assen');
    const tariffs = rows.map((r) => Number(r.financeEquityTariffEURPerConnection));
    const expected = rows
      .filter((r) => Number(r.financeEquityTariffEURPerConnection) === Math.min(...tariffs))
      .map((r) => r.scenario)
      .sort();
    expect(expected).toHaveLength(2); // equityShare 100 %, with and without energy-tax revenue
    const paretoCol = await table
      .locator('th')
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.includes('Pareto')));
    const onFront = async () => {
      const ids: string[] = [];
      for (const r of rows)
        if ((await table.locator(`tr[data-id="${r.scenario}"] td`).nth(paretoCol).textContent()) === 'ja')
          ids.push(r.scenario);
      return ids.sort();
    };
    await expect.poll(onFront).toEqual(expected);
    await expect(scatter.locator('#pareto-text').textContent()).resolves.toContain('Nettarief bij staatsdeelneming');

    // Tornado: the equity share lowers the tariff (the state asks 2 % against the grid's 3 %).
    const tornado = ui.page.locator('sh-sweep-tornado');
    await tornado.locator('#tornado-output').selectOption('financeEquityTariffEURPerConnection');
    const sensitivity = (await (
      await ui.page.request.get(`${ui.url}/api/sweeps/${id}/sensitivity?output=financeEquityTariffEURPerConnection`)
    ).json()) as { axes: Array<{ path: string; swing: number }> };
    const equityBar = sensitivity.axes.find((a) => a.path === 'national.equityShare')!;
    expect(equityBar.swing).toBeLessThan(0);
    await expect
      .poll(() => tornado.locator('g[data-bar="national.equityShare"] rect.bar').getAttribute('fill'))
      .toBe('#1565c0');
    await tornado.locator('#tornado-output').selectOption('financeSubsidyEBShare');
    await expect
      .poll(() => tornado.locator('#tornado-explain').textContent())
      .toContain('Scenario’s zonder waarde (—) tellen niet mee.');
    // At an EB revenue of 0 there is no share: the revenue axis gets no bar, and a note says why.
    await expect
      .poll(() => tornado.locator('[role="status"]').textContent())
      .toBe(
        'Geen balk voor Opbrengst energiebelasting — landelijk: alleen bij één waarde van de as heeft de uitkomst een waarde, bij de andere — (geen EB-opbrengst ingesteld).',
      );
    await expect(tornado.locator('g[data-bar="national.ebRevenueEURPerYear"]').count()).resolves.toBe(0);
    await expect(tornado.locator('g[data-bar="national.equityShare"]').count()).resolves.toBe(1);
    await expect(ui.page.locator('sh-sweep-view').textContent()).resolves.not.toMatch(/NaN/);
    expect(ui.pageErrors).toEqual([]);
  });
});
