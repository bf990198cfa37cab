/**
 * Page helpers shared by the browser test and the screenshot script, so that both drive the UI
 * the way a user does (typing into labelled controls, clicking buttons).
 */
import type { Page, Response } from 'playwright-core';

/** Types a value (Dutch notation) into a lever's number box and confirms with Enter. */
export async function setLever(page: Page, key: string, text: string): Promise<void> {
  const input = page.locator(`sh-lever[data-lever="${key}"] input[type="text"]`);
  await input.fill(text);
  await input.press('Enter');
}

/** Waits until the store has no evaluation in flight (the status line says "Berekend"). */
export async function settled(page: Page): Promise<void> {
  await page.locator('sh-app header .status', { hasText: 'Berekend' }).waitFor();
}

/** Opens a view by its hash route and waits for its element. */
export async function openView(page: Page, id: string, element: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), `#/${id}`);
  await page.locator(element).first().waitFor();
}

/** Saves the current scenario under `name` from the Vergelijken view. */
export async function saveScenarioAs(page: Page, name: string, author: string, note: string): Promise<void> {
  await openView(page, 'vergelijken', 'sh-save-form');
  await page.locator('#save-name').fill(name);
  await page.locator('#save-name').press('Tab');
  await page.locator('#save-author').fill(author);
  await page.locator('#save-note').fill(note);
  await page.locator('#save-new').click();
  await page.locator('sh-save-form .ok', { hasText: name }).waitFor();
}

/** Fills in the sign-in page of a shared server and submits it; the caller waits for what should follow. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#signin-user').fill(username);
  await page.locator('#signin-password').fill(password);
  await page.locator('sh-sign-in button[type="submit"]').click();
}

/** Starts the sweep built in Verkennen ("Start verkenning") and returns the server's answer to it. */
export async function startBuiltSweep(page: Page): Promise<Response> {
  const started = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/sweeps' && r.request().method() === 'POST',
  );
  await page.locator('sh-sweep-builder #run').click();
  return started;
}
