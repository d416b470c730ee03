/**
 * The desktop app's backend runner (electron/main/browser-sandbox.ts) with Electron's window and
 * IPC replaced by small fakes, since the Electron binary cannot run here. The page side of it
 * runs in real Chromium in tests/e2e/sandbox-page.e2e.test.ts.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { SANDBOX_CHANNELS } from '../../../shared/runner/sandbox-bridge.ts';

vi.mock('electron', () => ({}));
const { BrowserSandbox } = await import('../../../electron/main/browser-sandbox.ts');
const { sandboxWindowOptions } = await import('../../../electron/main/security.ts');

const ipc = new EventEmitter();

/** A hidden window whose page answers through `ipc` as the sandbox page does. */
class FakeWindow {
  destroyed = false;
  readonly sent: { id: number; request: RunRequest }[] = [];
  readonly webContents = Object.assign(new EventEmitter(), {
    send: (_channel: string, id: number, request: RunRequest) => this.sent.push({ id, request }),
  });
  isDestroyed = () => this.destroyed;
  destroy = () => void (this.destroyed = true);
  /** The page says it listens. */
  ready() {
    ipc.emit(SANDBOX_CHANNELS.ready, { sender: this.webContents });
  }
  answer(id: number, result: unknown, sender: unknown = this.webContents) {
    ipc.emit(SANDBOX_CHANNELS.result, { sender }, id, result);
  }
}

const passed = (stdout: string): RunResult => ({
  status: 'pass',
  stdout,
  stderr: '',
  truncated: false,
  tests: [],
  durationMs: 3,
});
const request: RunRequest = {
  mode: 'run',
  language: 'python',
  module: 'main',
  code: 'print(1)',
  timeLimitMs: 200,
};

let windows: FakeWindow[] = [];
let sandbox: InstanceType<typeof BrowserSandbox>;
function open(options: { graceMs?: number; loadTimeoutMs?: number } = {}) {
  windows = [];
  sandbox = new BrowserSandbox({
    ipc: ipc as never,
    createWindow: () => {
      const w = new FakeWindow();
      windows.push(w);
      queueMicrotask(() => w.ready());
      return w as never;
    },
    ...options,
  });
  return sandbox;
}
// The sandbox's run limits are timers: a fake clock moves them, so no test waits in real time.
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  sandbox?.close();
  vi.useRealTimers();
});
const tick = () => vi.advanceTimersByTimeAsync(5);

describe('the sandbox window the desktop app runs backend code in', () => {
  test('is hidden, sandboxed, isolated and not throttled while hidden', () => {
    const options = sandboxWindowOptions('/app/out/preload/sandbox.cjs');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      backgroundThrottling: false,
      preload: '/app/out/preload/sandbox.cjs',
    });
  });

  test('starts on the first run and answers with the page’s result', async () => {
    open();
    expect(windows).toHaveLength(0);
    const result = sandbox.run(request);
    await tick();
    expect(windows).toHaveLength(1);
    const [sent] = windows[0]!.sent;
    expect(sent?.request).toEqual(request);
    windows[0]!.answer(sent!.id, passed('1\n'));
    expect(await result).toMatchObject({ status: 'pass', stdout: '1\n' });
  });

  test('hears only its own window: a result from another page is ignored', async () => {
    open();
    const result = sandbox.run(request);
    await tick();
    const [sent] = windows[0]!.sent;
    windows[0]!.answer(sent!.id, passed('forged\n'), new EventEmitter());
    windows[0]!.answer(sent!.id, passed('1\n'));
    expect((await result).stdout).toBe('1\n');
  });

  test('a malformed result is refused and the window replaced', async () => {
    open();
    const first = sandbox.run(request);
    await tick();
    windows[0]!.answer(windows[0]!.sent[0]!.id, { status: 'pass', stdout: 42 });
    expect(await first).toMatchObject({ status: 'error', message: 'The runner sent a malformed result.' });
    expect(windows[0]!.destroyed).toBe(true);
    const second = sandbox.run(request);
    await tick();
    expect(windows).toHaveLength(2);
    windows[1]!.answer(windows[1]!.sent[0]!.id, passed('1\n'));
    expect((await second).status).toBe('pass');
  });

  test('a renderer that dies ends its runs as crashed, and the next run gets a fresh window', async () => {
    open();
    const running = sandbox.run(request);
    await tick();
    windows[0]!.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    const crashed = await running;
    expect(crashed).toMatchObject({ status: 'error', restarted: true });
    expect(crashed.message).toMatch(/stopped unexpectedly \(its renderer stopped \(oom\)\)/);
    const next = sandbox.run(request);
    await tick();
    windows[1]!.answer(windows[1]!.sent[0]!.id, passed('1\n'));
    expect((await next).status).toBe('pass');
  });

  test('a page that never answers ends the run as a timeout past the limit and grace', async () => {
    open({ graceMs: 50 });
    const running = sandbox.run(request);
    await vi.runAllTimersAsync();
    const result = await running;
    expect(result).toMatchObject({ status: 'timeout', restarted: true });
    expect(windows[0]!.destroyed).toBe(true);
  });

  test('a window that never gets ready gives a clear error, not a hang', async () => {
    windows = [];
    sandbox = new BrowserSandbox({
      ipc: ipc as never,
      createWindow: () => new FakeWindow() as never,
      loadTimeoutMs: 50,
    });
    const running = sandbox.run(request);
    await vi.advanceTimersByTimeAsync(50);
    const result = await running;
    expect(result).toMatchObject({
      status: 'error',
      message: 'The sandbox stopped: it did not start within 50 ms.',
    });
  });

  test('runs sent together reach the page one per runtime at a time, each timed from its start', async () => {
    open({ graceMs: 100 });
    const python = [1, 2, 3].map((n) => sandbox.run({ ...request, code: `print(${n})` }));
    const js = sandbox.run({ ...request, language: 'javascript', code: 'console.log(4)' });
    await tick();
    const page = windows[0]!;
    // One Python run and one JavaScript run are in the page; the other Python runs wait.
    expect(page.sent.map((s) => s.request.code)).toEqual(['print(1)', 'console.log(4)']);
    page.answer(page.sent.find((s) => s.request.language === 'javascript')!.id, passed('4\n'));
    // Each Python run takes half its time (limit and grace, 300 ms), together more: none times
    // out, since each one's clock starts when it is sent.
    for (const n of [1, 2, 3]) {
      await vi.advanceTimersByTimeAsync(150);
      const sent = page.sent.find((s) => s.request.code === `print(${n})`)!;
      page.answer(sent.id, passed(`${n}\n`));
      await tick();
    }
    const results = await Promise.all([...python, js]);
    expect(results.map((r) => [r.status, r.stdout])).toEqual([
      ['pass', '1\n'],
      ['pass', '2\n'],
      ['pass', '3\n'],
      ['pass', '4\n'],
    ]);
  });

  test('runs waiting for a window that is replaced get a clear error, not a hang', async () => {
    windows = [];
    sandbox = new BrowserSandbox({
      ipc: ipc as never,
      createWindow: () => {
        const w = new FakeWindow();
        windows.push(w);
        return w as never;
      },
    });
    const waiting = sandbox.run(request);
    await tick();
    windows[0]!.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND');
    expect(await waiting).toMatchObject({
      status: 'error',
      message: 'The sandbox stopped: its page did not load (-6 ERR_FILE_NOT_FOUND).',
    });
  });

  test('after close, runs are refused and its listeners are gone', async () => {
    open();
    sandbox.close();
    expect(await sandbox.run(request)).toMatchObject({ message: 'The sandbox is closed.' });
    expect(ipc.listenerCount(SANDBOX_CHANNELS.result)).toBe(0);
  });
});
