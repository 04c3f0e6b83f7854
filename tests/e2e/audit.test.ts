// Spårbarhet end to end in Chromium: a unit's history from the Enheter toolbar, the global log with
// filters, the name recorded in the log, and the Kryptering page (read-only in browser mode); axe-clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function go(link: string, heading: string) {
  await page.goto(server.url);
  await page.getByRole('link', { name: link }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const area = (await apiCall(server, 'operatingAreas.create', { name: 'Hemtjänst' })).value as { id: string };
  const unit = (await apiCall(server, 'units.create', {
    operatingAreaId: area.id,
    name: 'Hemtjänst Norr',
    unitType: 'hemtjanst',
    regi: 'egen_regi',
    provider: 'Exempelby kommun',
    manager: 'Anna Lindqvist',
  })).value as { id: string };
  await apiCall(server, 'app.setDisplayName', { displayName: 'Maria Inspektör' });
  await apiCall(server, 'units.update', { id: unit.id, patch: { manager: 'Björn Ekström' } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Spårbarhet in the browser', () => {
  it('shows a unit’s history (old → new, who) from the Enheter toolbar', async () => {
    await go('Enheter', 'Enheter');
    const history = page.getByRole('button', { name: 'Visa historik' });
    expect(await history.isDisabled()).toBe(true);
    await page.locator('.ag-row', { hasText: 'Hemtjänst Norr' }).locator('[col-id="name"]').click();
    await history.click();
    const dialog = page.getByRole('dialog', { name: 'Historik: Hemtjänst Norr' });
    await dialog.getByText('Ändrad', { exact: true }).waitFor();
    const changed = dialog.locator('li').first();
    expect(await changed.textContent()).toContain('Maria Inspektör');
    expect(await changed.getByRole('row', { name: /Enhetschef/ }).textContent()).toBe('EnhetschefAnna LindqvistBjörn Ekström');
    expect(await dialog.locator('li').count()).toBe(2);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Stäng', exact: true }).last().click();
  });

  it('lists every change, filters by user and kind, and is read-only', async () => {
    await go('Spårbarhet', 'Spårbarhet');
    await page.getByText(/Visar 1–\d+ av \d+/).waitFor();
    const filters = page.getByRole('form', { name: 'Filter' });
    await filters.getByLabel('Ändring').selectOption({ label: 'Ändrad' });
    await filters.getByLabel('Typ av uppgift').selectOption({ label: 'Enhet' });
    await page.getByText('Visar 1–1 av 1').waitFor();
    expect(await page.locator('.audit-log tbody > tr').first().textContent()).toContain('Ändrad: Enhet ”Hemtjänst Norr”');
    await filters.getByRole('button', { name: 'Rensa filter' }).click();
    await filters.getByLabel('Användare').selectOption({ index: 1 });
    await page.getByText(/Visar 1–\d+ av \d+/).waitFor();
    // Nothing on the page edits or deletes an entry.
    expect(await page.locator('.audit-log').getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('saves the name recorded in the log', async () => {
    await go('Spårbarhet', 'Spårbarhet');
    const name = page.getByLabel('Ditt namn i loggen');
    await expect.poll(() => name.inputValue()).toBe('Maria Inspektör');
    await name.fill('Maria Andersson');
    await page.getByRole('button', { name: 'Spara namn' }).click();
    await page.getByText('Ditt namn i loggen är nu ”Maria Andersson”.').waitFor();
    expect((await apiCall(server, 'app.info', {})).value).toMatchObject({ displayName: 'Maria Andersson' });
  });

  it('explains encryption and does not offer it in browser mode', async () => {
    await go('Kryptering', 'Kryptering');
    await page.getByText('Databasen är inte krypterad.').waitFor();
    expect(await page.getByRole('heading', { name: 'Skyddar inte mot' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Kryptera databasen …' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
