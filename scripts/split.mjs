#!/usr/bin/env node
// Splits the form's WebAssembly so that only what the first page needs is in its first load
// (ARCHITECTURE.md, "Download size"). Trunk's post_build hook (Trunk.toml): it runs after every
// build of the form, on Trunk's staging directory (TRUNK_STAGING_DIR), before Trunk moves that
// to dist/. A development build (`trunk serve`) stays unsplit: the hook returns at once. The
// pages marked `#[lazy]` (src/pages/lazy.rs) become parts of their own, fetched when one is
// first opened.
//
// Trunk 0.21 has no split step, so this redoes its last steps on the same cargo output (built
// with `--emit-relocs` and `--cfg plr_split`: scripts/release-env's flags, which scripts/build
// gives Trunk's cargo run):
//   wasm-split-cli (from wasm_split_cli_support)  cargo's wasm -> a main module + parts + a loader
//   wasm-bindgen --target web --keep-lld-exports  the main module -> plr-app.js + plr-app_bg.wasm
//                                                 (keeping the function table the parts import)
//   wasm-opt -Oz                                  each module (index.html turns Trunk's own
//                                                 wasm-opt off: its unsplit output is dropped)
//   terser (scripts/minify.mjs)                   the glue, the loader of the parts, start.js
//                                                 and worker.js, minified
// and puts the result in wasm-<hash of its contents>/ (the parts' own names carry no hash, so
// each build gets a directory of its own, and a cached part never meets another build's main
// module). Trunk's unsplit glue and WebAssembly are removed, and index.html names the new files
// instead: their addresses and integrity hashes in place of those of Trunk's files (found in
// the staging directory, not in the HTML), the files of the review's pages on the start script
// (Trunk.toml's `pattern_script`), and a modulepreload of the loader of the parts.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const fail = (message) => {
  console.error(`split: ${message}`);
  process.exit(1);
};

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("Trunk's post_build hook (Trunk.toml): run `./scripts/build`, not this script");
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
if (!(process.env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?? '').includes('--cfg plr_split')) {
  fail("the release build is compiled with scripts/release-env's flags for the split: run `./scripts/build`");
}

const { kb } = await import('./compress.mjs');
const { minifyFile } = await import('./minify.mjs');

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Cargo's output, wherever CARGO_TARGET_DIR puts it.
const target = path.resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
const input = path.join(target, 'wasm32-unknown-unknown/release/plr-app.wasm');
const name = 'plr-app';
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
// WebAssembly features allowed to wasm-opt for every module, the parts' table import among them;
// with PLR_WASM_NAMES=1 the functions' names are kept too (for a profiler: bench/profile.mjs).
const features = [...(process.env.PLR_WASM_NAMES === '1' ? ['-g'] : []), '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
// binaryen 132 from npm first (Debian's 108 builds a page that crashes), then cargo's tools.
const env = { ...process.env, PATH: [path.join(repo, 'tests/e2e/node_modules/.bin'), process.env.PATH].join(path.delimiter) };

// Quiet when it works (wasm-opt warns of a name subsection it does not know in every part).
const run = (tool, args) => {
  try {
    execFileSync(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    fail(`${tool} ${args.join(' ')} failed:\n${error.stderr?.toString() || error.message}`);
  }
};
const integrity = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;
const count = (text, part) => text.split(part).length - 1;
/** `text` with its one `from` replaced (it must have exactly one). */
const replaceOnce = (text, from, to, what) => {
  if (count(text, from) !== 1) fail(`index.html has ${count(text, from)} ${what}, not 1`);
  return text.split(from).join(to);
};

/** The files the loader of the parts fetches to load the review's pages, in its order (the
 * chunks the part needs, then the part): found by running its load function under Node, with a
 * `fetch` that records each address and never answers (so no module is ever instantiated), and
 * a stand-in for the glue. */
async function reviewPartFiles(loader) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plr-split-loader-'));
  const realFetch = globalThis.fetch;
  try {
    fs.copyFileSync(loader, path.join(dir, 'loader.mjs'));
    // The glue's exports the loader takes for the parts' imports: nothing is instantiated.
    fs.writeFileSync(path.join(dir, `${name}.js`), 'export const initSync = () => ({ __indirect_function_table: { get: () => () => {} } });\n');
    const fetched = [];
    globalThis.fetch = (url) => {
      fetched.push(path.basename(new URL(url).pathname));
      return new Promise(() => {});
    };
    const module = await import(pathToFileURL(path.join(dir, 'loader.mjs')).href);
    const load = module.__wasm_split_load_review_pages;
    if (typeof load !== 'function') fail("__wasm_split.js has no loader of the review pages' part");
    load(0, 0); // Fetches synchronously; the answers never come, so nothing more runs.
    if (fetched.length === 0 || fetched.some((f) => !f.endsWith('.wasm'))) {
      fail(`the review pages' loader fetched ${JSON.stringify(fetched)}, not its parts`);
    }
    return fetched;
  } finally {
    globalThis.fetch = realFetch;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const indexPath = path.join(staging, 'index.html');
if (!fs.existsSync(indexPath)) fail(`no index.html in ${staging}`);
if (!fs.existsSync(input)) fail(`no ${input} (cargo's output)`);
// Trunk's unsplit files: the one WebAssembly module it wrote, and its glue beside it.
const trunkWasms = fs.readdirSync(staging).filter((f) => f.startsWith(name) && f.endsWith('_bg.wasm'));
if (trunkWasms.length !== 1) fail(`${staging} has ${trunkWasms.length} ${name}*_bg.wasm files from Trunk, not 1`);
const trunkWasm = trunkWasms[0];
const trunkGlue = trunkWasm.replace(/_bg\.wasm$/, '.js');
if (!fs.existsSync(path.join(staging, trunkGlue))) fail(`no ${trunkGlue} beside ${trunkWasm}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plr-split-'));
try {
  const split = path.join(work, 'split');
  const out = path.join(work, 'out');
  run('wasm-split-cli', [input, split, '--out-name', name]);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', out, path.join(split, `${name}.wasm`)]);
  fs.copyFileSync(path.join(split, '__wasm_split.js'), path.join(out, '__wasm_split.js'));
  run('wasm-opt', ['-Oz', ...features, path.join(out, `${name}_bg.wasm`), '-o', path.join(out, `${name}_bg.wasm`)]);
  const parts = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
  if (parts.length === 0) fail('wasm-split-cli found no #[lazy] split points: nothing was split');
  for (const part of parts) run('wasm-opt', ['-Oz', ...features, path.join(split, part), '-o', path.join(out, part)]);

  // Every byte of JavaScript minified.
  await minifyFile(path.join(out, `${name}.js`));
  await minifyFile(path.join(out, '__wasm_split.js'));
  for (const loader of ['start.js', 'worker.js']) await minifyFile(path.join(staging, loader));

  const files = fs.readdirSync(out).sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(out, file)));
  const dirName = `wasm-${hash.digest('hex').slice(0, 16)}`;
  const dir = path.join(staging, dirName);
  fs.mkdirSync(dir);
  for (const file of files) fs.copyFileSync(path.join(out, file), path.join(dir, file));
  // The files of the review's pages (their part and the chunks it needs first), named on the
  // start script's tag: opened at a review's address, start.js fetches them beside the main
  // module instead of after it (the loader's own fetches then take the preloaded responses).
  const reviewParts = await reviewPartFiles(path.join(dir, '__wasm_split.js'));

  let html = fs.readFileSync(indexPath, 'utf8');
  // Each of Trunk's files becomes the split's: its address (on the start script and Trunk's
  // preload link) and the integrity hash Trunk gave it (there, from the file's contents).
  for (const [from, to] of [[trunkGlue, `${name}.js`], [trunkWasm, `${name}_bg.wasm`]]) {
    const [fromUrl, toUrl] = [`"${base}${from}"`, `"${base}${dirName}/${to}"`];
    if (count(html, fromUrl) === 0) fail(`index.html does not name ${from}`);
    html = html.split(fromUrl).join(toUrl);
    html = replaceOnce(html, `"${integrity(path.join(staging, from))}"`, `"${integrity(path.join(dir, to))}"`, `integrity hashes of ${from}`);
    if (html.includes(from)) fail(`index.html names ${from} where it was not replaced`);
  }
  const glueAttr = ` data-wasm-js="${base}${dirName}/${name}.js"`;
  html = replaceOnce(html, glueAttr, `${glueAttr} data-review-parts="${reviewParts.join(' ')}"`, 'start scripts');
  // The loader of the parts is imported by the glue: fetched with it, not after it.
  const loaderUrl = `${base}${dirName}/__wasm_split.js`;
  html = replaceOnce(html, '</head>',
    `<link rel="modulepreload" href="${loaderUrl}" crossorigin="anonymous" integrity="${integrity(path.join(dir, '__wasm_split.js'))}"></head>`,
    '</head> tags');
  fs.writeFileSync(indexPath, html);
  fs.rmSync(path.join(staging, trunkGlue));
  fs.rmSync(path.join(staging, trunkWasm));
  const main = fs.statSync(path.join(dir, `${name}_bg.wasm`)).size;
  console.log(`split: ${dirName}/: ${name}_bg.wasm ${kb(main)} first, ${parts.length} parts on demand`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
