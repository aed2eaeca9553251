// Accessibility: an axe-core audit (all of axe's rules, experimental ones
// included) of every view, in light and dark mode, must report no serious or critical
// violation; the keyboard reaches the controls in a sensible order; changes
// are announced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, useApp } from '../support/harness.mjs';
import { audit } from '../support/axe.mjs';

const app = useApp();

const views = [
  ['the main view', async () => {}],
  ['a search with entity filters', async (page) => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('missiles');
    await page.getByRole('region', { name: 'Entities' }).locator('button[data-entity-type="place"]').first().click();
    await page.locator('.dispersion').waitFor();
  }],
  ['the network', async (page) => {
    await page.getByRole('button', { name: 'Who appears with whom' }).click();
    await page.locator('svg.network-graph .node').first().waitFor();
  }],
  ['the entity card', async (page) => {
    await page.getByRole('region', { name: 'Entities' }).locator('button.entity').first().focus();
    await page.locator('#entity-card').waitFor();
  }],
  ['quotes, timeline and concordance open', async (page) => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('missiles');
    for (const name of ['Quotes', 'Timeline', 'Concordance']) {
      await page.getByRole('region', { name }).locator('.section-toggle').click();
    }
    await page.locator('.kwic-line').first().waitFor();
    await page.locator('.quote-jump').first().waitFor();
  }],
  ['highlights, notes, corrections and the selection toolbar', async (page) => {
    // A highlight (drawn in the text), a correction form, both regions
    // open, and the toolbar shown for a new selection.
    const select = (text) => page.evaluate((wanted) => {
      for (const node of document.querySelectorAll('article .passage')) {
        const t = [...node.childNodes].find((n) => n.nodeType === 3 && n.data.includes(wanted));
        if (!t) continue;
        const range = document.createRange();
        range.setStart(t, t.data.indexOf(wanted));
        range.setEnd(t, t.data.indexOf(wanted) + wanted.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return;
      }
    }, text);
    const toolbar = page.getByRole('group', { name: 'Selected text' });
    await select('long-range missiles');
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.locator('article span.hl').first().waitFor();
    for (const name of ['Notes', 'Corrections']) {
      await page.getByRole('region', { name }).locator('.section-toggle').click();
    }
    await page.getByRole('region', { name: 'Entities' }).locator('.correct-toggle').first().click();
    await page.locator('.correction-form').waitFor();
    await select('Officials');
    await toolbar.waitFor();
  }],
  ['the library search', async (page) => {
    await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
    await page.getByRole('searchbox', { name: 'Search' }).fill('Iraq');
    await page.locator('.result').first().waitFor();
  }],
];

// The view scrolls smoothly to the current match: audited mid-scroll, a
// button half under the sticky bar is "partially obscured" (target-size),
// a flake of the moment, not of the page. Waits until the page stands
// still (the same scroll position over a few frames).
async function scrollSettled(page) {
  for (let tries = 0; tries < 50; tries++) {
    const still = await page.evaluate(() => new Promise((resolve) => {
      const y = window.scrollY;
      let frames = 0;
      const check = () => {
        if (window.scrollY !== y) return resolve(false);
        if (++frames >= 10) return resolve(true);
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }));
    if (still) return;
  }
  throw new Error('the page kept scrolling');
}

for (const scheme of ['light', 'dark']) {
  for (const [name, setUp] of views) {
    test(`axe finds no serious or critical violation: ${name}, ${scheme} mode`, async () => {
      const { page, problems, context } = await newPage(app.browser, app.srv.origin);
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, app.srv.base);
      await setUp(page);
      await scrollSettled(page);
      const violations = await audit(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('the keyboard reaches search, the article controls, the network and the entity list in order', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const order = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const visible = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        text: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 40),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        size: visible.width > 0 && visible.height > 0,
      };
    });
    if (label) order.push(label);
  }
  const texts = order.map((o) => o.text);
  const at = (re) => texts.findIndex((t) => re.test(t));
  assert.ok(at(/^Search$/) >= 0, texts.join(' | '));
  assert.ok(at(/^Search$/) < at(/Who appears with whom/), texts.join(' | '));
  assert.ok(at(/Who appears with whom/) < at(/^Filter entities$/), texts.join(' | '));
  // Every focused control is on screen and shows a focus ring.
  for (const o of order) {
    assert.ok(o.size, `${o.text} is visible when focused`);
    assert.ok(o.outline, `${o.text} shows where the focus is`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the match counter and filter changes are announced to screen readers', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const counter = page.locator('.match-count');
  assert.equal(await counter.getAttribute('aria-live'), 'polite');
  await page.getByRole('searchbox', { name: 'Search' }).fill('missiles');
  await page.waitForFunction(() => /^1 of \d+$/.test(document.querySelector('.match-count').textContent.trim()));
  const announcer = page.locator('.announcer');
  assert.equal(await announcer.getAttribute('aria-live'), 'polite');
  assert.equal((await announcer.innerText()).trim(), '');
  const ukraine = page.getByRole('region', { name: 'Entities' }).locator('button[data-entity-type="place"]').filter({ hasText: /^\s*Ukraine/ });
  await ukraine.click();
  const shown = await page.locator('article p.passage').count();
  const text = await announcer.textContent();
  assert.match(text, new RegExp(`^Filtered by Ukraine: ${shown} of \\d+ passages shown\\.$`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('reduced motion: jumping to a match does not animate the scroll', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, app.srv.base);
  await page.getByRole('searchbox', { name: 'Search' }).fill('missiles');
  await page.waitForFunction(() => /^1 of \d+$/.test(document.querySelector('.match-count').textContent.trim()));
  await page.getByRole('button', { name: 'Next match' }).click();
  // Without animation the match is in view right after the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const inView = await page.evaluate(() => {
    const r = document.querySelector('mark[aria-current="true"]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView);
  assert.deepEqual(problems, []);
  await context.close();
});
