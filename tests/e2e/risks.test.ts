// Risk analysis in Chromium: add a risk (an empty description refused with a Swedish message,
// nothing saved), see it on the matrix, re-assess it after an action and see it move (its old
// place as "(1)" with an arrow to the new); axe-clean. With RISK_SCREENSHOTS=<dir> it also saves
// the page at 1366×768 in colour and greyscale.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { apiValue, goTo } from '../helpers/e2e.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const area = await apiValue<{ id: string }>(server, 'operatingAreas.create', { name: 'Hemtjänst' });
  await apiValue(server, 'units.create', { operatingAreaId: area.id, name: 'Hemtjänst Norr', unitType: 'hemtjanst', regi: 'egen_regi', provider: '' });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const matrixSvg = () => page.locator('section[aria-labelledby="risk-matrix-title"] svg').first();
/** The texts the matrix draws, one per SVG text element. */
const matrixTexts = () => matrixSvg().locator('text').allTextContents();

async function shoot(name: string) {
  const dir = process.env.RISK_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
  await page.screenshot({ path: path.join(dir, `${name}-grey.png`), fullPage: true });
  await page.evaluate(() => document.querySelectorAll('style').forEach((s) => s.textContent?.includes('grayscale(1)') && s.remove()));
}

describe('risk analysis', () => {
  it('adds a risk, re-assesses it and sees it move on the matrix', async () => {
    await goTo(page, '/risker', 'Risker');
    await page.getByRole('button', { name: 'Ny risk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny risk' });
    await dialog.getByLabel('Verksamhetsområde').selectOption({ label: 'Hemtjänst' });
    await dialog.getByLabel('Enhet').selectOption({ label: 'Hemtjänst Norr' });
    await dialog.getByLabel('Identifierad').fill('2025-10-16');
    await dialog.getByLabel('Sannolikhet för upprepning').selectOption({ label: 'Stor (3)' });
    await dialog.getByLabel('Allvarlighetsgrad').selectOption({ label: 'Betydande (3)' });
    await dialog.getByRole('button', { name: 'Spara risken' }).click();
    await dialog.getByText('Beskrivning måste fyllas i.').waitFor();
    expect(await dialog.getByLabel('Beskrivning av risken').getAttribute('aria-invalid')).toBe('true');
    expect(await apiValue<unknown[]>(server, 'risks.list', {})).toEqual([]);
    await expectNoAxeViolations(page);

    await dialog.getByLabel('Beskrivning av risken').fill('Trygghetslarm besvaras sent nattetid.');
    await dialog.getByRole('button', { name: 'Spara risken' }).click();
    const risk = page.getByRole('dialog', { name: 'Risk 1: Trygghetslarm besvaras sent nattetid.' });
    await risk.getByRole('heading', { name: 'Omvärdera efter åtgärder' }).waitFor();
    await risk.getByRole('cell', { name: 'Riskvärde 9 (rött)' }).waitFor();

    await risk.getByLabel('Åtgärd', { exact: true }).fill('Rutin för prioritering av larm');
    await risk.getByLabel('Sista dag').fill('2026-01-31');
    await risk.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await risk.getByText('Ange vem som är ansvarig för åtgärden.').waitFor();
    await risk.getByLabel('Ansvarig').fill('Magnus Holm');
    await risk.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await risk.getByRole('cell', { name: 'Rutin för prioritering av larm' }).waitFor();

    // Before the re-assessment the matrix shows the risk once, as "1" in Stor × Betydande.
    expect(await matrixTexts()).toContain('1');
    expect(await matrixTexts()).not.toContain('(1)');

    await risk.getByLabel('Bedömd').fill('2026-10-15');
    await risk.getByLabel('Sannolikhet för upprepning').selectOption({ label: 'Mycket liten (1)' });
    await risk.getByRole('button', { name: 'Spara omvärderingen' }).click();
    await risk.getByRole('cell', { name: 'Riskvärde 3 (grönt)' }).waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.getByRole('gridcell', { name: '3 (grönt) 2026-10-15' }).waitFor();
    await expect.poll(matrixTexts).toContain('(1)');
    const text = (await matrixSvg().textContent()) ?? '';
    for (const label of ['Katastrofal (4)', 'Mycket stor (4)', 'Grönt 1–3', 'Rött 8–16', 'Senaste bedömning']) expect(text).toContain(label);
    expect(await page.getByRole('gridcell', { name: '1 (1)' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await shoot('risker-e2e');
  });
});
