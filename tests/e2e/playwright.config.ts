import { defineConfig } from '@playwright/test';
import path from 'node:path';

// Debian's browsers only: no test tool downloads a browser of its own.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The loopback port of the test server: PLR_E2E_PORT lets two runs share a machine.
export const port = process.env.PLR_E2E_PORT ?? '4173';

/**
 * The specs run in Firefox ESR as well: storage, import, export and the form in a second
 * engine. Firefox is driven over WebDriver BiDi (`channel: 'moz-firefox'`), which needs no
 * patched browser: Playwright 1.64 is pinned because 1.65 sends a BiDi command
 * (`emulation.setMediaFeaturesOverride`) that Firefox 153 ESR does not know, failing every page.
 */
export const firefoxSpecs = [
  'review.spec.ts',
  'durability.spec.ts',
  'problems.spec.ts',
  'no-storage.spec.ts',
  'persist.spec.ts',
  'offline.spec.ts',
  'payloads.spec.ts',
  'privacy.spec.ts',
  'parts.spec.ts',
  'concern-update.spec.ts',
  'ambassadors.spec.ts',
  'dashboard-update.spec.ts',
  'after.spec.ts',
  'dashboard-sources.spec.ts',
  'remove-all.spec.ts',
  'dashboard-ambassadors.spec.ts',
  'dashboard-report.spec.ts',
  'dashboard-narrow.spec.ts',
  'dashboard-open-file.spec.ts',
  'dashboard-allocation.spec.ts',
];

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    {
      name: 'firefox',
      testMatch: firefoxSpecs,
      use: {
        browserName: 'firefox',
        channel: 'moz-firefox',
        // Where Firefox saves downloads: Playwright gets no download event from it (specs/download.ts).
        launchOptions: {
          executablePath: '/usr/bin/firefox-esr',
          downloadsPath: path.join(__dirname, 'test-results', 'firefox-downloads'),
        },
      },
    },
  ],
  webServer: {
    command: `node serve.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
  },
});
