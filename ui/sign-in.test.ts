/**
 * Browser test of a shared server: the sign-in page, who am I, sign-out, controls a role may not
 * use disabled with the reason, authorship from the account. Chromium as in e2e.test.ts.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  type SharedServerSuite,
  startSharedServerSuite,
  TEST_SERVER_PASSWORD,
  type TestServer,
} from './test-server.ts';
import { openView, submitSignIn } from './ui-driver.ts';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const haveChromium = existsSync(CHROMIUM_PATH);

const signIn = (page: Page, username: string, password = TEST_SERVER_PASSWORD) =>
  submitSignIn(page, username, password);

describe.skipIf(!haveChromium && !inCi)('web UI on a shared server', () => {
  let suite: SharedServerSuite;
  let server: TestServer;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const accounts = { lezer: ['lezer'], es01: ['regio:ES01'] };
    suite = await startSharedServerSuite(accounts, { width: 1280, height: 800 }, pageErrors);
    ({ server, page } = suite);
  });
  afterAll(async () => suite?.close());

  it('shows the sign-in page, refuses a wrong password in Dutch, then shows who is signed in', async () => {
    await page.goto(`${server.url}/#/vergelijken`);
    await page.locator('sh-sign-in form').waitFor();
    await expect(page.locator('nav').count()).resolves.toBe(0);
    await signIn(page, 'lezer', 'niet het wachtwoord');
    await expect(page.locator('sh-sign-in [role="alert"]').textContent()).resolves.toContain(
      'Onjuiste gebruikersnaam of wachtwoord',
    );
    await signIn(page, 'lezer');
    await expect(page.locator('#who-am-i').textContent()).resolves.toMatch(/Aangemeld als\s+lezer\s+\(lezer\)/);
  });

  it('a lezer sees save and sweep controls disabled, with the reason', async () => {
    await openView(page, 'vergelijken', 'sh-save-form');
    await expect(page.locator('#save-new').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#save-blocked').textContent()).resolves.toContain('mag geen scenario’s opslaan');
    await expect(page.locator('#save-author').count()).resolves.toBe(0);
    await openView(page, 'verkennen', 'sh-sweep-builder');
    await expect(page.locator('#run').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#run-blocked').textContent()).resolves.toContain('mag alleen lezen');
    await openView(page, 'intekenboek', 'sh-commitment-form');
    await expect(page.locator('#c-save').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#c-blocked').textContent()).resolves.toMatch(/programmateam|niet vastleggen/);
    await expect(page.locator('#c-account').textContent()).resolves.toContain('lezer');
    await expect(page.locator('label[for="ib-import"]').count()).resolves.toBe(0);
  });

  it('signs out, and a region saves under its account name; the version history shows the account', async () => {
    await page.locator('#sign-out').click();
    await page.locator('sh-sign-in form').waitFor();
    await signIn(page, 'es01');
    await page.locator('#who-am-i').waitFor();
    await openView(page, 'vergelijken', 'sh-save-form');
    await expect(page.locator('#save-account').textContent()).resolves.toContain('es01');
    await page.locator('#save-name').fill('Plan ES01');
    await page.locator('#save-name').press('Tab');
    await page.locator('#save-new').click();
    await page.locator('sh-save-form .ok', { hasText: 'Plan ES01' }).waitFor();
    await page.locator('button[aria-label="Versies van Plan ES01"]').click();
    await expect.poll(() => page.locator('sh-version-history li .account').first().textContent()).toContain('es01');
    expect(pageErrors).toEqual([]);
  });
});
