// Plan and inspection as one thread, end to end in Chromium: from a plan card start the inspection
// (filled in from the plan entry and linked to it), record it, close it — the card shows it done and
// Täckning agrees — and a closed inspection's action can be edited neither in the UI nor through the
// API until the inspection is reopened with a reason.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';
import { apiValue, goTo } from '../helpers/e2e.ts';

/** The machine may be busy (other suites run alongside): give each UI change time to land. */
const SLOW = { timeout: 15_000 };

const UNIT = 'Solgårdens vård- och omsorgsboende';
const OTHER = 'Lindgårdens vård- och omsorgsboende';

let server: RunningServer;
let browser: Browser;
let page: Page;
let cycleId = '';
let unitId = '';
let actionId = '';

// The server's today: the entry is placed in the current tertial, so the inspection starts today.
const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const YEAR = now.getFullYear();
const TERTIAL = now.getMonth() < 4 ? 1 : now.getMonth() < 8 ? 2 : 3;

const api = <T>(method: string, input: unknown) => apiValue<T>(server, method, input);
const go = (hash: string, heading: string) => goTo(page, hash, heading);

async function openBoard() {
  await go('/tillsynsplan', 'Tillsynsplan');
  await page.getByRole('tab', { name: 'Tavla' }).click();
  await page.locator(`.plan-card[data-entry-id]`).first().waitFor();
}

/** The badges on the unit's card, as the user reads them. */
async function cardText(unit: string): Promise<string> {
  return (await page.locator('.plan-card-item', { has: page.locator('.plan-card-name', { hasText: unit }) }).textContent()) ?? '';
}

/** Täckning's figures for the cycle, as the user sees them, and the unit's status by the API. */
async function coverage() {
  await go('/tillsynsplan', 'Tillsynsplan');
  await page.getByRole('tab', { name: 'Täckning' }).click();
  await page.locator('.stat-genomford .stat-value').waitFor();
  const figure = (status: string) => page.locator(`.stat-${status} .stat-value`).textContent();
  const view = await api<{ units: { unitId: string; status: string }[] }>('coverage.get', { cycleId });
  return { done: await figure('genomford'), planned: await figure('planerad'), unit: view.units.find((u) => u.unitId === unitId)?.status };
}

async function savedStatus() {
  await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Sparat');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const area = await api<{ id: string }>('operatingAreas.create', { name: 'Särskilt boende' });
  const units = [
    { name: UNIT, regi: 'extern_utforare', provider: 'Vardaga Omsorg AB', manager: 'Karin Lundgren' },
    { name: OTHER, regi: 'egen_regi', provider: '', manager: '' },
  ];
  const [unit, other] = await Promise.all(units.map((u) => api<{ id: string }>('units.create', { operatingAreaId: area.id, unitType: 'sarskilt_boende', ...u })));
  if (!unit || !other) throw new Error('units not created');
  unitId = unit.id;
  await api('requirements.loadDefaultCatalogue', {});
  const inspector = await api<{ id: string }>('inspectors.create', { name: 'Agnes Tillström' });
  cycleId = (await api<{ id: string }>('cycles.create', { startYear: YEAR })).id;
  // An unannounced visit planned for this tertial, and another unit planned later in the cycle.
  await api('plan.create', { cycleId, unitId, year: YEAR, tertial: TERTIAL, announced: false, fixed: false, inspectorIds: [inspector.id] });
  await api('plan.create', { cycleId, unitId: other.id, year: YEAR + 1, tertial: 1, fixed: false });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('from plan card to closed inspection', () => {
  it('starts the inspection from its plan card, filled in from the plan entry', async () => {
    await openBoard();
    expect(await cardText(UNIT)).not.toContain('Genomförd');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Starta tillsyn: ${UNIT}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny tillsyn' });
    await dialog.getByText(`Startas från tillsynsplanen (${YEAR} T${TERTIAL})`).waitFor();
    expect(await dialog.getByLabel('Enhet').isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Startdatum').inputValue()).toBe(TODAY);
    expect(await dialog.getByLabel('Anmäld eller oanmäld').locator('option:checked').textContent()).toBe('Oanmäld');
    expect(await dialog.getByLabel('Agnes Tillström').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Avmarkera alla' }).click();
    for (const title of ['Genomförandeplan med delaktighet', 'Omsorgskontinuitet']) await dialog.getByLabel(title).check();
    await dialog.getByRole('button', { name: 'Skapa tillsynen' }).click();

    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    await page.getByRole('link', { name: `Planerad i tillsynsplanen ${YEAR} T${TERTIAL}` }).waitFor();
    expect(await page.locator('.page-header .badge').first().textContent()).toBe('Pågående');
    const [inspection] = await api<{ id: string; planEntryId: string | null; announced: boolean }[]>('inspections.list', {});
    expect(inspection).toMatchObject({ announced: false });
  });

  it('is not done on the plan or in Täckning until its assessments are recorded', async () => {
    await openBoard();
    await expect.poll(() => cardText(UNIT), SLOW).toContain(`Pågående ${TODAY}`);
    expect(await page.getByRole('link', { name: `Öppna tillsyn: ${UNIT}` }).count()).toBe(1);
    expect(await coverage()).toEqual({ done: '0', planned: '2', unit: 'planerad' });
  });

  it('records the assessments: the card says Genomförd and Täckning agrees', async () => {
    await openBoard();
    await page.getByRole('link', { name: `Öppna tillsyn: ${UNIT}` }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    await page.getByLabel('Bedömning av K01').selectOption({ label: 'Ej uppfyllt' });
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Åtgärdskrav skapades för K01');
    await page.getByLabel('Bedömning av K03').selectOption({ label: 'Uppfyllt' });
    await savedStatus();
    await expect.poll(() => page.locator('.page-header .badge').first().textContent(), SLOW).toBe('Genomförd (bedömningar registrerade)');

    await openBoard();
    await expect.poll(() => cardText(UNIT), SLOW).toContain(`Genomförd ${TODAY}`);
    expect(await coverage()).toEqual({ done: '1', planned: '1', unit: 'genomford' });
  });

  it('closes the inspection from the record; the card says Avslutad and Täckning still agrees', async () => {
    await openBoard();
    await page.getByRole('link', { name: `Öppna tillsyn: ${UNIT}` }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Avsluta tillsyn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avsluta tillsyn' });
    await dialog.getByLabel('Skäl').fill('Åtgärdskravet följs upp i Uppföljning.');
    await dialog.getByRole('button', { name: 'Avsluta tillsynen' }).click();
    await page.getByText('Tillsynen är avslutad och kan inte ändras.').waitFor();
    expect(await page.locator('.page-header .badge').first().textContent()).toBe('Avslutad');

    await openBoard();
    await expect.poll(() => cardText(UNIT), SLOW).toContain(`Avslutad ${TODAY}`);
    expect(await coverage()).toEqual({ done: '1', planned: '1', unit: 'genomford' });
  });
});

describe("a closed inspection's action", () => {
  it('is read-only on the inspection record', async () => {
    await go('/tillsyner', 'Tillsyner');
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    for (const label of ['Åtgärd för K01', 'Sista dag för K01', 'Ansvarig för K01', 'Status för K01', 'Uppföljningsdatum för K01']) {
      expect([label, await page.getByLabel(label).isDisabled()]).toEqual([label, true]);
    }
    expect(await page.getByRole('button', { name: 'Lägg till åtgärdskrav' }).count()).toBe(0);
  });

  it('is refused by the API, whatever the write', async () => {
    const [action] = await api<{ id: string; responsible: string }[]>('actions.list', { filter: 'all' });
    actionId = action?.id ?? '';
    const message = 'Åtgärdskravet hör till en avslutad tillsyn och kan inte ändras. Öppna tillsynen igen (med ett skäl) för att ändra det.';
    for (const [method, input] of [
      ['actions.update', { id: actionId, patch: { responsible: 'Någon annan' } }],
      ['actions.close', { id: actionId, closingNote: 'Klart.' }],
      ['actions.addFollowUp', { actionId, notedOn: TODAY, note: 'Ringt utföraren.' }],
    ] as const) {
      expect(await apiCall(server, method, input)).toMatchObject({ ok: false, error: { code: 'read_only', message } });
    }
    expect(await api<{ responsible: string; followUps: unknown[] }>('actions.get', { id: actionId })).toMatchObject({ responsible: 'Karin Lundgren', followUps: [] });
  });

  it('is locked in Uppföljning: no cell editor, no note, no closing', async () => {
    await go('/uppfoljning', 'Uppföljning');
    const grid = page.getByRole('region', { name: 'Åtgärdskrav' });
    await expect.poll(() => grid.locator('.ag-row').count(), SLOW).toBe(1);
    await grid.getByText('(låst – tillsynen är avslutad)').waitFor();
    await grid.locator('.ag-cell[col-id="responsible"]').first().dblclick();
    expect(await grid.locator('.ag-cell-inline-editing').count()).toBe(0);
    await grid.getByRole('button', { name: /Följ upp åtgärden/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Åtgärdskravet hör till en avslutad tillsyn och är låst').waitFor();
    expect(await dialog.getByRole('button', { name: 'Lägg till anteckning' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Stäng åtgärden' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
  });

  it('can be edited again once the inspection is reopened with a reason', async () => {
    await go('/tillsyner', 'Tillsyner');
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Öppna tillsynen igen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Öppna tillsynen igen' });
    await dialog.getByRole('button', { name: 'Öppna tillsynen igen' }).click();
    await dialog.getByText('Skälet till att tillsynen öppnas igen måste fyllas i.').waitFor();
    await dialog.getByLabel('Skäl till att tillsynen öppnas igen').fill('Utföraren har begärt rättelse av iakttagelsen.');
    await dialog.getByRole('button', { name: 'Öppna tillsynen igen' }).click();
    await page.getByText('Skäl: Utföraren har begärt rättelse av iakttagelsen.').waitFor();
    expect(await page.getByLabel('Ansvarig för K01').isDisabled()).toBe(false);
    const history = await api<unknown[]>('audit.history', { tableName: 'inspections', rowId: (await api<{ id: string }[]>('inspections.list', {}))[0]?.id });
    expect(JSON.stringify(history)).toContain('Utföraren har begärt rättelse av iakttagelsen.');
  });
});
