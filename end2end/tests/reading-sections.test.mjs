// Who said what, when, and how a word is used: the Quotes, Timeline and
// Concordance regions on the seed article and on a pasted article with a
// date, their links into the text, the speaker filter and the URL state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, passageTexts, useApp, waitForStatus } from '../support/harness.mjs';

const app = useApp();

const region = (page, name) => page.getByRole('region', { name });
async function openSection(page, name) {
  const toggle = region(page, name).locator('.section-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await region(page, name).locator('.section-body').waitFor();
}

test('Quotes on the seed: speakers with counts, a quote goes to its passage, a speaker filters to their quotes', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await openSection(page, 'Quotes');
  const quotes = region(page, 'Quotes');
  const items = quotes.locator('.quote-jump');
  const n = await items.count();
  assert.ok(n > 0, 'the seed has quotations');
  // The speakers' counts add up to the quotations listed.
  const counts = (await quotes.locator('.speaker .entity-count').allInnerTexts()).map(Number);
  assert.equal(counts.reduce((a, b) => a + b, 0), n);
  // Quotations are marked in the text.
  assert.ok((await page.getByRole('article').locator('.quoted').count()) > 0);
  // A quotation goes to its passage, which contains its words.
  const said = (await items.first().locator('.quote-text').innerText()).replace(/…$/, '').slice(0, 40);
  await items.first().click();
  const jumped = page.getByRole('article').locator('.passage.jumped');
  await jumped.waitFor();
  assert.ok((await jumped.innerText()).replace(/\s+/g, ' ').includes(said.replace(/\s+/g, ' ')));
  // A speaker shows only the passages quoting them, and the link keeps it.
  const speaker = quotes.locator('.speaker').first();
  const speakerCount = Number(await speaker.locator('.entity-count').innerText());
  await speaker.click();
  assert.equal(await speaker.getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: /^Quotes by / }).waitFor();
  const shown = await passageTexts(page);
  assert.ok(shown.length >= 1 && shown.length <= speakerCount, `${shown.length} passages for ${speakerCount} quotes`);
  assert.equal(await quotes.locator('.quote-jump').count(), speakerCount);
  const url = new URL(page.url());
  assert.ok(url.searchParams.get('say'), 'say= in the URL');
  assert.match(url.searchParams.get('show'), /quotes/);
  await page.goto(page.url());
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal((await passageTexts(page)).length, shown.length, 'the link restores the speaker filter');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a pasted dated article: quotes attributed, dates normalized against its date, durations apart', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base, 'show=quotes,timeline');
  const text = [
    '---',
    'title: Talks in Geneva',
    'date: 2024-11-17',
    '---',
    'On Friday, President Joe Biden met Olaf Scholz in Geneva. "We will stand with Ukraine for as long as it takes," Biden said.',
    'Scholz told reporters that the talks, which began in March, had lasted two months. "It was a long road," he said.',
  ].join('\n');
  await page.getByRole('textbox', { name: 'Paste article text' }).fill(text);
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.locator('h1', { hasText: 'Talks in Geneva' }).waitFor();
  const quotes = region(page, 'Quotes');
  await quotes.locator('.speaker', { hasText: 'Joe Biden' }).waitFor({ timeout: 20000 });
  assert.equal(await quotes.locator('.speaker', { hasText: 'Joe Biden' }).locator('.entity-count').innerText(), '1');
  await quotes.locator('.speaker', { hasText: 'Olaf Scholz' }).waitFor();
  const timeline = region(page, 'Timeline');
  await timeline.getByText('2024-11-17').first().waitFor();
  // "On Friday" in an article dated Sunday 17 November 2024 is the 15th.
  await timeline.locator('time[datetime="2024-11-15"]').waitFor();
  assert.ok(await timeline.locator('time[datetime="2024-03"]').count() >= 1, '"in March" is March 2024');
  // "two months" is a duration, not a point.
  const durations = timeline.locator('h3', { hasText: 'Durations' });
  await durations.waitFor();
  assert.ok((await timeline.locator('.time-said', { hasText: 'two months' }).count()) >= 1);
  assert.equal(await timeline.locator('time', { hasText: /P2M/ }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the concordance: one line per match, sortable, each going to its place, exported as CSV', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByRole('searchbox', { name: 'Search' }).fill('missiles');
  const status = await waitForStatus(page, (t) => /^1 of \d+$/.test(t));
  const total = Number(status.split(' of ')[1]);
  await openSection(page, 'Concordance');
  const kwic = region(page, 'Concordance');
  const lines = kwic.locator('.kwic-line');
  assert.equal(await lines.count(), total);
  for (const hit of await kwic.locator('.kwic-hit').allInnerTexts()) assert.match(hit, /missile/i);
  // Sorted by the words before: the left contexts' last words are in order.
  await kwic.getByRole('combobox').selectOption('left');
  const lastWords = (await kwic.locator('.kwic-left').allInnerTexts()).map((t) => (t.trim().split(/\s+/).pop() || '').toLowerCase());
  const sorted = [...lastWords].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  assert.deepEqual(lastWords.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')), sorted.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')));
  assert.equal(new URL(page.url()).searchParams.get('kwic'), 'left');
  // A line goes to its passage.
  await lines.nth(1).click();
  await page.getByRole('article').locator('.passage.jumped').waitFor();
  // The CSV has a header and one row per line.
  const [download] = await Promise.all([page.waitForEvent('download'), kwic.getByRole('button', { name: 'Export concordance as CSV' }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const rows = Buffer.concat(csv).toString('utf8').trim().split('\n');
  assert.equal(rows.length, total + 1);
  // Choosing an entity instead of a query lists its mentions.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  const entity = region(page, 'Entities').locator('button.entity').first();
  const mentions = Number(await entity.locator('.entity-count').innerText());
  await entity.click();
  await kwic.locator('.kwic-line').first().waitFor();
  assert.equal(await kwic.locator('.kwic-line').count(), mentions);
  assert.deepEqual(problems, []);
  await context.close();
});
