/**
 * Visualise as a learner meets it when the program misbehaves, in real Chromium against web mode:
 * a Proxy whose trap prints and a loop that never ends (the view says where recording stopped, the
 * trap's line is not in the output, and Run works afterwards); a beginner's syntax error, a
 * one-line endless loop, and input() answered from the dialog, with Chinese names and text.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, pasteCode, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, track: string, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 90_000 });
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

/**
 * Clicks Visualise and waits for the dialog to show its result (all the steps, or why there are
 * none): JavaScript shows the first steps while it still records.
 */
async function visualise(p: Page): Promise<void> {
  await p.getByTestId('visualise').click();
  await p
    .locator(
      '[data-testid="step-view"]:not([data-recording]), [data-testid="vis-no-steps"], .vis-dialog .status.error',
    )
    .first()
    .waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

describe('Visualise, unseen cases', () => {
  test('JavaScript: a printing Proxy trap and an endless loop; the cap is said, Run works after', async () => {
    await openLesson(page, 'javascript', 'js-sum-to');
    await pasteCode(
      page,
      app,
      'const p = new Proxy({}, { ownKeys: (t) => { console.log("trap ran"); return []; } });\nlet n = 0;\nwhile (true) {\n  n = n + 1;\n}\n',
    );
    await visualise(page);
    await expect(page.getByTestId('vis-stopped').textContent()).resolves.toContain('more than 1,000 steps');
    await page.getByTestId('step-view').focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('vis-counter').textContent()).resolves.toBe('Step 1000 of 1000');
    const n = Number(await page.locator('[data-testid="vis-var"][data-name="n"] td').textContent());
    expect(n).toBeGreaterThan(100);
    await expect(page.getByTestId('vis-output').textContent()).resolves.not.toContain('trap ran');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('visualise-dialog').count()).resolves.toBe(0);
    await pasteCode(
      page,
      app,
      'let total = 0;\nfor (let i = 1; i <= 3; i++) total += i;\nconsole.log("total", total);\n',
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.console-output', { hasText: 'total 6' }).waitFor();
  });

  test('Python: a syntax error, a one-line endless loop, then input() answered in Chinese', async () => {
    await openLesson(page, 'python', 'sum-up-to');
    await pasteCode(page, app, 'total = 0\nfor i in range(3)\n    total += i\n');
    await visualise(page);
    await expect(page.getByTestId('vis-no-steps').textContent()).resolves.toMatch(/SyntaxError/);
    await page.keyboard.press('Escape');

    await pasteCode(page, app, 'count = 0\nwhile True: count += 1\n');
    await visualise(page);
    await expect(page.getByTestId('vis-stopped').textContent()).resolves.toContain('more than 1,000 steps');
    await page.keyboard.press('Escape');

    await pasteCode(page, app, '名字 = input("Name? ")\n问候 = "你好，" + 名字\nprint(问候)\n');
    await visualise(page);
    // With no line given, input() finds none: the last step says so.
    await page.keyboard.press('End');
    await expect(page.getByTestId('vis-sentence').textContent()).resolves.toContain('EOFError');
    await page.getByTestId('vis-stdin').fill('雨');
    await page.getByRole('button', { name: 'Visualise again' }).click();
    // The new recording replaces the old one: at its last step, the greeting is made.
    const greeting = page.locator('[data-testid="vis-var"][data-name="问候"] td');
    await expect
      .poll(
        async () => {
          await page.getByTestId('step-view').focus();
          await page.keyboard.press('End');
          return (await greeting.count()) > 0 ? greeting.first().textContent() : '';
        },
        { timeout: 60_000 },
      )
      .toContain('你好，雨');
    await expect(page.getByTestId('vis-output').textContent()).resolves.toContain('你好，雨');
    await page.keyboard.press('Escape');
  });
});
