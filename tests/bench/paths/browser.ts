// Pages painted in Chromium against browser mode (the same server a user starts), from clicking
// the menu entry to the first content on screen; then the server's peak memory (VmHWM).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { startServer } from '../../helpers/server.ts';
import { ensureRendererBuilt } from '../../../scripts/rendererBuild.ts';
import { projectRoot } from '../generate.ts';
import type { BenchArea } from '../context.ts';

const PAGE_BUDGET = { max: 1500 };
/** Long: on a machine shared at load 20 a page of the big database took over two minutes. */
const WAIT = { state: 'visible' as const, timeout: 300_000 };
const PLAN_TAB_KEY = 'kvalitetsnavet.plan.tab';
/** Uppföljning's note while the rest of a selection loads after its first rows (the catalog's followUp.loadingRest). */
const LOADING_REST = /läser in resten av urvalet/;

/** Peak and current resident memory of a process in MB, from /proc (Linux). */
export function processMemoryMb(pid: number): { peak: number; now: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** A fresh load of the app on its start page, with the plan page's tab preset. */
async function freshApp(page: Page, url: string, planTab: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByRole('link', { name: 'Tillsynsplan', exact: true }).waitFor(WAIT);
  await page.evaluate(([key, tab]) => sessionStorage.setItem(key ?? '', tab ?? ''), [PLAN_TAB_KEY, planTab]);
}

export const browserArea: BenchArea = {
  name: 'pages in Chromium',
  needs: 'server',
  async run({ facts, file, recorder }) {
    ensureRendererBuilt(projectRoot);
    // The write paths before this one added actions; the grid shows what the file holds now.
    const counter = new Database(file, { readonly: true });
    const actionCount = Number(counter.prepare('SELECT count(*) FROM actions').pluck().get());
    counter.close();
    const started = performance.now();
    // Generous: on a loaded machine the server from source takes far longer than the tests' 30 s.
    const server = await startServer({ dbFile: file, startupTimeoutMs: 300_000 });
    recorder.record('browser-mode server start (spawn → address printed)', 'ms', [performance.now() - started], null, {});
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const plan = async (tab: string, name: string, ready: (p: Page) => Promise<unknown>) =>
        recorder.time({
          name,
          budget: PAGE_BUDGET,
          reps: 3,
          before: () => freshApp(page, server.url, tab),
          app: async () => {
            await page.getByRole('link', { name: 'Tillsynsplan', exact: true }).click();
            await ready(page);
            return true;
          },
          note: 'from the click on the menu entry to the first content visible',
        });
      await plan('board', 'page: Tillsynsplan board (first cards)', (p) => p.locator('.plan-card').first().waitFor(WAIT));
      await plan('list', 'page: Tillsynsplan list (first rows)', (p) => p.locator('.ag-row').first().waitFor(WAIT));
      await plan('coverage', 'page: Täckning (figures and chart)', async (p) => {
        await p.locator('.stat-planerad .stat-value').first().waitFor(WAIT);
        await p.locator('[role="img"] svg').first().waitFor(WAIT);
      });
      await recorder.time({
        name: 'page: Uppföljning grid, open actions (first rows)',
        budget: PAGE_BUDGET,
        reps: 3,
        before: () => freshApp(page, server.url, 'board'),
        app: async () => {
          await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
          await page.locator('.ag-row').first().waitFor(WAIT);
          return true;
        },
      });
      // Choosing "Alla": on the opened register (its whole open list shown), the budgeted path;
      // and right after the open list's first rows, while the rest of it still loads (that answer
      // is aborted, but the browser is still busy drawing the first screen), for information.
      const chooseAll = async () => {
        const before = await page.locator('.register-summary').first().textContent();
        await page.getByRole('radio', { name: 'Alla' }).check();
        await page.waitForFunction((prev) => document.querySelector('.register-summary')?.textContent !== prev, before, { timeout: WAIT.timeout });
        await page.locator('.ag-row').first().waitFor(WAIT);
        return (await page.locator('.register-summary').first().textContent()) ?? '';
      };
      const wholeRegister = (summary: string) => (summary.replace(/\D/g, '') === String(actionCount) ? null : `grid says "${summary}", expected ${actionCount}`);
      const openRegister = async (settled: boolean) => {
        await freshApp(page, server.url, 'board');
        await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
        await page.locator('.ag-row').first().waitFor(WAIT);
        if (settled) await page.getByText(LOADING_REST).waitFor({ state: 'detached', timeout: WAIT.timeout });
      };
      await recorder.time({
        name: `page: Uppföljning grid, all ${actionCount} actions (first rows)`,
        budget: { max: 500 },
        reps: 3,
        before: () => openRegister(true),
        app: chooseAll,
        check: wholeRegister,
        note: 'from choosing "Alla" on the opened register (the open actions all shown) to the first rows of the whole register',
      });
      await recorder.time({
        name: `page: Uppföljning grid, all ${actionCount} actions, chosen while the open list still loads (first rows)`,
        reps: 3,
        before: () => openRegister(false),
        app: chooseAll,
        check: wholeRegister,
        note: 'no budget: "Alla" chosen as soon as the open list\'s first rows show, while the browser still draws them and the rest of the list is on its way',
      });
      const [meetingId] = facts.councilMeetingIds;
      if (meetingId) {
        const items = facts.councilViewItems / 4;
        await recorder.time({
          name: `page: kvalitetsråd dashboard, whole förvaltning (${items} views, every chart drawn)`,
          budget: PAGE_BUDGET,
          reps: 3,
          before: () => freshApp(page, server.url, 'board'),
          app: async () => {
            await page.evaluate((id) => {
              window.location.hash = `/kvalitetsrad/${id}`;
            }, meetingId);
            await page.waitForFunction(
              (count) => {
                const charts = [...document.querySelectorAll('.council-meeting .agenda-item figure.chart')];
                return document.querySelectorAll('.council-meeting .agenda-item').length >= count && charts.length > 0 && charts.every((c) => c.querySelector('svg'));
              },
              items,
              { timeout: WAIT.timeout },
            );
            return page.locator('.council-meeting figure.chart svg').count();
          },
          check: (charts) => (charts > 0 ? null : 'no chart drawn'),
          note: 'from the route change to every agenda item listed and every chart drawn (the meeting of the data path "kvalitetsråd dashboard data")',
        });
      }
      const memory = server.process.pid === undefined ? null : processMemoryMb(server.process.pid);
      if (memory) {
        recorder.record('peak server memory (VmHWM, after all pages)', 'MB', [memory.peak], null, { max: 300 }, 'browser mode from source (node scripts/serve.ts), as the tests run it');
      } else {
        recorder.problems.push('peak server memory: /proc/<pid>/status not readable (not Linux?)');
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
