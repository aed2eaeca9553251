// Phones and tablets (touch screens): the article comes first and nothing
// covers it, the page never scrolls sideways, the entities open in a sheet
// from a button that says how many there are and which filter, taps do what
// hovers and clicks do on a desktop, and axe finds nothing serious at each
// size in either theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, phone, useApp, waitForStatus, readSeed, seedFiles, fold, words } from '../support/harness.mjs';
import { audit } from '../support/axe.mjs';

const app = useApp();
const seed = readSeed(seedFiles()[0]);
const missiles = words(seed.body).filter((w) => /^missiles?$/.test(fold(w))).length;

// [name, width, height]
const sizes = [
  ['360×640 phone', 360, 640],
  ['390×844 phone', 390, 844],
  ['844×390 phone in landscape', 844, 390],
  ['768×1024 tablet', 768, 1024],
];

/**
 * Whether the element matching `selector` is on screen, and the points of
 * its visible part where something else is on top of it.
 */
async function coverage(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return { visible: false, covered: [`no ${sel}`] };
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    const left = Math.max(r.left, 0);
    const right = Math.min(r.right, innerWidth);
    if (bottom - top < 8 || right - left < 8) return { visible: false, covered: [] };
    const covered = [];
    for (const fy of [0.05, 0.5, 0.95]) {
      for (const fx of [0.02, 0.5, 0.98]) {
        const x = left + (right - left) * fx;
        const y = top + (bottom - top) * fy;
        const hit = document.elementFromPoint(x, y);
        if (!hit || !el.contains(hit)) {
          covered.push(`(${Math.round(x)}, ${Math.round(y)}) is under ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`);
        }
      }
    }
    return { visible: true, covered };
  }, selector);
}

async function assertReadable(page, selector, when) {
  const c = await coverage(page, selector);
  assert.ok(c.visible, `${selector} is on screen ${when}`);
  assert.deepEqual(c.covered, [], `${selector} is not covered ${when}`);
}

/** Scrolls the first passage to the middle of the screen: it must be readable there. */
async function firstPassageReadable(page, when) {
  await page.evaluate(() => document.querySelector('article p.passage').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(50);
  await assertReadable(page, 'article p.passage', when);
  await noSidewaysScroll(page, when);
}

async function noSidewaysScroll(page, when) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= width, `the page scrolls sideways ${when}: ${scroll} > ${width}`);
}

/** A button's text as one line. */
const textOf = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

/** Whether the Entities button is shown (small screens) rather than the panel beside the text. */
const entitiesAsSheet = (page) => page.locator('#entities-button').isVisible();

/** Opens the entity list: the sheet on a small screen, the panel itself otherwise. */
async function openEntities(page) {
  if (await entitiesAsSheet(page)) {
    await page.locator('#entities-button').tap();
    const sheet = page.getByRole('dialog', { name: 'Entities' });
    await sheet.waitFor();
    return sheet;
  }
  return page.getByRole('region', { name: 'Entities' });
}

const entity = (list, type, name) =>
  list.locator(`button.entity[data-entity-type="${type}"]`).filter({ hasText: new RegExp(`^\\s*${name}`) }).first();

for (const [name, width, height] of sizes) {
  test(`${name}: the first paragraph is readable at once and while scrolling, nothing scrolls sideways`, async () => {
    const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(width, height));
    await openApp(page, app.srv.base);
    await assertReadable(page, 'article p.passage', 'after load');
    await noSidewaysScroll(page, 'after load');
    // Scroll down in steps: whatever text is in the middle of the screen is
    // the article's, not a panel over it.
    for (let step = 1; step <= 4; step++) {
      await page.evaluate(() => window.scrollBy(0, innerHeight * 0.5));
      await page.waitForTimeout(50);
      const hit = await page.evaluate(() => {
        const body = document.querySelector('article.article-body').getBoundingClientRect();
        const y = innerHeight * 0.6;
        if (body.bottom < y) return 'past the end';
        const el = document.elementFromPoint(body.left + body.width / 2, y);
        return el && el.closest('article.article-body') ? 'article' : `${el?.tagName.toLowerCase()}.${el?.className}`;
      });
      assert.ok(hit === 'article' || hit === 'past the end', `after scrolling ${step}: ${hit}`);
    }
    await firstPassageReadable(page, 'after scrolling back to it');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: tapping an entity filters the article, and the passages are not covered`, async () => {
    const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(width, height));
    await openApp(page, app.srv.base);
    const sheet = await entitiesAsSheet(page);
    const button = page.locator('#entities-button');
    if (sheet) {
      const total = await page.evaluate(() => document.querySelector('.entity-panel .count').textContent.trim());
      assert.equal(await textOf(button), `Entities ${total}`);
      assert.ok(Number(total) > 10);
      // A dialog: focus goes in, Escape closes it, focus comes back.
      await button.tap();
      await page.getByRole('dialog', { name: 'Entities' }).waitFor();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      await page.waitForFunction(() => document.getElementById('entities').contains(document.activeElement));
      assert.ok(await page.evaluate(() => document.querySelector('main.reading').inert), 'the page behind is inert');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement.id === 'entities-button');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
    }
    const list = await openEntities(page);
    const biden = entity(list, 'person', 'Joe Biden');
    const id = await biden.getAttribute('data-entity-id');
    await biden.tap();
    assert.equal(await biden.getAttribute('aria-pressed'), 'true');
    const expected = seed.paragraphs.filter((p) => /\bBiden\b/.test(p)).length;
    if (sheet) {
      // The sheet stays for more choices; its foot shows the passages.
      const done = page.getByRole('button', { name: `Show ${expected} passages` });
      await done.tap();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      assert.match(await textOf(button), /^Entities \d+ · Joe Biden$/);
      // The page scrolls again: nothing was left locked.
      await page.evaluate(() => window.scrollTo(0, 120));
      assert.ok(await page.evaluate(() => window.scrollY > 0 || document.documentElement.scrollHeight <= innerHeight));
    }
    await page.waitForFunction((n) => document.querySelectorAll('article p.passage').length === n, expected);
    for (const p of await page.locator('article p.passage').all()) {
      assert.ok((await p.locator(`[data-entity-id="${id}"]`).count()) > 0);
    }
    await firstPassageReadable(page, 'once filtered');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: a tapped mention shows its card; a tap elsewhere or Escape closes it`, async () => {
    const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(width, height));
    await openApp(page, app.srv.base);
    const card = page.locator('#entity-card');
    const mention = page.locator('article [data-entity-id="place-kursk"]').first();
    await mention.scrollIntoViewIfNeeded();
    await mention.tap();
    await card.waitFor();
    assert.equal((await card.locator('.card-name').innerText()).trim(), 'Kursk');
    const box = await card.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the card fits across the screen: ${JSON.stringify(box)}`);
    // A tap on plain text elsewhere closes it.
    const title = page.locator('h1.article-title');
    await title.scrollIntoViewIfNeeded();
    await title.tap();
    await card.waitFor({ state: 'detached' });
    // Tap again, then Escape.
    await mention.scrollIntoViewIfNeeded();
    await mention.tap();
    await card.waitFor();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${name}: search, next and previous work by tap`, async () => {
    const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(width, height));
    await openApp(page, app.srv.base);
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.tap();
    await page.keyboard.type('missile');
    await waitForStatus(page, (t) => t === `1 of ${missiles}`);
    await page.getByRole('button', { name: 'Next match' }).tap();
    await waitForStatus(page, (t) => t === `2 of ${missiles}`);
    await page.waitForFunction(() => {
      const r = document.querySelector('mark[aria-current="true"]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    await page.waitForTimeout(400);
    await assertReadable(page, 'mark[aria-current="true"]', 'as the current match');
    await page.getByRole('button', { name: 'Previous match' }).tap();
    await waitForStatus(page, (t) => t === `1 of ${missiles}`);
    // The search bar stays in reach further down the text.
    await page.evaluate(() => window.scrollBy(0, innerHeight));
    const bar = await page.getByRole('searchbox', { name: 'Search' }).boundingBox();
    assert.ok(bar.y >= 0 && bar.y + bar.height <= height, 'the search box is on screen after scrolling');
    await noSidewaysScroll(page, 'while searching');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`${name}, ${scheme} mode: axe finds no serious or critical violation`, async () => {
      const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(width, height, scheme));
      await openApp(page, app.srv.base, 'q=missiles&e=person-joe-biden');
      assert.deepEqual(await audit(page), [], 'the article view');
      if (await entitiesAsSheet(page)) {
        await openEntities(page);
        assert.deepEqual(await audit(page), [], 'the entity sheet');
        await page.keyboard.press('Escape');
      }
      if (await page.locator('#library-button').isVisible()) {
        await page.locator('#library-button').tap();
        await page.getByRole('dialog', { name: 'Library' }).waitFor();
        assert.deepEqual(await audit(page), [], 'the library sheet');
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('320 px wide: no view scrolls sideways', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(320, 568));
  await openApp(page, app.srv.base, 'q=missils&e=person-joe-biden,place-russia&net=1');
  await page.locator('svg.network-graph .node').first().waitFor();
  await noSidewaysScroll(page, 'with a misspelt search, filters, plots and the network');
  await page.locator('#entities-button').tap();
  await page.getByRole('dialog', { name: 'Entities' }).waitFor();
  await noSidewaysScroll(page, 'with the entity sheet');
  await page.keyboard.press('Escape');
  await page.locator('#library-button').tap();
  await page.getByRole('dialog', { name: 'Library' }).waitFor();
  await noSidewaysScroll(page, 'with the library sheet');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the library and opening a text sit behind one menu button on a phone', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(390, 844));
  await openApp(page, app.srv.base);
  assert.equal(await page.getByRole('region', { name: 'Library' }).count(), 0, 'no library on the page');
  const menu = page.getByRole('button', { name: 'Library' });
  await menu.tap();
  const sheet = page.getByRole('dialog', { name: 'Library' });
  await sheet.waitFor();
  await sheet.getByLabel('Open article').waitFor();
  await sheet.getByRole('textbox', { name: 'Paste article text' }).waitFor();
  // A tap on the dimmed page beside it closes it.
  await page.touchscreen.tap(380, 400);
  await sheet.waitFor({ state: 'detached' });
  // Choosing another article closes it and shows that article.
  await menu.tap();
  const second = readSeed(seedFiles()[1]);
  await sheet.locator('.lib-open').nth(1).tap();
  await sheet.waitFor({ state: 'detached' });
  await page.locator('h1', { hasText: second.meta.title || '' }).waitFor();
  await assertReadable(page, 'article p.passage', 'in the article chosen');
  assert.deepEqual(problems, []);
  await context.close();
});

test('tap targets are at least 24 px, the main controls at least 44 px', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(390, 844));
  await openApp(page, app.srv.base, 'q=missiles&e=person-joe-biden');
  const measure = () => page.evaluate(() => {
    const small = [];
    const all = document.querySelectorAll('button, input, select, textarea, a[href], [role="button"], [tabindex="0"]');
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // Checkboxes sit inside their label, which is the target.
      const target = el.type === 'checkbox' && el.closest('label') ? el.closest('label').getBoundingClientRect() : r;
      if (target.width < 24 || target.height < 24) {
        small.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 30)}" ${Math.round(target.width)}×${Math.round(target.height)}`);
      }
    }
    return small;
  });
  assert.deepEqual(await measure(), [], 'on the page');
  for (const main of ['#library-button', '#entities-button', 'input.search-input', 'button[aria-label="Next match"]', 'button[aria-label="Previous match"]']) {
    const b = await page.locator(main).boundingBox();
    assert.ok(b.width >= 44 && b.height >= 44, `${main} is ${b.width}×${b.height}`);
  }
  await page.locator('#entities-button').tap();
  await page.getByRole('dialog', { name: 'Entities' }).waitFor();
  assert.deepEqual(await measure(), [], 'in the entity sheet');
  for (const main of ['#entities .sheet-close', '#entities .sheet-done']) {
    const b = await page.locator(main).boundingBox();
    assert.ok(b.width >= 44 && b.height >= 44, `${main} is ${b.width}×${b.height}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the position map and the dispersion plots answer a finger', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(390, 844));
  await openApp(page, app.srv.base, 'q=missile&e=person-joe-biden');
  await waitForStatus(page, (t) => /^1 of \d+$/.test(t));
  const n = Number((await page.locator('.match-count').innerText()).split(' of ')[1]);
  // A tap a few pixels off the last match's thin tick still reaches it.
  const tick = await page.locator('.position-map .tick-match').last().boundingBox();
  await page.touchscreen.tap(tick.x + tick.width / 2, tick.y + tick.height / 2 + 6);
  await waitForStatus(page, (t) => t === `${n} of ${n}`);
  // A tap at the right end of a plot goes to the last mention.
  await page.evaluate(() => window.scrollTo(0, 0));
  const plot = page.locator('.dispersion[data-entity-id="person-joe-biden"] svg');
  const box = await plot.boundingBox();
  await page.touchscreen.tap(box.x + box.width - 2, box.y + box.height / 2);
  const jumped = page.locator('p.passage.jumped');
  await jumped.waitFor();
  const last = await page.evaluate(() => {
    const all = [...document.querySelectorAll('article p.passage')].filter((p) => p.querySelector('[data-entity-id="person-joe-biden"]'));
    return all.at(-1).dataset.passage;
  });
  assert.equal(await jumped.getAttribute('data-passage'), last);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the network zooms and pans with fingers and buttons, and a swipe over it still scrolls the page', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(390, 844));
  await openApp(page, app.srv.base, 'net=1');
  const graph = page.locator('svg.network-graph');
  await graph.locator('.node').first().waitFor();
  await graph.scrollIntoViewIfNeeded();
  const viewBox = () => graph.getAttribute('viewBox');
  const whole = await viewBox();
  // A tap on a node filters by it.
  const node = graph.locator('.node').first();
  const id = await node.getAttribute('data-entity-id');
  const nb = await node.locator('circle').boundingBox();
  await page.touchscreen.tap(nb.x + nb.width / 2, nb.y + nb.height / 2);
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('e') === id, id);
  // Buttons zoom in and out.
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  assert.notEqual(await viewBox(), whole);
  await page.getByRole('button', { name: 'Show all' }).tap();
  assert.equal(await viewBox(), whole);
  // Two fingers spreading apart zoom in.
  const cdp = await context.newCDPSession(page);
  const g = await graph.boundingBox();
  const [cx, cy] = [g.x + g.width / 2, g.y + g.height / 2];
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
  });
  await touch('touchStart', 20);
  for (let d = 30; d <= 80; d += 10) await touch('touchMove', d);
  await touch('touchEnd', 0);
  const zoomed = (await viewBox()).split(' ').map(Number);
  assert.ok(zoomed[2] < 720 / 2, `pinched to more than 2×: ${zoomed}`);
  // One finger moving sideways pans the zoomed drawing.
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cx, y: cy, id: 3 }] });
  for (let dx = 10; dx <= 60; dx += 10) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: cx - dx, y: cy, id: 3 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const panned = (await viewBox()).split(' ').map(Number);
  assert.ok(panned[0] > zoomed[0], `panned to the right: ${zoomed} → ${panned}`);
  // A finger moving up over the drawing scrolls the page, not the drawing.
  const before = await page.evaluate(() => window.scrollY);
  const drawn = await viewBox();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cx, y: cy, id: 4 }] });
  for (let dy = 10; dy <= 200; dy += 10) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: cx, y: cy - dy, id: 4 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.scrollY);
  assert.equal(await viewBox(), drawn, 'the drawing did not move');
  assert.ok(after > before + 50, `the page scrolled: ${before} → ${after}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Share this view" hands the link to the system share sheet where there is one, else copies it', async () => {
  // A phone browser with the Web Share API.
  const { page, problems, context } = await newPage(app.browser, app.srv.origin, phone(390, 844));
  await page.addInitScript(() => {
    navigator.share = (data) => {
      window.__shared = data;
      return Promise.resolve();
    };
  });
  await openApp(page, app.srv.base, 'q=missiles');
  await page.getByRole('button', { name: 'Share this view' }).tap();
  await page.waitForFunction(() => window.__shared);
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.url, page.url());
  assert.match(shared.url, /[?&]q=missiles/);
  assert.ok(shared.title.length > 0);
  await context.close();
  assert.deepEqual(problems, []);

  // A browser without it copies the link.
  const desk = await newPage(app.browser, app.srv.origin, phone(390, 844));
  await desk.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.srv.origin });
  await desk.page.addInitScript(() => {
    delete Navigator.prototype.share;
  });
  await openApp(desk.page, app.srv.base, 'q=missiles');
  await desk.page.getByRole('button', { name: 'Copy link to this view' }).tap();
  await desk.page.getByRole('button', { name: 'Link copied' }).waitFor();
  assert.equal(await desk.page.evaluate(() => navigator.clipboard.readText()), desk.page.url());
  assert.deepEqual(desk.problems, []);
  await desk.context.close();
});
