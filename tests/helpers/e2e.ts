// Small steps the end-to-end tests share: an API call that must succeed, and going to a page by
// its address and waiting for its heading.
import type { Page } from 'playwright-core';
import { apiCall, type RunningServer } from './server.ts';

/** Calls the API like the renderer does; throws with the Swedish message when refused. */
export async function apiValue<T>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const result = await apiCall(server, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}

/** Goes to a route (e.g. '/tillsyner') and waits for the page's heading. */
export async function goTo(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}
