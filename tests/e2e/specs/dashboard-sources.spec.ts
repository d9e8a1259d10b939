import { test, expect, type Page } from './test';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { cli, downloaded, generate, jsonFiles, load } from './dashboard-helpers';

// Where reviews come from besides chosen files: a whole folder, and this device's reviews.

const summary = (page: Page) => page.getByTestId('summary');

test('a whole folder is read: exports in it and its sub-folders count, other JSON files are skipped', async ({ page }) => {
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
