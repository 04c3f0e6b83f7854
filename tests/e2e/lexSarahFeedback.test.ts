// Lex Sarah and synpunkter in browser mode, the way the tillsynsenhet works them: register a lex
// Sarah case (a personnummer in the summary refused with a Swedish message, nothing saved), add
// its action to the register, import a synpunkter file with one bad row (refused, the row named),
// fix it and import, and find both in the tillsynsberättelse; axe-clean on every view.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const SOL = 'Solgårdens vård- och omsorgsboende';
const YEAR = new Date().getFullYear();

async function api<T>(method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

async function open(hash: string, heading: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

function csvFile(name: string, lines: string[]): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const area = await api<{ id: string }>('operatingAreas.create', { name: 'Särskilt boende' });
  await api('units.create', { operatingAreaId: area.id, name: SOL, unitType: 'sarskilt_boende', regi: 'extern_utforare', provider: 'Vardaga Omsorg AB' });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('lex Sarah, synpunkter and the tillsynsberättelse', () => {
  it('registers a lex Sarah case, refusing a personnummer, and adds its action to the register', async () => {
    await open('/lex-sarah-maria', 'Lex Sarah och lex Maria');
    await page.getByText('Registret innehåller inga uppgifter om enskilda personer.').first().waitFor();
    await page.getByRole('button', { name: 'Nytt ärende' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt ärende' });
    await dialog.getByLabel('Enhet', { exact: true }).selectOption({ label: SOL });
    await dialog.getByLabel('Anmäld datum').fill(`${YEAR}-03-12`);
    await dialog.getByLabel('Diarienummer').fill(`VO ${YEAR}/41`);
    await dialog.getByLabel('Kategori').selectOption({ label: 'Bristande tillsyn' });
    const summary = dialog.getByLabel('Sammanfattning');
    await summary.fill('Nattlig tillsyn uteblev för brukaren 19450101-1234.');
    await dialog.getByRole('button', { name: 'Spara ärendet' }).click();
    await dialog.getByText(/ser ut att innehålla ett personnummer/).waitFor();
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    expect(await api<unknown[]>('lexCases.list', {})).toEqual([]);
    await expectNoAxeViolations(page);

    await summary.fill('Nattlig tillsyn uteblev under två nätter på en avdelning.');
    await dialog.getByRole('button', { name: 'Spara ärendet' }).click();
    const saved = page.getByRole('dialog', { name: `Ärende VO ${YEAR}/41` });
    await saved.getByRole('heading', { name: 'Åtgärder i åtgärdsregistret' }).waitFor();
    await saved.getByLabel('Åtgärd', { exact: true }).fill('Ny rutin för nattlig tillsyn');
    await saved.getByLabel('Sista dag').fill(`${YEAR + 1}-03-31`);
    await saved.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await saved.getByRole('cell', { name: 'Ny rutin för nattlig tillsyn' }).waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    const table = page.getByRole('table', { name: 'Ärenden enligt lex Sarah och lex Maria' });
    const row = table.locator('tbody tr', { hasText: SOL });
    await row.waitFor();
    expect(await row.textContent()).toContain('Bristande tillsyn');
    expect(await row.textContent()).toContain('1 öppen av 1');
    // Keyboard: the unit's button opens the case again.
    await row.getByRole('button', { name: new RegExp(`Öppna ärendet VO ${YEAR}/41`) }).focus();
    await page.keyboard.press('Enter');
    const again = page.getByRole('dialog', { name: `Ärende VO ${YEAR}/41` });
    await again.getByLabel('Utredningsstatus').selectOption({ label: 'Under utredning' });
    await again.getByRole('button', { name: 'Spara ärendet' }).click();
    await expect.poll(async () => (await api<{ status: string }[]>('lexCases.list', {}))[0]?.status).toBe('under_utredning');
    await page.keyboard.press('Escape');
    await expect.poll(() => row.textContent()).toContain('Under utredning');

    const actions = await api<{ source: string; lexCaseReportedOn: string; description: string }[]>('actions.list', { filter: 'all', source: 'lex_sarah' });
    expect(actions).toEqual([expect.objectContaining({ description: 'Ny rutin för nattlig tillsyn', lexCaseReportedOn: `${YEAR}-03-12` })]);
  });

  it('refuses a synpunkter file with a bad row, naming it, then imports the corrected file', async () => {
    await open('/synpunkter', 'Synpunkter');
    await page.getByRole('button', { name: 'Importera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importera synpunkter' });
    const header = 'Period;Enhet;Typ;Antal';
    await dialog.getByLabel('Importera synpunkter').setInputFiles(
      csvFile('synpunkter.csv', [header, `${YEAR} T1;${SOL};Klagomål;4`, `${YEAR} T1;${SOL};Tack;2`, `${YEAR} T2;${SOL};Beröm;3`]),
    );
    const issues = dialog.getByRole('table', { name: 'Fel per rad' });
    await issues.waitFor();
    expect(await issues.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^3Typ.*Okänd typ ”Tack”/)]);
    expect(await dialog.getByRole('button', { name: /^Importera \d+ rad/ }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page);
    expect(await api<unknown[]>('feedback.list', {})).toEqual([]);

    await dialog.getByLabel('Importera synpunkter').setInputFiles(
      csvFile('synpunkter-rättad.csv', [header, `${YEAR} T1;${SOL};Klagomål;4`, `${YEAR} T1;${SOL};Synpunkt;2`, `${YEAR} T2;${SOL};Beröm;3`]),
    );
    await dialog.getByText('Alla 3 rader är giltiga och kan importeras.').waitFor();
    await dialog.getByRole('button', { name: 'Importera 3 rader' }).click();
    await page.getByText('Importerade rader: 3. Ersatta tidigare rader: 0.').waitFor();
    const table = page.getByRole('table', { name: 'Synpunkter per enhet och tertial' });
    await table.waitFor();
    expect((await table.locator('tbody tr').allTextContents()).sort()).toEqual([`${YEAR} T1Särskilt boende${SOL}42006`, `${YEAR} T2Särskilt boende${SOL}00303`]);
    await expectNoAxeViolations(page);
  });

  it('shows the case, the synpunkter and the regi breakdown in the tillsynsberättelse', async () => {
    await open('/tillsynsberattelse', `Tillsynsberättelse ${YEAR}`);
    const lex = page.getByRole('region', { name: 'Lex Sarah och lex Maria' });
    await lex.getByText('1 ärenden enligt lex Sarah och 0 enligt lex Maria; 0 anmälda till IVO.', { exact: false }).waitFor();
    expect(await lex.getByRole('table', { name: 'Kategori' }).textContent()).toContain('Bristande tillsyn');
    const feedback = page.getByRole('region', { name: 'Synpunkter' });
    await feedback.getByText(`9 synpunkter, klagomål, beröm och förslag (${YEAR - 1}: 0, förändring +9).`).waitFor();
    const regi = page.getByRole('region', { name: 'Per regi' });
    expect(await regi.locator('tbody tr').allTextContents()).toEqual(['Egen regi0000', 'Extern utförare0000', 'Ideell förening0000']);
    await expectNoAxeViolations(page);
  });
});
