/**
 * The editor is dark whenever the app is (issue 13, item 8), whatever way the page got there:
 * a lesson opened in dark mode, a move to another lesson, a theme switch with the lesson open,
 * and a switch to a learner whose theme is dark. Read from Monaco's own background, as a person
 * sees it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { callApi, openPage, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();

/** Monaco's editor.background in lantern-dark (vs-dark's #1e1e1e) and lantern-light (vs's #fffffe). */
const DARK = 'rgb(30, 30, 30)';
const LIGHT = 'rgb(255, 255, 254)';

async function editorBackground(page: Page): Promise<string> {
  return page
    .locator('.code-editor .monaco-editor-background')
    .first()
    .evaluate((e) => getComputedStyle(e).backgroundColor);
}

/** Opens a lesson by its address and waits for its Monaco editor. */
async function openLesson(page: Page, exerciseId: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), `#/learn/python/${exerciseId}`);
  await page.locator(`.code-editor .monaco-editor`).first().waitFor({ timeout: 60_000 });
}

/** The page's theme and its editor's, once the editor has one. */
async function expectEditor(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  await expect.poll(() => editorBackground(page)).toBe(theme === 'dark' ? DARK : LIGHT);
}

let page: Page;
beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.locator('.app-frame').waitFor();
});

describe('the editor follows the dark theme', () => {
  test('a lesson opened in dark mode has a dark editor', { timeout: 120_000 }, async () => {
    await callApi(app, 'updateSettings', { language: 'en', theme: 'dark', editorFontSize: 14 });
    await page.evaluate(() => (location.hash = '#/learn/python/print-hello'));
    await page.reload();
    await page.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await expectEditor(page, 'dark');
    await screenshot(page, 'editor-theme-dark-opened');
  });

  test('moving between lessons keeps the editor dark', { timeout: 120_000 }, async () => {
    for (const id of ['print-two-lines', 'print-sum', 'parsons-full-name', 'print-card', 'print-hello']) {
      await page.evaluate((h) => (location.hash = h), `#/learn/python/${id}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (id.startsWith('parsons')) {
        await page.getByTestId('parsons').waitFor();
        continue;
      }
      await openLesson(page, id);
      await expectEditor(page, 'dark');
    }
    // With the Next link, as a learner moves on.
    await page.getByRole('link', { name: /Next/ }).last().click();
    await page.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await expectEditor(page, 'dark');
  });

  test('switching the theme with a lesson open turns the editor at once', { timeout: 120_000 }, async () => {
    await openLesson(page, 'print-hello');
    for (const theme of ['light', 'dark', 'light', 'dark'] as const) {
      await callApi(app, 'updateSettings', { theme });
      await expectEditor(page, theme);
    }
    // And from the Settings page, then back to the lesson.
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByTestId('setting-theme').selectOption('light');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByTestId('setting-theme').selectOption('dark');
    await openLesson(page, 'print-two-lines');
    await expectEditor(page, 'dark');
  });

  test('switching to a learner whose theme is dark turns the editor dark', { timeout: 120_000 }, async () => {
    const { currentId: first } = await callApi<{ currentId: number }>(app, 'listProfiles', {});
    await callApi(app, 'updateSettings', { theme: 'light' });
    const dark = await callApi<{ id: number }>(app, 'createProfile', { name: 'Dara', switchTo: true });
    await callApi(app, 'updateSettings', { theme: 'dark' });
    await callApi(app, 'switchProfile', { id: first });
    await openLesson(page, 'print-hello');
    await expectEditor(page, 'light');
    for (const [id, theme] of [
      [dark.id, 'dark'],
      [first, 'light'],
      [dark.id, 'dark'],
    ] as const) {
      await callApi(app, 'switchProfile', { id });
      // The lesson page remounts for the new learner, with a new editor.
      await page.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
      await expectEditor(page, theme);
    }
    await screenshot(page, 'editor-theme-dark-after-switch');
  });
});
