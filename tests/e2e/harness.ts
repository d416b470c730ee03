/**
 * End-to-end harness: starts `npm run web`'s server as a real child process on a fresh data
 * folder, and drives Debian's Chromium with playwright-core. Screenshots go to
 * tests/e2e/screenshots/ for people to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { Curriculum } from '../../electron/core/curriculum/index.ts';
import type { Exercise } from '../../shared/content/schema.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';

export interface RunningApp {
  url: string;
  launchUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts web mode exactly as `npm run web` does, and waits for the printed launch URL. */
export async function startApp(dataDir?: string, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts/start.ts'), '--web'], {
    cwd: ROOT,
    env: { ...process.env, LANTERN_DATA_DIR: dir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
  return {
    url: launchUrl.replace(/\/#token=.*/, ''),
    launchUrl,
    dataDir: dir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The usual set-up of an e2e file: a fresh app and a browser, started before its tests and closed
 * after them. Call it at the top of the file; hooks the file registers later run after this
 * beforeAll and before this afterAll, so they can already use both.
 *
 * `const { app, browser } = useAppAndBrowser()` gives two stand-ins that can be named anywhere
 * in the file and reach the real app and browser once they are running.
 */
export function useAppAndBrowser(env: Record<string, string> = {}): { app: RunningApp; browser: Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(undefined, env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return { app: standIn('app', () => app), browser: standIn('browser', () => browser) };
}

/** Forwards every property read to the object `current` returns, with methods bound to it. */
function standIn<T extends object>(name: string, current: () => T | undefined): T {
  const live = (): T => {
    const target = current();
    if (!target) throw new Error(`The e2e ${name} is used before useAppAndBrowser's beforeAll started it.`);
    return target;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const target = live();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (_, key) => Reflect.has(live(), key),
  });
}

/**
 * A page of its own (a fresh browser context) at `url`. With `fakeClock`, the page's clock is
 * Playwright's from the first script on: it keeps pace with the real one until the test moves it
 * (`page.clock.runFor(ms)` fires every timer due in those ms at once), so a test can let the
 * page's own time limits pass without waiting for them. Workers keep the real clock.
 */
export async function openPage(
  browser: Browser,
  url: string,
  locale = 'en-US',
  { fakeClock = false }: { fakeClock?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  context.setDefaultTimeout(15_000);
  if (fakeClock) await context.clock.install();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(url);
  return page;
}

/** A page in the Chinese interface (the learner's setting, and the browser's locale), once its navigation shows. */
export async function openInChinese(browser: Browser, app: RunningApp): Promise<Page> {
  await callApi(app, 'updateSettings', { language: 'zh', theme: 'light', editorFontSize: 14 });
  const page = await openPage(browser, app.launchUrl, 'zh-CN');
  await page.locator('nav a', { hasText: '学习' }).first().waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Puts the app's settings back to the defaults between tests, through the real API. */
export async function resetSettings(app: RunningApp): Promise<void> {
  await callApi(app, 'updateSettings', { language: 'en', theme: 'system', editorFontSize: 14 });
}

/** One API call as the page makes it (web mode's token); the value, or an error saying which call. */
export async function callApi<T = unknown>(app: RunningApp, name: string, input: unknown): Promise<T> {
  const token = app.launchUrl.split('#token=')[1];
  const res = await fetch(`${app.url}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  let envelope: { ok: boolean; value?: T; error?: { message: string } } | undefined;
  try {
    envelope = JSON.parse(text) as typeof envelope;
  } catch {
    throw new Error(`${name}: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
  if (!res.ok || !envelope?.ok)
    throw new Error(`${name}: ${envelope?.error?.message ?? `HTTP ${res.status}`}`);
  return envelope.value as T;
}

/**
 * Replaces the editor's text the way a learner would: click into it, select all, type. Monaco
 * takes keys through EditContext (no textarea), and auto-indents and closes brackets as a person
 * types; insertText keeps what is typed as it is.
 */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.locator('.code-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Pastes code as it is (typing nested blocks would let Monaco indent them a second time). */
export async function pasteCode(page: Page, app: RunningApp, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.locator('.code-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

let authored: Curriculum | undefined;

/**
 * A built-in exercise as authored, with its reference solution. The backend re-runs every check
 * it records, so a test that needs a recorded pass sends real code.
 */
export async function authoredExercise(trackId: string, exerciseId: string): Promise<Exercise> {
  authored ??= new Curriculum({
    builtinDir: path.join(ROOT, 'exercises'),
    packsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-authored-')),
  });
  const view = await authored.exercise(trackId, exerciseId);
  if (!view) throw new Error(`There is no exercise ${trackId}/${exerciseId}.`);
  return view.exercise;
}

/**
 * The current learner checks exercises of the built-in Python track, through the API as the page
 * does: the backend re-runs each check, so a pass sends the reference solution, a fail the
 * starter.
 */
export async function recordChecks(
  app: RunningApp,
  checks: readonly [string, 'pass' | 'fail'][],
): Promise<void> {
  for (const [exerciseId, status] of checks) {
    const { solution, starter } = await authoredExercise('python', exerciseId);
    await callApi(app, 'recordAttempt', {
      trackId: 'python',
      exerciseId,
      kind: 'check',
      code: status === 'pass' ? solution : starter,
      status,
      testsPassed: 0,
      testsTotal: 0,
      timeTakenMs: 40,
    });
  }
}

/** The current learner's signed JSON report, as they would hand it in. */
export async function exportedReport(app: RunningApp): Promise<string> {
  const { files } = await callApi<{ files: { content: string }[] }>(app, 'exportReport', { format: 'json' });
  return files[0]!.content;
}
