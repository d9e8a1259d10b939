import { test, expect, type Page } from './test';
import { startReview } from './helpers';
import { openFullDraft } from './fixtures';

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
}

/**
 * Completes the review `id` and follows every link of the error summary, one at a time: each
 * goes to a page where an element has the link's target id and that element has focus.
 * Returns the messages of the links, so a test can say which problems it reached.
 */
async function everyLinkFocusesItsField(page: Page, id: string): Promise<string[]> {
  const complete = async () => {
    await page.goto(`/review/${id}/check`);
    await page.getByRole('button', { name: 'Complete review' }).click();
    await expect(errorSummary(page)).toBeFocused();
  };
  await complete();
  const links = errorSummary(page).getByRole('link');
  const count = await links.count();
  const messages: string[] = [];
  for (let n = 0; n < count; n++) {
    if (n > 0) await complete();
    const link = links.nth(n);
    messages.push((await link.innerText()).trim());
    const href = (await link.getAttribute('href'))!;
    const target = href.split('#')[1];
    expect(target, `${messages[n]} links to a field`).toBeTruthy();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#${target}$`));
    await expect(page.locator(`[id="${target}"]`), `${messages[n]}: #${target}`).toBeFocused();
  }
  return messages;
}

test('every problem of a blank review links to a field that takes focus', async ({ page }) => {
  test.slow();
  const id = await startReview(page);
  // The questions that only apply to an older child and an allocated IRO / CP Chair.
  await page.getByRole('group', { name: 'Is the child aged 4 or over?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('group', { name: /Independent Reviewing Officer or Child Protection Chair allocated/ }).getByRole('radio', { name: 'Yes' }).check();
  const messages = await everyLinkFocusesItsField(page, id);
  expect(messages).toContain("Enter the child's case reference");
  expect(messages).toContain('Say whether the Independent Reviewing Officer or Child Protection Chair was involved');
  expect(messages).toContain('Say whether the views of the child were obtained');
  expect(messages).toContain('Supervision and Management: 13 statements not rated');
  expect(messages).toContain("Add the practitioner's reflection on at least one area: this is a collaborative review");
  expect(messages).toContain('Describe the impact on the child');
});

test('every follow-up problem (views, concern, grade, action) links to a field that takes focus', async ({ page }) => {
  test.slow();
  const id = await openFullDraft(page, (plr) => {
    plr.review.date = '2099-01-01';
    plr.participation.child = { views: 'obtained' };
    plr.participation.parent_carer = { views: 'inappropriate' };
    plr.judgement.immediate_concern = true;
    plr.judgement.immediate_concern_at = plr.created_at;
    plr.judgement.final_grade = 'outstanding';
    plr.judgement.final_grade_chosen_against = 'inadequate';
    plr.actions = [{ id: 'a1', kind: null, description: '', owner: '', due_on: null, status: 'completed', completed_on: null, progress_note: '' }];
  });
  const messages = await everyLinkFocusesItsField(page, id);
  expect(messages).toEqual([
    'The review date must be today or in the past',
    'Say what feedback the child gave',
    'Say whether the social worker was consulted about not seeking the views of the parent or carer',
    'Explain why the final grade is different from the suggested grade',
    "Describe the immediate concern about the child's safety",
    'Enter the name of the Head of Service the concern was shared with',
    'Record that the concern has been shared with the Head of Service',
    'Choose the type of action 1',
    'Describe action 1',
    'Enter who will do action 1',
    'Enter the due date of action 1',
    'Enter the date action 1 was completed',
  ]);
});

test('the persistent-attempts and no-action problems link to fields that take focus', async ({ page }) => {
  const id = await openFullDraft(page, (plr) => {
    plr.participation.parent_carer = { views: 'unreachable' };
    plr.judgement.immediate_concern = true;
    plr.judgement.immediate_concern_at = plr.created_at;
    plr.judgement.immediate_concern_details = 'Bruising seen at the visit.';
    plr.judgement.concern_shared_with = 'D. Head';
    plr.judgement.concern_shared_at = plr.created_at;
    plr.judgement.final_grade = 'inadequate';
    plr.actions = [];
  });
  const messages = await everyLinkFocusesItsField(page, id);
  expect(messages).toEqual([
    'Say whether persistent attempts were made to reach the parent or carer',
    'Add at least one action: a Case of Concern cannot be completed without one',
  ]);
});
