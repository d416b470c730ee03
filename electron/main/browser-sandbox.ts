/**
 * The desktop app's runner for the backend (pack validation, generated practice, the hint leak
 * guard): a hidden, sandboxed window (`sandbox.html`, renderer/sandbox/main.ts) whose module
 * workers run the code exactly as they run the learner's. Why not the Node sandbox child here:
 * docs/decisions/0003-node-sandbox-host.md.
 *
 * The window starts on the first run and is replaced when its renderer dies or stops answering.
 * Every result is parsed like any input crossing a process boundary (result-check.ts), and only
 * the sandbox window's own messages are heard.
 */
import type { BrowserWindow, IpcMain, IpcMainEvent, WebContents } from 'electron';
import {
  DEFAULT_TIME_LIMIT_MS,
  runtimeOf,
  type RunRequest,
  type RunResult,
  type Runtime,
} from '../../shared/runner/protocol.ts';
import { withExplanations } from '../../shared/runner/explain.ts';
import { runnerErrorResult, timeoutResult } from '../../shared/runner/results.ts';
import { SANDBOX_CHANNELS } from '../../shared/runner/sandbox-bridge.ts';
import { checkRunResult } from '../core/runner-host/result-check.ts';

export interface BrowserSandboxOptions {
  /** Makes the hidden window and starts loading the sandbox page in it. */
  createWindow: () => BrowserWindow;
  ipc: Pick<IpcMain, 'on' | 'removeListener'>;
  /** How long the page may take to say it is ready, ms. */
  loadTimeoutMs?: number;
  /**
   * Beyond a run's time limit before the window counts as hung, ms: the page's own host stops the
   * run at the limit, and replaces (and reloads) a worker that ignores it a second later.
   */
  graceMs?: number;
}

interface Pending {
  request: RunRequest;
  resolve: (result: RunResult) => void;
  timer: ReturnType<typeof setTimeout>;
  startedAt: number;
}

export class BrowserSandbox {
  private readonly options: Required<BrowserSandboxOptions>;
  private window: BrowserWindow | undefined;
  private ready: Promise<void> | undefined;
  private markReady: (() => void) | undefined;
  private failReady: ((error: Error) => void) | undefined;
  private readonly pending = new Map<number, Pending>();
  /** One request per runtime in the page at a time, so each is timed from when it really starts. */
  private readonly queues = new Map<Runtime, Promise<unknown>>();
  private nextId = 1;
  private closed = false;

  constructor(options: BrowserSandboxOptions) {
    this.options = { loadTimeoutMs: 60_000, graceMs: 10_000, ...options };
    options.ipc.on(SANDBOX_CHANNELS.ready, this.onReady);
    options.ipc.on(SANDBOX_CHANNELS.result, this.onResult);
  }

  /** Runs one request in the sandbox window, after the ones before it on the same runtime. */
  run(request: RunRequest): Promise<RunResult> {
    const runtime = runtimeOf(request.language);
    const turn = (this.queues.get(runtime) ?? Promise.resolve()).then(() => this.runNow(request));
    this.queues.set(
      runtime,
      turn.catch(() => {}),
    );
    return turn;
  }

  close(): void {
    this.closed = true;
    this.options.ipc.removeListener(SANDBOX_CHANNELS.ready, this.onReady);
    this.options.ipc.removeListener(SANDBOX_CHANNELS.result, this.onResult);
    this.replaceWindow('the app is closing');
  }

  /** Resolves with a result in every case. */
  private async runNow(request: RunRequest): Promise<RunResult> {
    if (this.closed)
      return runnerErrorResult('RunnerError', 'The sandbox is closed.', {}, { code: 'runnerClosed' });
    let contents: WebContents;
    try {
      contents = await this.started();
    } catch (error) {
      return runnerErrorResult('RunnerError', (error as Error).message, {}, { code: 'runnerUnavailable' });
    }
    const id = this.nextId++;
    const limit = request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    return new Promise<RunResult>((resolve) => {
      const timer = setTimeout(() => {
        // The page did not answer even after its own host's stop and restart: replace the window.
        this.settle(id, timeoutResult(limit, { restarted: true }));
        this.replaceWindow('the sandbox window stopped answering');
      }, limit + this.options.graceMs);
      this.pending.set(id, { request, resolve, timer, startedAt: performance.now() });
      try {
        contents.send(SANDBOX_CHANNELS.run, id, request);
      } catch (error) {
        this.replaceWindow(`the request could not be sent: ${(error as Error).message}`);
      }
    });
  }

  /** The sandbox window's contents once its page is ready; starts the window when there is none. */
  private started(): Promise<WebContents> {
    if (!this.window || this.window.isDestroyed()) {
      const win = this.options.createWindow();
      this.window = win;
      this.ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (this.window === win)
            this.replaceWindow(`it did not start within ${this.options.loadTimeoutMs} ms`);
        }, this.options.loadTimeoutMs);
        this.markReady = () => {
          clearTimeout(timer);
          resolve();
        };
        this.failReady = (error) => {
          clearTimeout(timer);
          reject(error);
        };
        win.webContents.on('render-process-gone', (_event, details) => {
          if (this.window === win) this.replaceWindow(`its renderer stopped (${details.reason})`);
        });
        win.webContents.on('did-fail-load', (_event, code, description) => {
          if (this.window === win) this.replaceWindow(`its page did not load (${code} ${description})`);
        });
      });
    }
    const win = this.window;
    return this.ready!.then(() => win.webContents);
  }

  private readonly onReady = (event: IpcMainEvent) => {
    if (this.isOurs(event.sender)) this.markReady?.();
  };

  private readonly onResult = (event: IpcMainEvent, id: unknown, result: unknown) => {
    if (!this.isOurs(event.sender) || typeof id !== 'number') return;
    const checked = checkRunResult(result);
    this.settle(
      id,
      checked ??
        runnerErrorResult(
          'RunnerError',
          'The runner sent a malformed result.',
          { restarted: true },
          { code: 'runnerMalformed' },
        ),
    );
    if (!checked) this.replaceWindow('it sent a malformed result');
  };

  private isOurs(sender: WebContents): boolean {
    return !!this.window && !this.window.isDestroyed() && sender === this.window.webContents;
  }

  private settle(id: number, result: RunResult): void {
    const run = this.pending.get(id);
    if (!run) return;
    this.pending.delete(id);
    clearTimeout(run.timer);
    run.resolve(withExplanations(result, run.request.language));
  }

  /**
   * Drops the window (the next run starts a fresh one): runs in it end as crashed, and runs still
   * waiting for it to start get the reason.
   */
  private replaceWindow(reason: string): void {
    const win = this.window;
    this.failReady?.(new Error(`The sandbox stopped: ${reason}.`));
    this.window = undefined;
    this.ready = undefined;
    this.markReady = undefined;
    this.failReady = undefined;
    for (const [id, run] of [...this.pending]) {
      const message = `The runner stopped unexpectedly (${reason}). It has been restarted; run again.`;
      this.settle(id, {
        ...runnerErrorResult('RunnerCrashed', message, {}, { code: 'runnerCrashed' }),
        durationMs: Math.round(performance.now() - run.startedAt),
        restarted: true,
      });
    }
    if (win && !win.isDestroyed()) win.destroy();
  }
}
