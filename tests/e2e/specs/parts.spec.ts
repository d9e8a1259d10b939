// The review's pages are a part of the form's WebAssembly fetched on demand (scripts/split.mjs,
// src/pages/lazy.rs): once the home page is shown, or when a review page is first opened; what
// happens to an opened file is another, fetched when files are first chosen. When a part
// cannot be fetched (the connection dropped before the app was ever kept for offline use), the
// page says so: the app keeps running and nothing saved is lost.
import { test, expect, type Page } from './test';
import { expectNoAxeViolations, storedReviews } from './helpers';
import { fixture } from './fixtures';

// No service worker: the part can only come from the network, as on a first visit.
test.use({ serviceWorkers: 'block' });

const part = /\/split_review_pages\.wasm$/;

/** Every uncaught error of the page (a panic in the WebAssembly is one). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a review page whose part cannot be fetched says so, and opens once it can', async ({ page }) => {
  const errors = watchErrors(page);
  let refused = 0;
  await page.route(part, (route) => {
    refused += 1;
    return route.abort('internetdisconnected');
  });
  await page.goto('/');
  // The home page asks for the part once it is shown; it does not say anything about a failure.
  await expect.poll(() => refused).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Practice Learning Reviews' })).toBeVisible();

  await page.getByRole('button', { name: 'Start a new review' }).click();
  await expect(page).toHaveURL(/\/review\/[0-9a-f-]{36}\/case$/);
  await expect(page.getByRole('heading', { level: 1, name: 'This page could not be loaded' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Check your connection, then try again.');
  await expectNoAxeViolations(page);
  // The app still runs: its header leads home, and a review can be started again.
  await page.getByRole('link', { name: 'Practice Learning Reviews' }).click();
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This page could not be loaded' })).toBeVisible();

  // The connection is back: trying again opens the page.
  await page.unroute(part);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About the case' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the home page fetches the review pages, so a review opens with the connection gone', async ({ page, context }) => {
  const errors = watchErrors(page);
  // Waited for from before the page loads: the home page may fetch it before `goto` returns.
  const fetched = page.waitForResponse(part);
  await page.goto('/');
  await fetched;
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About the case' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the home page asks for the review pages only once it has been shown, so they never delay it', async ({ page }) => {
  await page.goto('/');
  // Its resource timing entry is there once the part has come (Firefox adds it after the body).
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/split_review_pages.wasm')),
  );
  const { shown, asked } = await page.evaluate(() => ({
    shown: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    asked: performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.endsWith('/split_review_pages.wasm'))?.startTime,
  }));
  expect(shown).toBeGreaterThan(0);
  expect(asked).toBeGreaterThan(shown!);
});

test('files chosen when the part that opens them cannot be fetched are refused, saying why', async ({ page }) => {
  const errors = watchErrors(page);
  await page.route(/\/split_import_results\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const review = fixture('completed-good.json');
  const choose = () => page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name: 'review.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(review, null, 2)),
  });
  await choose();
  await expect(page.getByRole('alert')).toContainText('The files could not be opened');
  await expect(page.getByRole('alert')).toContainText('Nothing on this device was changed.');
  await expect(page.locator('#import-result-0')).toBeFocused();
  expect(await storedReviews(page)).toEqual([]);

  // The connection is back: choosing the file again opens it.
  await page.unroute(/\/split_import_results\.wasm$/);
  await choose();
  await expect(page.getByText('from review.json. It is now saved on this device.')).toBeVisible();
  expect(errors).toEqual([]);
});
