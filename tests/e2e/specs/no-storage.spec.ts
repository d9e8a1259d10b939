// A browser that refuses storage (blocked by policy, some private modes, site data turned off):
// the app works for the session, says at the top that nothing will be kept, offers the
// download, and never panics.
import { test, expect, type Page } from './test';
import { expectNoAxeViolations } from './helpers';
import { fixture } from './fixtures';
import fs from 'node:fs';
import { downloadOf } from './download';

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
});

/** Every uncaught error and panic of the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const banner = (page: Page) => page.getByRole('region', { name: 'Nothing will be kept after you close this tab' });

test('without storage a review can still be done in the tab, with a clear warning and the download', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('download it before you close this tab');
  await expectNoAxeViolations(page);

  // Moving between pages with the app's own links keeps the review in the tab's memory.
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await page.getByLabel("Child's case reference").fill('LL-NOSTORE-1');
  await expect(page.getByRole('status').filter({ hasText: /^Kept in this tab only \d\d:\d\d$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the task list' }).click();
  await page.getByRole('link', { name: 'About the case', exact: true }).click();
  await expect(page.getByLabel("Child's case reference")).toHaveValue('LL-NOSTORE-1');
  await expectNoAxeViolations(page);

  const download = await downloadOf(page, () =>
    banner(page).getByRole('button', { name: 'Download the review for LL-NOSTORE-1' }).click(),
  );
  expect(download.name).toMatch(/^plr-LL-NOSTORE-1-.*\.json$/);
  const file = JSON.parse(fs.readFileSync(download.path, 'utf8'));
  expect(file.case.child_ref).toBe('LL-NOSTORE-1');
  await expect(banner(page).getByRole('status')).toHaveText(`Downloaded ${download.name}`);

  await page.getByRole('link', { name: 'All reviews' }).click();
  await expect(page.getByRole('row', { name: /LL-NOSTORE-1/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('without storage a downloaded review can be opened, and the dashboard still loads', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const plr = fixture('draft-partial.json');
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name: 'carried.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plr)),
  });
  await expect(page.getByText('from carried.json. It is kept in this tab only, until you close it.')).toBeVisible();
  await page.getByRole('link', { name: /^Go to / }).click();
  await expect(page.getByRole('link', { name: 'About the case', exact: true })).toBeVisible();
  await expect(banner(page).getByRole('button', { name: /^Download the review/ })).toBeVisible();

  await page.goto('/dashboard/');
  await expect(page.getByRole('heading', { level: 1, name: 'QA dashboard' })).toBeVisible();
  expect(errors).toEqual([]);
});
