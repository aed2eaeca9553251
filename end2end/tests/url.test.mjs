// The URL is the view: a link restores article, query, filters and toggles;
// malformed or unknown values fall back to defaults without errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, readSeed, seedFiles, passageTexts, waitForStatus, useApp } from '../support/harness.mjs';

const app = useApp();

test('a shared link restores article, query and toggles', async () => {
  const files = seedFiles();
  const target = files[files.length - 1];
  const seed = readSeed(target);
  const id = target.replace(/\.[^.]+$/, '');
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const word = seed.paragraphs[0].split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w));
  await openApp(page, app.srv.base, `article=${encodeURIComponent(id)}&q=${encodeURIComponent(word)}&only=1`);
  if (seed.meta.title) assert.equal((await page.locator('h1').innerText()).trim(), seed.meta.title);
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), word);
  await waitForStatus(page, (t) => /1 of \d+/.test(t));
  assert.ok(await page.getByRole('checkbox', { name: /Only matching passages/ }).isChecked());
  const shown = await passageTexts(page);
  assert.ok(shown.length >= 1 && shown.length <= seed.paragraphs.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('malformed and unknown values are ignored', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const first = readSeed(seedFiles()[0]);
  await openApp(page, app.srv.base, 'article=does-not-exist&e=%3Cscript%3E,nobody&hide=bogus&sort=%ZZ&only=maybe&q=' + 'x'.repeat(5000));
  assert.equal((await passageTexts(page)).length >= 0, true);
  await page.getByRole('note').filter({ hasText: 'not here' }).waitFor();
  // The first article is shown, and nothing selected.
  const shown = await page.locator('article p.passage').count();
  assert.ok(shown <= first.paragraphs.length);
  assert.equal(await page.locator('button.entity[aria-pressed="true"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
