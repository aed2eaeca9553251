// The hostile corpus (end2end/hostile/) through the seed-file path: the
// articles a publisher puts in seeds/ (read and analysed by the site build,
// first one pre-rendered into index.html (scripts/post-build.py). Built by
// scripts/build-hostile-seeds.sh into dist-hostile/ from dist-hostile-seeds/.
// Same expectations as hostile.test.mjs: nothing runs (no dialog, no global
// set by a payload, no request leaving the page, no CSP violation), text is
// shown literally (a .txt seed is text: its markup shows as text; a .md
// seed is converted like an opened file, its HTML dropped), bad files get
// a clear message, and the app stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newPage, passageTexts, repoRoot, useApp } from '../support/harness.mjs';

const dist = process.env.HOSTILE_DIST_DIR || path.join(repoRoot, 'dist-hostile');
const seedsDir = process.env.HOSTILE_SEEDS_DIR || path.join(repoRoot, 'dist-hostile-seeds');
const BUILD = 'scripts/build-hostile-seeds.sh';
const app = useApp({ dir: dist, build: BUILD });

// Seed file → what a passage must show literally (or the h1 for the big
// ones), an optional notice, or the reason it is left out.
const PWNED_TXT = '<script>window.__pwned="txt";alert(1)</script>';
const cases = {
  '000_markup-in-text.txt': { shows: `This plain text shows ${PWNED_TXT} and <img src=x onerror=alert(1)> literally.` },
  'bidi.txt': { shows: 'isolated' },
  'comments-cdata-html.txt': { shows: '<!-- <script>window.__pwned="comment"</script> hidden comment -->' },
  'controls.txt': { shows: 'Text with a NUL byte, a bell, an escape [31m sequence and a form feed in Vienna.' },
  'css-expression-html.txt': { shows: '<p style="color: expression(alert(1)); background-image: url(javascript:alert(1))">Styled text stays text.</p>' },
  'emoji.txt': { shows: '\u{1F680} Rockets launched from Kharkiv.' },
  'empty-<img src=x onerror=alert(1)>.txt': { leftOut: '“empty-<img src=x onerror=alert(1)>.txt” is empty.' },
  'empty.txt': { leftOut: '“empty.txt” is empty.' },
  'entity-bomb-html.txt': { shows: '<!DOCTYPE lolz [<!ENTITY lol "lol">' },
  'event-handlers-html.txt': { shows: `<img src="x" onerror="window.__pwned='onerror';alert(1)">` },
  'invalid-utf8.txt': { shows: 'Caf\uFFFD au lait in Qu\uFFFDbec \uFFFD\uFFFD and valid text after.', note: '“invalid-utf8.txt”: 4 characters in this file could not be read as UTF-8' },
  // Markdown is converted like an opened file: its raw HTML is dropped.
  'markdown-html.md': { shows: 'after the image.' },
  'png-as.txt': { leftOut: '“png-as.txt” does not look like a text file' },
  'script-html.txt': { shows: '<script>window.__pwned="script";alert("script")</script>' },
  'svg-script-html.txt': { shows: `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='svg'">` },
  'unbalanced-html.txt': { shows: '<html><body><div><p>Open <b>bold <i>both</p></div></span></td>' },
  'utf16-lone-surrogate.txt': { shows: 'Hello from Lviv \uFFFD after a lone surrogate.', note: '“utf16-lone-surrogate.txt”: 1 character in this file could not be read as UTF-16LE' },
  'utf16be.txt': { shows: 'Big-endian text about Odesa.' },
  'zero-width-combining.txt': { shows: 'Cafe\u0301 means Café.' },
  'zip-as.txt': { leftOut: '“zip-as.txt” does not look like a text file' },
  'zz-big-many-paragraphs.txt': { title: 'Line 0', big: true },
  'zz-big-one-line.txt': { title: 'Kyiv river bridge', big: true },
};

/** The URL id the app gives a seed file (document::id_from_file_name). */
function idOf(file) {
  const stem = file.lastIndexOf('.') > 0 ? file.slice(0, file.lastIndexOf('.')) : file;
  return stem.replace(/[^A-Za-z0-9_-]/g, '-') || 'article';
}

function seedFilesOfBuild() {
  if (!fs.existsSync(seedsDir)) {
    throw new Error(`No hostile seeds folder at ${seedsDir}: run \`${BUILD}\` first (scripts/test.sh does).`);
  }
  return fs.readdirSync(seedsDir).filter((f) => /\.(txt|md)$/i.test(f) && !f.startsWith('.')).sort();
}

const LEFT_OUT_NOTE = /published articles were left out/;

/**
 * Opens the app (served, or with `fromDisk` the one file through file://),
 * recording CSP violations, and waits until it is ready.
 */
async function open(query, { fromDisk = false } = {}) {
  const { page, problems, context } = await newPage(app.browser, fromDisk ? 'file://' : app.srv.origin);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const base = fromDisk ? pathToFileURL(path.join(dist, 'article-explorer.html')).href : app.srv.base;
  await page.goto(base + (query ? `?${query}` : ''));
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  await page.getByRole('article').waitFor();
  return { page, problems, context };
}

async function assertSafeAndUsable(page, problems) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
  // Nothing from a seed became an element: the article holds only the app's own.
  assert.equal(await page.locator('article script, article img, article svg, article iframe, article object, article math, article style, article a[href^="javascript"]').count(), 0);
  assert.deepEqual(problems, []);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('zzzzqqq');
  await page.getByRole('status').filter({ hasText: 'No matches' }).waitFor();
  await box.fill('');
}

test('the hostile seeds folder is the one the cases describe', () => {
  assert.deepEqual(seedFilesOfBuild(), Object.keys(cases).sort());
});

test('index.html (raw, before the wasm) carries the hostile first seed only as escaped text', async () => {
  const html = await (await fetch(app.srv.base)).text();
  const start = html.indexOf('<div id="prerender"');
  assert.ok(start > 0, 'the first seed is pre-rendered');
  const end = html.indexOf('</div></main></div></div>', start);
  assert.ok(end > start, 'the pre-render is closed where it should be');
  const pre = html.slice(start, end);
  const tags = [...pre.matchAll(/<\/?([a-zA-Z0-9!-]+)/g)].map((m) => m[1].toLowerCase());
  assert.deepEqual([...new Set(tags)].filter((t) => !['div', 'header', 'span', 'main', 'h1', 'p'].includes(t)), []);
  assert.ok(pre.includes('&lt;script&gt;window.__pwned=&quot;txt&quot;;alert(1)&lt;/script&gt;'), pre.slice(0, 800));
  assert.ok(pre.includes('&lt;img src=x onerror=alert(1)&gt;'));
  // The page's only scripts that run are Trunk's loader (pinned by hash in
  // the CSP); the boot data is an inert block of base64.
  const inline = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.ok(inline.length >= 1 && inline.every((s) => !/pwned|alert/.test(s)), inline.join('\n'));
  const runs = inline.filter((s) => !s.includes('type="application/octet-stream"'));
  assert.equal(runs.length, 1, 'only Trunk\'s loader script runs');
  assert.match(html, /<script type="application\/octet-stream" id="boot">[A-Za-z0-9+/=]+<\/script>/);
  assert.equal(html.slice(0, start).includes('pwned') || html.slice(end).includes('pwned'), false, 'no payload outside the pre-render');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'/);
});

test('without JavaScript the hostile first seed reads literally', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(app.srv.base);
  const shown = await page.locator('#prerender p.passage').allInnerTexts();
  assert.deepEqual(shown, [cases['000_markup-in-text.txt'].shows, 'A second line with <b>tags</b> & ampersands.']);
  // The title is the first sentence, shortened.
  assert.equal(await page.locator('#prerender h1').innerText(), `This plain text shows ${PWNED_TXT} and <img src=x\u2026`);
  assert.equal(await page.locator('#prerender script, #prerender img, #prerender b').count(), 0);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('the app starts on the hostile first seed, says which files it left out, and stays usable', async () => {
  const { page, problems, context } = await open('');
  assert.equal(await page.locator('#prerender').count(), 0);
  assert.deepEqual(await passageTexts(page), [cases['000_markup-in-text.txt'].shows, 'A second line with <b>tags</b> & ampersands.']);
  const note = page.getByRole('note').filter({ hasText: LEFT_OUT_NOTE });
  await note.waitFor();
  const text = await note.innerText();
  for (const c of Object.values(cases)) {
    for (const part of [c.leftOut, c.note].filter(Boolean)) assert.ok(text.includes(part), `${part} in ${text}`);
  }
  // The selector lists exactly the seeds that are shown, and switching works.
  const shownIds = seedFilesOfBuild().filter((f) => !cases[f].leftOut).map(idOf);
  const select = page.getByRole('combobox', { name: 'Article' });
  assert.deepEqual(await select.locator('option').evaluateAll((os) => os.map((o) => o.value)), shownIds);
  await select.selectOption(idOf('script-html.txt'));
  await page.waitForFunction((s) => [...document.querySelectorAll('article p.passage')].some((p) => p.textContent.includes(s)),
    cases['script-html.txt'].shows);
  await assertSafeAndUsable(page, problems);
  await context.close();
});

for (const fromDisk of [false, true]) {
  test(`every shown seed opens from the selector and reads literally; nothing runs${fromDisk ? ' (the one file, from disk: records from its boot data)' : ''}`, async () => {
    const { page, problems, context } = await open('', { fromDisk });
    const select = page.getByRole('combobox', { name: 'Article' });
    for (const [file, expect] of Object.entries(cases)) {
      if (expect.leftOut || expect.big) continue;
      await select.selectOption(idOf(file));
      await page.waitForFunction(
        (s) => [...document.querySelectorAll('article p.passage')].some((p) => p.textContent.includes(s)),
        expect.shows,
        { timeout: 10000 },
      ).catch(() => assert.fail(`${file}: no passage shows ${JSON.stringify(expect.shows)}`));
      // The URL names the article (the first one is the default, left out).
      assert.equal(new URL(page.url()).searchParams.get('article') ?? idOf('000_markup-in-text.txt'), idOf(file));
      await assertSafeAndUsable(page, problems);
    }
    await context.close();
  });
}

test('a link to a hostile seed opens it; a link to a left-out one falls back and says why', async () => {
  let { page, problems, context } = await open(`article=${idOf('event-handlers-html.txt')}`);
  await page.waitForFunction(
    (s) => [...document.querySelectorAll('article p.passage')].some((p) => p.textContent.includes(s)),
    cases['event-handlers-html.txt'].shows,
  );
  await assertSafeAndUsable(page, problems);
  await context.close();
  ({ page, problems, context } = await open(`article=${idOf('png-as.txt')}`));
  const note = page.getByRole('note').filter({ hasText: `The link names an article “${idOf('png-as.txt')}” that is not here` });
  await note.waitFor();
  assert.ok((await note.innerText()).includes(cases['png-as.txt'].leftOut));
  assert.equal((await passageTexts(page))[0], cases['000_markup-in-text.txt'].shows);
  await assertSafeAndUsable(page, problems);
  await context.close();
});

test('seed: a 1 MB single line and 100,000 paragraphs open and stay usable', async () => {
  const { page, problems, context } = await open(`article=${idOf('zz-big-one-line.txt')}`);
  // A big seed is analysed as the page starts (the library lists every seed's entity count).
  await page.locator('h1', { hasText: cases['zz-big-one-line.txt'].title }).waitFor({ timeout: 60000 });
  // A text without paragraph breaks is read in passages of at most 4 KB,
  // cut at sentence ends, a few rendered at a time.
  const shown = await page.locator('article p.passage').allTextContents();
  assert.ok(shown.length > 1 && shown.length <= 16, `${shown.length} passages rendered`);
  assert.ok(shown.every((t) => new TextEncoder().encode(t).length <= 4096), 'each passage at most 4 KB');
  assert.ok(shown.every((t) => /\.$/.test(t.trim())), 'cut at sentence ends');
  await page.getByRole('combobox', { name: 'Article' }).selectOption(idOf('zz-big-many-paragraphs.txt'));
  await page.locator('h1', { hasText: cases['zz-big-many-paragraphs.txt'].title }).waitFor({ timeout: 60000 });
  // Rendered incrementally, yet search covers the whole text.
  assert.ok((await page.locator('article p.passage').count()) < 1000);
  // As through the file input (hostile.test.mjs), a keystroke on a 100,000-paragraph
  // article waits for the page for tens of seconds on a loaded 2-core machine.
  await page.getByRole('searchbox', { name: 'Search' }).fill('"line 99999"', { timeout: 120000 });
  await page.getByRole('status').filter({ hasText: '1 of 1' }).waitFor({ timeout: 60000 });
  await page.locator('mark[aria-current="true"]').waitFor();
  await assertSafeAndUsable(page, problems);
  await context.close();
});
