// What bench/browser.mjs and bench/compare.mjs share: Chromium's flags, a loopback server of a
// build, and when the first statement of a page became usable, as the page itself saw it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

/** Waits until `server` (a child process from `serve`) answers at `url`. Throws if it has
 * exited instead: another server holding its port (one left over from a run cut short) would
 * otherwise answer in its place, with another build or protocol. */
export async function waitForServer(url, server) {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server for ${url} exited (${server.exitCode ?? server.signalCode}): is its port taken by another?`);
    }
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

/** `dir` served on the loopback `port` as a host would (tests/e2e/serve.mjs); kill() it after.
 * With `tls`, a directory holding key.pem and cert.pem: HTTP/2 over TLS. */
export function serve(dir, port, tls) {
  return spawn('node', [path.join(repo, 'tests/e2e/serve.mjs'), dir, String(port), ...(tls ? [tls] : [])], { stdio: 'ignore' });
}

/** A review started by the app itself on `base`, in a context of its own: its id, and the
 * storage that holds it (for `browser.newContext({ storageState })`). */
export async function startReview(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await page.waitForURL(/\/review\/[0-9a-f-]{36}\/case$/);
  const id = page.url().match(/review\/([0-9a-f-]{36})/)[1];
  const storage = await context.storageState();
  await context.close();
  return { id, storage };
}

// When the first statement became usable, as the page itself saw it: the first moment its
// first rating radio is in the document and enabled (a MutationObserver installed before the
// page's own scripts), and painted (not before the first contentful paint). Playwright's own
// wait polls, and adds its polling delay. `usableProbe` goes to `addInitScript`.
export const usableProbe = () => {
  const found = () => {
    const radio = document.getElementById('statement-SM1-rating');
    if (radio && !radio.disabled && window.__plrUsable === undefined) window.__plrUsable = performance.now();
  };
  new MutationObserver(found).observe(document, { childList: true, subtree: true, attributes: true });
};
export const usableAt = (page) => page.evaluate(async () => {
  const [paint] = performance.getEntriesByName('first-contentful-paint');
  return Math.max(window.__plrUsable, paint ? paint.startTime : 0);
});

/** A new browser profile (a directory) holding one draft the app on `base` itself started, with
 * the service worker it registered and its caches removed: the next visit is cold but for the
 * stored draft. `chromium` is Playwright's; `options` go to its persistent context. Returns the
 * profile's directory and the address of the draft's first area page. */
export async function coldDraftProfile(chromium, base, options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plr-cold-draft-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: chromiumArgs, ...options });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(base);
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await page.waitForURL(/\/review\/[0-9a-f-]{36}\/case$/);
  const id = page.url().match(/review\/([0-9a-f-]{36})/)[1];
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  await context.close();
  return { dir, url: `${base}/review/${id}/area/supervision` };
}
