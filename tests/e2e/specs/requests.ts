// Every request a browser context makes, and the check that all of them are GETs of the app's
// own static files (or a page address of the app), none carrying what the user typed.
import { expect, type BrowserContext, type Request } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(__dirname, '../../../dist');
const origin = `http://127.0.0.1:${process.env.PLR_E2E_PORT ?? '4173'}`;

export interface Seen {
  method: string;
  url: string;
  type: string;
  body: string | null;
  headers: Record<string, string>;
}

/** Records every request of every page (and worker) of `context` from now on. */
export function recordRequests(context: BrowserContext): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (request: Request) => {
    seen.push({
      method: request.method(),
      url: request.url(),
      type: request.resourceType(),
      body: request.postData(),
      headers: request.headers(),
    });
  });
  return seen;
}

/** The files of the release build, as the paths a browser asks for ("/index.html", ...). */
function builtFiles(): Set<string> {
  const files = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.add('/' + path.relative(dist, full).split(path.sep).join('/'));
    }
  };
  walk(dist);
  return files;
}

/** The app's own pages: every one of them is answered with an index.html of the build. */
const appPage = /^\/(review\/[0-9a-f-]{36}(\/[a-z/]*)?|dashboard\/([a-z/]*)?)?$/;

/** A request to the app's server (not a local blob: or data: address). */
export const appRequest = (r: Seen) => r.url.startsWith(`${origin}/`);

/** Fails, listing them, on any request that is not a GET of the app's own files or pages, or
 * that carries any of `secrets` (typed by the test) in its address, body or headers. */
export function expectOnlyOwnFiles(seen: Seen[], secrets: string[]) {
  const files = builtFiles();
  const wrong = seen.flatMap((r) => {
    const problems: string[] = [];
    if (r.method !== 'GET') problems.push(`method ${r.method}`);
    if (r.body !== null) problems.push('has a body');
    if (r.url.startsWith(`blob:${origin}/`) || r.url.startsWith('data:')) {
      // A download the app made in the page itself: local, never on the network.
    } else if (!appRequest(r)) {
      problems.push('goes to another site');
    } else {
      const pathname = decodeURIComponent(new URL(r.url).pathname);
      const page = r.type === 'document' && appPage.test(pathname);
      if (!files.has(pathname) && !page) problems.push(`is not a file of the build (${r.type})`);
      if (new URL(r.url).search) problems.push('has a query');
    }
    const everything = [r.url, decodeURIComponent(r.url), r.body ?? '', ...Object.values(r.headers)].join('\n');
    for (const secret of secrets) {
      if (everything.includes(secret) || everything.includes(encodeURIComponent(secret))) {
        problems.push(`carries "${secret}"`);
      }
    }
    return problems.length ? [`${r.method} ${r.url}: ${problems.join(', ')}`] : [];
  });
  expect(wrong, 'requests that are not GETs of the app\'s own files').toEqual([]);
}
