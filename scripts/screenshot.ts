// Takes screenshots of browser mode for a look at the UI: node scripts/screenshot.ts [route ...]
import fs from 'node:fs';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/server.ts';

const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/enheter'];
const server = await startServer({ args: ['--demo'] });
const browser = await launchBrowser();
fs.mkdirSync('screenshots', { recursive: true });
try {
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
    await page.goto(server.url);
    for (const route of routes) {
      await page.evaluate((r) => { window.location.hash = r; }, route);
      await page.waitForTimeout(1200);
      const name = `screenshots/${route.replace(/\W+/g, '_') || 'root'}-${width}.png`;
      await page.screenshot({ path: name });
      console.log(name);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
