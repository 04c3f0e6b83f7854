// Självskattning files in browser mode: "Exportera formulär" downloads a unit's form, a manager
// fills it in as in Excel (scores and a comment in the unlocked cells), "Importera svar" with the
// form and a long-format file with one bad row shows every problem and imports nothing; the fixed
// file and the form import together, and the results page shows the unit. Axe on the dialogs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const YEAR = new Date().getFullYear();
const UNIT = 'Solgårdens vård- och omsorgsboende';
const OTHER = 'Älvängens gruppbostad';
const AREAS = ['sjalvbestammande_integritet', 'helhetssyn_samordning', 'trygghet_sakerhet', 'kunskapsbaserad_verksamhet', 'tillganglighet'];
const AREA_NAMES = ['Självbestämmande och integritet', 'Helhetssyn och samordning', 'Trygghet och säkerhet', 'Kunskapsbaserad verksamhet', 'Tillgänglighet'];

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const area = await api<{ id: string }>('operatingAreas.create', { name: 'Äldreomsorg' });
  await api('units.create', { operatingAreaId: area.id, name: UNIT, unitType: 'sarskilt_boende', regi: 'egen_regi', provider: 'Exempelby kommun', manager: 'Karin Lundgren' });
  await api('units.create', { operatingAreaId: area.id, name: OTHER, unitType: 'lss_gruppbostad', regi: 'egen_regi', provider: 'Exempelby kommun', manager: 'Ola Berg' });
  await api('selfAssessment.createTemplate', { year: YEAR });
  for (const [i, a] of AREAS.entries()) await api('selfAssessment.addStatement', { year: YEAR, area: a, text: `Påstående ${i + 1} om verksamheten.` });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Självskattning: formulär och import', () => {
  it('exports a form, refuses a set with a bad row, imports the fixed set, and the results show the unit', async () => {
    await page.evaluate(() => {
      window.location.hash = '/sjalvskattning/svar';
    });
    await page.getByRole('heading', { name: 'Självskattning – registrera svar', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Exportera formulär' }).click();
    const exportDialog = page.getByRole('dialog', { name: `Exportera formulär för självskattningen ${YEAR}` });
    await exportDialog.getByRole('checkbox', { name: new RegExp(`^${UNIT}`) }).check();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Hämta formulär (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe(`Självskattning ${YEAR} ${UNIT}.xlsx`);

    // The manager fills in the form in Excel: a score in every unlocked Poäng cell, one comment.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    let score = 6;
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(5).protection?.locked === false) row.getCell(5).value = score++;
    });
    sheet.getCell('F3').value = 'Vi arbetar med genomförandeplanerna.';
    const dir = tempDir();
    const formFile = path.join(dir, 'Solgården ifylld.xlsx');
    await book.xlsx.writeFile(formFile);
    const header = 'År;Enhet;Område;Påstående;Poäng;Kommentar';
    const longFile = path.join(dir, 'Älvängen.csv');
    const longRows = AREA_NAMES.map((name, i) => `${YEAR};${OTHER};${name};Påstående ${i + 1} om verksamheten.;${i === 4 ? 'elva' : 7}`);
    fs.writeFileSync(longFile, [header, ...longRows].join('\r\n'));

    await page.getByRole('button', { name: 'Importera svar' }).click();
    const importDialog = page.getByRole('dialog', { name: `Importera svar för självskattningen ${YEAR}` });
    await importDialog.getByLabel('Välj filer med svar').setInputFiles([formFile, longFile]);
    await importDialog.getByText('Filerna innehåller 1 fel.').waitFor();
    const issue = importDialog.getByRole('table', { name: 'Fel att rätta' }).getByRole('row').nth(1);
    expect(await issue.getByRole('cell').allTextContents()).toEqual(['Älvängen.csv', '6', 'Poäng', expect.stringContaining('”elva” är inget giltigt svar.')]);
    expect(await importDialog.getByRole('button', { name: /^Importera \d+ svar$/ }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    const progress = await api<{ units: { answered: number }[] }>('selfAssessment.progress', { year: YEAR });
    expect(progress.units.every((u) => u.answered === 0)).toBe(true);

    fs.writeFileSync(longFile, [header, ...longRows.map((r) => r.replace(';elva', ';ej tillämplig'))].join('\r\n'));
    await importDialog.getByLabel('Välj filer med svar').setInputFiles([formFile, longFile]);
    await importDialog.getByText('Allt är giltigt: 10 svar för 2 enheter i 2 filer.').waitFor();
    await importDialog.getByRole('button', { name: 'Importera 10 svar' }).click();
    await page.getByText(`Importerat: 10 svar för 2 enheter (${YEAR}).`).waitFor();

    await page.evaluate(() => {
      window.location.hash = '/sjalvskattning/resultat';
    });
    await page.getByRole('heading', { name: 'Självskattning – resultat', level: 1 }).waitFor();
    // Both units answered; Solgården's first area has its first score (6), Tillgänglighet 10.
    await page.getByText('enheter med svar (av 2)').waitFor();
    await page.getByText('10,0').first().waitFor();
    const results = await api<{ units: { unitId: string; unitName: string }[]; cells: { unitId: string; area: string; mean: number | null }[] }>('selfAssessment.results', { year: YEAR });
    const solgarden = results.units.find((u) => u.unitName === UNIT)!;
    expect(results.cells.filter((c) => c.unitId === solgarden.unitId).map((c) => c.mean)).toEqual([6, 7, 8, 9, 10]);

    // The sammanställning, as PDF and Word, from the results page.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hämta som PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`Självskattning ${YEAR} sammanställning.pdf`);
    const pdfText = execFileSync('pdftotext', ['-raw', await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hämta som Word' }).click()]);
    const docxText = execFileSync('unzip', ['-p', await docx.path(), 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const text of [pdfText, docxText]) {
      expect(text).toContain(`Självskattning ${YEAR} – sammanställning`);
      expect(text).toContain('Enheter som svarat 2 av 2 (100 %)');
      expect(text).toContain('Gemensamma utvecklingsområden');
      expect(text).toContain('Påstående 1 om verksamheten.');
    }
  });
});
