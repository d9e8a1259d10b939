import { test, expect } from './test';
import { expectNoAxeViolations } from './helpers';

test('the QA dashboard is its own page, linked from the home page and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Open the QA dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'QA dashboard' })).toBeVisible();
  await expect(page).toHaveTitle('QA dashboard – Practice Learning Reviews');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Go to the review form' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice Learning Reviews' })).toBeVisible();
});

test('the form does not download the dashboard, and dashboard addresses open the dashboard', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start a new review' })).toBeVisible();
  expect(fetched.filter((p) => p.startsWith('/dashboard'))).toEqual([]);

  // The dashboard's own single-page fallback: any address under /dashboard/ is the dashboard.
  await page.goto('/dashboard/some/later/view');
  await expect(page.getByRole('heading', { level: 1, name: 'QA dashboard' })).toBeVisible();
});
