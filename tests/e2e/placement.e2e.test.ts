/**
 * The placement check in Chromium: an experienced learner takes it from the track overview,
 * solves the first diagnostic, skips the rest, and finds the solved one done and the learner
 * model placed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { openPage, pasteCode, ROOT, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

/** The reference solution of a built-in Python exercise, read from its file as an author wrote it. */
function solutionOf(id: string): string {
  const dir = path.join(ROOT, 'exercises/python/lessons');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const front = fs.readFileSync(path.join(dir, name), 'utf8').split(/^---$/m)[1] ?? '';
    const data = parse(front) as { id?: string; solution?: string };
    if (data.id === id && data.solution) return data.solution;
  }
  throw new Error(`no solution found for ${id}`);
}

test('a placement check: solve one diagnostic, skip the rest, and the solved one is done', async () => {
  await page.evaluate(() => (location.hash = '#/learn/python'));
  await page.getByTestId('placement-start').click();
  await page.getByTestId('placement-step').filter({ hasText: 'Exercise 1 of' }).waitFor();
  const first = (await page.locator('[data-exercise]').getAttribute('data-exercise')) ?? '';
  await page.locator('.runtime-state', { hasText: /^Ready$/ }).waitFor({ timeout: 90_000 });

  await pasteCode(page, app, solutionOf(first));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // The first diagnostic may be checked by tests or, for a print-only exercise, by its output.
  await page
    .locator('.results-summary', {
      hasText: /^(All \d+ tests pass\.|Your program prints exactly the right output\.)$/,
    })
    .waitFor();
  await screenshot(page, 'placement-en');
  await page.getByRole('button', { name: 'Solved — next exercise' }).click();

  for (;;) {
    const skip = page.getByRole('button', { name: "Skip: I don't know this yet" });
    if ((await page.getByTestId('placement-done').count()) > 0) break;
    await skip.click();
  }
  // The placement is saved after the last answer; the box says so once it is. Skipped questions
  // are no evidence, so only what the solved diagnostic implies may have been updated.
  await expect
    .poll(() => page.getByTestId('placement-done').textContent())
    .toMatch(/you solved 1 of \d+, and \d+ concepts were updated/);

  await page.getByRole('link', { name: 'Go to the track' }).click();
  await page.locator(`[data-lesson="${first}"][data-done="true"]`).waitFor();
});
