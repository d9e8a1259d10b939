// Minifies the form's own JavaScript in place: the loader (start.js, worker.js), and, from
// scripts/split.mjs, the wasm-bindgen glue and the loader of the parts. Each is an ES module;
// terser (pinned in tests/e2e/package.json, installed by scripts/setup) keeps its exports and
// every property name (the WebAssembly's imports are looked up by name), and renames only
// what is local.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { minify } = createRequire(path.join(repo, 'tests/e2e/package.json'))('terser');

/** Rewrites `file` minified; returns its sizes before and after. */
export async function minifyFile(file) {
  const code = fs.readFileSync(file, 'utf8');
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  if (typeof result.code !== 'string') throw new Error(`terser gave no code for ${file}`);
  fs.writeFileSync(file, result.code);
  return { before: code.length, after: result.code.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const { before, after } = await minifyFile(file);
    console.log(`minify: ${path.relative(process.cwd(), file)} ${before} -> ${after} bytes`);
  }
}
