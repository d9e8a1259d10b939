import { test, expect } from './test';
import { expectNoAxeViolations, fillDate, startReview, storedReviews } from './helpers';
import { fixture, openFile, openFullDraft } from './fixtures';

test('pages have their own titles; Continue puts focus on the next heading; the task list counts and waits', async ({ page }) => {
  const id = await startReview(page);
  await expect(page).toHaveTitle('About the case – Practice Learning Review');
  await page.getByLabel("Child's case reference").fill('LL-9');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeFocused();
  await expect(page).toHaveTitle('Who took part – Practice Learning Review');

  // The way back to the task list is at the top of every form page.
  const back = page.getByRole('link', { name: 'Back to the task list' });
  const firstHeading = page.getByRole('heading', { level: 1 });
  expect((await back.boundingBox())!.y).toBeLessThan((await firstHeading.boundingBox())!.y);
  await back.click();
  await expect(page).toHaveTitle('Task list – Practice Learning Review');
  await expect(page.locator('#sections-completed')).toHaveText('0 of 10 sections completed');
  await expect(page.getByRole('link', { name: 'About the case', exact: true })).toHaveAccessibleDescription('In progress');
  await expect(page.locator('#status-check')).toHaveText('Cannot start yet');
  await expect(page.getByRole('link', { name: 'Check and complete' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The check page: one line per area for unrated statements, counted properly, "Error: " title.
  await page.goto(`/review/${id}/check`);
  await expect(page).toHaveTitle('Check your answers – Practice Learning Review');
  await page.getByRole('button', { name: 'Complete review' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Supervision and Management: 13 statements not rated' })).toBeVisible();
  await expect(summary).toContainText(/\d+ things need an answer before this review can be completed\./);
  await expect(page).toHaveTitle('Error: Check your answers – Practice Learning Review');
  // "Change" only for answers a person gives, not the calculated grade.
  await expect(page.getByRole('link', { name: /^Change suggested grade/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Change final grade/ })).toHaveCount(1);
});

test('the task list agrees with what is filled in and lets the check start once every section is done', async ({ page }) => {
  const id = await openFullDraft(page);
  await page.goto(`/review/${id}`);
  await expect(page.locator('#sections-completed')).toHaveText('9 of 10 sections completed');
  await expect(page.locator('#status-check')).toHaveText('Not started');
  await page.getByRole('link', { name: 'Check and complete' }).click();
  // The summary shows the practitioner's voice.
  await expect(page.getByText(/^Practitioner's reflection: Supervision and Management/)).toBeVisible();
  await page.getByRole('button', { name: 'Complete review' }).click();
  // A confirmation page, not a panel under the answers.
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeFocused();
  await expect(page).toHaveTitle('Review completed – Practice Learning Review');
  await expect(page.locator('#completed-case-ref')).toHaveText(fixture('completed-good.json').case.child_ref);
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  const download = page.getByRole('button', { name: 'Download the review file (for the QA service)' });
  await expect(download).not.toHaveClass(/button--secondary/);
  await expect(page.getByRole('heading', { name: /Check your answers/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto(`/review/${id}`);
  await expect(page.locator('#sections-completed')).toHaveText('10 of 10 sections completed');
});

test('the review date is three fields with clear errors; an impossible date is never stored silently', async ({ page }) => {
  await startReview(page);
  await fillDate(page, 'Review date', '2026-02-31');
  await expect(page.locator('#review-date-error')).toHaveText('Error: Review date must be a real date');
  await expect.poll(async () => (await storedReviews(page))[0].review.date).toBeNull();
  await expectNoAxeViolations(page);
  const group = page.getByRole('group', { name: 'Review date' });
  await group.getByLabel('Month').fill('Feb');
  await expect(page.locator('#review-date-error')).toHaveText('Error: Review date must be in numbers, for example 20 11 2026');
  await group.getByLabel('Month').fill('');
  await expect(page.locator('#review-date-error')).toHaveText('Error: Review date must include a month');
  await group.getByLabel('Month').fill('2');
  await group.getByLabel('Day').fill('28');
  await expect(page.locator('#review-date-error')).toHaveCount(0);
  await expect.poll(async () => (await storedReviews(page))[0].review.date).toBe('2026-02-28');
});

test('deleting a review and then opening its file shows only the opening message', async ({ page }) => {
  const plr = fixture('draft-partial.json');
  await openFile(page, plr, 'partial.json');
  await page.getByRole('button', { name: `Delete review ${plr.case.child_ref}` }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByText(`Deleted the review for ${plr.case.child_ref}.`)).toBeVisible();
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name: 'partial.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plr)),
  });
  await expect(page.getByText('from partial.json. It is now saved on this device.')).toBeVisible();
  await expect(page.getByText(`Deleted the review for ${plr.case.child_ref}.`)).toHaveCount(0);
});

test('a review nobody typed in is not kept', async ({ page }) => {
  await startReview(page);
  await page.getByRole('link', { name: 'All reviews' }).click();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await startReview(page);
  await page.getByRole('link', { name: 'All reviews' }).click();
  await expect(page.getByText('No case reference yet')).toHaveCount(0);
  expect(await storedReviews(page)).toEqual([]);
});

test('a completed review says so and shows its ratings clearly, read-only', async ({ page }) => {
  const plr = fixture('completed-good.json');
  const id = await openFile(page, plr);
  await page.goto(`/review/${id}/area/supervision`);
  await expect(page.getByText('This review is completed. Reopen it to make changes.')).toBeVisible();
  const chosen = page.locator('#statement-SM1-rating');
  await expect(chosen).toBeChecked();
  await expect(chosen).toBeDisabled();
  expect(await chosen.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
  await expect(page.locator('#keys-help')).toBeHidden();
  await expectNoAxeViolations(page);
});

test('each area leads in with its wording and explains how to rate', async ({ page }) => {
  const id = await startReview(page);
  await page.goto(`/review/${id}/area/supervision`);
  await expect(page.locator('#lead-in')).toHaveText('Supervision and Management will:');
  await page.getByText('How to rate').click();
  await expect(page.getByText(/^Not applicable: the statement does not apply to this case: it is left out of the score/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the grade is announced politely when it changes, not on every rating', async ({ page }) => {
  const id = await startReview(page);
  await page.goto(`/review/${id}/area/supervision`);
  const live = page.locator('#grade-announcement');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await live.evaluate((el) => {
    (window as any).announcements = 0;
    new MutationObserver(() => (window as any).announcements++).observe(el, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('#statement-SM1-rating').check();
  await expect(live).toHaveText('Suggested grade now Outstanding');
  const afterFirst = await page.evaluate(() => (window as any).announcements);
  await page.locator('#statement-SM2-rating').check();
  await page.locator('#statement-SM3-rating').check();
  await expect(page.locator('#rated-count')).toHaveText('3 of 55 statements rated');
  expect(await page.evaluate(() => (window as any).announcements)).toBe(afterFirst);
  await page.locator('#statement-SM4-rating-2').check(); // not met: 6 of 8 = 75%, good
  await expect(live).toHaveText('Suggested grade now Good');
});

test('the home list shows the grade, whether a Case of Concern was shared (with whom) or how overdue it is, and whether it was downloaded since its last change', async ({ page }) => {
  // The same concern never shared, four days past its deadline when the test was written.
  const unshared = fixture('completed-concern.json');
  Object.assign(unshared, { id: '0b7d3f4e-9a41-4c55-8f7e-2d6f0c1a9b33' });
  unshared.case.child_ref = 'LL-NOT-SHARED';
  Object.assign(unshared.judgement, { concern_shared_with: '', concern_shared_at: null });
  await openFile(page, unshared, 'unshared.json');
  const late = page.getByRole('row', { name: /LL-NOT-SHARED/ });
  const days = Math.floor((Date.now() - Date.parse(unshared.judgement.share_by)) / 86400000);
  await expect(late.locator('.tag--overdue')).toHaveText(`Case of Concern: not shared, overdue by ${days} days`);

  const concern = fixture('completed-concern.json');
  await openFile(page, concern, 'concern.json');
  const row = page.getByRole('row', { name: new RegExp(concern.case.child_ref) });
  await expect(row).toContainText('Inadequate');
  await expect(row.locator('.tag--concern')).toHaveText(/^Case of Concern: shared with D\. Head \(Head of Service\) on \w{3} 20 Nov 2026 at \d\d:\d\d$/);
  await expect(row.locator('.tag--overdue')).toHaveCount(0);
  // Opened from its file, as that file holds it: the user has it, so it counts as downloaded
  // (persist.spec follows a review changed since).
  await expect(row).toContainText('Downloaded since last change');
  await expect(row).not.toContainText('Not downloaded');
  await expectNoAxeViolations(page);
});

test('the task list says the judgement is under way once a final grade is shown there', async ({ page }) => {
  const id = await startReview(page);
  const judgement = page.getByRole('link', { name: 'Judgement', exact: true });
  await page.goto(`/review/${id}`);
  await expect(judgement).toHaveAccessibleDescription('Not started');
  // One rating gives a suggestion, and the final grade follows it on the judgement page.
  await page.goto(`/review/${id}/area/supervision`);
  await page.getByRole('group', { name: /^SM1 / }).getByRole('radio', { name: 'Met', exact: true }).check();
  await page.goto(`/review/${id}/judgement`);
  await expect(page.getByRole('group', { name: /^Final grade/ }).getByRole('radio', { checked: true })).toHaveCount(1);
  await page.getByRole('link', { name: 'Back to the task list' }).click();
  await expect(judgement).toHaveAccessibleDescription('In progress');
});
