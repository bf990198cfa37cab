/**
 * Browser test of the layout at the window sizes people use (1280×800 and 1024×768): in every view,
 * with the example register and a finished sweep, nothing is wider than the window and no table or
 * box scrolls sideways inside itself.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS_RUN, BrowserSuite } from './test-server.ts';
import { openView, settled, startBuiltSweep } from './ui-driver.ts';

/** Every view: its route, its element, and what shows once its content has loaded. */
const VIEWS: ReadonlyArray<[string, string, string]> = [
  ['kaart', 'sh-map-view', 'sh-map-view sh-sort-table tbody tr'],
  ['scenario', 'sh-scenario-view', 'sh-finance-panel sh-sort-table tbody tr'],
  ['uurprofiel', 'sh-hourly-view', 'sh-hourly-view sh-uplot canvas'],
  ['tafels', 'sh-tables-view', 'sh-tables-view sh-bar-chart svg'],
  ['ruimte', 'sh-ruimte-view', 'sh-ruimte-view sh-sort-table tbody tr'],
  ['verkennen', 'sh-sweep-view', '#results-table tbody tr'],
  ['vergelijken', 'sh-compare-view', 'sh-compare-view sh-save-form'],
  ['intekenboek', 'sh-intekenboek-view', 'sh-intekenboek-view tbody tr'],
  ['aannames', 'sh-assumptions-view', 'sh-assumptions-view tbody tr'],
];

/** How far the page is wider than the window, and every box (shadow roots included) that scrolls sideways. */
async function overflow(page: Page): Promise<{ page: number; boxes: string[] }> {
  return page.evaluate(() => {
    const boxes: string[] = [];
    const walk = (root: Document | ShadowRoot, host: string) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
        if (scrolls && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
          boxes.push(
            `${host} ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.scrollWidth} > ${el.clientWidth} px`,
          );
        if (el.shadowRoot) walk(el.shadowRoot, `${host} ${el.tagName.toLowerCase()}`);
      }
    };
    walk(document, '');
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, boxes };
  });
}

describe.skipIf(!BROWSER_TESTS_RUN)('every view fits the window', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 1, exampleRegister: true } });
  beforeAll(async () => {
    await ui.start('#/verkennen');
    // A finished sweep (the builder's default: 12 scenarios), so Verkennen shows its charts and table.
    const { id } = (await (await startBuiltSweep(ui.page)).json()) as { id: string };
    await ui.page.locator(`#progress-card:has([data-sweep-id="${id}"]) [data-status="done"]`).waitFor();
    await ui.page.locator('#results-table tbody tr').first().waitFor();
  });
  afterAll(() => ui.close());

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ])
    it(`at ${size.width}×${size.height}: no view is wider than the window, no box scrolls sideways`, async () => {
      await ui.page.setViewportSize(size);
      const found: Array<{ view: string; page: number; boxes: string[] }> = [];
      for (const [view, element, loaded] of VIEWS) {
        await openView(ui.page, view, element);
        await settled(ui.page);
        await ui.page.locator(loaded).first().waitFor();
        found.push({ view, ...(await overflow(ui.page)) });
      }
      expect(found).toEqual(VIEWS.map(([view]) => ({ view, page: 0, boxes: [] })));
      expect(ui.pageErrors).toEqual([]);
    });
});
