import { test, expect } from './test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropFiles, expectNoAxeViolations } from './helpers';
import { cli, downloaded, figure, generate, jsonFiles, load, openJuly2022, plr, seed003 } from './dashboard-helpers';

/** Seed 001's Q4 21/22 by month: [outstanding, good, requires improvement, inadequate]. */
const seed001: [string, number[]][] = [
  ['2022-01-', [0, 2, 9, 2]],
  ['2022-02-', [1, 1, 3, 1]],
  ['2022-03-', [0, 6, 9, 1]],
];
const grades = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

/** 35 completed, unmoderated exports with seed 001's grades and months. */
function seedBatch(): string {
  const source = generate(80, 1, '2022-01-01', '2022-03-31');
  const completed = jsonFiles(source)
    .map((f) => JSON.parse(readFileSync(join(source, f), 'utf8')))
    .filter((p) => p.status === 'completed');
  const dir = mkdtempSync(join(tmpdir(), 'plr-seed001-'));
  let n = 0;
  for (const [month, counts] of seed001) {
    counts.forEach((count, g) => {
      for (let i = 0; i < count; i++) {
        const p = completed[n++];
        p.review.date = `${month}${String(10 + i).padStart(2, '0')}`;
        p.judgement.final_grade = grades[g];
        p.moderation = null;
        writeFileSync(join(dir, `seed-${String(n).padStart(2, '0')}.json`), JSON.stringify(p, null, 2));
      }
    });
  }
  expect(n).toBe(35);
  return dir;
}

test("a past period's actions are judged as of its last day unless another date is chosen, and each action figure says the date", async ({ page }) => {
  const dir = seedBatch();
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('Q4 21/22');
  // Not today (years later): the period as it stood when it ended, as the CLI does by default.
  await expect(page.getByLabel('Actions judged as of')).toHaveValue('2022-03-31');
  await expect(page.getByTestId('summary')).toContainText('actions as of 31 March 2022');
  await expect(page.getByRole('rowheader', { name: 'Actions overdue (as of 31 March 2022)' }).first()).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Actions completed on time (as of 31 March 2022)' }).first()).toBeVisible();
  const args = ['--period', 'Q4 21/22', '--format', 'json'];
  expect((await downloaded(page, 'Download JSON')).equals(cli(dir, args))).toBe(true);
  // Impact from audit: a quarter is its own follow-through window, so all 35 reviews are in it.
  const impact = page.locator('table', { has: page.locator('caption', { hasText: 'Impact from audit' }) });
  await expect(impact.locator('[data-measure="plrs_in_window"]')).toHaveText('35');
  const measures = JSON.parse(cli(dir, args).toString()).measures;
  await expect(impact.locator('[data-measure="care_planning_plrs"]')).toHaveText(String(measures.care_planning_plrs.numerator));
  // A date chosen stands, and the figures say it.
  await page.getByLabel('Actions judged as of').fill('2022-04-30');
  await expect(page.getByRole('rowheader', { name: 'Actions overdue (as of 30 April 2022)' }).first()).toBeVisible();
});

test('a batch built to seed 001 Q4 21/22 shows its grades, and the downloads equal the CLI', async ({ page }) => {
  const dir = seedBatch();
  await page.goto('/dashboard/');
  await expect(page.getByText('No reviews loaded yet')).toBeVisible();
  await expectNoAxeViolations(page);

  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('Q4 21/22');
  await page.getByLabel('Actions judged as of').fill('2022-04-30');
  await expect(page.getByTestId('summary')).toContainText('Q4 21/22 (1 January 2022 to 31 March 2022), actions as of 30 April 2022: 35 reviews counted');
  await expect(figure(page, 'outstanding')).toHaveText('3%');
  await expect(figure(page, 'good')).toHaveText('26%');
  await expect(figure(page, 'requires_improvement')).toHaveText('60%');
  await expect(figure(page, 'inadequate')).toHaveText('11%');
  const months = page.locator('table', { has: page.locator('caption', { hasText: 'Grades month by month' }) });
  await expect(months.getByRole('row', { name: /2022-01/ })).toContainText('13');
  await expect(page.getByText('Red').first()).toBeVisible();
  await expectNoAxeViolations(page);

  const args = ['--period', 'Q4 21/22', '--as-of', '2022-04-30'];
  expect((await downloaded(page, 'Download JSON')).equals(cli(dir, [...args, '--format', 'json']))).toBe(true);
  expect((await downloaded(page, 'Download CSV')).equals(cli(dir, [...args, '--format', 'csv']))).toBe(true);

  // A filter recomputes at once, and the downloads still equal the CLI with the same filter.
  const team = (await page.getByLabel('Team', { exact: true }).locator('option').nth(1).textContent()) as string;
  await page.getByLabel('Team', { exact: true }).selectOption(team);
  await expect(page.getByTestId('summary')).not.toContainText('35 reviews counted');
  const json = await downloaded(page, 'Download JSON');
  expect(JSON.parse(json.toString()).plrs).toBeLessThan(35);
  expect(json.equals(cli(dir, [...args, '--team', team, '--format', 'json']))).toBe(true);
});

test('files dropped on the page are read, and a file with errors is listed while the rest count', async ({ page }) => {
  const dir = generate(30, 5, '2022-07-01', '2022-07-31');
  const files = jsonFiles(dir);
  const broken = JSON.parse(readFileSync(join(dir, files[0]), 'utf8'));
  broken.case.legal_status = 'unknown_status';
  writeFileSync(join(dir, files[0]), JSON.stringify(broken));
  writeFileSync(join(dir, 'not-json.json'), '{ this is not JSON');
  const contents = jsonFiles(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

  await page.goto('/dashboard/');
  await dropFiles(page, page.getByText('Or drag and drop export files here'), contents);
  await expect(page.getByRole('status')).toContainText(`Read ${contents.length} files.`);

  const rejected = page.locator('section.rejected');
  await expect(rejected.getByRole('row', { name: new RegExp(files[0]) })).toContainText('case.legal_status');
  await expect(rejected.getByRole('row', { name: /not-json\.json/ })).toBeVisible();
  await page.getByLabel('Actions judged as of').fill('2022-08-31');
  const expected = JSON.parse(cli(dir, ['--as-of', '2022-08-31', '--format', 'json']).toString());
  expect(expected.rejected_files).toBe(2);
  await expect(page.getByTestId('summary')).toContainText(`${expected.plrs} reviews counted`);
  await expect(page.getByTestId('summary')).toContainText('2 files rejected');
  expect((await downloaded(page, 'Download JSON')).equals(cli(dir, ['--as-of', '2022-08-31', '--format', 'json']))).toBe(true);
  await expectNoAxeViolations(page);
});

test('cancel stops reading and keeps what was read', async ({ page }) => {
  const dir = generate(3000, 9, '2022-01-01', '2022-12-31');
  await page.goto('/dashboard/');
  await page.getByLabel('Choose export files').setInputFiles(jsonFiles(dir).map((f) => join(dir, f)));
  await page.getByRole('button', { name: 'Cancel reading' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Reading cancelled:');
  const read = Number(((await status.textContent()) as string).match(/cancelled: ([\d,]+) of/)![1].replace(/,/g, ''));
  expect(read).toBeLessThan(3000);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('the action tracker follows the period and team, sorts overdue first, filters, sums up by team and owner, and downloads in words; the sample lists its files', async ({ page }) => {
  const dir = generate(60, 3, '2022-07-01', '2022-09-30');
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('Q2 22/23');
  await page.getByLabel('Actions judged as of').fill('2023-06-30');
  const rows = page.locator('#tracker tbody tr');
  await expect(rows.first().locator('td').nth(8)).not.toHaveText('');
  // Most overdue first; no team manager has said how it stands since completion: "No update".
  await expect(rows.first().locator('td').nth(7)).toHaveText('No update');
  const summary = page.locator('#tracker-summary');
  const totals = async () => (await summary.locator('tbody tr td:last-child').allTextContents()).reduce((n, t) => n + Number(t), 0);
  // "N of the M actions of the reviews counted (period…) match": rows beyond the first 100 are behind "Show more".
  const sentence = page.locator('#tracker-heading + p');
  const counted = async () => Number((/of the ([\d,]+) actions/.exec((await sentence.textContent()) ?? '') ?? ['', 'NaN'])[1].replace(/,/g, ''));
  const quarter = await counted();
  expect(quarter).toBeGreaterThan(0);
  expect(await totals()).toBe(quarter);

  // One month of the quarter: fewer actions, and the summary follows.
  await page.getByLabel('Period', { exact: true }).selectOption('2022-07');
  await expect(sentence).toContainText('(2022-07)');
  const july = await counted();
  expect(july).toBeLessThan(quarter);
  expect(await totals()).toBe(july);
  // One team: only its actions.
  const team = (await summary.locator('tbody th').first().textContent()) ?? '';
  await page.getByLabel('Team', { exact: true }).selectOption(team);
  await expect(summary.locator('tbody th')).toHaveText([team]);
  await expect(sentence).toContainText(`(2022-07, ${team})`);
  await expect(rows.locator('td:nth-child(2)').first()).toHaveText(team);
  await page.getByLabel('Team', { exact: true }).selectOption('');
  await page.getByLabel('Period', { exact: true }).selectOption('Q2 22/23');
  await expect.poll(counted).toBe(quarter);

  await page.getByRole('radio', { name: 'By owner' }).check();
  await expect(summary.getByRole('columnheader').first()).toHaveText('Who will do it');
  const summaryCsv = (await downloaded(page, 'Download the summary (CSV)')).toString();
  expect(summaryCsv.split('\n')[0]).toBe('Who will do it,On time,Late,Overdue,Not yet due,No update,Service ended,All actions');
  expect(summaryCsv.trim().split('\n').length - 1).toBe(await summary.locator('tbody tr').count());

  const before = await rows.count();
  await page.getByLabel('Filter actions by status').selectOption('Completed');
  await expect(rows.first().locator('td').nth(5)).toHaveText('Completed');
  await expect(rows.first().locator('td').nth(6)).toHaveText(/^2\d{3}-\d\d-\d\d$/);
  expect(await rows.count()).toBeLessThan(before);
  const csv = (await downloaded(page, 'Download the action tracker (CSV)')).toString();
  expect(csv.split('\n')[0]).toBe('Case reference,Team,Type of action,What needs to happen,Who will do it,Due date,Status,Completed on,Outcome,Days overdue,Progress so far');
  expect(csv.trim().split('\n').length - 1).toBe(Number((/^([\d,]+) of/.exec((await sentence.textContent()) ?? '') ?? ['', 'NaN'])[1].replace(/,/g, '')));

  await page.getByLabel('Period', { exact: true }).selectOption('Q2 22/23');
  const sample = spawnSync(plr, ['sample', '--period', 'Q2 22/23', '--percent', '20', '--seed', '1', ...jsonFiles(dir)], { cwd: dir });
  // `FILE: reason` a line; the file is the table's sixth column.
  const chosen = sample.stdout.toString().trim().split('\n').map((l) => l.slice(0, l.lastIndexOf(': ')));
  const listed = page.locator('#sample tbody tr td:nth-child(6)');
  await expect(listed).toHaveText(chosen);
  await expectNoAxeViolations(page);
});

test("seed 003's July 2022 batch shows followthrough.md's figures and register, and the downloads equal the CLI's", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'plr-seed003-'));
  expect(spawnSync(plr, ['generate', '--batch', 'seed-003-july-2022', '--out', dir]).status).toBe(0);
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('2022-07');
  await page.getByLabel('Actions judged as of').fill('2022-08-10');
  // followthrough.md's table, seed 003 July 2022.
  const expected: [string, string][] = [
    ['plrs_in_window', '119'], ['care_planning_plrs', '86'],
    ['care_planning_transferred_on_time', '5%'], ['care_planning_transferred_late', '8%'],
    ['care_planning_no_update', '55%'], ['care_planning_not_yet_transferred', '33%'],
    ['other_actions_completed_on_time', '22%'], ['other_actions_completed_late', '12%'],
    ['other_actions_overdue', '25%'], ['other_actions_not_yet_due', '3%'], ['other_actions_no_update', '37%'],
    ['care_planning_backlog', '123'], ['other_actions_backlog', '169'], ['service_ended', '10'],
    ['concerns_raised', '3'], ['concerns_tracked', '53'], ['concerns_open_over_12_months', '7'],
    ['concern_updates', '4'], ['concerns_resolved', '2'], ['concerns_continuing', '2'],
  ];
  for (const [key, value] of expected) {
    await expect(figure(page, key), key).toHaveText(value);
  }
  // The trend is the rolling year whatever the period: twelve months, and four quarters.
  const trend = (caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');
  await expect(trend('Grades month by month')).toHaveCount(12);
  await expect(trend('Grades month by month').first()).toContainText('2021-08');
  await expect(trend('Grades quarter by quarter')).toHaveCount(4);
  await expect(page.locator('#register-summary')).toHaveText(/^53 Cases of Concern tracked as of 31 July 2022 \(July 2022\): \d+ with an update due this month, 7 open over 12 months\.$/);

  const args = ['--period', '2022-07', '--as-of', '2022-08-10'];
  expect((await downloaded(page, 'Download CSV')).equals(cli(dir, [...args, '--format', 'csv']))).toBe(true);
  expect((await downloaded(page, 'Download JSON')).equals(cli(dir, [...args, '--format', 'json']))).toBe(true);
  const concerns = spawnSync(plr, ['concerns', ...args, '--format', 'csv', ...jsonFiles(dir)], { cwd: dir }).stdout;
  expect((await downloaded(page, 'Download the register (CSV)')).equals(concerns)).toBe(true);
});

test("seed 003's July 2022 moderation sample is targeted by risk with a reason for each review, and its CSV and the moderator effect's equal plr sample's and plr moderators'", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'plr-seed003-sample-'));
  expect(spawnSync(plr, ['generate', '--batch', 'seed-003-july-2022', '--out', dir]).status).toBe(0);
  const allocation = join(dir, 'allocation-2022-07.csv');
  const files = jsonFiles(dir);
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('2022-07');
  const sampleCsv = (args: string[]) =>
    spawnSync(plr, ['sample', '--period', '2022-07', ...args, '--format', 'csv', ...files], { cwd: dir }).stdout;

  // The defaults: 20%, 58 a month, seed 1, spread across teams; no allocation yet, and it says so.
  await expect(page.getByLabel('Share to moderate (%)')).toHaveValue('20');
  await expect(page.getByLabel("Moderators' capacity a month")).toHaveValue('58');
  await expect(page.getByLabel('Spread the random fill across teams')).toBeChecked();
  await expect(page.locator('#sample-summary')).toContainText('No allocation file: no review was picked because its auditor audited their own team.');
  expect((await downloaded(page, 'Download the sample (CSV)')).equals(sampleCsv([]))).toBe(true);

  // With the allocation, a share, a capacity and a seed chosen: the same bytes as the CLI.
  await page.getByLabel('Choose the allocation file (CSV)').setInputFiles(allocation);
  await expect(page.locator('#allocation-status')).toHaveText('allocation-2022-07.csv: 62 rows read.');
  await page.getByLabel('Share to moderate (%)').fill('30');
  await page.getByLabel("Moderators' capacity a month").fill('40');
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await expect(page.locator('#sample-summary')).toContainText('(share 30%: ');
  await expect(page.locator('#sample-summary')).toContainText('capacity 40;');
  await expect(page.locator('#sample-summary')).not.toContainText('No allocation file');
  const args = ['--percent', '30', '--capacity', '40', '--seed', '7', '--allocation', allocation];
  const expected = sampleCsv(args);
  expect((await downloaded(page, 'Download the sample (CSV)')).equals(expected)).toBe(true);
  const rows = page.locator('#sample tbody tr');
  const lines = expected.toString().trim().split('\n').slice(1);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(40);
  await expect(rows).toHaveCount(lines.length);
  // Every review has its reason in words, in the spec's order.
  const reasons = [
    'Graded inadequate by the reviewer', 'Lower-end requires improvement', 'Child protection',
    'Auditor audited their own team', "Auditor's moderator effect over the last six months is", 'Random fill across teams',
  ];
  const shown = await rows.locator('td:nth-child(5)').allTextContents();
  const ranks = shown.map((r) => reasons.findIndex((words) => r.startsWith(words)));
  expect(ranks.every((rank) => rank >= 0)).toBe(true);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  // Not spread across teams: plr sample --by none.
  await page.getByLabel('Spread the random fill across teams').uncheck();
  await expect(page.locator('#sample-summary')).toContainText('not spread across teams');
  expect((await downloaded(page, 'Download the sample (CSV)')).equals(sampleCsv([...args, '--by', 'none']))).toBe(true);

  // The moderator effect: Table 1's six months and the auditors, with plr moderators' CSV.
  await expect(page.locator('#moderator-months tbody tr')).toHaveCount(6);
  await expect(page.locator('#moderator-months tbody tr').last().locator('th')).toHaveText('2022-07');
  // Seed 003's Table 1 for July: 35 moderated, 3% upgraded, 49% downgraded, 100% of inadequate practice identified.
  await expect(page.locator('#moderator-months tbody tr').last().locator('td')).toHaveText(['35', '3%', '49%', '100%', '3 of 3']);
  await expect(page.getByText('expected effect 10–15%')).toHaveCount(0);
  const moderators = spawnSync(plr, ['moderators', '--period', '2022-07', '--format', 'csv', ...files], { cwd: dir }).stdout;
  expect((await downloaded(page, 'Download the moderator effect by auditor (CSV)')).equals(moderators)).toBe(true);
  await expect(page.locator('#moderator-auditors tbody tr')).toHaveCount(moderators.toString().trim().split('\n').length - 1);
  await expectNoAxeViolations(page);
});
