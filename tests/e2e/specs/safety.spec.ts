import { test, expect, type Page } from './test';
import { expectNoAxeViolations, storedReviews } from './helpers';
import { fixture, openFile, openFullDraft } from './fixtures';

const concernBox = "There is an immediate concern about the child's safety";

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
}

async function stored(page: Page) {
  const [plr] = await storedReviews(page);
  return plr;
}

test('a different final grade chosen before the suggestion changed must be chosen again', async ({ page }) => {
  const id = await openFullDraft(page);
  await page.goto(`/review/${id}/judgement`);
  await expect(page.locator('#suggested-grade')).toHaveText('Good');
  // The reviewer differs from the suggestion and says why...
  await page.getByRole('radio', { name: 'Requires improvement', exact: true }).check();
  const rationale = page.getByLabel('Why is the final grade different from the suggested grade?');
  await rationale.fill('The plan drifted over the summer.');
  // ...then ticks the immediate concern: the suggestion moves, the old choice is kept but flagged.
  await page.getByLabel(concernBox).check();
  await expect(page.locator('#suggested-grade')).toHaveText('Inadequate');
  await expect(page.getByRole('radio', { name: 'Requires improvement', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Inadequate (suggested)', exact: true })).toBeVisible();
  const stale = page.locator('#final-grade-stale');
  await expect(stale).toContainText(
    'The suggested grade has changed from Good to Inadequate since you chose Requires improvement. Confirm Requires improvement or choose another final grade.',
  );
  await expect(rationale).toHaveValue('The plan drifted over the summer.');
  // The concern's substance is given, so only the stale choice stands in the way.
  await page.getByLabel('What is the concern?').fill('New unexplained bruising seen at the visit.');
  await page.getByLabel('Name of the Head of Service it was shared with').fill('D. Head');
  await page.getByLabel('It has been shared with the Head of Service').check();
  await expectNoAxeViolations(page);

  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'The suggested grade has changed from Good to Inadequate since you chose Requires improvement. Confirm Requires improvement or choose another final grade',
  ]);
  await expect(page).toHaveTitle('Error: Check your answers – Practice Learning Review');
  expect((await stored(page)).status).toBe('draft');

  // The link lands on the final grade; confirming keeps the grade and the reason.
  await summary.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/review/${id}/judgement#judgement-final_grade$`));
  await expect(page.getByRole('radio', { name: 'Outstanding', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Confirm Requires improvement as the final grade' }).click();
  await expect(stale).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Requires improvement', exact: true })).toBeFocused();
  await expect.poll(async () => (await stored(page)).judgement.final_grade_chosen_against).toBe('inadequate');
  await expect(rationale).toHaveValue('The plan drifted over the summer.');

  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeFocused();
  await expect.poll(async () => (await stored(page)).judgement.final_grade).toBe('requires_improvement');
});

test('an immediate concern needs what it is, who it was shared with and an action; its clock never restarts', async ({ page }) => {
  const id = await openFullDraft(page, (plr) => {
    plr.actions = [];
  });
  await page.goto(`/review/${id}/judgement`);
  await page.getByLabel(concernBox).check();
  // Who it must be shared with, next to the deadline, from the moment the flag is set.
  await expect(page.locator('#concern-deadline')).toHaveText(
    /^It must be shared with the Head of Service within 24 hours: by \w{3} \d{1,2} \w{3} \d{4} at \d\d:\d\d\.$/,
  );
  await expect.poll(async () => (await stored(page)).judgement.immediate_concern_at).not.toBeNull();
  await expectNoAxeViolations(page);

  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole('link')).toHaveText([
    "Describe the immediate concern about the child's safety",
    'Enter the name of the Head of Service the concern was shared with',
    'Record that the concern has been shared with the Head of Service',
    'Add at least one action: a Case of Concern cannot be completed without one',
  ]);
  expect((await stored(page)).status).toBe('draft');

  // The action link lands on "Add an action", which says what is wrong.
  await summary.getByRole('link', { name: /^Add at least one action/ }).click();
  await expect(page.getByRole('button', { name: 'Add an action' })).toBeFocused();
  await expect(page.locator('#actions-error')).toHaveText(/Add at least one action/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add an action' }).click();
  await expect(page.getByRole('group', { name: 'Type of action' }).getByRole('radio').first()).toBeFocused();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(page.getByText('No actions yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add an action' })).toBeFocused();
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByRole('radio', { name: 'Other action' }).check();
  await page.getByLabel('What needs to happen').fill('Strategy discussion today');
  await page.getByLabel('Who will do it').fill('A. Manager');
  const due = page.getByRole('group', { name: 'Due date' });
  await due.getByLabel('Day').fill('20');
  await due.getByLabel('Month').fill('11');
  await due.getByLabel('Year').fill('2026');

  await page.goto(`/review/${id}/judgement`);
  await page.getByLabel('What is the concern?').fill('The child disclosed new harm at the visit.');
  await page.getByLabel('Name of the Head of Service it was shared with').fill('D. Head');
  await page.getByLabel('It has been shared with the Head of Service').check();
  await expect(page.locator('#concern-shared-record')).toHaveText(/^Shared with D\. Head on .+ at \d\d:\d\d\.$/);

  await page.goto(`/review/${id}/check`);
  await expect(page.getByText('The child disclosed new harm at the visit.')).toBeVisible();
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'This review is a Case of Concern' })).toContainText(
    'It must be shared with the Head of Service within 24 hours: by',
  );
  const day = 24 * 60 * 60 * 1000;
  const completed = await stored(page);
  expect(completed.judgement.concern_shared_with).toBe('D. Head');
  expect(completed.judgement.concern_shared_at).not.toBeNull();
  // 24 hours from the flag, not from completion.
  expect(Date.parse(completed.judgement.share_by) - Date.parse(completed.judgement.immediate_concern_at)).toBe(day);

  // Reopening does not restart the clock.
  await page.getByRole('button', { name: 'Reopen as draft' }).click();
  await expect(page.getByRole('button', { name: 'Complete review' })).toBeFocused();
  await expect.poll(async () => (await stored(page)).status).toBe('draft');
  expect((await stored(page)).judgement.share_by).toBe(completed.judgement.share_by);
});

test('a version 1 file still opens, with its deadline recomputed from the new rule', async ({ page }) => {
  const v1 = fixture('version-1-concern.json');
  const id = await openFile(page, v1, 'version-1.json');
  await expect(page.getByText(/share-by deadline .* recomputed/)).toBeVisible();
  const plr = await stored(page);
  expect(plr.id).toBe(id);
  expect(plr.schema_version).toBe(5);
  expect(plr.judgement.immediate_concern_at).toBe(v1.created_at);
});
