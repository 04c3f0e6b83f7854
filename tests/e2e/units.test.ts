// The Enheter register end to end: browser mode as a user starts it, Debian's Chromium, a real file.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function openUnits() {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Enheter' }).click();
  await page.getByRole('heading', { name: 'Enheter', level: 1 }).waitFor();
}

function cell(rowText: string, colId: string) {
  return page.locator('.ag-row', { hasText: rowText }).locator(`[col-id="${colId}"]`).first();
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

describe('Enheter in the browser', () => {
  it('adds an area and a unit through the forms; the unit is there after a reload', async () => {
    await openUnits();
    await page.getByRole('button', { name: 'Nytt verksamhetsområde' }).click();
    await page.getByLabel('Namn').fill('Särskilt boende');
    await page.getByRole('button', { name: 'Spara verksamhetsområdet' }).click();

    await page.getByRole('button', { name: 'Lägg till enhet' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Verksamhetsområde').selectOption({ label: 'Särskilt boende' });
    await dialog.getByLabel('Enhet', { exact: true }).fill('Solgårdens vård- och omsorgsboende');
    await dialog.getByLabel('Verksamhetstyp').selectOption({ label: 'Särskilt boende' });
    await dialog.getByLabel('Regi').selectOption({ label: 'Extern utförare' });
    await dialog.getByLabel('Utförare', { exact: true }).fill('Vardaga Omsorg AB');
    await dialog.getByLabel('Enhetschef', { exact: true }).fill('Karin Lundgren');
    await dialog.getByRole('button', { name: 'Spara enheten' }).click();
    await expect.poll(() => cell('Solgårdens', 'provider').textContent()).toBe('Vardaga Omsorg AB');

    await page.reload();
    await page.getByRole('heading', { name: 'Enheter', level: 1 }).waitFor();
    await expect.poll(() => cell('Solgårdens', 'regi').textContent()).toBe('Extern utförare');
  });

  it('saves an inline edit at once', async () => {
    await openUnits();
    await cell('Solgårdens', 'manager').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Åsa Öberg');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sparat');
    const units = await apiCall(server, 'units.list', {});
    expect(units.value).toEqual([expect.objectContaining({ manager: 'Åsa Öberg' })]);
  });

  it('refuses an invalid date on the cell and never saves it', async () => {
    await openUnits();
    await cell('Solgårdens', 'activeFrom').dblclick();
    await page.keyboard.type('2026-13-45');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell('Solgårdens', 'activeFrom').getAttribute('class')).toContain('cell-invalid');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sparades inte');
    const units = await apiCall(server, 'units.list', {});
    expect(units.value).toEqual([expect.objectContaining({ activeFrom: null })]);
    await page.reload();
    await page.getByRole('heading', { name: 'Enheter', level: 1 }).waitFor();
    await expect.poll(() => cell('Solgårdens', 'activeFrom').textContent()).toBe('');
  });

  it('previews an import with one bad row, names it, and writes nothing', async () => {
    const file = path.join(tempDir(), 'enheter.csv');
    fs.writeFileSync(
      file,
      [
        'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef',
        'Hemtjänst;Hemtjänst Norr;Hemtjänst;Egen regi;Exempelby kommun;Anna Lindqvist',
        'Hemtjänst;Hemtjänst Söder;Hemtjänst;Okänd regi;Exempelby kommun;Björn Ekström',
        'Funktionsstöd;Gruppbostad Lärkan;LSS gruppbostad;Egen regi;Exempelby kommun;Elin Sjöberg',
      ].join('\n'),
    );
    await openUnits();
    await page.getByRole('button', { name: 'Importera …' }).click();
    await page.getByRole('dialog').getByLabel('Importera enheter').setInputFiles(file);
    const issues = page.getByRole('table', { name: 'Fel per rad' });
    await issues.waitFor();
    expect(await issues.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^3Regi.*Okänd regi/)]);
    expect(await page.getByRole('button', { name: /Importera \d+ enheter/ }).isDisabled()).toBe(true);
    const units = await apiCall(server, 'units.list', {});
    expect((units.value as unknown[]).length).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
  });

  it('opens the demo municipality with one click and goes back to the own database', async () => {
    await openUnits();
    await page.getByRole('button', { name: 'Öppna exempeldata' }).click();
    await page.getByText('Du tittar på exempeldata').waitFor();
    await expect.poll(() => cell('Gruppbostad Lärkan', 'operatingAreaName').textContent()).toBe('Funktionsstöd');
    expect(((await apiCall(server, 'units.list', {})).value as unknown[]).length).toBe(60);
    await page.getByRole('button', { name: 'Tillbaka till min databas' }).click();
    await expect.poll(async () => ((await apiCall(server, 'units.list', {})).value as unknown[]).length).toBe(1);
  });

  it('has no accessibility violations on Översikt and Enheter', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    await expectNoAxeViolations(page);
    await openUnits();
    await expectNoAxeViolations(page);
  });
});

describe('browser mode security', () => {
  it('refuses API calls without the launch token', async () => {
    const response = await fetch(`${server.origin}/api/units.list`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.origin}/`, { headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
  });

  it('serves the UI with a strict CSP that blocks injected inline scripts', async () => {
    const response = await fetch(`${server.origin}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    await page.goto(server.url);
    const violation = page.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true })),
    );
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    expect(await violation).toMatch(/^script-src/);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const response = await fetch(`${server.origin}${probe}`);
      expect([400, 404], probe).toContain(response.status);
    }
  });
});
