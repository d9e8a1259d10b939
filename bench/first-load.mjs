// The form's first load: the files a browser fetches to show the form (its index.html and the
// JS, WebAssembly and CSS beside it in dist/), with their gzip -9 and brotli (quality 11) sizes,
// as a host serving the precompressed files would send them. The dashboard (dist/dashboard/)
// is a separate app and is not part of it. Used by bench/browser.mjs and scripts/check-size.
import fs from 'node:fs';
import path from 'node:path';
import { assetPattern, brotli, gzip, kb } from '../scripts/compress.mjs';

export { kb };

/** Fetched only once the app has started: the service worker and the script registering it. */
const afterLoad = ['sw.js', 'worker.js'];

/** The form's split WebAssembly (scripts/split.mjs): a directory of its own per build. */
const splitDir = /^wasm-[0-9a-f]+$/;
/** In it, the parts fetched only when a page loaded on demand is first opened. */
const onDemand = /^(chunk_|split_)/;

/** Each first-load file of the app in `dir` (top level, and the split WebAssembly's main
 * module, glue and loader), with raw, gzip and brotli bytes. */
export function firstLoad(dir) {
  const names = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && assetPattern.test(entry.name) && !afterLoad.includes(entry.name)) names.push(entry.name);
    if (entry.isDirectory() && splitDir.test(entry.name)) {
      for (const inner of fs.readdirSync(path.join(dir, entry.name))) {
        if (assetPattern.test(inner) && !onDemand.test(inner)) names.push(`${entry.name}/${inner}`);
      }
    }
  }
  const files = names
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name));
      return { file: name, raw: bytes.length, gzip: gzip(bytes).length, brotli: brotli(bytes).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce(
    (sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

/** A per-file table of a first load, for printing. */
export function describe(load) {
  const rows = load.files.map(
    (f) => `  ${f.file.padEnd(44)} raw ${kb(f.raw).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}  brotli ${kb(f.brotli).padStart(9)}`,
  );
  rows.push(
    `  ${'total'.padEnd(44)} raw ${kb(load.total.raw).padStart(10)}  gzip ${kb(load.total.gzip).padStart(9)}  brotli ${kb(load.total.brotli).padStart(9)}`,
  );
  return rows.join('\n');
}
