// The reader's library in IndexedDB, and its faults: a full quota, storage
// switched off, a corrupted record, two tabs editing the library at once, a
// library kept by the previous version in localStorage, and a library of
// several large books. The article still opens, the reader is told what
// will not be kept, nothing stored before is lost, and the app keeps
// working.
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
    IDBObjectStore.prototype.put = function () {
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
    for (const name of ['indexedDB', 'localStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    }
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

test('a library kept by the previous version (localStorage) moves over; a corrupted line is skipped with a message', async () => {
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
  // Moved: the old keys are gone once the record is stored, and the old
  // link (its id) still opens it.
  await page.waitForFunction(() => localStorage.getItem('article-explorer.article.local-00000000000000aa') === null);
  await page.goto(`${app.srv.base}?article=local-00000000000000aa`);
  await page.locator('h1', { hasText: 'A kept story' }).waitFor();
  await page.getByRole('region', { name: 'Entities' }).locator('button.entity', { hasText: 'Peter Smith' }).waitFor();
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

test('a corrupted record in IndexedDB is skipped with a message, nothing is deleted', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByLabel('Open article').setInputFiles(path.join(fixtures, 'rewards-for-justice.txt'));
  await page.locator('h1', { hasText: 'Department of State' }).waitFor();
  await library(page).locator('li.lib-item', { hasText: 'Department of State' }).filter({ hasNotText: 'saving' }).filter({ hasNotText: 'finding' }).waitFor();
  // A damaged list entry, as a broken disk or another program might leave.
  await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('article-explorer:'));
    const db = await new Promise((ok, no) => { const r = indexedDB.open(names[0]); r.onsuccess = () => ok(r.result); r.onerror = no; });
    await new Promise((ok, no) => {
      const tx = db.transaction(['meta'], 'readwrite');
      tx.objectStore('meta').put({ id: 42, title: null }, 'local-broken');
      tx.oncomplete = ok; tx.onerror = no;
    });
    db.close();
  });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.getByRole('note').filter({ hasText: '1 saved article could not be read' }).waitFor();
  await library(page).locator('.lib-open', { hasText: /Department of State/ }).click();
  await page.locator('h1', { hasText: 'Department of State' }).waitFor();
  // The damaged entry is still there (never deleted).
  const still = await page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('article-explorer:'));
    const db = await new Promise((ok, no) => { const r = indexedDB.open(names[0]); r.onsuccess = () => ok(r.result); r.onerror = no; });
    const v = await new Promise((ok) => { const r = db.transaction(['meta']).objectStore('meta').get('local-broken'); r.onsuccess = () => ok(r.result); });
    db.close();
    return v !== undefined;
  });
  assert.ok(still);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a pasted text is kept at once: reloaded before its entities are found, it is still there and gets them', { timeout: 120000 }, async () => {
  // The analyser's files never arrive (a slow network), so the page is
  // reloaded while the entities are still being looked for.
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, { serviceWorkers: 'block' });
  const analyser = /\/analyzer-[^/]*$/;
  await context.route(analyser, () => {});
  await openApp(page, app.srv.base);
  const text = 'A pasted report on Merkel\n\nAngela Merkel visited Warsaw and Vilnius in May with officials of the European Commission.\nThe end, signed quillzanzibar.';
  await page.getByRole('textbox', { name: 'Paste article text' }).fill(text);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.locator('h1', { hasText: 'A pasted report on Merkel' }).waitFor();
  const item = () => library(page).locator('li.lib-item', { hasText: 'A pasted report on Merkel' });
  // Kept (no "saving…"), entities still being found.
  await page.waitForFunction(() => [...document.querySelectorAll('li.lib-item')].some((li) => /A pasted report/.test(li.innerText) && /finding entities/.test(li.innerText) && !/saving/.test(li.innerText)));
  await context.unroute(analyser);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await item().waitFor();
  // Its entities are found after the reload, and the text is whole.
  await page.waitForFunction(() => [...document.querySelectorAll('li.lib-item')].some((li) => /A pasted report/.test(li.innerText) && /\d+ entities/.test(li.innerText)), null, { timeout: 60000 });
  await item().locator('.lib-open').click();
  await page.locator('h1', { hasText: 'A pasted report on Merkel' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('quillzanzibar');
  await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor();
  await page.getByRole('region', { name: 'Entities' }).locator('button.entity', { hasText: 'Angela Merkel' }).waitFor();
  assert.deepEqual(problems.filter((p) => !/analyzer-/.test(p)), []);
  await context.close();
});

test('four 3 MB books stay in the library after a reload', { timeout: 300000 }, async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const words = ['river', 'Anna', 'council', 'market', 'Kyiv', 'morning', 'bridge', 'Pierre', 'road', 'letter'];
  for (let b = 1; b <= 4; b++) {
    // 3 MB of distinct text per book (its number in every paragraph).
    const paras = [];
    let n = 0;
    for (let i = 0; n < 3_000_000; i++) {
      const p = `Book ${b} part ${i}: ` + Array.from({ length: 40 }, (_, k) => words[(i * 7 + k * 3 + b) % words.length]).join(' ') + '.';
      paras.push(p);
      n += p.length + 2;
    }
    await page.getByLabel('Open article').setInputFiles({
      name: `book-${b}.txt`, mimeType: 'text/plain', buffer: Buffer.from(paras.join('\n\n')),
    });
    await page.locator('h1', { hasText: `Book ${b} part 0` }).waitFor({ timeout: 120000 });
  }
  // Saved: no entry says "saving…" (or "not kept").
  await page.waitForFunction(() => ![...document.querySelectorAll('.lib-meta')].some((m) => /saving|not kept/.test(m.innerText)), null, { timeout: 60000 });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  for (let b = 1; b <= 4; b++) {
    await library(page).locator('.lib-open', { hasText: `Book ${b} part 0` }).waitFor();
  }
  await library(page).locator('.lib-open', { hasText: 'Book 3 part 0' }).click();
  await page.locator('h1', { hasText: 'Book 3 part 0' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
