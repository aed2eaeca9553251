// The app in one file, opened from disk (file://, no server): the build's
// dist/article-explorer.html (scripts/onefile.py) and a file saved with
// "Save as one file". Search counts match the served app, entity filters
// work, a pasted text gets its entities from the inlined analyser worker,
// a saved file opens on the view it was saved with, and no request leaves
// the file (every request of the context is file:, data: or blob:). The
// served app is used only as the reference and for one save.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, newPage, openApp, useApp } from '../support/harness.mjs';

const app = useApp();
const oneFile = pathToFileURL(path.join(distDir, 'article-explorer.html')).href;
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-onefile-'));
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

const PASTED = 'Angela Merkel met Emmanuel Macron in Berlin on Tuesday.\n\n'
  + 'Merkel said Germany and France would keep helping Ukraine. Macron agreed, and NATO welcomed it.';
const SECOND = 'Olaf Scholz flew to Warsaw to meet Donald Tusk.';

/** A fresh context watched like the served app's, whose only origin is file:. */
async function fromDisk() {
  const watched = await newPage(app.browser, 'file://');
  await watched.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return watched;
}

async function ready(page) {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  await page.getByRole('article').waitFor();
}

/** Types a query and reads the match counter once the view has it. */
async function search(page, query) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  await page.waitForFunction((q) => (new URLSearchParams(location.search).get('q') ?? '') === q, query);
  return (await page.getByRole('status').first().innerText()).trim();
}

/** Opens an article of the library by its title. */
async function openArticle(page, title) {
  await page.getByRole('region', { name: 'Library' }).getByRole('button', { name: title, exact: true }).click();
  await page.locator('h1.article-title', { hasText: title.replace(/…$/, '') }).waitFor();
}

async function titles(page) {
  return page.getByRole('region', { name: 'Library' }).locator('button.lib-open').allInnerTexts();
}

/** What the reader sees of the view: title, query, counter, filter line. */
async function viewOf(page) {
  return {
    title: await page.locator('h1.article-title').innerText(),
    query: await page.getByRole('searchbox', { name: 'Search' }).inputValue(),
    status: (await page.getByRole('status').first().innerText()).trim(),
    filter: (await page.locator('.filter-bar').innerText()).trim(),
    passages: await page.getByRole('article').locator('p.passage').count(),
  };
}

/** Pastes a text and waits until the analyser has found its entities. */
async function paste(page, text) {
  await page.getByLabel('Paste article text').fill(text);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  const library = page.getByRole('region', { name: 'Library' });
  await library.locator('li.lib-item.current').filter({ hasText: /\d+ entities/ }).waitFor({ timeout: 30000 });
}

async function entityNames(page) {
  return page.getByRole('region', { name: 'Entities' }).locator('button.entity').allInnerTexts();
}

/** Clicks "Save as one file" and returns the file URL of the download. */
async function saveAsOneFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save as one file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.html$/);
  const file = path.join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return pathToFileURL(file).href;
}

async function noProblems(watched) {
  assert.deepEqual(await watched.page.evaluate(() => window.__violations), [], 'CSP violations');
  assert.deepEqual(watched.problems, []);
}

test('opened from disk, the one file searches like the served app in every article and filters by entities', async () => {
  const served = await newPage(app.browser, app.srv.origin);
  await openApp(served.page, app.srv.base);
  const disk = await fromDisk();
  await disk.page.goto(oneFile);
  await ready(disk.page);
  const list = await titles(served.page);
  assert.ok(list.length >= 2, 'several published articles');
  assert.deepEqual(await titles(disk.page), list, 'every published article is in the file');
  for (const title of list) {
    await openArticle(served.page, title);
    await openArticle(disk.page, title);
    for (const q of ['ukraine', 'iraq', 'the forces', '"prime minister"']) {
      assert.equal(await search(disk.page, q), await search(served.page, q), `${title}: ${q}`);
    }
    await search(served.page, '');
    await search(disk.page, '');
    // The most mentioned entity as a filter.
    const entity = served.page.getByRole('region', { name: 'Entities' }).locator('button.entity').first();
    const name = await entity.innerText();
    await entity.click();
    await disk.page.getByRole('region', { name: 'Entities' }).locator('button.entity').first().click();
    const want = await viewOf(served.page);
    assert.match(want.filter, /^Showing \d+ of \d+ passages/);
    assert.deepEqual(await viewOf(disk.page), want, `${title}: filter by ${name}`);
    await served.page.getByRole('button', { name: 'Clear filters' }).click();
    await disk.page.getByRole('button', { name: 'Clear filters' }).click();
  }
  await noProblems(disk);
  assert.deepEqual(served.problems, []);
  await served.context.close();
  await disk.context.close();
});

test('a text pasted into the file from disk gets its entities from the inlined analyser', async () => {
  const disk = await fromDisk();
  await disk.page.goto(oneFile);
  await ready(disk.page);
  await paste(disk.page, PASTED);
  const names = await entityNames(disk.page);
  for (const n of ['Angela Merkel', 'Emmanuel Macron', 'Berlin', 'NATO']) {
    assert.ok(names.some((x) => x.includes(n)), `${n} in ${names}`);
  }
  // Where the reader's texts are kept from disk is said plainly.
  await disk.page.getByText('Opened from a file on this computer').waitFor();
  await noProblems(disk);
  await disk.context.close();
});

test('"Save as one file" from disk, with an own text open, downloads a file that opens from disk on the same view', async () => {
  const disk = await fromDisk();
  await disk.page.goto(oneFile);
  await ready(disk.page);
  await paste(disk.page, PASTED);
  await search(disk.page, 'merkel');
  await disk.page.getByRole('region', { name: 'Entities' }).getByRole('button', { name: /Angela Merkel/ }).first().click();
  const want = await viewOf(disk.page);
  assert.match(want.filter, /Showing \d+ of \d+ passages/);
  const saved = await saveAsOneFile(disk.page);
  await disk.page.getByRole('note').filter({ hasText: 'needs no server' }).waitFor();
  await noProblems(disk);
  await disk.context.close();

  // A colleague's browser: a fresh context, nothing in storage.
  const other = await fromDisk();
  await other.page.goto(saved);
  await ready(other.page);
  assert.deepEqual(await viewOf(other.page), want);
  assert.deepEqual(await titles(other.page), [want.title], 'the file holds this one article');
  const names = await entityNames(other.page);
  assert.ok(names.some((x) => x.includes('Emmanuel Macron')), `entities came with the file: ${names}`);
  // The saved file carries the analyser too.
  await paste(other.page, SECOND);
  const second = await entityNames(other.page);
  assert.ok(second.some((x) => x.includes('Olaf Scholz')), `${second}`);
  // And saves again, from its own parts.
  const again = await saveAsOneFile(other.page);
  await noProblems(other);
  await other.context.close();
  const third = await fromDisk();
  await third.page.goto(again);
  await ready(third.page);
  assert.match(await third.page.locator('h1.article-title').innerText(), /Olaf Scholz/);
  await noProblems(third);
  await third.context.close();
});

test('"Save as one file" from the served app (a published article) opens from disk on the same view', async () => {
  const served = await newPage(app.browser, app.srv.origin);
  await openApp(served.page, app.srv.base);
  const list = await titles(served.page);
  await openArticle(served.page, list[1]);
  await search(served.page, 'iraq');
  await served.page.getByRole('region', { name: 'Entities' }).locator('button.entity').first().click();
  const want = await viewOf(served.page);
  const saved = await saveAsOneFile(served.page);
  assert.deepEqual(served.problems, []);
  await served.context.close();

  const disk = await fromDisk();
  await disk.page.goto(saved);
  await ready(disk.page);
  assert.deepEqual(await viewOf(disk.page), want);
  assert.deepEqual(await titles(disk.page), [list[1]]);
  await noProblems(disk);
  await disk.context.close();
});

test('Firefox: the one file opened from disk searches, and a pasted text gets its entities', { skip: !fs.existsSync(FIREFOX) && `no ${FIREFOX}` }, async () => {
  // Playwright drives only its own Firefox build; Debian's Firefox ESR is
  // driven over WebDriver BiDi by puppeteer-core.
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    const page = await browser.newPage();
    // A desktop window (at puppeteer's default 800 px the library is a
    // sheet behind the menu button, as on a tablet).
    await page.setViewport({ width: 1280, height: 900 });
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) problems.push(`request left the file: ${r.url()}`);
    });
    await page.goto(oneFile);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await page.type('input[type="search"]', 'ukraine');
    await page.waitForFunction(() => / of /.test(document.querySelector('[role="status"]')?.textContent));
    const status = await page.$eval('[role="status"]', (e) => e.textContent.trim());
    assert.match(status, /^\d+ of \d+$/);
    await page.type('textarea[aria-label="Paste article text"]', PASTED);
    // An element click: puppeteer's pointer click does not reach this
    // button over BiDi in Firefox ESR (what a reader's click does, it does).
    await page.$eval('.open-controls .small-button', (b) => b.click());
    await page.waitForFunction(
      () => [...document.querySelectorAll('[aria-label="Entities"] button.entity')].some((b) => b.textContent.includes('Angela Merkel')),
      { timeout: 60000 },
    );
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
