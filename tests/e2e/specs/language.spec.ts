// Language that Cares: advice under narrative fields (plr_core::language), shown after typing
// pauses or the field is left, announced politely, never stopping completion.
import { test, expect, type Page } from './test';
import { expectNoAxeViolations } from './helpers';
import { openFullDraft } from './fixtures';

/** The advice region under the narrative field labelled `label`. */
function adviceFor(page: Page, label: string, group = '.form-group') {
  return page.locator(group, { has: page.getByLabel(label, { exact: true }) }).locator('.advice');
}

test('hints point out jargon and an unexpanded acronym, go when fixed, and never block completion', async ({ page }) => {
  const id = await openFullDraft(page);
  await page.goto(`/review/${id}/judgement`);
  const impact = page.getByLabel('Impact on the child', { exact: true });
  const advice = adviceFor(page, 'Impact on the child');
  await expect(advice).toHaveAttribute('aria-live', 'polite');
  await expect(advice).toBeEmpty();

  // Typing, then a pause: the advice appears without leaving the field.
  await impact.fill('Contact with mum is weekly and the IRO agrees it helps.');
  await expect(advice).toContainText('Instead of “Contact”, you could write: family time');
  await expect(advice).toContainText('Spell out “IRO” the first time: Independent Reviewing Officer (IRO).');
  // Advice, not a problem: it says so, and it is not styled or announced as an error.
  await expect(advice).toContainText('(a suggestion: it never stops you continuing)');
  await expect(advice.locator('.error-message')).toHaveCount(0);
  await expect(impact).toBeFocused();
  await expect(impact).toHaveAccessibleDescription(/Spell out “IRO”/);
  await expectNoAxeViolations(page);

  // Fixed: the advice goes as soon as the field is left.
  await impact.fill('Family time with mum is weekly and the Independent Reviewing Officer (IRO) agrees it helps.');
  await impact.blur();
  await expect(advice).toBeEmpty();
  await expect(impact).not.toHaveAccessibleDescription(/Spell out/);

  // No false hit inside another word.
  await impact.fill('Mum contacted the school; the replacement plan helps.');
  await impact.blur();
  await expect(advice).toBeEmpty();

  // Evidence notes under statements are narratives too (the same component).
  await page.goto(`/review/${id}/area/supervision`);
  const note = adviceFor(page, 'Evidence (optional) for SM1', '.evidence');
  const sm1 = page.getByLabel('Evidence (optional) for SM1', { exact: true });
  await sm1.fill('The placement is stable; CP plan reviewed.');
  await sm1.blur();
  await expect(note).toContainText('Instead of “placement”');
  await expect(note).toContainText('Spell out “CP” the first time: Child Protection (CP).');
  const reflection = adviceFor(page, "Practitioner's reflection");
  const practitioner = page.getByLabel("Practitioner's reflection", { exact: true });
  await practitioner.fill('Respite was arranged.');
  await practitioner.blur();
  await expect(reflection).toContainText('Instead of “Respite”, you could write: short break.');
  await expectNoAxeViolations(page);

  // Advice only: the review completes with the hints still there.
  await page.goto(`/review/${id}/check`);
  await page.getByRole('button', { name: 'Complete review' }).click();
  await expect(page.getByRole('heading', { name: 'Review completed' })).toBeVisible();
  await expectNoAxeViolations(page);
});
