import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, startReview, storedReviews } from './helpers';

test('a started review is saved as you type, restored on reload, listed, and can be deleted', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice Learning Reviews' })).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  const id = await startReview(page);
  await page.getByLabel("Child's case reference").fill('LL-482913');
  await page.getByLabel('Review date').fill('2026-11-20');

  // Saved to this device without any "save" click.
  await expect
    .poll(async () => (await storedReviews(page)).map((r) => [r.id, r.case.child_ref, r.review.date]))
    .toEqual([[id, 'LL-482913', '2026-11-20']]);
  await expect(page.getByRole('status').filter({ hasText: /^Saved on this device \d\d:\d\d$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel("Child's case reference")).toHaveValue('LL-482913');
  await expect(page.getByLabel('Review date')).toHaveValue('2026-11-20');

  await page.getByRole('link', { name: 'All reviews' }).click();
  const row = page.getByRole('row', { name: /LL-482913/ });
  await expect(row).toContainText('20 Nov 2026');
  await expect(row).toContainText('Draft');
  await expectNoAxeViolations(page);

  // Deleting asks first; cancelling keeps it.
  await row.getByRole('button', { name: 'Delete review LL-482913' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /LL-482913/ })).toBeVisible();
  await page.getByRole('button', { name: 'Delete review LL-482913' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the review for LL-482913.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reviews on this device' })).toBeFocused();
  await page.reload();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  expect(await storedReviews(page)).toEqual([]);
});

test('the home list continues a review on the page it was left on', async ({ page }) => {
  await startReview(page);
  await page.getByLabel("Child's case reference").fill('LL-77');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeVisible();
  await page.goto('/');
  await page.getByRole('link', { name: 'LL-77' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeVisible();
});
