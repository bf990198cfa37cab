/**
 * Browser test of the Intekenboek view against the real server with the example register:
 * add a commitment and see the bar and the Route 35 banner change, withdraw it, then
 * "Doorrekenen" and find the built scenario evaluated in the Scenario view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, settled } from './ui-driver.ts';

describe.skipIf(!BROWSER_TESTS_RUN)('Intekenboek view', () => {
  const ui = new BrowserSuite({
    server: { sweepWorkers: 1, exampleRegister: true },
    viewport: { width: 1280, height: 900 },
  });
  beforeAll(() => ui.start('#/intekenboek'));
  afterAll(() => ui.close());

  const banner = () => ui.page.locator('sh-intekenboek-view section.banner');
  const groningenBar = () => ui.page.locator('sh-commitment-bars .row[data-region="ES01"]');

  it('shows the example register, the Route 35 banner and the bars', async () => {
    await expect.poll(() => banner().getAttribute('data-route35')).toBe('true');
    await expect(ui.page.getByText('Voorbeeldregister.').isVisible()).resolves.toBe(true);
    await expect(ui.page.locator('sh-intekenboek-view tbody tr').count()).resolves.toBe(5);
    await expect(banner().textContent()).resolves.toContain('9,75 TWh');
    // Groningen's example is a bid: drawn, but not counted; it is on the escalation list.
    expect(Number(await groningenBar().getAttribute('data-committed-twh'))).toBeCloseTo(5.7, 9);
    await expect(groningenBar().getAttribute('data-counted-twh')).resolves.toBe('0');
    await expect(banner().locator('li[data-region="ES01"]').count()).resolves.toBe(1);
    await expect(ui.page.locator('sh-commitment-bars .row').count()).resolves.toBe(31);
  });

  it('adds a commitment: the bar grows, Route 35 is lifted; withdrawing it brings Route 35 back', async () => {
    await ui.page.locator('#c-actor').fill('Provincie Groningen');
    await ui.page.locator('#c-actorKind').selectOption('provincie');
    await ui.page.locator('#c-region').selectOption('ES01');
    await ui.page.locator('#c-q-windTWh').fill('26,5');
    await ui.page.locator('#c-status').selectOption('vastgesteld');
    await ui.page.locator('#c-source').fill('Statenbesluit (test)');
    await ui.page.locator('#c-author').fill('Browsertest');
    await ui.page.locator('#c-save').click();
    await expect.poll(() => groningenBar().getAttribute('data-counted-twh')).toBe('26.5');
    // 9,75 + 26,5 = 36,25 TWh ≥ 35: the banner says the target is met.
    await expect.poll(() => banner().getAttribute('data-route35')).toBe('false');
    await expect(banner().textContent()).resolves.toContain('36,25 TWh');
    await expect(banner().locator('li[data-region="ES01"]').count()).resolves.toBe(0);

    const row = ui.page.locator('sh-intekenboek-view tbody tr', { hasText: 'Provincie Groningen' });
    await row.getByRole('button', { name: 'Provincie Groningen intrekken' }).click();
    await expect.poll(() => banner().getAttribute('data-route35')).toBe('true');
    await expect(groningenBar().getAttribute('data-counted-twh')).resolves.toBe('0');
    await row.getByRole('button', { name: 'Geschiedenis van Provincie Groningen' }).click();
    await expect.poll(() => ui.page.locator('sh-intekenboek-view .history li').count()).toBe(2);
    await expect(ui.page.locator('sh-intekenboek-view .history li').first().textContent()).resolves.toContain(
      'Ingetrokken',
    );
  });

  it('shows a bad quantity next to the field, in Dutch, and stores nothing', async () => {
    await ui.page.locator('#c-actor').fill('Gemeente Test');
    await ui.page.locator('#c-q-windTWh').fill('-3');
    await ui.page.locator('#c-save').click();
    await ui.page.locator('sh-commitment-form .error', { hasText: 'mag niet negatief zijn' }).waitFor();
    await expect(ui.page.locator('sh-intekenboek-view tbody tr').count()).resolves.toBe(6);
  });

  it('imports a CSV all or nothing, listing every bad row in Dutch', async () => {
    await openView(ui.page, 'intekenboek', 'sh-intekenboek-view');
    const rows = ui.page.locator('sh-intekenboek-view tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    const header = 'actor,actorKind,region,kind,windTWh,year,status';
    const file = (text: string) => ({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await ui.page
      .locator('#ib-import')
      .setInputFiles(
        file(
          `${header}\nRES-regio Twente,res-regio,ES04,res,0.5,2030,vastgesteld\nGemeente X,gemeente,ES04,res,veel,2030,bod\n`,
        ),
      );
    const report = ui.page.locator('sh-intekenboek-view [data-import-errors]');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('regel 3, kolom E (windTWh): ‘veel’ is geen getal');
    await expect(rows.count()).resolves.toBe(before);
    await ui.page
      .locator('#ib-import')
      .setInputFiles(file(`${header}\nRES-regio Twente,res-regio,ES04,res,0.5,2030,vastgesteld\n`));
    await ui.page.getByText('1 regel ingelezen: 1 nieuw, 0 gewijzigd.').waitFor();
    await expect.poll(() => rows.count()).toBe(before + 1);
    await expect(report.count()).resolves.toBe(0);
  });

  it('"Doorrekenen" opens the counted commitments as the scenario, evaluated', async () => {
    const expected = (await (await fetch(`${ui.url}/api/intekenboek/evaluation`)).json()) as {
      result: { national: { resNominalTWh: number } };
    };
    await ui.page.locator('#ib-calculate').click();
    await ui.page.locator('sh-scenario-view').waitFor();
    await expect(ui.page.locator('sh-app header').textContent()).resolves.toContain('Intekenboek doorgerekend');
    await settled(ui.page);
    const twh = expected.result.national.resNominalTWh.toFixed(1).replace('.', ',');
    await expect
      .poll(() => ui.page.locator('sh-res-gauge svg').getAttribute('aria-label'))
      .toContain(`RES-productie ${twh} TWh`);
    await openView(ui.page, 'kaart', 'sh-map-view');
    await ui.page.locator('sh-map-view .muted', { hasText: 'Scenario “Intekenboek doorgerekend”' }).waitFor();
    expect(ui.pageErrors).toEqual([]);
  });
});
