// The file a click makes the page download, the same way in both engines.
//
// Chromium reports every download to Playwright (the `download` event). Firefox ESR 153, driven
// over WebDriver BiDi, saves the file into the browser's downloads folder (the firefox project's
// `downloadsPath`) but announces a download from a link with no navigation id, and Playwright
// (1.64 as 1.65) drops such an announcement: the event never comes. There the file is taken from
// that folder once Firefox has finished writing it (no `.part` file left, and not the empty
// placeholder it makes first).
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export interface Downloaded {
  /** The file's name as the browser saved it (the page's suggested name). */
  name: string;
  /** Where the downloaded file is now. */
  path: string;
}

/** Runs `click` and returns the one file it downloads. */
export async function downloadOf(page: Page, click: () => Promise<unknown>): Promise<Downloaded> {
  const folder = test.info().project.use.launchOptions?.downloadsPath;
  if (!folder) {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }
  // Only this test's download is in the folder (the tests run one at a time).
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  await click();
  const finished = () => {
    const names = fs.readdirSync(folder);
    const writing = names.some((n) => n.endsWith('.part') || fs.statSync(path.join(folder, n)).size === 0);
    return writing ? [] : names;
  };
  await expect.poll(finished, { message: `a file downloaded into ${folder}` }).toHaveLength(1);
  const [name] = finished();
  return { name, path: path.join(folder, name) };
}

/** Clicks the button `name` of the page and returns the file it downloads. */
export function downloadFromButton(page: Page, name: string): Promise<Downloaded> {
  return downloadOf(page, () => page.getByRole('button', { name, exact: true }).click());
}

/** Downloads the open review with its "Download the review file" button. */
export function downloadReview(page: Page): Promise<Downloaded> {
  return downloadFromButton(page, 'Download the review file (for the QA service)');
}

/**
 * Downloads the open review, keeps the file in the test's output folder (where `plr validate`
 * can read it) and returns its path and its parsed JSON.
 */
export async function downloadReviewJson(page: Page): Promise<{ file: string; exported: any }> {
  const download = await downloadReview(page);
  const file = test.info().outputPath(download.name);
  fs.copyFileSync(download.path, file);
  return { file, exported: JSON.parse(fs.readFileSync(file, 'utf8')) };
}
