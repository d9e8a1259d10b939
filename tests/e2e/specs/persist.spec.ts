// Persistent storage is asked for after the first save, and the answer shown; completed
// reviews left undownloaded for a week are listed on the home page until downloaded.
import { test, expect } from './test';
import { expectNoAxeViolations, startReview } from './helpers';
import { fixture, openFile } from './fixtures';
import { downloadReview } from './download';

for (const granted of [true, false]) {
  test(`after the first save the app asks the browser to keep its storage, and says it was ${granted ? 'granted' : 'refused'}`, async ({ page, context }) => {
    await context.addInitScript((granted) => {
      const asked: string[] = [];
      (window as any).__asked = asked;
      navigator.storage.persisted = async () => {
        asked.push('persisted');
        return false;
      };
      navigator.storage.persist = async () => {
        asked.push('persist');
        return granted;
      };
    }, granted);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Start a new review' })).toBeVisible();
    expect(await page.evaluate(() => (window as any).__asked)).toEqual([]);
    await expect(page.locator('#persistence')).toHaveText('');

    await startReview(page);
    await expect(page.locator('#persistence')).toHaveText(
      granted
        ? 'This browser has agreed to keep your reviews until you remove them.'
        : 'This browser has not promised to keep your reviews: it may clear them if the device runs short of space, so download each review once it is completed.',
    );
    await page.getByLabel("Child's case reference").fill('LL-PERSIST');
    await expect(page.getByRole('status').filter({ hasText: /^Saved on this device/ })).toBeVisible();
    // Asked once, not on every save.
    expect(await page.evaluate(() => (window as any).__asked)).toEqual(['persisted', 'persist']);
  });
}

test('a completed review not downloaded for 7 days since it changed is listed on the home page until it is downloaded', async ({ page }) => {
  const plr = fixture('completed-good.json');
  expect(plr.updated_at).toBe('2026-11-20T10:40:02Z');
  const reminder = page.getByRole('region', { name: 'Completed reviews not yet downloaded' });
  // Opened from its file weeks after it last changed: the user holds that file, so it is not
  // waiting to be downloaded.
  await page.clock.setFixedTime(new Date('2026-12-20T10:00:00Z'));
  await openFile(page, plr);
  await expect(page.getByRole('row', { name: /LL-482913/ })).toContainText('Downloaded since last change');
  await expect(reminder).toHaveCount(0);

  // A follow-up recorded on it is in no file yet.
  await page.goto(`/review/${plr.id}/actions`);
  await page.getByRole('region', { name: /^Action 1/ }).getByLabel('Progress so far').fill('Booked for the core group.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved on this device/ })).toBeVisible();
  await page.clock.setFixedTime(new Date('2026-12-27T09:00:00Z')); // six days and 23 hours later
  await page.goto('/');
  await expect(page.getByRole('row', { name: /LL-482913/ })).toContainText('Not downloaded since last change');
  await expect(reminder).toHaveCount(0);

  await page.clock.setFixedTime(new Date('2026-12-27T11:00:00Z')); // seven days later
  await page.reload();
  await expect(reminder.getByRole('listitem')).toHaveText([/^LL-482913, last changed /]);
  await expectNoAxeViolations(page);

  await reminder.getByRole('link', { name: 'LL-482913' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review completed' })).toBeVisible();
  await downloadReview(page);
  await page.getByRole('link', { name: 'All reviews' }).click();
  await expect(page.getByRole('row', { name: /LL-482913/ })).toContainText('Downloaded since last change');
  await expect(reminder).toHaveCount(0);
});
