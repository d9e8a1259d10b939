// Where the main thread's time goes when an area page of a stored draft is opened cold (a
// reload, a bookmark, a link), as Lighthouse's phone profile sees it: the CPU slowed 4x, no
// service worker, no cache. Prints the page's long tasks (over 50 ms, Lighthouse's "blocking"
// line) and the functions with the most time of their own over the whole load (V8's sampling
// profiler, 100 µs), by name when the build kept them. Prints numbers, never fails on them.
//
// Run on a build that keeps the WebAssembly's function names:
//   PLR_WASM_NAMES=1 ./scripts/build && node bench/profile.mjs [dist] [slowdown]
// (an ordinary build prints `wasm-function[N]` instead of names).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromiumArgs, repo, serve, waitForServer } from './visits.mjs';

const { chromium } = createRequire(path.join(repo, 'tests/e2e/package.json'))('@playwright/test');
const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
const slowdown = Number(process.argv[3] ?? 4);
const port = Number(process.env.PLR_BENCH_PORT ?? 4177);
const base = `http://127.0.0.1:${port}`;
const top = Number(process.env.PLR_PROFILE_TOP ?? 25);

const server = serve(dist, port);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plr-profile-'));
try {
  await waitForServer(base);
  // A draft the app itself started, then the service worker and its caches removed.
  let context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: chromiumArgs });
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(base);
  await page.getByRole('button', { name: 'Start a new review' }).click();
  await page.waitForURL(/\/review\/[0-9a-f-]{36}\/case$/);
  const url = page.url().replace(/case$/, 'area/supervision');
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  await context.close();

  context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: chromiumArgs });
  page = context.pages()[0] ?? (await context.newPage());
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

  // Self time per function: each sample's node, weighted by the time to the next sample.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url: from } = byId.get(id).callFrame;
    const name = functionName || `(anonymous ${path.basename(from || '')})`;
    if (name === '(idle)' || name === '(program)') return;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  console.log(`busy (sampled, idle left out): ${total.toFixed(0)} ms; the functions with most time of their own:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 110)}`);
  }
  // Time in each function with what it calls (a function counted once per sample).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at).callFrame.functionName;
      if (!name || seen.has(name) || name === '(idle)' || name === '(program)' || name === '(root)') continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  });
  if (process.env.PLR_PROFILE_INCLUSIVE) {
    const filter = new RegExp(process.env.PLR_PROFILE_INCLUSIVE);
    console.log('time with callees:');
    for (const [name, ms] of [...inclusive].filter(([n]) => filter.test(n)).sort((a, b) => b[1] - a[1]).slice(0, top * 2)) {
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
    }
  }
} finally {
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
