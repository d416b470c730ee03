/**
 * The Learn flow in real Chromium against web mode: a new learner opens the Python track, solves
 * the first exercise by typing, sees every test pass, reloads and finds it done with their code
 * kept; takes hints one by one; reveals a solution after three failed checks; runs programs
 * that read input, loop forever or fail, in Python and JavaScript.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, openPage, pasteCode, screenshot, typeCode, useAppAndBrowser } from './harness.ts';

const ref = (exerciseId: string) => ({ trackId: 'python', exerciseId });

const { app, browser } = useAppAndBrowser();
let page: Page;

async function openLesson(p: Page, track: string, lesson: string): Promise<void> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}/${lesson}`);
  await p.locator('.code-editor .monaco-editor').first().waitFor();
}

async function waitReady(p: Page): Promise<void> {
  await p.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
}

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

describe('a new learner in the Python track', () => {
  test('the Learn page lists both built-in tracks with their progress', async () => {
    await expect.poll(() => page.locator('.track-card').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-track="python"] h2').textContent()).resolves.toBe('Python');
    await expect(page.locator('[data-track="javascript"]').textContent()).resolves.toContain('0 of');
    await screenshot(page, 'learn-tracks-en');
  });

  test('the track overview shows units, lessons and what is up next', async () => {
    await page.locator('[data-track="python"] h2 a').click();
    await page.getByTestId('continue').waitFor();
    await expect(page.getByTestId('continue').textContent()).resolves.toContain('Start with');
    await expect(page.locator('.unit').count()).resolves.toBeGreaterThanOrEqual(12);
    await screenshot(page, 'learn-overview-en');
  });

  test('solving the first exercise by typing: Check shows every test passing', async () => {
    await openLesson(page, 'python', 'hello-world');
    await waitReady(page);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.results-summary').waitFor();
    await expect(page.locator('.results-summary').textContent()).resolves.toContain('of 3 tests pass');
    await expect(page.locator('.test[data-status="pass"]').count()).resolves.toBeLessThan(3);

    await typeCode(page, 'def greet():\n    return "Hello, World!"\n');
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    await page.locator('.results-summary', { hasText: 'All 3 tests pass.' }).waitFor();
    await expect(page.locator('.test[data-status="pass"]').count()).resolves.toBe(3);
    await page.getByTestId('success').waitFor();
    await page.getByTestId('done-badge').waitFor();
    await screenshot(page, 'lesson-solved-en');
  });

  test('after a reload the exercise is done and the code is kept', async () => {
    // The draft autosaves 600 ms after the last keystroke: wait until the backend has it.
    await expect
      .poll(async () => (await callApi<{ draft?: string }>(app, 'openLesson', ref('hello-world'))).draft)
      .toContain('return "Hello, World!"');
    await page.reload();
    await page.locator('.code-editor .monaco-editor').first().waitFor();
    await page.getByTestId('done-badge').waitFor();
    // Monaco renders spaces as no-break spaces.
    const shown = (await page.locator('.code-editor .view-lines').textContent())?.replace(/\u00a0/g, ' ');
    expect(shown).toContain('return "Hello, World!"');
    await page.evaluate(() => (location.hash = '#/learn/python'));
    await page.locator('[data-lesson="hello-world"][data-done="true"]').waitFor();
  });

  test('a failing test shows expected and actual side by side', async () => {
    await openLesson(page, 'python', 'greet-by-name');
    await waitReady(page);
    await typeCode(page, 'def greeting(name):\n    return "Hello " + name\n');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.test[data-status="fail"] .diff').first().waitFor();
    const diff = await page.locator('.test[data-status="fail"] .diff').first().textContent();
    expect(diff).toContain("'Hello, Ada!'");
    expect(diff).toContain("'Hello Ada'");
    await screenshot(page, 'lesson-failing-en');
  });

  test('hints come one at a time, and the solution is offered after three failed checks', async () => {
    // No key in this run: the tutor panel gives offline hints and says so, one step for each of
    // the exercise's three authored hints.
    await page.getByTestId('hint-request').click();
    await page.getByTestId('hint-level').filter({ hasText: 'Step 1 of 3' }).waitFor();
    await page.getByTestId('hint-notice').waitFor();
    const first = await page.getByTestId('hint-text').textContent();
    expect(first?.trim().length).toBeGreaterThan(10);
    await page.getByTestId('hint-request').click();
    await page.getByTestId('hint-level').filter({ hasText: 'Step 2 of 3' }).waitFor();
    await expect.poll(() => page.getByTestId('hint-text').textContent()).not.toBe(first);
    expect(await page.locator('.solution-later').textContent()).toContain('2 more failed checks');
    // Each failed check is recorded before the next: the count of checks left goes down.
    await page.getByRole('button', { name: 'Check' }).click();
    await page.locator('.solution-later', { hasText: '1 more failed checks' }).waitFor();
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Yes, show it' }).click();
    await expect(page.getByTestId('solution').textContent()).resolves.toContain('f"Hello, {name}!"');
    await screenshot(page, 'lesson-solution-en');
  });

  test('a syntax error is explained in plain words and marked on its line', async () => {
    await typeCode(page, 'def greeting(name)\n    return name\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.error-box').first().waitFor();
    const box = await page.locator('.error-box').first().textContent();
    expect(box).toContain('SyntaxError');
    expect(box).toContain('line 1');
    await page.locator('.code-editor .squiggly-error').first().waitFor();
  });
});

describe('running programs', () => {
  test('input() asks in the console and the program goes on with the answer', async () => {
    await typeCode(page, 'name = input("Name? ")\nprint(f"Hi {name}")\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByLabel('Your program is waiting for input:').fill('Ada');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.console-output', { hasText: 'Hi Ada' }).waitFor();
  });

  test('Stop ends an endless loop and the next run works', async () => {
    await typeCode(page, 'while True:\n    pass\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('.results-summary', { hasText: 'You stopped the program.' }).waitFor();
    await typeCode(page, 'print(6 * 7)\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.console-output', { hasText: '42' }).waitFor();
  });

  test('an endless loop is stopped at the time limit and explained', async () => {
    await typeCode(page, 'n = 0\nwhile n >= 0:\n    n += 1\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.results-summary', { hasText: 'ran too long' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.error-box').first().textContent()).toContain('loop');
  });

  test('JavaScript runs in its sandbox and has no network', async () => {
    await openLesson(page, 'javascript', (await firstExercise(page, 'javascript')) ?? '');
    await waitReady(page);
    await typeCode(
      page,
      'console.log(typeof fetch, typeof XMLHttpRequest, typeof process);\nconsole.log([1, 2, 3].map((n) => n * 2));\n',
    );
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.console-output', { hasText: 'undefined undefined undefined' }).waitFor();
    await expect(page.locator('.console-output').textContent()).resolves.toContain('[ 2, 4, 6 ]');
    await screenshot(page, 'lesson-javascript-en');
  });
});

describe('what only the browser sandbox has to hold', () => {
  test('Python in the worker reaches no JavaScript bridge, no network and no files', async () => {
    await openLesson(page, 'python', 'hello-world');
    await waitReady(page);
    await pasteCode(
      page,
      app,
      [
        'attempts = ["from js import fetch", "import js", "import pyodide.http", "import pyodide_js",',
        "            \"open('/etc/passwd').read()\", \"__import__('importlib').import_module('js')\"]",
        'for code in attempts:',
        '    try:',
        '        exec(code)',
        '        print("OPEN", code)',
        '    except BaseException as error:',
        '        print("blocked", type(error).__name__)',
        'print("done")',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.console-output', { hasText: 'done' }).waitFor();
    const out = (await page.locator('.console-output').textContent()) ?? '';
    expect(out).not.toContain('OPEN');
    expect(out.match(/blocked/g)?.length).toBe(6);
  });

  test('memory that grows without end is Python’s MemoryError, explained, and the next run works', async () => {
    await openLesson(page, 'python', 'hello-world');
    await waitReady(page);
    await pasteCode(page, app, 'x = []\nwhile True:\n    x.append(" " * 10 ** 8)\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.error-box', { hasText: 'MemoryError' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'lesson-memory-error-en');
    await typeCode(page, 'print("after", len([1, 2, 3]))\n');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.console-output', { hasText: 'after 3' }).waitFor();
  });

  test('JavaScript in QuickJS has no worker, network, DOM or Node globals', async () => {
    await openLesson(page, 'javascript', (await firstExercise(page, 'javascript')) ?? '');
    await waitReady(page);
    await pasteCode(
      page,
      app,
      [
        "const names = ['importScripts', 'fetch', 'XMLHttpRequest', 'WebSocket', 'Worker', 'document',",
        "  'window', 'process', 'require', 'postMessage', 'self'];",
        "const open = names.filter((n) => typeof globalThis[n] !== 'undefined');",
        "const escape = globalThis.constructor.constructor('return typeof process + typeof postMessage')();",
        "console.log('open:', open.length, escape);",
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.console-output', { hasText: 'open:' }).waitFor();
    await expect(page.locator('.console-output').textContent()).resolves.toContain(
      'open: 0 undefinedundefined',
    );
  });
});

describe('in Chinese', () => {
  test('the lesson page speaks Chinese', async () => {
    const zh = await openPage(browser, app.url + '/', 'zh-CN');
    await zh.close();
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByTestId('setting-language').selectOption('zh');
    await openLesson(page, 'python', 'hello-world');
    await page.getByRole('button', { name: '检查' }).waitFor();
    await expect(page.locator('h1').textContent()).resolves.toContain('你好，世界');
    await screenshot(page, 'lesson-solved-zh');
    await page.evaluate(() => (location.hash = '#/learn'));
    await page.locator('.track-card').first().waitFor();
    await screenshot(page, 'learn-tracks-zh');
    await page.evaluate(() => (location.hash = '#/learn/python'));
    await page.getByTestId('continue').waitFor();
    await screenshot(page, 'learn-overview-zh');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByTestId('setting-language').selectOption('en');
  });
});

async function firstExercise(p: Page, track: string): Promise<string | undefined> {
  await p.evaluate((h) => (location.hash = h), `#/learn/${track}`);
  await p.getByTestId('continue').waitFor();
  const ids = await p
    .locator('.lesson-list li')
    .evaluateAll((items) =>
      items.map((li) => ({ id: li.getAttribute('data-lesson'), type: li.textContent ?? '' })),
    );
  return ids.find((x) => /Exercise/.test(x.type))?.id ?? undefined;
}
