// After the meeting: moderation, the Case of Concern's clock, and actions followed up on a
// completed review (issue 11).
import fs from 'node:fs';
import { test, expect, type Page } from './test';
import { expectNoAxeViolations, fillDate, plr, storedReviews } from './helpers';
import { fixture, openFile, openFullDraft } from './fixtures';
import { downloadReview } from './download';

const hours24 = 24 * 60 * 60 * 1000;

async function stored(page: Page) {
  const [review] = await storedReviews(page);
  return review;
}

/** Downloads the open review from the page's download button; returns the saved file's path. */
async function download(page: Page): Promise<string> {
  const download = await downloadReview(page);
  const file = test.info().outputPath(download.name);
  fs.copyFileSync(download.path, file);
  return file;
}

/** `plr validate` accepts `file` without a warning, and `plr grade` gives its stored suggestion. */
function expectTheQaToolAgrees(file: string, exported: any) {
  const validated = plr('validate', file);
  expect(validated.out).toContain(`ok ${file}`);
  expect(validated.err).not.toContain('warning');
  expect(validated.code).toBe(0);
  const graded = plr('grade', file);
  expect(graded.code).toBe(0);
  expect(graded.err).toBe('');
  expect(JSON.parse(graded.out)).toEqual(exported.judgement.suggested);
}

test('a completed review from a file is moderated to inadequate: the grade supersedes, a Case of Concern starts, the QA tool agrees', async ({ page }) => {
  test.slow(); // two runs of the command line
  const id = await openFile(page, fixture('completed-good.json'));
  await page.goto(`/review/${id}`);
  await expect(page.locator('#status-moderate')).toHaveText('Not moderated');
  await page.getByRole('link', { name: 'Moderate this review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moderate this review' })).toBeVisible();
  await expect(page.getByRole('radio', { name: "Good (the reviewer's grade)" })).toBeEnabled();
  await expectNoAxeViolations(page);

  // Nothing given: the core says what is missing, in form order; the links reach the fields.
  await page.getByRole('button', { name: 'Record moderation' }).click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter your name', 'Choose the moderated grade']);
  await expectNoAxeViolations(page);
  await page.getByLabel('Your name (the moderator)').fill('C. Moderator');
  await page.getByRole('radio', { name: 'Inadequate', exact: true }).check();
  await page.getByRole('button', { name: 'Record moderation' }).click();
  await expect(summary.getByRole('link')).toHaveText(["Tell the manager why your grade differs from the reviewer's"]);
  await expect(page.getByLabel('Comments for the manager')).toHaveAttribute('aria-invalid', 'true');
  expect((await stored(page)).moderation).toBeNull();
  await page.getByLabel('Comments for the manager').fill('The plan has drifted and the child was not seen for eight weeks.');
  await page.getByRole('button', { name: 'Record moderation' }).click();

  const record = page.locator('#moderation-record');
  await expect(record).toBeFocused();
  await expect(record).toContainText("Moderated grade: Inadequate (downgraded from Good; it supersedes the reviewer's grade).");
  await expect(record).toContainText('Moderated by C. Moderator on');
  await expect.poll(async () => (await stored(page)).moderation?.effect).toBe('downgraded');
  const moderated = await stored(page);
  expect(moderated.judgement.final_grade).toBe('good'); // the reviewer's grade is kept as it was
  // Moderated to inadequate: a Case of Concern from the moment of moderation.
  expect(Date.parse(moderated.judgement.share_by) - Date.parse(moderated.moderation.moderated_at)).toBe(hours24);
  const concern = page.getByRole('region', { name: 'This review is a Case of Concern' });
  await expect(concern.locator('#concern-clock')).toHaveText(/^2[34] hours( \d+ minutes?)? left to share it$/);
  await expectNoAxeViolations(page);

  // Its sharing is recorded on the completed review, without reopening it.
  // Not without the name of who was told: the tick is refused, saying what is missing.
  const tick = concern.getByLabel('It has been shared with the Head of Service');
  await tick.click();
  await expect(tick).not.toBeChecked();
  await expect(tick).toHaveAttribute('aria-invalid', 'true');
  await expect(concern.locator('.error-message')).toHaveText('Error: Enter the name of the Head of Service it was shared with');
  expect((await stored(page)).judgement.concern_shared_at).toBeNull();
  await concern.getByLabel('Name of the Head of Service it was shared with').fill('D. Head');
  await expect(concern.locator('.error-message')).toHaveCount(0);
  await tick.check();
  await expect(concern.locator('#concern-clock')).toHaveText('Shared in time');
  await expect(concern.locator('#concern-shared-record')).toHaveText(/^Shared with D\. Head on .+ at \d\d:\d\d\.$/);
  // Clearing the name afterwards is shown as a problem, not taken silently.
  await concern.getByLabel('Name of the Head of Service it was shared with').fill('');
  await expect(concern.locator('.error-message')).toHaveText('Error: Enter the name of the Head of Service it was shared with');
  await concern.getByLabel('Name of the Head of Service it was shared with').fill('D. Head');
  await expect.poll(async () => (await stored(page)).judgement.concern_shared_with).toBe('D. Head');
  await expectNoAxeViolations(page);

  const file = await download(page);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.schema_version).toBe(5);
  expect(exported.status).toBe('completed');
  expect(exported.moderation).toMatchObject({ moderator: 'C. Moderator', grade: 'inadequate', effect: 'downgraded' });
  expect(exported.judgement.concern_shared_at).not.toBeNull();
  expectTheQaToolAgrees(file, exported);

  // The moderated grade shows as superseding: task list, answers, home list. Content stays read-only.
  await page.goto(`/review/${id}`);
  await expect(page.locator('#moderated-grade')).toHaveText("Inadequate (downgraded from Good; it supersedes the reviewer's grade)");
  await expect(page.locator('#status-moderate')).toHaveText('Moderated');
  await page.goto(`/review/${id}/check`);
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  await expect(page.getByText('The plan has drifted and the child was not seen for eight weeks.')).toBeVisible();
  await page.goto(`/review/${id}/judgement`);
  await expect(page.getByRole('radio', { name: 'Good (suggested)', exact: true })).toBeDisabled();
  await page.goto('/');
  await expect(page.locator('.home-grade')).toHaveText(/^\s*Inadequate \(moderated\)$/);
});

test('the concern clock starts when the flag is set and is kept across reopening', async ({ page }) => {
  const id = await openFullDraft(page);
  await page.goto(`/review/${id}/judgement`);
  await page.getByLabel("There is an immediate concern about the child's safety").check();
  const clock = page.locator('#concern-clock');
  await expect(clock).toHaveText(/^2[34] hours( \d+ minutes?)? left to share it$/);
  const deadline = await page.locator('#concern-deadline').textContent();
  await expect.poll(async () => (await stored(page)).judgement.immediate_concern_at).not.toBeNull();
  await page.getByLabel('What is the concern?').fill('New unexplained bruising seen at the visit.');
  await page.getByLabel('Name of the Head of Service it was shared with').fill('D. Head');
  await page.getByLabel('It has been shared with the Head of Service').check();
  await expect(clock).toHaveText('Shared in time');
  await expectNoAxeViolations(page);

  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeFocused();
  await expect(page.locator('#concern-clock')).toHaveText('Shared in time');
  const completed = await stored(page);
  expect(Date.parse(completed.judgement.share_by) - Date.parse(completed.judgement.immediate_concern_at)).toBe(hours24);

  // Reopening, and completing again later, keep the clock where the flag started it.
  await page.getByRole('button', { name: 'Reopen as draft' }).click();
  await expect.poll(async () => (await stored(page)).status).toBe('draft');
  expect((await stored(page)).judgement.share_by).toBe(completed.judgement.share_by);
  await page.goto(`/review/${id}/judgement`);
  await expect(page.locator('#concern-deadline')).toHaveText(deadline ?? '');
  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeFocused();
  expect((await stored(page)).judgement.share_by).toBe(completed.judgement.share_by);
});

test("a completed review's actions are followed up without reopening it; overdue ones are marked", async ({ page }) => {
  const plr0 = fixture('completed-good.json');
  plr0.actions[0].due_on = '2020-01-06'; // long past: overdue while open
  plr0.actions.push({ ...plr0.actions[0], id: 'a2', kind: 'other', description: 'Review the safety plan with the family', due_on: '2099-01-01' });
  const id = await openFile(page, plr0);
  await page.goto(`/review/${id}/actions`);
  const first = page.getByRole('region', { name: /^Action 1/ });
  const second = page.getByRole('region', { name: /^Action 2/ });
  // Overdue by the whole days since its due date (today as the browser reads it).
  const now = new Date();
  const overdueDays = Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(2020, 0, 6)) / 86400000);
  await expect(first.getByRole('heading')).toHaveText(`Action 1 Overdue by ${overdueDays} days`);
  await expect(second.getByRole('heading')).toHaveText('Action 2');
  // The check-answers page marks it too, not just "Open".
  await page.goto(`/review/${id}/check`);
  await expect(page.getByRole('heading', { level: 2, name: /^Action \d/ })).toHaveText([`Action 1 (overdue by ${overdueDays} days)`, 'Action 2']);
  await page.goto(`/review/${id}/actions`);
  // The rest stays as it was completed.
  await expect(first.getByLabel('What needs to happen')).toBeDisabled();
  await expect(first.getByRole('group', { name: 'Due date' }).getByLabel('Day')).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Remove action/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
  // No follow-up recorded yet since completion.
  await expect(first.getByText('No update yet')).toBeVisible();
  await expectNoAxeViolations(page);

  await first.getByRole('radio', { name: 'Completed', exact: true }).check();
  await fillDate(first, 'Date completed', '2026-11-30');
  await first.getByLabel('Progress so far').fill('Done at the core group on 30 November.');
  // Completed, it is no longer overdue, but it says how late it was done.
  await expect(first.getByRole('heading')).toHaveText('Action 1 Completed 2520 days late');
  await second.getByRole('radio', { name: "Transferred into the child's plan" }).check();
  // A transfer asks its day (today until corrected), as the core keeps it with the status.
  const transferDate = second.getByRole('group', { name: "Date transferred into the child's plan" });
  const today = new Date();
  await expect(transferDate.getByLabel('Day')).toHaveValue(String(today.getDate()));
  await fillDate(second, "Date transferred into the child's plan", '2026-12-01');
  await second.getByLabel('Progress so far').fill('Now in the child protection plan.');
  // Each follow-up change records the day it was made.
  const short = `${today.getDate()} ${today.toLocaleString('en-GB', { month: 'short' }).slice(0, 3)} ${today.getFullYear()}`;
  await expect(first.getByText(`Last updated ${short}`)).toBeVisible();
  await expect(second.getByText(`Last updated ${short}`)).toBeVisible();
  await expectNoAxeViolations(page);

  await expect.poll(async () => (await stored(page)).actions[1].progress_note).toBe('Now in the child protection plan.');
  const followed = await stored(page);
  expect(followed.status).toBe('completed');
  expect(followed.actions[0]).toMatchObject({ status: 'completed', completed_on: '2026-11-30', progress_note: 'Done at the core group on 30 November.' });
  expect(followed.actions[1]).toMatchObject({ status: 'transferred', transferred_on: '2026-12-01' });
  const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  expect(followed.actions.map((a: any) => a.updated_on)).toEqual([todayIso, todayIso]);
  expect(Date.parse(followed.updated_at)).toBeGreaterThan(Date.parse(plr0.updated_at));
  expect(followed.completed_at).toBe(plr0.completed_at);

  await page.goto(`/review/${id}/check`);
  // The check-answers page lists each action's answers, the progress notes with them.
  const rows = page.locator('.summary-list__row');
  await expect(rows.filter({ hasText: 'Progress so far' })).toHaveText([
    /Done at the core group on 30 November\./,
    /Now in the child protection plan\./,
  ]);
  await expect(rows.filter({ has: page.locator('dt', { hasText: /^Status$/ }) }).nth(1)).toContainText(/Transferred/);
  const file = await download(page);
  const validated = plr('validate', file);
  expect(validated.out).toContain(`ok ${file}`);
  expect(validated.err).not.toContain('warning');
  expect(validated.code).toBe(0);
  // The QA service's figures count the follow-up: the action transferred by its due date is on
  // time, the care-planning action completed years after its due date late.
  const snapshot = plr('snapshot', '--period', '2026-11', '--as-of', todayIso, '--format', 'json', file);
  const measures = JSON.parse(snapshot.out).measures;
  expect(measures.other_actions_completed_on_time).toMatchObject({ numerator: 1, denominator: 1 });
  expect(measures.care_planning_transferred_late).toMatchObject({ numerator: 1, denominator: 1 });
});
