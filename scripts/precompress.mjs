#!/usr/bin/env node
// Writes `<file>.gz` (gzip -9) and `<file>.br` (brotli quality 11) beside every HTML, JS,
// WebAssembly and CSS file under the given directory (default dist/), for hosts that serve
// precompressed files (nginx `gzip_static on; brotli_static on;`). Node's zlib does both, so
// no extra tool is needed.
import fs from 'node:fs';
import path from 'node:path';
import { assetPattern, brotli, gzip } from './compress.mjs';

const root = path.resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);

function* assets(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* assets(full);
    else if (entry.isFile() && assetPattern.test(entry.name)) yield full;
  }
}

let count = 0;
for (const file of assets(root)) {
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, gzip(bytes));
  fs.writeFileSync(`${file}.br`, brotli(bytes));
  count += 1;
}
console.log(`precompress: wrote .gz and .br beside ${count} files in ${path.relative(process.cwd(), root) || '.'}`);
