// The seed article renders from a sub-folder, with its title, every
// paragraph, the article selector and no errors or outside requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, phone, readSeed, seedFiles, passageTexts, useApp } from '../support/harness.mjs';

const app = useApp();

test('the first seed opens by default with all its paragraphs', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const first = seedFiles()[0];
  const seed = readSeed(first);
  const shown = await passageTexts(page);
  assert.equal(shown.length, seed.paragraphs.length);
  for (let i = 0; i < shown.length; i++) {
    assert.equal(shown[i].replace(/\s+/g, ' ').trim(), seed.paragraphs[i].replace(/\s+/g, ' '));
  }
  const title = (await page.locator('h1').innerText()).trim();
  // Without front matter the title is the start of the first sentence.
  const expected = seed.meta.title || seed.paragraphs[0].slice(0, 40);
  assert.ok(title.startsWith(expected.slice(0, 40)), `title "${title}"`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the article selector lists every seed and switches articles', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const select = page.getByRole('combobox', { name: 'Article' });
  const options = await select.locator('option').allInnerTexts();
  const files = seedFiles();
  assert.equal(options.length, files.length);
  for (const f of files) {
    const seed = readSeed(f);
    if (seed.meta.title) assert.ok(options.includes(seed.meta.title), `missing "${seed.meta.title}"`);
  }
  if (files.length > 1) {
    const second = readSeed(files[1]);
    await select.selectOption({ index: 1 });
    await page.locator('h1', { hasText: second.meta.title || '' }).waitFor();
    const shown = await passageTexts(page);
    assert.equal(shown.length, second.paragraphs.length);
    assert.match(page.url(), /[?&]article=/);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app is readable on a phone-sized screen', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(375, 740));
  await openApp(page, app.srv.base);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page scrolls sideways: ${width}px`);
  // The article text starts on the first screen; the entity list waits
  // behind its button (tests/phone.test.mjs covers the rest).
  const top = await page.locator('article p.passage').first().evaluate((p) => p.getBoundingClientRect().top);
  assert.ok(top < 740, `the first paragraph starts at ${top}px`);
  assert.equal(await page.getByRole('region', { name: 'Entities' }).isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
