/**
 * A beginner in Chromium who takes the placement check and answers every question "Skip: I don't
 * know this yet": the skips are no evidence, so Progress shows no figure anywhere, and Up next
 * and Practice start them at the track's own beginning and say why, in English and Chinese,
 * without quoting a percentage for anything they were never checked on.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/learner.json';
import zh from '../../shared/i18n/locales/zh/learner.json';
import { callApi, openPage, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);

async function setLanguage(language: 'en' | 'zh') {
  await callApi(app, 'updateSettings', { language });
  await page.reload();
  await page.locator(`html[lang^="${language}"]`).waitFor();
}

/** Up next on the Python track, after reading any explanation it offers (as "I have read this" does). */
async function upNext() {
  const card = page.getByTestId('up-next');
  const open = async () => {
    await go('#/learn');
    await page.locator('.track-card').first().waitFor();
    await go('#/learn/python');
    await card.waitFor();
  };
  await open();
  while ((await card.getAttribute('data-kind')) === 'lesson') {
    const href = (await page.getByTestId('continue').getAttribute('href')) ?? '';
    await callApi(app, 'markRead', { trackId: 'python', exerciseId: href.split('/').at(-1) });
    await open();
  }
  return {
    kind: await card.getAttribute('data-kind'),
    reason: (await page.getByTestId('up-next-reason').textContent()) ?? '',
  };
}

test('a beginner who skips every placement question starts at the beginning, with no figures', async () => {
  await go('#/learn/python');
  await page.getByTestId('placement-start').click();
  await page.getByTestId('placement-step').filter({ hasText: 'Exercise 1 of' }).waitFor();
  while ((await page.getByTestId('placement-done').count()) === 0)
    await page.getByRole('button', { name: "Skip: I don't know this yet" }).click();
  await expect.poll(() => page.getByTestId('placement-done').textContent()).toMatch(/you solved 0 of \d+/);

  // Progress: every concept not yet assessed, not one percentage.
  await go('#/progress');
  await page.locator('.mastery-table').first().waitFor();
  const cells = await page.locator('.mastery-table tbody tr td:first-of-type').allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  expect(new Set(cells)).toEqual(new Set([en.learner.notAssessed]));

  // Up next: the track's next exercise, because its concept is not yet assessed.
  const step = await upNext();
  expect(step.kind).toBe('exercise');
  expect(step.reason).toContain(en.learner.reason['next-in-track'].split('{{')[0]);
  expect(step.reason).not.toMatch(/%/);
  await screenshot(page, 'learner-model-skipped-placement-en');

  // Practice: the weak spots say why without a figure.
  await go('#/practice');
  await page.getByTestId('practice-track').selectOption('python');
  const spots = page.getByTestId('practice-weak-spots').locator('li');
  await spots.first().waitFor();
  for (const text of await spots.allTextContents()) expect(text).not.toMatch(/%/);

  await setLanguage('zh');
  const zhStep = await upNext();
  expect(zhStep.reason).toContain(zh.learner.reason['next-in-track'].split('{{')[0]);
  await screenshot(page, 'learner-model-skipped-placement-zh');
  await setLanguage('en');
});
