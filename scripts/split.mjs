#!/usr/bin/env node
// Splits the form's WebAssembly so that only what the first page needs is in its first load
// (ARCHITECTURE.md, "Download size"). Run by scripts/build after `trunk build`, before the
// service worker's list is written. The pages marked `#[lazy]` (src/pages/lazy.rs) become
// parts of their own, fetched when one is first opened.
//
// Trunk 0.21 runs wasm-bindgen itself and has no split step, so this redoes its last steps on
// the same cargo output (built with `--emit-relocs`, scripts/release-env):
//   wasm-split-cli (from wasm_split_cli_support)  cargo's wasm -> a main module + parts + a loader
//   wasm-bindgen --target web --keep-lld-exports  the main module -> plr-app.js + plr-app_bg.wasm
//                                                 (keeping the function table the parts import)
//   wasm-opt -Oz                                  each module, as Trunk does
//   terser (scripts/minify.mjs)                   the glue, the loader of the parts, start.js
//                                                 and worker.js, minified
// and puts the result in dist/wasm-<hash of its contents>/ (the parts' own names carry no
// hash, so each build gets a directory of its own, and a cached part never meets another
// build's main module). index.html then names the new files, with their integrity hashes, and
// Trunk's unsplit files are removed.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kb } from './compress.mjs';
import { minifyFile } from './minify.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
// Cargo's output, wherever CARGO_TARGET_DIR puts it.
const target = path.resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target');
const input = path.join(target, 'wasm32-unknown-unknown/release/plr-app.wasm');
const name = 'plr-app';
// WebAssembly features allowed to wasm-opt for every module, the parts' table import among them
// (Trunk's own run passes only -Oz and relies on wasm-opt's defaults).
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

const fail = (message) => {
  console.error(`split: ${message}`);
  process.exit(1);
};
// Quiet when it works (wasm-opt warns of a name subsection it does not know in every part).
const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    fail(`${tool} ${args.join(' ')} failed:\n${error.stderr?.toString() || error.message}`);
  }
};

const indexPath = path.join(dist, 'index.html');
if (!fs.existsSync(indexPath)) fail(`no index.html in ${dist} (run trunk build first)`);
if (!fs.existsSync(input)) fail(`no ${path.relative(repo, input)} (run trunk build --release first)`);
let html = fs.readFileSync(indexPath, 'utf8');
const glue = html.match(/data-wasm-js="\/([^"]+\.js)"/)?.[1];
const wasm = html.match(/data-wasm="\/([^"]+\.wasm)"/)?.[1];
if (!glue || !wasm) fail('index.html names no data-wasm-js / data-wasm (Trunk.toml pattern_script)');

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

  // Every byte of JavaScript minified (the loader is read for its parts, below, unminified).
  await minifyFile(path.join(out, `${name}.js`));
  await minifyFile(path.join(out, '__wasm_split.js'));
  for (const loader of ['start.js', 'worker.js']) await minifyFile(path.join(dist, loader));

  const files = fs.readdirSync(out).sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(out, file)));
  const dirName = `wasm-${hash.digest('hex').slice(0, 16)}`;
  const dir = path.join(dist, dirName);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (const file of files) fs.copyFileSync(path.join(out, file), path.join(dir, file));

  const integrity = (file) =>
    `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, file))).digest('base64')}`;
  const replaceRef = (from, to) => {
    // The attribute naming the file, then the integrity attribute of the same tag, if any.
    html = html.replace(new RegExp(`(<[^>]*")/${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}("[^>]*>)`, 'g'), (tag) =>
      tag.replaceAll(`/${from}`, `/${dirName}/${to}`).replace(/integrity="[^"]*"/, `integrity="${integrity(to)}"`));
  };
  replaceRef(glue, `${name}.js`);
  replaceRef(wasm, `${name}_bg.wasm`);
  if (html.includes(glue) || html.includes(wasm)) fail('index.html still names the unsplit files');
  // The files of the review's pages (their part and the chunks it needs first), named on the
  // start script's tag: opened at a review's address, start.js fetches them beside the main
  // module instead of after it (the loader's own fetches then take the preloaded responses).
  const loader = fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8');
  const loads = new Map(
    [...loader.matchAll(/const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)/g)]
      .map(([, constName, file, deps]) => [constName, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) }]),
  );
  const reviewPages = loads.get('__wasm_split_load_review_pages');
  if (!reviewPages) fail("__wasm_split.js has no loader of the review pages' part");
  const reviewParts = [...reviewPages.deps.map((d) => loads.get(d)?.file), reviewPages.file];
  if (reviewParts.some((f) => !f)) fail("a chunk the review pages' part needs has no file in __wasm_split.js");
  html = html.replace(/(<script [^>]*data-wasm-js="[^"]*")/, `$1 data-review-parts="${reviewParts.join(' ')}"`);
  if (!html.includes('data-review-parts=')) fail('index.html has no start script tag to name the review parts on');
  // The loader of the parts is imported by the glue: fetched with it, not after it.
  html = html.replace('</head>', `<link rel="modulepreload" href="/${dirName}/__wasm_split.js" crossorigin="anonymous" integrity="${integrity('__wasm_split.js')}"></head>`);
  fs.writeFileSync(indexPath, html);
  fs.rmSync(path.join(dist, glue));
  fs.rmSync(path.join(dist, wasm));
  const main = fs.statSync(path.join(dir, `${name}_bg.wasm`)).size;
  console.log(`split: dist/${dirName}/: ${name}_bg.wasm ${kb(main)} first, ${parts.length} parts on demand`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
