// Rating all 55 statements by clicking, and the page's memory after it (part of
// bench/browser.mjs; alone: `node bench/clicks.mjs [dist]`, which prints each click, the
// browser's floors beside them, the same clicks with V8 compiling every function up front, and
// with PLR_PROFILE=out.cpuprofile a CPU profile of the clicks):
//   click a rating -> grade panel updated, median and p95 of 55        goal <= 2 ms
//     as the page's clock sees it, and the main thread's own CPU time over the same stretch
//     (the time the page's thread ran: this VM's two shared cores take it away at random, the
//     static page's floor included)
//   JS heap (after a forced GC) + WebAssembly memory after 55 ratings  goal <= 3.5 MB
import fs from 'node:fs';
import path from 'node:path';

export const areas = ['supervision', 'visiting', 'assessment', 'planning', 'recording'];
export const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
export const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;

/** Clicks the first radio of every statement of every area of review `id`, going from area to
 * area as a user does: the first opened by address, each next one by its page's "Continue" (in
 * the same page, so the app's code runs for the first time once, not once per area as a page
 * load per area made it), timing each click to the grade panel's count changing, in the page.
 * Returns the times (ms, in order; `.byArea`, each area's; `.cpu`, the main thread's CPU time
 * of each, see `timeClicks`); the page is left on the last area. `onArea(page, done)`
 * is awaited before (`done` false) and after each area's clicks (for a profiler).
 *
 * Only `page.evaluate` touches the page: Playwright's selector engine (waitForSelector,
 * locators, page.click) installs its injected script in the page, about 0.7 MB of source
 * strings and more in compiled code, which the JS heap measured after it would count as the
 * app's. */
export async function rateAll(page, base, id, onArea = async () => {}) {
  const clicks = [];
  clicks.byArea = [];
  clicks.cpu = [];
  let previous = [];
  for (const [n, area] of areas.entries()) {
    if (n === 0) await page.goto(`${base}/review/${id}/area/${area}`);
    else await page.evaluate(() => document.querySelector('.button-group a.button').click());
    // When this area's page is shown with its grade panel, and every statement drawn (the rest
    // follow the first paint): each statement's first radio carries its id
    // (`statement-SM1-rating`), and the last area's are gone.
    const radios = await page.evaluate(([area, previous]) => new Promise((resolve, reject) => {
      const t0 = performance.now();
      const ready = () => {
        const radios = [...document.querySelectorAll('[id^="statement-"][id$="-rating"]')].map((e) => e.id);
        if (location.pathname.endsWith(`/area/${area}`) && radios.length > 0 && radios[0] !== previous[0]
          && document.getElementById('rated-count') && document.querySelector('.button-group')) resolve(radios);
        else if (performance.now() - t0 > 30_000) reject(new Error(`no area page at ${location.href}`));
        else requestAnimationFrame(ready);
      };
      ready();
    }), [area, previous]);
    previous = radios;
    // The first visit installs the service worker, which fetches and stores the whole form
    // beside the page once per release: the clicks wait for it, as they measure the rating.
    if (n === 0) await page.evaluate(() => !document.querySelector('[data-service-worker]') || navigator.serviceWorker.ready.then(({ active }) => active.state === 'activated'
      || new Promise((resolve) => active.addEventListener('statechange', () => active.state === 'activated' && resolve()))));
    await onArea(page, false);
    const times = await timeClicks(page, radios, '#rated-count');
    await onArea(page, true);
    clicks.push(...times);
    clicks.cpu.push(...times.cpu);
    clicks.byArea.push(times);
  }
  return clicks;
}

/** The time from clicking each radio of `radioIds` in turn to the text of `panelSelector`
 * changing, as the page sees it (a MutationObserver), in ms; and, as `.cpu`, the CPU time the
 * page's main thread ran over the same stretch (each end is a User Timing mark, which Chromium's
 * trace stamps with its thread's CPU clock too). All the clicks run inside the page, in one
 * call: before each it waits for a frame to be painted and a task after it, as a person's clicks
 * are at least a frame apart, and Node and the browser's own process stay idle meanwhile. */
export async function timeClicks(page, radioIds, panelSelector) {
  let times;
  const cpu = await cpuBetweenMarks(page, 'plr-click-start', 'plr-click-end', async () => {
    times = await clickInPage(page, radioIds, panelSelector);
  });
  if (cpu.length !== times.length) throw new Error(`${times.length} clicks, but ${cpu.length} pairs of marks traced`);
  times.cpu = cpu;
  return times;
}

/** Runs `run` while Chromium traces the page's User Timing marks, and returns the main thread's
 * CPU time (ms) from each `startName` mark to the `endName` mark after it, in order. */
export async function cpuBetweenMarks(page, startName, endName, run) {
  const cdp = await page.context().newCDPSession(page);
  const marks = [];
  cdp.on('Tracing.dataCollected', ({ value }) => marks.push(...value.filter((e) => e.name === startName || e.name === endName)));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing' });
  try {
    await run();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  marks.sort((a, b) => a.ts - b.ts);
  const cpu = [];
  let start = null;
  for (const mark of marks) {
    if (mark.name === startName) start = mark;
    else if (start) {
      cpu.push((mark.tts - start.tts) / 1000);
      start = null;
    }
  }
  return cpu;
}

function clickInPage(page, radioIds, panelSelector) {
  return page.evaluate(async ([radioIds, panelSelector]) => {
    const click = (radioId) => new Promise((resolve) => {
      const panel = document.querySelector(panelSelector);
      const before = panel.textContent;
      let start;
      const observer = new MutationObserver(() => {
        if (panel.textContent === before) return;
        observer.disconnect();
        resolve(performance.now() - start.startTime);
        performance.mark('plr-click-end');
      });
      observer.observe(panel, { childList: true, characterData: true, subtree: true });
      start = performance.mark('plr-click-start');
      document.getElementById(radioId).click();
    });
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const times = [];
    for (const radioId of radioIds) {
      await painted();
      times.push(await click(radioId));
    }
    performance.clearMarks('plr-click-start');
    performance.clearMarks('plr-click-end');
    return times;
  }, [radioIds, panelSelector]);
}

/** The page's memory now: the JS heap in use after a forced garbage collection, and the byte
 * length of the form's WebAssembly memory (its split parts import the main module's one). The
 * memory is the one wasm-bindgen's glue holds: `initSync()` of an initialised glue returns its
 * exports. (CDP's `Runtime.queryObjects` on `WebAssembly.Memory.prototype` would find it
 * whatever loaded it, but crashes this Chromium's renderer.) */
export async function memoryOf(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async () => {
      const tag = document.querySelector('script[data-wasm-js]');
      return tag ? (await import(tag.dataset.wasmJs)).initSync().memory.buffer.byteLength : 0;
    });
    return { heap: usedSize, wasm };
  } finally {
    await cdp.detach();
  }
}

/** The initial size of the form's WebAssembly memory as its main module declares it (the
 * stack and static data; the allocator grows it from there), in bytes. */
export function initialWasmMemory(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const wasm = fs.readFileSync(path.join(dist, html.match(/data-wasm="([^"]+)"/)[1]));
  const leb = (at) => { let value = 0; let shift = 0; let b; do { b = wasm[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return [value, at]; };
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = leb(at + 1);
    if (id === 5) {
      const [, flags] = leb(body); // the number of memories (one); then the first one's flags
      return leb(flags + 1)[0] * 65536; // its minimum, in 64 KiB pages
    }
    at = body + size;
  }
  return NaN;
}

/** The browser's floor for a click: a static page with one statement's radios and a count,
 * whose change handler writes the count (in a microtask, as the app's reactive updates run),
 * clicked and timed the same way `count` times. And its JS heap after GC (an empty page's). */
export async function clickFloor(browser, count = 55) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const radios = Array.from({ length: count }, (_, i) => `<input type="radio" name="s${i}" id="statement-${i}-rating">`).join('');
  await page.setContent(`<!doctype html><p id="rated-count">0 of ${count} statements rated</p>${radios}`);
  await page.evaluate((count) => {
    let rated = 0;
    document.addEventListener('change', () => queueMicrotask(() => {
      document.getElementById('rated-count').textContent = `${++rated} of ${count} statements rated`;
    }));
  }, count);
  const clicks = await timeClicks(page, Array.from({ length: count }, (_, i) => `statement-${i}-rating`), '#rated-count');
  const memory = await memoryOf(page);
  await context.close();
  return { clicks, cpu: clicks.cpu, heap: memory.heap };
}

/** The functions with the most self time, and with the most total time (self and callees),
 * over one or more CDP CPU profiles; idle and the profiler's own "(program)" left out. With
 * `only` (a RegExp), the total-time list keeps only the functions whose name it matches. */
export function topFunctions(profiles, n = 30, only = null) {
  const self = new Map();
  const total = new Map();
  let busy = 0;
  for (const profile of profiles) {
    const { byId, parent } = callTree(profile);
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const leaf = byId.get(id).callFrame.functionName;
      if (leaf === '(idle)' || leaf === '(program)') return;
      busy += dt;
      const key = frameName(byId.get(id).callFrame);
      self.set(key, (self.get(key) ?? 0) + dt);
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const k = frameName(byId.get(at).callFrame);
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
    });
  }
  const list = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, t]) => `  ${t.toFixed(1).padStart(7)} ms ${(100 * t / busy).toFixed(0).padStart(3)}%  ${k.slice(0, 160)}`).join('\n');
  const kept = only ? new Map([...total].filter(([k]) => only.test(k))) : total;
  return { busy, self: list(self), total: list(kept) };
}

/** A CDP CPU profile's nodes by id, and each node's parent. */
function callTree(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  return { byId, parent };
}

/** A profile frame's function and the file it is in. */
const frameName = (f) => `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}`.trim();

/** The main thread's busy stretches in a CDP CPU profile (samples that are not idle, with gaps
 * of less than `gap` ms between them), each with its start, length and the named functions that
 * take most of it (callees included), for `bench/profile.mjs`'s PLR_PROFILE_TASKS. */
export function busyStretches(profile, { gap = 1, atLeast = 3, only = null, n = 6 } = {}) {
  const { byId, parent } = callTree(profile);
  const stretches = [];
  let current = null;
  let at = profile.startTime / 1000;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id).callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') return;
    if (!current || at - current.end > gap) {
      current = { start: at, end: at, busy: 0, total: new Map() };
      stretches.push(current);
    }
    current.end = at + dt;
    current.busy += dt;
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const k = frameName(byId.get(node).callFrame);
      if (seen.has(k) || (only && !only.test(k))) continue;
      seen.add(k);
      current.total.set(k, (current.total.get(k) ?? 0) + dt);
    }
  });
  const origin = profile.startTime / 1000;
  return stretches.filter((s) => s.busy >= atLeast).map((s) => ({
    start: s.start - origin,
    length: s.end - s.start,
    busy: s.busy,
    top: [...s.total.entries()].sort((a, b) => b[1] - a[1]).slice(0, n),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createRequire } = await import('node:module');
  const { chromiumArgs, median, repo, serve, startReview, waitForServer } = await import('./visits.mjs');
  const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
  const { chromium } = require('@playwright/test');
  const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
  const port = Number(process.env.PLR_BENCH_PORT ?? 4176);
  const base = `http://127.0.0.1:${port}`;
  // PLR_RUNS=n: rate n new reviews (the profile covers all of them).
  const runs = Number(process.env.PLR_RUNS ?? 1);
  const ms = (x) => `${x.toFixed(2)} ms`;
  const server = serve(dist, port);
  try {
    await waitForServer(base, server);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const profiles = [];
    for (let run = 0; run < runs; run++) {
      const { id, storage } = await startReview(browser, base);
      const context = await browser.newContext({ storageState: storage });
      const page = await context.newPage();
      let cdp = null;
      let loaded = null;
      const clicks = await rateAll(page, base, id, async (page, done) => {
        if (!done && areas.indexOf(new URL(page.url()).pathname.split('/').pop()) === areas.length - 1) loaded = await memoryOf(page);
        if (!process.env.PLR_PROFILE) return;
        if (!done) {
          cdp = await page.context().newCDPSession(page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PLR_INTERVAL ?? 50) });
          await cdp.send('Profiler.start');
        } else {
          profiles.push((await cdp.send('Profiler.stop')).profile);
          await cdp.detach();
        }
      });
      await page.waitForTimeout(500);
      const memory = await memoryOf(page);
      await context.close();
      console.log(`run ${run + 1}: click a rating -> grade panel updated: median ${ms(median(clicks))}, p95 ${ms(p95(clicks))} over ${clicks.length} clicks  goal <= 2 ms`);
      console.log(`  the main thread's CPU time of the same: median ${ms(median(clicks.cpu))}, p95 ${ms(p95(clicks.cpu))}, most ${ms(Math.max(...clicks.cpu))}`);
      console.log(`  each click in order (ms), one line per area:\n    ${clicks.byArea.map((times) => times.map((x) => x.toFixed(1)).join(' ')).join('\n    ')}`);
      const later = clicks.byArea.flatMap((times) => times.slice(1));
      console.log(`  each area's first click: ${clicks.byArea.map((times) => times[0].toFixed(2)).join(', ')} ms; the other ${later.length}: median ${ms(median(later))}, p95 ${ms(p95(later))}`);
      console.log(`  memory after 55 ratings: JS heap ${mb(memory.heap)} + WebAssembly memory ${mb(memory.wasm)} = ${mb(memory.heap + memory.wasm)}  goal <= 3.5 MB`);
      console.log(`  the last area's page just opened, before its 11 ratings: JS heap ${mb(loaded.heap)} + WebAssembly memory ${mb(loaded.wasm)} = ${mb(loaded.heap + loaded.wasm)}`);
    }
    const floor = await clickFloor(browser);
    console.log(`the browser's floor: a static page's radio whose change handler writes the count: median ${ms(median(floor.clicks))}, p95 ${ms(p95(floor.clicks))} (CPU time: median ${ms(median(floor.cpu))}, p95 ${ms(p95(floor.cpu))}); an empty page's JS heap ${mb(floor.heap)}`);
    console.log(`the WebAssembly memory's initial size (stack and static data, declared by the main module): ${mb(initialWasmMemory(dist))}`);
    await browser.close();
    // V8 compiles each WebAssembly function the first time it is called, so the session's first
    // clicks also compile what they run. The same clicks in a Chromium told to compile every
    // function up front (a V8 flag; no page can ask for it) show that share.
    const eager = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...chromiumArgs, '--js-flags=--no-wasm-lazy-compilation'],
    });
    for (let run = 0; run < runs; run++) {
      const { id, storage } = await startReview(eager, base);
      const context = await eager.newContext({ storageState: storage });
      const clicks = await rateAll(await context.newPage(), base, id);
      await context.close();
      console.log(`the same with every function compiled up front, run ${run + 1}: median ${ms(median(clicks))}, p95 ${ms(p95(clicks))}; first click ${ms(clicks[0])} (CPU time: median ${ms(median(clicks.cpu))}, p95 ${ms(p95(clicks.cpu))}, first click ${ms(clicks.cpu[0])})`);
    }
    await eager.close();
    if (process.env.PLR_PROFILE) {
      // The first area's profile (to open in DevTools), and every area's in one JSON array.
      fs.writeFileSync(process.env.PLR_PROFILE, JSON.stringify(profiles[0]));
      fs.writeFileSync(`${process.env.PLR_PROFILE}.all.json`, JSON.stringify(profiles));
      const top = topFunctions(profiles);
      console.log(`CPU profile over the clicks (${profiles.length} areas): ${top.busy.toFixed(1)} ms busy\nself time:\n${top.self}\ntotal time:\n${top.total}`);
    }
  } finally {
    server.kill();
  }
}
