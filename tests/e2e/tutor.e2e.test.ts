/**
 * The AI tutor and Practice in real Chromium against web mode. One app talks to the fake Messages
 * API with a key (hints stream in; Cancel; Settings shows the key as set by the environment and
 * "Test connection" works); another has no key (offline hints, template practice problems).
 * A hint that gives the answer away never appears on screen, not even for a moment, while the
 * panel says it is being checked. Screenshots in English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/tutor.json';
import zh from '../../shared/i18n/locales/zh/tutor.json';
import enPractice from '../../shared/i18n/locales/en/practiceui.json';
import zhPractice from '../../shared/i18n/locales/zh/practiceui.json';
import {
  errorReply,
  startFakeAnthropic,
  textReply,
  toolReply,
  type FakeAnthropic,
} from '../fake-anthropic/server.ts';
import { hintPanelTexts, watchHintPanel } from './hint-watch.ts';
import {
  callApi,
  launchBrowser,
  openPage,
  resetSettings,
  screenshot,
  startApp,
  type RunningApp,
} from './harness.ts';
import type { PracticeList } from '../../shared/api/calls/practice.ts';

/** Generous: the machine is shared, and textContent first waits for the element to exist. */
const POLL = { timeout: 30_000 };

// Two paragraphs: the guard holds a sentence that names part of the code until its paragraph ends
// (decision 0044), so the first shows while the second is still being written.
const HINT =
  'Look closely at what your code does with the **second** value.\n\nWhich line decides what gets printed, and is it reached?';
const HINT_ZH = '仔细看看你的代码是怎样处理**第二个**值的。哪一行决定了输出什么？这一行会被执行到吗？';

/** What the fake answers a hint request with; the guard tests script leaking answers. */
let answerHint = (body: string): string => (body.includes('Answer in Simplified Chinese') ? HINT_ZH : HINT);
/** Why the fake's hint answer stops; the refusal test sets 'refusal'. */
let hintStop: 'end_turn' | 'refusal' = 'end_turn';

let fake: FakeAnthropic;
let browser: Browser;
let online: RunningApp;
let offline: RunningApp;

beforeAll(async () => {
  // Practice generation asks for a tool call: refuse it (401), so problems come from templates
  // and the queue of hints is never consumed by a background prefetch. Hints stream slowly.
  fake = await startFakeAnthropic({
    fallback: (req) => {
      const body = JSON.stringify(req.body);
      if (body.includes('judge_hint')) return toolReply('judge_hint', { gives_away: false, reason: 'fine' });
      if (req.body?.tools) return errorReply(401);
      return textReply(
        answerHint(body),
        { input_tokens: 900, output_tokens: 60 },
        { chunkSize: 6, chunkDelayMs: 120, stopReason: hintStop },
      );
    },
  });
  [online, offline] = await Promise.all([
    startApp(undefined, { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: fake.url }),
    startApp(undefined, { ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: fake.url }),
  ]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([online?.stop(), offline?.stop()]);
  await fake?.close();
});

/** Practice → "Practise my weak spots" → the problem page. */
async function openPracticeProblem(page: Page, practise: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/practice'));
  await page.getByRole('button', { name: practise }).click();
  await page.getByTestId('practice-problem').waitFor({ timeout: 90_000 });
}

describe('the tutor with a key (fake Claude API)', () => {
  test('a hint streams into the panel, says it is from the AI tutor, and Cancel stops the next one', async () => {
    await resetSettings(online);
    const page = await openPage(browser, online.launchUrl);
    await openPracticeProblem(page, enPractice.practicePage.practiseWeakSpots);
    expect(await page.getByTestId('practice-source').textContent()).toContain(
      enPractice.practicePage.source.template,
    );

    const panel = page.getByTestId('hint-panel');
    await panel.getByRole('button', { name: en.tutor.getHint }).click();
    // Part of the hint is on screen while the rest is still being written.
    await expect.poll(() => panel.getByTestId('hint-text').textContent(), POLL).toContain('Look closely');
    expect(await panel.getByRole('button', { name: en.tutor.cancel }).isVisible()).toBe(true);
    await screenshot(page, 'tutor-hint-streaming-en');
    await expect.poll(() => panel.getByTestId('hint-text').textContent(), POLL).toContain('is it reached?');
    expect(await panel.getByTestId('hint-kind').textContent()).toBe(en.tutor.kind.model);
    expect(await panel.getByTestId('hint-level').textContent()).toBe(
      en.tutor.level
        .replace('{{level}}', '1')
        .replace('{{steps}}', '4')
        .replace('{{name}}', en.tutor.levelName['1']),
    );
    expect(await panel.locator('strong').textContent()).toBe('second'); // Markdown rendered
    await screenshot(page, 'tutor-hint-en');

    await panel.getByRole('button', { name: en.tutor.nextHint }).click();
    await panel.getByRole('button', { name: en.tutor.cancel }).click();
    await expect.poll(() => panel.getByTestId('hint-text').textContent(), POLL).toBe(en.tutor.cancelled);
    expect(await panel.getByRole('button', { name: en.tutor.nextHint }).isEnabled()).toBe(true);
  });

  test('Settings shows the key as set by the environment, never the key, and Test connection works', async () => {
    await resetSettings(online);
    const page = await openPage(browser, online.launchUrl);
    await page.evaluate(() => (location.hash = '#/settings'));
    const tutor = page.getByTestId('tutor-settings');
    await tutor.waitFor();
    expect(await tutor.getByTestId('secret-state-anthropicApiKey').textContent()).toBe(
      en.tutor.settings.keyFromEnv,
    );
    await tutor.getByRole('button', { name: en.tutor.settings.test }).click();
    await expect
      .poll(() => tutor.getByTestId('tutor-test-result').textContent(), POLL)
      .toContain('claude-haiku-4-5');
    expect(await page.content()).not.toContain('sk-test');
    await screenshot(page, 'tutor-settings-en');
    // The test call and the hints of the first test were recorded and priced.
    const usage = page.getByTestId('tutor-usage');
    await usage.scrollIntoViewIfNeeded();
    expect(await usage.getByTestId('usage-month').textContent()).toMatch(/^\$0\.\d+ of \$5\.00$/);
    await screenshot(page, 'tutor-usage-en');
  });

  test('in Chinese (dark theme) the panel and the settings are in Chinese', async () => {
    await resetSettings(online);
    const page = await openPage(browser, online.launchUrl);
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByTestId('setting-language').selectOption('zh');
    await page.getByTestId('tutor-settings').getByText(zh.tutor.settings.title).waitFor();
    await page.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
    await screenshot(page, 'tutor-settings-zh-dark');
    await openPracticeProblem(page, zhPractice.practicePage.practiseWeakSpots);
    const panel = page.getByTestId('hint-panel');
    await panel.getByRole('button', { name: zh.tutor.getHint }).click();
    await expect.poll(() => panel.getByTestId('hint-kind').textContent(), POLL).toBe(zh.tutor.kind.model);
    expect(await panel.getByTestId('hint-text').textContent()).toContain('这一行会被执行到吗？');
    await screenshot(page, 'tutor-hint-zh-dark');
    await resetSettings(online);
  });
});

describe('the tutor without a key', () => {
  test('Practice makes a template problem offline and the hint panel gives an offline hint, saying why', async () => {
    await resetSettings(offline);
    const page = await openPage(browser, offline.launchUrl);
    await page.evaluate(() => (location.hash = '#/practice'));
    await page.getByTestId('practice-weak-spots').waitFor();
    await screenshot(page, 'practice-en');
    await openPracticeProblem(page, enPractice.practicePage.practiseWeakSpots);
    expect(await page.getByTestId('practice-source').textContent()).toContain(
      enPractice.practicePage.source.template,
    );
    const panel = page.getByTestId('hint-panel');
    await panel.getByRole('button', { name: en.tutor.getHint }).click();
    await expect.poll(() => panel.getByTestId('hint-notice').textContent(), POLL).toBe(en.tutor.notice.noKey);
    expect(await panel.getByTestId('hint-kind').textContent()).toBe(en.tutor.kind.authored);
    expect((await panel.getByTestId('hint-text').textContent())?.trim()).not.toBe('');
    await screenshot(page, 'tutor-offline-hint-en');

    // The problem is listed on the Practice page.
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByRole('link', { name: enPractice.practicePage.back }).first().click();
    await page
      .getByTestId('practice-list')
      .getByRole('link', { name: title ?? '' })
      .waitFor();
    await screenshot(page, 'practice-list-en');
  });

  test('a lesson prepares practice on its concept, and "More like this" opens a ready one', async () => {
    await resetSettings(offline);
    const page = await openPage(browser, offline.launchUrl);
    // "power" practises recursion, which is not among a new learner's first weak spots.
    await page.evaluate(() => (location.hash = '#/learn/python/power'));
    await page.locator('.runtime-state', { hasText: 'Ready' }).waitFor({ timeout: 90_000 });
    const waiting = async () => {
      const list = await callApi<PracticeList>(offline, 'listPractice', { trackId: 'python', locale: 'en' });
      return list.waiting.find((w) => w.concept === 'recursion')?.count ?? 0;
    };
    // Prefetched in the background once the lesson's runner is up.
    await expect.poll(waiting, POLL).toBeGreaterThan(0);
    const more = page.getByTestId('lesson-more');
    expect(await more.textContent()).toBe(enPractice.practicePage.moreLikeThis);
    await screenshot(page, 'lesson-more-like-this-en');
    await more.click();
    await page.getByTestId('practice-problem').waitFor({ timeout: 30_000 });
    expect(await page.locator('.breadcrumb').textContent()).toContain('Recursion');
    // It is the learner's newest problem (that it was the ready one: tests/unit/practice).
    const list = await callApi<PracticeList>(offline, 'listPractice', { trackId: 'python', locale: 'en' });
    expect(list.problems[0]?.concept).toBe('recursion');
  });

  test('Settings says no key is set and that keys typed in web mode last until Lantern closes', async () => {
    await resetSettings(offline);
    const page = await openPage(browser, offline.launchUrl, 'zh-CN');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByTestId('setting-language').selectOption('zh');
    const tutor = page.getByTestId('tutor-settings');
    await tutor.getByText(zh.tutor.settings.title).waitFor();
    await expect
      .poll(() => tutor.getByTestId('secret-state-anthropicApiKey').textContent(), POLL)
      .toBe(zh.tutor.settings.keyNotSet);
    expect(await tutor.getByTestId('tutor-storage').textContent()).toBe(zh.tutor.settings.storage.memory);
    await tutor.getByRole('button', { name: zh.tutor.settings.test }).click();
    await expect
      .poll(() => tutor.getByTestId('tutor-test-result').textContent(), POLL)
      .toBe(zh.tutor.settings.testFailed['no-key']);
    await screenshot(page, 'tutor-settings-nokey-zh');
    await resetSettings(offline);
  });
});

describe('the guard in front of the hint panel', () => {
  const LEAK =
    'Look at the upper edge of the range. Here is a version that works:\n```python\ndef clamp(value, low, high):\n    return max(low, min(value, high))\n```\n';
  const HONEST =
    'Think about what should happen when the value is above high. Which line of your code deals with that case?';
  const LEAK_ZH = '基本情况有问题。把第 3 行的 return 0 改成 return 1。';
  const HONEST_ZH = '想一想：0 的阶乘按定义是多少？你的基本情况给出的是这个数吗？';
  const retried = (body: string) => body.includes('was not shown because');

  async function openLesson(page: Page, id: string) {
    await page.evaluate((lesson) => (location.hash = `#/learn/python/${lesson}`), id);
    await page.getByTestId('hint-request').waitFor({ timeout: 90_000 });
    await watchHintPanel(page);
  }

  test('a streamed hint that solves the exercise never appears; the panel says it is checking, then shows the rewritten hint or the exercise’s own', async () => {
    await resetSettings(online);
    const page = await openPage(browser, online.launchUrl);
    await openLesson(page, 'clamp');
    const panel = page.getByTestId('hint-panel');
    answerHint = (body) => (retried(body) ? HONEST : LEAK);
    await panel.getByRole('button', { name: en.tutor.getHint }).click();
    await expect.poll(() => panel.getByTestId('hint-checking').textContent(), POLL).toBe(en.tutor.checking);
    await screenshot(page, 'tutor-hint-checking-en');
    await expect
      .poll(() => panel.getByTestId('hint-kind').textContent(), { timeout: 90_000 })
      .toBe(en.tutor.kind.model);
    expect((await panel.getByTestId('hint-text').textContent())?.trim()).toBe(HONEST);

    answerHint = () => LEAK; // the model gives the answer away again when asked again
    await panel.getByRole('button', { name: en.tutor.nextHint }).click();
    await expect
      .poll(() => panel.getByTestId('hint-notice').textContent(), { timeout: 90_000 })
      .toBe(en.tutor.notice.leak);
    expect(await panel.getByTestId('hint-kind').textContent()).toBe(en.tutor.kind.authored);
    await screenshot(page, 'tutor-hint-refused-en');
    const seen = await hintPanelTexts(page);
    expect(seen.some((t) => t.includes(en.tutor.checking))).toBe(true);
    for (const text of seen) expect(text).not.toMatch(/max\(low|def clamp/);
  });

  test('a hint the model refuses to give never appears: the panel says so and gives an offline hint', async () => {
    await resetSettings(online);
    const page = await openPage(browser, online.launchUrl);
    await openLesson(page, 'clamp');
    const panel = page.getByTestId('hint-panel');
    const REFUSAL = 'I cannot help with that.';
    answerHint = () => REFUSAL;
    hintStop = 'refusal';
    try {
      await panel.getByRole('button', { name: en.tutor.getHint }).click();
      await expect
        .poll(() => panel.getByTestId('hint-notice').textContent(), { timeout: 90_000 })
        .toBe(en.tutor.notice.refused);
      expect(await panel.getByTestId('hint-kind').textContent()).not.toBe(en.tutor.kind.model);
      expect(await panel.getByTestId('hint-text').textContent()).not.toContain(REFUSAL);
      await screenshot(page, 'tutor-hint-model-refused-en');
      for (const text of await hintPanelTexts(page)) expect(text).not.toContain(REFUSAL);
    } finally {
      hintStop = 'end_turn';
      answerHint = (body) => (body.includes('Answer in Simplified Chinese') ? HINT_ZH : HINT);
    }
  });

  test('in Chinese too: a fix stated in words never appears on screen', async () => {
    await resetSettings(online);
    const page = await openPage(browser, online.launchUrl, 'zh-CN');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByTestId('setting-language').selectOption('zh');
    await page.getByTestId('tutor-settings').getByText(zh.tutor.settings.title).waitFor();
    await openLesson(page, 'factorial');
    const panel = page.getByTestId('hint-panel');
    answerHint = (body) => (retried(body) ? HONEST_ZH : LEAK_ZH);
    await panel.getByRole('button', { name: zh.tutor.getHint }).click();
    await expect.poll(() => panel.getByTestId('hint-checking').textContent(), POLL).toBe(zh.tutor.checking);
    await screenshot(page, 'tutor-hint-checking-zh');
    await expect
      .poll(() => panel.getByTestId('hint-kind').textContent(), { timeout: 90_000 })
      .toBe(zh.tutor.kind.model);
    expect((await panel.getByTestId('hint-text').textContent())?.trim()).toBe(HONEST_ZH);

    answerHint = () => LEAK_ZH;
    await panel.getByRole('button', { name: zh.tutor.nextHint }).click();
    await expect
      .poll(() => panel.getByTestId('hint-notice').textContent(), { timeout: 90_000 })
      .toBe(zh.tutor.notice.leak);
    await screenshot(page, 'tutor-hint-refused-zh');
    for (const text of await hintPanelTexts(page)) expect(text).not.toContain('return 1');
    answerHint = (body) => (body.includes('Answer in Simplified Chinese') ? HINT_ZH : HINT);
    await resetSettings(online);
  });
});
