// Seed 003's July 2022 allocation file beside its exports (qa-month.md §1), in Chromium and
// Firefox ESR: the funnel, the teams not audited, the nil returns and their CSV as plr prints
// them, and a bad row named by line and column while the rest still count.
import { test, expect } from './test';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { cli, downloaded, jsonFiles, openJuly2022, plr, seed003 } from './dashboard-helpers';

test("seed 003's July 2022 allocation opened beside the exports gives qa-month.md's funnel, and the nil returns download as plr nil-returns prints them", async ({ page }) => {
  const { dir, allocation } = seed003('plr-seed003-allocation-');
  await openJuly2022(page, dir, allocation);
  const section = page.getByRole('region', { name: 'Allocation and representation' });
  // qa-month.md, seed 003 July 2022.
  for (const [key, value] of [
    ['audits_allocated', '53'], ['month_exemptions', '10'], ['audits_submitted', '36'],
    ['audits_not_submitted', '7'], ['audit_completion_rate', '68%'], ['teams_listed', '44'],
  ]) {
    await expect(section.locator(`[data-measure="${key}"]`), key).toHaveText(value);
  }
  await expect(section.locator('[data-measure="teams_not_audited"]').locator('xpath=..')).toContainText('16 of 44');
  await expect(page.locator('#nil-returns-summary')).toHaveText('7 allocated audits not submitted for July 2022, by Head of Service.');
  await expect(page.locator('#nil-returns tbody tr')).toHaveCount(7);
  await expectNoAxeViolations(page);

  const files = jsonFiles(dir);
  const nil = spawnSync(plr, ['nil-returns', '--period', '2022-07', '--allocation', allocation, '--format', 'csv', ...files], { cwd: dir }).stdout;
  expect((await downloaded(page, 'Download the nil returns (CSV)')).equals(nil)).toBe(true);
  const args = ['--period', '2022-07', '--as-of', '2022-08-10', '--allocation', allocation];
  expect((await downloaded(page, 'Download CSV')).equals(cli(dir, [...args, '--format', 'csv']))).toBe(true);

  // A bad row is named by line and column; the rest still count.
  const broken = join(dir, 'allocation-broken.csv');
  writeFileSync(broken, readFileSync(allocation, 'utf8') + '2022-13,Z. Nobody,Stroud Safeguarding,D. Head,allocated,\n');
  await page.getByLabel('Choose the allocation file (CSV)').setInputFiles(broken);
  await expect(page.locator('#allocation-status')).toHaveText('allocation-broken.csv: 62 rows read; 1 could not be used and are left out:');
  await expect(page.locator('#allocation-problems')).toHaveText(/^line 64, column A \(month\): "2022-13" is not a month/);
  await expect(section.locator('[data-measure="audits_allocated"]')).toHaveText('53');
});
