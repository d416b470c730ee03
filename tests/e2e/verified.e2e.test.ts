/**
 * The backend decides a result, in real Chromium against web mode: a pass forged through the
 * API is not recorded as passing (the lesson, the track and the Progress page all say not done);
 * a real pass typed in the editor is; and when the page's own result and the backend's differ,
 * the page shows what the backend found and records no success.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/verdict.json';
import zh from '../../shared/i18n/locales/zh/verdict.json';
import en_progress from '../../shared/i18n/locales/en/progress.json';
import {
  authoredExercise,
  callApi,
  openPage,
  pasteCode,
  screenshot,
  typeCode,
  useAppAndBrowser,
} from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, track: string, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 90_000 });
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

/** The Progress page's count of solved exercises. */
async function solvedOnProgressPage(p: Page): Promise<string> {
  await p.evaluate(() => (location.hash = '#/progress'));
  await p.getByRole('heading', { level: 1 }).waitFor();
  // A learner with no solved exercise sees the empty dashboard instead of the counts.
  await p.locator('[data-testid="stat-solved"], [data-testid="progress-empty"]').first().waitFor();
  if (await p.getByTestId('progress-empty').count()) return '0';
  return p.getByTestId('stat-solved').innerText();
}

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

describe('who decides a result', () => {
  test('a forged pass sent through the API (code `pass`, status pass) is not recorded as passing', async () => {
    const recorded = await callApi<{ completed: boolean; verdict: { status: string; agreed: boolean } }>(
      app,
      'recordAttempt',
      {
        trackId: 'python',
        exerciseId: 'average-of-three',
        kind: 'check',
        code: 'pass',
        status: 'pass',
        testsPassed: 4,
        testsTotal: 4,
      },
    );
    expect(recorded.completed).toBe(false);
    expect(recorded.verdict).toMatchObject({ agreed: false });
    expect(recorded.verdict.status).not.toBe('pass');

    await page.evaluate(() => (location.hash = '#/learn/python'));
    await page.locator('[data-lesson="average-of-three"]').waitFor();
    expect(await page.locator('[data-lesson="average-of-three"]').getAttribute('data-done')).toBe('false');
    await openLesson(page, 'python', 'average-of-three');
    expect(await page.getByTestId('done-badge').count()).toBe(0);
    expect(await page.getByTestId('success').count()).toBe(0);
    expect(await solvedOnProgressPage(page)).toBe('0');
  });

  test('when the page says pass and the backend does not, the page shows what the backend found', async () => {
    await openLesson(page, 'python', 'average-of-three');
    const { solution } = await authoredExercise('python', 'average-of-three');
    // A page whose own result cannot be trusted: it reports the code it ran as `pass`.
    await page.route('**/api/call/recordAttempt', (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { kind: string; code: string };
      return route.continue({
        postData: JSON.stringify(body.kind === 'check' ? { ...body, code: 'pass' } : body),
      });
    });
    try {
      await typeCode(page, solution!);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.locator('.results-summary', { hasText: 'All 4 tests pass.' }).waitFor();
      const notice = page.getByTestId('verdict-notice');
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toContain(en.verdict.label);
      expect(text).toContain(en.verdict.failures);
      expect(await notice.getAttribute('data-status')).not.toBe('pass');
      expect(await page.getByTestId('success').count()).toBe(0);
      expect(await page.getByTestId('done-badge').count()).toBe(0);
      await screenshot(page, 'verdict-disagrees-en');
    } finally {
      await page.unroute('**/api/call/recordAttempt');
    }
  });

  test('a real pass typed in the editor is recorded as passing', async () => {
    await page.reload();
    await openLesson(page, 'python', 'average-of-three');
    await typeCode(page, 'def average(a, b, c):\n    return round((a + b + c) / 3, 1)\n');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.results-summary', { hasText: 'All 4 tests pass.' }).waitFor();
    await page.getByTestId('success').waitFor();
    await page.getByTestId('done-badge').waitFor();
    expect(await page.getByTestId('verdict-notice').count()).toBe(0);
    await screenshot(page, 'verdict-real-pass-en');

    const state = await callApi<{ completed: boolean }>(app, 'getLessonState', {
      trackId: 'python',
      exerciseId: 'average-of-three',
    });
    expect(state.completed).toBe(true);
    await page.evaluate(() => (location.hash = '#/learn/python'));
    await page.locator('[data-lesson="average-of-three"][data-done="true"]').waitFor();
    expect(await solvedOnProgressPage(page)).toBe('1');
    expect(await page.getByText(en_progress.dashboard.solved).count()).toBeGreaterThan(0);
  });

  test('the backend verdict reads in Chinese too', async () => {
    await callApi(app, 'updateSettings', { language: 'zh' });
    try {
      const zhPage = await openPage(browser, app.launchUrl, 'zh-CN');
      await zhPage.locator('.sidebar .nav-link').first().waitFor();
      await openLesson(zhPage, 'python', 'clamp');
      await zhPage.route('**/api/call/recordAttempt', (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as { kind: string };
        return route.continue({
          postData: JSON.stringify(body.kind === 'check' ? { ...body, code: 'pass' } : body),
        });
      });
      const { solution } = await authoredExercise('python', 'clamp');
      await pasteCode(zhPage, app, solution!);
      await zhPage.getByRole('button', { name: '检查' }).click();
      await zhPage.locator('.results-summary').waitFor();
      const notice = zhPage.getByTestId('verdict-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toContain(zh.verdict.label);
      await screenshot(zhPage, 'verdict-disagrees-zh');
      await zhPage.context().close();
    } finally {
      await callApi(app, 'updateSettings', { language: 'en' });
    }
  });
});
