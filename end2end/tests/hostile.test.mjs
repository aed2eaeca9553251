// Hostile input through every path the app reads text from: the file
// input, the paste box and the URL. Nothing may run (no dialog, no global
// set by the payload, no request leaving the page), text is shown literally
// where it is text, bad files get a clear message, and the app stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newPage, openApp, passageTexts, withoutBlockedInline, useApp } from '../support/harness.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'hostile');
const app = useApp();

// file → what the article must show (a literal substring), or the message expected instead.
const cases = [
  ['script.html', { shows: 'Hello world from a page with a script.' }],
  ['event-handlers.html', { shows: 'Click this paragraph about Berlin.' }],
  ['svg-script.html', { shows: 'After the drawing, Paris.' }],
  ['css-expression.html', { shows: 'Styled text stays text.' }],
  ['comments-cdata.html', { shows: 'Visible paragraph.' }],
  ['unbalanced.html', { shows: 'Next paragraph' }],
  ['entity-bomb.html', { shows: '<b>literal</b>' }],
  ['markup-in-text.txt', { shows: '<script>window.__pwned="txt";alert(1)</script>' }],
  ['markdown-html.md', { shows: 'after the image.' }],
  ['bidi.txt', { shows: 'isolated' }],
  ['zero-width-combining.txt', { shows: 'Café.' }],
  ['emoji.txt', { shows: '\u{1F680} Rockets launched from Kharkiv.' }],
  ['controls.txt', { shows: 'Windows line endings.' }],
  ['utf16-lone-surrogate.txt', { shows: '\uFFFD after a lone surrogate.', note: 'could not be read' }],
  ['utf16be.txt', { shows: 'Big-endian text about Odesa.' }],
  ['invalid-utf8.txt', { shows: 'and valid text after.', note: 'could not be read as UTF-8' }],
  ['empty.txt', { refused: 'is empty' }],
  ['png-as.txt', { refused: 'does not look like a text file' }],
  ['zip-as.txt', { refused: 'does not look like a text file' }],
];

async function assertSafeAndUsable(page, problems) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  assert.deepEqual(withoutBlockedInline(problems), []);
  // Still usable: search answers.
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('zzzzqqq');
  await page.getByRole('status').filter({ hasText: 'No matches' }).waitFor();
  await box.fill('');
}

for (const [file, expect] of cases) {
  test(`file input: ${file}`, async () => {
    const { page, problems, context } = await newPage(app.browser, app.srv.origin);
    await openApp(page, app.srv.base);
    await page.getByLabel('Open article').setInputFiles(path.join(dir, file));
    if (expect.refused) {
      await page.getByRole('note').filter({ hasText: expect.refused }).waitFor();
    } else {
      await page.waitForFunction(
        (s) => [...document.querySelectorAll('article p.passage')].some((p) => p.textContent.includes(s)),
        expect.shows,
        { timeout: 10000 },
      );
      if (expect.note) await page.getByRole('note').filter({ hasText: expect.note }).waitFor();
    }
    await assertSafeAndUsable(page, problems);
    await context.close();
  });
}

test('paste: every text payload is shown literally or parsed inertly', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const box = page.getByRole('textbox', { name: 'Paste article text' });
  for (const [file, expect] of cases) {
    if (expect.refused || !/\.(txt|md|html)$/.test(file) || file.startsWith('utf16') || file === 'invalid-utf8.txt') continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    await box.fill(text);
    await page.getByRole('button', { name: 'Open pasted text' }).click();
    // Pasted HTML documents are parsed like files; anything else is text.
    const needle = /^<(!DOCTYPE|html)/i.test(text.trimStart()) ? expect.shows : text.split('\n')[0].replace(/\0/g, '').slice(0, 30);
    await page.waitForFunction(
      (s) => [...document.querySelectorAll('article p.passage')].some((p) => p.textContent.includes(s)) ||
        [...document.querySelectorAll('[role=note]')].some((n) => n.textContent.includes('already in your library')),
      needle.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''),
      { timeout: 10000 },
    );
  }
  await assertSafeAndUsable(page, problems);
  await context.close();
});

test('URL: hostile and malformed values give a working default view', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const payload = '<script>window.__pwned="url"</script><img src=x onerror=alert(1)>';
  await openApp(page, app.srv.base, `q=${encodeURIComponent(payload)}&article=%3Csvg%20onload%3Dalert(1)%3E&e=${'x'.repeat(3000)}&hide=%FF%FE&sort=%E0%A4%A`);
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), payload);
  await page.getByRole('status').filter({ hasText: 'No matches' }).waitFor();
  assert.ok((await passageTexts(page)).length > 0);
  await assertSafeAndUsable(page, problems);
  await page.goto(app.srv.base + '?q=%FF%FE%FD&only=%00&' + 'k'.repeat(4000) + '=1');
  await page.waitForSelector('html[data-ready="true"]');
  assert.ok((await passageTexts(page)).length > 0);
  await assertSafeAndUsable(page, problems);
  await context.close();
});

test('a 1 MB single line and a 100,000-paragraph file open and stay usable', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-hostile-'));
  const words = ['Kyiv', 'river', 'bridge', 'market', 'Anna', 'morning', 'council', 'road'];
  let line = '';
  for (let i = 0; line.length < 1_000_000; i++) line += words[i % words.length] + (i % 13 === 12 ? '. ' : ' ');
  fs.writeFileSync(path.join(tmp, 'one-line.txt'), line);
  const paras = [];
  for (let i = 0; i < 100_000; i++) paras.push(`Line ${i}.`);
  fs.writeFileSync(path.join(tmp, 'many-paragraphs.txt'), paras.join('\n\n'));
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByLabel('Open article').setInputFiles(path.join(tmp, 'one-line.txt'));
  await page.locator('h1', { hasText: 'Kyiv river bridge' }).waitFor({ timeout: 60000 });
  // A text without paragraph breaks is read in passages of at most 4 KB,
  // cut at sentence ends, a few rendered at a time.
  const shown = await page.locator('article p.passage').allTextContents();
  assert.ok(shown.length > 1 && shown.length <= 16, `${shown.length} passages rendered`);
  assert.ok(shown.every((t) => new TextEncoder().encode(t).length <= 4096), 'each passage at most 4 KB');
  assert.ok(shown.every((t) => /\.$/.test(t.trim())), 'cut at sentence ends');
  await page.getByLabel('Open article').setInputFiles(path.join(tmp, 'many-paragraphs.txt'));
  await page.locator('h1', { hasText: 'Line 0' }).waitFor({ timeout: 60000 });
  // Rendered incrementally, yet search covers the whole text.
  assert.ok((await page.locator('article p.passage').count()) < 1000);
  await page.getByRole('searchbox', { name: 'Search' }).fill('"line 99999"');
  await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor({ timeout: 20000 });
  // The render window moves to the match at the end of the text; on a
  // loaded CI machine that took over the default 30 s once.
  await page.locator('mark[aria-current="true"]').waitFor({ timeout: 60000 });
  assert.deepEqual(problems, []);
  await context.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a file over the size limit is refused with a message that explains it', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-huge-'));
  const file = path.join(tmp, 'huge.txt');
  fs.writeFileSync(file, Buffer.alloc(51 * 1024 * 1024, 'a'));
  await page.getByLabel('Open article').setInputFiles(file);
  fs.rmSync(tmp, { recursive: true, force: true });
  await page.getByRole('note').filter({ hasText: 'opens files up to 50 MB' }).waitFor({ timeout: 30000 });
  await assertSafeAndUsable(page, problems);
  await context.close();
});
