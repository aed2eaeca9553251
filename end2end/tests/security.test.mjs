// A strict Content-Security-Policy that normal use never violates, and the
// first article readable without JavaScript (pre-rendered into index.html).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutBlockedInline, newPage, openApp, readSeed, seedFiles, useApp } from '../support/harness.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const app = useApp();

test('the page carries a strict CSP and normal use violates none of it', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openApp(page, app.srv.base);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["object-src 'none'", "base-uri 'none'", "connect-src 'self'", "default-src 'self'"]) {
    assert.ok(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
  }
  assert.ok(!/script-src[^;]*'unsafe-inline'/.test(csp), 'no unsafe-inline scripts');
  // Normal use: search, navigate, filter, open a file, switch scope.
  await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('ukraine');
  await page.getByRole('button', { name: 'Next match' }).click();
  await page.getByRole('region', { name: 'Entities' }).locator('button.entity').first().click();
  await page.getByLabel('Open article').setInputFiles(path.join(fixtures, 'coalition-gasmasks.md'));
  await page.locator('h1', { hasText: 'Coalition provides' }).waitFor();
  await page.getByRole('combobox', { name: 'Search scope' }).selectOption('library');
  await page.getByRole('region', { name: 'Results across articles' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a hostile saved page is parsed inertly: the CSP blocks its inline code and nothing runs', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await openApp(page, app.srv.base);
  await page.getByLabel('Open article').setInputFiles(path.join(fixtures, 'terrorist-attacks-in-baghdad.html'));
  await page.locator('h1', { hasText: 'Terrorist Attacks in Baghdad' }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Whatever the parser reports is a block of the file's own inline code or
  // style, never a load from elsewhere.
  for (const v of await page.evaluate(() => window.__violations)) {
    assert.match(v, /^(script-src-attr|style-src-elem|style-src-attr|script-src-elem)$/);
  }
  assert.deepEqual(withoutBlockedInline(problems), []);
  await context.close();
});

test('the first article is readable without JavaScript', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(app.srv.base);
  const seed = readSeed(seedFiles()[0]);
  const shown = await page.locator('#prerender p.passage').allInnerTexts();
  assert.equal(shown.length, seed.paragraphs.length);
  assert.equal(shown[0].trim(), seed.paragraphs[0]);
  await context.close();
});

test('the app takes over the pre-rendered article', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  assert.equal(await page.locator('#prerender').count(), 0);
  assert.equal(await page.getByRole('article').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
