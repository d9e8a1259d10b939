// Starts the app's WebAssembly. Trunk's own loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self', no inline script) forbids, so Trunk.toml's
// `pattern_script` puts a <script> for this file in its place, naming the JS and WebAssembly
// files (their hashed names change with every build) in data attributes.
// This file itself never changes between builds, so a stale cached copy is harmless.
const tag = document.querySelector('script[data-wasm-js]');
// The WebAssembly starts compiling while the JS glue loads, not after it. Where that cannot
// stream (a host that serves .wasm with another type), the glue's own loader fetches it.
const compiling = WebAssembly.compileStreaming(fetch(tag.dataset.wasm)).catch(() => tag.dataset.wasm);
// At a review's address (a reload, a bookmark, a link) its page is in a part of its own
// (scripts/split.mjs names its files): fetched now, beside the main module, not after it.
if (location.pathname.startsWith('/review/')) {
  for (const part of tag.dataset.reviewParts?.split(' ') ?? []) {
    const link = Object.assign(document.createElement('link'), {
      rel: 'preload',
      as: 'fetch',
      crossOrigin: 'anonymous',
      href: new URL(part, new URL(tag.dataset.wasm, location.href)).href,
    });
    document.head.append(link);
  }
}
const { default: init } = await import(tag.dataset.wasmJs);
await init({ module_or_path: await compiling });

// Once the page has loaded and the browser is idle, nothing the first page waits for is left,
// and what is only for later starts:
//   - The web app manifest (for installing the form) is named. Named in the HTML, Chromium
//     fetches it beside the page's own files, and on a slow HTTP/1.1 link it held back the main
//     module (Lighthouse's simulation: by 0.15 s).
//   - The form's service worker (dist/sw.js, written by scripts/build), which keeps the app
//     for offline use, is registered by web/worker.js. Installing it fetches the whole build
//     again into its cache.
const later = () => {
  const manifest = tag.dataset.manifest;
  if (manifest) document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: manifest }));
  const worker = tag.dataset.serviceWorker;
  if (worker && 'serviceWorker' in navigator) {
    import('./worker.js').then((module) => module.register(worker)).catch(() => {
      // No worker (a development server, storage blocked): the app works online as before.
    });
  }
};
const whenIdle = () =>
  'requestIdleCallback' in window ? requestIdleCallback(later, { timeout: 3000 }) : setTimeout(later, 1000);
if (document.readyState === 'complete') whenIdle();
else addEventListener('load', whenIdle, { once: true });
