/**
 * The lesson page fits the window (issue 13, item 8): from 1024×640 up, the document itself never
 * scrolls; the prose and the work scroll inside their panes. Every kind of step with work beside
 * its prose, in both languages, as it opens and after a wrong answer has filled it with feedback,
 * and a screenshot of each for people to look at.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { callApi, openPage, screenshot, typeCode, useAppAndBrowser } from './harness.ts';
import en from '../../shared/i18n/locales/en/lesson.json';
import zh from '../../shared/i18n/locales/zh/lesson.json';
import parsonsEn from '../../shared/i18n/locales/en/parsons.json';
import parsonsZh from '../../shared/i18n/locales/zh/parsons.json';

const { app, browser } = useAppAndBrowser();
const CATALOG = { en: { ...en, ...parsonsEn }, zh: { ...zh, ...parsonsZh } } as const;
type Words = (typeof CATALOG)['en'];

/** A step of each kind: what shows once its work has loaded, and a wrong answer to it. */
const STEPS: {
  kind: string;
  id: string;
  ready: string;
  answerWrongly: (p: Page, w: Words) => Promise<void>;
}[] = [
  {
    kind: 'lesson',
    id: 'greet-by-name',
    ready: '.code-editor .monaco-editor',
    answerWrongly: async (p, w) => {
      await p.locator('.runtime-state', { hasText: w.runner.ready }).waitFor({ timeout: 90_000 });
      await typeCode(p, 'def greeting(name):\n    return "Hello " + name\n');
      await p.getByRole('button', { name: w.runner.check, exact: true }).click();
      await p.locator('.results-summary').waitFor({ timeout: 60_000 });
    },
  },
  {
    kind: 'parsons',
    id: 'parsons-ticket',
    ready: '[data-testid="parsons"]',
    answerWrongly: async (p, w) => {
      // A run before this one left its lines in the program (the learner's draft).
      const again = p.getByRole('button', { name: w.parsons.reset });
      if (await again.isEnabled()) await again.click();
      for (let i = 0; i < 3; i++) await p.getByTestId('parsons-pool').locator('button').first().click();
      await p.getByRole('button', { name: w.runner.check, exact: true }).click();
      await p.getByTestId('parsons-results').waitFor({ timeout: 90_000 });
    },
  },
  {
    kind: 'predict',
    id: 'predict-division',
    ready: '.lesson-work form textarea',
    answerWrongly: async (p, w) => {
      await p.getByLabel(w.lesson.predictPrompt).fill('1\n2\n3\n4\n5\n6');
      await p.getByRole('button', { name: w.lesson.checkPrediction }).click();
      await p.getByText(w.lesson.predictWrong).waitFor();
    },
  },
  {
    kind: 'quiz',
    id: 'quiz-elif',
    ready: '.lesson-prose fieldset',
    answerWrongly: async (p, w) => {
      const choices = p.locator('.lesson-prose fieldset input');
      for (let i = 0; i < (await choices.count()); i++) {
        await choices.nth(i).check();
        await p.getByRole('button', { name: w.lesson.checkAnswer }).click();
        if (await p.getByText(w.lesson.quizWrong).isVisible()) return;
      }
      throw new Error('every choice of the quiz was right');
    },
  },
];

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1920, height: 1080 },
] as const;

/** How far the document scrolls, and the window's height. */
const fit = (page: Page) =>
  page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));

async function expectFit(page: Page, what: string): Promise<void> {
  const now = await fit(page);
  expect(now.scrollHeight, `${what}: the document scrolls`).toBeLessThanOrEqual(now.innerHeight);
  expect(now.scrollWidth, `${what}: the document scrolls sideways`).toBeLessThanOrEqual(now.innerWidth);
}

let page: Page;
beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.locator('.app-frame').waitFor();
});

describe('the lesson page fits the window, its panes scroll', () => {
  for (const language of ['en', 'zh'] as const) {
    for (const size of SIZES) {
      test(
        `every kind of step, ${language}, ${size.width}×${size.height}`,
        { timeout: 240_000 },
        async () => {
          await callApi(app, 'updateSettings', { language, theme: language === 'en' ? 'light' : 'dark' });
          await page.setViewportSize(size);
          for (const step of STEPS) {
            await page.evaluate((h) => (location.hash = h), `#/learn/python/${step.id}`);
            await page.locator(step.ready).first().waitFor({ timeout: 60_000 });
            await expectFit(page, `${step.kind} as it opens`);
            await step.answerWrongly(page, CATALOG[language]);
            await expectFit(page, `${step.kind} after a wrong answer`);
            await screenshot(page, `fit-${step.kind}-${language}-${size.width}`);
          }
        },
      );
    }
  }
});

describe('the sidebar fits its column', () => {
  test('a long learner name is cut short in the sidebar, not let out of it', async () => {
    await callApi(app, 'createProfile', {
      name: 'Wheels on exercise, the learner with a long name',
      switchTo: true,
    });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.reload();
    await page.getByTestId('profile-open').waitFor();
    const edges = await page.evaluate(() => ({
      learner: document.querySelector('[data-testid="profile-open"]')!.getBoundingClientRect().right,
      sidebar: document.querySelector('nav.sidebar')!.getBoundingClientRect().right,
    }));
    expect(edges.learner).toBeLessThanOrEqual(edges.sidebar);
  });
});
