// Browser measurements of the release build in headless Debian Chromium
// (playwright-core, the e2e harness's server and launcher). Measurement
// only: nothing here asserts a timing.
//
//   node end2end/bench/browser-bench.mjs
//
// Environment:
//   BENCH_DIST       release build with the seed articles   (default /tmp/bench-dist)
//   BENCH_DIST_BOOK  release build with War and Peace added as seed `zz_war-and-peace`
//                    (default /tmp/bench-dist-book; skipped when missing)
//   LOADS            fresh page loads per ready-time median   (default 5)
//   BOOK_LOADS       the same for the book                     (default LOADS)
//   REPS             times each phrase is typed on the seed    (default 3)
//
// What is measured (all times in ms, taken in the page with performance.now(),
// whose origin is the navigation start):
//   - first-load transfer: every response of a fresh load, raw / gzip -9 /
//     brotli q11 (node zlib), per file and total;
//   - ready: navigation start -> <html data-ready="true"> (MutationObserver in an
//     init script), and -> the end of the first frame after it;
//   - keystroke: one `input` event dispatched on the search box with the next
//     letter; `sync` = dispatchEvent returned, `dom` = the next macrotask (every
//     microtask, hence every reactive DOM update, has run; checked against the
//     match counter one frame later), `frame` = after the next animation frame
//     (style, layout and paint of the change included);
//   - the same for a plain-JS find-and-mark baseline injected into the same page;
//   - entity filter: click on the first entity button of region "Entities"
//     until the number of passages shown changes (select), and back (deselect);
//   - long tasks (PerformanceObserver 'longtask') during load, typing, filtering
//     and scrolling the book;
//   - memory: CDP JSHeapUsedSize after a forced GC, the wasm linear memory,
//     DOM node count, and the renderer process RSS (from /proc).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, compressedSizes } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, 'results');
const SEED_DIST = path.resolve(process.env.BENCH_DIST || '/tmp/bench-dist');
const BOOK_DIST = path.resolve(process.env.BENCH_DIST_BOOK || '/tmp/bench-dist-book');
const BOOK_ID = 'zz_war-and-peace';
const LOADS = Number(process.env.LOADS || 5);
const BOOK_LOADS = Number(process.env.BOOK_LOADS || process.env.LOADS || 5);
const REPS = Number(process.env.REPS || 3);
const SEED_PHRASE = 'biden ukraine missiles';
const BOOK_PHRASE = 'prince andrew natasha';

// The harness reads DIST_DIR once at import: import one instance per build
// (a distinct module URL gives a distinct module instance).
async function harnessFor(dist) {
  process.env.DIST_DIR = dist;
  return import(`../support/harness.mjs?dist=${encodeURIComponent(dist)}`);
}

// ---------------------------------------------------------------- statistics
const sorted = (xs) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]; // nearest rank
}
function summary(xs) {
  const s = sorted(xs);
  return {
    n: s.length,
    median: median(s),
    p95: quantile(s, 0.95),
    min: s[0] ?? null,
    max: s.at(-1) ?? null,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null,
  };
}
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

// ---------------------------------------------------------------- in-page code
/** Installed before any page script on every navigation. */
function initScript() {
  const b = (window.__bench = { longtasks: [], readyAt: null, readyFrameAt: null, startedAt: null, wasm: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (_) {
    b.longtasksUnsupported = true;
  }
  const mo = new MutationObserver(() => {
    if (b.readyAt == null && document.documentElement?.getAttribute('data-ready') === 'true') {
      b.readyAt = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => (b.readyFrameAt = performance.now());
        c.port2.postMessage(0);
      });
    }
  });
  mo.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.startedAt = performance.now();
    b.wasm = e.detail && e.detail.wasm;
  });
}

/**
 * Types `phrase` letter by letter into the input matched by `sel`, `reps`
 * times (cleared in between), and times every keystroke. Runs in the page.
 */
async function typeInPage({ sel, phrase, reps, statusSel }) {
  const input = document.querySelector(sel);
  if (!input) throw new Error(`no input ${sel}`);
  const macrotask = () =>
    new Promise((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => r();
      c.port2.postMessage(0);
    });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const status = () => document.querySelector(statusSel)?.textContent ?? '';
  const marks = () => document.querySelectorAll('article mark').length;
  const set = async (v) => {
    input.value = v;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: v.slice(-1) || null }));
  };
  input.focus();
  const samples = [];
  const start = performance.now();
  for (let r = 0; r < reps; r++) {
    await set('');
    await macrotask();
    await frame();
    await frame();
    for (let i = 1; i <= phrase.length; i++) {
      const v = phrase.slice(0, i);
      input.value = v;
      const ev = new InputEvent('input', { bubbles: true, inputType: 'insertText', data: v.slice(-1) });
      const t0 = performance.now();
      input.dispatchEvent(ev);
      const tSync = performance.now();
      await macrotask();
      const tDom = performance.now();
      const statusDom = status();
      const marksDom = marks();
      await frame();
      await macrotask();
      const tFrame = performance.now();
      const statusFrame = status();
      samples.push({
        query: v,
        sync: tSync - t0,
        dom: tDom - t0,
        frame: tFrame - t0,
        marks: marks(),
        status: statusFrame,
        // The DOM was complete at `dom` if nothing changed during the frame.
        domComplete: statusDom === statusFrame && marksDom === marks(),
      });
      await frame(); // one idle frame between keystrokes
    }
  }
  const end = performance.now();
  await set('');
  await macrotask();
  await frame();
  return { samples, start, end };
}

/** Replaces the app's article and search box with a plain-JS find-and-mark. Runs in the page. */
function installBaseline() {
  const appArticle = document.querySelector('article[role=article]');
  const art = document.createElement('article');
  art.className = appArticle.className;
  art.id = 'baseline-article';
  for (const p of appArticle.querySelectorAll('p.passage')) {
    const q = document.createElement('p');
    q.className = 'passage';
    q.textContent = p.textContent;
    art.append(q);
  }
  appArticle.replaceWith(art);
  const appInput = document.querySelector('input[type=search][aria-label=Search]');
  const input = document.createElement('input');
  input.type = 'search';
  input.className = appInput.className;
  input.id = 'baseline-input';
  appInput.replaceWith(input);
  const status = document.createElement('span');
  status.id = 'baseline-status';
  input.after(status);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  input.addEventListener('input', () => {
    // Unmark: put the text back, merge adjacent text nodes once per parent.
    const parents = new Set();
    for (const m of art.querySelectorAll('mark')) {
      parents.add(m.parentNode);
      m.replaceWith(...m.childNodes);
    }
    for (const p of parents) p.normalize();
    const q = input.value.trim();
    if (!q) {
      status.textContent = '';
      return;
    }
    const re = new RegExp(escape(q), 'giu');
    const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    let count = 0;
    for (const node of nodes) {
      const text = node.data;
      re.lastIndex = 0;
      let m;
      let last = 0;
      let frag = null;
      while ((m = re.exec(text))) {
        if (!m[0].length) {
          re.lastIndex++;
          continue;
        }
        frag ??= document.createDocumentFragment();
        frag.append(text.slice(last, m.index));
        const mark = document.createElement('mark');
        mark.textContent = m[0];
        frag.append(mark);
        last = m.index + m[0].length;
        count++;
      }
      if (frag) {
        frag.append(text.slice(last));
        node.replaceWith(frag);
      }
    }
    status.textContent = count ? `1 of ${count}` : 'No matches';
  });
  return art.querySelectorAll('p').length;
}

/** Clicks `btn` and times until the number of passages shown changes, then back. Runs in the page. */
async function filterInPage({ btn: first, reps }) {
  // The panel may re-render its buttons: click the current one with the same id.
  const id = first.dataset.entityId;
  const current = () =>
    (first.isConnected && first) || document.querySelector(`button.entity[data-entity-id="${id}"]`) || first;
  const macrotask = () =>
    new Promise((r) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => r();
      c.port2.postMessage(0);
    });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // Long articles render incrementally, so the number of <p> elements may
  // not change: the passages shown are read from the filter summary
  // ("Showing N of M passages"), and a change is any change of the summary,
  // the rendered count or the first rendered passage.
  const shown = () => {
    const m = (document.querySelector('.filter-summary')?.textContent || '').match(/Showing (\d+)/);
    return m ? Number(m[1]) : document.querySelectorAll('article p.passage').length;
  };
  const signature = () => {
    const ps = document.querySelectorAll('article p.passage');
    return `${document.querySelector('.filter-summary')?.textContent || ''}|${ps.length}|${ps[0]?.dataset.passage}`;
  };
  const count = shown;
  async function clickUntilChanged() {
    const before = count();
    const beforeSig = signature();
    const t0 = performance.now();
    current().click();
    const tSync = performance.now();
    await macrotask();
    let tDom = performance.now();
    let polled = false;
    while (signature() === beforeSig) {
      polled = true;
      if (performance.now() - t0 > 30000) throw new Error('passage count never changed');
      await frame();
      tDom = performance.now();
    }
    await frame();
    await macrotask();
    const tFrame = performance.now();
    return { before, after: count(), sync: tSync - t0, dom: tDom - t0, frame: tFrame - t0, polled };
  }
  const select = [];
  const deselect = [];
  const start = performance.now();
  for (let r = 0; r < reps; r++) {
    select.push(await clickUntilChanged());
    await frame();
    deselect.push(await clickUntilChanged());
    await frame();
  }
  const name = (current().querySelector(".entity-name") || current()).textContent.trim();
  return { select, deselect, start, end: performance.now(), entity: name };
}

/** Scrolls the whole article in steps and records frame gaps. Runs in the page. */
async function scrollInPage({ steps }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const gaps = [];
  let last = performance.now();
  let running = true;
  (function loop() {
    requestAnimationFrame((t) => {
      gaps.push(t - last);
      last = t;
      if (running) loop();
    });
  })();
  const start = performance.now();
  const max = document.documentElement.scrollHeight - innerHeight;
  // Small wheel-like steps through the first screens, then jumps across the book.
  for (let i = 0; i < 30; i++) {
    scrollBy(0, 300);
    await frame();
  }
  for (let i = 1; i <= steps; i++) {
    scrollTo(0, Math.round((max * i) / steps));
    await frame();
    await frame();
  }
  scrollTo(0, 0);
  await frame();
  running = false;
  await frame();
  return { start, end: performance.now(), scrollHeight: document.documentElement.scrollHeight, gaps };
}

// ---------------------------------------------------------------- node side

/** RSS (kB) of the renderer processes started below this node process. */
function rendererRss() {
  try {
    const procs = new Map();
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const rss = Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) || [])[1] || 0);
        procs.set(Number(pid), { ppid, cmd, rss });
      } catch (_) {
        /* process ended */
      }
    }
    const mine = (pid) => {
      for (let p = pid, n = 0; p > 1 && n < 20; p = procs.get(p)?.ppid, n++) if (p === process.pid) return true;
      return false;
    };
    const renderers = [...procs.entries()]
      .filter(([pid, p]) => p.cmd.includes('--type=renderer') && mine(pid))
      .map(([, p]) => p.rss);
    return renderers.length ? { maxKb: Math.max(...renderers), count: renderers.length } : null;
  } catch (_) {
    return null;
  }
}

async function waitReady(page, timeout = 120000) {
  await page.waitForSelector('html[data-ready="true"]', { timeout });
  await page.waitForFunction(() => window.__bench && window.__bench.readyFrameAt != null, null, { timeout });
}

async function openFresh(h, browser, srv, query = '') {
  const { context, page, problems } = await h.newPage(browser, srv.origin);
  await page.addInitScript(initScript);
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.goto(srv.base + (query ? `?${query}` : ''));
  await waitReady(page);
  await page.getByRole('article').waitFor();
  return { context, page, problems, responses };
}

async function loadTimes(h, browser, srv, query, loads) {
  const runs = [];
  let transfer = null;
  for (let i = 0; i < loads; i++) {
    const { context, page, responses } = await openFresh(h, browser, srv, query);
    const t = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => ({ name: r.name, end: r.responseEnd }));
      const wasm = res.find((r) => r.name.endsWith('.wasm'));
      return {
        ready: b.readyAt,
        readyFrame: b.readyFrameAt,
        started: b.startedAt,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        wasmFetched: wasm?.end ?? null,
        longtasks: b.longtasks.filter((l) => l.start <= b.readyFrameAt),
        passages: document.querySelectorAll('article p.passage').length,
        mentions: document.querySelectorAll('article [data-entity-id]').length,
        entities: document.querySelectorAll('section[aria-label=Entities] button.entity').length,
        // User Timing the app may add (performance.measure('analysis', ...) etc.): reported as is.
        measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, duration: m.duration })),
      };
    });
    runs.push(t);
    if (i === 0) {
      transfer = [];
      for (const r of responses) {
        if (r.status() !== 200) continue;
        const buf = await r.body().catch(() => null);
        if (!buf) continue;
        transfer.push({ file: new URL(r.url()).pathname.split('/').pop() || 'index.html', ...compressedSizes(buf) });
      }
      const total = transfer.reduce(
        (a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }),
        { raw: 0, gzip: 0, brotli: 0 },
      );
      transfer = { files: transfer, total };
    }
    await context.close();
  }
  const lt = runs.flatMap((r) => r.longtasks.map((l) => l.duration));
  return {
    transfer,
    loads: runs.length,
    ready: summary(runs.map((r) => r.ready)),
    readyFrame: summary(runs.map((r) => r.readyFrame)),
    wasmStarted: summary(runs.map((r) => r.started)),
    wasmFetched: summary(runs.map((r) => r.wasmFetched)),
    domContentLoaded: summary(runs.map((r) => r.domContentLoaded)),
    longtasksDuringLoad: {
      perLoad: median(runs.map((r) => r.longtasks.length)),
      maxMs: lt.length ? Math.max(...lt) : 0,
      totalMsPerLoad: median(runs.map((r) => r.longtasks.reduce((a, l) => a + l.duration, 0))),
    },
    page: { passages: runs[0].passages, mentions: runs[0].mentions, entities: runs[0].entities },
    userTiming: Object.fromEntries(
      [...new Set(runs.flatMap((r) => r.measures.map((m) => m.name)))].map((name) => [
        name,
        summary(runs.map((r) => r.measures.find((m) => m.name === name)?.duration)),
      ]),
    ),
  };
}

function keystrokeSummary(res) {
  const s = res.samples;
  return {
    keystrokes: s.length,
    sync: summary(s.map((x) => x.sync)),
    dom: summary(s.map((x) => x.dom)),
    frame: summary(s.map((x) => x.frame)),
    domIncompleteAtMacrotask: s.filter((x) => !x.domComplete).length,
    slowest: [...s].sort((a, b) => b.dom - a.dom).slice(0, 3).map((x) => ({ query: x.query, dom: r1(x.dom), marks: x.marks })),
    samples: s.map((x) => ({ query: x.query, dom: r1(x.dom), frame: r1(x.frame), marks: x.marks, status: x.status })),
  };
}

async function longtasksBetween(page, start, end) {
  const lts = await page.evaluate(([a, b]) => window.__bench.longtasks.filter((l) => l.start >= a && l.start <= b), [start, end]);
  return {
    count: lts.length,
    maxMs: lts.length ? Math.max(...lts.map((l) => l.duration)) : 0,
    totalMs: lts.reduce((a, l) => a + l.duration, 0),
  };
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const inPage = await page.evaluate(() => ({
    wasmBytes: window.__bench?.wasm?.memory?.buffer?.byteLength ?? null,
    perfMemoryUsed: performance.memory?.usedJSHeapSize ?? null,
  }));
  await cdp.detach();
  const rss = rendererRss();
  const MB = 1024 * 1024;
  return {
    jsHeapUsedMB: r1(m.JSHeapUsedSize / MB),
    jsHeapTotalMB: r1(m.JSHeapTotalSize / MB),
    wasmMemoryMB: inPage.wasmBytes == null ? null : r1(inPage.wasmBytes / MB),
    jsPlusWasmMB: r1((m.JSHeapUsedSize + (inPage.wasmBytes || 0)) / MB),
    domNodes: m.Nodes,
    layoutObjects: m.LayoutObjects ?? null,
    rendererRssMB: rss ? r1(rss.maxKb / 1024) : null,
  };
}

async function measureArticle(label, h, browser, srv, query, phrase, reps, loads, filterReps) {
  console.error(`[${label}] ${loads} fresh loads`);
  const load = await loadTimes(h, browser, srv, query, loads);
  console.error(`[${label}] ready median ${r1(load.ready.median)} ms`);

  // One page for typing, filtering and memory; a fresh one for the baseline.
  const { context, page, problems } = await openFresh(h, browser, srv, query);
  await page.waitForTimeout(300);
  const mem = await memory(page);
  console.error(`[${label}] typing "${phrase}" x${reps}`);
  const typing = await page.evaluate(typeInPage, {
    sel: 'input[type=search][aria-label=Search]',
    phrase,
    reps,
    statusSel: '[role=status]',
  });
  const typingLong = await longtasksBetween(page, typing.start, typing.end);
  console.error(`[${label}] entity filter`);
  const btn = await page.getByRole('region', { name: 'Entities' }).locator('button.entity').first().elementHandle();
  let filter;
  let filterLong = [];
  try {
    filter = await page.evaluate(filterInPage, { btn, reps: filterReps });
    filterLong = await longtasksBetween(page, filter.start, filter.end);
  } catch (e) {
    // Reported as "not measured" rather than losing every other figure.
    console.error(`[${label}] entity filter not measured: ${e.message.split('\n')[0]}`);
    filter = { select: [], deselect: [], start: 0, end: 0, entity: null, error: e.message.split('\n')[0] };
  }
  const appProblems = [...problems];
  await context.close();

  console.error(`[${label}] JS baseline`);
  const b = await openFresh(h, browser, srv, query);
  const baselinePassages = await b.page.evaluate(installBaseline);
  await b.page.waitForTimeout(200);
  const base = await b.page.evaluate(typeInPage, { sel: '#baseline-input', phrase, reps, statusSel: '#baseline-status' });
  const baseLong = await longtasksBetween(b.page, base.start, base.end);
  await b.context.close();

  const app = keystrokeSummary(typing);
  const js = keystrokeSummary(base);
  const sel = filter.select;
  const desel = filter.deselect;
  return {
    load,
    memory: mem,
    keystroke: { phrase, reps, ...app, longtasks: typingLong },
    baseline: { phrase, reps, passages: baselinePassages, ...js, longtasks: baseLong },
    ratioAppToBaseline: {
      domMedian: app.dom.median && js.dom.median ? r1(app.dom.median / js.dom.median) : null,
      domP95: app.dom.p95 && js.dom.p95 ? r1(app.dom.p95 / js.dom.p95) : null,
      frameMedian: app.frame.median && js.frame.median ? r1(app.frame.median / js.frame.median) : null,
    },
    filter: {
      entity: filter.entity,
      passagesBefore: sel[0]?.before,
      passagesAfter: sel[0]?.after,
      select: { dom: summary(sel.map((x) => x.dom)), frame: summary(sel.map((x) => x.frame)) },
      deselect: { dom: summary(desel.map((x) => x.dom)), frame: summary(desel.map((x) => x.frame)) },
      longtasks: filterLong,
    },
    problems: appProblems,
  };
}

async function measureScroll(h, browser, srv, query) {
  const { context, page } = await openFresh(h, browser, srv, query);
  await page.waitForTimeout(500);
  const s = await page.evaluate(scrollInPage, { steps: 20 });
  const lt = await longtasksBetween(page, s.start, s.end);
  await context.close();
  const gaps = s.gaps.slice(1);
  return {
    scrollHeightPx: s.scrollHeight,
    frames: gaps.length,
    frameGap: summary(gaps),
    longtasks: lt,
  };
}

function machine() {
  let chromium = '';
  try {
    chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (_) {}
  return {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    chromium,
    node: process.version,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ---------------------------------------------------------------- report
const kb = (n) => (n == null ? '–' : `${(n / 1024).toFixed(1)} KB`);
const ms = (n) => (n == null ? '–' : `${n >= 100 ? Math.round(n) : n.toFixed(1)} ms`);

function markdown(r) {
  const out = [];
  const row = (...c) => out.push(`| ${c.join(' | ')} |`);
  for (const [label, a] of Object.entries(r.articles)) {
    out.push(`\n### First load transfer (${label} build)\n`);
    row('file', 'raw', 'gzip -9', 'brotli q11');
    row('---', '---:', '---:', '---:');
    for (const f of a.load.transfer.files) row(f.file, kb(f.raw), kb(f.gzip), kb(f.brotli));
    const t = a.load.transfer.total;
    row('**total**', `**${kb(t.raw)}**`, `**${kb(t.gzip)}**`, `**${kb(t.brotli)}**`);
  }
  out.push('\n### Interaction\n');
  row('measure', ...Object.keys(r.articles));
  row('---', ...Object.keys(r.articles).map(() => '---:'));
  const A = Object.values(r.articles);
  const each = (f) => A.map((a) => f(a));
  row('ready after navigation, median', ...each((a) => `${ms(a.load.ready.median)} (of ${a.load.loads})`));
  row('ready → end of first frame, median', ...each((a) => ms(a.load.readyFrame.median)));
  for (const name of [...new Set(A.flatMap((a) => Object.keys(a.load.userTiming)))]) {
    row(`app measure "${name}", median`, ...each((a) => ms(a.load.userTiming[name]?.median)));
  }
  row('wasm fetched (responseEnd), median', ...each((a) => ms(a.load.wasmFetched.median)));
  row('long tasks during load (per load / longest)', ...each((a) => `${a.load.longtasksDuringLoad.perLoad} / ${ms(a.load.longtasksDuringLoad.maxMs)}`));
  row('passages / mentions / entity buttons', ...each((a) => `${a.load.page.passages} / ${a.load.page.mentions} / ${a.load.page.entities}`));
  row('keystroke → DOM updated, median', ...each((a) => ms(a.keystroke.dom.median)));
  row('keystroke → DOM updated, p95', ...each((a) => ms(a.keystroke.dom.p95)));
  row('keystroke → next frame, median / p95', ...each((a) => `${ms(a.keystroke.frame.median)} / ${ms(a.keystroke.frame.p95)}`));
  row('long tasks while typing (count / longest)', ...each((a) => `${a.keystroke.longtasks.count} / ${ms(a.keystroke.longtasks.maxMs)}`));
  row('JS find-and-mark → DOM, median / p95', ...each((a) => `${ms(a.baseline.dom.median)} / ${ms(a.baseline.dom.p95)}`));
  row('JS find-and-mark → next frame, median', ...each((a) => ms(a.baseline.frame.median)));
  row('app ÷ JS baseline (DOM median)', ...each((a) => (a.ratioAppToBaseline.domMedian == null ? '–' : `${a.ratioAppToBaseline.domMedian}×`)));
  row('entity click → passages shown, median (select)', ...each((a) => `${ms(a.filter.select.dom.median)} (${a.filter.passagesBefore} → ${a.filter.passagesAfter})`));
  row('entity click → passages shown, median (deselect)', ...each((a) => ms(a.filter.deselect.dom.median)));
  row('entity click → next frame, median (select / deselect)', ...each((a) => `${ms(a.filter.select.frame.median)} / ${ms(a.filter.deselect.frame.median)}`));
  row('memory: JS heap used (after GC)', ...each((a) => `${a.memory.jsHeapUsedMB} MB`));
  row('memory: wasm linear memory', ...each((a) => `${a.memory.wasmMemoryMB} MB`));
  row('memory: JS heap + wasm', ...each((a) => `${a.memory.jsPlusWasmMB} MB`));
  row('memory: renderer process RSS', ...each((a) => `${a.memory.rendererRssMB} MB`));
  row('DOM nodes', ...each((a) => `${a.memory.domNodes}`));
  if (r.scrollBook) {
    const s = r.scrollBook;
    out.push('\n### Scrolling the book\n');
    row('measure', 'value');
    row('---', '---:');
    row('document height', `${s.scrollHeightPx} px`);
    row('frames', `${s.frames}`);
    row('frame gap median / p95 / max', `${ms(s.frameGap.median)} / ${ms(s.frameGap.p95)} / ${ms(s.frameGap.max)}`);
    row('long tasks (count / longest)', `${s.longtasks.count} / ${ms(s.longtasks.maxMs)}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- main
const results = { date: new Date().toISOString(), machine: machine(), loads: LOADS, bookLoads: BOOK_LOADS, articles: {}, scrollBook: null };
const seedH = await harnessFor(SEED_DIST);
const browser = await seedH.launch();
try {
  const seedSrv = await seedH.startServer();
  results.articles.seed = await measureArticle('seed', seedH, browser, seedSrv, '', SEED_PHRASE, REPS, LOADS, 5);
  seedSrv.server.close();
  if (fs.existsSync(path.join(BOOK_DIST, 'index.html'))) {
    const bookH = await harnessFor(BOOK_DIST);
    const bookSrv = await bookH.startServer();
    results.articles.book = await measureArticle('book', bookH, browser, bookSrv, `article=${BOOK_ID}`, BOOK_PHRASE, 1, BOOK_LOADS, 2);
    console.error('[book] scrolling');
    results.scrollBook = await measureScroll(bookH, browser, bookSrv, `article=${BOOK_ID}`);
    bookSrv.server.close();
  } else {
    console.error(`${BOOK_DIST} has no build: skipping the book (scripts/bench.sh build makes it)`);
  }
} finally {
  await browser.close();
}
results.machine.loadavgAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'browser.json'), JSON.stringify(results, null, 2) + '\n');
console.log(markdown(results));
console.log(`\n(JSON: ${path.relative(process.cwd(), path.join(resultsDir, 'browser.json'))})`);
