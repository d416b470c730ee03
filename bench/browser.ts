/**
 * Browser-host figures, measured through the real UI in Debian's Chromium against web mode (the
 * issue's targets are "click to result on screen"): runner ready after the app opens beside bare
 * Pyodide's load in a module worker of the same browser (the anchor), cold and cached; Run and
 * Check once warm, Python and JavaScript; Stop on `while True: pass`; opening a lesson.
 *
 * A pack with a 10-test exercise per language is installed through the API first, so Check
 * measures exactly ten tests. Needs a built renderer (`npm run build`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  callApi,
  launchBrowser,
  openPage,
  pasteCode,
  ROOT,
  startApp,
  typeCode,
} from '../tests/e2e/harness.ts';

const N = Number(process.env.BENCH_RUNS ?? 20);
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (v: number) =>
  Number.isNaN(v) ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
const line = (what: string, value: string, compare: string) =>
  console.log(`${what.padEnd(52)} ${value.padStart(10)}   ${compare}`);

function writePacks(dir: string): { python: string; javascript: string } {
  const tenPy = Array.from(
    { length: 10 },
    (_, i) =>
      `    def test_year_${i}(self):\n        self.assertEqual(leap_year(${1896 + i * 4}), ${i === 1 ? 'False' : 'True'})`,
  ).join('\n\n');
  const tenJs = Array.from(
    { length: 10 },
    (_, i) =>
      `  test('year ${i}', () => expect(isLeap(${1896 + i * 4})).toBe(${i === 1 ? 'false' : 'true'}));`,
  ).join('\n');
  const indent = (s: string) => s.replace(/^/gm, '  ');
  const pack = (language: 'python' | 'javascript', starter: string, solution: string, tests: string) => {
    const root = path.join(dir, `bench-${language}`);
    fs.mkdirSync(path.join(root, 'lessons'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'track.yaml'),
      `id: bench-${language}\nlanguage: ${language}\ntitle: { en: Bench ${language}, zh: 基准 ${language} }\n` +
        `description: { en: Benchmark pack, zh: 基准测试内容包 }\nconcepts:\n  - id: basics\n    title: { en: Basics, zh: 基础 }\n` +
        `units:\n  - id: only\n    title: { en: Only, zh: 唯一 }\n    lessons: [leap, second]\n`,
    );
    const lesson = (id: string) =>
      `---\nid: ${id}\ntitle: { en: Leap ${id}, zh: 闰年 ${id} }\ntype: exercise\nconcepts: [basics]\ndifficulty: 2\nmodule: leap\n` +
      `starter: |\n${indent(starter)}\nsolution: |\n${indent(solution)}\ntests: |\n${indent(tests)}\nhints:\n` +
      `  - { en: Divisible by 4., zh: 能被 4 整除。 }\n  - { en: But not by 100., zh: 但不能被 100 整除。 }\n  - { en: Unless by 400., zh: 除非能被 400 整除。 }\n` +
      `---\n\n<!-- lang: en -->\n\nIs it a leap year?\n\n<!-- lang: zh -->\n\n是闰年吗？\n`;
    fs.writeFileSync(path.join(root, 'lessons', 'leap.md'), lesson('leap'));
    fs.writeFileSync(path.join(root, 'lessons', 'second.md'), lesson('second'));
    return root;
  };
  return {
    python: pack(
      'python',
      'def leap_year(year):\n    return False',
      'def leap_year(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)',
      `import unittest\nfrom leap import leap_year\n\n\nclass LeapTest(unittest.TestCase):\n${tenPy}`,
    ),
    javascript: pack(
      'javascript',
      'export function isLeap(year) {\n  return false;\n}',
      'export function isLeap(year) {\n  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);\n}',
      `import { isLeap } from './leap';\n\ndescribe('leap', () => {\n${tenJs}\n});`,
    ),
  };
}

/** Bare Pyodide in a module worker, served by the same server: the anchor for "runner ready". */
function addBarePage(rendererDir: string): void {
  fs.writeFileSync(
    path.join(rendererDir, 'bench-bare.html'),
    '<!doctype html><meta charset="utf-8"><title>bare</title><script type="module" src="./bench-bare.js"></script>',
  );
  fs.writeFileSync(
    path.join(rendererDir, 'bench-bare.js'),
    "const w = new Worker('./bench-bare-worker.js', { type: 'module' });\nw.onmessage = () => { window.bareReady = performance.now(); };\n",
  );
  fs.writeFileSync(
    path.join(rendererDir, 'bench-bare-worker.js'),
    "const { loadPyodide } = await import('/pyodide/pyodide.mjs');\nawait loadPyodide({ indexURL: '/pyodide/' });\npostMessage('ready');\n",
  );
}

async function bareLoad(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${url}/bench-bare.html`);
  await page.waitForFunction(() => (window as unknown as { bareReady?: number }).bareReady, null, {
    timeout: 120_000,
  });
  return page.evaluate(() => (window as unknown as { bareReady: number }).bareReady);
}

/** From navigation start to the lesson saying the runner is ready. */
async function lantern(page: Page, launchUrl: string, lessonHash: string): Promise<number> {
  await page.goto('about:blank'); // a real page load each time, not a same-document hash change
  await page.goto(launchUrl);
  await page.waitForFunction(() => location.hash.startsWith('#/learn'));
  await page.evaluate((h) => (location.hash = h), lessonHash);
  await page.waitForFunction(() => document.querySelector('.runtime-state')?.textContent === 'Ready', null, {
    timeout: 120_000,
  });
  return page.evaluate(() => performance.now());
}

/** Clicks a toolbar button and times it until the run is over and `done(text)` holds on screen. */
async function clickUntil(page: Page, button: string, selector: string, expected: string): Promise<number> {
  return page.evaluate(
    ({ button, selector, expected }) =>
      new Promise<number>((resolve) => {
        const run = [...document.querySelectorAll<HTMLButtonElement>('.toolbar button')].find(
          (b) => b.textContent === 'Run',
        )!;
        const target = [...document.querySelectorAll<HTMLButtonElement>('.toolbar button')].find(
          (b) => b.textContent === button,
        )!;
        // Stop is clicked while a run is going: the run has started already.
        let started = run.disabled;
        const t0 = performance.now();
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN); // never reached: printed as "n/a" with what the page said
          console.error(
            'timed out waiting for',
            expected,
            'page says:',
            document.querySelector(selector)?.textContent,
          );
        }, 20_000);
        const observer = new MutationObserver(() => {
          if (run.disabled) started = true;
          const text = document.querySelector(selector)?.textContent ?? '';
          if (started && !run.disabled && text.includes(expected)) {
            clearTimeout(timer);
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        target.click();
      }),
    { button, selector, expected },
  );
}

/** Repeats with a pause between clicks, as a learner leaves (the runner readies a spare realm). */
async function repeat(times: number, fn: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) {
    await new Promise((r) => setTimeout(r, 300));
    values.push(await fn());
  }
  return values;
}

async function main() {
  const source = process.env.LANTERN_RENDERER_DIR ?? path.join(ROOT, 'out/renderer');
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error('Build the app first: npm run build');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  const rendererDir = path.join(work, 'renderer');
  fs.cpSync(source, rendererDir, { recursive: true });
  addBarePage(rendererDir);
  const packs = writePacks(work);
  const app = await startApp(path.join(work, 'data'), { LANTERN_RENDERER_DIR: rendererDir });
  let browser: Browser | undefined;
  try {
    for (const dir of Object.values(packs)) {
      const answer = await callApi<{ ok: boolean }>(app, 'installPack', {
        source: { kind: 'path', path: dir },
      });
      if (!answer.ok) throw new Error(`could not install ${dir}: ${JSON.stringify(answer)}`);
    }
    console.log('Browser host, Debian Chromium, web mode, median of N once warm unless noted (N =', N, ')');
    console.log(`${'figure'.padEnd(52)} ${'value'.padStart(10)}   target / anchor`);

    // Cold: a new browser profile each time (empty HTTP cache); cached: the same page reloaded.
    const cold = { bare: [] as number[], lantern: [] as number[] };
    const cached = { bare: [] as number[], lantern: [] as number[] };
    for (let i = 0; i < 2; i++) {
      browser = await launchBrowser();
      const page = await openPage(browser, 'about:blank');
      cold.bare.push(await bareLoad(page, app.url));
      cached.bare.push(await bareLoad(page, app.url));
      await browser.close();
      browser = await launchBrowser();
      const page2 = await openPage(browser, 'about:blank');
      cold.lantern.push(await lantern(page2, app.launchUrl, '#/learn/bench-python/leap'));
      cached.lantern.push(await lantern(page2, app.launchUrl, '#/learn/bench-python/leap'));
      await browser.close();
      browser = undefined;
    }
    const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
    line(
      'Python runner ready after the app opens, cold',
      ms(median(cold.lantern)),
      `≤ 1.1× bare (${ratio(cold.lantern, cold.bare)}×)`,
    );
    line('  bare Pyodide 314 in a module worker, cold', ms(median(cold.bare)), 'anchor: 7.2–8.1 s here');
    line(
      'Python runner ready after the app opens, cached',
      ms(median(cached.lantern)),
      `≤ 1.1× bare (${ratio(cached.lantern, cached.bare)}×)`,
    );
    line('  bare Pyodide 314 in a module worker, cached', ms(median(cached.bare)), 'anchor: 2.2–2.9 s here');

    browser = await launchBrowser();
    const page = await openPage(browser, app.launchUrl);
    page.on('crash', () => console.log('(the page crashed)'));
    page.on('pageerror', (e) => console.log('(page error)', e.message));
    page.on('console', (m) => m.type() === 'error' && console.log('(page)', m.text()));
    await page.waitForFunction(() => location.hash.startsWith('#/learn'));
    await page.evaluate(() => (location.hash = '#/learn/bench-python/leap'));
    await page.waitForFunction(
      () => document.querySelector('.runtime-state')?.textContent === 'Ready',
      null,
      {
        timeout: 120_000,
      },
    );

    await typeCode(page, 'print(sum(range(1000)))\n');
    await clickUntil(page, 'Run', '.console-output', '499500');
    const pyRun = await repeat(N, () => clickUntil(page, 'Run', '.console-output', '499500'));
    line(
      'Python: Run print(sum(range(1000))), click to output',
      ms(median(pyRun)),
      '≤ 30 ms (bare run 0.4 ms)',
    );

    await typeCode(
      page,
      'def leap_year(year):\n    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)\n',
    );
    const pyCheck = await repeat(N, () =>
      clickUntil(page, 'Check', '.results-summary', 'All 10 tests pass.'),
    );
    line(
      'Python: Check a 10-test exercise, click to results',
      ms(median(pyCheck)),
      '≤ 50 ms (bare 10-test run 3 ms)',
    );

    await page.evaluate(() => (location.hash = '#/learn/bench-javascript/leap'));
    await page.waitForFunction(() => document.querySelector('.runtime-state')?.textContent === 'Ready');
    await typeCode(page, 'console.log([1, 2, 3].reduce((a, b) => a + b, 0) * 1000);\n');
    await clickUntil(page, 'Run', '.console-output', '6000');
    const jsRun = await repeat(N, () => clickUntil(page, 'Run', '.console-output', '6000'));
    line('JavaScript: trivial Run, click to output', ms(median(jsRun)), '≤ 20 ms');
    await typeCode(
      page,
      // One line: Monaco closes brackets as keys are typed, and types over them on the same line.
      'export function isLeap(year) { return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0); }',
    );
    const jsCheck = await repeat(N, () =>
      clickUntil(page, 'Check', '.results-summary', 'All 10 tests pass.'),
    );
    line('JavaScript: Check a 10-test Jest-style exercise', ms(median(jsCheck)), '≤ 40 ms');

    const opens = await repeat(10, async () => {
      const target = (await page.evaluate(() => location.hash.endsWith('/leap'))) ? 'second' : 'leap';
      return page.evaluate(
        (lesson) =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              const title = document.querySelector('h1')?.textContent ?? '';
              const editor = document.querySelector('.monaco-editor .view-lines')?.textContent ?? '';
              if (title.includes(`Leap ${lesson}`) && editor.includes('return')) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            location.hash = `#/learn/bench-python/${lesson}`;
          }),
        target,
      );
    });
    line('Opening a lesson, click to editor with starter code', ms(median(opens)), '≤ 150 ms');
    // Stop, last and in a browser of its own: a runaway loop must not colour the other figures.
    await browser.close();
    browser = await launchBrowser();
    const stopPage = await openPage(browser, app.launchUrl);
    stopPage.on('console', (m) => m.type() === 'error' && console.log('(page)', m.text()));
    await stopPage.waitForFunction(() => location.hash.startsWith('#/learn'));
    await stopPage.evaluate(() => (location.hash = '#/learn/bench-python/leap'));
    await stopPage.waitForFunction(
      () => document.querySelector('.runtime-state')?.textContent === 'Ready',
      null,
      {
        timeout: 120_000,
      },
    );
    await typeCode(stopPage, 'while True:\n    pass\n');
    const stops = await repeat(5, async () => {
      await stopPage.locator('.toolbar button', { hasText: /^Run$/ }).click();
      await stopPage.waitForTimeout(300);
      return clickUntil(stopPage, 'Stop', '.results-summary', 'You stopped the program.');
    });
    line('Python: Stop while True: pass, until usable again', ms(median(stops)), '≤ 200 ms');

    // A program that swallows KeyboardInterrupt ignores Stop: after the grace second the worker
    // is terminated and a fresh one loads. Timed from the termination to "Ready" again.
    await pasteCode(
      stopPage,
      app,
      'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass\n',
    );
    const fresh = await repeat(3, async () => {
      await stopPage.locator('.toolbar button', { hasText: /^Run$/ }).click();
      await stopPage.waitForTimeout(300);
      await stopPage.locator('.toolbar button', { hasText: /^Stop$/ }).click();
      await stopPage
        .locator('.results-summary', { hasText: 'You stopped the program.' })
        .waitFor({ timeout: 30_000 });
      const terminated = await stopPage.evaluate(() => performance.now());
      await stopPage.waitForFunction(
        () => document.querySelector('.runtime-state')?.textContent === 'Ready',
        null,
        {
          timeout: 120_000,
        },
      );
      return (await stopPage.evaluate(() => performance.now())) - terminated;
    });
    line(
      'Python: fresh runner ready after a forced terminate',
      ms(median(fresh)),
      `≤ cached load (bare cached ${ms(median(cached.bare))})`,
    );
  } finally {
    await browser?.close();
    await app.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
