// The QA dashboard runs under the same Content-Security-Policy (the watch in ./test), and
// reading export files and downloading the snapshot make no request but GETs of its own files.
import { test, expect } from './test';
import { fixture, fixtures } from './fixtures';
import { appRequest, expectOnlyOwnFiles, recordRequests } from './requests';
import fs from 'node:fs';
import path from 'node:path';
import { downloadFromButton } from './download';

test('the dashboard reads files and downloads the snapshot without sending anything', async ({ page, context }) => {
  const requests = recordRequests(context);
  // Two different reviews (completed-moderated.json is completed-good.json, moderated).
  const names = ['completed-good.json', 'completed-concern.json'];
  const secrets = names.map((name) => fixture(name).case.child_ref as string);
  expect(secrets.every((s) => s.length > 3)).toBe(true);

  await page.goto('/dashboard/');
  await page.getByLabel('Choose export files').setInputFiles(names.map((name) => path.join(fixtures, name)));
  await expect(page.getByRole('status')).toContainText(`Read ${names.length} files.`);
  const snapshot = fs.readFileSync((await downloadFromButton(page, 'Download JSON')).path, 'utf8');
  expect(JSON.parse(snapshot).plrs).toBe(names.length);

  expect(requests.filter(appRequest).length, 'the dashboard files were seen').toBeGreaterThan(2);
  expectOnlyOwnFiles(requests, secrets);
});
