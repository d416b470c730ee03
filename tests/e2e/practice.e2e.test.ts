/**
 * Timeouts are long: making a template problem runs its checks in the sandbox, on a machine that
 * may be shared.
 *
 * The Practice page says why a template came instead of a problem written by Claude, in English
 * and in Chinese. One app has a key, but every problem the fake Messages API writes is broken
 * (its tests are named test_1 … and assert nothing), so Lantern refuses them all; the other app
 * has no key at all.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import en from '../../shared/i18n/locales/en/practiceui.json';
import zh from '../../shared/i18n/locales/zh/practiceui.json';
import zhTutor from '../../shared/i18n/locales/zh/tutor.json';
import { startFakeAnthropic, textReply, toolReply, type FakeAnthropic } from '../fake-anthropic/server.ts';
import { GENERATED_PROBLEM_TOOL } from '../../electron/core/practice/problem.ts';
import { launchBrowser, openPage, resetSettings, screenshot, startApp, type RunningApp } from './harness.ts';

const BROKEN = {
  title: 'Say hello',
  statement:
    'Write a function `hello(name)` that returns `"Hello, "` and the name. For example, `hello("Ada")`.',
  module: 'hello',
  starter: 'def hello(name):\n    pass\n',
  solution: 'def hello(name):\n    return "Hello, " + name\n',
  tests:
    'import unittest\nfrom hello import hello\n\n\nclass T(unittest.TestCase):\n    def test_1(self):\n        hello("Ada")\n\n    def test_2(self):\n        hello("Li")\n\n    def test_3(self):\n        hello("")\n',
  hints: [
    'What should come back?',
    'Strings can be joined.',
    'Look at the return line.',
    'return the greeting and the name',
  ],
  concepts: ['output-variables'],
  difficulty: 1,
};

let fake: FakeAnthropic;
let browser: Browser;
let refusing: RunningApp;
let keyless: RunningApp;

beforeAll(async () => {
  fake = await startFakeAnthropic({
    // A forced tool call, or the stronger model's JSON output: the same broken problem.
    fallback: (req) =>
      req.body?.tools ? toolReply(GENERATED_PROBLEM_TOOL, BROKEN) : textReply(JSON.stringify(BROKEN)),
  });
  [refusing, keyless] = await Promise.all([
    startApp(undefined, { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: fake.url }),
    startApp(undefined, { ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: fake.url }),
  ]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([refusing?.stop(), keyless?.stop()]);
  await fake?.close();
});

async function practise(page: Page, button: string): Promise<string> {
  await page.evaluate(() => (location.hash = '#/practice'));
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('practice-problem').waitFor({ timeout: 240_000 });
  return (await page.getByTestId('practice-template-reason').textContent()) ?? '';
}

/** The code in the problem's editor, once it shows its starter. */
async function starterShown(page: Page): Promise<string> {
  const lines = page.getByTestId('practice-problem').locator('.code-editor .view-lines').first();
  await expect.poll(async () => (await lines.innerText()).trim().length).toBeGreaterThan(0);
  return (await lines.innerText()).replace(/\s+/g, ' ');
}

async function inChinese(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByTestId('setting-language').selectOption('zh');
  await page.getByTestId('tutor-settings').getByText(zhTutor.tutor.settings.title).waitFor();
}

describe('why a practice problem is a template', () => {
  test('Claude’s problems were refused by the checks: said in English, then in Chinese', async () => {
    await resetSettings(refusing);
    const page = await openPage(browser, refusing.launchUrl);
    expect(await practise(page, en.practicePage.practiseWeakSpots)).toBe(
      en.practicePage.templateReason.refused,
    );
    expect(await page.getByTestId('practice-source').textContent()).toContain(
      en.practicePage.source.template,
    );
    // The model was asked, and its answers were not stored.
    expect(fake.requests.some((r) => r.body?.tools)).toBe(true);
    await screenshot(page, 'practice-template-reason-refused-en');

    await inChinese(page);
    expect(await practise(page, zh.practicePage.practiseWeakSpots)).toBe(
      zh.practicePage.templateReason.refused,
    );
    await screenshot(page, 'practice-template-reason-refused-zh');
    await resetSettings(refusing);
  }, 600_000);

  test('no key: said in Chinese, then in English', async () => {
    await resetSettings(keyless);
    const page = await openPage(browser, keyless.launchUrl, 'zh-CN');
    await inChinese(page);
    expect(await practise(page, zh.practicePage.practiseWeakSpots)).toBe(
      zh.practicePage.templateReason['no-key'],
    );
    await screenshot(page, 'practice-template-reason-nokey-zh');
    // The template's starter says its comment in the interface language too.
    expect(await starterShown(page)).toContain('在这里写代码');
    await resetSettings(keyless);
    await page.reload();
    expect(await practise(page, en.practicePage.practiseWeakSpots)).toBe(
      en.practicePage.templateReason['no-key'],
    );
    await screenshot(page, 'practice-template-reason-nokey-en');
    expect(await starterShown(page)).toContain('Write your code here');
  }, 600_000);
});
