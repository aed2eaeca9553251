// Search: highlights, "k of n", next/previous, keys, phrases, folding,
// exclusion, "only matching passages" and "did you mean".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, openApp, readSeed, seedFiles, passageTexts, waitForStatus, fold, words, useApp,
} from '../support/harness.mjs';

const seed = readSeed(seedFiles()[0]);
const app = useApp();

async function search(page, text) {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('');
  await box.pressSequentially(text);
}

/** Reference count: words of the article whose folded form starts with the folded term. */
function prefixCount(term) {
  const t = fold(term);
  return words(seed.body).filter((w) => fold(w).startsWith(t)).length;
}

test('a word is highlighted everywhere with the right count, and next/previous cycle', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const n = prefixCount('missile');
  assert.ok(n > 2, 'the seed mentions missiles several times');
  await search(page, 'missile');
  await waitForStatus(page, (t) => t.includes(`1 of ${n}`));
  assert.equal(await page.locator('article mark').count(), n);
  for (const m of await page.locator('article mark').allInnerTexts()) {
    assert.ok(fold(m).startsWith('missile'), `unexpected highlight "${m}"`);
  }
  const current = () => page.locator('mark[aria-current="true"]').getAttribute('data-match');
  assert.equal(await page.locator('mark[aria-current="true"]').count(), 1);
  assert.equal(await current(), '0');
  await page.getByRole('button', { name: 'Next match' }).click();
  await waitForStatus(page, (t) => t.includes(`2 of ${n}`));
  assert.equal(await current(), '1');
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await waitForStatus(page, (t) => t.includes(`${n} of ${n}`));
  assert.equal(await current(), String(n - 1));
  // Enter goes forward (wrapping), Shift+Enter back.
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.press('Enter');
  await waitForStatus(page, (t) => t.includes(`1 of ${n}`));
  await box.press('Shift+Enter');
  await waitForStatus(page, (t) => t.includes(`${n} of ${n}`));
  // The current match is scrolled into view.
  await page.waitForFunction(() => {
    const r = document.querySelector('mark[aria-current="true"]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  // Escape clears.
  await box.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('article mark').length === 0);
  assert.equal(await box.inputValue(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('case, phrases, stemming and exclusion', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  // Upper case finds the mixed-case name.
  await search(page, 'KURSK');
  const kursk = prefixCount('kursk');
  await waitForStatus(page, (t) => t.includes(`of ${kursk}`));
  // A quoted phrase matches only the consecutive words.
  await search(page, '"north korean"');
  const phrase = (seed.body.match(/north\s+korean/gi) || []).length;
  assert.ok(phrase > 1);
  await waitForStatus(page, (t) => t.includes(`of ${phrase}`));
  for (const m of await page.locator('article mark').allInnerTexts()) {
    assert.match(m, /^north\s+korean$/i);
  }
  // Stemming: a word followed by a space is not a prefix search, yet the
  // singular "missile " still finds the plural "missiles".
  await search(page, 'missile ');
  const stemmed = words(seed.body).filter((w) => /^missiles?$/i.test(w)).length;
  assert.ok(stemmed >= 1);
  await waitForStatus(page, (t) => t.includes(`of ${stemmed}`));
  // Several words: passages must contain all; -word excludes.
  await page.getByRole('checkbox', { name: /Only matching passages/ }).check();
  await search(page, 'ukraine -biden');
  await page.waitForFunction(() => document.querySelectorAll('article mark').length > 0);
  const shown = await passageTexts(page);
  const expected = seed.paragraphs.filter((p) => /ukraine/i.test(p) && !/biden/i.test(p));
  assert.equal(shown.length, expected.length);
  for (const p of shown) {
    assert.ok(!/biden/i.test(p), `excluded word shown: ${p}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('only matching passages, no matches and did-you-mean', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByRole('checkbox', { name: /Only matching passages/ }).check();
  await search(page, 'troops');
  const withTroops = seed.paragraphs.filter((p) => words(p).some((w) => fold(w).startsWith('troops')));
  await page.waitForFunction((n) => document.querySelectorAll('article p.passage').length === n, withTroops.length);
  await search(page, 'misiles');
  await waitForStatus(page, (t) => t.includes('No matches'));
  const suggestion = page.getByRole('button', { name: /missiles?/i }).first();
  await suggestion.waitFor();
  await suggestion.click();
  await waitForStatus(page, (t) => /\d+ of \d+/.test(t));
  assert.match(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), /missile/i);
  // "/" focuses the search box from anywhere.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Search');
  assert.deepEqual(problems, []);
  await context.close();
});
