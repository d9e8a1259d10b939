// The printed record: the whole review on A4 in reading order, without the page's chrome.
import { test, expect, type Page } from './test';
import { expectNoAxeViolations } from './helpers';
import { fixture, openFile, openFullDraft } from './fixtures';
import { expectInOrder, pdfText } from './pdf';

async function printed(page: Page): Promise<string> {
  return pdfText(await page.pdf({ format: 'A4' }));
}

/** From the check-answers (or completed) page, "Print" opens the printable view. */
async function openPrintView(page: Page) {
  await page.getByRole('link', { name: 'Print', exact: true }).click();
  await expect(page).toHaveURL(/\/print$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Child's case reference: / })).toBeVisible();
}

test('a completed, moderated review prints whole, in reading order, without the page around it', async ({ page }) => {
  const plr = fixture('completed-moderated.json');
  const id = await openFile(page, plr);
  await page.goto(`/review/${id}/check`);
  await expect(page.getByRole('heading', { name: 'Review completed' })).toBeVisible();
  await openPrintView(page);
  await expectNoAxeViolations(page);

  const text = await printed(page);
  expectInOrder(text, [
    "Child's case reference: LL-482913",
    // The reported grade comes first: the moderated one, saying what it supersedes.
    'Status', 'Completed', 'Reported grade', "Requires improvement (downgraded from Good; it supersedes the reviewer's grade)",
    'About the case', 'Stroud Safeguarding', 'Reviewing manager', 'A. Manager', 'Practitioner', 'B. Worker',
    'Who took part', 'Were the views of the child obtained?',
    'Grades', 'Suggested grade', 'Good', 'Final grade', 'Good',
    'Moderated grade (replaces the final grade)', 'Requires improvement',
    'How the suggested grade was reached', 'Score',
    'Practice Fundamentals', 'Supervision and Management', 'Case Recording',
    'Supervision and Management', 'SM1', 'Rating Met', 'Evidence (optional) Supervision record dated 01/11', 'SM2',
    "Practitioner's reflection", plr.sections[0].practitioner_reflection.slice(0, 60),
    "Reviewer's evaluation", plr.sections[0].reviewer_evaluation.slice(0, 60),
    'Case Recording', 'CR11', 'Rating Not applicable',
    'Judgement', 'Impact on the child', 'The plan is reducing risk',
    "There is an immediate concern about the child's safety", 'No',
    'Actions', 'Action 1', 'Type of action', 'What needs to happen', plr.actions[0].description,
    'Who will do it', 'B. Worker', 'Due date', '4 December 2026', 'Status', 'Open',
    'Moderation', 'Moderator', 'C. Moderator', 'Effect', 'Downgraded', 'Comments for the manager',
    plr.moderation.comments,
  ]);
  // None of the page around the record: no header, task links, buttons or the screen's summary.
  for (const chrome of ['Practice Learning Reviews', 'All reviews', 'completed. Reopen it', 'Print this page', 'Back to the review']) {
    expect(text, chrome).not.toContain(chrome.replace(/\s+/g, ''));
  }
  // Not a statement count: every one of the 55 statements is there.
  expect(text.match(/Rating(Met|Partlymet|Notmet|Notapplicable|Notrated)/g)?.length).toBe(55);
});

test('a Case of Concern prints its banner first; the check-answers page prints the record too', async ({ page }) => {
  const id = await openFile(page, fixture('completed-concern.json'));
  await page.goto(`/review/${id}/check`);
  await expect(page.getByRole('heading', { name: 'Review completed' })).toBeVisible();
  await openPrintView(page);
  expectInOrder(await printed(page), [
    "Child's case reference", 'Reported grade', 'Inadequate', 'This review is a Case of Concern', 'It must be shared with',
    'Shared in time', 'Shared with D. Head (Head of Service) on', 'About the case',
    'Judgement', 'What is the concern?', 'The child disclosed new harm', 'Name of the Head of Service it was shared with',
    'D. Head (Head of Service)', 'Moderation', 'Not moderated.',
  ]);

  const draft = await openFullDraft(page);
  await page.goto(`/review/${draft}/check`);
  await expect(page.getByRole('heading', { name: 'Check your answers before completing the review' })).toBeVisible();
  await openPrintView(page);
  await expectNoAxeViolations(page);
  expectInOrder(await printed(page), ["Child's case reference", 'Grades', 'Practice Fundamentals', 'Actions', 'Moderation']);
  // The check-answers page itself holds each answer once (the record is not a hidden copy).
  await page.getByRole('link', { name: 'Back to the review' }).click();
  await expect(page.getByText('LL-482913', { exact: true })).toHaveCount(1);
});

test('in print media only the record shows: the header, links and buttons are hidden', async ({ page }) => {
  const id = await openFile(page, fixture('completed-moderated.json'));
  await page.goto(`/review/${id}/print`);
  const record = page.getByRole('article', { name: 'Printed record' });
  const heading = record.getByRole('heading', { level: 1, name: "Child's case reference: LL-482913" });
  await expect(heading).toBeVisible();
  const chrome = [
    page.getByRole('banner'),
    page.getByRole('contentinfo'),
    page.getByRole('link', { name: 'All reviews' }),
    page.getByRole('button', { name: 'Print this page' }),
    page.getByRole('link', { name: 'Back to the review' }),
    page.getByText('This review is completed. Reopen it to make changes.'),
  ];
  for (const part of chrome) await expect(part).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(heading).toBeVisible();
  await expect(record.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  for (const part of chrome) await expect(part).toBeHidden();
  await expectNoAxeViolations(page);
});
