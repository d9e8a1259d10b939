// Where the main thread's time goes when an area page of a stored draft is opened cold (a
// reload, a bookmark, a link), as Lighthouse's phone profile sees it: the CPU slowed 4x, no
// service worker, no cache. Prints the page's long tasks (over 50 ms, Lighthouse's "blocking"
// line) and the functions with the most time of their own, and with their callees, over the
// whole load (V8's sampling profiler, 100 µs), by name when the build kept them
// (PLR_PROFILE_INCLUSIVE=regex keeps only matching names in the second list). Prints numbers,
// never fails on them.
//
// Run on a build that keeps the WebAssembly's function names:
//   PLR_WASM_NAMES=1 ./scripts/build && node bench/profile.mjs [dist] [slowdown]
// (an ordinary build prints `wasm-function[N]` instead of names).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { busyStretches, topFunctions } from './clicks.mjs';
import { chromiumArgs, coldDraftProfile, repo, serve, waitForServer } from './visits.mjs';

const { chromium } = createRequire(path.join(repo, 'tests/e2e/package.json'))('@playwright/test');
const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
const slowdown = Number(process.argv[3] ?? 4);
const port = Number(process.env.PLR_BENCH_PORT ?? 4177);
const base = `http://127.0.0.1:${port}`;
const top = Number(process.env.PLR_PROFILE_TOP ?? 25);

const server = serve(dist, port);
let dir = null;
try {
  await waitForServer(base, server);
  const cold = await coldDraftProfile(chromium, base);
  dir = cold.dir;
  const url = cold.url;
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.locator('input[type=radio]').first().waitFor({ state: 'visible' });
  // Until the main thread has been quiet for a second (the load's last effects included).
  await page.evaluate(() => new Promise((done) => {
    let last = performance.now();
    new PerformanceObserver(() => { last = performance.now(); }).observe({ type: 'longtask' });
    const check = () => (performance.now() - last > 1000 ? done() : setTimeout(check, 100));
    check();
  }));
  const { profile } = await cdp.send('Profiler.stop');
  const longTasks = await page.evaluate(() => window.__longTasks);
  const paints = await page.evaluate(() => performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
  await context.close();

  console.log(`${url.replace(base, '')}, CPU slowed ${slowdown}x (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)})`);
  for (const [name, at] of paints) console.log(`${name}: ${at.toFixed(0)} ms`);
  console.log(`long tasks: ${longTasks.map(([at, d]) => `${d.toFixed(0)} ms at ${at.toFixed(0)}`).join(', ') || 'none'}`);
  console.log(`blocking (sum over 50 ms): ${longTasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0).toFixed(0)} ms`);

  const only = process.env.PLR_PROFILE_INCLUSIVE ? new RegExp(process.env.PLR_PROFILE_INCLUSIVE) : null;
  const found = topFunctions([profile], top, only);
  console.log(`busy (sampled, idle left out): ${found.busy.toFixed(0)} ms\nthe functions with most time of their own:\n${found.self}`);
  console.log(`with their callees${only ? ` (names matching ${only})` : ''}:\n${found.total}`);
  // PLR_PROFILE_TASKS=1: each busy stretch of the main thread (about one task each) over 3 ms,
  // with the functions (of those matching PLR_PROFILE_INCLUSIVE, if set) that take most of it.
  if (process.env.PLR_PROFILE_TASKS) {
    console.log('busy stretches (from the profile\'s start):');
    for (const s of busyStretches(profile, { only, n: Number(process.env.PLR_PROFILE_TASKS_TOP ?? 6) })) {
      console.log(`  at ${s.start.toFixed(0)} ms: ${s.busy.toFixed(1)} ms busy in ${s.length.toFixed(1)} ms`);
      for (const [k, t] of s.top) console.log(`    ${t.toFixed(1).padStart(6)} ms  ${k.slice(0, 150)}`);
    }
  }
} finally {
  server.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
