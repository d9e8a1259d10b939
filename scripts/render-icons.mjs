#!/usr/bin/env node
// Draws the PNG icons of the web app manifest from web/icons/plr.svg with Debian's Chromium (run by
// hand after changing plr.svg: `node scripts/render-icons.mjs`; the PNGs are committed).
// The maskable icon keeps the drawing inside the safe circle, on a full-bleed background.
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';
import fs from 'node:fs';
import path from 'node:path';

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../web/icons');
const svg = fs.readFileSync(path.join(here, 'plr.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, size, inset] of [['plr-192.png', 192, 0], ['plr-512.png', 512, 0], ['plr-maskable-512.png', 512, 0.1]]) {
  await page.setViewportSize({ width: size, height: size });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:${inset ? '#1d70b8' : 'transparent'}">` +
      `<div style="padding:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: path.join(here, name), omitBackground: !inset });
  console.log(`${name}: ${fs.statSync(path.join(here, name)).size} bytes`);
}
await browser.close();
