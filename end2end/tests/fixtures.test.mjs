// Other real news documents (US government press releases from the re3d
// corpus, public domain) behave like the seed: title, paragraphs, entities,
// and entity filtering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, readSeed, seedFiles, passageTexts, useApp } from '../support/harness.mjs';

const app = useApp();

// For each fixture: a person, place or organization a careful reader finds in it.
const expectations = [
  { file: '001_carter-abadi-mosul.txt', type: 'person', name: 'Ash Carter', alias: /\bCarter\b/ },
  { file: '001_carter-abadi-mosul.txt', type: 'place', name: 'Mosul', alias: /\bMosul\b/ },
  { file: '002_us-iraq-loan-guarantee.txt', type: 'place', name: 'Iraq', alias: /\bIraq\b/ },
  { file: '002_us-iraq-loan-guarantee.txt', type: 'organization', name: 'International Monetary Fund', alias: /International Monetary Fund/ },
  { file: '003_task-force-50.txt', type: 'organization', name: 'Royal Navy', alias: /Royal Navy/ },
  { file: '003_task-force-50.txt', type: 'person', name: 'Andrew Burns', alias: /\bBurns\b/ },
];

for (const ex of expectations) {
  test(`${ex.file}: ${ex.type} ${ex.name} is found and filters its passages`, async () => {
    assert.ok(seedFiles().includes(ex.file), `fixture ${ex.file} is in seeds/`);
    const seed = readSeed(ex.file);
    const id = ex.file.replace(/\.[^.]+$/, '');
    const { page, problems, context } = await newPage(app.browser, app.srv.origin);
    await openApp(page, app.srv.base, `article=${id}`);
    assert.equal((await page.locator('h1').innerText()).trim(), seed.meta.title);
    assert.equal((await passageTexts(page)).length, seed.paragraphs.length);
    const button = page
      .getByRole('region', { name: 'Entities' })
      .locator(`button[data-entity-type="${ex.type}"]`)
      .filter({ hasText: new RegExp(`^\\s*${ex.name}`) })
      .first();
    await button.waitFor({ timeout: 5000 });
    await button.click();
    const expected = seed.paragraphs.filter((p) => ex.alias.test(p)).length;
    await page.waitForFunction((n) => document.querySelectorAll('article p.passage').length === n, expected);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
