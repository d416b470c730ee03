/**
 * Feedback that teaches (issue 13, item 7), in real Chromium against web mode, in English and
 * Chinese, light and dark: a quiz answer shows why the chosen choice is wrong or right (and, on
 * request after a wrong pick, the right one and why); a wrong prediction is shown beside the real
 * output with the differing lines marked; after a passing Check, a failing one shows only its
 * failure. Each new state is screenshotted at 1024×640 and 1920×1080 and audited by axe-core.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, describeFindings } from './axe.ts';
import { authoredExercise, callApi, openPage, screenshot, typeCode, useAppAndBrowser } from './harness.ts';
import type { LocalizedText } from '../../shared/content/schema.ts';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';

const { app, browser } = useAppAndBrowser();
let page: Page;

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1920, height: 1080 },
] as const;

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

async function openLesson(lesson: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), `#/learn/python/${lesson}`);
  await page.locator('#page-title').waitFor();
}

/** Screenshots the page at both window sizes, `shown` scrolled into view; ends at the small one. */
async function shoot(name: string, shown: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await page.locator(shown).first().scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
}

/** axe-core on the parts of the page this feedback changed. */
async function expectNoAxeProblems(where: string, include: string[]): Promise<void> {
  const problems = describeFindings(where, await audit(page, include));
  if (problems.length > 0) console.log(problems.join('\n'));
  expect(problems).toEqual([]);
}

/** What the learner reads of an explanation: Markdown's code marks are not shown. */
const shown = (text: string) => text.replaceAll('`', '');
const read = async (locator: ReturnType<Page['locator']>) => (await locator.textContent())?.trim();

describe.each([
  ['en', 'light', en],
  ['en', 'dark', en],
  ['zh', 'light', zh],
  ['zh', 'dark', zh],
] as const)('feedback that teaches, %s, %s', (lang, theme, catalog) => {
  const tag = `${lang}-${theme}`;
  const say = (text: LocalizedText) => text[lang];

  beforeAll(async () => {
    // A learner of their own for each combination, so no step starts done.
    await callApi(app, 'createProfile', { name: `Feedback ${tag}`, switchTo: true });
    await callApi(app, 'updateSettings', { language: lang, theme, editorFontSize: 14 });
    await page.setViewportSize(SIZES[0]);
    await page.reload();
    await page.locator('.app-frame').waitFor();
  });

  test('a quiz answered wrong, then right: the explanation of each pick', { timeout: 120_000 }, async () => {
    const { choices } = await authoredExercise('python', 'quiz-elif');
    const wrong = choices!.find((c) => !c.correct)!;
    const right = choices!.find((c) => c.correct)!;
    await openLesson('quiz-elif');
    const check = page.getByRole('button', { name: catalog.lesson.checkAnswer });
    const feedback = page.getByTestId('quiz-feedback');

    await page.getByLabel(say(wrong.text), { exact: true }).check();
    await check.click();
    await expect(feedback.locator('.verdict.bad').textContent()).resolves.toBe(catalog.lesson.quizWrong);
    const whyNot = feedback.locator('.choice-explanation');
    await expect(whyNot.locator('.explanation-label').textContent()).resolves.toBe(catalog.lesson.quizWhyNot);
    expect(await read(whyNot.locator('.markdown'))).toBe(shown(say(wrong.explanation)));
    // The wrong pick's feedback does not give the right choice away.
    await expect(feedback.textContent()).resolves.not.toContain(shown(say(right.explanation)));
    expect(await page.getByTestId('success').count()).toBe(0);
    await shoot(`feedback-quiz-wrong-${tag}`, '.quiz-feedback');
    await expectNoAxeProblems(`quiz wrong ${tag}`, ['.quiz']);

    // Asked for, the right choice is marked and explained, and the learner is told it counts less.
    await page.getByRole('button', { name: catalog.lesson.showRightAnswer }).click();
    const answer = page.getByTestId('quiz-answer');
    await expect(answer.locator('.explanation-label').textContent()).resolves.toBe(
      `${catalog.lesson.rightAnswer} ${say(right.text)}`,
    );
    expect(await read(answer.locator('.markdown'))).toBe(shown(say(right.explanation)));
    await expect(answer.locator('.answer-shown').textContent()).resolves.toBe(catalog.lesson.answerShown);
    await expect(page.locator('.choice[data-right]').textContent()).resolves.toBe(
      `${say(right.text)}✓ ${catalog.lesson.rightChoice}`,
    );
    await shoot(`feedback-quiz-shown-${tag}`, '.quiz-answer');
    await expectNoAxeProblems(`quiz answer shown ${tag}`, ['.quiz']);

    // The right choice's name now says so, beside its text.
    await page.locator('.choice[data-right] input').check();
    await check.click();
    await expect(feedback.locator('.verdict.ok').textContent()).resolves.toBe(catalog.lesson.quizRight);
    const why = feedback.locator('.choice-explanation');
    await expect(why.locator('.explanation-label').textContent()).resolves.toBe(catalog.lesson.quizWhy);
    expect(await read(why.locator('.markdown'))).toBe(shown(say(right.explanation)));
    await page.getByTestId('success').waitFor();
    await shoot(`feedback-quiz-right-${tag}`, '.success-box');
    await expectNoAxeProblems(`quiz right ${tag}`, ['.quiz', '.success-box']);
  });

  test(
    'a wrong prediction beside the real output, the differing lines marked',
    { timeout: 120_000 },
    async () => {
      const { expectedOutput } = await authoredExercise('python', 'predict-while');
      await openLesson('predict-while');
      // A usual slip: printing before doubling. The real output starts at 2 and ends at 32.
      const prediction = '1\n2\n4\n8\n16';
      expect(expectedOutput!.trim()).toBe('2\n4\n8\n16\n32');
      await page.getByLabel(catalog.lesson.predictPrompt).fill(prediction);
      await page.getByRole('button', { name: catalog.lesson.checkPrediction }).click();
      const verdict = page.locator('.predict .verdict.bad');
      await expect(verdict.locator('p').first().textContent()).resolves.toBe(catalog.lesson.predictWrong);
      const table = verdict.locator('.output-diff');
      const headings = await table.locator('thead th').allTextContents();
      expect(headings.slice(1)).toEqual([catalog.lesson.predictReal, catalog.lesson.predictYours]);
      // Aligned by line: only the first and the last row differ, not every line after the slip.
      const rows = table.locator('tbody tr');
      await expect(rows.count()).resolves.toBe(6);
      const marked = await rows.evaluateAll((trs) => trs.map((tr) => tr.hasAttribute('data-differs')));
      expect(marked).toEqual([true, false, false, false, false, true]);
      // Each side numbers its own lines ("line: text"); a side with no line there says so.
      const cells = (i: number) =>
        rows
          .nth(i)
          .locator('td')
          .evaluateAll((tds) =>
            tds.map((td) => {
              const number = td.querySelector('.line-no');
              if (!number) return td.textContent;
              const n = number.lastChild?.textContent;
              return `${n}: ${td.textContent!.slice(number.textContent!.length)}`;
            }),
          );
      expect(await cells(0)).toEqual([catalog.runner.output.noLine, '1: 1']);
      expect(await cells(1)).toEqual(['1: 2', '2: 2']);
      expect(await cells(5)).toEqual(['5: 32', catalog.runner.output.noLine]);
      await expect(verdict.locator('.answer-shown').textContent()).resolves.toBe(catalog.lesson.answerShown);
      await shoot(`feedback-predict-diff-${tag}`, '.predict .output-diff');
      await expectNoAxeProblems(`predict diff ${tag}`, ['.predict form', '.predict .verdict']);
    },
  );

  test('a Check that fails after one that passed shows only the failure', { timeout: 180_000 }, async () => {
    await openLesson('print-hello');
    await page.locator('.code-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await page.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
    const checkButton = page.getByRole('button', { name: catalog.runner.check, exact: true });
    await typeCode(page, 'print("Hello, World!")\n');
    await checkButton.click();
    await page.locator('.results-summary', { hasText: catalog.runner.output.allMatch }).waitFor();
    // The backend re-runs the Check in its own sandbox; its first run loads Python there.
    await page.getByTestId('success').waitFor({ timeout: 90_000 });

    await typeCode(page, 'print("Hello World")\n');
    const verdict = page.waitForResponse((r) => r.url().endsWith('/api/call/recordAttempt'));
    await checkButton.click();
    await page.locator('.results-summary', { hasText: catalog.runner.output.someDiffer }).waitFor();
    // After the backend's verdict on this Check, the first Check's success box is gone.
    await verdict;
    await page.getByTestId('success').waitFor({ state: 'detached' });
    await expect(page.locator('.results-summary').count()).resolves.toBe(1);
    await expect(page.locator('.results').textContent()).resolves.not.toContain(
      catalog.runner.output.allMatch,
    );
    await expect(page.locator('.lesson-prose').textContent()).resolves.not.toContain(catalog.lesson.solved);
    // The step stays done: that is the learner's record, not this Check's result.
    await page.getByTestId('done-badge').waitFor();
    await shoot(`feedback-check-pass-then-fail-${tag}`, '.results');
    await expectNoAxeProblems(`check pass then fail ${tag}`, ['#page-title', '.results']);
  });
});
