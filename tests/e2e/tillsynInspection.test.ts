// Recording a tillsyn end to end in browser mode: a fresh database, an inspection with two
// unfulfilled requirements, the required actions in Uppföljning, the report as PDF and Word
// through the browser's download, closing the actions and the inspection; axe on every page.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let cycleId = '';

const UNIT = 'Solgårdens vård- och omsorgsboende';
const OBSERVATION_K01 = 'Tre av fem genomförandeplaner saknade kundens delaktighet; två var äldre än ett år.';
const OBSERVATION_K07 = 'Nattfastan överstiger elva timmar på avdelning Björken.';

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

async function go(hash: string, heading: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** The coverage figures on Tillsynsplan → Täckning, as the user sees them. */
async function coverageFigures() {
  await go('/tillsynsplan', 'Tillsynsplan');
  await page.getByRole('tab', { name: 'Täckning' }).click();
  const chart = page.getByRole('img', { name: /planerade och genomförda tillsyner per tertial/ });
  await expect.poll(() => chart.locator('svg').count()).toBe(1);
  const figure = (status: string) => page.locator(`.stat-${status} .stat-value`).textContent();
  return { done: await figure('genomford'), planned: await figure('planerad') };
}

async function savedStatus() {
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Sparat');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const area = await api<{ id: string }>('operatingAreas.create', { name: 'Särskilt boende' });
  await api('units.create', {
    operatingAreaId: area.id,
    name: UNIT,
    unitType: 'sarskilt_boende',
    regi: 'extern_utforare',
    provider: 'Vardaga Omsorg AB',
    manager: 'Karin Lundgren',
  });
  await api('requirements.loadDefaultCatalogue', {});
  await api('inspectors.create', { name: 'Agnes Tillström' });
  // The unit is planned in a 2026–2028 cycle by the plan proposal, so coverage can be seen to change.
  const cycle = await api<{ id: string }>('cycles.create', { startYear: 2026 });
  cycleId = cycle.id;
  const proposal = await api<{ placements: { unitId: string; year: number; tertial: number; month: number | null; inspectorIds: string[] }[] }>(
    'plan.propose',
    { cycleId },
  );
  await api('plan.acceptProposal', {
    cycleId,
    placements: proposal.placements.map(({ unitId, year, tertial, month, inspectorIds }) => ({ unitId, year, tertial, month, inspectorIds })),
  });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Tillsyn in the browser', () => {
  it('starts with the unit planned by the proposal and not yet covered', async () => {
    await expect.poll(() => coverageFigures(), { timeout: 15_000 }).toEqual({ done: '0', planned: '1' });
  });

  it('records an inspection with two unfulfilled requirements; their required actions are created', async () => {
    await go('/tillsyner', 'Tillsyner');
    await page.getByRole('button', { name: 'Ny tillsyn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Enhet').selectOption({ label: UNIT });
    await dialog.getByLabel('Startdatum').fill('2026-10-06');
    await dialog.getByLabel('Anmäld eller oanmäld').selectOption({ label: 'Oanmäld' });
    await dialog.getByLabel('Agnes Tillström').check();
    await dialog.getByRole('button', { name: 'Avmarkera alla' }).click();
    for (const title of ['Genomförandeplan med delaktighet', 'Omsorgskontinuitet', 'Måltidsordning över hela dygnet']) {
      await dialog.getByLabel(title).check();
    }
    await dialog.getByRole('button', { name: 'Skapa tillsynen' }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();

    await page.getByLabel('Sammanfattning').fill('Måltider och genomförandeplaner behöver förbättras.');
    await page.getByLabel('Deltagare från verksamheten').click();
    await savedStatus();
    await page.getByLabel('Intervju').check();
    await savedStatus();

    await page.getByLabel('Bedömning av K01').selectOption({ label: 'Ej uppfyllt' });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Åtgärdskrav skapades för K01');
    await page.getByLabel('Iakttagelser för K01').fill(OBSERVATION_K01);
    await page.getByLabel('Bedömning av K03').selectOption({ label: 'Uppfyllt' });
    await page.getByLabel('Bedömning av K07').selectOption({ label: 'Delvis uppfyllt' });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Åtgärdskrav skapades för K07');
    await page.getByLabel('Iakttagelser för K07').fill(OBSERVATION_K07);
    await page.getByLabel('Sammanfattning').click();

    const actions = page.getByRole('table', { name: 'Åtgärdskrav för tillsynen' });
    await expect.poll(() => actions.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByLabel('Åtgärd för K07').inputValue()).toBe(`K07 Måltidsordning över hela dygnet: ${OBSERVATION_K07}`);
    expect(await page.getByLabel('Sista dag för K01').inputValue()).toBe('2027-01-06');
    expect(await page.getByLabel('Ansvarig för K01').inputValue()).toBe('Karin Lundgren');

    // The record survives a reload: every field was saved on its own.
    await page.reload();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();
    expect(await page.getByLabel('Iakttagelser för K01').inputValue()).toBe(OBSERVATION_K01);
    expect(await page.getByLabel('Intervju').isChecked()).toBe(true);
  });

  it('refuses a deadline before the inspection on the field', async () => {
    const deadline = page.getByLabel('Sista dag för K01');
    await deadline.fill('2026-09-01');
    await deadline.press('Enter');
    await expect.poll(() => page.getByText('Sista dag kan inte vara före tillsynen (2026-10-06).').count()).toBeGreaterThan(0);
    await deadline.fill('2027-01-06');
    await deadline.press('Enter');
    await savedStatus();
  });

  it('shows both required actions in Uppföljning', async () => {
    await go('/uppfoljning', 'Uppföljning');
    const grid = page.getByRole('region', { name: 'Åtgärdskrav' });
    await expect.poll(() => grid.locator('.ag-row').count(), { timeout: 15_000 }).toBe(2);
    const codes = await grid.locator('.ag-cell[col-id="requirementCode"]').allTextContents();
    expect(codes.sort()).toEqual(['K01', 'K07']);
    await expectNoAxeViolations(page);
  });

  it('exports the tillsynsrapport as PDF and Word through the download, in Swedish', async () => {
    await go('/tillsyner', 'Tillsyner');
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('heading', { name: UNIT, level: 1 }).waitFor();

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tillsynsrapport (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`Tillsynsrapport ${UNIT} 2026-10-06.pdf`);
    const pdfText = execFileSync('pdftotext', ['-raw', await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tillsynsrapport (Word)' }).click()]);
    expect(docx.suggestedFilename()).toBe(`Tillsynsrapport ${UNIT} 2026-10-06.docx`);
    const docxText = execFileSync('unzip', ['-p', await docx.path(), 'word/document.xml'], { encoding: 'utf8' })
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ');

    for (const text of [pdfText, docxText]) {
      expect(text).toContain('Tillsynsrapport');
      expect(text).toContain(UNIT);
      expect(text).toContain('Oanmäld');
      expect(text).toContain('Måltider och genomförandeplaner behöver förbättras.');
      expect(text).toContain('Av 3 bedömda kvalitetskrav var 1 uppfyllt, 1 delvis uppfyllt och 1 ej uppfyllt.');
      expect(text).toContain(OBSERVATION_K01);
      expect(text).toContain(OBSERVATION_K07);
      expect(text).toContain('2027-01-06');
      expect(text).toContain('Karin Lundgren');
    }
  });

  it('refuses to close while actions are open, then closes the actions and the inspection', async () => {
    await page.getByRole('button', { name: 'Avsluta tillsyn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('2 åtgärdskrav är inte stängda').waitFor();
    await dialog.getByRole('button', { name: 'Avsluta tillsynen' }).click();
    await dialog.getByText('2 åtgärdskrav är inte stängda. Ange ett skäl för att avsluta tillsynen ändå.').waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();

    for (const code of ['K01', 'K07']) {
      await page.getByLabel(`Status för ${code}`).selectOption({ label: 'Stängd' });
      // Closing an action in the register needs a closing note.
      const closeAction = page.getByRole('dialog', { name: 'Stäng åtgärd' });
      await closeAction.getByLabel('Avslutningsnotering').fill(`${code}: åtgärdat och verifierat vid uppföljande besök.`);
      await closeAction.getByRole('button', { name: 'Stäng åtgärden' }).click();
      await savedStatus();
    }
    await expect.poll(async () => ((await apiCall(server, 'actions.list', { filter: 'open' })).value as unknown[]).length).toBe(0);

    await page.getByRole('button', { name: 'Avsluta tillsyn' }).click();
    await dialog.getByText('Alla åtgärdskrav är stängda.').waitFor();
    await dialog.getByRole('button', { name: 'Avsluta tillsynen' }).click();
    await page.getByText('Tillsynen är avslutad och kan inte ändras.').waitFor();
    expect(await page.getByLabel('Bedömning av K01').isDisabled()).toBe(true);
    const list = (await apiCall(server, 'inspections.list', {})).value as { status: string }[];
    expect(list.map((i) => i.status)).toEqual(['avslutad']);
    await expectNoAxeViolations(page);
  });

  it('shows the unit as covered in the cycle once the inspection is recorded', async () => {
    await expect.poll(() => coverageFigures(), { timeout: 15_000 }).toEqual({ done: '1', planned: '0' });
    const coverage = await api<{ byTertial: { done: number }[] }>('coverage.get', { cycleId });
    expect(coverage.byTertial.reduce((sum, t) => sum + t.done, 0)).toBe(1);
  });

  it('has no accessibility violations on Tillsyner, Tillsynsberättelse and Tematisk tillsyn', async () => {
    await go('/tillsyner', 'Tillsyner');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ny tillsyn' }).click();
    await page.getByRole('dialog').getByLabel('Enhet').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    await go('/tillsynsberattelse', 'Tillsynsberättelse 2026');
    await page.locator('.stat-value').first().waitFor();
    await expectNoAxeViolations(page);
    await go('/tematisk-tillsyn', 'Tematisk tillsyn');
    await expectNoAxeViolations(page);
  });
});
