// Nothing leaves the device: the Content-Security-Policy is in the release build and enforced,
// and a review, an import and an export make no request but GETs of the app's own files.
import { test, expect } from './test';
import { startReview } from './helpers';
import { fixture, openFile } from './fixtures';
import { appRequest, expectOnlyOwnFiles, recordRequests } from './requests';
import fs from 'node:fs';
import path from 'node:path';
import { downloadReview } from './download';

const dist = path.resolve(__dirname, '../../../dist');
const policy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

for (const page of ['index.html', 'dashboard/index.html']) {
  test(`the release build's ${page} carries the policy and no inline script`, () => {
    const html = fs.readFileSync(path.join(dist, page), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}"`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length, 'the loader script').toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, 'every script is a file of the app').toMatch(/\bsrc="\/[^"]+"/);
      expect(body.trim(), 'no inline script').toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
}

test('the policy is enforced: the app runs, and an inline script put in the page does not', async ({ page, cspViolations }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start a new review' })).toBeVisible();
  expect(cspViolations).toEqual([]);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return (window as any).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
  // That violation was this test's own doing; the watch in ./test fails on any other.
  cspViolations.length = 0;
});

test('a review typed, a file opened and a download send nothing: only GETs of the app\'s own files', async ({ page, context }) => {
  const requests = recordRequests(context);
  const secret = 'LL-PRIVATE-481516';
  const note = 'Disclosed worries about home to the school nurse';

  const id = await startReview(page);
  await page.getByLabel("Child's case reference").fill(secret);
  await page.getByLabel("Practitioner's name").fill('Zed Quietly');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeVisible();
  await page.goto(`/review/${id}/area/visiting`);
  await page.getByRole('group', { name: /^VD1 / }).getByLabel(/Evidence/).fill(note);
  await page.getByLabel("Practitioner's reflection").fill(note);
  await page.reload();
  await expect(page.getByLabel("Practitioner's reflection")).toHaveValue(note);

  // A completed review from a file, opened and downloaded again.
  const imported = fixture('completed-good.json');
  imported.case.child_ref = `${secret}-B`;
  await openFile(page, imported, 'from-another-browser.json');
  await page.goto(`/review/${imported.id}/check`);
  const download = await downloadReview(page);
  expect(download.name).toContain(`${secret}-B`);
  await expect(page.getByText(`Downloaded ${download.name}`)).toBeVisible();

  expect(requests.filter(appRequest).length, 'the app files were seen').toBeGreaterThan(2);
  expectOnlyOwnFiles(requests, [secret, note, 'Zed Quietly']);
});
