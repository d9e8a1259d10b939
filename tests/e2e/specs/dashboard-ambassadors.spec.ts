// The young people's Ambassadors' review in the QA dashboard (qa-month.md §3): seed 003's
// findings month by month, their sample (the same reviews and CSV as plr ambassadors-sample,
// never of an excluded team), and their review recorded on a review of the sample by the core's
// rule, saved in the review's file and counted at once.
import { test, expect } from './test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { downloadOf } from './download';
import { downloaded, figure, jsonFiles, load, plr } from './dashboard-helpers';

test("seed 003's Ambassadors' findings, their sample with an excluded team, and a review recorded from the dashboard", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'plr-seed003-ambassadors-'));
  expect(spawnSync(plr, ['generate', '--batch', 'seed-003-july-2022', '--out', dir]).status).toBe(0);
  const files = jsonFiles(dir);
  const sampleCli = (args: string[]) =>
    spawnSync(plr, ['ambassadors-sample', '--period', '2022-07', ...args, '--format', 'csv', ...files], { cwd: dir });
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('2022-07');

  // July beside June, May and April, a finding a row with its full question under its name.
  const section = page.getByRole('region', { name: "The young people's Ambassadors' review" });
  const table = section.locator('#ambassadors-review');
  await expect(table.locator('thead th')).toHaveText(['Finding', 'July 2022', 'June 2022', 'May 2022', 'April 2022']);
  const rows = table.locator('tbody tr');
  await expect(rows.locator('th')).toHaveText([
    'Reviews the Ambassadors reviewed',
    /^Relationship between worker and child\s*Is there a reasonable or good relationship between the worker and the child\?$/,
    /^Case summary focused on the child\s*Is the case summary focused on the child/,
    /^Child's views drawn through\s*Are the child's views drawn through the record, with direct work\?$/,
    /^Likes, dislikes, interests and achievements\s*Does the record say what the child likes and dislikes/,
    /^Language that Cares; clear decisions\s*Is the language appropriate \(Language that Cares\)/,
  ]);
  const cells = (n: number) => rows.nth(n).locator('td');
  await expect(cells(0)).toHaveText(['10', '10', '8', '10']);
  await expect(cells(1)).toHaveText(['80% (8 of 10)', '70% (7 of 10)', '63% (5 of 8)', '30% (3 of 10)']);
  await expect(cells(2)).toHaveText(['90% (9 of 10)', '50% (5 of 10)', '50% (4 of 8)', '60% (6 of 10)']);
  await expect(cells(3)).toHaveText(['70% (7 of 10)', '70% (7 of 10)', '63% (5 of 8)', '50% (5 of 10)']);
  await expect(cells(4)).toHaveText(['60% (6 of 10)', '40% (4 of 10)', '75% (6 of 8)', '50% (5 of 10)']);
  await expect(cells(5)).toHaveText(['70% (7 of 10)', '50% (5 of 10)', '50% (4 of 8)', '70% (7 of 10)']);

  // The sample's defaults: 10 reviews, seed 1, the CLI's sentence and bytes.
  await expect(section.getByLabel('How many reviews')).toHaveValue('10');
  await expect(section.getByLabel("Seed of the Ambassadors' sample")).toHaveValue('1');
  const summary = section.locator('#ambassadors-sample-summary');
  await expect(summary).toHaveText('10 of 34 completed reviews of July 2022 not yet reviewed by the Ambassadors (0 left out by exclusions; seed 1).');
  expect((await downloaded(page, "Download the Ambassadors' sample (CSV)")).equals(sampleCli([]).stdout)).toBe(true);

  // Two teams excluded (separated by a comma, then on a line of their own) and another seed.
  const excluded = ['Children in Care North', 'Stroud Safeguarding', 'Kinship Care'];
  await section.getByLabel('Teams to exclude').fill('Children in Care North, Stroud Safeguarding\nKinship Care');
  // Emptied first: Firefox types into a number input after the value it has.
  await section.getByLabel("Seed of the Ambassadors' sample").clear();
  await section.getByLabel("Seed of the Ambassadors' sample").fill('7');
  const args = ['--seed', '7', ...excluded.flatMap((t) => ['--exclude-team', t])];
  const expected = sampleCli(args);
  await expect(summary).toHaveText(expected.stderr.toString().trim());
  await expect(summary).toContainText('(6 left out by exclusions; seed 7)');
  const sample = section.locator('#ambassadors-sample tbody tr');
  await expect(sample).toHaveCount(10);
  const teams = await sample.locator('td:nth-child(2)').allTextContents();
  expect(teams.filter((t) => excluded.includes(t))).toEqual([]);
  expect((await downloaded(page, "Download the Ambassadors' sample (CSV)")).equals(expected.stdout)).toBe(true);

  // Record the Ambassadors' review of the first review listed: the keyboard moves to its panel
  // (the page's active element: after a download Firefox's window itself is not focused).
  const [child, , , file] = await sample.first().locator('td').allTextContents();
  await section.getByRole('button', { name: `Record an Ambassadors' review on ${child}` }).click();
  await expect(page.getByRole('heading', { name: `Record the Ambassadors' review of ${child}` })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ambassadors-record-heading');
  const record = page.getByRole('button', { name: "Record the Ambassadors' review" });
  const problems = page.locator('#ambassadors-problems');

  // Nothing answered: the date, the name and each finding by its question.
  await record.click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ambassadors-problems');
  await expect(problems.getByRole('link')).toHaveCount(7);
  await expect(problems.getByRole('link').nth(0)).toHaveText("Enter the date of the Ambassadors' review");
  await expect(problems.getByRole('link').nth(1)).toHaveText("Enter the name of who recorded the Ambassadors' review");
  await expect(problems.getByRole('link').nth(2)).toHaveText('Select yes or no: Is there a reasonable or good relationship between the worker and the child?');
  await expectNoAxeViolations(page);

  // Every finding answered but no name: refused, and nothing changes.
  const finding = (question: RegExp) => page.getByRole('group', { name: question });
  await page.getByLabel("Date of the Ambassadors' review").fill('2022-06-30');
  await finding(/relationship between the worker/).getByLabel('Yes').check();
  await finding(/case summary focused/).getByLabel('Yes').check();
  await finding(/child's views drawn through/).getByLabel('No').check();
  await finding(/likes and dislikes/).getByLabel('Yes').check();
  await finding(/Language that Cares/).getByLabel('No').check();
  await record.click();
  await expect(problems.getByRole('link')).toHaveText(["Enter the name of who recorded the Ambassadors' review"]);

  // Named, but dated before the review was completed: the core's rule refuses it.
  await page.getByLabel('Name of who recorded it').fill('J. Okafor');
  await record.click();
  await expect(problems.getByRole('link')).toHaveText(["The Ambassadors' review cannot be dated before the review was completed"]);
  await expect(figure(page, 'ambassadors_reviewed')).toHaveText('10');
  await expect(page.locator('#ambassadors-changed-files')).toHaveCount(0);

  await page.getByLabel("Date of the Ambassadors' review").fill('2022-07-29');
  await page.getByLabel("The Ambassadors' comments (optional)").fill('Warm, but the plan is written for professionals.');
  await record.click();
  await expect(section.locator('#ambassadors-status')).toHaveText(
    `The Ambassadors' review on ${child} is recorded. Download the changed file below and put it in place of ${file}.`,
  );
  // July now counts 11, and the review left the sample (it has its Ambassadors' review).
  await expect(cells(0)).toHaveText(['11', '10', '8', '10']);
  await expect(cells(1).first()).toHaveText('82% (9 of 11)');
  await expect(cells(3).first()).toHaveText('64% (7 of 11)');
  await expect(section.locator('#ambassadors-sample tbody')).not.toContainText(child);
  await expect(page.locator('#ambassadors-changed-files')).toContainText(`1 changed file is not saved yet: ${file}.`);

  const changed = await downloadOf(page, () => page.locator('#ambassadors-changed-files').getByRole('button', { name: 'Download the changed file' }).click());
  expect(changed.name).toBe(file);
  const saved = JSON.parse(readFileSync(changed.path, 'utf8'));
  expect(saved.ambassadors_review).toEqual({
    reviewed_on: '2022-07-29', by: 'J. Okafor', relationship: true, child_focused_summary: true,
    childs_views: false, about_the_child: true, language_and_decisions: false,
    comments: 'Warm, but the plan is written for professionals.',
  });
  // The CLI agrees on the changed file: 11 reviewed in July.
  const out = mkdtempSync(join(tmpdir(), 'plr-ambassadors-changed-'));
  for (const f of files) copyFileSync(f === file ? changed.path : join(dir, f), join(out, f));
  const csv = spawnSync(plr, ['snapshot', '--period', '2022-07', '--format', 'csv', ...files], { cwd: out }).stdout.toString();
  expect(csv).toContain('\nambassadors_reviewed,11,');
});
