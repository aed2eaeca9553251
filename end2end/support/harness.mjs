// Test harness: serves the release build (dist/) from a sub-folder with a tiny
// static server, drives Debian's Chromium through playwright-core, and
// records console errors, page errors and any request that leaves the page.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const distDir = process.env.DIST_DIR || path.join(repoRoot, 'dist');
export const seedsDir = path.join(repoRoot, 'seeds');
export const PREFIX = '/some/sub-folder/explorer/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts a static server that serves `dir` (default `distDir`) under PREFIX
 * only. `build` is the command that makes `dir`, for the error message when
 * it is missing.
 */
export async function startServer({ dir = distDir, build = 'trunk build --release' } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No release build at ${dir}: run \`${build}\` first (scripts/test.sh does).`);
  }
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === PREFIX.slice(0, -1)) {
      res.writeHead(301, { Location: PREFIX + url.search });
      return res.end();
    }
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404);
      return res.end('not found');
    }
    let rel = decodeURIComponent(url.pathname.slice(PREFIX.length)) || 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, base: `http://127.0.0.1:${port}${PREFIX}`, origin: `http://127.0.0.1:${port}` };
}

/**
 * A temporary folder that serves a published archive with the app: the
 * top-level files of `appDir` (an archive build) linked beside `site`'s
 * `index/` and `articles/`. The caller removes it.
 */
export function linkArchive(site, appDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-site-'));
  for (const name of fs.readdirSync(appDir)) {
    const from = path.join(appDir, name);
    if (fs.statSync(from).isFile()) fs.symlinkSync(from, path.join(dir, name));
  }
  fs.symlinkSync(path.resolve(site, 'index'), path.join(dir, 'index'));
  fs.symlinkSync(path.resolve(site, 'articles'), path.join(dir, 'articles'));
  return dir;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens a fresh page and watches it: `problems` collects console errors,
 * uncaught page errors and requests to any other origin (from the page or
 * its service worker). `options` go to the browser context (viewport,
 * colorScheme, hasTouch...); see `phone` for a touch screen.
 */
export async function newPage(browser, origin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // On the context, not the page: this also sees what the service worker
  // fetches itself (its precache), which page events do not.
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) {
      problems.push(`request left the page: ${u}`);
    }
  });
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    d.dismiss();
  });
  return { context, page, problems };
}

/**
 * Context options for a phone or tablet of `width` x `height` CSS pixels:
 * a touch screen (taps, no hover) that honours the page's viewport meta.
 */
export function phone(width, height, colorScheme = 'light') {
  return { viewport: { width, height }, hasTouch: true, isMobile: true, colorScheme };
}

/** Navigates to the app with an optional query string and waits until it is ready. */
export async function openApp(page, base, query = '') {
  await page.goto(base + (query ? `?${query}` : ''));
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.getByRole('article').waitFor();
}

/** Reads a seed file the way the app does: front matter split off. */
export function readSeed(fileName) {
  let raw = fs.readFileSync(path.join(seedsDir, fileName), 'utf8').replace(/^\uFEFF/, '');
  const meta = {};
  const m = raw.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n/);
  if (m) {
    for (const line of m[1].split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) meta[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    raw = raw.slice(m[0].length);
  }
  const blank = /\n\s*\n/.test(raw.trim());
  const paragraphs = (blank ? raw.split(/\n\s*\n/) : raw.split('\n'))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return { meta, body: raw, paragraphs };
}

export function seedFiles() {
  return fs.readdirSync(seedsDir).filter((f) => /\.(txt|md)$/i.test(f) && !f.startsWith('.')).sort();
}

/** Visible passage texts, in order. */
export async function passageTexts(page) {
  return page.getByRole('article').locator('p.passage').allInnerTexts();
}

/** Waits until the status (match counter) text satisfies `pred`. */
export async function waitForStatus(page, pred, timeout = 5000) {
  const status = page.getByRole('status');
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeout) {
    text = (await status.innerText()).trim();
    if (pred(text)) return text;
    await page.waitForTimeout(25);
  }
  throw new Error(`status never matched; last text: "${text}"`);
}

/** Accent- and case-folded form, the reference for search expectations. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words of a text as the app's word splitter sees them (letters, digits, inner ' and .). */
export function words(text) {
  return text.match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) || [];
}

/**
 * Problems other than the browser reporting that the CSP blocked a hostile
 * file's inline handler or style while it was parsed (inertly) for import.
 */
export function withoutBlockedInline(problems) {
  return problems.filter((p) => !/Content Security Policy.*The action has been blocked/.test(p));
}

/**
 * Registers the usual hooks of a test file: one static server and one
 * Chromium for the whole file. Returns an object whose `srv` and `browser`
 * are set once the `before` hook has run. `server` is passed to startServer
 * (another build folder).
 */
export function useApp(server = {}) {
  const app = {};
  before(async () => {
    app.srv = await startServer(server);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    app.srv?.server.close();
  });
  return app;
}
