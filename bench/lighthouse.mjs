// Lighthouse on a phone: the release build served as a host serves it (its precompressed
// .br/.gz copies, tests/e2e/serve.mjs), Lighthouse 12.2.3's default mobile profile (simulated
// slow 4G, 4x CPU slowdown), three runs each of
//   - the home page, cold;
//   - an area page of a stored draft opened cold (a reload, a bookmark, a link): the draft is in
//     the browser's storage, but no service worker and no cache;
// each served twice: over HTTP/1.1 (Node's plain server, as the e2e tests serve it), then over
// HTTP/2 with TLS, as a real host serves it (a certificate made for the run by openssl; skipped
// where there is none). Over HTTP/1.1 the browser opens up to six connections, each of which
// Lighthouse's simulation starts with a handshake and TCP's slow start; HTTP/2 uses one.
// Prints the median of each figure: performance and accessibility scores, LCP, TBT, CLS and
// bytes transferred, whether Lighthouse flags unminified JavaScript, and Lighthouse's index of
// this machine's CPU (TBT is the observed tasks times 4, so a slower host has a higher TBT;
// Lighthouse calls a host under 1000 slower than it assumes); and beside the LCP the
// link's floor for it: the time the simulated link takes to bring the bytes the page had
// fetched by its largest paint (as the unthrottled run saw it), after the round trips of a
// first connection and of the HTML, which no page needing them first can beat. Prints numbers,
// never fails on them. Goals (issue #27): the area page >= 95 with LCP <= 2.0 s, TBT <= 50 ms,
// CLS <= 0.01; the home page >= 98 with LCP <= 2.0 s; accessibility 100 on both.
//
// Run after a release build: `node bench/lighthouse.mjs [dist] [runs]`; with
// PLR_LIGHTHOUSE_REPORTS=dir each run's whole report (JSON) is written there too, and with
// PLR_LIGHTHOUSE_TIMELINE=1 each run prints Lighthouse's own simulation of its LCP: when each
// request starts and ends on the simulated link, and each main-thread task over 20 ms (times 4),
// which shows what the LCP waits for. Lighthouse is
// pinned in bench/package.json (13 wants Node 22) and installed there on first use; it drives
// Debian's Chromium, never a browser of its own.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, coldDraftProfile, median, repo, serve, waitForServer } from './visits.mjs';

const bench = path.join(repo, 'bench');
if (!fs.existsSync(path.join(bench, 'node_modules/lighthouse'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bench, stdio: 'inherit' });
}
const { default: lighthouse } = await import('lighthouse');
const { LanternLargestContentfulPaint } = await import('lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js');
const chromeLauncher = await import('chrome-launcher');
const { chromium } = createRequire(path.join(repo, 'tests/e2e/package.json'))('@playwright/test');

const dist = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
const runs = Number(process.argv[3] ?? 3);
const port = Number(process.env.PLR_BENCH_PORT ?? 4176);
let base = `http://127.0.0.1:${port}`;
const chrome = '/usr/bin/chromium';
// The run's own certificate's directory, for HTTP/2 (browsers speak it only over TLS).
let tls = null;

/** A profile holding one stored draft, cold but for it (the run's certificate taken). */
const profileWithDraft = () =>
  coldDraftProfile(chromium, base, { args: [...chromiumArgs, ...certArgs()], ignoreHTTPSErrors: true });

/** One Lighthouse run of `url` in a Chromium on the profile `dir` (a new one if none). */
async function audit(url, dir, keepStorage) {
  const userDataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plr-lighthouse-'));
  const browser = await chromeLauncher.launch({
    chromePath: chrome,
    userDataDir,
    chromeFlags: ['--headless=new', ...chromiumArgs, ...certArgs()],
  });
  try {
    const { lhr, artifacts } = await lighthouse(url, {
      port: browser.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
      // The area page's draft must survive: the profile was made cold for it instead.
      disableStorageReset: keepStorage,
    });
    const a = lhr.audits;
    if (process.env.PLR_LIGHTHOUSE_TIMELINE) await printTimeline(url, lhr, artifacts);
    if (process.env.PLR_LIGHTHOUSE_REPORTS) {
      const out = process.env.PLR_LIGHTHOUSE_REPORTS;
      fs.mkdirSync(out, { recursive: true });
      const name = `${new URL(url).pathname.split('/').pop() || 'home'}-${Date.now()}.json`;
      fs.writeFileSync(path.join(out, name), JSON.stringify(lhr));
    }
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      transfer: a['total-byte-weight'].numericValue,
      // Lighthouse's mobile link: its throughput (kilobits a second) and round trip.
      floor: floorMs(a, lhr.configSettings.throttling),
      unminified: a['unminified-javascript'].score !== 1,
      // Lighthouse's measure of this machine's CPU (its own JavaScript benchmark, run with the
      // page): under 1000 it warns that the host is slower than its 4x slowdown assumes.
      benchmarkIndex: lhr.environment.benchmarkIndex,
      failed: lhr.runtimeError?.message,
    };
  } finally {
    await browser.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** The time the simulated link needs for the bytes fetched by the observed largest paint:
 * DNS, TCP and a plain HTTP request make three round trips before the HTML's first byte, one
 * more for the files it names, then the bytes at the link's throughput. */
function floorMs(audits, throttling) {
  const lcp = audits.metrics.details.items[0].observedLargestContentfulPaint;
  const bytes = audits['network-requests'].details.items
    .filter((r) => r.networkEndTime <= lcp)
    .reduce((sum, r) => sum + r.transferSize, 0);
  return 4 * throttling.rttMs + (bytes * 8) / throttling.throughputKbps;
}

/** Lighthouse's simulation of the LCP of a run, whose figure is the mean of an optimistic and a
 * pessimistic estimate: the optimistic one's requests, each with its simulated start and end,
 * and its main-thread tasks over 20 ms as simulated (4x), in order of start. */
async function printTimeline(url, lhr, artifacts) {
  const data = {
    trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog, gatherContext: artifacts.GatherContext,
    settings: lhr.configSettings, URL: artifacts.URL, simulator: null,
  };
  const lcp = await LanternLargestContentfulPaint.request(data, { computedCache: new Map() });
  const origin = new URL(url).origin;
  console.log(`  ${url}: simulated LCP ${Math.round(lcp.timing)} ms (optimistic ${Math.round(lcp.optimisticEstimate.timeInMs)}, pessimistic ${Math.round(lcp.pessimisticEstimate.timeInMs)})`);
  const rows = [...lcp.optimisticEstimate.nodeTimings.entries()].sort((x, y) => x[1].startTime - y[1].startTime);
  for (const [node, t] of rows) {
    const what = node.type === 'network'
      ? `${node.request.url.replace(origin, '')}  ${(node.request.transferSize / 1024).toFixed(1)} KB`
      : 'main-thread task';
    if (node.type === 'cpu' && t.endTime - t.startTime < 20) continue;
    console.log(`    ${String(Math.round(t.startTime)).padStart(5)} – ${String(Math.round(t.endTime)).padStart(5)} ms  ${what}`);
  }
}

function report(name, results) {
  const m = (key) => median(results.map((r) => r[key]));
  const failed = results.find((r) => r.failed);
  console.log(
    `${name.padEnd(46)} ${String(m('performance')).padStart(5)} ${String(m('accessibility')).padStart(6)} ` +
      `${(m('lcp') / 1000).toFixed(1).padStart(6)} s ${(m('floor') / 1000).toFixed(1).padStart(5)} s ${Math.round(m('tbt')).toString().padStart(5)} ms ` +
      `${m('cls').toFixed(3).padStart(6)} ${(m('transfer') / 1024).toFixed(0).padStart(6)} KB  ` +
      `${(results.some((r) => r.unminified) ? 'flagged' : 'no').padEnd(13)} ${Math.round(m('benchmarkIndex'))}` +
      (failed ? `  (a run failed: ${failed.failed})` : ''),
  );
}

/** Chromium's flags for the run's own certificate (only while serving over TLS). */
function certArgs() {
  return tls ? ['--ignore-certificate-errors'] : [];
}

/** A self-signed certificate for 127.0.0.1 in a new directory; null without openssl. */
function makeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plr-lighthouse-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/** Both pages, `runs` times each, served over `protocol`. */
async function pages(protocol) {
  const server = serve(dist, port, tls);
  try {
    await waitForServer(base, server);
    const home = [];
    for (let i = 0; i < runs; i++) home.push(await audit(`${base}/`, null, false));
    report(`home, cold (${protocol})`, home);
    const area = [];
    for (let i = 0; i < runs; i++) {
      const { dir, url } = await profileWithDraft();
      area.push(await audit(url, dir, true));
    }
    report(`an area page of a draft, cold (${protocol})`, area);
  } finally {
    // The next protocol's server takes the same port: this one must have let go of it.
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    }
  }
}

console.log(`Lighthouse 12.2.3, mobile defaults, median of ${runs} runs (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)})`);
console.log(`${'page'.padEnd(46)} perf.  a11y.    LCP  floor      TBT    CLS  transfer unminified JS  host CPU index`);
await pages('HTTP/1.1');
tls = makeCertificate();
if (tls) {
  base = `https://127.0.0.1:${port}`;
  // Node's fetch, waiting for the server, takes the run's own certificate too.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    await pages('HTTP/2');
  } finally {
    fs.rmSync(tls, { recursive: true, force: true });
  }
} else {
  console.log('HTTP/2 left out: no openssl to make a certificate for it');
}
