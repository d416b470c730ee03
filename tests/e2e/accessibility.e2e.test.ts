/**
 * Every top-level page passes axe-core (WCAG 2 A and AA rules, colour contrast included) with no
 * serious or critical violation, in English and Chinese, light and dark (issue 13, decision 0045).
 * axe-core's own bundle is evaluated in the page; a failure lists each rule, where, and its help.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { audit, describeFindings } from './axe.ts';
import { callApi, openPage, screenshot, typeCode, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();

/** The pages a learner reaches from the navigation, plus a track and a lesson with the editor. */
const PAGES: { name: string; hash: string; ready: (p: Page) => Promise<void> }[] = [
  { name: 'learn', hash: '#/learn', ready: heading },
  { name: 'track', hash: '#/learn/python', ready: heading },
  {
    name: 'lesson',
    hash: '#/learn/python/print-hello',
    ready: async (p) => {
      await heading(p);
      await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
      // Samples in the prose are coloured by Monaco after it loads; audit the coloured ones.
      await p.locator('.markdown pre code[data-lang] span[class^="mtk"]').first().waitFor();
    },
  },
  { name: 'practice', hash: '#/practice', ready: heading },
  { name: 'progress', hash: '#/progress', ready: heading },
  { name: 'teacher', hash: '#/teacher', ready: heading },
  { name: 'settings', hash: '#/settings', ready: heading },
  { name: 'about', hash: '#/about', ready: heading },
];

async function heading(p: Page): Promise<void> {
  await p.getByRole('heading', { level: 1 }).first().waitFor();
}

let page: Page;
beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.locator('.app-frame').waitFor();
});

describe('axe-core on every page', () => {
  for (const language of ['en', 'zh'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`no serious or critical violation, ${language}, ${theme}`, { timeout: 240_000 }, async () => {
        await callApi(app, 'updateSettings', { language, theme, editorFontSize: 14 });
        await page.reload();
        await page.locator('.app-frame').waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const problems: string[] = [];
        for (const target of PAGES) {
          await page.evaluate((h) => (location.hash = h), target.hash);
          await target.ready(page);
          // Before the audit: axe scrolls elements into view to measure their colours.
          await screenshot(page, `a11y-${target.name}-${language}-${theme}`);
          problems.push(...describeFindings(`${target.name} ${language} ${theme}`, await audit(page)));
        }
        if (problems.length > 0) console.log(problems.join('\n'));
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('the editor and the lesson samples follow the theme', () => {
  test('a theme switch while the lesson is open turns the editor and the samples dark', async () => {
    await callApi(app, 'updateSettings', { language: 'en', theme: 'system', editorFontSize: 14 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await page.evaluate(() => (location.hash = '#/learn/python/print-hello'));
    await PAGES.find((p) => p.name === 'lesson')!.ready(page);
    const editorBackground = () =>
      page
        .locator('.code-editor .monaco-editor-background')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
    const sampleColour = () =>
      page
        .locator('.markdown pre code[data-lang] span[class^="mtk"]')
        .first()
        .evaluate((e) => getComputedStyle(e).color);
    expect(await editorBackground()).toBe('rgb(255, 255, 254)'); // vs's #fffffe;
    const lightSample = await sampleColour();
    // The operating system goes dark; the app follows it, and so must Monaco, without a reload.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(editorBackground).toBe('rgb(30, 30, 30)');
    expect(await sampleColour()).not.toBe(lightSample);
  });
});

describe('axe-core on the lesson after a failing Check', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`results of a wrong answer, ${theme}`, { timeout: 180_000 }, async () => {
      await callApi(app, 'updateSettings', { language: 'en', theme, editorFontSize: 14 });
      await page.reload();
      await page.evaluate(() => (location.hash = '#/learn/python/print-hello'));
      await PAGES.find((p) => p.name === 'lesson')!.ready(page);
      await page.locator('.runtime-state', { hasText: /^Ready$/ }).waitFor({ timeout: 90_000 });
      await typeCode(page, 'print("Hello World")\n');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('.results-summary').waitFor({ timeout: 60_000 });
      await screenshot(page, `a11y-lesson-results-en-${theme}`);
      const problems = describeFindings(`lesson results en ${theme}`, await audit(page));
      if (problems.length > 0) console.log(problems.join('\n'));
      expect(problems).toEqual([]);
    });
  }
});
