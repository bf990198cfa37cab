/**
 * Browser test of a shared server: the sign-in page, who am I, sign-out, controls a role may not
 * use disabled with the reason, authorship from the account. Chromium as in e2e.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS_RUN, BrowserSuite, TEST_SERVER_PASSWORD } from './test-server.ts';
import { openView, submitSignIn } from './ui-driver.ts';

const signIn = (page: Page, username: string, password = TEST_SERVER_PASSWORD) =>
  submitSignIn(page, username, password);

describe.skipIf(!BROWSER_TESTS_RUN)('web UI on a shared server', () => {
  const ui = new BrowserSuite({ server: { sweepWorkers: 1, accounts: { lezer: ['lezer'], es01: ['regio:ES01'] } } });
  beforeAll(() => ui.start());
  afterAll(() => ui.close());

  it('shows the sign-in page, refuses a wrong password in Dutch, then shows who is signed in', async () => {
    await ui.page.goto(`${ui.url}/#/vergelijken`);
    await ui.page.locator('sh-sign-in form').waitFor();
    await expect(ui.page.locator('nav').count()).resolves.toBe(0);
    await signIn(ui.page, 'lezer', 'niet het wachtwoord');
    await expect(ui.page.locator('sh-sign-in [role="alert"]').textContent()).resolves.toContain(
      'Onjuiste gebruikersnaam of wachtwoord',
    );
    await signIn(ui.page, 'lezer');
    await expect(ui.page.locator('#who-am-i').textContent()).resolves.toMatch(/Aangemeld als\s+lezer\s+\(lezer\)/);
  });

  it('a lezer sees save and sweep controls disabled, with the reason', async () => {
    await openView(ui.page, 'vergelijken', 'sh-save-form');
    await expect(ui.page.locator('#save-new').isDisabled()).resolves.toBe(true);
    await expect(ui.page.locator('#save-blocked').textContent()).resolves.toContain('mag geen scenario’s opslaan');
    await expect(ui.page.locator('#save-author').count()).resolves.toBe(0);
    await openView(ui.page, 'verkennen', 'sh-sweep-builder');
    await expect(ui.page.locator('#run').isDisabled()).resolves.toBe(true);
    await expect(ui.page.locator('#run-blocked').textContent()).resolves.toContain('mag alleen lezen');
    await openView(ui.page, 'intekenboek', 'sh-commitment-form');
    await expect(ui.page.locator('#c-save').isDisabled()).resolves.toBe(true);
    await expect(ui.page.locator('#c-blocked').textContent()).resolves.toMatch(/programmateam|niet vastleggen/);
    await expect(ui.page.locator('#c-account').textContent()).resolves.toContain('lezer');
    await expect(ui.page.locator('label[for="ib-import"]').count()).resolves.toBe(0);
  });

  it('signs out, and a region saves under its account name; the version history shows the account', async () => {
    await ui.page.locator('#sign-out').click();
    await ui.page.locator('sh-sign-in form').waitFor();
    await signIn(ui.page, 'es01');
    await ui.page.locator('#who-am-i').waitFor();
    await openView(ui.page, 'vergelijken', 'sh-save-form');
    await expect(ui.page.locator('#save-account').textContent()).resolves.toContain('es01');
    await ui.page.locator('#save-name').fill('Plan ES01');
    await ui.page.locator('#save-name').press('Tab');
    await ui.page.locator('#save-new').click();
    await ui.page.locator('sh-save-form .ok', { hasText: 'Plan ES01' }).waitFor();
    await ui.page.locator('button[aria-label="Versies van Plan ES01"]').click();
    await expect.poll(() => ui.page.locator('sh-version-history li .account').first().textContent()).toContain('es01');
    expect(ui.pageErrors).toEqual([]);
  });
});
