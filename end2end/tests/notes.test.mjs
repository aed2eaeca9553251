// Make it yours (issue 20): highlights and notes on a passage, kept over a
// reload and exported as Markdown and W3C Web Annotation JSON; entity
// corrections ("Not an entity", "Merge into…", "Add entity") that change the
// panel, the marks in the text and the CSV export and are kept over a
// reload; a personal-dictionary entry applied to a newly pasted text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { newPage, openApp, useApp } from '../support/harness.mjs';

const app = useApp();

const region = (page, name) => page.getByRole('region', { name });
const panel = (page) => region(page, 'Entities');
const article = (page) => page.getByRole('article');
const toolbar = (page) => page.getByRole('group', { name: 'Selected text' });

async function openSection(page, name) {
  const toggle = region(page, name).locator('.section-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await region(page, name).locator('.section-body').waitFor();
}

/** Selects the first occurrence of `text` in the article's passages, as a reader dragging over it would. */
async function selectText(page, text) {
  const found = await page.evaluate((wanted) => {
    for (const p of document.querySelectorAll('article .passage')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, all.length]);
        all += n.data;
      }
      const at = all.indexOf(wanted);
      if (at < 0) continue;
      const locate = (offset, end) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          const [n, start] = nodes[i];
          if (end ? start < offset : start <= offset) return [n, offset - start];
        }
        return null;
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + wanted.length, true));
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return true;
    }
    return false;
  }, text);
  assert.ok(found, `"${text}" is in the article`);
  await toolbar(page).waitFor();
}

/** Clicks an export button and returns the downloaded file's text. */
async function grab(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return fs.readFileSync(await download.path(), 'utf8');
}

const entitiesCsv = (page) =>
  grab(page, page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Entities as CSV', exact: true }));

/** The panel entry of the entity named exactly `name`. */
const entry = (page, name) =>
  panel(page).locator('button.entity').filter({ has: page.locator('.entity-name', { hasText: new RegExp(`^${name}$`) }) });

async function count(page, name) {
  return Number(await entry(page, name).locator('.entity-count').innerText());
}

async function correct(page, name) {
  await panel(page).getByRole('button', { name: `Correct ${name}`, exact: true }).click();
  const form = page.getByRole('group', { name: `Correct ${name}`, exact: true });
  await form.waitFor();
  return form;
}

async function reload(page) {
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await article(page).waitFor();
}

test('a highlight and a note on passages stay over a reload, are edited, deleted with undo, and export as Markdown and Web Annotation JSON', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  // A highlight in green.
  await selectText(page, 'long-range missiles ATACMS');
  await toolbar(page).getByLabel('Color').selectOption('green');
  await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
  await toolbar(page).waitFor({ state: 'detached' });
  const hl = article(page).locator('span.hl');
  await hl.first().waitFor();
  assert.equal((await hl.allInnerTexts()).join(''), 'long-range missiles ATACMS');
  assert.equal(await hl.first().getAttribute('data-color'), 'green');
  // A note on an earlier passage (the list is in text order, not the order
  // made), from the keyboard: Tab right after selecting reaches the toolbar.
  await selectText(page, 'U.S. President Joe Biden');
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Highlight');
  await page.keyboard.press('Tab');
  await toolbar(page).getByLabel('Color').selectOption('pink');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Add note');
  await page.keyboard.press('Enter');
  const noteBox = toolbar(page).getByRole('textbox', { name: 'Note' });
  await noteBox.waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.keyboard.type('Who decided <b>this</b>?');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Save note');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new Set([...document.querySelectorAll('article span.hl')].map((e) => e.dataset.highlight)).size === 2);

  await openSection(page, 'Notes');
  const notes = region(page, 'Notes');
  const listed = async () => (await notes.locator('li.note .note-jump').allInnerTexts()).map((t) => t.replace(/[\u201c\u201d]/g, ''));
  assert.deepEqual(await listed(), ['U.S. President Joe Biden', 'long-range missiles ATACMS']);
  // The note is text, never markup.
  assert.equal(await notes.locator('li.note .note-text').innerText(), 'Who decided <b>this</b>?');
  assert.equal(await notes.locator('li.note b').count(), 0);

  // Kept over a reload.
  await reload(page);
  await page.waitForFunction(() => new Set([...document.querySelectorAll('article span.hl')].map((e) => e.dataset.highlight)).size === 2);
  await openSection(page, 'Notes');
  assert.deepEqual(await listed(), ['U.S. President Joe Biden', 'long-range missiles ATACMS']);

  // Edit the note, then delete the highlight and undo.
  await notes.getByRole('button', { name: /^Edit note on .U\.S\. President/ }).click();
  await notes.getByRole('textbox', { name: 'Note' }).fill('Biden authorized the strikes.');
  await notes.getByRole('button', { name: 'Save note' }).click();
  await notes.locator('.note-text', { hasText: 'Biden authorized the strikes.' }).waitFor();
  await notes.getByRole('button', { name: /^Delete highlight .long-range/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('article span.hl[data-color="green"]').length === 0);
  assert.deepEqual(await listed(), ['U.S. President Joe Biden']);
  await notes.getByRole('button', { name: 'Undo' }).click();
  await article(page).locator('span.hl[data-color="green"]').first().waitFor();
  assert.deepEqual(await listed(), ['U.S. President Joe Biden', 'long-range missiles ATACMS']);

  // The exports.
  const md = await grab(page, notes.getByRole('button', { name: 'Export notes as Markdown' }));
  assert.ok(md.startsWith('# Notes: U.S. President Joe Biden'), md.slice(0, 80));
  const a = md.indexOf('> U.S. President Joe Biden');
  const b = md.indexOf('> long-range missiles ATACMS');
  assert.ok(a > 0 && b > a, 'both passages, in text order');
  assert.ok(md.includes('Biden authorized the strikes.'));
  assert.ok(md.includes('**Pink** · Biden authorized the strikes.'));
  assert.ok(md.includes('**Green**'));
  const json = JSON.parse(await grab(page, notes.getByRole('button', { name: 'Export notes as W3C Web Annotation JSON' })));
  assert.equal(json.type, 'AnnotationCollection');
  assert.equal(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(json.total, 2);
  const items = json.first.items;
  const quotes = items.map((i) => i.target.selector.find((s) => s.type === 'TextQuoteSelector').exact);
  assert.deepEqual(quotes, ['U.S. President Joe Biden', 'long-range missiles ATACMS']);
  const position = items[1].target.selector.find((s) => s.type === 'TextPositionSelector');
  assert.equal(position.end - position.start, 'long-range missiles ATACMS'.length);
  assert.equal(items[0].motivation, 'commenting');
  assert.equal(items[0].body.value, 'Biden authorized the strikes.');
  assert.equal(items[1].motivation, 'highlighting');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Not an entity", "Merge into…" and "Add entity" change the panel, the marks and the CSV, and stay over a reload', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const marks = (id) => article(page).locator(`.mention[data-entity-id="${id}"]`).count();
  const idOf = (name) => entry(page, name).getAttribute('data-entity-id');
  const csvNames = async () => (await entitiesCsv(page)).trim().split('\n').slice(1).map((l) => l.match(/^"((?:[^"]|"")*)"/)?.[1]);

  // Not an entity.
  await entry(page, 'Donald Trump').waitFor();
  const trump = await idOf('Donald Trump');
  assert.ok((await marks(trump)) > 0);
  assert.ok((await csvNames()).includes('Donald Trump'));
  await (await correct(page, 'Donald Trump')).getByRole('button', { name: 'Not an entity' }).click();
  await entry(page, 'Donald Trump').waitFor({ state: 'detached' });
  assert.equal(await marks(trump), 0);
  assert.ok(!(await csvNames()).includes('Donald Trump'));

  // Merge into: Kursk's mentions join Ukraine's.
  const [kursk, ukraine] = [await count(page, 'Kursk'), await count(page, 'Ukraine')];
  const kurskId = await idOf('Kursk');
  const ukraineId = await idOf('Ukraine');
  const form = await correct(page, 'Kursk');
  await form.getByLabel('Merge into…').selectOption(ukraineId);
  await form.getByRole('button', { name: 'Merge', exact: true }).click();
  await entry(page, 'Kursk').waitFor({ state: 'detached' });
  assert.equal(await count(page, 'Ukraine'), kursk + ukraine);
  assert.equal(await marks(kurskId), 0);
  assert.equal(await article(page).locator('.mention', { hasText: /^Kursk$/ }).first().getAttribute('data-entity-id'), ukraineId);
  const csv = await entitiesCsv(page);
  assert.ok(!csv.split('\n').some((l) => l.startsWith('"Kursk",')));
  const ukraineRow = csv.split('\n').find((l) => l.startsWith('"Ukraine",'));
  assert.match(ukraineRow, new RegExp(`,${kursk + ukraine},\\d+$`));

  // Add entity: every occurrence of the selected name becomes a mention.
  const occurrences = (await article(page).innerText()).split('long-range missiles').length - 1;
  assert.ok(occurrences >= 2);
  await selectText(page, 'long-range missiles');
  await toolbar(page).getByRole('button', { name: 'Add entity…' }).click();
  await toolbar(page).getByLabel('Entity type').selectOption('other');
  await toolbar(page).getByRole('button', { name: 'Add entity', exact: true }).click();
  await entry(page, 'long-range missiles').waitFor();
  assert.equal(await count(page, 'long-range missiles'), occurrences);
  const added = await idOf('long-range missiles');
  assert.equal(await marks(added), occurrences);
  assert.ok((await csvNames()).includes('long-range missiles'));

  // The corrections are listed, and all of it stays over a reload.
  await openSection(page, 'Corrections');
  assert.equal(await region(page, 'Corrections').locator('li.fix').count(), 3);
  await reload(page);
  await entry(page, 'long-range missiles').waitFor();
  assert.equal(await entry(page, 'Donald Trump').count(), 0);
  assert.equal(await entry(page, 'Kursk').count(), 0);
  assert.equal(await count(page, 'Ukraine'), kursk + ukraine);
  assert.equal(await marks(added), occurrences);
  const names = await csvNames();
  assert.ok(names.includes('long-range missiles') && !names.includes('Donald Trump') && !names.includes('Kursk'));

  // Undo puts an entity back.
  await openSection(page, 'Corrections');
  await region(page, 'Corrections').getByRole('button', { name: /^Undo: .*Donald Trump/ }).click();
  await entry(page, 'Donald Trump').waitFor();
  assert.ok((await marks(trump)) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an entity added for all articles (the personal dictionary) is found in a newly pasted text', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await selectText(page, 'Officials');
  await toolbar(page).getByRole('button', { name: 'Add entity…' }).click();
  await toolbar(page).getByLabel('Entity type').selectOption('group');
  await toolbar(page).getByLabel('Apply to').selectOption('all');
  await toolbar(page).getByRole('button', { name: 'Add entity', exact: true }).click();
  await entry(page, 'Officials').waitFor();

  await page.getByRole('textbox', { name: 'Paste article text' }).fill(
    'Officials in Lisbon met on Monday to plan the parade.\nOfficials said it would take place again next year.',
  );
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.locator('h1', { hasText: 'Officials in Lisbon met' }).waitFor();
  await entry(page, 'Officials').waitFor({ timeout: 20000 });
  assert.equal(await count(page, 'Officials'), 2);
  assert.equal(await article(page).locator('.mention[data-entity-type="group"]', { hasText: /^Officials$/ }).count(), 2);
  assert.ok((await entitiesCsv(page)).split('\n').some((l) => l.startsWith('"Officials",group,')));
  // And still after a reload (the pasted text stays open).
  await reload(page);
  await entry(page, 'Officials').waitFor({ timeout: 20000 });
  assert.equal(await count(page, 'Officials'), 2);
  await openSection(page, 'Corrections');
  await region(page, 'Corrections').locator('li.fix[data-scope="all articles"]').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
