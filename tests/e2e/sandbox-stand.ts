/**
 * The desktop app's hidden sandbox page (renderer/sandbox/main.ts) in real Chromium, with the
 * bridge its preload would give (`window.lanternSandbox`) stood in for by an init script: requests
 * go in as the main process would send them, and what runs is the real page, the real workers and
 * runtimes. Used by the sandbox-page and attack-corpus end-to-end tests.
 */
import { beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunRequest, RunResult } from '../../shared/runner/protocol.ts';
import { openPage, useAppAndBrowser } from './harness.ts';

interface Stand {
  ready: boolean;
  results: Record<number, RunResult>;
  send(id: number, request: RunRequest): void;
}
declare global {
  interface Window {
    stand: Stand;
  }
}

/**
 * Opens the sandbox page before the file's tests; `run` sends one request and awaits its result.
 * `readyTimeoutMs`: both runtimes load before the page says ready, and Pyodide can take a while
 * on a busy machine.
 */
export function useSandboxStand(readyTimeoutMs?: number): { run(request: RunRequest): Promise<RunResult> } {
  const { app, browser } = useAppAndBrowser();
  let page: Page;
  let nextId = 1;
  beforeAll(async () => {
    page = await openPage(browser, 'about:blank');
    await page.addInitScript(() => {
      let listener: ((id: number, request: RunRequest) => void) | undefined;
      const stand: Stand = { ready: false, results: {}, send: (id, request) => listener?.(id, request) };
      window.stand = stand;
      (window as unknown as { lanternSandbox: unknown }).lanternSandbox = {
        onRun: (l: typeof listener) => (listener = l),
        result: (id: number, result: RunResult) => (stand.results[id] = result),
        ready: () => (stand.ready = true),
      };
    });
    await page.goto(`${app.url}/sandbox.html`);
    await page.waitForFunction(() => window.stand.ready, undefined, { timeout: readyTimeoutMs });
  });
  return {
    async run(request) {
      const id = nextId++;
      await page.evaluate(({ id, request }) => window.stand.send(id, request), { id, request });
      await page.waitForFunction((id) => window.stand.results[id], id, { timeout: 90_000 });
      return page.evaluate((id) => window.stand.results[id]!, id);
    },
  };
}
