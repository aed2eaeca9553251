// Takes a screenshot of the release build: node support/screenshot.mjs OUT.png [query] [width] [dark]
import { startServer, launch, openApp } from './harness.mjs';
const [out = 'shot.png', query = '', width = '1280', dark = ''] = process.argv.slice(2);
const srv = await startServer();
const browser = await launch();
const context = await browser.newContext({
  viewport: { width: Number(width), height: 860 },
  colorScheme: dark ? 'dark' : 'light',
});
const page = await context.newPage();
await openApp(page, srv.base, query);
await page.waitForTimeout(400);
await page.screenshot({ path: out });
await browser.close();
srv.server.close();
