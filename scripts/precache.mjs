#!/usr/bin/env node
// Writes dist/sw.js, the service worker, from web/sw.js: the list of the form's files to keep
// for offline use (every file of dist/ but the dashboard, the precompressed copies and the
// worker itself) and a version made from their contents, so each build is a new worker.
// Run by scripts/build after trunk, before the precompressed copies are made.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));

const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = '/' + path.relative(dist, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (name !== '/dashboard') walk(full);
    } else if (!/\.(gz|br)$/.test(name) && name !== '/sw.js') {
      files.push(name);
    }
  }
};
walk(dist);
files.sort();
if (!files.includes('/index.html')) {
  console.error(`precache: no index.html in ${dist} (run trunk build first)`);
  process.exit(1);
}

const hash = crypto.createHash('sha256');
for (const file of files) hash.update(file).update(fs.readFileSync(path.join(dist, file)));
const version = hash.digest('hex').slice(0, 16);
const worker = fs
  .readFileSync(path.join(repo, 'web/sw.js'), 'utf8')
  .replace('__PLR_VERSION__', version)
  .replace('__PLR_FILES__', JSON.stringify(files));
fs.writeFileSync(path.join(dist, 'sw.js'), worker);
console.log(`precache: dist/sw.js keeps ${files.length} files for offline use (version ${version})`);
