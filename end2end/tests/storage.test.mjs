// Storage faults: a full quota, storage switched off, a corrupted record and
// two tabs editing the library at once. The article still opens, the reader
// is told what will not be kept, nothing stored before is lost, and the app
// keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newPage, openApp, passageTexts, useApp } from '../support/harness.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const app = useApp();

const library = (page) => page.getByRole('region', { name: 'Library' });

test('a full storage quota: the article opens and the reader is told it will not be kept', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page, app.srv.base);
  await page.getByLabel('Open article').setInputFiles(path.join(fixtures, 'rewards-for-justice.txt'));
  await page.locator('h1', { hasText: 'Department of State' }).waitFor();
  await page.getByRole('note').filter({ hasText: 'will not be here after a reload' }).waitFor();
  assert.match(await library(page).locator('li.lib-item', { hasText: 'Department of State' }).innerText(), /not kept/);
  // Still fully usable.
  await page.getByRole('searchbox', { name: 'Search' }).fill('oil');
  await page.waitForFunction(() => document.querySelectorAll('article mark').length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('storage switched off: seeds work and opened texts still open', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await openApp(page, app.srv.base);
  assert.ok((await passageTexts(page)).length > 0);
  await page.getByRole('textbox', { name: 'Paste article text' }).fill('Angela Merkel visited Warsaw and Vilnius in May.');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.locator('h1', { hasText: 'Angela Merkel visited Warsaw' }).waitFor();
  await page.getByRole('note').filter({ hasText: 'will not be kept' }).or(page.getByRole('note').filter({ hasText: 'will not be here' })).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a corrupted record is skipped with a message and the rest of the library survives', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await page.goto(app.srv.base);
  await page.waitForSelector('html[data-ready="true"]');
  await page.evaluate(() => {
    localStorage.setItem(
      'article-explorer.index',
      'local-00000000000000aa\t1732000000000\t3\tA kept story\n\u0000garbage\tline\nlocal-00000000000000bb\t1732000000000\t1\tLost text\n',
    );
    localStorage.setItem('article-explorer.article.local-00000000000000aa', '---\ntitle: A kept story\n---\nPeter Smith flew to Oslo.\nHe met Jonas Gahr Store.');
  });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.getByRole('note').filter({ hasText: 'could not be read' }).waitFor();
  const kept = library(page).locator('.lib-open', { hasText: 'A kept story' });
  await kept.click();
  await page.locator('h1', { hasText: 'A kept story' }).waitFor();
  assert.equal((await passageTexts(page)).length, 2);
  // Opening another text keeps the good record.
  await page.getByLabel('Open article').setInputFiles(path.join(fixtures, 'coalition-gasmasks.md'));
  await page.locator('h1', { hasText: 'Coalition provides' }).waitFor();
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await library(page).locator('.lib-open', { hasText: 'A kept story' }).waitFor();
  await library(page).locator('.lib-open', { hasText: /Coalition provides/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs editing the library stay in step and lose nothing', async () => {
  const { page: a, problems, context } = await newPage(app.browser, app.srv.origin);
  const b = await context.newPage();
  await openApp(a, app.srv.base);
  await openApp(b, app.srv.base);
  await a.getByLabel('Open article').setInputFiles(path.join(fixtures, 'rewards-for-justice.txt'));
  await a.locator('h1', { hasText: 'Department of State' }).waitFor();
  await b.getByLabel('Open article').setInputFiles(path.join(fixtures, 'coalition-gasmasks.md'));
  await b.locator('h1', { hasText: 'Coalition provides' }).waitFor();
  // Each tab sees the other's article.
  await library(a).locator('.lib-open', { hasText: /Coalition provides/ }).waitFor();
  await library(b).locator('.lib-open', { hasText: /Department of State/ }).waitFor();
  // A delete in one tab shows in the other.
  await library(b).getByRole('button', { name: /^Delete .*Department of State/ }).click();
  await a.waitForFunction(() => ![...document.querySelectorAll('.lib-open')].some((x) => x.innerText.includes('Department of State')));
  // A fresh tab has exactly what is left.
  const c = await context.newPage();
  await openApp(c, app.srv.base);
  await library(c).locator('.lib-open', { hasText: /Coalition provides/ }).waitFor();
  assert.equal(await library(c).locator('.lib-open', { hasText: /Department of State/ }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
