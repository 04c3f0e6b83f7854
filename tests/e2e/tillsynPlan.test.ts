// Tillsynsplan end to end in Chromium: a new cycle, a proposal accepted, coverage charted, a card
// moved with the keyboard and one dragged, both still there after a reload; Kvalitetskrav loaded.
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
  fixed: boolean;
}

/** The machine may be busy (other suites run alongside): give each UI change time to land. */
const SLOW = { timeout: 10_000 };

const UNIT_NAMES = ['Solgården', 'Lindgården', 'Hemtjänst Norr', 'Hemtjänst Söder', 'Gruppbostad Lärkan', 'Daglig verksamhet Verkstan'];

let server: RunningServer;
let browser: Browser;
let page: Page;
let cycleId = '';

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? ''}`);
  return result.value as T;
}

async function openPlan() {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Tillsynsplan' }).click();
  await page.getByRole('heading', { name: 'Tillsynsplan', level: 1 }).waitFor();
}

function column(key: string) {
  return page.locator(`.board-column[data-period="${key}"]`);
}

beforeAll(async () => {
  server = await startServer();
  const area = await value<{ id: string }>('operatingAreas.create', { name: 'Äldreomsorg' });
  for (const name of UNIT_NAMES) {
    await value('units.create', { operatingAreaId: area.id, name, unitType: 'sarskilt_boende', regi: 'egen_regi', provider: 'Kommunen' });
  }
  await value('inspectors.create', { name: 'Agnes Tillström' });
  await value('inspectors.create', { name: 'Bilal Granqvist' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Tillsynsplan in the browser', () => {
  it('creates a cycle, previews a proposal and accepts it', async () => {
    await openPlan();
    await page.getByText('Det finns ingen tillsynscykel ännu').waitFor();
    await page.getByRole('button', { name: 'Ny tillsynscykel' }).click();
    await page.getByLabel('Första år').fill('2026');
    await page.getByRole('button', { name: 'Skapa cykeln' }).click();
    await expect.poll(() => page.getByLabel('Tillsynscykel').locator('option:checked').textContent(), SLOW).toBe('2026–2028');

    await page.getByRole('button', { name: 'Föreslå plan …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Placeringar (${UNIT_NAMES.length})` }).waitFor();
    await dialog.getByRole('heading', { name: 'Belastning per månad och tillsynshandläggare' }).waitFor();
    // A preview only: nothing is in the plan yet.
    cycleId = (await value<{ id: string }[]>('cycles.list', {}))[0]?.id ?? '';
    expect(await value<Entry[]>('plan.list', { cycleId })).toEqual([]);
    await expectNoAxeViolations(page);

    await dialog.getByRole('button', { name: 'Godkänn förslaget' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain(`Planen sparades: ${UNIT_NAMES.length} placeringar`);
    await expect.poll(() => page.locator('.plan-card').count(), SLOW).toBe(UNIT_NAMES.length);
    const entries = await value<Entry[]>('plan.list', { cycleId });
    expect(entries.map((e) => e.unitName).sort()).toEqual([...UNIT_NAMES].sort());
    await expectNoAxeViolations(page);
  });

  it('moves a card with the keyboard; the move is saved, fixed, and still there after a reload', async () => {
    await openPlan();
    const card = page.locator('.plan-card', { hasText: 'Solgården' });
    await card.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('group', { name: 'Flytta Solgården' });
    await panel.waitFor();
    await expectNoAxeViolations(page);
    await panel.getByRole('button', { name: 'Flytta till 2028 T1' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toBe('Solgården flyttades till 2028 T1.');

    const moved = (await value<Entry[]>('plan.list', { cycleId })).find((e) => e.unitName === 'Solgården');
    expect(moved).toMatchObject({ year: 2028, tertial: 1, fixed: true });
    await page.reload();
    await page.getByRole('heading', { name: 'Tillsynsplan', level: 1 }).waitFor();
    await expect.poll(() => column('2028-T1').locator('.plan-card', { hasText: 'Solgården' }).count(), SLOW).toBe(1);
    await expect.poll(() => column('2028-T1').locator('.plan-card', { hasText: 'Solgården' }).textContent(), SLOW).toContain('Fast');
  });

  it('drags a card to another tertial and saves it at once', async () => {
    await openPlan();
    const before = (await value<Entry[]>('plan.list', { cycleId })).find((e) => e.unitName === 'Lindgården');
    const target = before?.year === 2027 && before.tertial === 3 ? '2028-T3' : '2027-T3';
    await page.locator('.plan-card', { hasText: 'Lindgården' }).dragTo(column(target));
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toMatch(/^Lindgården flyttades till/);
    const after = (await value<Entry[]>('plan.list', { cycleId })).find((e) => e.unitName === 'Lindgården');
    expect(`${after?.year}-T${after?.tertial}`).toBe(target);
    expect(after?.fixed).toBe(true);
    await page.reload();
    await expect.poll(() => column(target).locator('.plan-card', { hasText: 'Lindgården' }).count(), SLOW).toBe(1);
  });

  it('saves a note inline in the list', async () => {
    await openPlan();
    await page.getByRole('tab', { name: 'Lista' }).click();
    const row = page.locator('.ag-row', { hasText: 'Hemtjänst Norr' });
    await row.locator('[col-id="notes"]').first().dblclick();
    await page.keyboard.type('Ring enhetschefen först');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Sparat');
    const saved = (await value<(Entry & { notes: string })[]>('plan.list', { cycleId })).find((e) => e.unitName === 'Hemtjänst Norr');
    expect(saved?.notes).toBe('Ring enhetschefen först');
    await expectNoAxeViolations(page);
  });

  it('shows coverage with the chart of planned and done per tertial', async () => {
    await openPlan();
    await page.getByRole('tab', { name: 'Täckning' }).click();
    await page.getByRole('heading', { name: 'Täckning i cykeln 2026–2028' }).waitFor();
    // ECharts gives its container role=img with the description as its name.
    const chart = page.getByRole('img', { name: /planerade och genomförda tillsyner per tertial/ });
    await expect.poll(() => chart.locator('svg').count(), SLOW).toBe(1);
    await expect.poll(() => page.locator('.stat-planerad .stat-value').textContent(), SLOW).toBe(String(UNIT_NAMES.length));
    await expectNoAxeViolations(page);
  });

  it('loads the standard kvalitetskrav catalogue into an empty catalogue', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Kvalitetskrav' }).click();
    await page.getByRole('button', { name: 'Läs in standardkatalogen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toMatch(/kvalitetskrav lästes in/);
    await expect.poll(() => page.locator('.ag-row', { hasText: 'Genomförandeplan med delaktighet' }).count(), SLOW).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Tillsynshandläggare' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
