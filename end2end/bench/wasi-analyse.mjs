// Runs the `analyse_file` example compiled to wasm32-wasip1 in node's V8
// (the engine Chromium uses), one core, and prints its stage timings: the
// speed of entity extraction in wasm, without the app around it.
//
//   node end2end/bench/wasi-analyse.mjs analyse_file.wasm FILE
//
// Used by `scripts/bench.sh wasm`; see BENCHMARKS.md.
import { WASI } from 'node:wasi';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [wasmPath, file] = process.argv.slice(2);
if (!wasmPath || !file) {
  console.error('usage: node wasi-analyse.mjs analyse_file.wasm FILE');
  process.exit(2);
}
const dir = path.dirname(path.resolve(file));
const wasi = new WASI({
  version: 'preview1',
  args: ['analyse_file', `/data/${path.basename(file)}`],
  preopens: { '/data': dir },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
process.exit(code);
