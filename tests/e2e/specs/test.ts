// The `test` every spec uses: Playwright's, plus a watch on the page's Content-Security-Policy.
// Any script, style, image, connection or worker the policy blocks in any page of the test
// (a `securitypolicyviolation` event, or the browser's console report of one) fails the test,
// so the whole suite proves the app runs under the policy in index.html.
import { test as base, expect } from '@playwright/test';

export { expect };
export type { Page, Locator } from '@playwright/test';

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const found: string[] = [];
      await context.exposeBinding('__plrCspViolation', (_source, report: string) => {
        found.push(report);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const where = e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '';
          (window as any).__plrCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'}${where}`);
        });
      });
      context.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) found.push(`console: ${message.text()}`);
      });
      await use(found);
      expect(found, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
