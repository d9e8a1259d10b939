// A review listed in the dashboard's moderation sample or the Ambassadors' sample opened to read
// (#26, the QA officer's finding): who and when, its grades and its answers as its file holds
// them, closed with the keyboard back on its "Open" button, and the file downloaded exactly as
// it was loaded (to open in the form's Import).
import { test, expect } from './test';
import { type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { downloaded, load, seed003 } from './dashboard-helpers';

const GRADES: Record<string, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  requires_improvement_low: 'Requires improvement (lower end)',
  inadequate: 'Inadequate',
};
const RATINGS: Record<string, string> = { met: 'Met', partly: 'Partly met', not_met: 'Not met', na: 'Not applicable' };

/** The answer the opened review in `panel` gives to the question labelled `label` (its first). */
const answer = (panel: Locator, label: string | RegExp) =>
  panel.locator('.summary-list__row').filter({ has: panel.page().locator('dt', { hasText: label }) }).first().locator('dd');

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/**
 * Opens the review of `child` listed in `region` (read from `file` of `dir`), checks it against
 * its file, checks axe with it open (over the `wholePage`, else the panel), downloads it and
 * closes it.
 */
async function openAndCheck(page: Page, dir: string, region: Locator, child: string, file: string, wholePage: boolean) {
  const exported = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  expect(exported.case.child_ref).toBe(child);
  const open = region.getByRole('button', { name: `Open the review of ${child}`, exact: true });
  await open.click();
  const panel = region.getByRole('region', { name: `The review of ${child}` });
  // The keyboard moves to its heading (the page's active element: after a download Firefox's
  // window itself is not focused).
  const heading = panel.getByRole('heading', { name: `The review of ${child}` });
  await expect(heading).toBeVisible();
  await expect.poll(() => activeId(page)).toBe(await heading.getAttribute('id'));

  // Who and when, and the grades, as the file holds them.
  await expect(answer(panel, /^Case reference$/)).toHaveText(child);
  await expect(answer(panel, /^Team$/)).toHaveText(exported.case.team);
  await expect(answer(panel, /^Reviewer$/)).toHaveText(exported.review.reviewer.name);
  await expect(answer(panel, /^Review date$/)).toHaveText(exported.review.date);
  await expect(answer(panel, /^Final grade$/)).toHaveText(GRADES[exported.judgement.final_grade]);
  // Every question that applies, with its answer: the first statement's rating and the narrative.
  const [item] = exported.sections[0].items;
  await expect(answer(panel, new RegExp(`^${item.id} `))).toHaveText(RATINGS[item.rating]);
  await expect(answer(panel, /^Impact on the child$/)).toHaveText(exported.judgement.impact_on_child);

  // The whole dashboard once (axe over it is slow in Firefox), the second panel by itself.
  if (wholePage) {
    await expectNoAxeViolations(page);
  } else {
    const results = await new AxeBuilder({ page }).include('.opened-review').analyze();
    expect(results.violations.map((v) => v.id), 'axe-core violations in the panel').toEqual([]);
  }

  // The file exactly as it was loaded.
  const bytes = await downloaded(page, 'Download this file');
  expect(bytes.equals(readFileSync(join(dir, file)))).toBe(true);

  // Closed: the panel goes and the keyboard is back on the button that opened it.
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => activeId(page)).toBe(await open.getAttribute('id'));
}

test('a review listed in the moderation sample and in the Ambassadors\' sample opens to read, downloads as loaded and closes', async ({ page }) => {
  test.slow(); // the seed 003 batch read, and axe over the whole dashboard
  const { dir } = seed003('plr-open-file-');
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('2022-07');

  // The moderation sample: case reference first, file last.
  const moderation = page.getByRole('region', { name: 'Moderation sample' });
  const first = moderation.locator('#sample tbody tr').first();
  const [child, , , grade, , file] = await first.locator('td').allTextContents();
  expect(grade).not.toBe('');
  await openAndCheck(page, dir, moderation, child, file, true);

  // The Ambassadors' sample: case reference first, file fourth.
  const ambassadors = page.getByRole('region', { name: "The young people's Ambassadors' review" });
  const listed = ambassadors.locator('#ambassadors-sample tbody tr').first();
  const [theirChild, , , theirFile] = await listed.locator('td').allTextContents();
  await openAndCheck(page, dir, ambassadors, theirChild, theirFile, false);
});
