// The tillsyn and action-register ready views live at /vy/:ref on the demo municipality, 1366×768:
// each draws its chart and table under a computed caption, axe clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const shots = tempDir('kn-views2-shot-');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const opened = await apiCall(server, 'app.openDemo', {});
  if (!opened.ok) throw new Error(opened.error?.message);
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const lastYear = new Date().getFullYear() - 1;
const forvaltning = { kind: 'forvaltning' };

describe('tillsyn and action views, live', () => {
  it.each([
    ['tillsyn.coverage', {}, 'Tillsyn – täckning av tillsynscykeln', /^Hela förvaltningen: \d+ av \d+ enheter har haft tillsyn i cykeln \d{4}–\d{4} \(\d+ %\)/],
    ['tillsyn.findingsByRequirement', { year: lastYear }, 'Tillsyn – resultat per kvalitetskrav', new RegExp(`^Hela förvaltningen ${lastYear}: \\d+ bedömningar av \\d+ kvalitetskrav, \\d+ ej uppfyllt, flest i K\\d+ `)],
    ['actions.bySource', {}, 'Åtgärder – öppna och försenade per källa', /^Hela förvaltningen: \d+ öppna åtgärder, varav \d+ försenade\.$/],
  ] as const)('%s', async (name, params, heading, caption) => {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `/vy/${encodeURIComponent(JSON.stringify({ name, params, scope: forvaltning }))}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.locator('.view-panel svg').first().waitFor();
    expect(await page.locator('.view-caption').textContent()).toMatch(caption);
    // A table over 25 rows starts folded and is drawn when opened.
    const folded = page.locator('.view-panel details.view-table-folded');
    if ((await folded.count()) > 0) await folded.locator('summary').click();
    await page.locator('.view-panel table tbody tr').first().waitFor();
    expect(await page.locator('.view-panel table tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, `${name}-1366.png`) });
    await expectNoAxeViolations(page);
  });
});
