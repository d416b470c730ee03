/**
 * TypeScript for real (issue 13, item 10; decision 0048), in real Chromium against web mode: the
 * TypeScript track is on Learn after JavaScript; a type error is marked in the editor as the
 * learner types, and Check stops at it (the compiler's message on the learner's line, in plain
 * words in the interface's language), runs no test and records no pass; the fixed code passes.
 * A pass claimed through the API for code that does not type-check is not recorded: the backend
 * checks the types itself. Screenshots in both languages and themes, small and large windows.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';
import { ERROR_EXPLANATIONS } from '../../shared/runner/explain.ts';
import { authoredExercise, callApi, openPage, pasteCode, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/typescript/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 90_000 });
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

async function settings(language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  await callApi(app, 'updateSettings', { language, theme, editorFontSize: 14 });
  await page.reload();
  await page.locator('.app-frame').waitFor();
}

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

describe('the TypeScript track', () => {
  test('is on Learn after JavaScript, and opens with its first lessons', async () => {
    await settings('en', 'light');
    await page.evaluate(() => (location.hash = '#/learn'));
    const cards = page.locator('[data-track]');
    await cards.first().waitFor();
    const tracks = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-track')));
    expect(tracks.indexOf('typescript')).toBeGreaterThan(tracks.indexOf('javascript'));
    await page.evaluate(() => (location.hash = '#/learn/typescript'));
    await page.locator('[data-lesson="ts-rectangle-area"]').waitFor();
    expect(await page.locator('[data-lesson]').count()).toBeGreaterThanOrEqual(13);
  });

  test.each([
    ['en', en, 'light'],
    ['zh', zh, 'dark'],
  ] as const)(
    'a type error is marked as typed, stops Check on its line, and the fix passes (%s)',
    async (lang, catalog, theme) => {
      // Each language starts from a learner who has not solved the lesson yet.
      await callApi(app, 'createProfile', { name: `TypeScript ${lang}`, switchTo: true });
      await settings(lang, theme);
      await page.setViewportSize({ width: 1024, height: 640 });
      await openLesson(page, 'ts-greeting');
      // The starter's wrong type is underlined before anything runs.
      await page.locator('.code-editor .squiggly-error').first().waitFor({ timeout: 60_000 });

      await page.getByRole('button', { name: catalog.runner.check, exact: true }).click();
      const box = page.locator('.error-box');
      await box.waitFor();
      expect(await box.locator('.error-title').innerText()).toBe(
        "TypeScript: Type 'string' is not assignable to type 'boolean'. (TS2322)",
      );
      expect(await box.locator('.error-explain').innerText()).toBe(
        ERROR_EXPLANATIONS[lang].javascript.TypeScript,
      );
      expect(await box.locator('.error-where').innerText()).toContain('greeting.ts');
      expect(await box.locator('.error-where').innerText()).toContain('2');
      expect(await page.getByTestId('success').count()).toBe(0);
      expect(await page.getByTestId('done-badge').count()).toBe(0);
      await screenshot(page, `typescript-type-error-${lang}-${theme}-1024`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, `typescript-type-error-${lang}-${theme}-1920`);

      const { solution } = await authoredExercise('typescript', 'ts-greeting');
      await pasteCode(page, app, solution!);
      await page.getByRole('button', { name: catalog.runner.check, exact: true }).click();
      await page.getByTestId('success').waitFor();
      await page.getByTestId('done-badge').waitFor();
    },
  );

  test('a pass claimed through the API for code that does not type-check is not recorded', async () => {
    const { starter } = await authoredExercise('typescript', 'ts-rectangle-area');
    const recorded = await callApi<{ completed: boolean; verdict: { status: string; agreed: boolean } }>(
      app,
      'recordAttempt',
      {
        trackId: 'typescript',
        exerciseId: 'ts-rectangle-area',
        kind: 'check',
        // Right at run time, wrong in its types: the parameters have none.
        code: starter.replace('return 0;', 'return width * height;'),
        status: 'pass',
        testsPassed: 3,
        testsTotal: 3,
      },
    );
    expect(recorded.completed).toBe(false);
    expect(recorded.verdict).toMatchObject({ status: 'error', agreed: false });
  });
});
