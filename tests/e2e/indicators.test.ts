// Nyckeltal in browser mode: add an indicator on /nyckeltal, import a file with a bad row (the row
// named in the preview, nothing written), import the corrected file, and see the values grid and
// the chart with its computed caption; axe-clean on the page and the dialog.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

function csvFile(name: string, lines: string[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await api('operatingAreas.create', { name: 'Hemtjänst' });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('nyckeltal', () => {
  it('adds an indicator, refuses a bad file naming the row, imports the corrected one and charts it', async () => {
    await page.getByRole('link', { name: 'Nyckeltal' }).click();
    await page.getByRole('heading', { name: 'Nyckeltal', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Lägg till nyckeltal' });
    await form.getByLabel('Nyckeltal').fill('Nöjdhet hemtjänst');
    await form.getByLabel('Källa').selectOption({ label: 'Brukarundersökning' });
    await form.getByRole('button', { name: 'Lägg till nyckeltal' }).click();
    await page.getByText('Nyckeltalet ”Nöjdhet hemtjänst” lades till.').waitFor();
    await page.getByRole('heading', { name: 'Värden – Nöjdhet hemtjänst' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Importera värden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera nyckeltal' });
    const header = 'Nyckeltal;Nivå;Period;Värde;Kvinnor;Män;Riket;Länet;Måltal';
    await dialog.getByLabel('Importera nyckeltal').setInputFiles(
      csvFile('nyckeltal.csv', [header, 'Nöjdhet hemtjänst;Kommunen;2022;80;;;86;87;88', 'Nöjdhet hemtjänst;Kommunen;2023;åttiofem;;;87;88;88']),
    );
    const issues = dialog.getByRole('table', { name: 'Fel per rad' });
    await issues.waitFor();
    expect(await issues.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^3Värde.*Värde måste vara ett tal.*”åttiofem”/)]);
    expect(await dialog.getByRole('button', { name: /^Importera \d+ rad/ }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    const [indicator] = await api<{ id: string }[]>('indicators.list', {});
    expect(await api<unknown[]>('indicators.values', { indicatorId: indicator?.id })).toEqual([]);

    await dialog.getByLabel('Importera nyckeltal').setInputFiles(
      csvFile('nyckeltal-rättad.csv', [header, 'Nöjdhet hemtjänst;Kommunen;2022;80;82;77;86;87;88', 'Nöjdhet hemtjänst;Kommunen;2023;85;89;78;87;88;88', 'Nöjdhet hemtjänst;Hemtjänst;2023;84,5;;;;;88']),
    );
    await dialog.getByText('Alla 3 rader är giltiga och kan importeras.').waitFor();
    expect(await dialog.getByRole('table', { name: /Förhandsgranskning/ }).locator('tbody tr').nth(2).textContent()).toContain('84,5');
    await dialog.getByRole('button', { name: 'Importera 3 rader' }).click();
    await page.getByText('3 värden importerades; 0 tidigare värden ersattes.').waitFor();

    const chart = page.locator('figure.indicator-chart');
    await chart.getByText('Nöjdhet hemtjänst 85 % (mål 88 %), +5 procentenheter sedan 2022 (förbättring)').waitFor();
    await chart.locator('svg').first().waitFor();
    const svgText = await chart.locator('svg').first().textContent();
    for (const legend of ['Värde', 'Kvinnor', 'Män', 'Riket', 'Länet', 'Måltal']) expect(svgText).toContain(legend);
    const grid = page.getByRole('region', { name: 'Värden för Nöjdhet hemtjänst' });
    await expect.poll(() => grid.getByRole('row').count()).toBe(4);
    await expect.poll(async () => (await grid.textContent()) ?? '').toContain('84,5');
    // A cell edited with a decimal comma is saved at once; a word is refused and nothing saved.
    const valueCell = grid.locator('.ag-row', { hasText: '2023' }).filter({ hasText: 'Kommunen' }).locator('[col-id="value"]');
    await valueCell.dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('86,5');
    await page.keyboard.press('Enter');
    const stored = async () => (await api<{ period: string; levelName: string; value: number }[]>('indicators.values', { indicatorId: indicator?.id })).find((v) => v.period === '2023' && v.levelName === 'Kommunen')?.value;
    await expect.poll(stored).toBe(86.5);
    await chart.getByText('Nöjdhet hemtjänst 86,5 % (mål 88 %), +6,5 procentenheter sedan 2022 (förbättring)').waitFor();
    await valueCell.dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('mycket');
    await page.keyboard.press('Enter');
    await page.getByText(/Värde måste vara ett tal.*”mycket”/).first().waitFor();
    await expect.poll(() => valueCell.getAttribute('class')).toContain('cell-invalid');
    expect(await stored()).toBe(86.5);

    await chart.getByLabel('Diagram för nivå').selectOption({ label: 'Hemtjänst' });
    await chart.getByText('Nöjdhet hemtjänst 84,5 % (mål 88 %)', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(tempDir('kn-shot-'), 'nyckeltal.png') });
  });
});
