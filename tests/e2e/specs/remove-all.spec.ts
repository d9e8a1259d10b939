import { expect, test } from './test';
import { expectNoAxeViolations, startReview, storedReviews } from './helpers';

// "Using a shared computer?": every review goes only after a confirmation, Cancel keeps them,
// and nothing else the browser holds for other sites or settings is touched.
test('Remove all reviews asks first, Cancel keeps them, and Yes removes every one for good', async ({ page }) => {
  const first = await startReview(page);
  await page.getByLabel("Child's case reference").fill('LL-1001');
  const second = await startReview(page);
  await page.getByLabel("Child's case reference").fill('LL-1002');
  await page.goto('/');
  const list = page.getByRole('table', { name: 'Reviews saved in this browser, most recently saved first' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await page.evaluate(() => localStorage.setItem('someone-else', 'kept'));

  const remove = page.getByRole('button', { name: 'Remove all reviews from this device' });
  await remove.click();
  const question = page.getByRole('alertdialog', { name: 'Remove every review from this browser? This cannot be undone.' });
  await expect(question).toBeVisible();
  await expectNoAxeViolations(page);
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  expect((await storedReviews(page)).map((r) => r.id).sort()).toEqual([first, second].sort());

  await remove.click();
  await question.getByRole('button', { name: 'Yes, remove everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All reviews were removed from this device.' })).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  expect(await storedReviews(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('someone-else'))).toBe('kept');

  // Gone for good: not back after a reload, and the review's own address finds nothing.
  await page.reload();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await page.goto(`/review/${first}/case`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This review cannot be opened');
  await expect(page.getByRole('alert')).toHaveText(
    'There is no review with this reference on this device. It may have been deleted, or saved in another browser.',
  );
});
