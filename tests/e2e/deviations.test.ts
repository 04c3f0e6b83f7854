// Avvikelser in browser mode: import a summary file with a bad row (unknown unit) → the preview
// names the row and nothing is written; import the corrected file → the charts by type and by
// unit and the table show the counts; a re-import of the month says what it replaces; the
// type filter narrows the table. Axe-clean on the page and in the dialog.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { apiValue, goTo } from '../helpers/e2e.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const NORR = 'Hemtjänst Norr';
const SOL = 'Solgårdens vård- och omsorgsboende';
const YEAR = new Date().getFullYear();
const HEADER = 'Period;Enhet;Avvikelsetyp;Antal';

function csvFile(name: string, lines: string[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const home = await apiValue<{ id: string }>(server, 'operatingAreas.create', { name: 'Hemtjänst' });
  const sabo = await apiValue<{ id: string }>(server, 'operatingAreas.create', { name: 'Särskilt boende' });
  await apiValue(server, 'units.create', { operatingAreaId: home.id, name: NORR, unitType: 'hemtjanst', regi: 'egen_regi' });
  await apiValue(server, 'units.create', { operatingAreaId: sabo.id, name: SOL, unitType: 'sarskilt_boende', regi: 'egen_regi' });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('avvikelser', () => {
  it('refuses a file with an unknown unit, naming the row, then imports the corrected file and charts it', async () => {
    await goTo(page, '/avvikelser', 'Avvikelser');
    await page.getByText(`Inga avvikelser är importerade för urvalet ${YEAR - 2}–${YEAR}.`).waitFor();
    await page.getByRole('button', { name: 'Importera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera avvikelser' });
    await dialog.getByLabel('Importera avvikelser').setInputFiles(
      csvFile('avvikelser.csv', [HEADER, `${YEAR}-01;${NORR};Fall;4`, `${YEAR}-01;Hemtjänst Nord;Läkemedel;2`, `${YEAR}-02;${SOL};Fall;6`]),
    );
    const issues = dialog.getByRole('table', { name: 'Fel per rad' });
    await issues.waitFor();
    expect(await issues.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^3Enhet.*Okänd enhet ”Hemtjänst Nord”/)]);
    expect(await dialog.getByRole('button', { name: /^Importera \d+ rad/ }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    expect(await apiValue<unknown[]>(server, 'deviations.list', { fromYear: 2000, toYear: 2100 })).toEqual([]);

    await dialog.getByLabel('Importera avvikelser').setInputFiles(
      csvFile('avvikelser-rättad.csv', [HEADER, `${YEAR}-01;${NORR};Fall;4`, `${YEAR}-01;${NORR};Läkemedel;2`, `${YEAR}-02;${SOL};Fall;6`]),
    );
    await dialog.getByText('Alla 3 rader är giltiga och kan importeras.').waitFor();
    await dialog.getByRole('button', { name: 'Importera 3 rader' }).click();
    await page.getByText('Importerade rader: 3. Ersatta tidigare rader: 0.').waitFor();
    await page.getByRole('heading', { name: 'Per avvikelsetyp över tid' }).waitFor();
    await page.getByRole('heading', { name: 'Per enhet över tid' }).waitFor();
    // Both charts are drawn (ECharts' SVG), with the types and units in their legends.
    const byType = page.locator('section', { has: page.getByRole('heading', { name: 'Per avvikelsetyp över tid' }) });
    await expect.poll(() => byType.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Fall', 'Läkemedel', `${YEAR} T1`]));
    const byUnit = page.locator('section', { has: page.getByRole('heading', { name: 'Per enhet över tid' }) });
    await expect.poll(() => byUnit.locator('svg text').allTextContents()).toEqual(expect.arrayContaining([NORR, SOL]));
    const table = page.getByRole('table', { name: `Avvikelser per enhet och typ ${YEAR - 2}–${YEAR}` });
    expect(await table.locator('tbody tr').allTextContents()).toEqual([`Hemtjänst${NORR}426`, `Särskilt boende${SOL}606`]);
    await page.getByText('12 avvikelser').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(tempDir(), 'avvikelser.png') });
  });

  it('says what a re-imported month replaces, and filters by type', async () => {
    await page.getByRole('button', { name: 'Importera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera avvikelser' });
    await dialog.getByLabel('Importera avvikelser').setInputFiles(csvFile('januari.csv', [HEADER, `januari ${YEAR};${NORR};fall;5`]));
    await dialog.getByText(`${NORR} (Hemtjänst), ${YEAR}-01: 2 rader ersätts`).waitFor();
    await dialog.getByRole('button', { name: 'Importera 1 rad' }).click();
    await page.getByText('Importerade rader: 1. Ersatta tidigare rader: 2.').waitFor();
    await page.getByRole('combobox', { name: /^Avvikelsetyp/ }).selectOption({ label: 'Fall' });
    const table = page.getByRole('table', { name: `Avvikelser per enhet och typ ${YEAR - 2}–${YEAR}` });
    await expect.poll(() => table.locator('tbody tr').allTextContents()).toEqual([`Hemtjänst${NORR}55`, `Särskilt boende${SOL}66`]);
  });
});
