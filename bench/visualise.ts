/**
 * The visualiser's figures (issue 14): from the Visualise click to the first step painted for a
 * 1,000-step program, Python (target ≤ 300 ms median) and JavaScript (≤ 150 ms), each beside a
 * plain Run of the same program from its click to its output painted; measured through the real
 * UI in Debian's Chromium against web mode. "Painted" is when a task queued from the
 * requestAnimationFrame after the element appeared runs: that frame has been drawn. JavaScript
 * streams steps while it records, so the time to the whole trace on screen is printed too. Then
 * the size of a full 1,000-step trace: as JSON, as the structured clone a worker posts to the
 * page, and the JavaScript heap it holds in Node. Needs a built renderer (`npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Page } from 'playwright-core';
import { loadPyodide } from 'pyodide';
import { launchBrowser, openPage, pasteCode, ROOT, startApp } from '../tests/e2e/harness.ts';
import { bootPython } from '../shared/runner/python/boot.ts';
import { createPythonRunner } from '../shared/runner/python/index.ts';
import { runJavaScript } from '../shared/runner/javascript/index.ts';
import type { RunRequest, RunResult } from '../shared/runner/protocol.ts';

const N = Number(process.env.BENCH_RUNS ?? 15);
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : `${v.toFixed(1)} ms`);
const line = (what: string, value: string, compare: string) =>
  console.log(`${what.padEnd(58)} ${value.padStart(10)}   ${compare}`);

/** 1 + 498 × 2 + 3 steps: the loop's line and body each round, the first line, the last test, print, the end. */
const PROGRAMS = {
  python: {
    lesson: 'python/sum-up-to',
    code: 'total = 0\nfor i in range(498):\n    total = total + i\nprint(total)\n',
    printed: '123753',
  },
  javascript: {
    lesson: 'javascript/js-sum-to',
    code: 'let total = 0;\nfor (let i = 0; i < 498; i++) {\n  total = total + i;\n}\nconsole.log(total);\n',
    printed: '123753',
  },
} as const;

/**
 * Clicks a button and resolves with the time until what `done` names was painted and, for a step,
 * until the whole trace was in (no longer recording).
 */
function clickUntil(
  page: Page,
  testIdOrText: string,
  done: 'step' | 'output',
  printed: string,
): Promise<{ painted: number; whole: number }> {
  return page.evaluate(
    ({ testIdOrText, done, printed }) =>
      new Promise<{ painted: number; whole: number }>((resolve) => {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('.toolbar button')];
        const button =
          buttons.find((b) => b.dataset.testid === testIdOrText) ??
          buttons.find((b) => b.textContent === testIdOrText)!;
        const reached = () =>
          done === 'step'
            ? document.querySelector('[data-testid="vis-counter"]') !== null
            : (document.querySelector('.console-output')?.textContent ?? '').includes(printed);
        const whole = () =>
          done === 'output' ||
          document.querySelector('[data-testid="step-view"]:not([data-recording])') !== null;
        const t0 = performance.now();
        let painted = Number.NaN;
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve({ painted, whole: Number.NaN });
        }, 30_000);
        const check = () => {
          if (Number.isNaN(painted) && reached()) {
            painted = Number.POSITIVE_INFINITY;
            requestAnimationFrame(() => setTimeout(() => ((painted = performance.now() - t0), check()), 0));
          }
          if (!Number.isFinite(painted) || !whole()) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve({ painted, whole: performance.now() - t0 });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        button.click();
      }),
    { testIdOrText, done, printed },
  );
}

async function browserFigures(): Promise<void> {
  const source = process.env.LANTERN_RENDERER_DIR ?? path.join(ROOT, 'out/renderer');
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error('Build the app first: npm run build');
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: 'Learn' }).waitFor();
    console.log(`Browser host, Debian Chromium, web mode; median of ${N} once warm`);
    console.log(`${'figure'.padEnd(58)} ${'value'.padStart(10)}   target / anchor`);
    for (const language of ['python', 'javascript'] as const) {
      const program = PROGRAMS[language];
      await page.evaluate((h) => (location.hash = h), `#/learn/${program.lesson}`);
      await page.locator('.runtime-state', { hasText: /^Ready$/ }).waitFor({ timeout: 120_000 });
      await pasteCode(page, app, program.code);
      const visualise: number[] = [];
      const wholeTrace: number[] = [];
      const runner: number[] = [];
      const run: number[] = [];
      let steps = '';
      for (let i = 0; i < N + 1; i++) {
        await new Promise((r) => setTimeout(r, 300));
        const v = await clickUntil(page, 'visualise', 'step', program.printed);
        steps = (await page.getByTestId('vis-counter').textContent()) ?? '';
        const inRunner = Number(await page.getByTestId('visualise-dialog').getAttribute('data-runner-ms'));
        await page.keyboard.press('Escape');
        await page.getByTestId('visualise-dialog').waitFor({ state: 'detached' });
        await new Promise((r) => setTimeout(r, 300));
        const r = await clickUntil(page, 'Run', 'output', program.printed);
        // The first of each is a warm-up (Monaco's chunk for the step view, the first trace).
        if (i > 0) {
          visualise.push(v.painted);
          wholeTrace.push(v.whole);
          runner.push(inRunner);
          run.push(r.painted);
        }
      }
      const target = language === 'python' ? 300 : 150;
      line(
        `${language}: Visualise click → first step painted (${steps.replace(/^Step 1 of /, '')} steps)`,
        ms(median(visualise)),
        `target ≤ ${target} ms; worst ${ms(Math.max(...visualise))}`,
      );
      line(`${language}: Visualise click → whole trace on screen`, ms(median(wholeTrace)), '');
      line(`${language}:   of which recording in the worker`, ms(median(runner)), 'RunResult.durationMs');
      line(`${language}: Run click → output painted, same program`, ms(median(run)), 'anchor');
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

/** Results kept alive while their heap is measured. */
const kept: RunResult[] = [];

async function traceSize(): Promise<void> {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const { pyodide } = await bootPython(loadPyodide, undefined as never);
  const python = createPythonRunner(pyodide);
  const io = { write: () => undefined, readLine: () => null };
  console.log('\nA full 1,000-step trace (the programs above), in Node');
  for (const language of ['python', 'javascript'] as const) {
    const request: RunRequest = {
      mode: 'run',
      language,
      module: 'main',
      code: PROGRAMS[language].code,
      trace: {},
    };
    const record = async (): Promise<RunResult> =>
      language === 'python' ? python.run(request, io) : runJavaScript(request, io);
    await record();
    gc();
    const before = process.memoryUsage().heapUsed;
    kept.push(await record());
    gc();
    const held = process.memoryUsage().heapUsed - before;
    const result = kept[kept.length - 1]!;
    const trace = result.trace!;
    const json = JSON.stringify(trace).length;
    const clone = v8.serialize(trace).length;
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    line(
      `${language}: steps recorded`,
      String(trace.steps.length),
      trace.stopped ? `cut: ${trace.stopped}` : 'whole program',
    );
    line(`${language}: as JSON`, kb(json), `${(json / trace.steps.length).toFixed(0)} B per step`);
    line(`${language}: structured clone (worker → page)`, kb(clone), '');
    // Pyodide's and QuickJS's own allocations move the heap by more than a trace holds, so the
    // difference is printed only when it is a measurement (positive).
    if (held > 0) line(`${language}: JS heap held by the result`, kb(held), 'after GC');
  }
}

await browserFigures();
await traceSize();
