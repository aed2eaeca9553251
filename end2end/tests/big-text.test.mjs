// A 3 MB book opens with a progress bar and the page keeps answering
// while it is analysed; "Cancel" stops it without adding anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, newPage, openApp, useApp } from '../support/harness.mjs';

const book = process.env.BOOK || path.join(repoRoot, '..', 'shared', 'data', 'texts', 'war-and-peace.txt');
const app = useApp();

test('War and Peace opens with progress while the page keeps answering', { skip: !fs.existsSync(book) && `no ${book}` }, async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByLabel('Open article').setInputFiles(book);
  const bar = page.getByRole('progressbar', { name: 'Analysis progress' });
  await bar.waitFor({ timeout: 20000 });
  // While it runs, the app answers: the entity list can be filtered and the
  // value shows up at once.
  const filter = page.getByRole('region', { name: 'Entities' }).getByRole('searchbox', { name: 'Filter entities' });
  const t0 = Date.now();
  await filter.fill('ukr');
  await page.waitForFunction(() => document.querySelector('.entity-filter').value === 'ukr', null, { timeout: 2000 });
  const answered = Date.now() - t0;
  assert.ok(await bar.isVisible(), 'the analysis was still running while the page answered');
  const values = new Set();
  while (await bar.count()) {
    values.add(await bar.getAttribute('value').catch(() => null));
    await page.waitForTimeout(100);
  }
  assert.ok(values.size >= 3, `progress moved: ${[...values]}`);
  await page.locator('h1').filter({ hasText: /CHAPTER I|Prince/ }).first().waitFor({ timeout: 120000 });
  assert.ok((await page.locator('article p.passage').count()) < 1000, 'rendered incrementally');
  console.log(`# filter answered in ${answered} ms during analysis`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('cancelling a long analysis adds nothing', { skip: !fs.existsSync(book) && `no ${book}` }, async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const before = await page.locator('li.lib-item').count();
  await page.getByLabel('Open article').setInputFiles(book);
  await page.getByRole('progressbar', { name: 'Analysis progress' }).waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('note').filter({ hasText: 'Stopped analysing' }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('li.lib-item').count(), before);
  assert.deepEqual(problems, []);
  await context.close();
});
