import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Fails with the list of accessibility problems axe-core finds on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(found, 'axe-core violations').toEqual([]);
}

/** Every review stored in this browser's localStorage, parsed. */
export async function storedReviews(page: Page): Promise<any[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('plr:draft:'))
      .map((k) => JSON.parse(localStorage.getItem(k) as string)),
  );
}

/** Starts a new review from the home page; returns its id (from the address). */
export async function startReview(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await expect(page).toHaveURL(/\/review\/[0-9a-f-]{36}\/case$/);
  return page.url().match(/review\/([0-9a-f-]{36})/)![1];
}
