// Recording a Head of Service update from the dashboard's register (followthrough.md): the same
// questions and rules as the form, the register changes at once, and the changed files are
// saved: downloaded (one file, or a zip of several) where the browser cannot write them back,
// written into the opened folder where it can (Chromium's File System Access API).
import { test, expect } from './test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { fixture } from './fixtures';
import { downloadFromButton } from './download';
import { downloaded, jsonFiles, load, plr } from './dashboard-helpers';

/** Two Cases of Concern of November 2026: LL-771204 (shared with D. Head) and LL-NOT-UPDATED. */
function concerns(): Record<string, unknown> {
  const other = fixture('completed-concern.json');
  other.id = '0b7d3f4e-9a41-4c55-8f7e-2d6f0c1a9b33';
  other.case.child_ref = 'LL-NOT-UPDATED';
  Object.assign(other.judgement, { concern_shared_with: 'R. Jones' });
  return {
    'concern.json': fixture('completed-concern.json'),
    'other.json': other,
  };
}

async function chooseNovember(page: import('@playwright/test').Page) {
  await page.getByLabel('Period', { exact: true }).selectOption('2026-11');
  await page.getByLabel('Actions judged as of').fill('2026-11-30');
}

const summaryText = (tracked: number) =>
  new RegExp(`^${tracked} Cases of Concern tracked as of 30 November 2026 \\(November 2026\\)`);

test('an update recorded from the register is checked by the core, changes the register, and the changed files download and reopen with it', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'plr-dash-update-'));
  for (const [name, review] of Object.entries(concerns())) {
    writeFileSync(join(dir, name), JSON.stringify(review, null, 2));
  }
  await page.goto('/dashboard/');
  await load(page, dir);
  await chooseNovember(page);
  const register = page.locator('#register');
  await expect(page.locator('#register-summary')).toHaveText(summaryText(2));

  await register.getByRole('button', { name: 'Record an update on LL-771204' }).click();
  await expect(page.getByRole('heading', { name: 'Record a Head of Service update on LL-771204' })).toBeFocused();
  await expectNoAxeViolations(page);

  // Nothing answered: each question says what it needs.
  const record = page.getByRole('button', { name: 'Record the update' });
  await record.click();
  const problems = page.locator('#update-problems');
  await expect(problems).toBeFocused();
  await expect(problems.getByRole('link')).toHaveText([
    'Enter the date of the update',
    'Enter the name of the Head of Service who gave the update',
    'Select whether the Head of Service is assured the child is safe',
    'Select whether the Head of Service is assured a plan is in place',
    'Select what happens next',
  ]);

  // Dated before the concern was raised (20 November), and resolved with one assurance: the
  // core's rules refuse both, and nothing is recorded.
  await page.getByLabel('Date of the update').fill('2026-11-19');
  await page.getByLabel('Name of the Head of Service').fill('P. Singh');
  const safe = page.getByRole('group', { name: 'Is the Head of Service assured the child is safe?' });
  const plan = page.getByRole('group', { name: 'Is the Head of Service assured a plan is in place?' });
  await safe.getByLabel('Yes').check();
  await plan.getByLabel('No').check();
  await page.getByLabel('Resolved: the child is safe and a plan is in place').check();
  await record.click();
  await expect(problems.getByRole('link')).toHaveText([
    'The update cannot be dated before the Case of Concern was raised',
    'A Case of Concern is resolved only when the Head of Service is assured both that the child is safe and that a plan is in place',
  ]);
  await expectNoAxeViolations(page);
  await expect(page.locator('#changed-files')).toHaveCount(0);

  await page.getByLabel('Date of the update').fill('2026-11-25');
  await plan.getByLabel('Yes').check();
  await page.getByLabel('Note (optional)').fill('Visited the family; the safety plan is working.');
  await record.click();
  const status = page.locator('#register-status');
  await expect(status).toHaveText(
    'The update on LL-771204 is recorded. Download the changed file below and put it in place of concern.json.',
  );
  // Resolved on 25 November: no longer tracked at the end of November.
  await expect(page.locator('#register-summary')).toHaveText(summaryText(1));
  await expect(page.locator('[data-measure="concerns_resolved"]').first()).toHaveText('1');
  await expect(page.locator('#changed-files')).toContainText('1 changed file is not saved yet: concern.json.');

  // A second child's update: the two changed files download as one zip.
  await register.getByRole('button', { name: 'Record an update on LL-NOT-UPDATED' }).click();
  await page.getByLabel('Date of the update').fill('2026-11-27');
  await page.getByLabel('Name of the Head of Service').fill('R. Jones');
  await safe.getByLabel('Yes').check();
  await plan.getByLabel('No').check();
  await page.getByLabel('Continuing oversight: the Head of Service keeps following it').check();
  await record.click();
  await expect(status).toContainText('The update on LL-NOT-UPDATED is recorded.');
  await expect(register.getByRole('row', { name: /LL-NOT-UPDATED/ })).toContainText('2026-11-27 by R. Jones: Continuing oversight');
  const zip = await downloadFromButton(page, 'Download the changed files (zip)');
  expect(zip.name).toBe('plr-changed-exports.zip');
  const out = mkdtempSync(join(tmpdir(), 'plr-dash-unzipped-'));
  const unzip = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip.path, out]);
  expect(unzip.status).toBe(0);
  expect(jsonFiles(out)).toEqual(['concern.json', 'other.json']);
  const saved = JSON.parse(readFileSync(join(out, 'concern.json'), 'utf8'));
  expect(saved.concern_updates).toEqual([{
    on: '2026-11-25', by: 'P. Singh', child_safe: true, plan_in_place: true, outcome: 'resolved',
    note: 'Visited the family; the safety plan is working.',
  }]);

  // The files reopened: the register is the same, and equals plr concerns over them.
  await page.reload();
  await load(page, out);
  await chooseNovember(page);
  await page.getByLabel('Include those resolved in the period').check();
  await expect(page.locator('#register-summary')).toHaveText(summaryText(2));
  await expect(register.getByRole('row', { name: /LL-771204/ })).toContainText('2026-11-25 by P. Singh: Resolved');
  await expect(register.getByRole('row', { name: /LL-771204/ })).toContainText('Resolved 2026-11-25');
  const csv = await downloaded(page, 'Download the register (CSV)');
  const cli = spawnSync(plr, ['concerns', '--period', '2026-11', '--as-of', '2026-11-30', '--resolved', '--format', 'csv', ...jsonFiles(out)], { cwd: out });
  expect(csv.toString()).toBe(cli.stdout.toString());
});

test('in a folder opened to save in, the update is written back into its file', async ({ page, browserName }) => {
  test.skip(browserName !== 'chromium', 'only Chromium lets a page write into a folder (the File System Access API)');
  const files = Object.entries(concerns()).map(([name, review]) => [name, JSON.stringify(review, null, 2)]);
  // The folder the QA officer would choose, made in the browser's own file system: the
  // picker dialog itself cannot be driven, the handle and its writes are the browser's.
  await page.addInitScript((files) => {
    (window as any).showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle('November exports', { create: true });
      const sub = await folder.getDirectoryHandle('Stroud', { create: true });
      for (const [i, [name, text]] of files.entries()) {
        const handle = await (i === 0 ? folder : sub).getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(text);
        await writable.close();
      }
      return folder;
    };
  }, files);
  await page.goto('/dashboard/');
  await page.getByRole('button', { name: 'Open a folder to read and save updates in' }).click();
  await expect(page.getByRole('status').first()).toContainText('Read 2 files.');
  await chooseNovember(page);
  await page.locator('#register').getByRole('button', { name: 'Record an update on LL-NOT-UPDATED' }).click();
  await page.getByLabel('Date of the update').fill('2026-11-27');
  await page.getByLabel('Name of the Head of Service').fill('R. Jones');
  await page.getByRole('group', { name: 'Is the Head of Service assured the child is safe?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Is the Head of Service assured a plan is in place?' }).getByLabel('No').check();
  await page.getByLabel('Further review: another review is to be made').check();
  await page.getByRole('button', { name: 'Record the update' }).click();
  await expect(page.locator('#register-status')).toHaveText(
    'The update on LL-NOT-UPDATED is recorded and saved in November exports/Stroud/other.json.',
  );
  await expect(page.locator('#changed-files')).toHaveCount(0);
  const written = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await (await root.getDirectoryHandle('November exports')).getDirectoryHandle('Stroud');
    return (await (await folder.getFileHandle('other.json')).getFile()).text();
  });
  const review = JSON.parse(written);
  expect(review.concern_updates).toEqual([{
    on: '2026-11-27', by: 'R. Jones', child_safe: true, plan_in_place: false, outcome: 'further_review', note: '',
  }]);
  expect(review.schema_version).toBe(5);
});

test('a folder opened last month is offered again next month and reads what was saved into it since, without choosing it', async ({ page, context, browserName }) => {
  test.skip(browserName !== 'chromium', 'only Chromium lets a page open a folder (the File System Access API)');
  const [first, second] = Object.entries(concerns()).map(([name, review]) => [name, JSON.stringify(review, null, 2)]);
  // October: the QA officer chooses the folder (made in the browser's own file system: the
  // picker dialog itself cannot be driven) holding one export.
  await page.addInitScript((file) => {
    (window as any).showDirectoryPicker = async () => {
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('Monthly exports', { create: true });
      const writable = await (await folder.getFileHandle(file[0], { create: true })).createWritable();
      await writable.write(file[1]);
      await writable.close();
      return folder;
    };
  }, first);
  await page.goto('/dashboard/');
  await expect(page.getByRole('button', { name: /again$/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open a folder to read and save updates in' }).click();
  await expect(page.getByRole('status').first()).toContainText('Read 1 file.');
  await page.close();

  // November: another export was saved into the folder; the dashboard is opened again in a new
  // tab, where choosing a folder would fail (and is counted).
  const later = await context.newPage();
  await later.addInitScript(() => {
    (window as any).picked = 0;
    (window as any).showDirectoryPicker = async () => {
      (window as any).picked += 1;
      throw new DOMException('The user aborted a request.', 'AbortError');
    };
  });
  await later.goto('/dashboard/');
  await later.evaluate(async (file) => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('Monthly exports');
    const writable = await (await folder.getFileHandle(file[0], { create: true })).createWritable();
    await writable.write(file[1]);
    await writable.close();
  }, second);
  await later.getByRole('button', { name: 'Open the folder Monthly exports again' }).click();
  await expect(later.getByRole('status').first()).toContainText('Read 2 files.');
  expect(await later.evaluate(() => (window as any).picked)).toBe(0);
  await chooseNovember(later);
  await expect(later.locator('#register-summary')).toHaveText(summaryText(2));
  await expectNoAxeViolations(later);
});
