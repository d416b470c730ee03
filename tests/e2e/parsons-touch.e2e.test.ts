/**
 * A Parsons problem solved by touch alone (decision 0049), in real Chromium with a touchscreen
 * (`hasTouch`) and taps (`page.touchscreen.tap`): tap a line to pick it up, tap where it goes.
 * English (Python: ← and → beside a held line indent it) and Chinese (JavaScript), each move said
 * in the live region, every target at least 44 px, and the program passes Check. A mouse click
 * in the same page still adds a line at once. Screenshots of a held line in both themes at
 * 1024×640 and 1920×1080.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authoredExercise, callApi, screenshot, useAppAndBrowser } from './harness.ts';
import { solutionLines } from '../../shared/content/schema.ts';
import lessonEn from '../../shared/i18n/locales/en/lesson.json';
import lessonZh from '../../shared/i18n/locales/zh/lesson.json';
import parsonsEn from '../../shared/i18n/locales/en/parsons.json';
import parsonsZh from '../../shared/i18n/locales/zh/parsons.json';

const { app, browser } = useAppAndBrowser();
const WORDS = {
  en: { ...parsonsEn.parsons, check: lessonEn.runner.check, solved: lessonEn.lesson.solved },
  zh: { ...parsonsZh.parsons, check: lessonZh.runner.check, solved: lessonZh.lesson.solved },
} as const;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await browser.newContext({ viewport: { width: 1024, height: 640 }, hasTouch: true });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await page.goto(app.launchUrl);
  await page.locator('.app-frame').waitFor();
});
afterAll(async () => {
  await context?.close();
});

/** A finger's tap in the middle of what `target` shows (scrolled into view first). */
async function tap(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

const announced = () => page.getByTestId('parsons-announce');
/** A line by its whole text (a distractor may be another line less its colon; `}` is two lines). */
const whole = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const poolLine = (text: string) =>
  page.locator('.parsons-pool .parsons-line', { hasText: whole(text) }).first();
const programLines = () => page.locator('.parsons-program .parsons-line');
const programLine = (text: string) =>
  programLines()
    .filter({ hasText: whole(text) })
    .first();

async function open(language: 'en' | 'zh', theme: 'light' | 'dark', track: string, lesson: string) {
  await callApi(app, 'updateSettings', { language, theme, editorFontSize: 14 });
  await page.reload();
  await page.locator('.app-frame').waitFor();
  await page.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await page.getByTestId('parsons').waitFor({ timeout: 60_000 });
  await page.locator('.parsons .runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
  const exercise = await authoredExercise(track, lesson);
  return solutionLines(exercise.solution!).map((line) => ({
    text: line.trim(),
    indent: Math.floor(/^ */.exec(line)![0].length / 4),
  }));
}

/** Every tap target on the step (lines, and the targets a held line shows) is ≥ 44 × 44 px. */
async function expectFingerSized(): Promise<void> {
  const boxes = await page
    .locator('.parsons .parsons-line, .parsons .parsons-target')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
}

async function shots(name: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 640 });
  await screenshot(page, `${name}-1024`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `${name}-1920`);
  await page.setViewportSize({ width: 1024, height: 640 });
}

/**
 * Arranges the whole program by taps: each line picked up and put at the end (the first two the
 * wrong way round, then the first one tapped onto the second's place), a distractor put in and
 * tapped back out, and, for Python, each line's indentation set with ← and → while it is held.
 */
async function solveByTouch(
  language: 'en' | 'zh',
  lines: { text: string; indent: number }[],
  shot: string,
  indented: boolean,
): Promise<void> {
  const words = WORDS[language];
  const picked = language === 'en' ? 'Picked up' : '已拿起';
  const reset = page.getByRole('button', { name: words.reset });
  if (await reset.isEnabled()) await tap(reset);

  // A line picked up is shown lifted and said; tapped again, it goes back where it was.
  const first = lines[1]!;
  await tap(poolLine(first.text));
  await expect.poll(() => poolLine(first.text).getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => announced().textContent()).toContain(`${picked}`);
  await expectFingerSized();
  await tap(poolLine(first.text));
  await expect
    .poll(() => announced().textContent())
    .toBe(words.touch.putBack.replace('{{text}}', first.text));
  await expect(page.getByTestId('parsons-put-end').count()).resolves.toBe(0);

  const order = [lines[1]!, lines[0]!, ...lines.slice(2)];
  for (const [i, line] of order.entries()) {
    await tap(poolLine(line.text));
    await expect.poll(() => announced().textContent()).toContain(line.text);
    if (i === 0) await shots(shot);
    await tap(page.getByTestId('parsons-put-end'));
    await expect.poll(() => programLines().nth(i).textContent()).toBe(line.text);
  }
  // The first line, picked up and tapped onto line 1, takes its place.
  await tap(programLine(lines[0]!.text));
  await tap(programLine(lines[1]!.text));
  await expect.poll(() => announced().textContent()).toMatch(/line 1 of|第 1 行/);
  await expect(programLines().allTextContents()).resolves.toEqual(lines.map((l) => l.text));

  // A line that is not needed, put in and tapped back out to the lines to use.
  const spare = (await page.locator('.parsons-pool .parsons-line').allTextContents())[0]!;
  await tap(poolLine(spare));
  await tap(page.getByTestId('parsons-put-end'));
  await expect.poll(() => programLines().count()).toBe(lines.length + 1);
  await tap(programLine(spare));
  await tap(page.getByTestId('parsons-put-back'));
  await expect.poll(() => programLines().count()).toBe(lines.length);
  await expect(poolLine(spare).isVisible()).resolves.toBe(true);

  // Indentation (Python): pick the line up, tap ← or → until it is right, tap it to put it down.
  const rows = page.locator('.parsons-program li.parsons-row');
  for (const [i, line] of indented ? lines.entries() : []) {
    const now = Number(await rows.nth(i).getAttribute('data-indent'));
    if (now === line.indent) continue;
    await tap(programLines().nth(i));
    await expectFingerSized();
    if (i === 0) await shots(`${shot.replace('held', 'indent')}`);
    const name = (line.indent > now ? words.touch.indentMore : words.touch.indentLess).replace(
      '{{text}}',
      line.text,
    );
    for (let n = 0; n < Math.abs(line.indent - now); n++) await tap(page.getByRole('button', { name }));
    await expect.poll(() => rows.nth(i).getAttribute('data-indent')).toBe(String(line.indent));
    await tap(programLines().nth(i));
    await expect.poll(() => programLines().nth(i).getAttribute('aria-pressed')).toBe('false');
  }
  if (indented)
    expect(await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-indent'))))).toEqual(
      lines.map((l) => l.indent),
    );

  await tap(page.getByRole('button', { name: words.check, exact: true }));
  await page.getByTestId('success').waitFor({ timeout: 90_000 });
  await expect(page.getByTestId('success').textContent()).resolves.toContain(words.solved);
}

describe('a Parsons problem solved by touch alone', () => {
  test('in English: Python, indented with ← and → on the held line', { timeout: 240_000 }, async () => {
    const lines = await open('en', 'light', 'python', 'parsons-ticket');
    await expect(page.locator('.parsons-keys').textContent()).resolves.toContain(WORDS.en.touch.keys);
    await solveByTouch('en', lines, 'parsons-touch-held-en-light', true);
    await screenshot(page, 'parsons-touch-solved-en-light-1024');
  });

  test('in Chinese: JavaScript', { timeout: 240_000 }, async () => {
    const lines = await open('zh', 'dark', 'javascript', 'js-parsons-grade-function');
    await expect(page.locator('.parsons-keys').textContent()).resolves.toContain(WORDS.zh.touch.keys);
    await solveByTouch('zh', lines, 'parsons-touch-held-zh-dark', false);
    await screenshot(page, 'parsons-touch-solved-zh-dark-1024');
  });

  test('a mouse click in the same page still adds a line at once', async () => {
    await open('en', 'light', 'python', 'parsons-times-table');
    const reset = page.getByRole('button', { name: WORDS.en.reset });
    if (await reset.isEnabled()) await reset.click();
    const text = (await page.locator('.parsons-pool .parsons-line').first().textContent())!;
    await page.locator('.parsons-pool .parsons-line').first().click();
    await expect.poll(() => programLines().first().textContent()).toBe(text);
    await expect(page.getByTestId('parsons-put-end').count()).resolves.toBe(0);
  });
});
