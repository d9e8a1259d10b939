import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const fixtures = path.resolve(__dirname, '../../../crates/plr-core/tests/fixtures');

/** A fixture file of the core, parsed. */
export function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
}

/** Opens `plr` through "Open a downloaded review" on the home page; returns its id. */
export async function openFile(page: Page, plr: any, name = 'review.json'): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Open a downloaded review (JSON file)').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plr, null, 2)),
  });
  await expect(page.getByText(`from ${name}. It is now saved on this device.`)).toBeVisible();
  return plr.id;
}

/**
 * The realistic completed review of the fixtures as a draft with every answer given
 * (suggested and final grade Good, one action), changed by `change`, opened on this device.
 */
export async function openFullDraft(page: Page, change: (plr: any) => void = () => {}): Promise<string> {
  const plr = fixture('completed-good.json');
  plr.status = 'draft';
  plr.completed_at = null;
  plr.judgement.share_by = null;
  change(plr);
  return openFile(page, plr);
}
