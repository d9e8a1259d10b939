// The young people's Ambassadors' review (qa-month.md §3), recorded on a completed review from
// its task list: question page (five yes/no findings, who, when, comments), a refused attempt
// named in the error summary, the check, the confirmation; a reload keeps it, the task list and
// the printed record show it, recording again corrects it, and the download carries it (schema
// version 5).
import { test, expect } from './test';
import { continueRefused, expectNoAxeViolations, fillDate, plr, shownDate, storedReviews } from './helpers';
import { fixture, openFile, openFullDraft } from './fixtures';
import { downloadReviewJson } from './download';

const long = (d: Date) => `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}`;
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const questions = [
  'Is there a reasonable or good relationship between the worker and the child?',
  'Is the case summary focused on the child, in language the child could understand?',
  "Are the child's views drawn through the record, with direct work?",
  'Does the record say what the child likes and dislikes, their interests and achievements?',
  'Is the language appropriate (Language that Cares), and can the decisions be followed?',
];

test("the Ambassadors' review is asked, refused with its reasons, checked, recorded, kept, corrected and downloaded", async ({ page }) => {
  // completed-good.json was completed on 20 November 2026.
  const id = await openFile(page, fixture('completed-good.json'));
  await page.goto(`/review/${id}`);
  await expect(page.locator('#status-ambassadors')).toHaveText('Not recorded');
  await page.getByRole('link', { name: "Record the Ambassadors' review" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Record the Ambassadors' review" })).toBeVisible();
  await expect(page.locator('#completed-notice')).toHaveCount(0);
  const today = new Date();
  expect(await shownDate(page, "Date of the Ambassadors' review")).toBe(
    `${today.getDate()}/${today.getMonth() + 1}/${today.getFullYear()}`,
  );
  for (const question of questions) {
    await expect(page.getByRole('group', { name: question })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // Nothing answered: the name and each finding are asked for, and a link leads to the field.
  const summary = await continueRefused(page, 'ambassadors-problems', [
    "Enter the name of who recorded the Ambassadors' review",
    ...questions.map((q) => `Select yes or no: ${q}`),
  ]);
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: "Enter the name of who recorded the Ambassadors' review" }).click();
  await expect(page.getByLabel('Name of who recorded it')).toBeFocused();

  // Every finding answered, but unnamed and dated before the review was completed: refused.
  const answers = [true, false, true, false, true];
  for (const [n, question] of questions.entries()) {
    await page.getByRole('group', { name: question }).getByLabel(answers[n] ? 'Yes' : 'No').check();
  }
  await fillDate(page, "Date of the Ambassadors' review", '2026-11-19');
  await page.getByLabel("The Ambassadors' comments").fill('Warm, but the summary is written for professionals.');
  await continueRefused(page, 'ambassadors-problems', [
    "The Ambassadors' review cannot be dated before the review was completed",
    "Enter the name of who recorded the Ambassadors' review",
  ]);
  await expect(page.locator('#ambassadors-on-error')).toHaveText(
    "Error: The Ambassadors' review cannot be dated before the review was completed",
  );
  await expectNoAxeViolations(page);

  // Put right: the check, then the record.
  await fillDate(page, "Date of the Ambassadors' review", iso(today));
  await page.getByLabel('Name of who recorded it').fill('Sam Reid');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: "Check the Ambassadors' review before recording it" })).toBeFocused();
  const checked = [
    `Date of the Ambassadors' review${long(today)}`,
    'Recorded bySam Reid',
    'Relationship between worker and childYes',
    'Case summary focused on the childNo',
    "Child's views drawn throughYes",
    'Likes, dislikes, interests and achievementsNo',
    'Language that Cares; clear decisionsYes',
    "The Ambassadors' commentsWarm, but the summary is written for professionals.",
  ];
  await expect(page.locator('.summary-list__row')).toHaveText(checked);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: "Record the Ambassadors' review" }).click();
  await expect(page.getByRole('heading', { name: "Ambassadors' review recorded" })).toBeFocused();
  await expect(page.locator('#ambassadors-record .summary-list__row')).toHaveText(checked);
  await expectNoAxeViolations(page);

  // Kept on this device: after a reload the task list, the page and the printed record show it.
  await page.reload();
  await expect(page.locator('#ambassadors-record .summary-list__row')).toHaveText(checked);
  await page.getByRole('link', { name: 'Back to the task list' }).first().click();
  await expect(page.locator('#status-ambassadors')).toHaveText('Recorded');
  await page.goto(`/review/${id}/print`);
  const record = page.getByRole('article', { name: 'Printed record' });
  await expect(record.getByRole('heading', { name: "Ambassadors' review" })).toBeVisible();
  await expect(record.locator('.record__row').filter({ hasText: 'Relationship between worker and child' })).toHaveText(
    'Relationship between worker and childYes',
  );

  // A correction: the answers start as recorded; recording again replaces the review.
  await page.goto(`/review/${id}/ambassadors`);
  const relationship = page.getByRole('group', { name: questions[0] });
  await expect(relationship.getByLabel('Yes')).toBeChecked();
  await expect(page.getByLabel('Name of who recorded it')).toHaveValue('Sam Reid');
  await relationship.getByLabel('No').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: "Check the Ambassadors' review before recording it" })).toBeFocused();
  await page.getByRole('button', { name: "Record the Ambassadors' review" }).click();
  await expect(page.getByRole('heading', { name: "Ambassadors' review recorded" })).toBeFocused();
  await expect(page.locator('#ambassadors-record .summary-list__row').nth(2)).toHaveText(
    'Relationship between worker and childNo',
  );
  // Saved on this device (autosave writes it within a moment).
  const kept = async () => (await storedReviews(page))[0]?.ambassadors_review;
  await expect.poll(async () => (await kept())?.relationship).toBe(false);

  // The file for the QA service carries the corrected review. (Downloaded last: Firefox takes
  // focus from the page to show its downloads.)
  const { file, exported } = await downloadReviewJson(page);
  expect(exported.schema_version).toBe(5);
  expect(exported.ambassadors_review).toEqual({
    reviewed_on: iso(today),
    by: 'Sam Reid',
    relationship: false,
    child_focused_summary: false,
    childs_views: true,
    about_the_child: false,
    language_and_decisions: true,
    comments: 'Warm, but the summary is written for professionals.',
  });
  const validated = plr('validate', file);
  expect(validated.code).toBe(0);
  expect(validated.err).not.toContain('warning');
});

test("a draft takes no Ambassadors' review", async ({ page }) => {
  const id = await openFullDraft(page);
  await page.goto(`/review/${id}`);
  await expect(page.getByRole('link', { name: "Record the Ambassadors' review" })).toHaveCount(0);
  await page.goto(`/review/${id}/ambassadors`);
  await expect(page.locator('#ambassadors-closed')).toHaveText("Only a completed review can have an Ambassadors' review.");
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});
