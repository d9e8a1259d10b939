import { test, expect } from './test';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations, fillDate, shownDate, startReview, storedReviews } from './helpers';

test('a started review is saved as you type, restored on reload, listed, and can be deleted', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice Learning Reviews' })).toBeVisible();
  await expect(page.getByText('There are no reviews on this device yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  const id = await startReview(page);
  await page.getByLabel("Child's case reference").fill('LL-482913');
  await fillDate(page, 'Review date', '2026-11-20');

  // Saved to this device without any "save" click.
  await expect
    .poll(async () => (await storedReviews(page)).map((r) => [r.id, r.case.child_ref, r.review.date]))
    .toEqual([[id, 'LL-482913', '2026-11-20']]);
  await expect(page.getByRole('status').filter({ hasText: /^Saved on this device \d\d:\d\d$/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel("Child's case reference")).toHaveValue('LL-482913');
  expect(await shownDate(page, 'Review date')).toBe('20/11/2026');

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

test('a downloaded review opens on this device; a damaged file is refused, naming what is wrong', async ({ page }) => {
  const fixtures = path.resolve(__dirname, '../../../crates/plr-core/tests/fixtures');
  const good = fs.readFileSync(path.join(fixtures, 'draft-partial.json'), 'utf8');
  const plr = JSON.parse(good);
  await page.goto('/');
  await expect(page.getByLabel('Open a downloaded review (JSON file)')).toBeVisible();

  // Hostile: a rating nobody offers. Truncated: cut in half. Neither changes anything.
  const hostile = good.replace(/"rating": "met"/, '"rating": "brilliant"');
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostile),
  });
  const refused = page.getByRole('alert').filter({ hasText: 'hostile.json could not be opened' });
  await expect(refused).toBeVisible();
  // Plain English first, then where in the file.
  await expect(refused).toContainText(/brilliant.*\(in the file at sections\[\d+\]\.items\[\d+\]\.rating\)/);
  await expect(refused).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(good.slice(0, good.length / 2)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'cut.json could not be opened' })).toContainText('not valid JSON');
  expect(await storedReviews(page)).toEqual([]);

  // A good file opens, is listed, and its pages show what it holds.
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles(path.join(fixtures, 'draft-partial.json'));
  await expect(page.getByText(`from draft-partial.json. It is now saved on this device.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(plr.case.child_ref) })).toBeVisible();
  await page.getByRole('link', { name: `Go to the review for ${plr.case.child_ref}` }).click();
  await page.goto(`/review/${plr.id}/case`);
  await expect(page.getByLabel("Child's case reference")).toHaveValue(plr.case.child_ref);

  // Changed here, then the older file chosen again: the user is asked, and keeping is the default.
  await page.getByLabel('Team', { exact: true }).fill('Changed on this device');
  await expect.poll(async () => (await storedReviews(page))[0].case.team).toBe('Changed on this device');
  await page.goto('/');
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles(path.join(fixtures, 'draft-partial.json'));
  await expect(page.getByText(/A different copy of the review for .* is already on this device/)).toBeVisible();
  await page.getByRole('button', { name: 'Keep the copy on this device' }).click();
  expect((await storedReviews(page))[0].case.team).toBe('Changed on this device');
});
