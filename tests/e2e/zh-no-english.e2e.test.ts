/**
 * Issue 16 point 2, driven with the Chinese interface: a page the learner reaches by an old link
 * or by running a program says nothing in English. Each case found English on the zh page when
 * it was written; it is marked `test.fails` until the backend or runner sends a code the
 * catalogs word, and then it becomes a plain test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import zhPacks from '../../shared/i18n/locales/zh/packs.json';
import zhProgress from '../../shared/i18n/locales/zh/progress.json';
import {
  ROOT,
  authoredExercise,
  callApi,
  openInChinese,
  resetSettings,
  typeCode,
  useAppAndBrowser,
} from './harness.ts';
import { englishIn } from './latin.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

/** Latin words of three letters or more, once the names given (ids, error types) are taken out. */
function englishWords(text: string, names: readonly string[] = []): string[] {
  let rest = text;
  for (const n of names) rest = rest.split(n).join(' ');
  return rest.replace(/\b(Lantern|Python|JavaScript|Claude)\b/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
}

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

beforeAll(async () => {
  page = await openInChinese(browser, app);
});

afterAll(async () => {
  await resetSettings(app);
});

describe('an old link, with the Chinese interface', () => {
  // openLesson refuses with a code (no-lesson) the catalog words.
  test('a lesson that is not in the track is said in Chinese', async () => {
    await go('#/learn/python/no-such-lesson');
    const alert = page.locator('[role="alert"]').first();
    await alert.waitFor();
    expect(englishWords(await alert.innerText(), ['no-such-lesson', 'python'])).toEqual([]);
  });

  // Same for a track (no-track).
  test('a track that is not installed is said in Chinese', async () => {
    await go('#/learn/no-such-track');
    const alert = page.locator('[role="alert"]').first();
    await alert.waitFor();
    expect(englishWords(await alert.innerText(), ['no-such-track'])).toEqual([]);
  });

  // getPracticeProblem refuses with no-practice-problem.
  test('a practice problem that is not there is said in Chinese', async () => {
    await go('#/practice/no-such-problem');
    const alert = page.locator('[role="alert"]').first();
    await alert.waitFor();
    expect(englishWords(await alert.innerText(), ['no-such-problem'])).toEqual([]);
  });
});

describe('a content pack, with the Chinese interface', () => {
  // Each problem (a number over its limit, a concept not in the track) carries a code the
  // catalog words (packs.problem).
  test('a broken pack is refused with every problem said in Chinese', async () => {
    await go('#/settings');
    await page
      .getByLabel(zhPacks.packs.pathLabel)
      .fill(path.join(ROOT, 'tests/fixtures/packs/broken-python'));
    await page.getByRole('button', { name: zhPacks.packs.addPath, exact: true }).click();
    const problems = page.getByTestId('pack-errors');
    await problems.waitFor({ timeout: 90_000 });
    const messages = await problems.locator('.pack-error-message').allInnerTexts();
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(englishWords(m, ['variables', 'track.yaml']), m).toEqual([]);
  });

  // The pack loader's problem carries a code (no-pack) the catalog words.
  test('a folder that is not there is said in Chinese', async () => {
    await go('#/settings');
    const folder = path.join(ROOT, 'tests/fixtures/packs/no-such-pack');
    await page.getByLabel(zhPacks.packs.pathLabel).fill(folder);
    await page.getByRole('button', { name: zhPacks.packs.addPath, exact: true }).click();
    const status = page.getByTestId('pack-status');
    await expect.poll(async () => /^(|正在检查 .*)$/.test((await status.textContent()) ?? '')).toBe(false);
    const errors = page.getByTestId('pack-errors');
    const text = `${await status.innerText()}\n${(await errors.count()) ? await errors.innerText() : ''}`;
    // The help names the command to check a pack with: a command, not English to translate.
    expect(englishWords(text, [folder, 'no-such-pack', 'lantern validate'])).toEqual([]);
  });
});

describe('a report, with the Chinese interface', () => {
  // A signing-key file that is not Lantern's: a code (dashboard.errors) naming the file.
  test('a report that cannot be signed says why in Chinese', async () => {
    const file = path.join(app.dataDir, 'signing-keys.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'something-else', keys: {} }));
    await callApi(app, 'recordAttempt', {
      trackId: 'python',
      exerciseId: 'predict-variables',
      kind: 'predict',
      code: '10 5\napples!\n',
      timeTakenMs: 1000,
    });
    try {
      await go('#/progress');
      await page.getByRole('button', { name: zhProgress.dashboard.exportJson }).click();
      const status = page.getByTestId('export-status');
      await expect.poll(async () => status.getAttribute('class')).toContain('error');
      expect(englishWords(await status.innerText(), [file])).toEqual([]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('a lesson’s starter, with the Chinese interface', () => {
  // The starter's comments come in the interface language (starterComments); the code is the same.
  test('the comment in the editor is Chinese, the code is not translated', async () => {
    await go('#/learn/python/greet-by-name');
    const lines = page.locator('.code-editor .view-lines').first();
    await expect
      .poll(async () => (await lines.innerText()).replace(/\s+/g, ' '))
      .toContain('# 把名字放进问候语里');
    const text = (await lines.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('def greeting(name):');
    expect(text).not.toContain('Put the name');
  });
});

describe('running a program, with the Chinese interface', () => {
  beforeAll(async () => {
    await go('#/learn/python/hello-world');
    await page.locator('.code-editor .monaco-editor').first().waitFor();
    await page.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
  });

  // The runner sends the timeout as a code with the seconds (runner.learnerError.timeout).
  test('an endless loop stopped at the time limit is explained in Chinese only', async () => {
    await typeCode(page, 'n = 0\nwhile n >= 0:\n    n += 1\n');
    await page.getByRole('button', { name: '运行' }).click();
    const box = page.locator('.error-box').first();
    await box.waitFor({ timeout: 30_000 });
    expect(englishWords(await box.innerText(), ['Timeout'])).toEqual([]);
  });

  // Stop: the summary and the error box are worded by the catalog (this one holds).
  test('a program stopped with Stop is explained in Chinese only', async () => {
    await typeCode(page, 'while True:\n    pass\n');
    await page.getByRole('button', { name: '运行' }).click();
    await page.getByRole('button', { name: '停止' }).click();
    await page.locator('.results-summary').waitFor();
    const results = await page
      .locator('.results, .results-panel, [data-testid="results"]')
      .first()
      .innerText();
    expect(englishWords(results, ['Stopped'])).toEqual([]);
  });
});

/** Texts of every element `selector` finds in the results: content or the language's own words. */
async function textsOf(selector: string): Promise<string[]> {
  return (await page.locator(`.results ${selector}`).allInnerTexts()).map((x) => x.trim()).filter(Boolean);
}

/** File names a result points at (main.py, average.py): names, not English. */
const fileNames = (text: string) => text.match(/[\w-]+\.py\b/g) ?? [];

describe('what the runner says about a program, with the Chinese interface', () => {
  beforeAll(async () => {
    await go('#/learn/python/hello-world');
    await page.locator('.code-editor .monaco-editor').first().waitFor();
    await page.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
  });

  async function runAndRead(code: string): Promise<string> {
    await typeCode(page, code);
    await page.getByRole('button', { name: '运行' }).click();
    // The results are cleared when a run starts; a run that did not finish well shows them.
    const results = page.locator('.results');
    await results.waitFor({ timeout: 60_000 });
    await page.locator('.runtime-state', { hasText: /^就绪$/ }).waitFor({ timeout: 90_000 });
    return results.innerText();
  }

  // The output cap's notice, the restart and the timeout are all worded by the catalog.
  test('an endless flood of output is cut and stopped in Chinese only', async () => {
    const text = await runAndRead('while True:\n    print("flood " * 5000)\n');
    expect(text).toContain('输出');
    expect(englishIn(text, ['Timeout'])).toEqual([]);
  });

  // Python's own MemoryError (or the runner's restart after it): the type is the language's.
  test('a program that eats memory is stopped in Chinese only', async () => {
    const text = await runAndRead('x = []\nwhile True:\n    x.append(" " * 10 ** 7)\n');
    const errors = await textsOf('.error-title strong');
    expect(englishIn(text, [...errors, ...fileNames(text)])).toEqual([]);
  });

  // A module Lantern keeps out: Python's ModuleNotFoundError, worded by the code moduleUnavailable
  // (it used to add "(not available in Lantern)" to Python's message).
  test('importing a module Lantern keeps out is explained in Chinese only', async () => {
    const text = await runAndRead('import js\n');
    await page.locator('.results .error-box[data-code="moduleUnavailable"]').waitFor();
    expect(englishIn(text, ['ModuleNotFoundError', 'js', ...fileNames(text)])).toEqual([]);
  });

  // The audit hook's refusal: RuntimeError, worded by the code refused (it was an English sentence).
  test('a program that inspects the runner is refused in Chinese only', async () => {
    const text = await runAndRead('import sys\nsys._getframe(0)\n');
    await page.locator('.results .error-box[data-code="refused"]').waitFor();
    expect(englishIn(text, ['RuntimeError', 'sys._getframe()', ...fileNames(text)])).toEqual([]);
  });

  // Deep recursion: Python's own RecursionError and its message are the language's words;
  // where it happened and what it usually means are the catalog's.
  test('deep recursion is explained in Chinese, beside Python’s own message', async () => {
    // One line each: the editor would indent a line typed after the function's body.
    const text = await runAndRead('f = lambda n: f(n + 1)\nf(0)\n');
    const titles = await textsOf('.error-title');
    expect(titles.join(' ')).toContain('RecursionError');
    expect(englishIn(text, [...titles, ...fileNames(text)])).toEqual([]);
  });
});

describe('what a Check says, with the Chinese interface', () => {
  beforeAll(async () => {
    await go('#/learn/python/average-of-three');
    await page.locator('.code-editor .monaco-editor').first().waitFor();
    await page.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
  });

  async function checkAndRead(code: string): Promise<string> {
    await typeCode(page, code);
    await page.getByRole('button', { name: '检查' }).click();
    await page.locator('.results .results-summary').waitFor({ timeout: 60_000 });
    await page.locator('.runtime-state', { hasText: /^就绪$/ }).waitFor({ timeout: 90_000 });
    return page.locator('.results').innerText();
  }

  // The tests' names are the lesson's content; an assertion's words and the values compared
  // are Python's. Everything else is the catalog's.
  test('a failing check says all but the tests’ own words in Chinese', async () => {
    const text = await checkAndRead('def average(a, b, c):\n    return (a + b + c) / 3\n');
    const own = [
      ...(await textsOf('.test-name')),
      ...(await textsOf('.test-message')),
      ...(await textsOf('dd code')),
    ];
    expect(own.length).toBeGreaterThan(0);
    expect(englishIn(text, [...own, ...fileNames(text)])).toEqual([]);
  });

  // The harness finds the testing tools changed and says so by a code (runner.learnerError.tampered).
  test('code that tampers with the tests is refused in Chinese only', async () => {
    const text = await checkAndRead(
      'import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\n\ndef average(a, b, c):\n    return 0\n',
    );
    expect(await page.locator('.results .error-box[data-code="tampered"]').count()).toBeGreaterThan(0);
    expect(englishIn(text, ['HarnessTampering', ...(await textsOf('.test-name'))])).toEqual([]);
  });

  // The backend's re-check disagrees with what the page claimed: its verdict is said by code,
  // and only the tests' names and Python's own messages are quoted.
  test('the backend’s re-check that disagrees with the page is said in Chinese', async () => {
    const { solution } = await authoredExercise('python', 'average-of-three');
    await page.route('**/api/call/recordAttempt', (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { kind: string };
      return route.continue({
        postData: JSON.stringify(body.kind === 'check' ? { ...body, code: 'pass' } : body),
      });
    });
    try {
      await checkAndRead(solution!);
      const notice = page.getByTestId('verdict-notice');
      await notice.waitFor({ timeout: 60_000 });
      const quoted = [
        ...(await notice.locator('li .mono').allInnerTexts()),
        ...(await notice.locator('li pre').allInnerTexts()),
        // The function the lesson's tests need, named in the backend's error (the lesson's content).
        'average',
      ];
      expect(englishIn(await notice.innerText(), quoted)).toEqual([]);
    } finally {
      await page.unroute('**/api/call/recordAttempt');
    }
  });
});

describe('a TypeScript syntax error, with the Chinese interface', () => {
  // The compiler's message is its own words; where it is, the catalog's ("main.ts，第 2 行"). The
  // runner used to add "(ts-average.ts, line 2)" in English to the compiler's message.
  test('says where in Chinese, beside the compiler’s own words', async () => {
    await go('#/learn/typescript/ts-average');
    await page.locator('.code-editor .monaco-editor').first().waitFor();
    await page.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
    await typeCode(page, 'console.log("never");\nlet x: number = ;\n');
    await page.getByRole('button', { name: '运行' }).click();
    const box = page.locator('.results .error-box').first();
    await box.waitFor({ timeout: 60_000 });
    const title = await box.locator('.error-title').innerText();
    expect(title).toMatch(/^SyntaxError/);
    expect(title).not.toMatch(/\bline\b|\.ts\b/);
    expect(await box.locator('.error-where').innerText()).toMatch(/^[\w-]+\.ts，第 2 行$/);
    const text = await page.locator('.results').innerText();
    expect(englishIn(text, [title, ...(text.match(/[\w-]+\.ts\b/g) ?? [])])).toEqual([]);
  });
});
