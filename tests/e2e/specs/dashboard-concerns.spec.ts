// The QA dashboard's Cases of Concern: why each was raised, the reviewer's grade beside a
// moderator's that supersedes it, and whether it was shared with the Head of Service in time,
// with whom, or how overdue it is.
import { test, expect } from './test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { fixture } from './fixtures';
import { jsonFiles, load } from './dashboard-helpers';

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
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Cases of concern' }) });
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
