#!/usr/bin/env node
// The size budget: fails (exit 1) when the form's first load (dist/: HTML + JS + WebAssembly +
// CSS, gzip -9) is over the budget in bench/size-budget.json. Run by scripts/test after the
// release build. The QA dashboard (dist/dashboard/) is a separate app and is not counted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, firstLoad, kb } from '../bench/first-load.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
const budgetFile = path.join(repo, 'bench/size-budget.json');
let budget;
try {
  budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8')).form_first_load_gzip_bytes;
} catch (error) {
  console.error(`size budget: cannot read ${budgetFile}: ${error.message}`);
  process.exit(1);
}
if (!Number.isInteger(budget) || budget <= 0) {
  console.error(`size budget: ${budgetFile} has no positive whole "form_first_load_gzip_bytes"`);
  process.exit(1);
}
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`size budget: no release build in ${dist} (run ./scripts/build first)`);
  process.exit(1);
}

const load = firstLoad(dist);
console.log(`The form's first load (${path.relative(repo, dist) || '.'}):\n${describe(load)}`);
const used = load.total.gzip;
if (used > budget) {
  console.error(
    `\nsize budget exceeded: the form's first load is ${used} bytes gzip (${kb(used)}), ` +
      `${used - budget} bytes over the budget of ${budget} (${kb(budget)}) in bench/size-budget.json.\n` +
      `Find what grew with \`bench/twiggy-top\` (keep controls non-generic, use fewer distinct closures and ` +
      `store-field types, keep dashboard code out of the form), or, if the growth ` +
      `is worth it, raise the budget in the same commit and say why.`,
  );
  process.exit(1);
}
console.log(`\nsize budget: ${used} bytes gzip, within the budget of ${budget} (${budget - used} bytes to spare)`);
