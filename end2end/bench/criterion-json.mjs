// Collects criterion's estimates into one JSON document on stdout.
//
//   node end2end/bench/criterion-json.mjs ../target-bench/criterion > results/criterion.json
//
// Reads every `<group>/<function>/<value>/new/{benchmark,estimates}.json`
// (whatever benches exist: the list is not hard-coded, so benches may change).
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2] || path.join(process.env.CARGO_TARGET_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../target-bench'), 'criterion');

function* walk(dir) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (_) {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name);
    if (e.name === 'new' && fs.existsSync(path.join(p, 'benchmark.json'))) yield p;
    else if (e.name !== 'base' && e.name !== 'change' && e.name !== 'report') yield* walk(p);
  }
}

const benches = [];
for (const dir of walk(root)) {
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'benchmark.json'), 'utf8'));
  const est = JSON.parse(fs.readFileSync(path.join(dir, 'estimates.json'), 'utf8'));
  const ns = est.median.point_estimate;
  const out = {
    id: b.full_id,
    group: b.group_id,
    function: b.function_id ?? null,
    value: b.value_str ?? null,
    medianNs: ns,
    meanNs: est.mean.point_estimate,
    measuredAt: fs.statSync(path.join(dir, 'estimates.json')).mtime.toISOString(),
  };
  if (b.throughput?.Bytes != null) {
    out.bytes = b.throughput.Bytes;
    out.mbPerS = b.throughput.Bytes / 1e6 / (ns / 1e9);
  } else if (b.throughput?.BytesDecimal != null) {
    out.bytes = b.throughput.BytesDecimal;
    out.mbPerS = b.throughput.BytesDecimal / 1e6 / (ns / 1e9);
  } else if (b.throughput?.Elements != null) {
    out.elements = b.throughput.Elements;
    out.melemPerS = b.throughput.Elements / 1e6 / (ns / 1e9);
  }
  benches.push(out);
}
benches.sort((a, b) => a.id.localeCompare(b.id));
process.stdout.write(JSON.stringify({ root, benches }, null, 2) + '\n');
