// Seeing the article's structure at a glance: the position map beside the
// text, the co-occurrence network, the entity card and the dispersion plots
// of selected entities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, readSeed, seedFiles, waitForStatus, useApp, fold, words } from '../support/harness.mjs';

const seed = readSeed(seedFiles()[0]);
const app = useApp();

const panel = (page) => page.getByRole('region', { name: 'Entities' });
const entityButton = (page, type, name) =>
  panel(page).locator(`button[data-entity-type="${type}"]`).filter({ hasText: new RegExp(`^\\s*${name}`) }).first();
const countOf = async (button) => Number((await button.locator('.entity-count').innerText()).trim());
const sumCounts = (locator) =>
  locator.evaluateAll((els) => els.reduce((n, el) => n + Number(el.dataset.count || 0), 0));

test('the position map has one tick per match and a click on a tick makes it current', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  // Count the matches of "missile" the way the app stems and folds it.
  const expected = words(seed.body).filter((w) => /^missiles?$/.test(fold(w))).length;
  assert.ok(expected >= 3, 'the seed talks about missiles');
  await page.getByRole('searchbox', { name: 'Search' }).fill('missile');
  await waitForStatus(page, (t) => t === `1 of ${expected}`);
  const ticks = page.locator('.position-map .tick-match');
  assert.equal(await ticks.count(), expected);
  assert.equal(await sumCounts(ticks), expected);
  // Ticks go down the strip in text order.
  const tops = await ticks.evaluateAll((els) => els.map((e) => parseFloat(e.style.top)));
  assert.deepEqual([...tops].sort((a, b) => a - b), tops);
  assert.ok(tops[0] >= 0 && tops.at(-1) <= 100);
  // The current match's tick is marked; clicking the last tick jumps there.
  assert.equal(await page.locator('.position-map .tick-match.current').getAttribute('data-first'), '0');
  await ticks.last().click();
  await waitForStatus(page, (t) => t === `${expected} of ${expected}`);
  assert.equal(await page.locator('mark[aria-current="true"]').getAttribute('data-match'), String(expected - 1));
  assert.equal(await page.locator('.position-map .tick-match.current').getAttribute('data-first'), String(expected - 1));
  await page.waitForFunction(() => {
    const r = document.querySelector('mark[aria-current="true"]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  // The part of the text in view is shaded on the strip.
  assert.equal(await page.locator('.position-map .map-window').count(), 1);
  // No query, no match ticks.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.waitForFunction(() => document.querySelectorAll('.position-map .tick-match').length === 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('selected entities get mention ticks and a dispersion plot with one mark per mention', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const biden = entityButton(page, 'person', 'Joe Biden');
  const russia = entityButton(page, 'place', 'Russia');
  const bidenCount = await countOf(biden);
  const russiaCount = await countOf(russia);
  const bidenId = await biden.getAttribute('data-entity-id');
  await biden.click();
  const plot = page.locator(`.dispersion[data-entity-id="${bidenId}"]`);
  await plot.waitFor();
  assert.equal(await plot.locator('.dispersion-mark').count(), bidenCount);
  assert.equal(await sumCounts(page.locator('.position-map .tick-mention')), bidenCount);
  assert.match(await plot.locator('svg').getAttribute('aria-label'), new RegExp(`^Joe Biden: ${bidenCount} mentions`));
  // Marks run from the start of the text to the end in mention order.
  const xs = await plot.locator('.dispersion-mark').evaluateAll((els) => els.map((e) => Number(e.getAttribute('x'))));
  assert.deepEqual([...xs].sort((a, b) => a - b), xs);
  // A second entity adds its own plot; the ticks add up.
  await russia.click();
  await page.waitForFunction(() => document.querySelectorAll('.dispersion').length === 2);
  const russiaId = await russia.getAttribute('data-entity-id');
  assert.equal(await page.locator(`.dispersion[data-entity-id="${russiaId}"] .dispersion-mark`).count(), russiaCount);
  assert.equal(await sumCounts(page.locator('.position-map .tick-mention')), bidenCount + russiaCount);
  // Clicking the last Biden mark brings a passage mentioning him into view.
  await russia.click();
  await plot.locator('.dispersion-mark').last().click();
  const jumped = page.locator('p.passage.jumped');
  await jumped.waitFor();
  assert.equal(await jumped.locator(`[data-entity-id="${bidenId}"]`).count() > 0, true);
  // Clearing the filter removes the plots and the mention ticks.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => !document.querySelector('.dispersion') && !document.querySelector('.tick-mention'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the network shows the main entities, a node click filters and an edge click shows both', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByRole('button', { name: 'Who appears with whom' }).click();
  const graph = page.locator('svg.network-graph');
  await graph.waitFor();
  const nodeNames = await graph.locator('.node text').allTextContents();
  for (const name of ['Joe Biden', 'Ukraine', 'Russia', 'ATACMS']) {
    assert.ok(nodeNames.includes(name), `${name} is a node (nodes: ${nodeNames.join(', ')})`);
  }
  // Dates and quantities are not nodes; node sizes follow mentions.
  assert.equal(await graph.locator('.node[data-entity-type="date"], .node[data-entity-type="quantity"]').count(), 0);
  const sized = await graph.locator('.node').evaluateAll((els) =>
    els.map((g) => [Number(g.dataset.mentions), Number(g.querySelector('circle').getAttribute('r'))]),
  );
  for (const [m1, r1] of sized) for (const [m2, r2] of sized) if (m1 > m2) assert.ok(r1 > r2);
  assert.match(page.url(), /[?&]net=1/);

  // A node click filters the article by that entity.
  const ukraine = graph.locator('.node').filter({ has: page.locator('text', { hasText: /^Ukraine$/ }) });
  const ukraineId = await ukraine.getAttribute('data-entity-id');
  await ukraine.locator('circle').click();
  await page.waitForFunction(() => document.querySelector('.filter-bar'));
  assert.equal(await ukraine.getAttribute('aria-pressed'), 'true');
  const passages = page.locator('article p.passage');
  for (const p of await passages.all()) {
    assert.ok((await p.locator(`[data-entity-id="${ukraineId}"]`).count()) > 0);
  }

  // An edge click shows the passages where both of its entities appear.
  const edge = graph.locator('.edge').first();
  const [a, b] = [await edge.getAttribute('data-a'), await edge.getAttribute('data-b')];
  await edge.dispatchEvent('click');
  await page.waitForFunction(([a, b]) => {
    const chips = [...document.querySelectorAll('.filter-bar .chip')];
    return chips.length === 2;
  }, [a, b]);
  const shown = await passages.all();
  assert.ok(shown.length > 0);
  for (const p of shown) {
    assert.ok((await p.locator(`[data-entity-id="${a}"]`).count()) > 0, `passage mentions ${a}`);
    assert.ok((await p.locator(`[data-entity-id="${b}"]`).count()) > 0, `passage mentions ${b}`);
  }

  // The layout is the same after a reload of the same link.
  const layout = () => graph.locator('.node').evaluateAll((els) => els.map((g) => `${g.dataset.entityId}@${g.getAttribute('transform')}`));
  const before = await layout();
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await graph.waitFor();
  assert.deepEqual(await layout(), before);

  // Fewer entities with the slider; a threshold drops weak links.
  const edgesAt1 = await graph.locator('.edge').count();
  await page.locator('input.network-min').fill('2');
  await page.waitForFunction((n) => document.querySelectorAll('svg.network-graph .edge').length < n, edgesAt1);
  const counts = await graph.locator('.edge').evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
  assert.ok(counts.every((c) => c >= 2));
  await page.locator('input.network-top').fill('5');
  await page.waitForFunction(() => document.querySelectorAll('svg.network-graph .node').length === 5);
  assert.match(page.url(), /[?&]top=5/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('network nodes are reachable and operable by keyboard', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base, 'net=1');
  const first = page.locator('svg.network-graph .node').first();
  await first.waitFor();
  await first.focus();
  await page.keyboard.press('Enter');
  assert.equal(await first.getAttribute('aria-pressed'), 'true');
  // Focus shows the entity's card.
  await page.locator('#entity-card').waitFor();
  const id = await first.getAttribute('data-entity-id');
  assert.match(page.url(), new RegExp(`[?&]e=${id}`));
  await page.keyboard.press('Space');
  assert.equal(await first.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the entity card shows name, type, aliases, count, first mention and country', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const card = page.locator('#entity-card');
  // Hovering a mention in the text.
  const biden = entityButton(page, 'person', 'Joe Biden');
  const bidenId = await biden.getAttribute('data-entity-id');
  const bidenCount = await countOf(biden);
  await page.locator(`article [data-entity-id="${bidenId}"]`).first().hover();
  await card.waitFor();
  assert.equal((await card.locator('.card-name').innerText()).trim(), 'Joe Biden');
  assert.equal(await card.locator('.card-kind').innerText(), 'Person');
  assert.equal(await card.locator('.card-mentions').innerText(), `${bidenCount} mentions`);
  assert.match(await card.locator('.card-aliases').innerText(), /\bBiden\b/);
  // The first mention, in its sentence, as the article has it.
  const context1 = (await card.locator('.card-context').innerText()).replace(/^First mention:\s*/, '');
  const sentence = context1.replace(/…/g, '').trim();
  assert.ok(seed.body.replace(/\s+/g, ' ').includes(sentence), `"${sentence}" is in the article`);
  assert.equal(await card.locator('.card-context strong').innerText(), seed.body.match(/\b(?:Joe )?Biden\b/)[0]);
  // Escape hides it.
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });

  // Focusing panel entries: a city knows its country, a country says so, a group its country.
  const cases = [
    ['place', 'Kursk', /^In Russia$/],
    ['place', 'Ukraine', /^A country$/],
    ['group', 'North Korean', /^In North Korea$/],
  ];
  for (const [type, name, country] of cases) {
    const button = entityButton(page, type, name);
    await button.focus();
    await page.waitForFunction((n) => document.querySelector('#entity-card .card-name')?.textContent.trim() === n, name);
    assert.match(await card.locator('.card-country').innerText(), country, name);
    assert.equal(await button.getAttribute('aria-describedby'), 'entity-card');
  }
  // A person has no country line.
  await biden.focus();
  await page.waitForFunction(() => document.querySelector('#entity-card .card-name')?.textContent.trim() === 'Joe Biden');
  assert.equal(await card.locator('.card-country').count(), 0);
  // Article text in the card is text, never markup.
  assert.equal(await card.locator('script, img, a').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
