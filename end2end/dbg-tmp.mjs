process.env.DIST_DIR = '/work/main/dist';
const { startServer, launch } = await import('./support/harness.mjs');
const srv = await startServer();
const browser = await launch();
const ctx = await browser.newContext();
const page = await ctx.newPage();
page.on('console', m => console.log('console', m.type(), m.text().slice(0,300)));
page.on('pageerror', e => console.log('pageerror', e.message));
await page.goto(srv.base);
await page.waitForSelector('html[data-ready]');
const t0 = Date.now();
await page.getByLabel('Open article').setInputFiles('/work/shared/data/texts/war-and-peace.txt');
for (let i = 0; i < 60; i++) {
  await page.waitForTimeout(2000);
  const s = await page.evaluate(() => [document.querySelector('progress')?.value, document.querySelector('h1')?.textContent?.slice(0,60), document.querySelector('.notice')?.textContent?.slice(0,200), document.querySelectorAll('li.lib-item').length]);
  console.log(((Date.now()-t0)/1000).toFixed(0)+'s', JSON.stringify(s));
  if (s[1] && /Prince|CHAPTER|War/.test(s[1])) break;
}
await browser.close(); process.exit(0);
