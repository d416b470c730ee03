/**
 * Parsons problems in real Chromium (issue 13, item 6; decision 0049): a learner solves one by
 * keyboard alone, in English (Python, with indentation) and in Chinese (JavaScript), every move
 * announced; a wrong order, dragged with the mouse, shows the failing test; and the step passes
 * axe-core in both languages and themes; the tutor's hint ladder is there as beside an exercise.
 * Screenshots at 1024×640 and 1920×1080.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { authoredExercise, callApi, openPage, screenshot, useAppAndBrowser } from './harness.ts';
import { solutionLines } from '../../shared/content/schema.ts';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';
import tutorEn from '../../shared/i18n/locales/en/tutor.json';
import tutorZh from '../../shared/i18n/locales/zh/tutor.json';

const { app, browser } = useAppAndBrowser();
const TUTOR = { en: tutorEn, zh: tutorZh } as const;
const CATALOG = { en, zh } as const;
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let page: Page;

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.locator('.app-frame').waitFor();
});

async function settings(language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  await callApi(app, 'updateSettings', { language, theme, editorFontSize: 14 });
  await page.reload();
  await page.locator('.app-frame').waitFor();
}

async function openParsons(track: string, lesson: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await page.getByTestId('parsons').waitFor({ timeout: 60_000 });
  await page.locator('.parsons .runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

/** The solution's lines, as the learner must place them: text and indentation level. */
async function answer(track: string, lesson: string): Promise<{ text: string; indent: number }[]> {
  const exercise = await authoredExercise(track, lesson);
  return solutionLines(exercise.solution!).map((line) => ({
    text: line.trim(),
    indent: Math.floor(/^ */.exec(line)![0].length / 4),
  }));
}

interface Focus {
  list: 'pool' | 'program' | null;
  text: string;
  tag: string;
}

const focus = (): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement;
    const list = el?.closest('.parsons-pool') ? 'pool' : el?.closest('.parsons-program') ? 'program' : null;
    return { list, text: el?.textContent ?? '', tag: el?.tagName ?? '' } as Focus;
  });

/** Presses Tab (Shift+Tab backwards) until the focus is where `where` says; Tab never gets stuck. */
async function tabUntil(where: (f: Focus) => boolean, back = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (where(await focus())) return;
  }
  throw new Error('Tab never reached the place it was looking for');
}

const announced = () => page.getByTestId('parsons-announce');

/** With the focus in the pool, moves it to the line `text` with the arrow keys and presses Enter. */
async function addByKeyboard(text: string): Promise<void> {
  const pool = await page.locator('.parsons-pool .parsons-line').allTextContents();
  const from = pool.indexOf((await focus()).text);
  const to = pool.indexOf(text);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < Math.abs(to - from); i++)
    await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  expect((await focus()).text).toBe(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => announced().textContent()).toContain(text);
}

/**
 * Solves the open step with the keyboard alone: Tab into the lines, Enter on each in order (the
 * first two swapped, then put right by picking one up and moving it), indent with →, Tab to Check.
 */
async function solveByKeyboard(lines: { text: string; indent: number }[], checkLabel: string) {
  await tabUntil((f) => f.list === 'pool');
  const order = [lines[1]!, lines[0]!, ...lines.slice(2)];
  for (const line of order) await addByKeyboard(line.text);

  // Into the program: its first line has the focus (one tab stop per list).
  await tabUntil((f) => f.list === 'program');
  expect((await focus()).text).toBe(lines[1]!.text);
  await page.keyboard.press('Space');
  await expect.poll(() => announced().textContent()).toMatch(/Picked up|已拿起/);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => announced().textContent()).toMatch(/is now line 2|现在是第 2 行/);
  await page.keyboard.press('Space');
  await expect.poll(() => announced().textContent()).toMatch(/Dropped|已把/);
  await expect(page.locator('.parsons-program .parsons-line').allTextContents()).resolves.toEqual(
    lines.map((l) => l.text),
  );

  // Indentation, line by line from the top.
  await page.keyboard.press('ArrowUp');
  for (const [i, line] of lines.entries()) {
    for (let n = 0; n < line.indent; n++) await page.keyboard.press('ArrowRight');
    if (i < lines.length - 1) await page.keyboard.press('ArrowDown');
  }
  await tabUntil((f) => f.tag === 'BUTTON' && f.text === checkLabel);
  await page.keyboard.press('Enter');
}

describe('a Parsons problem solved by keyboard alone', () => {
  test('in English: Python, with indentation', { timeout: 180_000 }, async () => {
    await settings('en', 'light');
    await page.setViewportSize({ width: 1024, height: 640 });
    await openParsons('python', 'parsons-ticket');
    const lines = await answer('python', 'parsons-ticket');
    const shown = await page.locator('.parsons-pool .parsons-line').allTextContents();
    expect(shown).toHaveLength(lines.length + 2);
    expect(shown.slice(0, lines.length)).not.toEqual(lines.map((l) => l.text));
    await screenshot(page, 'parsons-start-en-light-1024');

    await solveByKeyboard(lines, en.runner.check);
    await page.getByTestId('success').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('success').textContent()).resolves.toContain(en.lesson.solved);
    await expect(page.getByTestId('done-badge').isVisible()).resolves.toBe(true);
    // The distractors are still in the pool: the program left them out.
    await expect(page.locator('.parsons-pool .parsons-line').count()).resolves.toBe(2);
    await screenshot(page, 'parsons-solved-en-light-1024');
  });

  test('in Chinese: JavaScript, its lines indented by their braces', { timeout: 180_000 }, async () => {
    await settings('zh', 'dark');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openParsons('javascript', 'js-parsons-grade-function');
    await expect(page.locator('.parsons-keys').textContent()).resolves.toContain('按空格拿起一行');
    const lines = await answer('javascript', 'js-parsons-grade-function');
    await solveByKeyboard(lines, zh.runner.check);
    await page.getByTestId('success').waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('success').textContent()).resolves.toContain(zh.lesson.solved);
    await screenshot(page, 'parsons-solved-zh-dark-1920');
  });
});

describe('a wrong order', () => {
  test('dragged with the mouse, it shows the failing test', { timeout: 180_000 }, async () => {
    await settings('en', 'dark');
    await page.setViewportSize({ width: 1024, height: 640 });
    await openParsons('python', 'parsons-describe-score');
    const lines = await answer('python', 'parsons-describe-score');
    // The early return first: every score "did not pass".
    const wrong = [lines[0]!, lines[3]!, lines[1]!, lines[2]!];
    const program = page.getByTestId('parsons-program');
    for (const line of wrong) {
      const item = page.locator('.parsons-pool .parsons-line', { hasText: line.text }).first();
      const box = (await program.boundingBox())!;
      await item.dragTo(program, { targetPosition: { x: 12 + 28 * line.indent + 4, y: box.height - 6 } });
      await expect.poll(() => announced().textContent()).toContain(line.text);
    }
    await expect(page.locator('.parsons-program .parsons-line').allTextContents()).resolves.toEqual(
      wrong.map((l) => l.text),
    );
    await page.getByRole('button', { name: en.runner.check, exact: true }).click();
    const results = page.getByTestId('parsons-results');
    await results.locator('.test-fail').first().waitFor({ timeout: 60_000 });
    await expect(results.textContent()).resolves.toContain('test_a_pass');
    await expect(page.getByTestId('success').count()).resolves.toBe(0);
    await screenshot(page, 'parsons-wrong-order-en-dark-1024');
  });
});

describe('a TypeScript Parsons step', () => {
  for (const [language, theme, width, height] of [
    ['en', 'light', 1024, 640],
    ['zh', 'dark', 1920, 1080],
  ] as const)
    test(`a line the compiler refuses fails Check with its message, on that line (${language})`, async () => {
      await settings(language, theme);
      await page.setViewportSize({ width, height });
      await openParsons('typescript', 'ts-parsons-price-label');
      const reset = page.getByRole('button', { name: language === 'en' ? 'Start again' : '重新开始' });
      if (await reset.isEnabled()) await reset.click();
      const lines = await answer('typescript', 'ts-parsons-price-label');
      const untyped = 'export function priceLabel(item, cents) {';
      const pool = (text: string) => page.locator('.parsons-pool .parsons-line', { hasText: text }).first();
      // The untyped first line instead of the typed one; the rest in order.
      await pool(untyped).click();
      for (const line of lines.slice(1)) await pool(line.text).click();
      const check = page.getByRole('button', { name: CATALOG[language].runner.check, exact: true });
      await check.click();
      const results = page.getByTestId('parsons-results');
      await expect
        .poll(() => results.textContent(), { timeout: 90_000 })
        .toContain("implicitly has an 'any' type");
      expect(await page.locator('.parsons-program li.parsons-row').first().getAttribute('data-error')).toBe(
        'true',
      );
      await screenshot(page, `parsons-typescript-error-${language}-${theme}-${width}`);
      // The typed line in its place: the marks go, and the program passes.
      await page.locator('.parsons-program .parsons-line', { hasText: untyped }).focus();
      await page.keyboard.press('Delete');
      await pool(lines[0]!.text).click();
      await page.locator('.parsons-program .parsons-line').last().focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < lines.length - 1; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
      expect(await page.locator('.parsons-program [data-error]').count()).toBe(0);
      await expect(page.locator('.parsons-program .parsons-line').allTextContents()).resolves.toEqual(
        lines.map((l) => l.text),
      );
      await check.click();
      await page.getByTestId('success').waitFor({ timeout: 90_000 });
      await screenshot(page, `parsons-typescript-solved-${language}-${theme}-${width}`);
    });
});

describe('the tutor on a Parsons step', () => {
  for (const [language, track, lesson] of [
    ['en', 'javascript', 'js-parsons-pass-mark'],
    ['zh', 'python', 'parsons-ticket'],
  ] as const)
    test(`offers the step's own hints, one rung a click, then says there are no more, for lines (${language})`, async () => {
      await settings(language, language === 'en' ? 'light' : 'dark');
      await page.setViewportSize({ width: 1024, height: 640 });
      await openParsons(track, lesson);
      const words = TUTOR[language].tutor;
      const exercise = await authoredExercise(track, lesson);
      const panel = page.getByTestId('hint-panel');
      // No tutor model is set up here: the ladder is the step's authored hints, as offline.
      for (const [i, hint] of exercise.hints.entries()) {
        await panel.getByRole('button', { name: i === 0 ? words.getHint : words.nextHint }).click();
        await expect
          .poll(() => panel.getByTestId('hint-text').textContent())
          .toContain(hint[language].replace(/`/g, ''));
      }
      await panel.getByRole('button', { name: words.nextHint }).click();
      await panel.getByTestId('hint-status').waitFor();
      // Worded for arranging lines, not for writing and running code.
      const status = (await panel.getByTestId('hint-status').textContent()) ?? '';
      expect(status).toBe(words.parsons.noMoreHints.replace('{{steps}}', String(exercise.hints.length)));
      expect(status).not.toBe(words.noMoreHints.replace('{{steps}}', String(exercise.hints.length)));
      expect(status).toContain(language === 'en' ? 'wrong place' : '放错了位置');
      expect(status).not.toMatch(/run your code|运行代码/);
      await expect(panel.getByLabel(words.parsons.followUpLabel).getAttribute('placeholder')).resolves.toBe(
        words.parsons.followUpPlaceholder,
      );
      const state = await callApi<{ hintsShown: number }>(app, 'getLessonState', {
        trackId: track,
        exerciseId: lesson,
      });
      expect(state.hintsShown).toBe(exercise.hints.length);
      await screenshot(page, `parsons-hints-${language}-1024`);
    });
});

/** axe's serious and critical findings on the page as it is now. */
async function audit(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('axe-core on the Parsons step', () => {
  for (const language of ['en', 'zh'] as const)
    for (const theme of ['light', 'dark'] as const)
      test(`no serious or critical violation, ${language}, ${theme}`, { timeout: 120_000 }, async () => {
        await settings(language, theme);
        await page.setViewportSize({ width: 1920, height: 1080 });
        await openParsons('python', 'parsons-times-table');
        // The last run's arrangement is the learner's saved draft: start from the pool again.
        const reset = page.getByRole('button', { name: language === 'en' ? 'Start again' : '重新开始' });
        if (await reset.isEnabled()) await reset.click();
        // A line placed, one picked up: every state of a line is on the page.
        await page.locator('.parsons-pool .parsons-line').first().click();
        await page.locator('.parsons-pool .parsons-line').first().click();
        await page.locator('.parsons-program .parsons-line').first().focus();
        await page.keyboard.press('Space');
        await expect(audit()).resolves.toEqual([]);
        await screenshot(page, `parsons-step-${language}-${theme}-1920`);
        await page.setViewportSize({ width: 1024, height: 640 });
        await screenshot(page, `parsons-step-${language}-${theme}-1024`);
      });
});
