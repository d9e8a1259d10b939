// A Head of Service's update on a Case of Concern (followthrough.md), recorded on the completed
// review: question page, check, confirmation; the register's state changes; the download
// carries the update, and the file opened elsewhere shows it.
import { test, expect } from './test';
import { continueRefused, expectNoAxeViolations, fillDate, plr } from './helpers';
import { fixture, openFile } from './fixtures';
import { downloadReviewJson } from './download';

const long = (d: Date) => `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}`;
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('a Head of Service update is asked, checked and recorded; resolved needs both assurances; the file carries it', async ({ page, browser }) => {
  const concern = fixture('completed-concern.json');
  const id = await openFile(page, concern);
  await page.goto(`/review/${id}/check`);
  await expect(page.locator('#concern-register')).toHaveText(/^Open for .+: update due this month$/);
  await page.getByRole('link', { name: 'Record a Head of Service update' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a Head of Service update' })).toBeVisible();
  await expect(page.locator('#register-state')).toHaveText(/^Open for .+: update due this month$/);
  await expectNoAxeViolations(page);

  // Nothing answered (the date is today): each question says what it needs.
  await continueRefused(page, 'update-problems', [
    'Enter the name of the Head of Service who gave the update',
    'Select whether the Head of Service is assured the child is safe',
    'Select whether the Head of Service is assured a plan is in place',
    'Select what happens next',
  ]);
  await expectNoAxeViolations(page);

  // Resolved with only one assurance, and dated tomorrow: the core refuses both.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  await fillDate(page, 'Date of the update', iso(tomorrow));
  await page.getByLabel('Name of the Head of Service').fill('P. Singh');
  await page.getByRole('group', { name: 'Is the Head of Service assured the child is safe?' }).getByLabel('Yes').check();
  await page.getByRole('group', { name: 'Is the Head of Service assured a plan is in place?' }).getByLabel('No').check();
  await page.getByLabel('Resolved: the child is safe and a plan is in place').check();
  await page.getByLabel('Note (optional)').fill('Visited the family; the safety plan is working.');
  await continueRefused(page, 'update-problems', [
    'The date of the update cannot be in the future',
    'A Case of Concern is resolved only when the Head of Service is assured both that the child is safe and that a plan is in place',
  ]);
  const today = new Date();
  await fillDate(page, 'Date of the update', iso(today));
  await page.getByRole('group', { name: 'Is the Head of Service assured a plan is in place?' }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The check, then the record.
  await expect(page.getByRole('heading', { name: 'Check the update before recording it' })).toBeFocused();
  await expect(page.locator('.summary-list__row')).toHaveText([
    `Date of the update${long(today)}`,
    'Name of the Head of ServiceP. Singh',
    'Assured the child is safeYes',
    'Assured a plan is in placeYes',
    'What happens nextResolved: the child is safe and a plan is in place',
    'NoteVisited the family; the safety plan is working.',
  ]);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Record the update' }).click();
  await expect(page.getByRole('heading', { name: 'Update recorded' })).toBeFocused();
  await expect(page.locator('#register-state')).toHaveText(`Resolved on ${long(today)} by P. Singh`);
  await expect(page.locator('#earlier-updates tbody tr')).toHaveText([
    `${long(today)}P. SinghYesYesResolvedVisited the family; the safety plan is working.`,
  ]);
  await expectNoAxeViolations(page);

  const { file, exported } = await downloadReviewJson(page);
  expect(exported.schema_version).toBe(5);
  expect(exported.concern_updates).toEqual([{
    on: iso(today), by: 'P. Singh', child_safe: true, plan_in_place: true, outcome: 'resolved',
    note: 'Visited the family; the safety plan is working.',
  }]);
  const validated = plr('validate', file);
  expect(validated.code).toBe(0);
  expect(validated.err).not.toContain('warning');

  // The file opened on another device shows the update and the register's state.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  const reopened = await openFile(elsewhere, exported);
  await elsewhere.goto(`/review/${reopened}/concern-update`);
  await expect(elsewhere.locator('#register-state')).toHaveText(`Resolved on ${long(today)} by P. Singh`);
  await expect(elsewhere.locator('#update-closed')).toHaveText('This Case of Concern is resolved: no further update is needed.');
  await other.close();
});

test('a review that was never a Case of Concern takes no Head of Service update', async ({ page }) => {
  const id = await openFile(page, fixture('completed-good.json'));
  await page.goto(`/review/${id}/concern-update`);
  await expect(page.locator('#update-closed')).toHaveText('This review was never a Case of Concern, so it has no Head of Service updates.');
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});
