// The README's screenshots of each view, light and dark:
//   node support/screenshots.mjs [out dir, default ../docs/views]
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openApp, phone, repoRoot } from './harness.mjs';

const out = process.argv[2] || path.join(repoRoot, 'docs', 'views');
fs.mkdirSync(out, { recursive: true });
const srv = await startServer();
const browser = await launch();

const shots = [
  // [name, query, what to do, what to capture]
  ['main', 'q=missiles&e=person-joe-biden', null, null],
  ['network', 'net=1&e=place-ukraine', null, 'figure.network'],
  ['card', '', async (page) => {
    await page.locator('article [data-entity-id^="place-"]').first().hover();
    await page.locator('#entity-card').waitFor();
  }, 'card'],
  ['map-and-dispersion', 'q=missiles&e=person-joe-biden,place-russia', null, '.reading'],
];

// A phone (390 x 844, touch): the article with a search and a filter, and
// the entity sheet open over it.
const phoneShots = [
  ['phone', 'q=missiles&e=place-ukraine', null, null],
  ['phone-entities', 'e=place-ukraine', async (page) => {
    await page.locator('#entities-button').tap();
    await page.getByRole('dialog', { name: 'Entities' }).waitFor();
  }, null],
];

const screens = [
  [(scheme) => ({ viewport: { width: 1280, height: 820 }, colorScheme: scheme }), shots],
  [(scheme) => phone(390, 844, scheme), phoneShots],
];
for (const scheme of ['light', 'dark']) {
  for (const [options, list] of screens) {
    const context = await browser.newContext(options(scheme));
    for (const [name, query, act, target] of list) {
      const page = await context.newPage();
      await openApp(page, srv.base, query);
      await page.evaluate(() => window.scrollTo(0, 0));
      if (act) await act(page);
      await page.waitForTimeout(300);
      const file = path.join(out, `${name}-${scheme}.png`);
      if (target === 'card') {
        const card = await page.locator('#entity-card').boundingBox();
        const mention = await page.locator('article [data-entity-id^="place-"]').first().boundingBox();
        const x = Math.max(0, Math.min(card.x, mention.x) - 120);
        const y = Math.max(0, Math.min(card.y, mention.y) - 90);
        await page.screenshot({ path: file, clip: { x, y, width: 600, height: 340 } });
      } else if (target) {
        const el = page.locator(target).first();
        const box = await el.boundingBox();
        await page.screenshot({ path: file, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: Math.min(box.height + 16, 700) } });
      } else {
        await page.screenshot({ path: file });
      }
      await page.close();
      console.log(file);
    }
    await context.close();
  }
}

await browser.close();
srv.server.close();
