/**
 * The browser host of the runner core: one module worker per runtime (Python; JavaScript and
 * TypeScript share one), started when the app opens so the first Run rarely waits.
 *
 * A run gets a fresh nonce; only a `result` carrying it is accepted, so nothing learner code
 * posts can stand in for a result. Stop and the time limit raise SIGINT through the shared
 * interrupt buffer; a worker that has not answered one second later is terminated and a fresh
 * one started, and the run ends with `restarted: true` so the learner is told.
 */
import type { Language } from '../../shared/content/schema.ts';
import {
  DEFAULT_TIME_LIMIT_MS,
  runtimeOf,
  type RunRequest,
  type RunResult,
  type Runtime,
} from '../../shared/runner/protocol.ts';
import { crashResult, runnerErrorResult, timeoutResult } from '../../shared/runner/results.ts';
import type { RunnerErrorCode } from '../../shared/runner/codes.ts';
import type { TraceStep } from '../../shared/runner/trace/format.ts';
import { withExplanations } from '../../shared/runner/explain.ts';
import {
  answerInput,
  INPUT_BUFFER_BYTES,
  type HostToRunner,
  type RunnerToHost,
} from '../../shared/runner/worker-protocol.ts';
import { clear, INTERRUPT_BUFFER_BYTES, raise, viewOf, type InterruptReason } from './interrupt.ts';

export { runtimeOf, type Runtime } from '../../shared/runner/protocol.ts';
export type RuntimeState =
  | { phase: 'loading'; fraction: number }
  | { phase: 'ready'; loadMs: number; python?: 'snapshot' | 'start' }
  /** `message` is English for the console; the page words `code` (shared/runner/codes.ts). */
  | { phase: 'failed'; message: string; code: RunnerErrorCode };

export interface RunCallbacks {
  onOutput?(stream: 'stdout' | 'stderr', text: string): void;
  /** The program waits for a line; answer with `RunnerHost.answer`. */
  onInput?(prompt: string): void;
  /** A trace's steps recorded so far, in order, while the program still runs. */
  onTraceSteps?(steps: TraceStep[]): void;
}

const NOT_STARTED: RuntimeState = { phase: 'loading', fraction: 0 };

/** How long a worker may take to honour SIGINT before it is terminated. */
export const STOP_GRACE_MS = 1000;
/** The JavaScript sandbox keeps its own clock; the host's is a backstop behind it. */
const JS_BACKSTOP_MS = 500;

interface ActiveRun {
  id: number;
  nonce: string;
  request: RunRequest;
  callbacks: RunCallbacks;
  resolve(result: RunResult): void;
  timers: ReturnType<typeof setTimeout>[];
  startedAt: number;
  /** The time limit's clock, which runs only while the program does (not while input() waits). */
  clock: { remaining: number; since: number; timer?: ReturnType<typeof setTimeout> | undefined };
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

class WorkerSlot {
  readonly runtime: Runtime;
  state: RuntimeState = { phase: 'loading', fraction: 0 };
  private worker!: Worker;
  private readonly interrupt = new SharedArrayBuffer(INTERRUPT_BUFFER_BYTES);
  private readonly input = new SharedArrayBuffer(INPUT_BUFFER_BYTES);
  private active: ActiveRun | null = null;
  private nextId = 1;
  private readonly onState: () => void;
  private waiters: (() => void)[] = [];

  constructor(runtime: Runtime, onState: () => void) {
    this.runtime = runtime;
    this.onState = onState;
    this.start();
  }

  private start(): void {
    this.state = { phase: 'loading', fraction: 0 };
    this.worker =
      this.runtime === 'python'
        ? new Worker(new URL('../workers/python.worker.ts', import.meta.url), {
            type: 'module',
            name: 'python',
          })
        : new Worker(new URL('../workers/javascript.worker.ts', import.meta.url), {
            type: 'module',
            name: 'javascript',
          });
    this.worker.onmessage = (event: MessageEvent<RunnerToHost>) => this.receive(event.data);
    this.worker.onerror = (event) =>
      this.fail(event.message || 'the runner could not start', 'runnerUnavailable');
    const attach: HostToRunner = { type: 'attach', interrupt: this.interrupt, input: this.input };
    this.worker.postMessage(attach);
    this.onState();
  }

  /** Resolves once the runtime is loaded (or failed). */
  whenSettled(): Promise<void> {
    if (this.state.phase !== 'loading') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private settleWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private receive(message: RunnerToHost): void {
    switch (message.type) {
      case 'progress':
        this.state = { phase: 'loading', fraction: message.fraction };
        this.onState();
        return;
      case 'ready':
        this.state = {
          phase: 'ready',
          loadMs: message.loadMs,
          ...(message.python ? { python: message.python } : {}),
        };
        this.settleWaiters();
        this.onState();
        return;
      case 'output':
        if (this.active?.id === message.id) this.active.callbacks.onOutput?.(message.stream, message.text);
        return;
      case 'trace-steps':
        if (this.active?.id === message.id) this.active.callbacks.onTraceSteps?.(message.steps);
        return;
      case 'input':
        if (this.active?.id === message.id) {
          this.pauseClock(this.active);
          this.active.callbacks.onInput?.(message.prompt);
        }
        return;
      case 'result':
        if (this.active && this.active.id === message.id && this.active.nonce === message.nonce) {
          this.finish(message.result);
        }
        return;
      case 'fatal':
        this.fail(message.message, message.code ?? 'runnerCrashed', message.params);
        return;
    }
  }

  private fail(message: string, code: RunnerErrorCode, params?: Record<string, string>): void {
    const run = this.active;
    this.worker.terminate();
    if (message) console.warn(`The ${this.runtime} runner failed: ${message}`);
    if (run)
      this.finish(
        code === 'runnerCrashed'
          ? { ...crashResult(message), restarted: true }
          : runnerErrorResult(
              'RunnerCrashed',
              message,
              { restarted: true },
              { code, ...(params ? { params } : {}) },
            ),
      );
    this.state = { phase: 'failed', message, code };
    this.settleWaiters();
    this.onState();
    // A crashed interpreter (memory, fatal error) is replaced; the learner's next run works.
    this.start();
  }

  private finish(result: RunResult): void {
    const run = this.active;
    if (!run) return;
    this.active = null;
    for (const t of run.timers) clearTimeout(t);
    clearTimeout(run.clock.timer);
    clear(viewOf(this.interrupt));
    // Results this host made itself (stopped, timed out, crashed) get their explanation here.
    run.resolve(withExplanations(result, run.request.language));
  }

  async run(request: RunRequest, callbacks: RunCallbacks): Promise<RunResult> {
    if (this.active) this.stop('stopped');
    await this.whenSettled();
    if (this.state.phase === 'failed') await this.whenSettled();
    return new Promise<RunResult>((resolve) => {
      const id = this.nextId++;
      const run: ActiveRun = {
        id,
        nonce: newNonce(),
        request,
        callbacks,
        resolve,
        timers: [],
        startedAt: performance.now(),
        clock: {
          remaining:
            (request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) +
            (this.runtime === 'javascript' ? JS_BACKSTOP_MS : 0),
          since: 0,
        },
      };
      this.active = run;
      clear(viewOf(this.interrupt));
      this.resumeClock(run);
      const message: HostToRunner = { type: 'run', id, nonce: run.nonce, request };
      this.worker.postMessage(message);
    });
  }

  /** The program waits for the learner: its time limit waits too, as in a terminal. */
  private pauseClock(run: ActiveRun): void {
    if (run.clock.timer === undefined) return;
    clearTimeout(run.clock.timer);
    run.clock.timer = undefined;
    run.clock.remaining = Math.max(0, run.clock.remaining - (performance.now() - run.clock.since));
  }

  private resumeClock(run: ActiveRun): void {
    if (run.clock.timer !== undefined) return;
    run.clock.since = performance.now();
    run.clock.timer = setTimeout(() => this.stop('timeout'), run.clock.remaining);
  }

  answer(line: string | null): void {
    if (this.active) this.resumeClock(this.active);
    answerInput(this.input, line);
  }

  isRunning(): boolean {
    return this.active !== null;
  }

  stop(reason: InterruptReason): void {
    const run = this.active;
    if (!run) return;
    clearTimeout(run.clock.timer);
    raise(viewOf(this.interrupt), reason);
    // A program waiting in input() wakes with end of input, then meets the interrupt.
    answerInput(this.input, null);
    run.timers.push(
      setTimeout(() => {
        if (this.active !== run) return;
        this.worker.terminate();
        const restarted = { restarted: true, durationMs: Math.round(performance.now() - run.startedAt) };
        this.finish(
          reason === 'timeout'
            ? timeoutResult(run.request.timeLimitMs, restarted)
            : runnerErrorResult('Stopped', 'You stopped the program.', restarted, { code: 'stopped' }),
        );
        this.start();
      }, STOP_GRACE_MS),
    );
  }
}

/** The page's runners. One instance for the app (see `runnerHost()`). */
export class RunnerHost {
  private readonly slots = new Map<Runtime, WorkerSlot>();
  private readonly listeners = new Set<() => void>();

  private slot(runtime: Runtime): WorkerSlot {
    let slot = this.slots.get(runtime);
    if (!slot) {
      slot = new WorkerSlot(runtime, () => this.listeners.forEach((l) => l()));
      this.slots.set(runtime, slot);
    }
    return slot;
  }

  /** Starts loading a runtime in the background. */
  warm(runtime: Runtime): void {
    this.slot(runtime);
  }

  /** Resolves once the runtime has loaded (or failed to). */
  whenReady(runtime: Runtime): Promise<void> {
    return this.slot(runtime).whenSettled();
  }

  state(runtime: Runtime): RuntimeState {
    // One object for "not started": useSyncExternalStore needs the same snapshot until it changes.
    return this.slots.get(runtime)?.state ?? NOT_STARTED;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  run(request: RunRequest, callbacks: RunCallbacks = {}): Promise<RunResult> {
    return this.slot(runtimeOf(request.language)).run(request, callbacks);
  }

  answer(language: Language, line: string | null): void {
    this.slots.get(runtimeOf(language))?.answer(line);
  }

  stop(language: Language): void {
    this.slots.get(runtimeOf(language))?.stop('stopped');
  }
}

let shared: RunnerHost | undefined;
export function runnerHost(): RunnerHost {
  shared ??= new RunnerHost();
  return shared;
}
