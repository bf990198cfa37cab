/**
 * Browser test of the Gebruikers page on a shared server: only a beheerder sees it; it lists,
 * adds, changes roles, disables and enables, and sets a new password — in Dutch, with problems
 * said before anything is sent. Chromium as in sign-in.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS_RUN, BrowserSuite, TEST_SERVER_PASSWORD } from './test-server.ts';
import { openView, submitSignIn } from './ui-driver.ts';

const NEW_PASSWORD = 'het nieuwe wachtwoord van es07';

async function signIn(page: Page, username: string): Promise<void> {
  await submitSignIn(page, username, TEST_SERVER_PASSWORD);
  await page.locator('#who-am-i').waitFor();
}

describe.skipIf(!BROWSER_TESTS_RUN)('Gebruikers: accounts in the UI for beheerders', () => {
  const ui = new BrowserSuite({
    server: { sweepWorkers: 1, accounts: { beheer: ['beheerder'], lezer: ['lezer'] } },
    viewport: { width: 1280, height: 900 },
  });
  const row = (username: string) => ui.page.locator(`sh-accounts-view tr[data-account="${username}"]`);
  const status = () => ui.page.locator('sh-accounts-view [role="status"]').textContent();
  const alert = () => ui.page.locator('sh-accounts-view [role="alert"]').textContent();

  beforeAll(() => ui.start());
  afterAll(() => ui.close());

  it('is not offered to a lezer, and says why when opened anyway', async () => {
    await ui.page.goto(`${ui.url}/#/kaart`);
    await ui.page.locator('sh-sign-in form').waitFor();
    await signIn(ui.page, 'lezer');
    await expect(ui.page.locator('nav a', { hasText: 'Gebruikers' }).count()).resolves.toBe(0);
    await openView(ui.page, 'gebruikers', 'sh-accounts-view');
    await expect(ui.page.locator('#accounts-blocked').textContent()).resolves.toContain(
      'Alleen een beheerder kan gebruikers beheren',
    );
    await ui.page.locator('#sign-out').click();
    await ui.page.locator('sh-sign-in form').waitFor();
  });

  it('lists the accounts to a beheerder, who cannot disable its own', async () => {
    await signIn(ui.page, 'beheer');
    await ui.page.locator('nav a', { hasText: 'Gebruikers' }).click();
    await row('lezer').waitFor();
    await expect(row('lezer').locator('td').nth(1).textContent()).resolves.toBe('lezer');
    await expect(row('beheer').locator('td').nth(4).textContent()).resolves.toBe('actief');
    await expect(row('beheer').getByRole('button', { name: 'Uitschakelen: beheer' }).isDisabled()).resolves.toBe(true);
  });

  it('adds an account, saying in Dutch what is wrong first', async () => {
    await ui.page.locator('#add-username').fill('es07');
    await ui.page.locator('#add-regions').fill('ES07, XX99');
    await ui.page.locator('#add-password').fill('kort');
    await ui.page.locator('#account-add button[type="submit"]').click();
    await expect.poll(alert).toContain('Onbekende regio: XX99');
    await ui.page.locator('#add-regions').fill('ES07');
    await ui.page.locator('#account-add button[type="submit"]').click();
    await expect.poll(alert).toContain('minstens 12 tekens');
    await ui.page.locator('#add-password').fill(TEST_SERVER_PASSWORD);
    await ui.page.locator('#add-lezer').uncheck();
    await ui.page.locator('#account-add button[type="submit"]').click();
    await expect.poll(status).toContain('Gebruiker es07 is toegevoegd.');
    await expect(row('es07').locator('td').nth(1).textContent()).resolves.toBe('regio ES07');
    await ui.page.locator('#add-username').fill('es07');
    await ui.page.locator('#add-password').fill(TEST_SERVER_PASSWORD);
    await ui.page.locator('#account-add button[type="submit"]').click();
    await expect.poll(alert).toContain('Er bestaat al een gebruiker met die naam.');
  });

  it('changes roles, disables and enables', async () => {
    await ui.page.getByRole('button', { name: 'Rollen van es07 wijzigen' }).click();
    await ui.page.locator('#edit-programmateam').check();
    await ui.page.locator('#roles-form button[type="submit"]').click();
    await expect.poll(status).toContain('Rollen van es07: programmateam, regio ES07.');
    await expect.poll(() => row('es07').locator('td').nth(1).textContent()).toBe('programmateam, regio ES07');

    await row('es07').getByRole('button', { name: 'Uitschakelen: es07' }).click();
    await expect.poll(() => row('es07').locator('td').nth(4).textContent()).toContain('uitgeschakeld sinds');
    await row('es07').getByRole('button', { name: 'Inschakelen: es07' }).click();
    await expect.poll(() => row('es07').locator('td').nth(4).textContent()).toBe('actief');
  });

  it('sets a new password, with which the account then signs in', async () => {
    await ui.page.getByRole('button', { name: 'Nieuw wachtwoord voor es07' }).click();
    await ui.page.locator('#password-new').fill(NEW_PASSWORD);
    await ui.page.locator('#password-form button[type="submit"]').click();
    await expect.poll(status).toContain('Nieuw wachtwoord voor es07 ingesteld');

    const other = await ui.newPage({ width: 1024, height: 700 });
    await other.goto(`${ui.url}/`);
    await submitSignIn(other, 'es07', NEW_PASSWORD);
    await expect(other.locator('#who-am-i').textContent()).resolves.toMatch(/es07\s+\(programmateam, regio ES07\)/);
    await other.close();
    expect(ui.pageErrors).toEqual([]);
  });
});
