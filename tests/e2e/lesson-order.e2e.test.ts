/**
 * Lessons in the order people learn (decision 0043), in real Chromium: the track overview puts the
 * functions unit after the units whose exercises are programs, a program that reads its input
 * passes only when it works for every case, not for the one shown in the prose, and a teacher who
 * adds a pack whose lesson uses what a later one teaches gets it installed, with that warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, openPage, ROOT, SCREENSHOTS, screenshot, typeCode, useAppAndBrowser } from './harness.ts';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';
import enPacks from '../../shared/i18n/locales/en/packs.json';
import zhPacks from '../../shared/i18n/locales/zh/packs.json';

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, track: string, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

describe('the Python track in the order people learn', () => {
  test('the overview lists the print-only units before functions, and functions before loops', async () => {
    await page.evaluate(() => (location.hash = '#/learn/python'));
    await page.locator('[data-lesson="greet-input"]').first().waitFor();
    const lessons = await page
      .locator('[data-lesson]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-lesson')));
    const at = (id: string) => lessons.indexOf(id);
    expect(at('greet-input')).toBeGreaterThan(at('print-sum'));
    expect(at('letter-grade')).toBeLessThan(at('functions-intro'));
    expect(at('hello-world')).toBeGreaterThan(at('functions-intro'));
    expect(at('functions-intro')).toBeLessThan(at('loops-intro'));
  });

  test.each([
    ['en', en],
    ['zh', zh],
  ] as const)(
    'greet-input: printing the example fails the other cases; reading the name passes (%s)',
    async (lang, catalog) => {
      await callApi(app, 'updateSettings', { language: lang, theme: 'light', editorFontSize: 14 });
      await page.reload();
      await page.locator('.app-frame').waitFor();
      await page.setViewportSize({ width: 1024, height: 640 });
      await openLesson(page, 'python', 'greet-input');
      const check = page.getByRole('button', { name: catalog.runner.check, exact: true });

      await typeCode(page, 'name = input()\nprint("Hello, Ada!")\n');
      await check.click();
      await page.locator('.results-summary', { hasText: catalog.runner.output.someDiffer }).waitFor();
      await expect(page.locator('.results').textContent()).resolves.toContain('Hello, Grace Hopper!');
      await screenshot(page, `lesson-order-greet-input-hardcoded-${lang}`);

      await typeCode(page, 'name = input()\nprint("Hello, " + name + "!")\n');
      await check.click();
      await page.locator('.results-summary', { hasText: catalog.runner.output.allMatch }).waitFor();
      await page.getByTestId('success').waitFor();
      const shown = (await page.locator('.results').textContent()) ?? '';
      expect(shown).not.toMatch(/ImportError|NameError|_test\.py|import/);
    },
  );
});

describe('the JavaScript track in the order people learn', () => {
  test('js-greet-input reads its line with prompt() and passes by its output', async () => {
    await callApi(app, 'updateSettings', { language: 'en', theme: 'light', editorFontSize: 14 });
    await page.reload();
    await page.locator('.app-frame').waitFor();
    await openLesson(page, 'javascript', 'js-greet-input');
    await typeCode(page, "const name = prompt();\nconsole.log('Hello, ' + name + '!');\n");
    await page.getByRole('button', { name: en.runner.check, exact: true }).click();
    // Each case starts a fresh QuickJS sandbox in the page; a busy machine takes its time.
    await page
      .locator('.results-summary', { hasText: en.runner.output.allMatch })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('success').waitFor();
  });
});

describe('a pack that teaches out of order', () => {
  test.each([
    ['en', enPacks],
    ['zh', zhPacks],
  ] as const)(
    'is added, and Settings lists each construct with its file, line and concept (%s)',
    async (lang, catalog) => {
      await callApi(app, 'updateSettings', { language: lang, theme: 'light', editorFontSize: 14 });
      await page.reload();
      await page.locator('.app-frame').waitFor();
      await page.evaluate(() => (location.hash = '#/settings'));
      const section = page.getByRole('group', { name: catalog.packs.title });
      await section.waitFor();
      await page
        .getByLabel(catalog.packs.pathLabel)
        .fill(path.join(ROOT, 'tests/fixtures/packs/out-of-order-python'));
      await page.getByRole('button', { name: catalog.packs.addPath, exact: true }).click();

      const warnings = page.getByTestId('pack-warnings');
      await warnings.waitFor({ timeout: 90_000 });
      const status = (await page.getByTestId('pack-status').textContent()) ?? '';
      expect(status).toContain(lang === 'en' ? 'Added “Fixture lesson order”' : '已添加“测试用课程顺序”');
      const text = await warnings.innerText();
      expect(text).toContain(catalog.packs.warned.replace('{{count}}', '2'));
      expect(text).toContain('lessons/shout-twice.md:11');
      // Worded by the catalog in the interface's language (packs.problem.uses-later).
      expect(text).toContain(
        lang === 'en'
          ? 'uses a function definition (`def`), introduced by the concept "functions"'
          : '用到了 `def`，它属于概念“functions”',
      );
      expect(text).toContain('lessons/shout-twice.md:13');
      expect(await page.getByTestId('pack-errors').count()).toBe(0);

      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: path.join(SCREENSHOTS, `lesson-order-pack-warnings-${lang}.png`) });
    },
  );
});
