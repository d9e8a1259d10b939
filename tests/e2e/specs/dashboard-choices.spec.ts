import { test, expect, type Page } from './test';
import { expectNoAxeViolations } from './helpers';
import { cli, downloaded, figure, generate, load } from './dashboard-helpers';

// The snapshot's choices change the figures at once (each checked against `plr snapshot`), and
// the page prints as a report.

const summary = (page: Page) => page.getByTestId('summary');
const asOf = ['--as-of', '2022-12-31'];

/** What the command line gives for the same files and choices, parsed. */
const expected = (dir: string, args: string[]) => JSON.parse(cli(dir, [...asOf, ...args, '--format', 'json']).toString());

async function loaded(page: Page): Promise<string> {
  const dir = generate(120, 21, '2022-10-01', '2022-12-31');
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('Q3 22/23');
  await page.getByLabel('Actions judged as of').fill('2022-12-31');
  return dir;
}

test('the legal status filter recomputes the figures, as the command line does', async ({ page }) => {
  const dir = await loaded(page);
  const period = ['--period', 'Q3 22/23'];
  const all = expected(dir, period);
  await expect(summary(page)).toContainText(`${all.plrs} reviews counted`);
  await expect(figure(page, 'good_or_better')).toHaveText(`${all.measures.good_or_better.percent}%`);

  await page.getByLabel('Legal status', { exact: true }).selectOption('Child protection');
  const cp = expected(dir, [...period, '--legal-status', 'child_protection']);
  expect(cp.plrs).toBeLessThan(all.plrs);
  await expect(summary(page)).toContainText(`${cp.plrs} reviews counted`);
  await expect(figure(page, 'good_or_better')).toHaveText(`${cp.measures.good_or_better.percent}%`);
  expect((await downloaded(page, 'Download JSON')).equals(cli(dir, [...asOf, ...period, '--legal-status', 'child_protection', '--format', 'json']))).toBe(true);

  await page.getByLabel('Legal status', { exact: true }).selectOption('All legal statuses');
  await expect(summary(page)).toContainText(`${all.plrs} reviews counted`);
});

test('the audits allocated give the audit completion rate, as the command line does', async ({ page }) => {
  const dir = await loaded(page);
  const period = ['--period', 'Q3 22/23'];
  await expect(page.locator('[data-measure="audit_completion_rate"]')).toHaveCount(0);

  const allocated = expected(dir, [...period, '--allocated', '150']);
  const rate = allocated.measures.audit_completion_rate;
  await page.getByLabel('Audits allocated for the period').fill('150');
  await expect(figure(page, 'audit_completion_rate')).toHaveText(`${rate.percent}%`);
  await expect(figure(page, 'audit_completion_rate').locator('xpath=..')).toContainText(`${rate.numerator} of 150`);
  expect((await downloaded(page, 'Download CSV')).equals(cli(dir, [...asOf, ...period, '--allocated', '150', '--format', 'csv']))).toBe(true);

  // Fewer allocated than completed: over 100%, still as the command line says.
  const few = expected(dir, [...period, '--allocated', '10']).measures.audit_completion_rate;
  await page.getByLabel('Audits allocated for the period').fill('10');
  await expect(figure(page, 'audit_completion_rate')).toHaveText(`${few.percent}%`);

  await page.getByLabel('Audits allocated for the period').fill('');
  await expect(page.locator('[data-measure="audit_completion_rate"]')).toHaveCount(0);
});

test('printed, the report keeps the figures, charts and tables and drops the controls', async ({ page }) => {
  // A whole report checked element by element, then axe-core: over 40 s on a loaded machine.
  test.slow();
  await loaded(page);
  await page.emulateMedia({ media: 'print' });
  // Navigation chrome, loading and the controls are not printed.
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Go to the review form' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Load exported reviews' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Choose what to show' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByLabel('Filter actions by team')).toBeHidden();
  // The report: its title, figures, both charts and every table.
  await expect(page.getByRole('heading', { name: 'Performance Snapshot Q3 22/23' })).toBeVisible();
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.locator('svg.chart')).toHaveCount(2);
  for (const chart of await page.locator('svg.chart').all()) await expect(chart).toBeVisible();
  for (const caption of ['Headline figures', 'Grade distribution', 'Grades month by month (the last 12 months)', 'Grades by legal status', 'Grades by team', 'Actions', 'Cases of concern']) {
    await expect(page.getByRole('table', { name: caption, exact: true })).toBeVisible();
  }
  await expect(page.locator('#tracker tbody tr').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Moderation sample' })).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('heading', { name: 'Load exported reviews' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a long action tracker draws 100 rows at a time; the download has every action', async ({ page }) => {
  // 150 reviews, then axe-core over a 200-row table: about 40 s on a loaded machine.
  test.slow();
  const dir = generate(150, 23, '2022-10-01', '2022-12-31');
  await page.goto('/dashboard/');
  await load(page, dir);
  // The tracker lists the actions of the period's reviews: the whole quarter.
  await page.getByLabel('Period', { exact: true }).selectOption('Q3 22/23');
  const rows = page.locator('#tracker tbody tr');
  const tracker = page.locator('section', { has: page.getByRole('heading', { name: 'Action tracker' }) });
  await expect(tracker.getByText(/actions of the reviews counted/)).toContainText('(Q3 22/23)');
  const total = Number(((await tracker.getByText(/actions of the reviews counted/).textContent()) as string).match(/of the ([\d,]+) actions of the reviews counted/)![1].replace(/,/g, ''));
  expect(total).toBeGreaterThan(200);
  await expect(rows).toHaveCount(100);
  await expect(tracker.getByText(`Showing 100 of ${total.toLocaleString('en-GB')} actions.`)).toBeVisible();
  await tracker.getByRole('button', { name: 'Show 100 more actions' }).click();
  await expect(rows).toHaveCount(200);
  const csv = (await downloaded(page, 'Download the action tracker (CSV)')).toString();
  expect(csv.trim().split('\n').length - 1).toBe(total);
  await expectNoAxeViolations(page);
});
