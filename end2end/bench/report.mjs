// Prints one Markdown summary of the last benchmark run: every budgeted
// figure with its budget and verdict, the criterion figures and the ratios
// against compromise and the plain-JS baseline.
//
//   node end2end/bench/report.mjs          (scripts/bench.sh runs it last)
//
// Reads end2end/bench/results/{browser,compromise,criterion}.json and
// source.txt; a missing file only drops its rows. Verdicts are informative:
// this never fails on a missed budget.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, 'results');
const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  } catch (_) {
    return null;
  }
};
const browser = read('browser.json');
const comp = read('compromise.json');
const crit = read('criterion.json');
let source = '';
try {
  source = fs.readFileSync(path.join(dir, 'source.txt'), 'utf8').trim().split('\n').join(', ');
} catch (_) {}

const fmtMs = (n) => (n == null ? '–' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`);
const fmtKB = (n) => (n == null ? '–' : `${(n / 1024).toFixed(1)} KB`);
const fmtMB = (n) => (n == null ? '–' : `${n.toFixed(1)} MB`);
function verdict(value, budget, fmt) {
  if (value == null) return 'not measured';
  if (value <= budget) return 'met';
  return `**missed** by ${fmt(value - budget)} (${(value / budget).toFixed(1)}×)`;
}

const out = [];
const row = (...c) => out.push(`| ${c.join(' | ')} |`);
out.push(`## Summary${source ? ` (${source})` : ''}\n`);

// ---------------------------------------------------------------- budgets
const seed = browser?.articles?.seed;
const book = browser?.articles?.book;
const scroll = browser?.scrollBook;
row('figure', 'measured', 'budget', 'verdict');
row('---', '---:', '---:', '---');
const budget = (name, value, limit, fmt, extra = '') =>
  row(name, `${fmt(value)}${extra}`, fmt(limit), verdict(value, limit, fmt));
if (seed) {
  const t = seed.load.transfer.total;
  budget('first load, everything transferred, brotli q11', t.brotli, 250 * 1024, fmtKB, ` (gzip ${fmtKB(t.gzip)}, raw ${fmtKB(t.raw)})`);
  budget(`ready after navigation, seed, median of ${seed.load.loads}`, seed.load.ready.median, 300, fmtMs);
  budget('keystroke → highlights, seed, median', seed.keystroke.dom.median, 16, fmtMs);
  budget('keystroke → highlights, seed, p95', seed.keystroke.dom.p95, 16, fmtMs);
}
if (book) {
  budget('keystroke → highlights, book, median', book.keystroke.dom.median, 50, fmtMs);
  budget('keystroke → highlights, book, p95', book.keystroke.dom.p95, 50, fmtMs);
  budget(
    'entity filter click → passages shown, book (select)',
    book.filter.select.dom.median,
    100,
    fmtMs,
    ` (${book.filter.passagesBefore} → ${book.filter.passagesAfter} passages)`,
  );
  budget('entity filter click → passages shown, book (deselect)', book.filter.deselect.dom.median, 100, fmtMs);
  budget(`analysis of the 3.2 MB book in wasm (ready, median of ${book.load.loads})`, book.load.ready.median, 1500, fmtMs);
  budget('memory with the book (JS heap + wasm memory)', book.memory.jsPlusWasmMB, 150, fmtMB);
  row('memory with the book, renderer process RSS (context)', fmtMB(book.memory.rendererRssMB), fmtMB(150), verdict(book.memory.rendererRssMB, 150, fmtMB));
}
if (scroll) budget('scrolling the book, longest long task', scroll.longtasks.maxMs, 50, fmtMs, ` (${scroll.longtasks.count} long tasks)`);
if (!book) row('book figures', '–', '–', 'not measured (no book build)');

// ---------------------------------------------------------------- more browser figures
if (seed) {
  out.push('\n### More browser figures\n');
  const cols = Object.keys(browser.articles);
  row('figure', ...cols);
  row('---', ...cols.map(() => '---:'));
  const A = cols.map((c) => browser.articles[c]);
  row('first load brotli / gzip / raw', ...A.map((a) => `${fmtKB(a.load.transfer.total.brotli)} / ${fmtKB(a.load.transfer.total.gzip)} / ${fmtKB(a.load.transfer.total.raw)}`));
  row('ready, median (min–max)', ...A.map((a) => `${fmtMs(a.load.ready.median)} (${fmtMs(a.load.ready.min)}–${fmtMs(a.load.ready.max)})`));
  row('wasm fetched → wasm started (mounted), median', ...A.map((a) => `${fmtMs(a.load.wasmFetched.median)} → ${fmtMs(a.load.wasmStarted.median)}`));
  row('end of first frame after ready, median', ...A.map((a) => fmtMs(a.load.readyFrame.median)));
  row('long tasks during load: per load / longest', ...A.map((a) => `${a.load.longtasksDuringLoad.perLoad} / ${fmtMs(a.load.longtasksDuringLoad.maxMs)}`));
  row('keystroke → next frame, median / p95', ...A.map((a) => `${fmtMs(a.keystroke.frame.median)} / ${fmtMs(a.keystroke.frame.p95)}`));
  row('long tasks while typing: count / longest', ...A.map((a) => `${a.keystroke.longtasks.count} / ${fmtMs(a.keystroke.longtasks.maxMs)}`));
  row('entity click (select / deselect), median', ...A.map((a) => `${fmtMs(a.filter.select.dom.median)} / ${fmtMs(a.filter.deselect.dom.median)}`));
  row('JS heap / wasm memory / renderer RSS', ...A.map((a) => `${fmtMB(a.memory.jsHeapUsedMB)} / ${fmtMB(a.memory.wasmMemoryMB)} / ${fmtMB(a.memory.rendererRssMB)}`));
  row('passages / mentions / entities / DOM nodes', ...A.map((a) => `${a.load.page.passages} / ${a.load.page.mentions} / ${a.load.page.entities} / ${a.memory.domNodes}`));
}

// ---------------------------------------------------------------- ratios
out.push('\n### Ratios\n');
row('comparison', 'ours', 'other', 'ratio');
row('---', '---:', '---:', '---:');
for (const [label, a] of Object.entries(browser?.articles || {})) {
  row(
    `keystroke → DOM, ${label}: app vs plain-JS find-and-mark (median)`,
    fmtMs(a.keystroke.dom.median),
    fmtMs(a.baseline.dom.median),
    `app ${a.ratioAppToBaseline.domMedian}× slower`,
  );
  row(
    `keystroke → next frame, ${label}: app vs plain JS (median)`,
    fmtMs(a.keystroke.frame.median),
    fmtMs(a.baseline.frame.median),
    `${a.ratioAppToBaseline.frameMedian}×`,
  );
}
for (const [, t] of Object.entries(comp?.texts || {})) {
  row(
    `entity extraction, ${t.name}: our CLI vs compromise ${comp.compromise.version}`,
    `${t.cli.mbPerS} MB/s`,
    `${t.compromise.mbPerS} MB/s`,
    `ours ${t.speedup}× faster`,
  );
}
if (comp?.compromise?.package && seed) {
  const p = comp.compromise.package;
  row(
    'first-load size: whole app (brotli) vs compromise alone (brotli / gzip)',
    fmtKB(seed.load.transfer.total.brotli),
    `${fmtKB(p.brotli)} / ${fmtKB(p.gzip)}`,
    `${(seed.load.transfer.total.brotli / p.brotli).toFixed(1)}×`,
  );
}

// ---------------------------------------------------------------- criterion
if (crit?.benches?.length) {
  out.push('\n### Criterion (native, `cargo bench -p article-analysis`)\n');
  row('benchmark', 'median time', 'throughput');
  row('---', '---:', '---:');
  const t = (ns) => (ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
  for (const b of crit.benches) {
    const thr = b.mbPerS != null ? `${b.mbPerS.toFixed(1)} MB/s` : b.melemPerS != null ? `${b.melemPerS.toFixed(1)} M words/s` : '';
    row(b.id, t(b.medianNs), thr);
  }
}
console.log(out.join('\n'));
