// The entity panel: typed entities with counts and merged aliases; clicking
// one (or two) filters the article to the passages that mention them all;
// filters combine with search and clear with one control; kinds can be hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, readSeed, seedFiles, passageTexts, useApp } from '../support/harness.mjs';

const seed = readSeed(seedFiles()[0]);
const app = useApp();

const panel = (page) => page.getByRole('region', { name: 'Entities' });
const entityButton = (page, type, name) =>
  panel(page).locator(`button[data-entity-type="${type}"]`).filter({ hasText: new RegExp(`^\\s*${name}`) }).first();

/** Passage indices that contain a mention of entity `id`, read from the DOM. */
async function passagesMentioning(page, id) {
  return page.evaluate((id) => {
    const ps = [...document.querySelectorAll('article p.passage')];
    return ps.filter((p) => p.querySelector(`[data-entity-id="${id}"]`)).map((p) => p.dataset.passage);
  }, id);
}

test('the seed article shows its people, organizations, places and groups with merged aliases', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await panel(page).waitFor();
  const biden = entityButton(page, 'person', 'Joe Biden');
  await biden.waitFor();
  // "Biden" and "Biden's" are merged into Joe Biden: the count covers every mention.
  const bidenMentions = (seed.body.match(/\bBiden\b/g) || []).length;
  const count = Number((await biden.locator('.entity-count').innerText()).trim());
  assert.equal(count, bidenMentions);
  const id = await biden.getAttribute('data-entity-id');
  assert.equal(await page.locator(`article [data-entity-id="${id}"]`).count(), bidenMentions);
  // Other kinds the seed clearly contains.
  await entityButton(page, 'person', 'Donald Trump').waitFor();
  await entityButton(page, 'place', 'Ukraine').waitFor();
  await entityButton(page, 'place', 'Russia').waitFor();
  await entityButton(page, 'organization', '(The )?New York Times').waitFor();
  await entityButton(page, 'group', 'North Korean').waitFor();
  // NYT is an alias of The New York Times, not an entity of its own.
  assert.equal(await panel(page).locator('button.entity').filter({ hasText: /^\s*NYT\b/ }).count(), 0);
  // Every mention element names an entity that is in the panel.
  const ids = await page.locator('article [data-entity-id]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.entityId))]);
  for (const eid of ids) {
    assert.equal(await panel(page).locator(`button[data-entity-id="${eid}"]`).count(), 1, `no panel button for ${eid}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('selecting entities leaves exactly the passages that mention them all', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const before = await passageTexts(page);
  const biden = entityButton(page, 'person', 'Joe Biden');
  const bidenId = await biden.getAttribute('data-entity-id');
  const expectedBiden = before
    .map((t, i) => [t, i])
    .filter(([t]) => /\bBiden\b/.test(t))
    .map(([, i]) => String(i));
  await biden.click();
  assert.equal(await biden.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction((n) => document.querySelectorAll('article p.passage').length === n, expectedBiden.length);
  assert.deepEqual(await passagesMentioning(page, bidenId), expectedBiden);
  // A second entity narrows to passages that mention both.
  const ukraine = entityButton(page, 'place', 'Ukraine');
  const ukraineId = await ukraine.getAttribute('data-entity-id');
  await ukraine.click();
  await page.waitForFunction(
    ([a, b]) => [...document.querySelectorAll('article p.passage')].every(
      (p) => p.querySelector(`[data-entity-id="${a}"]`) && p.querySelector(`[data-entity-id="${b}"]`)),
    [bidenId, ukraineId],
  );
  const both = await passageTexts(page);
  assert.ok(both.length >= 1 && both.length < expectedBiden.length, `both: ${both.length}`);
  // The URL carries the view; reloading restores it.
  assert.match(page.url(), new RegExp(`e=${bidenId}%2C${ukraineId}|e=${bidenId},${ukraineId}`));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await passageTexts(page), both);
  assert.equal(await entityButton(page, 'person', 'Joe Biden').getAttribute('aria-pressed'), 'true');
  // One control clears every filter.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('article p.passage').length === n, before.length);
  assert.equal(await entityButton(page, 'person', 'Joe Biden').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('entity filters combine with search, the list filters and sorts, kinds hide', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await entityButton(page, 'place', 'Ukraine').click();
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.pressSequentially('missile');
  await page.waitForFunction(() => /\d+ of \d+|No matches/.test(document.querySelector('[role=status]').innerText));
  // Every highlighted match sits in a visible passage that mentions Ukraine.
  const ok = await page.evaluate(() => [...document.querySelectorAll('article mark')].every(
    (m) => m.closest('p.passage').querySelector('[data-entity-type="place"]')));
  assert.ok(ok);
  // The panel's own filter box narrows the list.
  await panel(page).getByRole('searchbox', { name: 'Filter entities' }).fill('kore');
  await page.waitForFunction(() => [...document.querySelectorAll('button.entity')].every((b) => /kore/i.test(b.parentElement.innerText)));
  await panel(page).getByRole('searchbox', { name: 'Filter entities' }).fill('');
  // Hiding dates removes their highlights from the text.
  const hide = panel(page).getByRole('button', { name: /^Hide Dates/ });
  if (await hide.count()) {
    await hide.click();
    await page.waitForFunction(() => !document.querySelector('article [data-entity-type="date"]'));
  }
  // Sort by name.
  await panel(page).getByRole('combobox', { name: 'Sort entities' }).selectOption('name');
  const names = await panel(page).locator('[data-entity-type="person"] button.entity .entity-name').allInnerTexts();
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  assert.deepEqual(names, sorted);
  assert.deepEqual(problems, []);
  await context.close();
});
