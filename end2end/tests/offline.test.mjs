// Offline and installable: after one visit the service worker (dist/sw.js)
// serves the app with the network gone; a new build replaces the cached one
// when online; the web app manifest and its icons are linked and served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  distDir, newPage, openApp, passageTexts, readSeed, seedFiles, startServer, useApp, waitForStatus,
} from '../support/harness.mjs';

const app = useApp();

/** Waits until the service worker has installed (precached) and controls the page. */
async function waitForWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
}

/** This app's caches (name ends with the build's version). */
async function cacheNames(page) {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('article-explorer ')));
}

/** Polls an async condition (waitForFunction does not await promises). */
async function until(pred, timeout = 15000) {
  const start = Date.now();
  while (!(await pred())) {
    if (Date.now() - start > timeout) throw new Error(`condition not met within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops a server for good: no new connections, keep-alive ones dropped. */
function stop(srv) {
  srv.server.close();
  srv.server.closeAllConnections();
}

/** A private copy of the release build, so a test can "deploy" over it. */
function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-dist-'));
  fs.cpSync(distDir, dir, { recursive: true });
  return dir;
}

test('after one visit the app opens, shows the article and searches with the network gone', async () => {
  // Its own server, stopped before the offline reload: nothing can come
  // from the network, whatever the browser's offline emulation covers.
  const srv = await startServer();
  const { page, problems, context } = await newPage(app.browser, srv.origin);
  try {
    await openApp(page, srv.base);
    await waitForWorker(page);
    assert.equal((await cacheNames(page)).length, 1);

    await context.setOffline(true);
    stop(srv);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the reloaded page came from the service worker');
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });

    const seed = readSeed(seedFiles()[0]);
    const title = (await page.locator('h1').innerText()).trim();
    const expected = seed.meta.title || seed.paragraphs[0].slice(0, 40);
    assert.ok(title.startsWith(expected.slice(0, 40)), `title "${title}"`);
    const shown = await passageTexts(page);
    assert.equal(shown.length, seed.paragraphs.length);
    assert.ok(await page.getByRole('article').getByText(seed.paragraphs[0].slice(0, 30)).first().isVisible());

    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('ukraine');
    await waitForStatus(page, (t) => /^1 of \d+/.test(t));
    assert.ok((await page.getByRole('article').locator('mark').count()) > 0);

    // A shared link (query string) opens offline too.
    await page.goto(`${srv.base}?q=missiles`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'missiles');
    await waitForStatus(page, (t) => /^1 of \d+/.test(t));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    stop(srv);
  }
});

test('a new build is picked up online: fresh index.html, new cache, old cache gone', async () => {
  const dir = copyOfDist();
  const srv = await startServer({ dir });
  const { page, problems, context } = await newPage(app.browser, srv.origin);
  try {
    await openApp(page, srv.base);
    await waitForWorker(page);
    const [first] = await cacheNames(page);
    assert.ok(first, 'a cache after the first visit');

    // "Deploy" a new build: index.html differs, so sw.js carries a new version.
    // The new sw.js lists the new index.html's hash (integrity), as the
    // build would.
    const index = path.join(dir, 'index.html');
    const before = fs.readFileSync(index);
    const after = Buffer.from(before.toString('utf8').replace('<title>', '<meta name="build" content="two" />\n    <title>'));
    fs.writeFileSync(index, after);
    const sri = (buf) => `sha256-${crypto.createHash('sha256').update(buf).digest('base64')}`;
    const sw = path.join(dir, 'sw.js');
    const worker = fs.readFileSync(sw, 'utf8');
    const version = worker.match(/const VERSION = "([0-9a-f]+)";/)[1];
    assert.ok(worker.includes(sri(before)), 'sw.js pins index.html by its hash');
    fs.writeFileSync(sw, worker.replace(`"${version}"`, '"feedfacefeedface"').replace(sri(before), sri(after)));

    // Online, opening the page takes the new index.html from the network ...
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.locator('meta[name="build"]').getAttribute('content'), 'two');
    // ... and the browser installs the new worker, which replaces the cache.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await until(async () => {
      const names = await cacheNames(page);
      return names.length === 1 && names[0].endsWith(' feedfacefeedface') && names[0] !== first;
    });

    // Offline now serves the new build.
    await context.setOffline(true);
    stop(srv);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.locator('meta[name="build"]').getAttribute('content'), 'two');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    stop(srv);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the web app manifest is linked, served and names icons that exist', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  assert.ok(href.startsWith(app.srv.base), `manifest at ${href}`);
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^application\/manifest\+json/);
  const manifest = await response.json();
  assert.equal(manifest.name, 'Article Explorer');
  assert.ok(manifest.short_name);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);

  const sizes = manifest.icons.map((i) => i.sizes).sort();
  assert.deepEqual(sizes, ['192x192', '512x512', 'any']);
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, href).href);
    assert.equal(res.status(), 200, icon.src);
    assert.equal(res.headers()['content-type'], icon.type, icon.src);
    const body = await res.body();
    if (icon.type === 'image/png') {
      // PNG signature, then IHDR width and height.
      assert.equal(body.subarray(1, 4).toString('latin1'), 'PNG');
      const [w, h] = icon.sizes.split('x').map(Number);
      assert.deepEqual([body.readUInt32BE(16), body.readUInt32BE(20)], [w, h], icon.src);
    } else {
      assert.match(body.toString('utf8'), /^<svg[^>]*viewBox="0 0 512 512"/);
    }
  }
  // The page's own icon is the SVG, not the empty placeholder.
  const icon = await page.locator('link[rel="icon"]').evaluate((l) => l.href);
  assert.equal(icon, new URL('icon.svg', app.srv.base).href);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the service worker precaches exactly the app and the boot records, relative to its own folder', async () => {
  const { page, problems, context } = await newPage(app.browser, app.srv.origin);
  await openApp(page, app.srv.base);
  await waitForWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, app.srv.base);
  const cached = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('article-explorer '));
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map((r) => r.url).sort();
  });
  // Every file of the build, the published articles' records included (the
  // four seeds are all in the boot catalog), but not the archive's index,
  // which is cached as it is fetched, nor the app in one file (fetched only
  // by "Save as one file": precaching it would double what every visitor
  // downloads).
  const expected = fs
    .readdirSync(distDir, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(distDir, f)).isFile())
    .filter(
      (f) =>
        !['sw.js', 'article-explorer.html'].includes(f) &&
        !f.endsWith('.br') &&
        !f.endsWith('.gz') &&
        !f.startsWith('index/'),
    )
    .map((f) => new URL(f === 'index.html' ? './' : f, app.srv.base).href)
    .sort();
  assert.deepEqual(cached, expected);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the service worker caches only what the build wrote: a file altered on the host fails the install', async () => {
  const dir = copyOfDist();
  // The host serves something else for one precached file (an error page,
  // a proxy's rewrite): its integrity no longer matches.
  fs.writeFileSync(path.join(dir, 'icon.svg'), '<html><body>502 Bad Gateway</body></html>');
  const srv = await startServer({ dir });
  const { page, problems, context } = await newPage(app.browser, srv.origin);
  try {
    await openApp(page, srv.base);
    // The install is attempted and fails: the worker ends redundant and no
    // cache of this app is left.
    const state = await page.evaluate(
      () =>
        new Promise((resolve) => {
          navigator.serviceWorker.getRegistration().then((reg) => {
            const w = reg && (reg.installing || reg.waiting || reg.active);
            if (!w) return resolve('none');
            if (w.state === 'redundant' || w.state === 'activated') return resolve(w.state);
            w.addEventListener('statechange', () => {
              if (w.state === 'redundant' || w.state === 'activated') resolve(w.state);
            });
          });
        }),
    );
    assert.notEqual(state, 'activated');
    assert.deepEqual(await cacheNames(page), []);
    // The app itself works (online).
    assert.ok((await passageTexts(page)).length > 0);
    assert.deepEqual(problems.filter((p) => !/integrity|Failed to fetch|sw\.js/.test(p)), []);
  } finally {
    await context.close();
    srv.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
