// Work done at build time: the published articles arrive analysed (the
// default one inside index.html), so the first view fetches neither the
// analyser worker (the entity model) nor any article file; a reader's own
// text gets its entities once the worker has loaded, online or, after one
// visit, offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, newPage, openApp, readSeed, seedFiles, startServer, useApp, waitForStatus } from '../support/harness.mjs';

const app = useApp();

/** The paths the page itself requested (not its service worker). */
function pageRequests(page, origin) {
  const seen = [];
  page.on('request', (r) => seen.push(r.url().replace(origin, '')));
  return seen;
}

const isModel = (u) => /\/analyzer-[0-9a-f]+/.test(u);
const isRecord = (u) => /\/articles\/[^/]+\.bin$/.test(u);

test('the default article is searchable and filterable with no request for the model or an article file', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const requests = pageRequests(page, app.srv.origin);
  await openApp(page, app.srv.base);
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('missiles');
  await waitForStatus(page, (t) => /^1 of \d+$/.test(t));
  const panel = page.getByRole('region', { name: 'Entities' });
  const first = panel.locator('button.entity').first();
  const name = (await first.locator('.entity-name').innerText()).trim();
  await first.click();
  await page.getByRole('button', { name: new RegExp(name) }).first().waitFor();
  const shown = await page.getByRole('article').locator('p.passage').allInnerTexts();
  assert.ok(shown.length > 0);
  // Filtered passages all mention the entity (by its mark).
  const marked = await page.getByRole('article').locator('p.passage').evaluateAll(
    (ps, id) => ps.every((p) => p.querySelector(`[data-entity-id="${id}"]`)),
    await first.getAttribute('data-entity-id'),
  );
  assert.ok(marked);
  assert.deepEqual(requests.filter(isModel), [], `model requested: ${requests}`);
  assert.deepEqual(requests.filter(isRecord), [], `article file requested: ${requests}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every published article opens with its entities from the build, without the model', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const requests = pageRequests(page, app.srv.origin);
  await openApp(page, app.srv.base);
  const select = page.getByRole('combobox', { name: 'Article' });
  const options = await select.locator('option').allInnerTexts();
  assert.equal(options.length, seedFiles().length);
  for (const [i, file] of seedFiles().entries()) {
    await select.selectOption({ index: i });
    const seed = readSeed(file);
    await page.getByRole('article').getByText(seed.paragraphs[0].slice(0, 30)).first().waitFor();
    const entities = await page.getByRole('region', { name: 'Entities' }).locator('button.entity').count();
    assert.ok(entities > 0, `${file}: no entities`);
    // The library list shows the build's count for it.
    const item = page.getByRole('region', { name: 'Library' }).locator('li.lib-item').nth(i);
    assert.match(await item.innerText(), /\d+ entities/);
  }
  assert.deepEqual(requests.filter(isModel), [], `model requested: ${requests}`);
  assert.equal(requests.filter(isRecord).length, seedFiles().length - 1, 'each other article fetched once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a pasted text is shown at once and gets its entities when the model has loaded', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  const requests = pageRequests(page, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByRole('textbox', { name: 'Paste article text' }).fill(
    'Angela Merkel visited Warsaw on Tuesday. Merkel met officials of the European Commission there.',
  );
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.locator('h1', { hasText: 'Angela Merkel visited Warsaw' }).waitFor();
  const panel = page.getByRole('region', { name: 'Entities' });
  await panel.locator('button.entity', { hasText: 'Angela Merkel' }).waitFor({ timeout: 20000 });
  await panel.locator('button.entity', { hasText: 'Warsaw' }).waitFor();
  assert.ok(requests.some(isModel), 'the analyser was loaded');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after one visit, offline, a pasted text still gets its entities', async () => {
  const srv = await startServer();
  const { page, problems, context } = await newPage(app.browser, srv.origin);
  try {
    await openApp(page, srv.base);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
    await context.setOffline(true);
    srv.server.close();
    srv.server.closeAllConnections();
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    await page.getByRole('textbox', { name: 'Paste article text' }).fill('Olaf Scholz spoke in Berlin about Siemens.');
    await page.getByRole('button', { name: 'Open pasted text' }).click();
    const panel = page.getByRole('region', { name: 'Entities' });
    await panel.locator('button.entity', { hasText: 'Olaf Scholz' }).waitFor({ timeout: 20000 });
    await panel.locator('button.entity', { hasText: 'Berlin' }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    srv.server.close();
  }
});

test('the page wasm links no word lists or model; the analyser worker has them', () => {
  const files = fs.readdirSync(distDir);
  const page = files.find((f) => /^article-explorer-.*_bg\.wasm$/.test(f));
  const worker = files.find((f) => /^analyzer-.*_bg\.wasm$/.test(f));
  assert.ok(page && worker, `wasm files in ${files}`);
  const has = (file, needle) => fs.readFileSync(path.join(distDir, file)).includes(Buffer.from(needle));
  // A city of the place list and the model's magic bytes.
  for (const needle of ['Ouagadougou', 'NER5']) {
    assert.ok(!has(page, needle), `${needle} in the page wasm`);
    assert.ok(has(worker, needle), `${needle} missing from the worker wasm`);
  }
});
