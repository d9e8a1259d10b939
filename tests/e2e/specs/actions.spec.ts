import { test, expect, type Page } from './test';
import { expectNoAxeViolations, storedReviews } from './helpers';
import { openFullDraft } from './fixtures';

function errorSummary(page: Page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
}

function card(page: Page, n: number) {
  return page.getByRole('region', { name: `Action ${n}`, exact: true });
}

test('after removing the first action, the error summary still leads to the remaining one, and new cards never share radios', async ({ page }) => {
  const id = await openFullDraft(page, (plr) => {
    plr.actions = [];
  });
  await page.goto(`/review/${id}/actions`);
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByRole('button', { name: 'Add an action' }).click();
  await card(page, 2).getByLabel('What needs to happen').fill('Visit the child at school');
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(card(page, 2)).toHaveCount(0);
  await expect(card(page, 1).getByLabel('What needs to happen')).toHaveValue('Visit the child at school');

  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole('link')).toHaveText([
    'Choose the type of action 1',
    'Enter who will do action 1',
    'Enter the due date of action 1',
  ]);
  await summary.getByRole('link', { name: 'Choose the type of action 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${id}/actions#action-[\\w-]+-kind$`));
  const remaining = card(page, 1);
  await expect(remaining.getByRole('group', { name: 'Type of action' }).getByRole('radio').first()).toBeFocused();
  await expect(remaining.getByText('Error: Choose the type of action 1')).toBeVisible();
  await expect(remaining.getByText('Error: Enter who will do action 1')).toBeVisible();
  await expectNoAxeViolations(page);

  // A new card beside it: choosing in one never changes the other.
  await page.getByRole('button', { name: 'Add an action' }).click();
  await expect(card(page, 2)).toBeVisible();
  await card(page, 2).getByRole('radio', { name: 'Other action' }).check();
  await expect(card(page, 1).getByRole('radio', { name: 'Other action' })).not.toBeChecked();
  await card(page, 1).getByRole('radio', { name: /Care planning/ }).check();
  await expect(card(page, 2).getByRole('radio', { name: 'Other action' })).toBeChecked();
  await card(page, 2).getByRole('radio', { name: 'Completed' }).check();
  await expect(card(page, 1).getByRole('radio', { name: 'Open' })).toBeChecked();
  await expect.poll(async () => (await storedReviews(page))[0].actions.map((a: any) => [a.kind, a.status]))
    .toEqual([['care_planning', 'open'], ['other', 'completed']]);
  // No two elements share an id.
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
  await expectNoAxeViolations(page);
});
