/**
 * Visualise in real Chromium against web mode: a learner's loop stepped forward and back, reading
 * a variable at every step, in Python with the English interface and in JavaScript with the
 * Chinese one, by keyboard alone; a failing test visualised; a trace step answered. Screenshots of
 * the step view in both themes at 1024×640 and 1920×1080.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, openPage, pasteCode, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, track: string, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor();
}

async function waitReady(p: Page): Promise<void> {
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

/** The step view once the whole trace is in (JavaScript shows the first steps while it records). */
async function whollyRecorded(p: Page): Promise<void> {
  await p.locator('[data-testid="step-view"]:not([data-recording])').waitFor({ timeout: 60_000 });
}

/** Tab from Run to the Visualise button and press Enter: no mouse. */
async function visualiseByKeyboard(p: Page): Promise<void> {
  await p.locator('.toolbar button.primary').first().focus();
  for (let i = 0; i < 6; i++) {
    if (await p.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'visualise')) break;
    await p.keyboard.press('Tab');
  }
  await expect(p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
    'visualise',
  );
  await p.keyboard.press('Enter');
  await whollyRecorded(p);
  await expect(p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
    'step-view',
  );
}

/** The value of a global variable as the step view draws it, or null when it has none yet. */
async function valueOf(p: Page, name: string): Promise<string | null> {
  const cell = p.locator(`[data-testid="vis-var"][data-name="${name}"] td`);
  return (await cell.count()) === 0 ? null : cell.first().textContent();
}

async function stepIndex(p: Page): Promise<number> {
  return Number(await p.getByTestId('step-view').getAttribute('data-step'));
}

/**
 * Steps forward with → to the end, reading `name` at each step, then back with ← to the start,
 * reading it again: the values going back are the values going forward, reversed.
 */
async function walk(p: Page, name: string): Promise<(string | null)[]> {
  const forward: (string | null)[] = [await valueOf(p, name)];
  for (;;) {
    const before = await stepIndex(p);
    await p.keyboard.press('ArrowRight');
    if ((await stepIndex(p)) === before) break;
    await expect.poll(() => stepIndex(p)).toBe(before + 1);
    forward.push(await valueOf(p, name));
  }
  const back: (string | null)[] = [await valueOf(p, name)];
  for (let i = forward.length - 1; i > 0; i--) {
    await p.keyboard.press('ArrowLeft');
    await expect.poll(() => stepIndex(p)).toBe(i - 1);
    back.push(await valueOf(p, name));
  }
  expect(back.reverse()).toEqual(forward);
  return forward;
}

/** The values a variable takes, each once, in order (a value holds over several steps). */
const changes = (values: (string | null)[]) =>
  values.filter((v, i) => v !== null && v !== values[i - 1]) as string[];

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

afterAll(async () => {
  await callApi(app, 'updateSettings', { language: 'en', theme: 'system' });
});

describe('Visualise', () => {
  test('Python, English: a loop stepped forward and back by keyboard, `total` read at each step', async () => {
    await openLesson(page, 'python', 'sum-up-to');
    await waitReady(page);
    await pasteCode(page, app, 'total = 0\nfor i in range(1, 4):\n    total = total + i\nprint(total)\n');
    await visualiseByKeyboard(page);
    await expect(page.getByTestId('vis-sentence').textContent()).resolves.toContain(
      'The program starts at line 1',
    );
    const values = await walk(page, 'total');
    expect(changes(values)).toEqual(['0', '1', '3', '6']);
    // At the end: the output so far, and the last sentence.
    await page.keyboard.press('End');
    await expect(page.getByTestId('vis-output').textContent()).resolves.toBe('6\n');
    await expect(page.getByTestId('vis-sentence').textContent()).resolves.toContain('finished');
    // Back to the first step: nothing printed yet.
    await page.keyboard.press('Home');
    await expect.poll(() => stepIndex(page)).toBe(0);
    await expect(page.getByTestId('vis-output').textContent()).resolves.not.toContain('6');
    // The screen-reader table says the same as the diagram.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('vis-sentence').textContent()).resolves.toContain('total is now 0');
    await expect(page.getByTestId('vis-table').textContent()).resolves.toContain('total0');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('visualise-dialog').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'visualise',
    );
  });

  test('Python: a failing test is visualised on the learner’s code', async () => {
    await pasteCode(
      page,
      app,
      'def sum_up_to(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n',
    );
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.results-summary').waitFor();
    const failing = page.locator('.test[data-status="fail"]').first();
    const name = await failing.locator('.test-name').textContent();
    await failing.getByRole('button', { name: 'Visualise this test' }).click();
    await page.getByTestId('step-view').waitFor();
    await expect(page.locator('.vis-header h2').textContent()).resolves.toContain(name ?? '');
    // The test's call into the learner's function: its frame is drawn.
    await page.keyboard.press('End');
    await expect(page.locator('[data-testid="vis-frame"] h4').first().textContent()).resolves.toBe(
      'sum_up_to',
    );
    await page.keyboard.press('Escape');
  });

  test('JavaScript, Chinese: the same loop, stepped by keyboard, `total` read at each step', async () => {
    await callApi(app, 'updateSettings', { language: 'zh' });
    await page.reload();
    await openLesson(page, 'javascript', 'js-sum-to');
    await waitReady(page);
    await pasteCode(
      page,
      app,
      'let total = 0;\nfor (let i = 1; i <= 3; i++) {\n  total = total + i;\n}\nconsole.log(total);\n',
    );
    await visualiseByKeyboard(page);
    await expect(page.getByTestId('vis-counter').textContent()).resolves.toMatch(/^第 1 步，共 \d+ 步$/);
    const values = await walk(page, 'total');
    expect(changes(values)).toEqual(['0', '1', '3', '6']);
    await page.keyboard.press('End');
    await expect(page.getByTestId('vis-output').textContent()).resolves.toBe('6\n');
    await expect(page.getByTestId('vis-sentence').textContent()).resolves.toContain('程序运行结束');
    await page.keyboard.press('Escape');
  });

  test('JavaScript, a long loop: the first step shows while the rest is recorded, then all 1,000', async () => {
    await pasteCode(page, app, 'let total = 0;\nwhile (true) {\n  total = total + 1;\n}\n');
    // Every text the counter shows, from the click on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { counterTexts: string[] }).counterTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="vis-counter"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('visualise').click();
    await whollyRecorded(page);
    // The view the learner was given at the first step is the one they keep: focus stays in it.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'step-view',
    );
    const texts = await page.evaluate(() => (window as unknown as { counterTexts: string[] }).counterTexts);
    expect(texts[0]).toMatch(/^第 1 步，目前共 \d+ 步，仍在记录……$/);
    expect(texts.at(-1)).toBe('第 1 步，共 1000 步');
    await expect(page.getByTestId('vis-stopped').textContent()).resolves.toContain('1,000');
    await page.keyboard.press('End');
    await expect.poll(() => stepIndex(page)).toBe(999);
    await page.keyboard.press('Escape');
  });

  test('a trace step: steps stop at the marked one until the prediction is checked', async () => {
    await callApi(app, 'updateSettings', { language: 'en' });
    await page.reload();
    await page.evaluate((h) => (location.hash = h), '#/learn/python/trace-loop-total');
    await page.getByTestId('step-view').waitFor({ timeout: 90_000 });
    await page.getByTestId('step-view').focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('vis-sentence').textContent()).resolves.toContain(
      'This is the marked step',
    );
    await expect(page.locator('[data-testid="vis-var"][data-name="total"] td').textContent()).resolves.toBe(
      '?',
    );
    // The page is not sent the value: the backend judges the prediction and then says it.
    await page.getByTestId('trace-answer').fill('7');
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    await expect(page.locator('.trace-step .verdict.bad').textContent()).resolves.toContain('8');
    await expect(page.locator('.trace-step .answer-shown').textContent()).resolves.toContain(
      'counts for less',
    );
    expect(await page.getByTestId('success').count()).toBe(0);
    await page.getByTestId('trace-answer').fill('8');
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    await page.locator('.verdict.ok').waitFor();
    await expect(page.locator('[data-testid="vis-var"][data-name="total"] td').textContent()).resolves.toBe(
      '8',
    );
    await page.getByTestId('success').waitFor();
  });

  test('screenshots: both themes, both languages, 1024×640 and 1920×1080', async () => {
    const shots: [string, string, string, string][] = [
      [
        'python',
        'sum-up-to',
        'total = 0\nitems = [3, 5, 2]\nsame = items\nfor n in items:\n    total = total + n\nsame.append(total)\nprint(total, items)\n',
        'python',
      ],
      [
        'javascript',
        'js-sum-to',
        'let total = 0;\nconst items = [3, 5, 2];\nconst same = items;\nfor (const n of items) {\n  total = total + n;\n}\nsame.push(total);\nconsole.log(total, items);\n',
        'js',
      ],
    ];
    for (const theme of ['light', 'dark'] as const) {
      await callApi(app, 'updateSettings', { theme });
      for (const [track, lesson, code, tag] of shots) {
        for (const [width, height] of [
          [1024, 640],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.reload();
          await openLesson(page, track, lesson);
          await waitReady(page);
          await pasteCode(page, app, code);
          await page.getByTestId('visualise').click();
          await whollyRecorded(page);
          await page.getByTestId('step-view').focus();
          // The step after the list gets its second name and the loop has run once.
          for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
          await page.locator('.vis-arrows path').first().waitFor({ state: 'attached' });
          // Both names of the list point at one box.
          await expect(page.locator('[data-testid="vis-object"]').count()).resolves.toBe(1);
          await expect(page.locator('.vis-arrows > path').count()).resolves.toBe(2);
          await screenshot(page, `visualise-${tag}-${theme}-${width}`);
          await page.keyboard.press('Escape');
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 600_000);
});
