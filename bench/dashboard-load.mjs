// The QA dashboard's load benchmark (part of bench/browser.mjs; alone: `node bench/dashboard-load.mjs`
// after a release build and `cargo build --profile native -p plr-cli`):
// 5,000 exports from `plr generate` chosen through the file input in headless Chromium:
//   time from choosing to the figures shown               goal <= 1.5 s
//   the longest main-thread task while loading (Long Tasks API)  goal <= 100 ms
//   JS heap after a forced GC (plus the WebAssembly memory)  goal <= 150 MB
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function dashboardLoad(browser, base, repo, count = 5000) {
  const plr = path.join(repo, 'target/native/plr');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plr-bench-dash-'));
  execFileSync(plr, ['generate', '--count', String(count), '--seed', '42', '--out', dir], { stdio: 'ignore' });
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/dashboard/`);
  await page.getByLabel('Choose export files').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  // setInputFiles itself only hands the browser file handles; the clock starts at the change.
  await page.evaluate(() => {
    document.getElementById('files').addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  });
  await page.getByLabel('Choose export files').setInputFiles(files);
  await page.waitForFunction(() => document.querySelector('[data-measure="good_or_better"]'), null, { timeout: 120_000 });
  const shown = await page.evaluate(() => performance.now() - window.__t0);
  const longest = await page.evaluate(() => window.__longest);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = await page.evaluate(() => {
    // The WebAssembly memory is the largest ArrayBuffer the page holds; Trunk exposes it.
    const m = window.wasmBindings?.__wbindgen_export_0 ?? null;
    return m?.buffer?.byteLength ?? 0;
  });
  const metrics = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
  const jsHeap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? heap;
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { count, shown, longest, heap: jsHeap, wasm };
}

export function describeDashboard(r) {
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  return [
    `QA dashboard, ${r.count.toLocaleString('en-GB')} exports through the file input: figures shown after ${(r.shown / 1000).toFixed(2)} s  goal <= 1.5 s`,
    `  longest main-thread task while loading: ${r.longest.toFixed(0)} ms  goal <= 100 ms`,
    `  memory after GC: JS heap ${mb(r.heap)}${r.wasm ? `, WebAssembly memory ${mb(r.wasm)}` : ''}  goal <= 150 MB`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createRequire } = await import('node:module');
  const { spawn } = await import('node:child_process');
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const require = createRequire(path.join(repo, 'tests/e2e/package.json'));
  const { chromium } = require('@playwright/test');
  const port = 4175;
  const server = spawn('node', [path.join(repo, 'tests/e2e/serve.mjs'), path.join(repo, 'dist'), String(port)], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    console.log(describeDashboard(await dashboardLoad(browser, `http://127.0.0.1:${port}`, repo)));
    await browser.close();
  } finally {
    server.kill();
  }
}
