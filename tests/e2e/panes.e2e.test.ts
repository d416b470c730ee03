/**
 * The lesson page's resizable panes (decision 0047), in real Chromium against web mode: the prose
 * beside the work and the editor above the console and results are divided by separators that a
 * learner moves with the keyboard or drags with the mouse; the sizes are the learner's and come
 * back after a reload; no pane shrinks below a usable size from 1024×640 to 2560×1440; and at
 * 1024×640 a failing test's expected and actual values show without scrolling the results.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { callApi, openPage, screenshot, typeCode, useAppAndBrowser } from './harness.ts';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';
import appEn from '../../shared/i18n/locales/en/app.json';
import appZh from '../../shared/i18n/locales/zh/app.json';
import type { Settings } from '../../shared/api/contract.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

const CATALOG = { en, zh } as const;
const APP = { en: appEn, zh: appZh } as const;
const proseSeparator = (p: Page, lang: 'en' | 'zh' = 'en') =>
  p.getByRole('separator', { name: APP[lang].panes.proseWork });
const editorSeparator = (p: Page, lang: 'en' | 'zh' = 'en') =>
  p.getByRole('separator', { name: APP[lang].panes.editorOutput });

async function openLesson(p: Page, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/python/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

async function useSettings(patch: Partial<Settings>): Promise<void> {
  await callApi(app, 'updateSettings', patch);
  await page.reload();
  await page.locator('.app-frame').waitFor();
}

const valueNow = async (separator: Locator) => Number(await separator.getAttribute('aria-valuenow'));
const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
const savedLayout = async () => (await callApi<Settings>(app, 'getSettings', {})).lessonLayout;

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.locator('.app-frame').waitFor();
});

describe('the lesson page’s panes', () => {
  test('each separator says what it divides and where it stands', async () => {
    await useSettings({ language: 'en', theme: 'light' });
    await page.setViewportSize({ width: 1024, height: 640 });
    await openLesson(page, 'greet-by-name');
    for (const separator of [proseSeparator(page), editorSeparator(page)]) {
      expect(await separator.getAttribute('tabindex')).toBe('0');
      const [now, min, max] = await Promise.all(
        ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'].map(async (a) =>
          Number(await separator.getAttribute(a)),
        ),
      );
      expect(min).toBeGreaterThan(0);
      expect(max).toBeLessThan(100);
      expect(now).toBeGreaterThanOrEqual(min!);
      expect(now).toBeLessThanOrEqual(max!);
    }
    expect(await proseSeparator(page).getAttribute('aria-orientation')).toBe('vertical');
    expect(await editorSeparator(page).getAttribute('aria-orientation')).toBe('horizontal');
  });

  test('the keyboard reaches the separator after the prose and moves it with the arrow keys', async () => {
    await useSettings({ lessonLayout: { prose: 38, editor: 50 } });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openLesson(page, 'greet-by-name');
    // The last link of the prose, then Tab: the separator is next in the reading order.
    await page.locator('.lesson-nav a').last().focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => proseSeparator(page).evaluate((e) => e === document.activeElement)).toBe(true);

    const proseBefore = (await box('.lesson-prose')).width;
    const before = await valueNow(proseSeparator(page));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => valueNow(proseSeparator(page))).toBeCloseTo(before + 10, 0);
    expect((await box('.lesson-prose')).width).toBeGreaterThan(proseBefore + 60);
    await screenshot(page, 'panes-separator-focused-en-light');

    await editorSeparator(page).focus();
    const editorBefore = await valueNow(editorSeparator(page));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => valueNow(editorSeparator(page))).toBeCloseTo(editorBefore - 5, 0);

    // The learner's sizes are saved with their settings, and a reload brings them back.
    await expect.poll(savedLayout).toEqual({ prose: before + 10, editor: editorBefore - 5 });
    await page.reload();
    await openLesson(page, 'greet-by-name');
    expect(await valueNow(proseSeparator(page))).toBeCloseTo(before + 10, 0);
    expect(await valueNow(editorSeparator(page))).toBeCloseTo(editorBefore - 5, 0);
  });

  test('dragging a separator with the mouse resizes the panes, and a reload keeps the sizes', async () => {
    await useSettings({ lessonLayout: { prose: 38, editor: 50 } });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openLesson(page, 'greet-by-name');
    const drag = async (separator: Locator, dx: number, dy: number) => {
      const b = (await separator.boundingBox())!;
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width / 2 + dx / 2, b.y + b.height / 2 + dy / 2, { steps: 4 });
      await page.mouse.move(b.x + b.width / 2 + dx, b.y + b.height / 2 + dy, { steps: 4 });
      await page.mouse.up();
    };
    const editorHeight = (await box('.pane-editor')).height;
    const proseWidth = (await box('.lesson-prose')).width;
    await drag(editorSeparator(page), 0, -120);
    await drag(proseSeparator(page), -100, 0);
    await expect.poll(async () => (await box('.pane-editor')).height).toBeLessThan(editorHeight - 100);
    expect((await box('.lesson-prose')).width).toBeLessThan(proseWidth - 80);
    const layout = {
      prose: await valueNow(proseSeparator(page)),
      editor: await valueNow(editorSeparator(page)),
    };
    await expect
      .poll(async () => {
        const saved = await savedLayout();
        return [Math.round(saved.prose), Math.round(saved.editor)];
      })
      .toEqual([Math.round(layout.prose), Math.round(layout.editor)]);

    await page.reload();
    await openLesson(page, 'greet-by-name');
    expect(await valueNow(proseSeparator(page))).toBeCloseTo(layout.prose, 0);
    expect(await valueNow(editorSeparator(page))).toBeCloseTo(layout.editor, 0);
    expect((await box('.pane-editor')).height).toBeLessThan(editorHeight - 100);
  });

  for (const size of [
    { width: 1024, height: 640 },
    { width: 2560, height: 1440 },
  ])
    test(`no pane collapses at ${size.width}×${size.height}, whichever way a separator is pushed`, async () => {
      await useSettings({ lessonLayout: { prose: 38, editor: 50 } });
      await page.setViewportSize(size);
      await openLesson(page, 'greet-by-name');
      const sizes = async () => ({
        prose: (await box('.lesson-prose')).width,
        work: (await box('.lesson-work')).width,
        editor: (await box('.pane-editor')).height,
        output: (await box('.pane-output')).height,
      });
      await proseSeparator(page).focus();
      await page.keyboard.press('Home');
      await editorSeparator(page).focus();
      await page.keyboard.press('Home');
      const small = await sizes();
      expect(small.prose).toBeGreaterThanOrEqual(239);
      expect(small.editor).toBeGreaterThanOrEqual(119);
      await proseSeparator(page).focus();
      await page.keyboard.press('End');
      await editorSeparator(page).focus();
      await page.keyboard.press('End');
      const large = await sizes();
      expect(large.work).toBeGreaterThanOrEqual(439);
      expect(large.output).toBeGreaterThanOrEqual(159);
      // The page itself never scrolls sideways: the panes share the width there is.
      expect(await page.evaluate(() => document.querySelector('main')!.scrollWidth <= innerWidth)).toBe(true);
    });
});

describe('a failing test at 1024×640', () => {
  for (const lang of ['en', 'zh'] as const)
    for (const theme of ['light', 'dark'] as const)
      test(`shows its expected and actual values without scrolling the results (${lang}, ${theme})`, async () => {
        await useSettings({ language: lang, theme, lessonLayout: { prose: 38, editor: 50 } });
        await page.setViewportSize({ width: 1024, height: 640 });
        await openLesson(page, 'greet-by-name');
        await typeCode(page, 'def greeting(name):\n    return "Hello " + name\n');
        await page.getByRole('button', { name: CATALOG[lang].runner.check, exact: true }).click();
        await page.locator('.results-summary').waitFor({ timeout: 60_000 });
        const first = page.locator('.results .test').first();
        const results = page.locator('.pane-output .output-row');
        const inView = await results.evaluate(
          (scroller, labels) => {
            const view = scroller.getBoundingClientRect();
            const test = scroller.querySelector('.results .test')!;
            const shown = (e: Element) => {
              const r = e.getBoundingClientRect();
              return (
                r.height > 0 && r.top >= view.top - 1 && r.bottom <= Math.min(view.bottom, innerHeight) + 1
              );
            };
            return {
              scrolled: scroller.scrollTop,
              labels: [...test.querySelectorAll('.diff dt')].filter(shown).map((e) => e.textContent),
              values: [...test.querySelectorAll('.diff dd')].filter(shown).length,
              expected: labels,
            };
          },
          [CATALOG[lang].runner.expected, CATALOG[lang].runner.actual],
        );
        expect(inView.scrolled).toBe(0);
        expect(inView.labels).toEqual(inView.expected);
        expect(inView.values).toBe(2);
        await expect(first.textContent()).resolves.toContain("'Hello Ada'");
        await screenshot(page, `panes-failing-test-1024-${lang}-${theme}`);
        await page.setViewportSize({ width: 1920, height: 1080 });
        await screenshot(page, `panes-failing-test-1920-${lang}-${theme}`);
      });
});
