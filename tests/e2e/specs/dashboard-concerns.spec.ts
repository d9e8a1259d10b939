// The QA dashboard's Cases of Concern: why each was raised, the reviewer's grade beside a
// moderator's that supersedes it, and whether it was shared with the Head of Service in time,
// with whom, or how overdue it is.
import { test, expect } from './test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { fixture } from './fixtures';
import { spawnSync } from 'node:child_process';
import { downloaded, jsonFiles, load, plr } from './dashboard-helpers';

/** What `plr concerns ARGS` prints for every `.json` file in `dir`, run in `dir`. */
function cliConcerns(dir: string, args: string[]): Buffer {
  return spawnSync(plr, ['concerns', ...args, ...jsonFiles(dir)], { cwd: dir }).stdout;
}

test('the Cases of Concern table says why each was raised, both grades, and whether it was shared in time and with whom', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'plr-concerns-'));
  // Shared in time with D. Head, then moderated up: the concern is still listed, with both grades.
  const moderated = fixture('completed-concern.json');
  moderated.moderation = {
    moderator: 'C. Moderator', moderated_at: '2026-11-25T09:00:00Z', grade: 'requires_improvement',
    effect: 'upgraded', comments: 'The plan has since responded; the child is safe at home.',
  };
  moderated.updated_at = '2026-11-25T09:00:00Z';
  writeFileSync(join(dir, 'moderated.json'), JSON.stringify(moderated, null, 2));
  // The same concern on another child, never shared.
  const unshared = fixture('completed-concern.json');
  unshared.id = '0b7d3f4e-9a41-4c55-8f7e-2d6f0c1a9b33';
  unshared.case.child_ref = 'LL-NOT-SHARED';
  Object.assign(unshared.judgement, { concern_shared_with: '', concern_shared_at: null });
  writeFileSync(join(dir, 'unshared.json'), JSON.stringify(unshared, null, 2));

  await page.goto('/dashboard/');
  await load(page, dir, jsonFiles(dir));
  const table = page.locator('table', { has: page.locator('caption', { hasText: /^Cases of concern$/ }) });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Case reference', 'Team', 'Review date', 'Raised', 'Reported grade', 'Share by', 'Shared with the Head of Service',
  ]);
  const shared = table.getByRole('row', { name: /LL-771204/ });
  await expect(shared.getByRole('cell').nth(3)).toHaveText('Immediate concern on 2026-11-20 10:50 UTC');
  await expect(shared.getByRole('cell').nth(4)).toHaveText("Requires improvement (moderated; the reviewer's grade was Inadequate)");
  await expect(shared.getByRole('cell').nth(5)).toHaveText('2026-11-21 10:50 UTC');
  await expect(shared.getByRole('cell').nth(6)).toHaveText('Shared with D. Head (Head of Service) on 2026-11-20 10:55 UTC');
  const late = table.getByRole('row', { name: /LL-NOT-SHARED/ });
  const days = Math.floor((Date.now() - Date.parse(unshared.judgement.share_by)) / 86400000);
  await expect(late.getByRole('cell').nth(4)).toHaveText('Inadequate');
  await expect(late.locator('.overdue')).toHaveText(`Not shared, overdue by ${days} days`);
  await expectNoAxeViolations(page);
});

test('the register lists the concerns still tracked, marks an update due, filters by Head of Service, and downloads what plr concerns prints', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'plr-register-'));
  const concern = fixture('completed-concern.json');
  writeFileSync(join(dir, 'concern.json'), JSON.stringify(concern, null, 2));
  // A copy of it with a Head of Service update: the register keeps the update.
  const updated = fixture('completed-concern.json');
  updated.updated_at = '2026-11-25T11:00:00Z';
  updated.concern_updates = [{ on: '2026-11-25', by: 'P. Singh', child_safe: true, plan_in_place: false, outcome: 'continuing_oversight', note: '' }];
  writeFileSync(join(dir, 'updated.json'), JSON.stringify(updated, null, 2));
  // Another child's concern, never updated.
  const other = fixture('completed-concern.json');
  other.id = '0b7d3f4e-9a41-4c55-8f7e-2d6f0c1a9b33';
  other.case.child_ref = 'LL-NOT-UPDATED';
  Object.assign(other.judgement, { concern_shared_with: 'R. Jones' });
  writeFileSync(join(dir, 'other.json'), JSON.stringify(other, null, 2));

  await page.goto('/dashboard/');
  await load(page, dir, jsonFiles(dir));
  await page.getByLabel('Period', { exact: true }).selectOption('2026-11');
  await page.getByLabel('Actions judged as of').fill('2026-11-30');
  const register = page.locator('#register');
  await expect(page.locator('#register-summary')).toHaveText(
    '2 Cases of Concern tracked as of 30 November 2026 (November 2026): 1 with an update due this month, 0 open over 12 months.',
  );
  // The register's figures, as plr snapshot computes them.
  const figures = page.locator('table', { has: page.locator('caption', { hasText: "The register's figures" }) });
  await expect(figures.locator('[data-measure="concerns_tracked"]')).toHaveText('2');
  await expect(figures.locator('[data-measure="concern_updates"]')).toHaveText('1');
  await expect(figures.locator('[data-measure="concerns_continuing"]')).toHaveText('1');
  const updatedRow = register.getByRole('row', { name: /LL-771204/ });
  await expect(updatedRow).toContainText('2026-11-25 by P. Singh: Continuing oversight');
  await expect(updatedRow).not.toContainText('Update due');
  const dueRow = register.getByRole('row', { name: /LL-NOT-UPDATED/ });
  await expect(dueRow).toContainText('No update yet');
  await expect(dueRow).toContainText('Update due');
  await expectNoAxeViolations(page);

  const csv = await downloaded(page, 'Download the register (CSV)');
  expect(csv.equals(cliConcerns(dir, ['--period', '2026-11', '--as-of', '2026-11-30', '--format', 'csv']))).toBe(true);

  await page.getByLabel('Head of Service', { exact: true }).selectOption('R. Jones');
  await expect(register.locator('tbody tr')).toHaveCount(1);
  await expect(register.locator('tbody tr')).toContainText('LL-NOT-UPDATED');
});
