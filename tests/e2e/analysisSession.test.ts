// Analysverkstad in browser mode on the demo municipality, the way a verksamhetsutvecklare holds
// one: a new session for hemtjänst (the previous session's actions shown with today's status),
// participants and agenda notes saved at once, the self-assessment results pulled in frozen as of
// the session date, two decided actions (a deadline before the session
// refused, nothing written), the protocol exported as PDF and Word and its text read back, and
// one decided action closed in Uppföljning, leaving the overdue list. axe-clean on every view.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../db/shared/period.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { apiValue, goTo } from '../helpers/e2e.ts';
import { expectNoAxeViolations } from '../helpers/axe.ts';
import type { ActionRow, AnalysisSessionDetail, AnalysisSessionListRow } from '../../db/api/contract.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = todayIso();
// Held two weeks ago, so an action due last week is overdue today.
const HELD_ON = addDays(today, -14);
const OVERDUE_DEADLINE = addDays(today, -5);
const LATER_DEADLINE = addDays(today, 120);
const OVERDUE_ACTION = 'Inför dubbelsignering av läkemedel vid kvällsbesök.';
const LATER_ACTION = 'Utbilda nya medarbetare i att skriva avvikelser.';

/** The new session as stored (the demo's two sessions are held on other days). */
async function storedSession(): Promise<AnalysisSessionDetail> {
  const sessions = await apiValue<AnalysisSessionListRow[]>(server, 'analysis.list', {});
  return apiValue<AnalysisSessionDetail>(server, 'analysis.get', { id: sessions.find((s) => s.heldOn === HELD_ON)?.id ?? '' });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await apiValue(server, 'app.openDemo', {});
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an analysverkstad for the demo hemtjänst area', () => {
  it('lists the demo sessions and creates a new one for hemtjänst', async () => {
    await goTo(page, '/analysverkstad', 'Analysverkstäder');
    const table = page.getByRole('table', { name: 'Analysverkstäder' });
    await table.getByRole('link', { name: /Analysverkstad hemtjänst hösten 2025/ }).waitFor();
    // The 2025 session decided five actions, one of them closed.
    await table.getByRole('row', { name: /hösten 2025/ }).getByText('4 öppna, 1 stängda').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Ny analysverkstad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny analysverkstad' });
    await dialog.getByLabel('Datum').fill(HELD_ON);
    await dialog.getByLabel('Verksamhetsområde').selectOption({ label: 'Hemtjänst' });
    await dialog.getByLabel('Rubrik').fill('Analysverkstad hemtjänst, läkemedel');
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await page.getByRole('heading', { name: 'Analysverkstad hemtjänst, läkemedel', level: 1 }).waitFor();
    // At the next session of the same area: the previous session's actions and their status today.
    const previous = page.getByRole('table', { name: 'Åtgärder från föregående analysverkstad' });
    await previous.getByRole('row', { name: /Följ upp signeringslistorna/ }).getByText('Öppen').waitFor();
    await expectNoAxeViolations(page);
  });

  it('saves participants and agenda notes at once', async () => {
    await page.getByLabel('Namn', { exact: true }).fill('Margareta Sjöholm');
    await page.getByLabel('Roll', { exact: true }).fill('Verksamhetschef');
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByLabel('Namn, deltagare 1').waitFor();
    await page.getByLabel('Namn', { exact: true }).fill('Lena Frost');
    await page.getByLabel('Roll', { exact: true }).fill('Verksamhetsutvecklare');
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByLabel('Roll för Lena Frost').waitFor();

    await page.getByLabel('Ny punkt').fill('Avvikelser om läkemedel');
    await page.getByRole('button', { name: 'Lägg till punkt' }).click();
    const notes = page.getByLabel('Anteckningar, punkt 1');
    await notes.fill('Uteblivna doser kvällstid återkommer i tre grupper.');
    await notes.blur();
    await expect.poll(async () => (await storedSession()).agendaItems[0]?.notes).toBe('Uteblivna doser kvällstid återkommer i tre grupper.');
    await expectNoAxeViolations(page);
  });

  it('pulls in the self-assessment results and the deviations, frozen as of the session date with a link to the live view', async () => {
    await page.getByRole('button', { name: 'Lägg till analys' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till analys' });
    await dialog.getByLabel('Vy', { exact: true }).selectOption({ label: 'Självskattning – medelvärde per enhet och område' });
    await dialog.getByLabel('År').fill('2026');
    await dialog.getByRole('button', { name: 'Lägg till och frys' }).click();
    const frozen = page.getByRole('region', { name: 'Självskattning 2026 – medelvärde per enhet och område, Hemtjänst' });
    await frozen.getByText(`Ögonblicksbild från ${HELD_ON}`).waitFor();
    expect(await frozen.getByRole('link', { name: 'Visa med dagens data' }).getAttribute('href')).toMatch(/^#\/vy\//);

    // The deviations, frozen the same way.
    await page.getByRole('button', { name: 'Lägg till analys' }).click();
    await dialog.getByLabel('Vy', { exact: true }).selectOption({ label: 'Avvikelser – per enhet och typ under ett år' });
    await dialog.getByLabel('År').fill('2026');
    await dialog.getByRole('button', { name: 'Lägg till och frys' }).click();
    await expect.poll(() => page.getByText(`Ögonblicksbild från ${HELD_ON}`).count()).toBe(2);
    await page.getByLabel('Anteckningar, punkt 2').fill('Helhetssyn och samordning lägst i alla grupper.');
    await page.getByLabel('Anteckningar, punkt 2').blur();
    await expect.poll(async () => (await storedSession()).agendaItems[1]?.notes).toBe('Helhetssyn och samordning lägst i alla grupper.');
    await expectNoAxeViolations(page);
  });

  it('adds two risks identified at the session, placed on the matrix', async () => {
    const form = page.getByRole('form', { name: 'Lägg till ny risk' });
    const table = page.getByRole('table', { name: 'Risker som gås igenom' });
    for (const [description, probability, severity] of [
      ['Missade läkemedelsdoser kvällstid', '4', '3'],
      ['Fel i larmkedjan vid trygghetslarm', '2', '4'],
    ] as const) {
      await form.getByLabel('Risk', { exact: true }).fill(description);
      await form.getByLabel('Sannolikhet').selectOption(probability);
      await form.getByLabel('Allvarlighetsgrad').selectOption(severity);
      await form.getByRole('button', { name: 'Lägg till ny risk' }).click();
      await table.getByRole('row', { name: new RegExp(description) }).waitFor();
    }
    await table.getByRole('row', { name: /Missade läkemedelsdoser kvällstid/ }).getByText('12 (rött)').waitFor();
    await table.getByRole('row', { name: /Fel i larmkedjan/ }).getByText('8 (rött)').waitFor();
    await expectNoAxeViolations(page);
  });

  it('decides two actions; a deadline before the session is refused and nothing is written', async () => {
    const form = page.getByRole('form', { name: 'Besluta åtgärd' });
    await form.getByLabel('Åtgärd', { exact: true }).fill(OVERDUE_ACTION);
    await form.getByLabel('Ansvarig (ägare)').fill('Camilla Öberg');
    await form.getByLabel('Sista dag').fill(addDays(HELD_ON, -1));
    await form.getByRole('button', { name: 'Besluta åtgärd' }).click();
    await form.getByText(`Sista dag kan inte vara före analysverkstaden (${HELD_ON}).`).waitFor();
    await page.getByText('Inga åtgärder är beslutade ännu.').waitFor();
    const decided = page.getByRole('table', { name: 'Beslutade åtgärder' });

    await form.getByLabel('Sista dag').fill(OVERDUE_DEADLINE);
    await form.getByLabel('Enhet').selectOption({ label: 'Hemtjänst Söder' });
    await form.getByRole('button', { name: 'Besluta åtgärd' }).click();
    await decided.getByRole('row', { name: new RegExp(OVERDUE_ACTION) }).getByText('Försenad').waitFor();
    await form.getByLabel('Åtgärd', { exact: true }).fill(LATER_ACTION);
    await form.getByLabel('Ansvarig (ägare)').fill('Margareta Sjöholm');
    await form.getByLabel('Sista dag').fill(LATER_DEADLINE);
    await form.getByRole('button', { name: 'Besluta åtgärd' }).click();
    await decided.getByRole('row', { name: new RegExp(LATER_ACTION) }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('exports the protocol as PDF and Word with participants, notes and decided actions', async () => {
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Protokoll (PDF)' }).click()]);
    const pdfText = execFileSync('pdftotext', ['-raw', await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Protokoll (Word)' }).click()]);
    const docxText = execFileSync('unzip', ['-p', await docx.path(), 'word/document.xml'], { encoding: 'utf8' })
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ');
    for (const text of [pdfText, docxText]) {
      for (const expected of [
        'Protokoll – Analysverkstad',
        'Margareta Sjöholm',
        'Verksamhetsutvecklare',
        '1. Avvikelser om läkemedel',
        '2. Självskattning – medelvärde per enhet och område',
        '3. Avvikelser – per enhet och typ under ett år',
        `Ögonblicksbild från ${HELD_ON}`,
        'Helhetssyn och samordning lägst i alla grupper.',
        'Uteblivna doser kvällstid återkommer i tre grupper.',
        OVERDUE_ACTION,
        LATER_ACTION,
        'Camilla Öberg',
        'Missade läkemedelsdoser kvällstid',
        'Fel i larmkedjan vid trygghetslarm',
        OVERDUE_DEADLINE,
        'Åtgärder från föregående analysverkstad (2026-11-11)',
      ]) {
        expect(text).toContain(expected);
      }
    }
  });

  it('closes a decided action in Uppföljning, and it leaves the overdue list', async () => {
    await goTo(page, '/uppfoljning/forsenade/analysverkstad', 'Uppföljning');
    await page.getByRole('button', { name: `Följ upp åtgärden: ${OVERDUE_ACTION}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Följ upp åtgärd' });
    await dialog.getByText(`Analysverkstad ${HELD_ON} – Analysverkstad hemtjänst, läkemedel`).waitFor();
    await dialog.getByRole('button', { name: 'Stäng åtgärden' }).click();
    const close = page.getByRole('dialog', { name: 'Stäng åtgärd' });
    await close.getByLabel('Avslutningsnotering').fill('Dubbelsignering infördes i alla kvällslag; stickprov visade inga missade doser.');
    await close.getByRole('button', { name: 'Stäng åtgärden' }).click();
    await dialog.getByText('Dubbelsignering infördes i alla kvällslag; stickprov visade inga missade doser.').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: `Följ upp åtgärden: ${OVERDUE_ACTION}` }).count()).toBe(0);
    const overdue = await apiValue<ActionRow[]>(server, 'actions.list', { filter: 'overdue', source: 'analysverkstad' });
    expect(overdue.map((a) => a.description)).not.toContain(OVERDUE_ACTION);
    expect(overdue.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});
