import { expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * The `plr` command line (the QA service's tool) built from this checkout by `scripts/build`
 * (or `cargo build -p plr-cli`): the most recently built of its profiles, so a stale build in
 * another profile is never used. The one way every spec finds it.
 */
export const plrBinary = ['target/native/plr', 'target/release/plr', 'target/debug/plr']
  .map((p) => path.join(root, p))
  .filter((p) => existsSync(p))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];

/** Runs `plr` with `args`. */
export function plr(...args: string[]): { code: number; out: string; err: string } {
  if (!plrBinary) throw new Error('plr is not built: run scripts/build (or cargo build -p plr-cli)');
  const run = spawnSync(plrBinary, args, { cwd: root, encoding: 'utf8' });
  return { code: run.status ?? -1, out: run.stdout ?? '', err: run.stderr ?? '' };
}

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

/**
 * Presses "Continue" on a page that records something (a Head of Service update, the
 * Ambassadors' review) and expects it refused: the error summary `#summaryId` takes focus and
 * its links say `problems`, in order. Returns the summary.
 */
export async function continueRefused(page: Page, summaryId: string, problems: string[]): Promise<Locator> {
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator(`#${summaryId}`);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(problems);
  return summary;
}

/** Types an ISO date (2026-11-20) into the GOV.UK day / month / year fields of `legend`. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string) {
  const [year, month, day] = iso.split('-');
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

/** The three values shown in the date fields of `legend`, as "20/11/2026". */
export async function shownDate(scope: Page | Locator, legend: string): Promise<string> {
  const group = scope.getByRole('group', { name: legend });
  const parts = await Promise.all(['Day', 'Month', 'Year'].map((l) => group.getByLabel(l).inputValue()));
  return parts.join('/');
}

/** Drops files (`name` and `text`) onto `target`, as dragging them from the desktop would. */
export async function dropFiles(page: Page, target: Locator, files: { name: string; text: string }[]) {
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await target.dispatchEvent('drop', { dataTransfer });
}
