// Article Explorer in one file: the end of the page's one module script in
// dist/article-explorer.html. scripts/onefile.py puts the page's
// wasm-bindgen glue (an ES module: `__wbg_init` and the exports) before it
// and fills in BINDINGS. What the served page fetches is in inert blocks of
// the same file, which stay in the page ("Save as one file" copies them):
// - #app-wasm: the page's wasm, base64, instantiated from its bytes;
// - #analyser-js and #analyser-wasm (base64): the analyser worker's glue and
//   wasm, made into one script behind a blob: URL, because browsers refuse
//   to start a worker from a file: URL. The worker decodes its own wasm;
//   the app finds the URL on the boot data block (data-analyser).
{
  const block = (id) => document.getElementById(id).textContent.trim();
  const bytes = (base64) => {
    const binary = atob(base64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  };
  const worker = [
    block('analyser-js'),
    '\n;{ const b = atob("', block('analyser-wasm'), '"); const w = new Uint8Array(b.length);',
    ' for (let i = 0; i < b.length; i++) w[i] = b.charCodeAt(i);',
    ' wasm_bindgen({ module_or_path: w }); }\n',
  ];
  const boot = document.getElementById('boot');
  if (boot) boot.dataset.analyser = URL.createObjectURL(new Blob(worker, { type: 'text/javascript' }));
  const wasm = await __wbg_init({ module_or_path: bytes(block('app-wasm')) });
  window.wasmBindings = { /*BINDINGS*/ };
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
