// Drafts survive what a browser does to a page: closed moments after the last keystroke.
import { test, expect } from './test';
import { startReview } from './helpers';

test('closing the page straight after typing keeps every character', async ({ context }) => {
  const page = await context.newPage();
  const id = await startReview(page);
  await page.goto(`/review/${id}/area/visiting`);
  await page.getByLabel("Practitioner's reflection").click();
  const text = 'Typed just before the lid closed: ünïcödé ✓ 100% – and the last word';
  await page.keyboard.type(text);
  // At once, well inside the autosave's pause (250 ms) after the last key: only the flush on
  // leaving the page can have saved the end of the sentence.
  await page.close({ runBeforeUnload: true });

  const reopened = await context.newPage();
  await reopened.goto(`/review/${id}/area/visiting`);
  await expect(reopened.getByLabel("Practitioner's reflection")).toHaveValue(text);
});
