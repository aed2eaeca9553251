// Printing (style/print.css): the article, its title and source and an
// entity legend print; the controls around them do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, useApp, waitForStatus } from '../support/harness.mjs';

const app = useApp();

test('print shows the article and a legend without the controls', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base, 'article=001_carter-abadi-mosul');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const library = page.getByRole('region', { name: 'Library' });
  const exportBar = page.getByRole('group', { name: 'Export' });
  const article = page.getByRole('article');
  const legend = page.getByRole('region', { name: 'Entities' }).locator('.entity-group h3');
  // On screen everything is there (so the checks below can fail).
  for (const el of [search, library, exportBar, page.getByLabel('Filter entities')]) {
    assert.ok(await el.isVisible());
  }

  await page.emulateMedia({ media: 'print' });
  for (const [name, el] of [
    ['search box', search],
    ['library', library],
    ['export buttons', exportBar],
    ['entity filter', page.getByLabel('Filter entities')],
    ['hide toggles', page.getByRole('button', { name: /^Hide / }).first()],
    ['entity buttons', page.locator('button.entity').first()],
  ]) {
    assert.equal(await el.isVisible(), false, `${name} is hidden in print`);
  }
  assert.ok(await article.locator('p.passage').first().isVisible());
  assert.ok(await page.locator('h1.article-title').isVisible());
  assert.ok(await page.locator('.article-meta .meta-source').isVisible(), 'the source prints');
  const link = await page.locator('a.meta-url').evaluate((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]);
  assert.equal(link[1], `" ${link[0]}"`, 'the source URL prints after its link');
  assert.ok((await legend.count()) > 0);
  assert.ok(await legend.first().isVisible());
  assert.ok(await legend.first().locator('.swatch').isVisible());

  // Black on white, mention underline styles kept and their colors forced.
  const look = await page.evaluate(() => {
    const passage = document.querySelector('article p.passage');
    const mention = document.querySelector('.mention[data-entity-type="organization"]');
    const m = getComputedStyle(mention);
    return {
      color: getComputedStyle(passage).color,
      background: getComputedStyle(document.body).backgroundColor,
      underline: m.textDecorationStyle,
      adjust: m.printColorAdjust || m.webkitPrintColorAdjust,
    };
  });
  assert.deepEqual(look, { color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', underline: 'double', adjust: 'exact' });

  // Back on screen the controls return.
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await search.isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('print with a search prints only the passages shown, matches marked', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base, 'q=ukraine&only=1');
  await waitForStatus(page, (t) => /^1 of \d+/.test(t));
  await page.emulateMedia({ media: 'print' });
  const passages = page.getByRole('article').locator('p.passage');
  const n = await passages.count();
  assert.ok(n > 0);
  for (let i = 0; i < n; i++) {
    assert.match((await passages.nth(i).innerText()).toLowerCase(), /ukrain/);
  }
  assert.ok(await page.getByRole('article').locator('mark').first().isVisible());
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
