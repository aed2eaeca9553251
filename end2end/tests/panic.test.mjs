// A panic in the wasm shows a visible, dismissible error with "Reload", and
// the library survives a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, useApp } from '../support/harness.mjs';

const app = useApp();

test('a panic shows an error banner that can be dismissed or reloads the page', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await page.getByRole('textbox', { name: 'Paste article text' }).fill('Kept before the crash: Lisbon and Porto.');
  await page.getByRole('button', { name: 'Open pasted text' }).click();
  await page.locator('h1', { hasText: 'Kept before the crash' }).waitFor();
  // Kept once its entities are found (the library shows their count).
  await page.locator('li.lib-item.current .lib-meta', { hasText: /\d+ entit/ }).waitFor();
  await page.evaluate(() => {
    try {
      window.wasmBindings.panic_selftest();
    } catch (e) {
      // The panic surfaces as an exception (wasm traps with "unreachable").
    }
  });
  const banner = page.getByRole('alert');
  await banner.waitFor();
  assert.match(await banner.innerText(), /stopped working/);
  assert.match(await banner.innerText(), /caused on purpose/);
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.evaluate(() => {
    try {
      window.wasmBindings.panic_selftest();
    } catch (e) {}
  });
  await page.getByRole('alert').getByRole('button', { name: 'Reload', exact: true }).click();
  await page.waitForSelector('html[data-ready="true"]');
  await page.getByRole('region', { name: 'Library' }).locator('.lib-open', { hasText: 'Kept before the crash' }).waitFor();
  // Only the deliberate panics were reported.
  assert.deepEqual(problems.filter((p) => !/panic_selftest|unreachable|RuntimeError/.test(p)), []);
  await context.close();
});
