// Time from typing a query to ranked results across a published archive,
// in headless Chromium (BENCHMARKS.md, "Publishing an archive"):
//
//   node bench/archive-query.mjs SITE_DIR [APP_DIR]
//
// SITE_DIR: a published archive (scripts/publish.sh, or `site publish`
// alone as scripts/bench-archive.sh writes it, without the app: then the
// app's top-level files are taken from APP_DIR, default ../dist-archive,
// and linked beside SITE_DIR's index/ and articles/ in a temporary folder).
// For each query, in a fresh page: cold (nothing fetched) and warm (the same
// query typed again after clearing the box: files decoded in memory), the
// milliseconds from filling the search box (scope "All articles") to the
// results summary shown, with the files and bytes the page fetched.
import fs from 'node:fs';
import path from 'node:path';
import { launch, linkArchive, newPage, openApp, repoRoot, startServer } from '../support/harness.mjs';
import { median } from './stats.mjs';

const site = path.resolve(process.argv[2] || '');
const appDir = path.resolve(process.argv[3] || path.join(repoRoot, 'dist-archive'));
if (!fs.existsSync(path.join(site, 'index', 'manifest.bin'))) {
  console.error('usage: node bench/archive-query.mjs SITE_DIR [APP_DIR]');
  process.exit(2);
}
let dir = site;
if (!fs.existsSync(path.join(site, 'index.html'))) {
  dir = linkArchive(site, appDir);
}
const QUERIES = ['mosul', 'the', 'prime minister', 'united states president', 'elec'];
const REPS = Number(process.env.REPS || 5);
const srv = await startServer({ dir });
const browser = await launch();
console.log(`| query | results | cold: ms (median of ${REPS}) | files | bytes | warm: ms |`);
console.log('|---|---|---:|---:|---:|---:|');
for (const q of QUERIES) {
  const cold = [];
  const warm = [];
  let files = 0;
  let bytes = 0;
  let summary = '';
  for (let rep = 0; rep < REPS; rep++) {
    const { page, context } = await newPage(browser, srv.origin);
    await openApp(page, srv.base);
    await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
    const box = page.getByRole('searchbox', { name: 'Search' });
    const shown = page.getByRole('region', { name: 'Results across articles' }).locator('.results-summary');
    const fetched = [];
    page.on('response', (r) => {
      if (r.url().startsWith(srv.base + 'index/')) fetched.push(r.body().then((b) => b.length).catch(() => 0));
    });
    let t = performance.now();
    await box.fill(q);
    await shown.first().waitFor();
    cold.push(performance.now() - t);
    summary = await shown.first().innerText();
    const sizes = await Promise.all(fetched);
    files = sizes.length;
    bytes = sizes.reduce((a, b) => a + b, 0);
    await box.fill('');
    await shown.first().waitFor({ state: 'detached' });
    t = performance.now();
    await box.fill(q);
    await shown.first().waitFor();
    warm.push(performance.now() - t);
    await context.close();
  }
  console.log(
    `| \`${q}\` | ${summary.split(' published')[0]} | ${median(cold).toFixed(0)} | ${files} | ${bytes.toLocaleString('en')} | ${median(warm).toFixed(0)} |`,
  );
}
await browser.close();
srv.server.close();
if (dir !== site) fs.rmSync(dir, { recursive: true });
