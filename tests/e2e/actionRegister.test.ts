// Uppföljning as the view of the action register, in browser mode: actions from tillsyn and from a
// kvalitetsråd side by side, the filter by source, the link to what an action answers, a
// follow-up note, closing refused without a closing note and done with one; axe on the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

const COUNCIL_ACTION = 'Gemensam rutin för nattfasta i alla särskilda boenden.';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const area = await api<{ id: string }>('operatingAreas.create', { name: 'Särskilt boende' });
  const unit = await api<{ id: string }>('units.create', {
    operatingAreaId: area.id,
    name: 'Solgårdens vård- och omsorgsboende',
    unitType: 'sarskilt_boende',
    regi: 'egen_regi',
    provider: 'Exempelby kommun',
    manager: 'Karin Lundgren',
  });
  await api('requirements.loadDefaultCatalogue', {});
  const requirements = await api<{ id: string; code: string }[]>('requirements.list', {});
  const k04 = requirements.find((r) => r.code === 'K04');
  const inspection = await api<{ id: string; assessments: { id: string }[] }>('inspections.create', {
    unitId: unit.id,
    startDate: '2026-03-12',
    requirementIds: [k04?.id],
  });
  await api('assessments.update', { id: inspection.assessments[0]?.id, patch: { result: 'ej_uppfyllt' } });
  await api('actions.create', { source: 'kvalitetsrad', description: COUNCIL_ACTION, reason: 'Beslut i kvalitetsrådet.', deadline: '2030-03-31', responsible: 'Verksamhetschef', unitId: null });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => {
    window.location.hash = '/uppfoljning';
  });
  await page.getByRole('heading', { name: 'Uppföljning', level: 1 }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Uppföljning, the action register', () => {
  const grid = () => page.getByRole('region', { name: 'Åtgärder och åtgärdskrav' });

  it('lists actions from every source, with what each answers', async () => {
    await grid().locator('.ag-row').first().waitFor();
    await expect.poll(() => grid().locator('.ag-row').count()).toBe(2);
    // The source opens the link column ("Kvalitetsråd: …", "Tillsyn 2026-03-12 – …"), so every column fits at 1366 px.
    const links = await grid().locator('.ag-cell[col-id="link"]').allTextContents();
    expect(links.map((l) => l.split(/[ :]/)[0]).sort()).toEqual(['Kvalitetsråd', 'Tillsyn']);
    const tillsynRow = grid().locator('.ag-row', { hasText: 'K04' });
    expect(await tillsynRow.locator('[col-id="link"]').textContent()).toBe('Tillsyn 2026-03-12 – Solgårdens vård- och omsorgsboende, krav K04');
    await expectNoAxeViolations(page);
  });

  it('filters by source', async () => {
    await page.getByRole('combobox', { name: 'Källa' }).selectOption({ label: 'Kvalitetsråd' });
    await expect.poll(() => grid().locator('.ag-row').count()).toBe(1);
    expect(await grid().locator('.ag-cell[col-id="description"]').textContent()).toBe(COUNCIL_ACTION);
    await page.getByRole('combobox', { name: 'Källa' }).selectOption({ label: 'Alla källor' });
    await expect.poll(() => grid().locator('.ag-row').count()).toBe(2);
  });

  it('shows the link and keeps a follow-up note', async () => {
    await page.getByRole('button', { name: /^Följ upp åtgärden: K04/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Följ upp åtgärd' });
    await dialog.getByText('Tillsyn 2026-03-12 – Solgårdens vård- och omsorgsboende, krav K04').waitFor();
    await dialog.getByLabel('Datum', { exact: true }).fill('2026-04-20');
    await dialog.getByLabel('Anteckning', { exact: true }).fill('Åtgärdsplan inkommen från enhetschefen.');
    await dialog.getByRole('button', { name: 'Lägg till anteckning' }).click();
    await dialog.getByRole('list', { name: 'Uppföljningsanteckningar' }).getByText('Åtgärdsplan inkommen från enhetschefen.').waitFor();
    await expectNoAxeViolations(page);
  });

  it('refuses to close without a closing note, then closes with one and the action leaves the open list', async () => {
    await page.getByRole('dialog', { name: 'Följ upp åtgärd' }).getByRole('button', { name: 'Stäng åtgärden' }).click();
    const close = page.getByRole('dialog', { name: 'Stäng åtgärd' });
    await close.getByRole('button', { name: 'Stäng åtgärden' }).click();
    await close.getByText('Skriv en avslutningsnotering för att stänga åtgärden: vad som har gjorts och hur det har följts upp.').waitFor();
    await close.getByLabel('Avslutningsnotering').fill('Riskbedömningar görs nu vid inflyttning; stickprov i april visade 10 av 10.');
    await close.getByRole('button', { name: 'Stäng åtgärden' }).click();
    const follow = page.getByRole('dialog', { name: 'Följ upp åtgärd' });
    await follow.getByText('Riskbedömningar görs nu vid inflyttning; stickprov i april visade 10 av 10.').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => grid().locator('.ag-row').count()).toBe(1);
    const open = await api<{ description: string }[]>('actions.list', { filter: 'open' });
    expect(open.map((a) => a.description)).toEqual([COUNCIL_ACTION]);
  });
});
