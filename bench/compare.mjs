// Two (or more) builds of the form side by side, for a change whose effect is smaller than the
// noise between two runs of bench/browser.mjs: rounds that alternate between the builds, each
// serving its own dist directory. Prints medians; never fails on time.
//
//   node bench/compare.mjs <dist-a> <dist-b> [...]     (ROUNDS=5 by default)
//
// Per round and build: 3 cold loads of an area (a fresh context, the draft already stored),
// 3 cold loads of the home page ("Start a new review" shown), and 5 repeat visits to the area in
// new tabs of a context whose service worker is in control. "Usable" as bench/browser.mjs has
// it (bench/visits.mjs); "doc" is when the statement (or the button) was in the document.
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromiumArgs, median, repo, serve, startReview, usableAt, usableProbe, waitForServer } from './visits.mjs';

const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
const { chromium } = require('@playwright/test');
const dists = process.argv.slice(2).map((d) => path.resolve(d));
if (dists.length < 2) {
  console.error('usage: node bench/compare.mjs <dist-a> <dist-b> [...]');
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS ?? 5);
const port = Number(process.env.PLR_BENCH_PORT ?? 4300);

// The home page's "usable": its start button in the document, and painted.
const homeProbe = () => {
  new MutationObserver(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Start a new review');
    if (button && window.__plrHome === undefined) window.__plrHome = performance.now();
  }).observe(document, { childList: true, subtree: true });
};
const homeAt = (page) => page.evaluate(() => {
  const [paint] = performance.getEntriesByName('first-contentful-paint');
  return [window.__plrHome, Math.max(window.__plrHome, paint ? paint.startTime : 0)];
});
const inDocument = (page) => page.evaluate(() => window.__plrUsable);

const servers = dists.map((dist, i) => serve(dist, port + i));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const builds = [];
  for (const [i, dist] of dists.entries()) {
    const base = `http://127.0.0.1:${port + i}`;
    await waitForServer(base, servers[i]);
    const { id, storage } = await startReview(browser, base);
    builds.push({ dist, base, area: `${base}/review/${id}/area/supervision`, storage,
      cold: [], coldDoc: [], warm: [], warmDoc: [], home: [], homeDoc: [] });
  }
  for (let round = 0; round < rounds; round++) {
    for (const b of builds) {
      for (let k = 0; k < 3; k++) {
        const context = await browser.newContext({ storageState: b.storage });
        await context.addInitScript(usableProbe);
        const page = await context.newPage();
        await page.goto(b.area);
        await page.waitForSelector('#statement-SM1-rating:enabled');
        b.cold.push(await usableAt(page));
        b.coldDoc.push(await inDocument(page));
        await context.close();

        const fresh = await browser.newContext();
        await fresh.addInitScript(homeProbe);
        const home = await fresh.newPage();
        await home.goto(b.base);
        await home.getByRole('button', { name: 'Start a new review' }).waitFor();
        const [doc, usable] = await homeAt(home);
        b.home.push(usable);
        b.homeDoc.push(doc);
        await fresh.close();
      }
      const context = await browser.newContext({ storageState: b.storage });
      await context.addInitScript(usableProbe);
      const first = await context.newPage();
      await first.goto(b.area);
      await first.waitForSelector('#statement-SM1-rating:enabled');
      await first.evaluate(() => navigator.serviceWorker.ready);
      // The first new tab is the one the worker starts controlling: not counted.
      for (let k = 0; k < 6; k++) {
        const page = await context.newPage();
        await page.goto(b.area);
        await page.waitForSelector('#statement-SM1-rating:enabled');
        if (k > 0) {
          b.warm.push(await usableAt(page));
          b.warmDoc.push(await inDocument(page));
        }
        await page.close();
      }
      await context.close();
    }
  }
  const f = (xs) => `${median(xs).toFixed(0)} ms`;
  console.log(`median first statement usable (in the document), ${rounds} rounds alternating between the builds`);
  for (const b of builds) {
    console.log(`${path.relative(process.cwd(), b.dist) || '.'}: area cold ${f(b.cold)} (doc ${f(b.coldDoc)}) of ${b.cold.length}` +
      ` | area repeat visit ${f(b.warm)} (doc ${f(b.warmDoc)}) of ${b.warm.length}` +
      ` | home cold ${f(b.home)} (doc ${f(b.homeDoc)}) of ${b.home.length}`);
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.kill());
}
