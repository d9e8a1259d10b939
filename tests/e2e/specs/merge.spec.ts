import { test, expect, type Page } from './test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropFiles, expectNoAxeViolations, storedReviews } from './helpers';
import { fixture, openFile } from './fixtures';
import { plr as plrCli } from './dashboard-helpers';
import { downloadReview } from './download';

const picker = (page: Page) => page.getByLabel('Open a downloaded review (JSON file)');
const asFile = (name: string, plr: any) => ({
  name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plr, null, 2)),
});

/** The realistic review of the fixtures as a draft with every answer given, changed by `change`. */
function fullDraft(change: (plr: any) => void = () => {}): any {
  const plr = fixture('completed-good.json');
  plr.status = 'draft';
  plr.completed_at = null;
  plr.judgement.share_by = null;
  change(plr);
  return plr;
}

test('two copies of one review are merged, the differing answers chosen one by one', async ({ page }) => {
  // The reviewer's device: a note and the impact written, no reflection on the second area.
  const reviewer = fullDraft((p) => {
    p.sections[0].items[0].note = "Reviewer's evidence";
    p.judgement.impact_on_child = 'Settled at school (reviewer)';
    p.sections[1].practitioner_reflection = '';
  });
  // The practitioner's device, saved later: their reflection, and other words in two places.
  const practitioner = fullDraft((p) => {
    p.sections[0].items[0].note = "Practitioner's evidence";
    p.judgement.impact_on_child = 'Attends school again (practitioner)';
    p.sections[1].practitioner_reflection = 'I now record the purpose of every visit.';
    p.updated_at = '2026-11-20T12:00:00Z';
  });
  const id = await openFile(page, reviewer, 'reviewer.json');
  await picker(page).setInputFiles(asFile('practitioner.json', practitioner));
  const question = page.getByRole('group', { name: /A different copy of the review for LL-482913 .*practitioner\.json was saved/ });
  await expect(question).toBeFocused();
  await question.getByRole('button', { name: 'Merge the two copies' }).click();

  const heading = page.getByRole('heading', { name: 'Merge the two copies of the review for LL-482913' });
  await expect(heading).toBeFocused();
  await expect(page.getByText('2 answers are given differently')).toBeVisible();
  const note = page.getByRole('group', { name: /^Statement \w+: Evidence \(optional\)$/ });
  const impact = page.getByRole('group', { name: 'Impact on the child' });
  await expect(note.getByRole('radio')).toHaveCount(2);
  await expect(note.getByText("Reviewer's evidence")).toBeVisible();
  await expect(note.getByText("Practitioner's evidence")).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing is saved without a choice for each.
  await page.getByRole('button', { name: 'Save the merged review' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problems).toBeFocused();
  await expect(problems.getByRole('link')).toHaveCount(2);
  await expect(impact.getByText('Choose which copy to keep')).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await storedReviews(page))[0].sections[1].practitioner_reflection).toBe('');

  // By keyboard: the error link focuses the first radio of its group; arrows move the choice.
  await problems.getByRole('link', { name: /Impact on the child/ }).click();
  await expect(impact.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(impact.getByRole('radio', { name: /On this device/ })).toBeChecked();
  await note.getByRole('radio', { name: /In practitioner\.json/ }).check();
  await page.getByRole('button', { name: 'Save the merged review' }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${id}$`));

  const [saved] = await storedReviews(page);
  expect(saved.sections[0].items[0].note).toBe("Practitioner's evidence");
  expect(saved.judgement.impact_on_child).toBe('Settled at school (reviewer)');
  expect(saved.sections[1].practitioner_reflection).toBe('I now record the purpose of every visit.');
  expect(saved.updated_at).toBe('2026-11-20T12:00:00Z');

  // The merged review completes, and its download is a valid export.
  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeVisible();
  const download = await downloadReview(page);
  const dir = mkdtempSync(join(tmpdir(), 'plr-merge-'));
  const file = join(dir, 'merged.json');
  copyFileSync(download.path, file);
  const validate = spawnSync(plrCli, ['validate', file]);
  expect(validate.stdout.toString()).toContain('ok');
  expect(validate.status).toBe(0);
});

test('several files at once, chosen or dropped, are each listed with what happened', async ({ page }) => {
  const here = fullDraft((p) => {
    p.sections[1].practitioner_reflection = '';
  });
  await openFile(page, here, 'here.json');
  const addsReflection = fullDraft((p) => {
    p.sections[1].practitioner_reflection = 'Only written on the other device.';
    p.updated_at = '2026-11-20T11:00:00Z';
  });
  const broken = fixture('draft-partial.json');
  broken.case.legal_status = 'unknown_status';
  const files = [
    asFile('new.json', fixture('completed-concern.json')),
    asFile('broken.json', broken),
    asFile('same.json', here),
    asFile('other-device.json', addsReflection),
  ].map((f) => ({ name: f.name, text: f.buffer.toString() }));

  // Dropped on the page.
  await dropFiles(page, page.getByText('drag and drop them here'), files);
  const summary = page.locator('#import-results');
  await expect(summary).toHaveText(
    '4 files read: 1 opened, 1 could not be opened, 1 already on this device, 1 needs a choice.',
  );
  await expect(summary).toHaveAttribute('role', 'status');
  await expect(summary).toBeFocused();
  await expect(page.getByText(/Opened the review for .* from new\.json/)).toBeVisible();
  await expect(page.locator('.error-summary').filter({ hasText: 'broken.json could not be opened' })).toContainText('case.legal_status');
  await expect(page.getByText('same.json: the review for LL-482913. This copy is already on this device')).toBeVisible();
  await expectNoAxeViolations(page);

  // A copy that only adds an answer merges without a question.
  await page.getByRole('group', { name: /other-device\.json was saved/ }).getByRole('button', { name: 'Merge the two copies' }).click();
  const mergedNotice = page.locator('#import-result-3');
  await expect(mergedNotice).toBeFocused();
  await expect(mergedNotice).toContainText('Merged other-device.json into the copy of the review for LL-482913 on this device.');
  await expect(summary).toHaveText('4 files read: 1 opened, 1 could not be opened, 1 already on this device, 1 merged.');
  const merged = (await storedReviews(page)).find((p) => p.id === here.id);
  expect(merged.sections[1].practitioner_reflection).toBe('Only written on the other device.');

  // Chosen with the picker, several at once: the moderated copy of the review here (a different
  // copy: the user is asked) and a new review.
  await picker(page).setInputFiles([
    asFile('moderated.json', fixture('completed-moderated.json')),
    asFile('partial.json', fixture('draft-partial.json')),
  ]);
  await expect(summary).toHaveText('2 files read: 1 needs a choice, 1 opened.');
  await expect(page.getByRole('group', { name: /moderated\.json was saved/ })).toBeVisible();
  expect(await storedReviews(page)).toHaveLength(3);
  await expectNoAxeViolations(page);
});
