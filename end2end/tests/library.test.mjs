// Your own articles: open a .txt, a .md, a saved news .html page and pasted
// text; keep them across reloads; delete with undo; search and the entity
// index across articles; exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutBlockedInline, newPage, openApp, passageTexts, readSeed, seedFiles, useApp } from '../support/harness.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixture = (name) => path.join(fixtures, name);
const app = useApp();

const library = (page) => page.getByRole('region', { name: 'Library' });
const panel = (page) => page.getByRole('region', { name: 'Entities' });

async function openFile(page, name) {
  await page.getByLabel('Open article').setInputFiles(fixture(name));
}

async function waitForTitle(page, title) {
  await page.locator('h1', { hasText: title }).waitFor({ timeout: 10000 });
}

test('a .txt file opens with its paragraphs and entities, and is kept after a reload', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await openFile(page, 'rewards-for-justice.txt');
  const text = fs.readFileSync(fixture('rewards-for-justice.txt'), 'utf8');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  await waitForTitle(page, 'Department of State');
  assert.equal((await passageTexts(page)).length, paragraphs.length);
  await panel(page).locator('button[data-entity-type="place"]').filter({ hasText: /^\s*Syria/ }).first().waitFor();
  await panel(page).locator('button[data-entity-type="organization"]').first().waitFor();
  // The library lists it with size, date and entity count.
  const entry = library(page).locator('li', { hasText: 'Department of State' });
  await entry.waitFor();
  assert.match(await entry.innerText(), /KB|B ·/);
  assert.match(await entry.innerText(), /\d+ entities/);
  assert.match(await entry.innerText(), /added \d{4}-\d\d-\d\d/);
  // The URL names the article; a reload keeps it.
  assert.match(page.url(), /article=local-[0-9a-f]{16}/);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await waitForTitle(page, 'Department of State');
  assert.equal((await passageTexts(page)).length, paragraphs.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a .md file keeps headings and paragraphs and loses its markup', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await openFile(page, 'coalition-gasmasks.md');
  await waitForTitle(page, 'Coalition provides ISF, Peshmerga with over 24K gasmasks');
  const shown = await passageTexts(page);
  assert.ok(shown.length >= 5);
  for (const p of shown) {
    assert.ok(!/[*`#]|\]\(/.test(p), `markup left in "${p}"`);
  }
  assert.ok(shown.includes('Related'), 'a sub-heading is a paragraph');
  assert.ok(shown.includes('CENTCOM news'), 'a link keeps its text');
  await panel(page).locator('button[data-entity-type="person"]').filter({ hasText: /Volesky/ }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a saved .html page shows its article text only, and nothing in it runs', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await openFile(page, 'terrorist-attacks-in-baghdad.html');
  await waitForTitle(page, 'Terrorist Attacks in Baghdad');
  const shown = (await passageTexts(page)).join('\n');
  for (const chrome of ['Home', 'Press Releases', 'Site Navigation Banner', 'Subscribe', 'Most read', 'Footer text', 'must not appear', 'window.__pwned']) {
    assert.ok(!shown.includes(chrome), `"${chrome}" leaked into the article`);
  }
  assert.match(shown, /U\.S\. Department of State & partners/, 'entities are decoded');
  assert.match(shown, /Baghdad/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await panel(page).locator('button[data-entity-type="place"]').filter({ hasText: /^\s*Baghdad/ }).first().waitFor();
  assert.deepEqual(withoutBlockedInline(problems), []);
  await context.close();
});

test('pasted text opens; a pasted address asks for the text instead', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const box = page.getByRole('textbox', { name: 'Paste article text' });
  await box.fill('https://example.org/news/story');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.getByRole('note').filter({ hasText: 'does not fetch pages' }).waitFor();
  const seed = readSeed('002_us-iraq-loan-guarantee.txt');
  const pasted = 'Ministers from France and Germany met in Paris on Tuesday.\nThe European Union will send aid to Iraq, said Ursula von der Leyen.';
  await box.fill(pasted);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await waitForTitle(page, 'Ministers from France and Germany met in Paris on Tuesday');
  assert.equal((await passageTexts(page)).length, 2);
  await panel(page).locator('button[data-entity-type="place"]').filter({ hasText: /^\s*Paris/ }).first().waitFor();
  assert.ok(seed.paragraphs.length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('delete and undo', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await openFile(page, 'rewards-for-justice.txt');
  await waitForTitle(page, 'Department of State');
  const before = await library(page).locator('li.lib-item').count();
  await library(page).getByRole('button', { name: /^Delete / }).first().click();
  await page.waitForFunction((n) => document.querySelectorAll('li.lib-item').length === n - 1, before);
  await library(page).getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('li.lib-item').length === n, before);
  // Deleted for real: gone after a reload too (once storage has it: a
  // reload in the same instant can come before the deletion is written).
  await library(page).getByRole('button', { name: /^Delete / }).first().click();
  await page.waitForFunction((n) => document.querySelectorAll('li.lib-item').length === n - 1, before);
  await page.waitForFunction(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n.startsWith('article-explorer:'));
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = no;
    });
    const kept = await new Promise((ok) => {
      const r = db.transaction('meta').objectStore('meta').count();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return kept === 0;
  });
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await library(page).locator('li.lib-item').count(), before - 1);
  // Seeds cannot be deleted.
  assert.equal(await library(page).getByRole('button', { name: /^Delete / }).count(), before - 1 - seedFiles().length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('search and the entity index span the library', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await openFile(page, 'rewards-for-justice.txt');
  await waitForTitle(page, 'Department of State');
  await openFile(page, 'terrorist-attacks-in-baghdad.html');
  await waitForTitle(page, 'Terrorist Attacks in Baghdad');
  await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
  await page.getByRole('searchbox', { name: 'Search' }).fill('iraq');
  const results = page.getByRole('region', { name: 'Results across articles' });
  // Every article whose text mentions Iraq is listed, and no other: the
  // reader's own at once, the published ones once the archive's index has
  // answered.
  const expected = [];
  for (const f of seedFiles()) {
    const s = readSeed(f);
    if (/\biraq/i.test(s.body)) expected.push(s.meta.title || s.paragraphs[0].slice(0, 20));
  }
  await page.waitForFunction(
    (n) => document.querySelectorAll('[aria-label="Results across articles"] li.result').length >= n,
    expected.length + 2,
    { timeout: 20000 },
  );
  const titles = await results.locator('.result-title').allInnerTexts();
  assert.ok(titles.length >= expected.length + 2 - 0, `titles: ${titles}`);
  for (const t of expected) assert.ok(titles.some((x) => x.startsWith(t.slice(0, 20))), `missing ${t}`);
  assert.ok(titles.some((t) => t.includes('Terrorist Attacks in Baghdad')));
  assert.ok((await results.locator('mark').count()) >= titles.length);
  assert.match(page.url(), /scope=library/);
  // The entity index: Iraq appears in several articles and opens them filtered.
  const index = page.getByRole('region', { name: 'Entity index' });
  const iraq = index.locator('li.lib-entity[data-entity-type="place"]', { hasText: /^\s*Iraq:/ }).first();
  await iraq.waitFor();
  assert.match(await iraq.innerText(), /[2-9] articles/);
  // Its articles are looked up in the archive's index; one opens filtered.
  await iraq.getByRole('button', { name: /^Show articles that mention Iraq/ }).click();
  await index
    .locator('li.lib-entity', { hasText: /^\s*Iraq:/ })
    .locator('ul.lib-entity-articles button')
    .first()
    .click();
  await page.getByRole('article').waitFor();
  const pressed = panel(page).locator('button.entity[aria-pressed="true"]');
  await pressed.first().waitFor();
  assert.deepEqual((await pressed.allInnerTexts()).map((t) => t.split('\n')[0]), ['Iraq']);
  assert.deepEqual(withoutBlockedInline(problems), []);
  await context.close();
});

test('exports download the entity list and the visible passages', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const buttons = await panel(page).locator('button.entity').count();
  const grab = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export' }).getByRole('button', { name, exact: true }).click()]);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const csv = await grab('Entities as CSV');
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'name,type,aliases,mentions,first_position');
  assert.equal(lines.length - 1, buttons);
  assert.ok(lines.some((l) => l.startsWith('"Joe Biden",person,')));
  const json = JSON.parse(await grab('Entities as JSON'));
  assert.equal(json.entities.length, buttons);
  assert.ok(json.article.title.startsWith('U.S. President Joe Biden'));
  await page.getByRole('checkbox', { name: /Only matching passages/ }).check();
  await page.getByRole('searchbox', { name: 'Search' }).fill('kursk');
  await page.waitForFunction(() => document.querySelectorAll('article mark').length > 0);
  const shown = await passageTexts(page);
  const md = await grab('Passages as Markdown');
  assert.ok(md.startsWith('# U.S. President Joe Biden'));
  assert.equal((md.match(/\*\*Kursk\*\*/g) || []).length, await page.locator('article mark').count());
  assert.equal(md.trim().split('\n\n').filter((b) => !b.startsWith('#') && !b.startsWith('>')).length, shown.length);
  assert.deepEqual(problems, []);
  await context.close();
});
