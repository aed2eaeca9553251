// The budgets of build-time work (issue "Do the work at build time"),
// measured in headless Chromium against a release build served from a
// sub-folder over loopback. Measurement only: nothing here asserts a time.
//
//   BENCH_DIST=dist node end2end/bench/first-load.mjs
//
// Figures (median of LOADS fresh contexts, default 5):
//   - transfer until ready: every response the page received before
//     <html data-ready>, brotli q11 (what a host with brotli would send);
//   - ready: navigation start -> data-ready, beside a static HTML page of the
//     same article (the pre-render alone, with the CSS) loaded the same way:
//     the floor no app can beat;
//   - another published article: selecting it -> its entities shown;
//   - a pasted 2 KB text: "Open pasted text" -> its entities shown, with the
//     analyser not yet cached (a fresh context each time).
// Writes end2end/bench/results/first-load.json and prints a table.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, brotliSize } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(process.env.BENCH_DIST || path.join(here, '..', '..', 'dist'));
process.env.DIST_DIR = DIST;
const { startServer, launch } = await import('../support/harness.mjs');
const LOADS = Number(process.env.LOADS || 5);

const brotli = brotliSize;

// A static page of the default article: index.html's <head> (CSS) and its
// pre-render, no scripts, no boot data.
function staticFloor() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const head = html.match(/<head>[\s\S]*?<\/head>/)[0].replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link[^>]*(modulepreload|preload)[^>]*>/g, '');
  const pre = html.match(/<div id="prerender"[\s\S]*?<\/main><\/div><\/div>/)?.[0] || '';
  fs.writeFileSync(path.join(DIST, 'static-floor.html'), `<!DOCTYPE html><html lang="en">${head}<body>${pre}</body></html>`);
}

const PASTE = Array.from({ length: 14 }, (_, i) =>
  `On Monday, President Joe Biden met Chancellor Olaf Scholz in Berlin (${i}). Officials of the European Commission and NATO said Ukraine would get more air defence.`,
).join('\n');

async function main() {
  staticFloor();
  const srv = await startServer({ dir: DIST });
  const browser = await launch();
  const out = { dist: DIST, loads: LOADS, date: new Date().toISOString() };
  const ready = [];
  const floor = [];
  const transfer = [];
  const another = [];
  const paste = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      // The app: ready time and bytes until ready.
      let ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      // data-ready is timed in the page (a MutationObserver set up before
      // any script runs), so nothing the harness does delays the figure.
      await ctx.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.documentElement?.getAttribute('data-ready') === 'true') {
            window.__readyAt = performance.now();
            obs.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      let page = await ctx.newPage();
      const responses = [];
      page.on('response', (r) => responses.push(r));
      await page.goto(srv.base);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
      ready.push(await page.evaluate(() => window.__readyAt));
      // What the page asked for until it was ready (resource timing).
      const until = await page.evaluate(() =>
        performance.getEntriesByType('resource').filter((e) => e.startTime <= window.__readyAt).map((e) => e.name),
      );
      const files = [];
      for (const r of responses) {
        if (r.url() !== srv.base && !until.includes(r.url())) continue;
        const b = await r.body().catch(() => null);
        if (!b) continue;
        files.push({ file: new URL(r.url()).pathname.split('/').pop() || 'index.html', raw: b.length, brotli: brotli(b) });
      }
      transfer.push({ files, brotli: files.reduce((a, b) => a + b.brotli, 0) });
      // Another published article: select -> its entities shown.
      const select = page.getByRole('combobox', { name: 'Article' });
      const t0 = await page.evaluate(() => performance.now());
      await page.evaluate(() => {
        window.__shown = null;
        const panel = document.querySelector('[aria-label="Entities"]');
        const before = panel ? panel.innerText : '';
        new MutationObserver((_, obs) => {
          if (panel.innerText !== before && panel.querySelector('button.entity')) {
            window.__shown = performance.now();
            obs.disconnect();
          }
        }).observe(panel, { subtree: true, childList: true, characterData: true });
      });
      await select.selectOption({ index: 1 });
      await page.waitForFunction(() => window.__shown !== null, null, { timeout: 10000 });
      another.push((await page.evaluate(() => window.__shown)) - t0);
      await ctx.close();

      // A pasted 2 KB text, analyser not cached (fresh context).
      ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      page = await ctx.newPage();
      await page.goto(srv.base);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
      await page.getByRole('textbox', { name: 'Paste article text' }).fill(PASTE);
      const p0 = Date.now();
      await page.getByRole('button', { name: 'Open pasted text' }).click();
      await page.getByRole('region', { name: 'Entities' }).locator('button.entity', { hasText: 'Olaf Scholz' }).waitFor({ timeout: 30000 });
      paste.push(Date.now() - p0);
      await ctx.close();

      // The floor: the same article as a static page.
      ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      page = await ctx.newPage();
      await page.goto(srv.base + 'static-floor.html', { waitUntil: 'load' });
      floor.push(await page.evaluate(() => {
        const [n] = performance.getEntriesByType('navigation');
        return n.loadEventEnd - n.startTime;
      }));
      await ctx.close();
    }
  } finally {
    await browser.close();
    srv.server.close();
    fs.rmSync(path.join(DIST, 'static-floor.html'), { force: true });
  }
  out.ready_ms = { median: median(ready), all: ready };
  out.static_floor_ms = { median: median(floor), all: floor };
  out.transfer_until_ready = transfer[0];
  out.transfer_brotli_bytes = { median: median(transfer.map((t) => t.brotli)) };
  out.another_article_ms = { median: median(another), all: another };
  out.paste_2kb_entities_ms = { median: median(paste), all: paste };
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', 'first-load.json'), JSON.stringify(out, null, 2));
  const kb = (b) => (b / 1024).toFixed(1);
  console.log(`| figure | measured (median of ${LOADS}) |\n|---|---:|`);
  console.log(`| transfer until ready, brotli | ${kb(out.transfer_brotli_bytes.median)} KB |`);
  for (const f of out.transfer_until_ready.files) console.log(`| · ${f.file} | ${kb(f.brotli)} KB (raw ${kb(f.raw)}) |`);
  console.log(`| ready after navigation | ${out.ready_ms.median.toFixed(0)} ms (${ready.map((x) => x.toFixed(0)).join(', ')}) |`);
  console.log(`| static page of the same article (floor) | ${out.static_floor_ms.median.toFixed(0)} ms |`);
  console.log(`| another published article: entities shown | ${out.another_article_ms.median.toFixed(0)} ms |`);
  console.log(`| pasted 2 KB text: entities shown, analyser not cached | ${out.paste_2kb_entities_ms.median.toFixed(0)} ms |`);
}

await main();
