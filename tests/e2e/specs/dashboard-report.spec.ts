// The dashboard's monthly QA report (qa-month.md §4): seed 003's sections in order, the
// figures plr report and plr snapshot print, printed alone on A4.
import { test, expect } from './test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './helpers';
import { downloaded, jsonFiles, openJuly2022, plr, seed003 } from './dashboard-helpers';
import { expectInOrder, pdfText } from './pdf';

/** Seed 003's "How are we doing?", in its order. */
const sections = [
  'Core audit activity',
  'Audit ratings by legal status',
  'Audit ratings by team',
  'Audit ratings by area of practice',
  "Children's and families' feedback",
  "The young people's Ambassadors' review",
  'Cases of Concern',
  'Moderator effect',
  'Representation',
  'Participative auditing',
  'Impact from audit',
];

/** A measure as the report shows it: `53`, `68%` or `–`. */
function shown(m: { numerator: number; denominator: number | null; percent: number | null }): string {
  if (m.denominator === null) return String(m.numerator);
  return m.percent === null ? '–' : `${m.percent}%`;
}

test("seed 003's July 2022 monthly report has seed 003's sections in order and the CLI's figures, downloads as plr report's page and prints alone on A4", async ({ page, browserName }) => {
  const { dir, allocation } = seed003('plr-seed003-report-');
  const run = (command: string, args: string[]) => spawnSync(plr, [command, ...args, ...jsonFiles(dir)], { cwd: dir }).stdout;
  await openJuly2022(page, dir, allocation);
  await page.getByRole('button', { name: 'Monthly report' }).click();
  await expect(page.getByRole('button', { name: 'Monthly report' })).toHaveAttribute('aria-pressed', 'true');

  const report = page.locator('article.plr-report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Monthly QA report: July 2022');
  await expect(report.getByRole('heading', { level: 2 })).toHaveText(sections);
  // qa-month.md's figures for July 2022, in Representation.
  const representation = report.getByRole('region', { name: 'Representation' });
  await expect(representation.locator('[data-measure="audits_allocated"]')).toHaveText('53');
  await expect(representation.locator('[data-measure="audit_completion_rate"]')).toHaveText('68%');
  await expect(representation.getByRole('row', { name: /^Audit completion rate/ })).toContainText('36 of 53at least 90%Red');
  await expect(representation.getByRole('row', { name: /^Teams not audited this month/ })).toContainText('16 of 44');
  // qa-month.md §3's: the Ambassadors' July, 10 reviewed, 80/90/70/60/70%.
  const ambassadors = report.getByRole('region', { name: "The young people's Ambassadors' review" });
  await expect(ambassadors.locator('[data-measure="ambassadors_reviewed"]')).toHaveText('10');
  const findings = ['relationship', 'child_focused_summary', 'childs_views', 'about_the_child', 'language_and_decisions'];
  for (const [n, percent] of ['80%', '90%', '70%', '60%', '70%'].entries()) {
    await expect(ambassadors.locator(`[data-measure="ambassadors_${findings[n]}"]`)).toHaveText(percent);
  }
  const impact = report.getByRole('region', { name: 'Impact from audit' });
  await expect(impact.locator('[data-measure="care_planning_plrs"]')).toHaveText('86');

  // Every figure is plr snapshot's for the same files and choices.
  const args = ['--period', '2022-07', '--as-of', '2022-08-10', '--allocation', allocation];
  const measures = JSON.parse(run('snapshot', [...args, '--format', 'json']).toString()).measures;
  const figures = await report.locator('[data-measure]').evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-measure') as string, c.textContent as string]));
  expect(figures.length).toBe(Object.keys(measures).length);
  for (const [key, value] of figures) {
    expect(value, key).toBe(shown(measures[key]));
  }
  // Each chart is an image named by its title, described in words.
  const chart = report.getByRole('img', { name: 'Grades quarter by quarter' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/^Column chart\. Good or better: Q3 21\/22 \d+%/);
  await expectNoAxeViolations(page);

  // The download is the page plr report prints, byte for byte.
  expect((await downloaded(page, 'Download the report (HTML)')).equals(run('report', [...args, '--format', 'html']))).toBe(true);
  await expect(page.getByRole('button', { name: 'Print the report' })).toBeVisible();

  // Printed (Firefox cannot print to PDF from a test): the report alone, every section in order.
  if (browserName === 'chromium') {
    const text = await pdfText(await page.pdf({ format: 'A4' }));
    expectInOrder(text, ['Monthly QA report: July 2022', 'July 2022 (1 July 2022 to 31 July 2022)', ...sections]);
    for (const chrome of ['QA dashboard', 'Choose export files', 'Print the report', 'Performance Snapshot', 'Choose what to show']) {
      expect(text, chrome).not.toContain(chrome.replace(/\s+/g, ''));
    }
  }

  // A settings file: the report rates against its targets, as plr report --settings does.
  const settings = join(mkdtempSync(join(tmpdir(), 'plr-settings-')), 'settings.json');
  writeFileSync(settings, JSON.stringify({ monthly_baseline: 30, targets: { good_or_better: { op: '>=', value: 40 } } }));
  await page.getByLabel('Choose a settings file (JSON, optional)').setInputFiles(settings);
  await expect(page.locator('#settings-status')).toHaveText('settings.json: its targets and baseline are used.');
  const core = report.getByRole('region', { name: 'Core audit activity' });
  await expect(core.getByRole('row', { name: /^Audits completed/ }).first()).toContainText('at least 30Green');
  await expect(core.getByRole('row', { name: /^Good or better/ }).first()).toContainText('at least 40%Amber');
  const withSettings = run('report', [...args, '--settings', settings, '--format', 'html']);
  expect((await downloaded(page, 'Download the report (HTML)')).equals(withSettings)).toBe(true);

  // Back to the snapshot: its figures again.
  await page.getByRole('button', { name: 'Performance Snapshot' }).click();
  await expect(page.getByRole('heading', { name: 'Performance Snapshot July 2022' })).toBeVisible();
  await expect(report).toHaveCount(0);
});
