// The app in one file (dist/article-explorer.html) against the served app:
// sizes and ready times, in headless Debian Chromium. Measurement only:
// nothing here asserts a figure.
//
//   node end2end/bench/onefile-bench.mjs [DIST]     # DIST defaults to dist/
//
// Environment: LOADS, fresh page loads per median (default 5).
//
// What is measured:
//   - sizes raw / gzip -9 / brotli q11 (node zlib) of the one file, and of
//     the served first load (index.html, the page's glue, wasm and two
//     stylesheets);
//   - ready: navigation start -> <html data-ready="true"> (MutationObserver
//     in an init script), served from loopback and opened from disk;
//   - first entities: "Open pasted text" clicked -> the analyser's entities
//     shown (the worker starts for the first text: served, it fetches its
//     files; from disk, it decodes its inlined wasm).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, launch, startServer } from '../support/harness.mjs';
import { median, compressedSizes } from './stats.mjs';

const dist = path.resolve(process.argv[2] || distDir);
const LOADS = Number(process.env.LOADS || 5);
const PASTE = 'Angela Merkel met Emmanuel Macron in Berlin on Tuesday. NATO welcomed it.';

function sizes(file) {
  const bytes = fs.readFileSync(path.join(dist, file));
  return compressedSizes(bytes);
}


async function readyTime(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, o) => {
      if (document.documentElement?.getAttribute('data-ready') === 'true') {
        window.__ready = performance.now();
        o.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30000 });
  const ready = await page.evaluate(() => window.__ready);
  await page.getByLabel('Paste article text').fill(PASTE);
  const start = Date.now();
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.getByRole('region', { name: 'Entities' }).getByRole('button', { name: /Angela Merkel/ }).first()
    .waitFor({ timeout: 30000 });
  const entities = Date.now() - start;
  await context.close();
  return { ready, entities };
}

const served = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const firstLoad = ['index.html', ...[...served.matchAll(/(?:href|from) ?=? ?["']\.\/([^"']+\.(?:css|js|wasm))["']/g)]
  .map((m) => m[1])
  .filter((f, i, all) => all.indexOf(f) === i)];
const table = Object.fromEntries([...firstLoad, 'article-explorer.html'].map((f) => [f, sizes(f)]));
const total = (files) => ['raw', 'gzip', 'brotli'].reduce((t, k) => ({ ...t, [k]: files.reduce((s, f) => s + table[f][k], 0) }), {});

const srv = await startServer({ dir: dist });
const browser = await launch();
const runs = { served: [], disk: [] };
for (let i = 0; i < LOADS; i++) {
  runs.served.push(await readyTime(browser, srv.base));
  runs.disk.push(await readyTime(browser, pathToFileURL(path.join(dist, 'article-explorer.html')).href));
}
await browser.close();
srv.server.close();

const summary = (r) => ({
  ready_ms: Math.round(median(r.map((x) => x.ready))),
  first_entities_ms: median(r.map((x) => x.entities)),
});
console.log(JSON.stringify({
  sizes: table,
  served_first_load: total(firstLoad),
  one_file: table['article-explorer.html'],
  served: summary(runs.served),
  from_disk: summary(runs.disk),
  loads: LOADS,
}, null, 2));
