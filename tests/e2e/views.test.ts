// A ready view in browser mode: a snapshot of the självskattning heatmap on the demo municipality,
// shown frozen with its date, its link to the same view with today's data, axe on both, 1366×768.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';
import path from 'node:path';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await api('app.openDemo', {});
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('ready views', () => {
  it('shows a snapshot frozen with its date and opens the same view live', async () => {
    const year = new Date().getFullYear() - 1;
    const taken = await api<{ id: string; asOf: string }>('views.takeSnapshot', { name: 'selfAssessment.heatmap', params: { year } });
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `/ogonblicksbild/${taken.id}`);
    await page.getByRole('heading', { name: 'Självskattning – medelvärde per enhet och område', level: 1 }).waitFor();
    await page.getByText(`Ögonblicksbild från ${taken.asOf}`).waitFor();
    const caption = await page.locator('.view-caption').textContent();
    expect(caption).toMatch(new RegExp(`^Hela förvaltningen ${year}: medelvärde \\d+,\\d för \\d+ enheter`));
    await page.locator('.view-panel svg').first().waitFor();
    await page.screenshot({ path: process.env.VIEWS_SHOT ?? path.join(tempDir('kn-views-shot-'), 'snapshot-1366.png') });
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Visa med dagens data' }).click();
    await page.getByText(/^Aktuella data per /).waitFor();
    expect(await page.locator('.view-caption').textContent()).toBe(caption);
    expect(await page.getByText('Ögonblicksbild från').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
