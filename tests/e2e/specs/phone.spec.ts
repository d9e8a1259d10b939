import { test, expect, type Page } from './test';
import { expectNoAxeViolations } from './helpers';
import { openFullDraft } from './fixtures';

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

async function expectNoSidewaysScroll(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${page.url()} is ${scroll}px wide`).toBeLessThanOrEqual(width);
}

test('on a 375 px phone no page scrolls sideways and the home list stacks', async ({ page }) => {
  const id = await openFullDraft(page);
  await expectNoSidewaysScroll(page);
  const remove = page.getByRole('button', { name: /^Delete review/ });
  const box = (await remove.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await expectNoAxeViolations(page);
  const pages = ['', 'case', 'participation', 'area/supervision', 'area/visiting', 'area/assessment', 'area/planning', 'area/recording', 'judgement', 'actions', 'check'];
  for (const p of pages) {
    await page.goto(`/review/${id}/${p}`);
    await expectNoSidewaysScroll(page);
  }
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});

test('on a phone the grade panel is one compact line, never covers the focused field, and key hints are hidden', async ({ page }) => {
  const id = await openFullDraft(page);
  await page.goto(`/review/${id}/area/supervision`);
  const panel = page.locator('.grade-panel');
  const height = (await panel.boundingBox())!.height;
  expect(height).toBeLessThan(667 * 0.1);
  await expect(page.locator('#keys-help')).toBeHidden();
  await expect(page.locator('.key').first()).toBeHidden();

  // Focus a field far down the page: it lands below the sticky panel, not under it.
  const note = page.locator('#statement-SM10-note');
  await note.focus();
  const panelBottom = await panel.evaluate((e) => e.getBoundingClientRect().bottom);
  const noteTop = await note.evaluate((e) => e.getBoundingClientRect().top);
  expect(noteTop).toBeGreaterThanOrEqual(panelBottom);

  // Evidence boxes grow with their text.
  const before = (await note.boundingBox())!.height;
  await note.fill('A long note about supervision. '.repeat(12));
  await expect.poll(async () => (await note.boundingBox())!.height).toBeGreaterThan(before * 2);
  await expectNoAxeViolations(page);
});
