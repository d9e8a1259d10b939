// Script payloads typed into the text fields, or inside an opened file, are shown as text:
// no dialog, no request, no element made from them, and the review still opens afterwards.
import { test, expect, type Locator, type Page } from './test';
import { startReview } from './helpers';
import { fixture, openFile } from './fixtures';
import { expectOnlyOwnFiles, recordRequests } from './requests';

const payloads = [
  '<script>window.__pwned = "script"; alert(1)</script>',
  '<img src=x onerror="window.__pwned = \'img\'; alert(2)">',
  'javascript:window.__pwned="link";alert(3)',
  '<a href="javascript:alert(4)">a link</a>',
  '{{ 7 * 7 }} ${7 * 7} {{constructor.constructor("alert(5)")()}}',
  '\u202Efdp.exe \u202Breversed\u202C text',
];
const longLine = 'L'.repeat(100_000);

/** Fails the test on any dialog the page opens (an alert is the sign a payload ran). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** Nothing on the page was made from a payload: no image, frame, object, extra script,
 * javascript: link or event-handler attribute, and no payload code ran. */
async function expectInert(page: Page) {
  const made = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('img, iframe, object, embed, script:not([data-wasm-js])')) {
      found.push(el.outerHTML.slice(0, 80));
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith('on')) found.push(`${el.tagName} ${attr}`);
      }
      const href = el.getAttribute('href');
      if (href && /^\s*javascript:/i.test(href)) found.push(`${el.tagName} href=${href}`);
    }
    if ((window as any).__pwned !== undefined) found.push(`ran: ${(window as any).__pwned}`);
    return found;
  });
  expect(made, 'elements or code made from typed text').toEqual([]);
}

/**
 * Puts `text` into the field as typing or pasting does: through the browser's editing (which
 * holds it to the field's `maxlength`). Playwright's `fill` is not that in Firefox: over
 * WebDriver BiDi it sets the field's value from a script, which no browser cuts to `maxlength`.
 */
async function paste(field: Locator, text: string) {
  await field.fill('');
  await field.focus();
  await field.evaluate((_, t) => document.execCommand('insertText', false, t), text);
}

/** The text without its bidirectional controls (U+202A to U+202E, U+2066 to U+2069), which
 * are not drawn: Firefox leaves them out of `innerText`, Chromium keeps them. */
const withoutBidiControls = (text: string) => text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');

/** Each of `texts` is shown in the page's main part as it is (drawn, in `innerText`), and
 * every one of its characters, the bidirectional controls too, is in the page's text. */
async function expectShownAsText(page: Page, texts: string[], message: string) {
  const main = page.getByRole('main');
  const drawn = withoutBidiControls(await main.innerText());
  const characters = (await main.textContent()) ?? '';
  for (const text of texts) {
    expect(drawn, message).toContain(withoutBidiControls(text));
    expect(characters, message).toContain(text);
  }
}

/** The free-text fields of the page (not the day / month / year boxes of a date). */
const textFields = (page: Page) => page.locator('main').locator('input[type="text"]:not([inputmode="numeric"]), textarea');

/** Fills every free-text field on the page, one payload after another; returns what each got. */
async function fillEveryTextField(page: Page, start: number): Promise<string[]> {
  const boxes = textFields(page);
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  const typed: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = payloads[(start + i) % payloads.length];
    await boxes.nth(i).fill(text);
    typed.push(text);
  }
  return typed;
}

test('script payloads typed into every text field are kept and shown as text, nothing more', async ({ page, context }) => {
  const dialogs = watchDialogs(page);
  const requests = recordRequests(context);
  const id = await startReview(page);
  const typedOn: Record<string, string[]> = {};
  for (const [n, pageName] of ['case', 'area/visiting', 'judgement'].entries()) {
    await page.goto(`/review/${id}/${pageName}`);
    await expect(textFields(page).first()).toBeVisible();
    const typed = await fillEveryTextField(page, n);
    typedOn[pageName] = typed;
    await expectInert(page);
    await page.reload();
    const boxes = textFields(page);
    for (const [i, text] of typed.entries()) {
      await expect(boxes.nth(i), `field ${i} of ${pageName}`).toHaveValue(text);
    }
  }
  await page.goto(`/review/${id}/check`);
  await expect(page.getByRole('main')).toContainText(payloads[0]);
  // Check answers shows the answers of the case and judgement pages (not the evidence notes).
  await expectShownAsText(page, [...typedOn['case'], ...typedOn['judgement']], 'check answers shows the text as typed');
  await expectInert(page);
  await page.goto('/');
  await expect(page.getByRole('row', { name: payloads[0] })).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
  expectOnlyOwnFiles(requests, ['__pwned', 'alert(']);
});

test('a 100,000-character line is cut to what the field can hold, and the review still opens', async ({ page }) => {
  const id = await startReview(page);
  const reference = page.getByLabel("Child's case reference");
  await paste(reference, longLine);
  await expect.poll(async () => (await reference.inputValue()).length).toBe(200);
  await page.goto(`/review/${id}/area/visiting`);
  const reflection = page.getByLabel("Practitioner's reflection");
  await paste(reflection, longLine);
  await expect.poll(async () => (await reflection.inputValue()).length).toBe(20_000);
  await page.reload();
  await expect(page.getByLabel("Practitioner's reflection")).toHaveValue(longLine.slice(0, 20_000));
  await page.goto(`/review/${id}/case`);
  await expect(page.getByLabel("Child's case reference")).toHaveValue(longLine.slice(0, 200));
  await expectInert(page);
});

test('payloads inside an opened file and its name are shown as text; a too-long line is refused by name', async ({ page, context }) => {
  const dialogs = watchDialogs(page);
  const requests = recordRequests(context);
  const plr = fixture('completed-good.json');
  plr.case.child_ref = payloads[1];
  plr.case.team = payloads[4];
  plr.review.reviewer.name = payloads[5];
  plr.judgement.impact_on_child = payloads.join('\n');
  plr.sections.forEach((section: any, s: number) => {
    section.practitioner_reflection = payloads[s % payloads.length];
    section.reviewer_evaluation = payloads[(s + 1) % payloads.length];
    section.items[0].note = payloads[(s + 2) % payloads.length];
  });
  plr.actions[0].description = payloads[3];
  const fileName = '<img src=x onerror=alert(6)>.json';
  await openFile(page, plr, fileName);
  await expect(page.getByRole('link', { name: `Go to the review for ${payloads[1]}` })).toBeVisible();
  await expectInert(page);

  await page.goto(`/review/${plr.id}/check`);
  await expect(page.locator('#completed-case-ref')).toHaveText(payloads[1]);
  await expectShownAsText(page, payloads, 'the opened review shows the text as it is in the file');
  await expectInert(page);

  const long = fixture('draft-partial.json');
  long.sections[0].items[0].note = longLine;
  await page.goto('/');
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name: 'long-line.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long)),
  });
  const refused = page.getByRole('alert').filter({ hasText: 'long-line.json could not be opened' });
  await expect(refused).toContainText('sections[0].items[0].note');
  await expectInert(page);
  expect(dialogs).toEqual([]);
  expectOnlyOwnFiles(requests, ['__pwned', 'alert(']);
});
