import { test, expect, type Page } from './test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { cli, downloaded, generate, jsonFiles, load } from './dashboard-helpers';

// Where reviews come from besides chosen files: a whole folder, a zip, and this device's reviews.

const summary = (page: Page) => page.getByTestId('summary');

test('a whole folder is read: exports in it and its sub-folders count, other JSON files are skipped', async ({ page, browserName }) => {
  test.skip(browserName === 'firefox', 'choosing a folder (setInputFiles into a webkitdirectory input) is not known to work in stock Firefox ESR under Playwright; a zip of the same kind of folder is checked in Firefox below');
  const dir = generate(25, 11, '2022-05-01', '2022-05-31');
  const files = jsonFiles(dir);
  mkdirSync(join(dir, 'late'));
  for (const f of files.slice(0, 5)) renameSync(join(dir, f), join(dir, 'late', f));
  writeFileSync(join(dir, 'notes.txt'), 'not an export, and not JSON');
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ note: 'a JSON file that is not a review export' }));
  const expected = cli(dir, ['--as-of', '2022-06-30', '--format', 'json'], ['.']);
  const { plrs, skipped_files: skipped } = JSON.parse(expected.toString());
  expect(skipped).toBe(1);

  await page.goto('/dashboard/');
  await page.getByLabel('Or choose a whole folder').setInputFiles(dir);
  // The 25 exports and settings.json; notes.txt is not a .json file and is not read.
  await expect(page.getByRole('status')).toContainText('Read 26 files.');
  await page.getByLabel('Actions judged as of').fill('2022-06-30');
  await expect(summary(page)).toContainText(`${plrs} reviews counted`);
  await expect(summary(page)).toContainText('0 files rejected; 1 files skipped');
  expect((await downloaded(page, 'Download JSON')).equals(expected)).toBe(true);
});

/** Zips `entries` (path inside the zip, file on disk) into `zip`, deflated, with Python's zipfile. */
function zipInto(zip: string, entries: [string, string][]) {
  const script = [
    'import json, sys, zipfile',
    'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:',
    '    for name, path in json.loads(sys.argv[2]):',
    '        z.write(path, name)',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, zip, JSON.stringify(entries)]);
  expect(run.status, run.stderr.toString()).toBe(0);
}

test('a zip of exports in a nested folder is read as one file: the same figures and download as plr snapshot over the zip', async ({ page }) => {
  const dir = generate(25, 13, '2022-05-01', '2022-05-31');
  const files = jsonFiles(dir);
  const broken = readFileSync(join(dir, files[0]), 'utf8').replace('"status": "', '"status": "x');
  writeFileSync(join(dir, 'zz-broken.txt'), broken);
  writeFileSync(join(dir, 'settings.txt'), JSON.stringify({ note: 'a JSON file that is not a review export' }));
  writeFileSync(join(dir, 'notes.txt'), 'not an export, and not JSON');
  zipInto(join(dir, 'exports.zip'), [
    ...files.map((f): [string, string] => [`july/week-1/${f}`, join(dir, f)]),
    ['july/week-1/zz-broken.json', join(dir, 'zz-broken.txt')],
    ['july/settings.json', join(dir, 'settings.txt')],
    ['july/notes.txt', join(dir, 'notes.txt')],
  ]);
  const args = ['--as-of', '2022-06-30', '--format', 'json'];
  // Run in `dir`, so plr names each entry exports.zip/july/…, as the dashboard does.
  const expected = cli(dir, args, ['exports.zip']);
  const { plrs, drafts_ignored: drafts, rejected_files: rejected, skipped_files: skipped } = JSON.parse(expected.toString());
  // Every generated export counts (the generator leaves a few as drafts, not measured).
  expect([plrs + drafts, rejected, skipped]).toEqual([25, 1, 1]);

  await page.goto('/dashboard/');
  await page.getByLabel('Choose export files').setInputFiles(join(dir, 'exports.zip'));
  // The 25 exports, the broken one and settings.json; notes.txt is not a .json entry.
  await expect(page.getByRole('status')).toContainText('Read 27 files.');
  await page.getByLabel('Actions judged as of').fill('2022-06-30');
  await expect(summary(page)).toContainText(`${plrs} reviews counted`);
  await expect(summary(page)).toContainText('1 files rejected; 1 files skipped');
  const rejectedFiles = page.locator('section.rejected');
  await expect(rejectedFiles.getByRole('row', { name: /exports\.zip\/july\/week-1\/zz-broken\.json/ })).toBeVisible();
  expect((await downloaded(page, 'Download JSON')).equals(expected)).toBe(true);
});

test('exports of an older schema version (1) are all read and counted as plr snapshot counts them', async ({ page }) => {
  const dir = generate(20, 15, '2022-05-01', '2022-05-31', ['--schema-version', '1']);
  const files = jsonFiles(dir);
  expect(JSON.parse(readFileSync(join(dir, files[0]), 'utf8')).schema_version).toBe(1);
  const expected = cli(dir, ['--as-of', '2022-06-30', '--format', 'json']);
  const { plrs, drafts_ignored: drafts, rejected_files: rejected } = JSON.parse(expected.toString());
  expect([plrs + drafts, rejected]).toEqual([20, 0]);

  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Actions judged as of').fill('2022-06-30');
  await expect(summary(page)).toContainText(`${plrs} reviews counted`);
  await expect(summary(page)).toContainText('0 files rejected');
  expect((await downloaded(page, 'Download JSON')).equals(expected)).toBe(true);
});

test('a file named .zip that is not a zip is listed under its name and nothing already loaded is lost', async ({ page }) => {
  const dir = generate(6, 14, '2022-05-01', '2022-05-31');
  await page.goto('/dashboard/');
  await load(page, dir);
  const counted = (await summary(page).textContent()) as string;
  writeFileSync(join(dir, 'not-a-zip.zip'), '{"format": "plr"}');
  await page.getByLabel('Choose export files').setInputFiles(join(dir, 'not-a-zip.zip'));
  await expect(page.getByRole('status')).toContainText('Read 1 file.');
  await expect(summary(page)).toContainText('1 files rejected');
  const rejectedFiles = page.locator('section.rejected');
  await expect(rejectedFiles.getByRole('row', { name: /not-a-zip\.zip/ })).toContainText('not a zip archive that can be read');
  expect(counted).toMatch(/\d+ reviews counted/);
  await expect(summary(page)).toContainText(counted.match(/\d+ reviews counted/)![0]);
});

/** Puts reviews into this origin's localStorage the way the form keeps them (`plr_core::stored`). */
async function storeOnDevice(page: Page, entries: [string, string][]) {
  await page.evaluate((entries) => {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, entries);
}

test('"Include the reviews on this device" adds the completed reviews the form saved, once', async ({ page }) => {
  const dir = generate(40, 12, '2022-09-01', '2022-09-30');
  const reviews = jsonFiles(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const completed = reviews.filter((r) => r.status === 'completed');
  const onDevice = completed.slice(0, 4);
  const fromFiles = completed.slice(4, 14);
  const draft = { ...completed[14], status: 'draft', completed_at: null };
  // The form keeps other entries too (its index); only review entries are read.
  await page.goto('/dashboard/');
  await storeOnDevice(page, [
    ...onDevice.map((r): [string, string] => [`plr:draft:${r.id}`, JSON.stringify(r)]),
    [`plr:draft:${draft.id}`, JSON.stringify(draft)],
    ['plr:draft:00000000-0000-4000-8000-000000000000', '{ damaged'],
    ['plr:index', JSON.stringify([])],
  ]);

  for (const r of fromFiles) writeFileSync(join(dir, `chosen-${r.id}.json`), JSON.stringify(r));
  await load(page, dir, fromFiles.map((r) => `chosen-${r.id}.json`));
  await page.getByLabel('Period', { exact: true }).selectOption('2022-09');
  await expect(summary(page)).toContainText('10 reviews counted');

  await page.getByRole('button', { name: 'Include the reviews on this device' }).click();
  await expect(page.getByRole('status')).toContainText('Included 4 completed reviews from this device.');
  await expect(summary(page)).toContainText('14 reviews counted');
  // The damaged entry is listed like a rejected file; the draft is not counted.
  await expect(summary(page)).toContainText('1 files rejected');
  const rejected = page.locator('section.rejected');
  await expect(rejected.getByRole('row', { name: /this device: plr:draft:00000000-0000-4000-8000-000000000000/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // A second click finds the same reviews: each id is counted, and the damaged entry listed, once.
  await page.getByRole('button', { name: 'Include the reviews on this device' }).click();
  await expect(summary(page)).toContainText('4 duplicates merged');
  await expect(summary(page)).toContainText('14 reviews counted');
  await expect(summary(page)).toContainText('1 files rejected');
});
