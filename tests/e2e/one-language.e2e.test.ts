/**
 * Packs in one language, end to end: an English-only pack and a Chinese-only pack install; a
 * learner whose interface is in the language the pack lacks reads the lesson in the pack's own
 * language, with a notice saying so; in the pack's language there is no notice. Screenshots of
 * the notice in both languages go to /tmp/shots15g/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';
import { ROOT, callApi, openPage, resetSettings, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
const SHOTS = '/tmp/shots15g';

async function install(folder: string) {
  const result = await callApi<{ ok: boolean }>(app, 'installPack', {
    source: { kind: 'path', path: path.join(ROOT, 'tests/fixtures/packs', folder) },
  });
  expect(result.ok).toBe(true);
}

async function lesson(page: Page, language: 'en' | 'zh', trackId: string, exerciseId: string) {
  await callApi(app, 'updateSettings', { language, theme: 'light', editorFontSize: 14 });
  await page.goto(`${app.url}/#/learn/${trackId}/${exerciseId}`);
  await page.reload();
  await page.locator('.lesson-body').waitFor();
}

beforeAll(async () => {
  await resetSettings(app);
  await install('english-only-python');
  await install('chinese-only-python');
});

describe('a pack in one language', () => {
  let page: Page;

  test('an English-only lesson reads in English for a Chinese interface, with the notice in Chinese', async () => {
    page = await openPage(browser, app.launchUrl);
    await lesson(page, 'zh', 'english-only-python', 'what-print-does');
    expect(await page.locator('h1').innerText()).toContain('What print does');
    expect(await page.locator('.lesson-body').innerText()).toContain('shows a value on the screen');
    expect(await page.getByTestId('one-language-notice').innerText()).toBe(zh.lesson.onlyInEnglish);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'one-language-english-pack-zh.png') });

    await lesson(page, 'en', 'english-only-python', 'what-print-does');
    expect(await page.getByTestId('one-language-notice').count()).toBe(0);
  });

  test('a Chinese-only lesson reads in Chinese for an English interface, with the notice in English', async () => {
    await lesson(page, 'en', 'chinese-only-python', 'what-print-does');
    expect(await page.locator('h1').innerText()).toContain('print 做什么');
    expect(await page.locator('.lesson-body').innerText()).toContain('单独占一行');
    expect(await page.getByTestId('one-language-notice').innerText()).toBe(en.lesson.onlyInChinese);
    await page.screenshot({ path: path.join(SHOTS, 'one-language-chinese-pack-en.png') });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await resetSettings(app);
  });
});
