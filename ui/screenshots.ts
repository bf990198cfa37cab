/**
 * `npm run screenshots`: starts a server (fresh UI build, temporary database), drives every
 * view in Debian's chromium at 1280×800 and writes docs/screenshots/<view>.png.
 * `--url http://127.0.0.1:8035` uses a running server instead (handy while styling);
 * `--only intekenboek` writes only the Intekenboek screenshots, `--only financiering` only those of
 * the Financiering panel, the uitvoeringskosten and Ruimte, `--only aannames` only those of the
 * "Aannames & bronnen" page and an info popover.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startTestServer, type TestServer } from './test-server.ts';
import { openView, saveScenarioAs, setLever, settled } from './ui-driver.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Screenshot of the viewport, scrolled to the top or to `anchor` (a CSS selector, shadow DOM pierced). */
async function shot(page: Page, name: string, anchor?: string) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    scrollTo(0, 0);
  });
  if (anchor) await page.locator(anchor).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(250); // let uPlot and the SVG settle after the last update
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
}

/** The Intekenboek with the example register and one commitment added, then its "Doorrekenen" on the map. */
async function intekenboekShots(page: Page) {
  await openView(page, 'intekenboek', 'sh-intekenboek-view');
  await page.locator('sh-intekenboek-view section.banner').waitFor();
  await page.locator('#c-actor').fill('RES-regio Fryslân');
  await page.locator('#c-region').selectOption({ label: 'Friesland' });
  await page.locator('#c-q-solarFieldTWh').fill('1,2');
  await page.locator('#c-q-windTWh').fill('2,4');
  await page.locator('#c-status').selectOption('vastgesteld');
  await page.locator('#c-source').fill('RES 1.0 Fryslân (voorbeeld voor de schermafdruk)');
  await page.locator('#c-author').fill('Programmateam');
  await page.locator('#c-save').click();
  await page.locator('sh-intekenboek-view tbody tr', { hasText: 'RES-regio Fryslân' }).waitFor();
  await shot(page, 'intekenboek');
  await page.locator('#ib-calculate-map').click();
  await page.locator('sh-map-view').waitFor();
  await settled(page);
  await page.locator('sh-region-map path').nth(29).waitFor();
  await shot(page, 'intekenboek-kaart');
}

/** The "Aannames & bronnen" page at a dated default, and the info popover of a lever. */
async function assumptionShots(page: Page) {
  await openView(page, 'scenario', 'sh-scenario-view');
  await page.locator('sh-lever[data-lever="costFeedinEURPerMW"] sh-info button').click();
  await shot(page, 'info-popover', 'sh-lever[data-lever="costFeedinEURPerMW"]');
  await page.locator('sh-lever[data-lever="costFeedinEURPerMW"] sh-info button').click();
  await page.evaluate(() => (location.hash = '#/aannames/national.ebGasEURPerM3'));
  await page.locator('sh-assumptions-view tr.marked').waitFor();
  await shot(page, 'aannames', 'sh-assumptions-view #dated');
}

/** A scenario with choices at every table makes every view say something. */
async function electrificationScenario(page: Page) {
  await page.locator('#name').fill('Elektrificatie 2030');
  await page.locator('#name').press('Tab');
  await setLever(page, 'shareAllElectric', '15');
  await setLever(page, 'shareHybrid', '30');
  await setLever(page, 'evCount', '1.900.000');
  await setLever(page, 'evSmartShare', '40');
  await setLever(page, 'fieldSolarClip', '70');
  await setLever(page, 'storageMW', '1.000');
  await setLever(page, 'storageMWh', '4.000');
  await setLever(page, 'industryAddMW', '1.500');
  await settled(page);
}

/** The Financiering panel (Scenario), the uitvoeringskosten (Tafels) and the Ruimte view. */
async function financeShots(page: Page) {
  await openView(page, 'scenario', 'sh-finance-panel');
  await page.locator('sh-finance-panel [data-route="subsidie"]').waitFor();
  await shot(page, 'financiering', 'sh-finance-panel');
  await openView(page, 'tafels', 'sh-execution-costs');
  await page.locator('sh-execution-costs sh-bar-chart rect').first().waitFor();
  await shot(page, 'uitvoeringskosten', 'sh-execution-costs');
  await openView(page, 'ruimte', 'sh-ruimte-view');
  await page.locator('sh-ruimte-view sh-region-map path').nth(29).waitFor();
  await shot(page, 'ruimte');
}

async function main() {
  const urlArg = process.argv.indexOf('--url');
  let server: TestServer | null = null;
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const url = urlArg > 0 ? process.argv[urlArg + 1] : (server = await startTestServer({ exampleRegister: true })).url;
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    page.on('pageerror', (e) => console.error('pagina-fout:', e.message));
    if (only === 'intekenboek') {
      await page.goto(`${url}/#/intekenboek`);
      await settled(page);
      await intekenboekShots(page);
      return;
    }
    await page.goto(`${url}/#/scenario`);
    await settled(page);
    await electrificationScenario(page);
    if (only === 'financiering') {
      await financeShots(page);
      return;
    }
    if (only === 'aannames') {
      await assumptionShots(page);
      return;
    }
    await shot(page, 'scenario');

    await openView(page, 'kaart', 'sh-map-view');
    await page.locator('sh-region-map path').nth(29).waitFor();
    await shot(page, 'kaart');
    // The same map coloured by the LV reinforcement the heat pumps and EVs need in the streets.
    await page.locator('#kpi').selectOption('lvReinforceMW');
    await shot(page, 'kaart-laagspanning');

    await page.evaluate(() => (location.hash = '#/uurprofiel/ES15'));
    await page.locator('sh-uplot#hourly canvas').waitFor();
    await page.locator('sh-uplot#duration canvas').waitFor();
    // A summer month shows the daily solar peaks against the feed-in capacity.
    await page.getByRole('button', { name: 'Maand' }).click();
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Later' }).click();
    await shot(page, 'uurprofiel');
    // The first week of January: the LV load per home in transition neighbourhoods against the capacity.
    await page.getByRole('button', { name: 'Jaar' }).click();
    await page.getByRole('button', { name: 'Week' }).click();
    await page.locator('sh-uplot#lv canvas').waitFor();
    await shot(page, 'uurprofiel-laagspanning', 'sh-hourly-view #lv-card');

    await openView(page, 'tafels', 'sh-tables-view');
    await page.locator('sh-bar-chart#capex rect').first().waitFor();
    await shot(page, 'tafels');
    await financeShots(page);

    await openView(page, 'verkennen', 'sh-sweep-builder');
    // Solar share in all regions × netbewust aansluiten in one RES region.
    await page.locator('sh-sweep-builder').getByLabel('As 2: gebied').selectOption({ label: 'Groningen' });
    await page.locator('sh-sweep-builder #run').click();
    await page.locator('sh-sweep-scatter sh-uplot canvas').waitFor({ timeout: 60_000 });
    await page.locator('sh-sweep-tornado g[data-bar]').first().waitFor();
    await shot(page, 'verkennen', '#progress-card');
    // The weather-year stress test of the same scenario.
    await page.locator('#stress-run').click();
    await page.locator('#stress-table tr.worst').waitFor({ timeout: 60_000 });
    await shot(page, 'stresstest', '#stress-result');

    await saveScenarioAs(page, 'Elektrificatie 2030', 'Programmateam', 'Warmtepompen, EV’s en batterijen');
    await openView(page, 'scenario', 'sh-scenario-view');
    await setLever(page, 'resTWh', '45');
    await setLever(page, 'solarShare', '40');
    await setLever(page, 'evSmartShare', '80');
    await settled(page);
    await saveScenarioAs(page, 'Meer wind, slim laden', 'RES-regio', 'Minder zon, meer wind; 80% slim laden');
    await page.locator('input[aria-label="Vergelijk Elektrificatie 2030"]').check();
    await page.locator('input[aria-label="Vergelijk Meer wind, slim laden"]').check();
    await page.locator('#compare-table tbody tr').first().waitFor();
    await page.locator('button[aria-label="Versies van Elektrificatie 2030"]').click();
    await shot(page, 'vergelijken');
    await intekenboekShots(page);
    await assumptionShots(page);
  } finally {
    await browser.close();
    await server?.close();
  }
}

await main();
