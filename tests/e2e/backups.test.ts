// Säkerhetskopior end to end in Chromium: back up now, a changed file listed as invalid, restore with
// preview and confirmation, then undo the restore; axe-clean; screenshots for a look.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_NAME } from '../../db/backup/folder.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function areaNames(): Promise<string[]> {
  const result = await apiCall(server, 'operatingAreas.list', {});
  return (result.value as { name: string }[]).map((a) => a.name).sort();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Säkerhetskopior in the browser', () => {
  it('backs up, marks a changed copy invalid, restores with a preview, and undoes the restore', async () => {
    expect((await apiCall(server, 'operatingAreas.create', { name: 'Hemtjänst' })).ok).toBe(true);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Säkerhetskopior' }).click();
    await page.getByRole('heading', { name: 'Säkerhetskopior', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Säkerhetskopiera nu' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(/sparad och kontrollerad/);

    // A second backup whose file is then changed on disk.
    expect((await apiCall(server, 'operatingAreas.create', { name: 'LSS' })).ok).toBe(true);
    const second = (await apiCall(server, 'backups.create', {})).value as { id: string };
    const file = path.join(path.dirname(server.dbFile), BACKUP_FOLDER_NAME, second.id);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    expect((await apiCall(server, 'operatingAreas.create', { name: 'Efter kopiorna' })).ok).toBe(true);

    await page.reload();
    await page.getByRole('link', { name: 'Säkerhetskopior' }).click();
    const rows = page.locator('.backups-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.nth(0).textContent()).toContain('Ogiltig – filen har ändrats');
    expect(await rows.nth(0).getByRole('button').isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'screenshots/sakerhetskopior-1366.png' });

    await rows.nth(1).getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Hel (integritetskontroll och kontrollsumma stämmer)').waitFor();
    await expect.poll(() => dialog.locator('tr', { hasText: 'Verksamhetsområden' }).textContent()).toContain('1');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'screenshots/sakerhetskopior-restore-1366.png' });
    await dialog.getByRole('button', { name: /Återställ kopian från/ }).click();

    await page.getByRole('button', { name: 'Ångra återställningen' }).waitFor();
    expect(await areaNames()).toEqual(['Hemtjänst']);
    await page.getByRole('button', { name: 'Ångra återställningen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(/ångrad/);
    expect(await areaNames()).toEqual(['Efter kopiorna', 'Hemtjänst', 'LSS']);
  });
});
