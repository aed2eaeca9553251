// Pagefind and our static index side by side on the same published archive
// (BENCHMARKS.md, "Publishing an archive", "Pagefind side by side"):
//
//   npm install --no-save pagefind@1.6.0   (not a dependency of the project:
//                                           the comparison chose our index)
//   target/release/static-index export SITE_DIR RECORDS.jsonl
//   node bench/pagefind-compare.mjs index RECORDS.jsonl PF_DIR
//   node bench/pagefind-compare.mjs sizes PF_DIR SITE_DIR
//   node bench/pagefind-compare.mjs browser PF_DIR SITE_DIR [APP_DIR]
//   node bench/pagefind-compare.mjs judge PF_DIR SITE_DIR
//
// `index` feeds every exported article to Pagefind's Node API
// (`createIndex`, `addCustomRecord`: the text as content, title and url as
// meta, the named entities of kinds person, organization and place as
// filters) and writes the bundle to PF_DIR/pagefind/. `sizes` counts the
// files and bytes of both indexes, raw and brotli (quality 11, every file).
// `browser` runs the queries of our table in headless Chromium (Debian's,
// through playwright-core, as support/harness.mjs launches it), each in a
// fresh page: Pagefind's own web client (pagefind.js, imported by a small
// test page served over loopback from a sub-folder) searches and loads the
// data of its top 10 results; ours is the app of APP_DIR (default
// ../dist-archive) with SITE_DIR's index/ beside it, scope "All articles",
// as bench/archive-query.mjs measures it. `judge` ranks the judged queries
// of bench/pagefind-judged.json with both engines (ours natively through
// `static-index query`, Pagefind in Chromium) and prints precision@5 and
// the rank of the first relevant article. STATIC_INDEX names the binary
// (default ../target/release/static-index).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { execFileSync } from 'node:child_process';
import { launch, linkArchive, newPage, openApp, repoRoot, startServer } from '../support/harness.mjs';
import { median, brotliSize } from './stats.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const FILTER_KINDS = ['person', 'organization', 'place'];
const REPS = Number(process.env.REPS || 3);
const SHOWN = 10;
const staticIndex = process.env.STATIC_INDEX || path.join(repoRoot, 'target', 'release', 'static-index');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

/** The queries of BENCHMARKS.md's table; `{ person: ... }` is an entity lookup. */
const QUERIES = [
  'mosul',
  'the',
  'said',
  'prime minister',
  'united states president',
  'obama',
  'london',
  { person: 'Barack Obama' },
];

const [cmd, ...args] = process.argv.slice(2);
const usage = () => {
  console.error(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(3, 8).join('\n'));
  process.exit(2);
};
if (cmd === 'index') await indexCmd(...args);
else if (cmd === 'sizes') sizesCmd(...args);
else if (cmd === 'browser') await browserCmd(...args);
else if (cmd === 'judge') await judgeCmd(...args);
else usage();

async function indexCmd(records, out) {
  if (!records || !out) usage();
  const pagefind = await import('pagefind').catch(() => {
    throw new Error('Pagefind is not installed: run `npm install --no-save pagefind@1.6.0` in end2end/ first.');
  });
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (errors.length) throw new Error(errors.join('; '));
  let n = 0;
  let pending = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(records) })) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const filters = {};
    for (const kind of FILTER_KINDS) if (r.filters?.[kind]?.length) filters[kind] = r.filters[kind];
    pending.push(
      index.addCustomRecord({ url: r.url, content: r.text, language: 'en', meta: { title: r.title }, filters }),
    );
    n++;
    if (pending.length >= 200) {
      for (const res of await Promise.all(pending)) if (res.errors.length) throw new Error(res.errors.join('; '));
      pending = [];
    }
  }
  for (const res of await Promise.all(pending)) if (res.errors.length) throw new Error(res.errors.join('; '));
  const added = performance.now();
  fs.rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
  const w = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
  if (w.errors.length) throw new Error(w.errors.join('; '));
  await pagefind.close();
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `pagefind: ${n} records added in ${s(added - t0)}, written in ${s(performance.now() - added)} -> ${out}/pagefind`,
  );
}

/** Every file under `dir` (recursively), as paths relative to it. */
function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

const brotli = brotliSize;

/** Files, raw bytes and brotli bytes of the files of `dir` that `keep` accepts, by group. */
function measure(dir, group) {
  const rows = new Map();
  for (const f of filesUnder(dir)) {
    const g = group(f);
    if (!g) continue;
    const bytes = fs.readFileSync(path.join(dir, f));
    const row = rows.get(g) || { files: 0, raw: 0, br: 0 };
    row.files += 1;
    row.raw += bytes.length;
    row.br += brotli(bytes);
    rows.set(g, row);
  }
  return rows;
}

function sizesCmd(pfDir, site) {
  if (!pfDir || !site) usage();
  const pf = path.join(pfDir, 'pagefind');
  // Pagefind's files are gzip already (the client inflates them): served as
  // they are, so their brotli size is about their raw size.
  const pfRows = measure(pf, (f) => {
    if (f.startsWith('index/')) return 'pagefind: word index (index/*.pf_index)';
    if (f.startsWith('fragment/')) return 'pagefind: fragments (fragment/*.pf_fragment)';
    if (f.startsWith('filter/')) return 'pagefind: filters (filter/*.pf_filter)';
    if (f.endsWith('.pf_meta') || f === 'pagefind-entry.json') return 'pagefind: metadata (pf_meta, entry)';
    if (f === 'pagefind.js' || f === 'pagefind-worker.js' || f === 'wasm.en.pagefind')
      return 'pagefind: client (pagefind.js, pagefind-worker.js, wasm.en)';
    return null; // the UI bundles and the other language's wasm are not needed
  });
  const OUR_KINDS = {
    g: 'directory pages (g-*)',
    t: 'term shards (t-*, p-*)',
    p: 'term shards (t-*, p-*)',
    e: 'entity shards (e-*, n-*, o-*)',
    n: 'entity shards (e-*, n-*, o-*)',
    o: 'entity shards (e-*, n-*, o-*)',
    i: 'id shards (i-*)',
    d: 'result fragments (d-*)',
  };
  const ours = measure(path.join(site, 'index'), (f) =>
    f === 'manifest.bin' ? 'ours: manifest' : `ours: ${OUR_KINDS[f[0]] || 'other'}`,
  );
  console.log('| files | count | raw | brotli 11 |');
  console.log('|---|---:|---:|---:|');
  for (const [name, rows] of [['pagefind', pfRows], ['ours', ours]]) {
    let total = { files: 0, raw: 0, br: 0 };
    for (const [g, r] of [...rows].sort()) {
      console.log(`| ${g} | ${r.files.toLocaleString('en')} | ${mb(r.raw)} | ${mb(r.br)} |`);
      if (!g.includes('client')) total = { files: total.files + r.files, raw: total.raw + r.raw, br: total.br + r.br };
    }
    console.log(
      `| **${name}: index total** (client not counted) | ${total.files.toLocaleString('en')} | ${mb(total.raw)} | ${mb(total.br)} |`,
    );
  }
}

/** A temporary folder served as the site: the app (or a test page) beside the index. */
function pagefindSite(pfDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-compare-'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Pagefind</title><p>Pagefind test page</p></html>\n',
  );
  fs.symlinkSync(path.resolve(pfDir, 'pagefind'), path.join(dir, 'pagefind'));
  return dir;
}

/** Records every response of the context (the page's and its workers') under `prefix`. */
function watch(context, base, prefix) {
  const got = [];
  context.on('response', (r) => {
    const u = r.url();
    if (u.startsWith(base + prefix)) got.push(r.body().then((b) => ({ url: u.slice(base.length), bytes: b.length })));
  });
  return async () => Promise.all(got.splice(0));
}

/**
 * One Pagefind query in the page: imports the client if needed, searches
 * (`filters` alone: a filter lookup) and loads the data of the top results.
 */
async function pagefindQuery(page, q, preload) {
  return page.evaluate(
    async ({ q, shown, preload }) => {
      const url = new URL('pagefind/pagefind.js', document.baseURI).href;
      if (preload) {
        // init() only starts the worker; a search for an absent word loads
        // the client's wasm, the entry and the metadata (and one index chunk).
        window.pf = await import(url);
        await window.pf.search('zzyzx');
        return null;
      }
      const t0 = performance.now();
      window.pf = window.pf || (await import(url));
      const s = typeof q === 'string' ? await window.pf.search(q) : await window.pf.search(null, { filters: q });
      const data = await Promise.all(s.results.slice(0, shown).map((r) => r.data()));
      return { ms: performance.now() - t0, total: s.results.length, urls: data.map((d) => d.url) };
    },
    { q, shown: SHOWN, preload },
  );
}

async function browserCmd(pfDir, site, appDir = path.join(repoRoot, 'dist-archive')) {
  if (!pfDir || !site) usage();
  const browser = await launch();
  const dirs = [pagefindSite(pfDir), linkArchive(site, path.resolve(appDir))];
  const pfSrv = await startServer({ dir: dirs[0] });
  const ourSrv = await startServer({ dir: dirs[1] });
  const sum = (fs_) => fs_.reduce((a, f) => a + f.bytes, 0);
  const isClient = (u) => /pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.|pagefind-entry\.json)/.test(u);
  const brSum = (fs_) =>
    fs_.reduce((a, f) => a + brotli(fs.readFileSync(path.join(site, decodeURIComponent(f.url)))), 0);
  console.log(`load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; median of ${REPS} fresh pages`);
  console.log(
    '| query | Pagefind: results | requests (client + index) | bytes as served (client + index) | first query ms | client preloaded: ms | again ms | ours: results | requests | bytes raw; brotli | first query ms | again ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const q of QUERIES) {
    const shown = typeof q === 'string' ? `\`${q}\`` : `${Object.keys(q)[0]} = ${Object.values(q)[0]}`;
    // Pagefind: a fresh page, the client imported by the first query.
    const pf = { cold: [], pre: [], warm: [] };
    let pfFiles = [];
    let pfTotal = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const { page, context } = await newPage(browser, pfSrv.origin);
      const fetched = watch(context, pfSrv.base, 'pagefind/');
      await page.goto(pfSrv.base);
      const first = await pagefindQuery(page, q, false);
      pf.cold.push(first.ms);
      pfTotal = first.total;
      pfFiles = await fetched();
      pf.warm.push((await pagefindQuery(page, q, false)).ms);
      await context.close();
      // The client loaded before the query (as an app would on focus).
      const again = await newPage(browser, pfSrv.origin);
      await again.page.goto(pfSrv.base);
      await pagefindQuery(again.page, q, true);
      pf.pre.push((await pagefindQuery(again.page, q, false)).ms);
      await again.context.close();
    }
    const client = pfFiles.filter((f) => isClient(f.url));
    const query = pfFiles.filter((f) => !isClient(f.url));
    // Ours: the app, scope "All articles", the query typed in the search box
    // (or the name looked up in the entity index).
    const ours = { cold: [], warm: [] };
    let ourFiles = [];
    let ourTotal = '';
    for (let rep = 0; rep < REPS; rep++) {
      const { page, context } = await newPage(browser, ourSrv.origin);
      const fetched = watch(context, ourSrv.base, 'index/');
      await openApp(page, ourSrv.base);
      await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
      let t = performance.now();
      if (typeof q === 'string') {
        const box = page.getByRole('searchbox', { name: 'Search' });
        const summary = page.getByRole('region', { name: 'Results across articles' }).locator('.results-summary');
        await box.fill(q);
        await summary.first().waitFor();
        ours.cold.push(performance.now() - t);
        ourTotal = (await summary.first().innerText()).split(' published')[0];
        ourFiles = await fetched();
        await box.fill('');
        await summary.first().waitFor({ state: 'detached' });
        t = performance.now();
        await box.fill(q);
        await summary.first().waitFor();
      } else {
        const index = page.getByRole('region', { name: 'Entity index' });
        const field = index.getByRole('searchbox', { name: /Find a name/ });
        const row = index.locator(`ul.archive-lookup li.lib-entity[data-entity-type="${Object.keys(q)[0]}"]`);
        await field.fill(Object.values(q)[0]);
        await field.press('Enter');
        await row.first().waitFor();
        ours.cold.push(performance.now() - t);
        ourTotal = (await row.first().locator('.count').innerText()).trim();
        ourFiles = await fetched();
        await field.fill('');
        await field.press('Enter');
        await row.first().waitFor({ state: 'detached' });
        t = performance.now();
        await field.fill(Object.values(q)[0]);
        await field.press('Enter');
        await row.first().waitFor();
      }
      ours.warm.push(performance.now() - t);
      await context.close();
    }
    const ms = (xs) => median(xs).toFixed(0);
    console.log(
      `| ${shown} | ${pfTotal} | ${pfFiles.length} (${client.length} + ${query.length}) | ${kb(sum(pfFiles))} (${kb(sum(client))} + ${kb(sum(query))}) | ${ms(pf.cold)} | ${ms(pf.pre)} | ${ms(pf.warm)} | ${ourTotal} | ${ourFiles.length} | ${kb(sum(ourFiles))}; ${kb(brSum(ourFiles))} | ${ms(ours.cold)} | ${ms(ours.warm)} |`,
    );
  }
  await browser.close();
  pfSrv.server.close();
  ourSrv.server.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true });
}

/** Our top `k` article ids for `q` (whole words: a trailing space), natively. */
function ourRanking(site, q, k) {
  const out = execFileSync(staticIndex, ['query', site, `${q} `, '-k', String(k)], { encoding: 'utf8' });
  const head = out.split('\nfetched:')[0];
  const total = Number((head.match(/^(\d+) matching articles/m) || [0, 0])[1]);
  const ids = [...head.matchAll(/^\s*-?[\d.]+\s{2}(\S+)\s/gm)].map((m) => m[1]);
  return { total, ids };
}

async function judgeCmd(pfDir, site) {
  if (!pfDir || !site) usage();
  const judged = JSON.parse(fs.readFileSync(path.join(here, 'pagefind-judged.json'), 'utf8'));
  const browser = await launch();
  const dir = pagefindSite(pfDir);
  const srv = await startServer({ dir });
  const { page, context } = await newPage(browser, srv.origin);
  await page.goto(srv.base);
  const score = (ids, relevant) => {
    const first = ids.findIndex((id) => relevant.includes(id));
    const p5 = ids.slice(0, 5).filter((id) => relevant.includes(id)).length / 5;
    return { p5, first: first < 0 ? `none in ${ids.length}` : first + 1, ids };
  };
  console.log('| query (meaning) | relevant | Pagefind: results, P@5, first relevant | ours: results, P@5, first relevant |');
  console.log('|---|---:|---:|---:|');
  const sums = { pf: 0, ours: 0 };
  for (const j of judged.queries) {
    const pf = await pagefindQuery(page, j.query, false);
    const pfIds = pf.urls.map((u) => path.basename(u, '.html'));
    const ours = ourRanking(site, j.query, SHOWN);
    const a = score(pfIds, j.relevant);
    const b = score(ours.ids, j.relevant);
    sums.pf += a.p5;
    sums.ours += b.p5;
    console.log(
      `| \`${j.query}\` (${j.meaning}) | ${j.relevant.length} | ${pf.total}, ${a.p5.toFixed(1)}, ${a.first} | ${ours.total}, ${b.p5.toFixed(1)}, ${b.first} |`,
    );
    if (process.env.VERBOSE) console.log(`<!-- pagefind ${a.ids.join(' ')} | ours ${b.ids.join(' ')} -->`);
  }
  const n = judged.queries.length;
  console.log(`| mean P@5 | | ${(sums.pf / n).toFixed(2)} | ${(sums.ours / n).toFixed(2)} |`);
  await context.close();
  await browser.close();
  srv.server.close();
  fs.rmSync(dir, { recursive: true });
}
