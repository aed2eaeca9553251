// Entity extraction throughput: compromise (npm, in node) against our CLI
// `entities` (article-analysis, native release build) on the same text.
// Measurement only: nothing here asserts a timing.
//
//   ENTITIES_BIN=../target-bench/release/entities node end2end/bench/compromise-bench.mjs
//
// Without ENTITIES_BIN the CLI is built first with
//   cargo build --release -p article-analysis --bin entities
// (CARGO_TARGET_DIR defaults to ../target-bench beside the checkout) and timed as a binary, so
// cargo's own start-up is not counted.
//
// Texts:
//   seed  the default seed article repeated to about 1 MB, as separate
//         documents (one nlp() call / one JSON line per copy);
//   book  a 300 KB slice of War and Peace (cut at a paragraph end), as one
//         document for both tools.
// compromise: nlp(doc) then .people(), .places(), .organizations() (.out('array')),
// parse included; median of REPS runs after one warm-up run.
// CLI: the same documents as JSON lines on stdin; wall time of the process,
// median of REPS runs, and "net" = minus the start-up time of a one-line run
// (gazetteer and model loading).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { median, compressedSizes } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const resultsDir = path.join(here, 'results');
const outside = path.resolve(here, '..', '..', '..'); // the folder that holds the checkout and ../shared
const BOOK = process.env.BOOK || path.join(outside, 'shared/data/texts/war-and-peace.txt');
const SEED = path.join(repoRoot, 'seeds', fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => /\.(txt|md)$/i.test(f)).sort()[0]);
const REPS = Number(process.env.REPS || 3);
const TARGET = process.env.CARGO_TARGET_DIR || path.join(outside, 'target-bench');
const MB = 1e6; // throughput in decimal MB/s, like criterion

const r2 = (x) => Math.round(x * 100) / 100;
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

function stripFrontMatter(raw) {
  raw = raw.replace(/^\uFEFF/, '');
  const m = raw.match(/^---\r?\n[\s\S]*?\r?\n---\r?\n/);
  return m ? raw.slice(m[0].length) : raw;
}

// ---------------------------------------------------------------- texts
const seedText = stripFrontMatter(fs.readFileSync(SEED, 'utf8'));
const seedDocs = [];
for (let n = 0; n < 1e6; n += Buffer.byteLength(seedText) + 1) seedDocs.push(seedText);
const texts = [{ name: 'seed ×' + seedDocs.length, key: 'seed', docs: seedDocs }];
if (fs.existsSync(BOOK)) {
  const book = stripFrontMatter(fs.readFileSync(BOOK, 'utf8'));
  // The longest run of whole paragraphs within the first 300,000 bytes.
  const head = Buffer.from(book, 'utf8').subarray(0, 300_000).toString('utf8');
  const slice = head.slice(0, head.lastIndexOf('\n\n')).trimEnd();
  texts.push({ name: 'book 300 KB', key: 'book', docs: [slice] });
} else {
  console.error(`${BOOK} missing: the book slice is skipped`);
}
const bytesOf = (docs) => docs.reduce((a, d) => a + Buffer.byteLength(d), 0);

// ---------------------------------------------------------------- compromise
const require = createRequire(import.meta.url);
// The package exports no ./package.json: find its folder from the CommonJS entry.
const pkgDir = path.resolve(path.dirname(require.resolve('compromise')), '..', '..');
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
let t = now();
const nlp = (await import('compromise')).default;
const importMs = now() - t;
t = now();
nlp('Warm up: Joe Biden met NATO leaders in Kyiv.').people().out('array');
const firstCallMs = now() - t;

function runCompromise(docs) {
  let people = 0;
  let places = 0;
  let orgs = 0;
  for (const d of docs) {
    const doc = nlp(d);
    people += doc.people().out('array').length;
    places += doc.places().out('array').length;
    orgs += doc.organizations().out('array').length;
  }
  return { people, places, orgs };
}

// ---------------------------------------------------------------- our CLI
function entitiesBin() {
  if (process.env.ENTITIES_BIN) return process.env.ENTITIES_BIN;
  console.error('building the entities CLI (cargo build --release -p article-analysis --bin entities)');
  const r = spawnSync('cargo', ['build', '--release', '-p', 'article-analysis', '--bin', 'entities'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CARGO_TARGET_DIR: TARGET },
  });
  if (r.status !== 0) throw new Error('cargo build failed');
  return path.join(TARGET, 'release', 'entities');
}

function runCli(bin, jsonl) {
  const t0 = now();
  const r = spawnSync(bin, [], { input: jsonl, maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`entities failed: ${r.stderr}`);
  let mentions = 0;
  const kinds = {};
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    for (const e of JSON.parse(line).entities) {
      mentions++;
      kinds[e.label] = (kinds[e.label] || 0) + 1;
    }
  }
  return { ms, mentions, kinds };
}

// ---------------------------------------------------------------- run
const bin = entitiesBin();
const startup = median(
  Array.from({ length: 5 }, () => runCli(bin, JSON.stringify({ id: 'w', text: 'Joe Biden met NATO leaders in Kyiv.' }) + '\n').ms),
);
const results = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadavg: os.loadavg().map(r2) },
  compromise: { version, importMs: r2(importMs), firstCallMs: r2(firstCallMs) },
  cli: { bin, startupMs: r2(startup) },
  texts: {},
};
for (const { name, key, docs } of texts) {
  const bytes = bytesOf(docs);
  console.error(`[${name}] ${(bytes / 1e3).toFixed(0)} KB in ${docs.length} document(s)`);
  runCompromise(docs.slice(0, 3)); // warm-up
  const cTimes = [];
  let found;
  for (let i = 0; i < REPS; i++) {
    const t0 = now();
    found = runCompromise(docs);
    cTimes.push(now() - t0);
  }
  const jsonl = docs.map((d, i) => JSON.stringify({ id: String(i), text: d })).join('\n') + '\n';
  const cli = [];
  for (let i = 0; i < REPS; i++) cli.push(runCli(bin, jsonl));
  const cliMs = median(cli.map((c) => c.ms));
  const cMs = median(cTimes);
  const netMs = Math.max(cliMs - startup, 1e-3);
  results.texts[key] = {
    name,
    bytes,
    documents: docs.length,
    compromise: { ms: r2(cMs), mbPerS: r2(bytes / MB / (cMs / 1000)), found },
    cli: {
      ms: r2(cliMs),
      mbPerS: r2(bytes / MB / (cliMs / 1000)),
      netMs: r2(netMs),
      netMbPerS: r2(bytes / MB / (netMs / 1000)),
      mentions: cli[0].mentions,
      kinds: cli[0].kinds,
    },
    speedup: r2(cMs / cliMs),
    speedupNet: r2(cMs / netMs),
  };
}

// Package size of what a browser would load: the single-file minified build.
const build = fs.readFileSync(path.join(pkgDir, 'builds', 'compromise.js'));
results.compromise.package = {
  file: 'compromise/builds/compromise.js',
  ...compressedSizes(build),
};
results.machine.loadavgAfter = os.loadavg().map(r2);

fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'compromise.json'), JSON.stringify(results, null, 2) + '\n');

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = [];
lines.push(`\n### Entity extraction throughput: compromise ${version} (node ${process.version}) vs our CLI\n`);
lines.push('| text | bytes | compromise | our CLI (process) | our CLI (net of start-up) | CLI ÷ compromise speed |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of Object.values(results.texts)) {
  lines.push(
    `| ${r.name} | ${r.bytes} | ${r.compromise.mbPerS} MB/s (${Math.round(r.compromise.ms)} ms) | ${r.cli.mbPerS} MB/s (${Math.round(r.cli.ms)} ms) | ${r.cli.netMbPerS} MB/s | ${r.speedup}× (net ${r.speedupNet}×) |`,
  );
}
lines.push(`\nCLI start-up (one short line): ${r2(startup)} ms. compromise import: ${r2(importMs)} ms, first call: ${r2(firstCallMs)} ms.`);
const p = results.compromise.package;
lines.push(`compromise package (${p.file}): ${kb(p.raw)} raw, ${kb(p.gzip)} gzip -9, ${kb(p.brotli)} brotli q11.`);
for (const r of Object.values(results.texts)) {
  lines.push(
    `Found on ${r.name}: compromise ${r.compromise.found.people} people / ${r.compromise.found.places} places / ${r.compromise.found.orgs} organizations; CLI ${r.cli.mentions} mentions ${JSON.stringify(r.cli.kinds)}.`,
  );
}
console.log(lines.join('\n'));
console.log(`\n(JSON: ${path.relative(process.cwd(), path.join(resultsDir, 'compromise.json'))})`);
