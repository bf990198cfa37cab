/**
 * Browser test of the language rule: in every view, in the base state and after the user typed
 * invalid values, no visible text equals a model identifier (derived from the engine's own
 * parameter and output names) and none is an English validation phrase.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_NAMES } from '../engine/model/outputs.ts';
import { NATIONAL_PARAM_NAMES, REGIONAL_PARAM_NAMES, WEATHER_YEAR_PARAM } from '../engine/scenario/parameters.ts';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, setLever, settled } from './ui-driver.ts';

/** Every identifier a user must never read. */
const IDENTIFIERS = new Set<string>([
  ...NATIONAL_PARAM_NAMES,
  ...REGIONAL_PARAM_NAMES,
  ...OUTPUT_NAMES,
  WEATHER_YEAR_PARAM,
]);
/** English of the engine's, zod's and the server's validation messages. */
const ENGLISH =
  /\b(must (not )?be|must lie in|Invalid input|expected number|received string|heat strategy shares|unknown key|is greater than|above 1|got -?\d|not found|Bad Request|Internal Server Error)\b/i;

/** The visible texts of the page: text nodes of rendered elements (shadow roots included), select options, placeholders. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    const walk = (root: Node) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node.textContent?.trim();
          const parent = node.parentElement;
          if (text && parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && visible(parent)) out.push(text);
        } else if (node instanceof Element) {
          if (node.tagName === 'SELECT' && visible(node))
            for (const o of Array.from((node as HTMLSelectElement).options)) out.push(o.text.trim());
          const placeholder = node.getAttribute('placeholder');
          if (placeholder && visible(node)) out.push(placeholder);
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document.body);
    return out;
  });
}

/** Texts that break the rule: identifiers as words, English validation phrases. */
function offences(texts: string[]): string[] {
  return texts.filter((t) => t.split(/[^A-Za-z0-9_]+/).some((word) => IDENTIFIERS.has(word)) || ENGLISH.test(t));
}

describe.skipIf(!BROWSER_TESTS_RUN)('the language rule in the browser', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 1 }, viewport: { width: 1400, height: 900 } });
  beforeAll(() => ui.start('#/kaart'));
  afterAll(() => ui.close());

  it('the offence check finds what it is meant to find', () => {
    expect(offences(['Zon-aandeel in RES', 'solarShare: must lie in [0, 1], got 2'])).toEqual([
      'solarShare: must lie in [0, 1], got 2',
    ]);
    expect(offences(['gridCapexEUR (€)', 'Netinvestering (mln €)'])).toEqual(['gridCapexEUR (€)']);
    expect(IDENTIFIERS.size).toBeGreaterThan(100);
  });

  it('holds in every view in the base state', async () => {
    const views: Array<[string, string]> = [
      ['kaart', 'sh-map-view'],
      ['scenario', 'sh-scenario-view'],
      ['uurprofiel', 'sh-hourly-view'],
      ['tafels', 'sh-tables-view'],
      ['verkennen', 'sh-sweep-builder'],
      ['vergelijken', 'sh-compare-view'],
      ['intekenboek', 'sh-intekenboek-view'],
      ['aannames', 'sh-assumptions-view'],
    ];
    for (const [id, element] of views) {
      await openView(ui.page, id, element);
      await settled(ui.page);
      const texts = await visibleTexts(ui.page);
      expect(texts.length, id).toBeGreaterThan(10);
      expect(offences(texts), id).toEqual([]);
    }
    expect(ui.pageErrors).toEqual([]);
  });

  it('holds for validation messages after invalid input in the Scenario view and the sweep builder', async () => {
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await settled(ui.page);
    // Bound errors come first; the share sum is checked once the values are within bounds (ui/e2e.test.ts).
    await setLever(ui.page, 'industryAddMW', '-500');
    await setLever(ui.page, 'costFeedinEURPerMW', '-3');
    await expect
      .poll(() => ui.page.locator('sh-scenario-view sh-lever .error').allTextContents())
      .toEqual(expect.arrayContaining(['mag niet negatief zijn', 'mag niet negatief zijn (nu -3\u00a0€/kW)']));
    let texts = await visibleTexts(ui.page);
    expect(offences(texts)).toEqual([]);
    expect(texts).toContain('mag niet negatief zijn (nu -3\u00a0€/kW)');
    for (const key of ['industryAddMW', 'costFeedinEURPerMW'])
      await ui.page.locator(`sh-lever[data-lever="${key}"] button.reset`).click();
    await expect.poll(() => ui.page.locator('sh-scenario-view sh-lever .error').count()).toBe(0);

    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    const builder = ui.page.locator('sh-sweep-builder');
    await builder.getByLabel('As 1: waarden, gescheiden door ;').fill('20; 150');
    await builder.locator('#run').click();
    await expect.poll(() => builder.locator('.error').count()).toBeGreaterThan(0);
    texts = await visibleTexts(ui.page);
    expect(offences(texts)).toEqual([]);
    expect(texts).toContain('moet tussen 0\u00a0% en 100\u00a0% liggen (nu 150\u00a0%)');
    expect(ui.pageErrors).toEqual([]);
  });

  it('explains every lever and KPI on "Aannames & bronnen", with sources, dated defaults, current values and credits', async () => {
    await openView(ui.page, 'scenario', 'sh-scenario-view');
    await ui.page.locator('sh-lever[data-lever="waccGrid"] sh-info button').click();
    const box = ui.page.locator('sh-lever[data-lever="waccGrid"] sh-info .box');
    await expect(box.textContent()).resolves.toContain('Standaard: 3,0\u00a0%/jaar. Bron: Energietransitiemodel');
    await box.locator('a').click();
    await ui.page.locator('sh-assumptions-view').waitFor();
    await expect(ui.page.locator('sh-assumptions-view tr.marked').getAttribute('data-path')).resolves.toBe(
      'national.waccGrid',
    );
    // Every national default has a row with its source; the dated ones say so.
    const view = ui.page.locator('sh-assumptions-view');
    await expect(view.locator('tr[data-path^="national."]').count()).resolves.toBe(NATIONAL_PARAM_NAMES.length + 1);
    await expect(view.locator('tr[data-path="national.odeGasEURPerM3"] .dated-note').textContent()).resolves.toContain(
      'bestaat sinds 2023 niet meer',
    );
    await expect(view.locator('tr[data-path="national.costFeedinEURPerMW"] td.value').textContent()).resolves.toBe(
      '614\u00a0€/kW',
    );
    // Current values, applied to the scenario: the header says it changed.
    await view.locator('#apply-current-tax').click();
    await expect(ui.page.locator('#changed').textContent()).resolves.toContain('gewijzigd');
    await expect(ui.page.locator('#attribution').textContent()).resolves.toMatch(
      /Kadaster \/ CBS.*CC BY 4\.0.*Quintel.*MIT/s,
    );
    // A KPI's popover links to its output row.
    await openView(ui.page, 'scenario', 'sh-kpi-panel');
    await ui.page.locator('sh-kpi-panel [data-kpi="gridCapexEUR"] sh-info button').click();
    await expect(
      ui.page.locator('sh-kpi-panel [data-kpi="gridCapexEUR"] sh-info .box').textContent(),
    ).resolves.toContain('Netinvestering');
    // The reference scenario 2030 as the base: 39 TWh RES, EVs and heat pumps in.
    await ui.page.keyboard.press('Escape');
    await ui.page.locator('sh-scenario-view #base').scrollIntoViewIfNeeded();
    await ui.page.locator('sh-scenario-view #base').selectOption('referentie-2030', { force: true });
    await expect
      .poll(() => ui.page.locator('sh-lever[data-lever="resTWh"] input[type="text"]').inputValue())
      .toBe('39,0');
    await expect(ui.page.locator('sh-lever[data-lever="evCount"] input[type="text"]').inputValue()).resolves.toMatch(
      /^1\.(89|90)\d\.\d{3}$/,
    );
    await expect(ui.page.locator('#changed').count()).resolves.toBe(0);
    expect(ui.pageErrors).toEqual([]);
  });
});
