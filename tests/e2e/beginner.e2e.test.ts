/**
 * A complete beginner's first steps, in real Chromium against web mode: the first three Python
 * exercises solved with print alone (checked by their output, shown line by line) in English and
 * in Chinese; a program that waits for input() as long as the learner takes; a Run right after a
 * Check that timed out; a missing function explained in the learner's terms.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, openPage, screenshot, typeCode, useAppAndBrowser } from './harness.ts';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, track: string, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  // The first lesson loads the editor's code; on a busy machine that takes a while.
  await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

async function useSettings(language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  await callApi(app, 'updateSettings', { language, theme, editorFontSize: 14 });
  await page.reload();
  await page.locator('.app-frame').waitFor();
}

const FIRST_THREE = [
  {
    id: 'print-hello',
    wrong: 'print("Hello World")\n',
    right: 'print("Hello, World!")\n',
  },
  {
    id: 'print-two-lines',
    wrong: 'print("Roses are red,")\n',
    right: 'print("Roses are red,")\nprint("Violets are blue.")\n',
  },
  { id: 'print-sum', wrong: 'print("Hours in a week:")\n', right: 'print("Hours in a week:", 7 * 24)\n' },
];

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

describe.each([
  ['en', en],
  ['zh', zh],
] as const)('a beginner in %s solves the first three Python exercises with print only', (lang, catalog) => {
  test('each starts as a program to write, with no function to guess, and passes by its output', async () => {
    await useSettings(lang, 'light');
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.evaluate(() => (location.hash = '#/learn/python'));
    await page.locator('[data-lesson="print-hello"]').first().waitFor();
    for (const step of FIRST_THREE) {
      await openLesson(page, 'python', step.id);
      const check = page.getByRole('button', { name: catalog.runner.check, exact: true });
      // A first try that is not quite right (the second pass finds the first pass's draft).
      await typeCode(page, step.wrong);
      await check.click();
      await page.locator('.results-summary', { hasText: catalog.runner.output.someDiffer }).waitFor();
      await expect(page.locator('.output-diff tr[data-differs]').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('.output-diff thead').textContent()).resolves.toContain(
        catalog.runner.output.expected,
      );
      if (step.id === 'print-hello' || step.id === 'print-two-lines') {
        await page.locator('.output-diff').scrollIntoViewIfNeeded();
        await screenshot(page, `beginner-output-diff-${step.id}-${lang}-light`);
      }
      await typeCode(page, step.right);
      await check.click();
      await page.locator('.results-summary', { hasText: catalog.runner.output.allMatch }).waitFor();
      await page.getByTestId('success').waitFor();
      // Nothing in the result talks about modules, imports or tests the learner never saw.
      const shown = (await page.locator('.results').textContent()) ?? '';
      expect(shown).not.toMatch(/ImportError|NameError|_test\.py|import/);
    }
  });

  test('the line-by-line view in the dark theme', async () => {
    await useSettings(lang, 'dark');
    await openLesson(page, 'python', 'print-two-lines');
    await typeCode(page, 'print("Roses are red")\nprint("Violets are blue.")\nprint("Sugar is sweet")\n');
    await page.getByRole('button', { name: catalog.runner.check, exact: true }).click();
    await page.locator('.results-summary', { hasText: catalog.runner.output.someDiffer }).waitFor();
    // Line 1 differs (a comma), line 2 matches, line 3 has no expected line at all.
    const rows = page.locator('.output-diff tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(0).getAttribute('data-differs')).resolves.toBe('true');
    await expect(rows.nth(1).getAttribute('data-differs')).resolves.toBeNull();
    await expect(rows.nth(2).textContent()).resolves.toContain(catalog.runner.output.noLine);
    await page.locator('.output-diff').scrollIntoViewIfNeeded();
    await screenshot(page, `beginner-output-diff-${lang}-dark`);
  });
});

describe('input() like a terminal', () => {
  test('a program waits for its line as long as the learner takes, then prints it', async () => {
    // The page's clock becomes the test's (for the rest of this file: it keeps pace with the real
    // one until a test moves it). The exercise's time limit is kept by the page (the runner host).
    await page.clock.install();
    await useSettings('en', 'light');
    await openLesson(page, 'python', 'print-hello');
    await typeCode(page, 'name = input("Your name? ")\nprint("Hello,", name)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const field = page.getByLabel(en.runner.inputLabel);
    await field.waitFor();
    // The learner takes ten seconds to type: twice the exercise's 5-second limit. Every timer
    // the page set for those seconds fires now.
    await page.clock.runFor(10_500);
    await field.fill('Ada');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.console-output', { hasText: 'Hello, Ada' }).waitFor();
    // The run ends as a finished program: a timeout would switch to Results and say so.
    await page.locator('.runtime-state', { hasText: /^Ready$/ }).waitFor();
    await expect(page.getByRole('tab', { name: 'Console' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await expect(page.locator('.results-summary').count()).resolves.toBe(0);
  }, 60_000);

  test('a Run right after a Check that timed out reads input normally', async () => {
    await openLesson(page, 'python', 'print-hello');
    await typeCode(page, 'while True:\n    pass\n');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.results-summary', { hasText: en.runner.summary.timeout }).waitFor();
    await typeCode(page, 'line = input()\nprint("Got", line)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByLabel(en.runner.inputLabel).fill('Ada');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.console-output', { hasText: 'Got Ada' }).waitFor();
    expect(await page.locator('.tab-panel').textContent()).not.toContain('EOFError');
  }, 60_000);
});

describe('errors in code the learner did not write', () => {
  test.each([
    ['en', en, 'Your code needs a function called'],
    ['zh', zh, '你的代码需要一个名为'],
  ] as const)('a missing function is named with its parameters (%s)', async (lang, catalog, words) => {
    await useSettings(lang, 'light');
    await openLesson(page, 'python', 'greet-by-name');
    await typeCode(page, 'print("Hello, Ada!")\n');
    await page.getByRole('button', { name: catalog.runner.check, exact: true }).click();
    const box = page.locator('.error-box[data-code="missingFunction"]');
    await box.waitFor();
    await expect(box.locator('.error-title').textContent()).resolves.toContain(words);
    await expect(box.locator('.error-title code').textContent()).resolves.toBe('greeting(name)');
    // The import error is there for the curious, folded away, never the headline.
    await expect(box.locator('.error-title').textContent()).resolves.not.toContain('ImportError');
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, `beginner-missing-function-${lang}`);
  });
});
