import { expect, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFromButton } from './download';
import { plrBinary } from './helpers';

// The exports come from the built `plr generate`, found as every spec finds it.
export const plr = plrBinary;

/** A new folder of `count` exports made by `plr generate` (reviews dated `from` to `to`; `extra`,
 * more of its options). */
export function generate(count: number, seed: number, from: string, to: string, extra: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'plr-dash-'));
  execFileSync(plr, ['generate', '--count', String(count), '--seed', String(seed), '--out', dir, '--from', from, '--to', to, ...extra], { stdio: 'ignore' });
  return dir;
}

/** The `.json` files directly in `dir`, sorted. */
export const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** What `plr snapshot ARGS` prints for `paths` (by default every `.json` file in `dir`), run in `dir`. */
export function cli(dir: string, args: string[], paths = jsonFiles(dir)): Buffer {
  const run = spawnSync(plr, ['snapshot', ...args, ...paths], { cwd: dir });
  return run.stdout;
}

/** Chooses `files` of `dir` with the file picker and waits until all are read. */
export async function load(page: Page, dir: string, files = jsonFiles(dir)) {
  await page.getByLabel('Choose export files').setInputFiles(files.map((f) => join(dir, f)));
  await expect(page.getByRole('status')).toContainText(`Read ${files.length.toLocaleString('en-GB')} files.`);
}

/** The value cell of measure `key` (its first table). */
export const figure = (page: Page, key: string) => page.locator(`[data-measure="${key}"]`).first();

/** Clicks the button named `button` and returns the bytes it downloads. */
export async function downloaded(page: Page, button: string): Promise<Buffer> {
  return readFileSync((await downloadFromButton(page, button)).path);
}

/** A new folder of seed 003's July 2022 batch and, beside it, its allocation file (`plr generate --batch`). */
export function seed003(prefix: string): { dir: string; allocation: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  expect(spawnSync(plr, ['generate', '--batch', 'seed-003-july-2022', '--out', dir]).status).toBe(0);
  return { dir, allocation: join(dir, 'allocation-2022-07.csv') };
}

/** Reads seed 003's batch in `dir` into the dashboard, chooses July 2022 with actions as of 10 August 2022, and opens `allocation`. */
export async function openJuly2022(page: Page, dir: string, allocation: string) {
  await page.goto('/dashboard/');
  await load(page, dir);
  await page.getByLabel('Period', { exact: true }).selectOption('2022-07');
  await page.getByLabel('Actions judged as of').fill('2022-08-10');
  await page.getByLabel('Choose the allocation file (CSV)').setInputFiles(allocation);
  await expect(page.locator('#allocation-status')).toHaveText('allocation-2022-07.csv: 62 rows read.');
}
