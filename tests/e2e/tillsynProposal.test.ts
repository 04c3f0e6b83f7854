// The plan proposal in Chromium on the demo municipality: open the dialog, change the capacity per
// inspector and month, see the load chart follow, accept — and the demo's oanmälda stay oanmälda.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

interface Entry {
  id: string;
  unitName: string;
  year: number;
  tertial: number;
  month: number | null;
  announced: boolean;
  inspectionType: string;
}

const SLOW = { timeout: 15_000 };

let server: RunningServer;
let browser: Browser;
let page: Page;

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? ''}`);
  return result.value as T;
}

beforeAll(async () => {
  // Seeding the demo municipality takes a while on a busy machine.
  server = await startServer({ args: ['--demo'], startupTimeoutMs: 90_000 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Plan proposal on the demo municipality', () => {
  it('changes the capacity, shows the load chart, accepts, and keeps every oanmäld placement oanmäld', { timeout: 120_000 }, async () => {
    const [cycle] = await value<{ id: string }[]>('cycles.list', {});
    const cycleId = cycle?.id ?? '';
    const unannouncedBefore = (await value<Entry[]>('plan.list', { cycleId })).filter((e) => e.inspectionType === 'ordinarie' && !e.announced);
    expect(unannouncedBefore.length).toBeGreaterThan(0);

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Tillsynsplan' }).click();
    await page.getByRole('heading', { name: 'Tillsynsplan', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Föreslå plan …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Belastning per månad och tillsynshandläggare' }).waitFor(SLOW);
    // ECharts gives the figure role="img"; its label is the chart's description.
    const chart = dialog.getByRole('img', { name: /Stapeldiagram: föreslagna tillsyner per månad/ });
    await chart.locator('svg').waitFor(SLOW);

    // Three inspectors in the demo: capacity 2 each makes 6 a month for the team.
    const capacity = dialog.getByLabel('Tillsyner per handläggare och månad');
    await capacity.fill('2');
    await expect.poll(() => dialog.getByText(/Laget klarar \d+ per månad/).textContent(), SLOW).toContain('Laget klarar 6 per månad');
    // The chart's capacity line follows: the tooltip data is not in the DOM, but the legend names it.
    await expect.poll(() => chart.textContent(), SLOW).toContain('Kapacitet');
    await expect.poll(() => dialog.getByRole('button', { name: 'Godkänn förslaget' }).isEnabled(), SLOW).toBe(true);
    await page.screenshot({ path: '/tmp/proposal-dialog-1366.png' });
    await expectNoAxeViolations(page);

    // Every kept oanmäld placement shows as kept, and oanmäld.
    const proposal = await value<{ placements: { unitId: string; fixed: boolean; announced: boolean }[] }>('plan.propose', { cycleId, capacityPerInspector: 2 });
    expect(proposal.placements.filter((p) => p.fixed && !p.announced).length).toBeGreaterThanOrEqual(unannouncedBefore.length);

    await dialog.getByRole('button', { name: 'Godkänn förslaget' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Planen sparades');
    const after = await value<Entry[]>('plan.list', { cycleId });
    for (const e of unannouncedBefore) {
      expect(after.find((a) => a.id === e.id), e.unitName).toMatchObject({ announced: false, year: e.year, tertial: e.tertial, month: e.month });
    }
  });
});
