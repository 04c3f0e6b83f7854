// Självskattning in browser mode: this year's template made from last year's, a unit's answers
// entered by keyboard and by paste from Excel (a bad paste refused with nothing saved), progress
// following, the unit in the heatmap and the radar chart, the heatmap's numbers exported to .xlsx
// and read back; axe on every page.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const UNIT = 'Solgårdens vård- och omsorgsboende';
const OTHER = 'Älvängens gruppbostad';
const AREAS = ['sjalvbestammande_integritet', 'helhetssyn_samordning', 'trygghet_sakerhet', 'kunskapsbaserad_verksamhet', 'tillganglighet'];
let unitId = '';

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

interface Answers {
  answered: number;
  rows: { text: string; score: number | null; notApplicable: boolean; comment: string }[];
}
const answers = () => api<Answers>('selfAssessment.answersForUnit', { unitId, year: THIS_YEAR });

async function go(hash: string, heading: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const area = await api<{ id: string }>('operatingAreas.create', { name: 'Äldreomsorg' });
  const unit = await api<{ id: string }>('units.create', { operatingAreaId: area.id, name: UNIT, unitType: 'sarskilt_boende', regi: 'egen_regi', provider: 'Exempelby kommun', manager: 'Karin Lundgren' });
  unitId = unit.id;
  await api('units.create', { operatingAreaId: area.id, name: OTHER, unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: 'Exempelby kommun', manager: 'Ola Berg' });
  // Last year's template: two statements per area.
  await api('selfAssessment.createTemplate', { year: LAST_YEAR });
  for (const [i, a] of AREAS.entries()) {
    await api('selfAssessment.addStatement', { year: LAST_YEAR, area: a, text: `Påstående ${i + 1}a om verksamheten.` });
    await api('selfAssessment.addStatement', { year: LAST_YEAR, area: a, text: `Påstående ${i + 1}b om verksamheten.` });
  }
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Självskattning', () => {
  it("creates this year's template from last year's", async () => {
    await go('/sjalvskattning/mallar', 'Självskattning – mallar');
    await page.getByText(`Det finns ingen mall för ${THIS_YEAR} ännu.`).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Skapa mall för ${THIS_YEAR} från ${LAST_YEAR}` }).click();
    const firstArea = page.getByRole('region', { name: `Påståenden i Självbestämmande och integritet ${THIS_YEAR}` });
    await firstArea.locator('.ag-row').first().waitFor();
    expect(await firstArea.locator('.ag-cell[col-id="text"]').allTextContents()).toEqual(['Påstående 1a om verksamheten.', 'Påstående 1b om verksamheten.']);
    const template = await api<{ statementCount: number; copiedFromYear: number }>('selfAssessment.template', { year: THIS_YEAR });
    expect(template).toMatchObject({ statementCount: 10, copiedFromYear: LAST_YEAR });
    await expectNoAxeViolations(page);
  });

  it('enters answers by keyboard and by paste; a bad paste saves nothing; progress follows', async () => {
    await go('/sjalvskattning/svar', 'Självskattning – registrera svar');
    await page.getByRole('combobox', { name: 'Enhet' }).selectOption({ label: `${UNIT} (Äldreomsorg)` });
    const badge = page.locator('.progress-badge');
    await expect.poll(() => badge.textContent()).toBe('0 av 10 besvarade');
    const notAnswered = page.getByRole('heading', { name: /^Enheter som inte har svarat/ });
    expect(await notAnswered.textContent()).toBe('Enheter som inte har svarat (2)');
    await expectNoAxeViolations(page);

    const grid = page.getByRole('region', { name: `Svar för ${UNIT} ${THIS_YEAR}` });
    const scoreCell = (row: number) => grid.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="score"]`);
    // Keyboard: type into the focused cell, Enter saves and moves down.
    await scoreCell(0).click();
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await expect.poll(() => badge.textContent()).toBe('1 av 10 besvarade');
    await page.keyboard.type('ej');
    await page.keyboard.press('Enter');
    await expect.poll(() => badge.textContent()).toBe('2 av 10 besvarade');
    await expect.poll(() => notAnswered.textContent()).toBe('Enheter som inte har svarat (1)');
    let stored = await answers();
    expect(stored.rows.slice(0, 2).map((r) => [r.score, r.notApplicable])).toEqual([
      [8, false],
      [null, true],
    ]);

    // A typed bad value is refused in the cell and not saved.
    await scoreCell(9).click();
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    await expect.poll(() => scoreCell(9).getAttribute('class')).toContain('cell-invalid');
    expect((await answers()).answered).toBe(2);

    const paste = async (row: number, text: string) => {
      await scoreCell(row).click();
      await page.evaluate((t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    };
    // A bad paste: one cell out of range, nothing saved.
    await paste(2, '5\r\n12\r\n4\r\n');
    await page.getByRole('alert').getByText(/Rad 2 i inklistringen \(Helhetssyn och samordning, påstående 2\): ”12” är inget giltigt svar\./).waitFor();
    stored = await answers();
    expect(stored.answered).toBe(2);
    expect(stored.rows.slice(2, 5).map((r) => r.score)).toEqual([null, null, null]);
    expect(await badge.textContent()).toBe('2 av 10 besvarade');

    // A good paste from Excel: scores with a comment, saved together.
    await paste(2, '7\tVi arbetar med SIP\r\n6\r\n-\r\n9\r\n');
    await expect.poll(() => badge.textContent()).toBe('6 av 10 besvarade');
    stored = await answers();
    expect(stored.rows.slice(2, 6).map((r) => [r.score, r.notApplicable, r.comment])).toEqual([
      [7, false, 'Vi arbetar med SIP'],
      [6, false, ''],
      [null, true, ''],
      [9, false, ''],
    ]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('shows the unit in the heatmap and the radar chart, and exports the numbers to xlsx', async () => {
    await go('/sjalvskattning/resultat', 'Självskattning – resultat');
    const heatmap = page.getByRole('figure', { name: /^Värmekarta/ });
    await heatmap.getByText(UNIT).waitFor();
    // Self-determination: 8 (ej tillämplig not counted) → 8,0; Helhetssyn: 7 and 6 → 6,5.
    await heatmap.getByText('8,0').waitFor();
    await heatmap.getByText('6,5').waitFor();
    const radar = page.getByRole('figure', { name: /^Spindeldiagram/ });
    expect(await radar.getAttribute('aria-label')).toContain(UNIT);
    await radar.getByText(UNIT).waitFor();
    await expectNoAxeViolations(page);

    const heatmapCard = page.getByRole('region', { name: `Medelvärde per enhet och område ${THIS_YEAR}` });
    const [download] = await Promise.all([page.waitForEvent('download'), heatmapCard.getByRole('button', { name: 'Exportera siffror (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe(`självskattning-${THIS_YEAR}-karta.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Enheter och områden');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Enhet',
      'Verksamhetsområde',
      'Självbestämmande och integritet',
      'Helhetssyn och samordning',
      'Trygghet och säkerhet',
      'Kunskapsbaserad verksamhet',
      'Tillgänglighet',
    ]);
    expect(sheet?.getRow(2).values).toEqual([undefined, UNIT, 'Äldreomsorg', 8, 6.5, 9]);
    expect(sheet?.rowCount).toBe(2);
  });
});
