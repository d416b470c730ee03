/**
 * Quiz and predict-the-output answers, in real Chromium against web mode: the page is not sent
 * the answers (what opening the lesson brings holds no right choice and no output), yet a learner
 * still sees at once whether they were right, the real output after a wrong prediction, and the
 * step done when the backend found the answer right.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { authoredExercise, openPage, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

/** Opens a lesson as a learner does, and returns what the page was sent for it. */
async function openLesson(lesson: string): Promise<string> {
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/call/openLesson'));
  await page.evaluate((h) => (location.hash = h), `#/learn/python/${lesson}`);
  const body = await (await sent).text();
  await page.locator('#page-title').waitFor();
  return body;
}

describe('answers the backend judges', () => {
  test('a quiz: the page gets the choices only; a wrong pick says so, the right one is done', async () => {
    const { choices } = await authoredExercise('python', 'quiz-return-print');
    const sent = await openLesson('quiz-return-print');
    expect(sent).toContain('8, then None');
    expect(sent).not.toContain('correct');

    const wrong = choices!.find((c) => !c.correct)!.text.en;
    const right = choices!.find((c) => c.correct)!.text.en;
    await page.getByLabel(wrong, { exact: true }).check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await expect(page.locator('.quiz .verdict.bad').textContent()).resolves.toContain('Not that one');
    expect(await page.getByTestId('success').count()).toBe(0);

    await page.getByLabel(right, { exact: true }).check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await expect(page.locator('.quiz .verdict.ok').textContent()).resolves.toBe('Correct!');
    await page.getByTestId('success').waitFor();
    await page.getByTestId('done-badge').waitFor();
  });

  test('a predict step: no output is sent; a wrong guess shows the real output after it', async () => {
    const { expectedOutput } = await authoredExercise('python', 'predict-while');
    const sent = await openLesson('predict-while');
    expect(sent).not.toContain('expectedOutput');
    expect(sent).not.toContain('32');

    const answer = page.getByLabel('What will this code print?');
    await answer.fill('2\n4\n8\n16');
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    const verdict = page.locator('.predict .verdict.bad');
    await expect(verdict.textContent()).resolves.toContain('Not quite');
    // The real output, in the left column of the side-by-side view (each line after its number).
    const real = await verdict
      .locator('.output-diff tbody td:nth-of-type(1)')
      .evaluateAll((tds) => tds.map((td) => td.lastChild?.textContent ?? ''));
    expect(`${real.join('\n')}\n`).toBe(expectedOutput);
    // Showing the output is recorded as a revealed answer, and the learner is told so.
    await expect(verdict.locator('.answer-shown').textContent()).resolves.toContain('counts for less');
    expect(await page.getByTestId('success').count()).toBe(0);

    await answer.fill(expectedOutput!);
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    await page.locator('.predict .verdict.ok').waitFor();
    await page.getByTestId('success').waitFor();
  });
});
