// The QA dashboard on a phone, 375 px wide (#26, a QA officer's finding): in every part of the
// Performance Snapshot and in the monthly report the page never scrolls sideways, no table
// breaks a word across lines, a table wider than the screen scrolls sideways in a box of its
// own that takes keyboard focus and has a name, every control (the file inputs too) fits the
// screen, and the charts' text never runs into a bar or another label; the trend of grade
// shares has an axis and a legend.
import { test, expect, type Page } from './test';
import { expectNoAxeViolations } from './helpers';
import { openJuly2022, seed003 } from './dashboard-helpers';

test.use({ viewport: { width: 375, height: 800 } });

/** How far the page scrolls sideways (0 when it fits the screen). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Each word of a table's headers and cells that the browser has broken across lines, as
 * "table: word" (a word is a run of letters and digits: a line may still end after a hyphen
 * or a slash). A word on one line has all its boxes on one line.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('main th, main td')) {
      const table = cell.closest('table')!;
      const name = table.querySelector('caption')?.textContent?.trim() || table.id;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        for (const word of (node.textContent ?? '').matchAll(/[\p{L}\p{N}’']+/gu)) {
          const range = document.createRange();
          range.setStart(node, word.index!);
          range.setEnd(node, word.index! + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(`${name}: ${word[0]}`);
        }
      }
    }
    return found;
  });
}

/**
 * Each table's box: what names it, whether it takes focus, how wide the table is beside it,
 * and whether it lies within the screen.
 */
function tableBoxes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main table')]
      .filter((table) => table.getClientRects().length > 0)
      .map((table) => {
        const box = table.parentElement!;
        const { left, right } = box.getBoundingClientRect();
        const caption = table.querySelector('caption')?.getBoundingClientRect();
        return {
          table: table.querySelector('caption')?.textContent?.trim() || table.id,
          name: box.getAttribute('aria-label'),
          role: box.getAttribute('role'),
          focusable: box.tabIndex === 0,
          within: left >= 0 && right <= document.documentElement.clientWidth,
          // A caption shown stays whole on the screen, however wide its table.
          captionWithin: !caption || (caption.left >= 0 && caption.right <= document.documentElement.clientWidth),
          wide: table.getBoundingClientRect().width > box.clientWidth,
          scrolls: box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto',
        };
      }),
  );
}

/** Every table fits in a named, focusable box within the screen, and a wide one scrolls in it; returns the wide ones' names. */
async function expectTablesInScrollingBoxes(page: Page): Promise<string[]> {
  const boxes = await tableBoxes(page);
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b, b.table).toMatchObject({ role: 'group', focusable: true, within: true, captionWithin: true, scrolls: b.wide });
    expect(b.name, b.table).toBeTruthy();
  }
  return boxes.filter((b) => b.wide).map((b) => b.table);
}

/** Each visible control (the file inputs too) that reaches past either side of the screen. */
function controlsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main input, main select, main textarea, main button')]
      .filter((c) => c.getClientRects().length > 0 && !c.closest('table'))
      .filter((c) => {
        const { left, right } = c.getBoundingClientRect();
        return left < 0 || right > document.documentElement.clientWidth;
      })
      .map((c) => `${c.tagName.toLowerCase()}#${c.id} ${(c as HTMLInputElement).type ?? ''}`),
  );
}

type Box = { text: string; left: number; right: number; top: number; bottom: number };

/** The boxes of the texts and of the bars and columns of chart `svg`, as the screen shows them. */
function chartBoxes(page: Page, selector: string): Promise<{ texts: Box[]; bars: Box[]; width: number }> {
  return page.locator(selector).evaluate((svg) => {
    const box = (e: Element): Box => {
      const { left, right, top, bottom } = e.getBoundingClientRect();
      return { text: e.textContent ?? '', left, right, top, bottom };
    };
    const shown = (e: Element) => e.getClientRects().length > 0 && e.getBoundingClientRect().width > 0;
    return {
      texts: [...svg.querySelectorAll('text')].filter(shown).map(box),
      bars: [...svg.querySelectorAll('rect')].filter(shown).map(box),
      width: document.documentElement.clientWidth,
    };
  });
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Pairs of `a` and `b` that overlap, as "text / text". */
function overlaps(a: Box[], b: Box[], same = false): string[] {
  const found: string[] = [];
  a.forEach((x, i) => b.forEach((y, j) => {
    if ((!same || j > i) && overlap(x, y)) found.push(`${x.text} / ${y.text || 'bar'}`);
  }));
  return found;
}

/** Texts of a chart that reach past either side of the screen. */
const offScreen = (c: { texts: Box[]; width: number }) =>
  c.texts.filter((t) => t.left < 0 || t.right > c.width).map((t) => t.text);

test("at 375 px seed 003's July 2022 snapshot and monthly report fit the screen: no page scrolls sideways, no word is broken, wide tables scroll in their own named box", async ({ page }) => {
  // The whole snapshot and the whole report, each checked and then run through axe-core.
  test.slow();
  const { dir, allocation } = seed003('plr-seed003-narrow-');
  await openJuly2022(page, dir, allocation);
  // Every part of the snapshot is drawn: the last, the Ambassadors' sample, is there.
  await expect(page.locator('#ambassadors-sample tbody tr').first()).toBeVisible();
  await expect(page.locator('#nil-returns tbody tr').first()).toBeVisible();

  // Loading: the file inputs and the other controls fit the screen.
  for (const input of ['Choose export files or a zip of them', 'Or choose a whole folder', 'Choose the allocation file (CSV)', 'Choose a settings file (JSON, optional)']) {
    const box = (await page.getByLabel(input, { exact: true }).boundingBox())!;
    expect(box.x, input).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, input).toBeLessThanOrEqual(375);
  }
  expect(await controlsOffScreen(page)).toEqual([]);
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await brokenWords(page)).toEqual([]);
  // The wide tables of each part: figures, grades, concerns, the register and tracker, the
  // moderation sample, the moderator effect, the Ambassadors' and the nil returns.
  const wide = await expectTablesInScrollingBoxes(page);
  expect(wide).toEqual(expect.arrayContaining([
    'Headline figures',
    'Grades month by month (the last 12 months)',
    'Grades by team',
    'Cases of concern',
    'Cases of Concern on the register',
    'Every action of the loaded reviews',
    'Reviews to moderate, with the reason each was chosen',
    "Moderator effect month by month (the six months to the period's end)",
    expect.stringMatching(/^The Ambassadors' findings/),
    'Allocated audits not submitted, by Head of Service',
  ]));

  // A wide table scrolls with the keyboard: its box takes focus, and the arrow key moves it.
  const tracker = page.getByRole('group', { name: 'Every action of the loaded reviews' });
  await tracker.focus();
  await expect(tracker).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => tracker.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  expect(await sidewaysScroll(page)).toBe(0);

  // The grade chart: each label sits clear of every bar, the longest too, and on the screen.
  const grades = await chartBoxes(page, 'svg.chart >> nth=0');
  expect(grades.texts.map((t) => t.text)).toContain('Lower end of requires improvement');
  expect(grades.bars.length).toBe(5);
  expect(overlaps(grades.texts, grades.bars)).toEqual([]);
  expect(overlaps(grades.texts, grades.texts, true)).toEqual([]);
  expect(offScreen(grades)).toEqual([]);

  // The trend: an axis of 0%, 50% and 100%, twelve months whose labels neither overlap nor
  // leave the screen, and a legend of the four bands in the colours of the columns.
  const trend = await chartBoxes(page, 'svg.chart >> nth=1');
  const texts = trend.texts.map((t) => t.text);
  expect(texts.slice(0, 3)).toEqual(['0%', '50%', '100%']);
  expect(texts.slice(3)).toEqual(['2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07']);
  expect(overlaps(trend.texts, trend.texts, true)).toEqual([]);
  expect(overlaps(trend.texts, trend.bars)).toEqual([]);
  expect(offScreen(trend)).toEqual([]);
  const legend = page.locator('.chart-legend li');
  await expect(legend).toHaveText(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
  const columnColours = new Set(await page.locator('svg.chart >> nth=1').locator('rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill'))));
  const keyColours = await legend.locator('rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
  expect(keyColours).toHaveLength(4);
  for (const colour of keyColours) expect(columnColours).toContain(colour);
  await expectNoAxeViolations(page);

  // The monthly report: the same, and each chart's labels clear of each other, with a legend.
  await page.getByRole('button', { name: 'Monthly report' }).click();
  const report = page.locator('article.plr-report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Monthly QA report: July 2022');
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await brokenWords(page)).toEqual([]);
  expect(await expectTablesInScrollingBoxes(page)).toContain('Audits and grades');
  expect(await controlsOffScreen(page)).toEqual([]);
  const charts = report.locator('svg.report__chart');
  await expect(charts).toHaveCount(6);
  for (let n = 0; n < 6; n++) {
    const chart = await chartBoxes(page, `article.plr-report svg.report__chart >> nth=${n}`);
    expect(chart.texts.length, `chart ${n}`).toBeGreaterThan(5);
    expect(overlaps(chart.texts, chart.texts, true), `chart ${n}`).toEqual([]);
    expect(offScreen(chart), `chart ${n}`).toEqual([]);
    await expect(report.locator('figure').nth(n).locator('.report__legend li').first()).toBeVisible();
  }
  await expectNoAxeViolations(page);
});
