// A published archive (scripts/publish.sh): a few hundred articles built by
// scripts/build-archive-fixture.sh into dist-archive/ (the four seeds, 300
// generated articles, the hand-written files of end2end/archive/), served
// from a sub-folder. Search across the archive and the entity lookup go
// through the sharded index, fetched on demand; every article has a page
// that reads without JavaScript; sitemap.xml lists them all; the first load
// weighs what the four-article build's does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, newPage, openApp, repoRoot, startServer, useApp } from '../support/harness.mjs';

const dist = process.env.ARCHIVE_DIST_DIR || path.join(repoRoot, 'dist-archive');
const input = process.env.ARCHIVE_INPUT_DIR || path.join(repoRoot, 'dist-archive-input');
const BUILD = 'scripts/build-archive-fixture.sh';
const BASE_URL = 'https://example.org/archive/';
const app = useApp({ dir: dist, build: BUILD });

/** The article ids the publisher made (file names without extension; the empty file is left out). */
function publishedIds() {
  return fs
    .readdirSync(input)
    .filter((f) => /\.(txt|md|html)$/.test(f) && fs.statSync(path.join(input, f)).size > 0)
    .map((f) => f.replace(/\.[^.]+$/, ''))
    .sort();
}

/** Switches the search box to every article and types a query. */
async function searchAll(page, query) {
  await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  const results = page.getByRole('region', { name: 'Results across articles' });
  await results.locator('.results-summary').first().waitFor();
  return results;
}

test('a rare word: its article ranks first, from a few index files', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const fetched = [];
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(app.srv.base)) outside.push(r.url());
    fetched.push(r.url().replace(app.srv.base, ''));
  });
  await openApp(page, app.srv.base);
  assert.deepEqual(fetched.filter((u) => u.startsWith('index/')), [], 'nothing of the index at start');
  const results = await searchAll(page, 'quetzalcoatlus');
  await results.locator('li.result').nth(1).waitFor();
  const titles = await results.locator('.result-title').allInnerTexts();
  assert.deepEqual(titles, [
    'Fossil hunters report a quetzalcoatlus wing in Texas',
    'Museum opens a new hall of flying reptiles',
  ]);
  assert.match(await results.locator('.results-summary').first().innerText(), /^2 published articles match/);
  assert.equal(await results.locator('li.result').first().locator('mark').first().innerText(), 'quetzalcoatlus');
  const index = fetched.filter((u) => u.startsWith('index/'));
  assert.ok(index.includes('index/manifest.bin'));
  assert.ok(index.length <= 8, `index files: ${index}`);
  // Opening a result fetches its record and shows it.
  await results.locator('.result-title').first().click();
  await page.locator('h1', { hasText: 'Fossil hunters report' }).waitFor();
  assert.ok(fetched.some((u) => /^articles\/zz-rare-word\.[0-9a-f]{10}\.bin$/.test(u)), `${fetched}`);
  // The app, the index and the records are all fetched under its sub-folder.
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the entity lookup lists the articles that mention a name, most mentions first', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
  const index = page.getByRole('region', { name: 'Entity index' });
  const field = index.getByRole('searchbox', { name: /Find a name/ });
  await field.fill('Wilhelmina Thorncastle');
  await field.press('Enter');
  const row = index.locator('ul.archive-lookup li.lib-entity[data-entity-type="person"]').first();
  await row.waitFor();
  assert.match(await row.innerText(), /^\s*Wilhelmina Thorncastle: 3 articles, \d+ mentions/);
  const links = await row.locator('.lib-entity-articles button').allInnerTexts();
  assert.equal(links.length, 3);
  assert.match(links[0], /^Mayor Wilhelmina Thorncastle opens the new bridge \(\d+\)$/);
  assert.match(links[1], /^Lakeford council approves the budget \(2\)$/);
  assert.match(links[2], /^Lakeford schools get new computers \(1\)$/);
  // An article opens with the entity selected.
  await row.locator('.lib-entity-articles button').nth(1).click();
  await page.locator('h1', { hasText: 'Lakeford council approves the budget' }).waitFor();
  const pressed = page.getByRole('region', { name: 'Entities' }).locator('button.entity[aria-pressed="true"]');
  await pressed.waitFor();
  assert.match(await pressed.innerText(), /Wilhelmina Thorncastle/);
  // The HTML file was read for its text: its script is not text, its title is.
  assert.ok(!(await page.getByRole('article').innerText()).includes('__pwned'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an article outside the boot catalog opens by its link', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base, 'article=zz-thorncastle-3');
  await page.locator('h1', { hasText: 'Lakeford schools get new computers' }).waitFor();
  assert.match(page.url(), /article=zz-thorncastle-3/);
  const options = await page.getByRole('combobox', { name: 'Article' }).locator('option').count();
  assert.ok(options <= 25, `${options} articles listed`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every article page reads without JavaScript', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const ids = publishedIds();
  // The hand-written ones and every 25th generated one.
  const sample = ids.filter((id, i) => id.startsWith('zz-') || i % 25 === 0);
  for (const id of sample) {
    const response = await page.goto(`${app.srv.base}articles/${id}.html`);
    assert.equal(response.status(), 200, id);
    const h1 = (await page.locator('h1').innerText()).trim();
    assert.ok(h1.length > 0, id);
    assert.equal(await page.title(), h1, id);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `${BASE_URL}articles/${id}.html`);
    assert.ok((await page.locator('meta[name="description"]').getAttribute('content')).length > 20, id);
    assert.ok((await page.locator('article p').count()) >= 2, id);
    assert.equal(await page.locator('script').count(), 0, id);
    assert.equal(await page.locator('a', { hasText: 'Explore this article' }).getAttribute('href'), `../index.html?article=${id}`);
  }
  await page.goto(`${app.srv.base}articles/zz-thorncastle-2.html`);
  assert.equal(await page.locator('h1').innerText(), 'Lakeford council approves the budget');
  assert.ok(!(await page.locator('body').innerText()).includes('Home | News'), 'the page chrome was dropped');
  assert.deepEqual(await page.locator('aside li').allInnerTexts().then((l) => l.filter((x) => x.startsWith('Wilhelmina'))), [
    'Wilhelmina Thorncastle (2 mentions)',
  ]);
  const text = await page.locator('article').innerText();
  assert.match(text, /Mayor Wilhelmina Thorncastle said the budget would pay for more buses\./);
  await context.close();
});

test('sitemap.xml lists every article page, and each exists', async () => {
  const xml = fs.readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
  const expected = publishedIds().map((id) => `${BASE_URL}articles/${id}.html`).sort();
  assert.deepEqual(locs, expected);
  for (const loc of locs) {
    assert.ok(fs.existsSync(path.join(dist, loc.slice(BASE_URL.length))), loc);
  }
  assert.ok(!fs.existsSync(path.join(dist, 'articles', 'zz-empty.html')), 'the empty file was left out');
});

/** Bytes the page transferred until it was ready, and what it requested. */
async function firstLoad(dir) {
  const srv = await startServer({ dir });
  const { page, problems, context } = await newPage(app.browser, srv.origin);
  const urls = [];
  const bodies = [];
  page.on('response', (r) => {
    urls.push(r.url().replace(srv.base, ''));
    bodies.push(r.body().then((b) => b.length));
  });
  await openApp(page, srv.base);
  await page.waitForLoadState('networkidle');
  // Every body read before the page goes (the wasm's may still be coming).
  const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await context.close();
  srv.server.close();
  return { bytes, urls: urls.sort(), problems };
}

test('the first load is the same as with the four seeds (±5 KB)', async () => {
  const plain = await firstLoad(distDir);
  const archive = await firstLoad(dist);
  assert.ok(Math.abs(archive.bytes - plain.bytes) <= 5000, `${archive.bytes} vs ${plain.bytes}`);
  const names = (l) => l.map((u) => u.replace(/-[0-9a-f]{13,16}(?=[._])/, '-#'));
  assert.deepEqual(names(archive.urls), names(plain.urls));
  assert.deepEqual([...plain.problems, ...archive.problems], []);
});
