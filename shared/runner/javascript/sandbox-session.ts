/**
 * One run's QuickJS realm, seen from the host: a fresh runtime with a heap cap, a stack cap and
 * an interrupt handler (time limit and Stop), the harness installed before any learner code, a
 * module loader that knows only the learner's file, the test file and `@jest/globals`, and the
 * event loop that drives promises and timers until the code settles.
 *
 * The realm has no host objects at all: no `process`, `require`, `fetch`, `XMLHttpRequest`,
 * `WebSocket`, `Worker` or `importScripts`, and no `Function` that leads out (QuickJS's own
 * `Function` only compiles code into the same realm). The only ways out are the three host
 * functions handed to the harness: write output, read a line, report a test event.
 */
import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import { CHECK_HARNESS, RUN_HARNESS } from './harness-bundle.generated.ts';
import type { HarnessEvent, ThrownValue } from './sandbox/host.ts';
import { loadModule, normalizeImport, takeTestApi } from './sandbox-modules.ts';
import type { Stream } from '../output.ts';

export const MEMORY_LIMIT_BYTES = 256 * 1024 * 1024;
/** Below what the host's own native stack allows, so deep recursion is a RangeError, not a crash. */
export const STACK_LIMIT_BYTES = 256 * 1024;
/** Time the host gives itself to read an error out of the realm once the learner's time is up. */
const HOST_CALL_MS = 250;

/** Promise jobs run between two looks at the clock. */
const JOB_BATCH = 1000;

/** Budget for installing the harness, which happens before the learner's clock starts. */
const INSTALL_MS = 10_000;

export interface SandboxOptions {
  /** Wall-clock deadline (Date.now()) for everything the learner's code does. */
  deadline: number;
  shouldStop?: () => boolean;
  write(stream: Stream, text: string): void;
  readLine(prompt: string): string | null;
  onEvent(event: HarnessEvent): void;
  /** Module name → JavaScript source. */
  modules: ReadonlyMap<string, string>;
  /** Import specifier → module name, or null when the sandbox has no such module. */
  resolve(specifier: string, importer: string): string | null;
}

export type Outcome =
  | { kind: 'settled' }
  | { kind: 'threw'; error: ThrownValue }
  | { kind: 'interrupted'; reason: 'timeout' | 'stopped' }
  /** Nothing left to run, but the awaited promise never settled. */
  | { kind: 'stuck' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a run threw when the host, not the program, failed (exported for its test). */
export function hostCrash(error: unknown): ThrownValue {
  const overflow = error instanceof RangeError;
  return {
    name: overflow ? 'RangeError' : 'InternalError',
    message: overflow ? 'Maximum call stack size exceeded' : `The JavaScript engine failed: ${String(error)}`,
    stack: '',
    assertion: false,
    // The page words a failure of the engine itself (runner.learnerError.runnerFailed); the
    // message, with the engine's own words, is for the log.
    ...(overflow ? {} : { code: 'runnerFailed' as const }),
  };
}

export class Sandbox {
  /** Set when the wasm itself failed; the caller must discard the QuickJS module. */
  broken = false;
  interrupted: 'timeout' | 'stopped' | null = null;
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  readonly mode: 'run' | 'check';
  private options: SandboxOptions;
  /** Why the harness could not be installed, if it could not. */
  readonly installError: ThrownValue | null;
  private readonly handles: QuickJSHandle[] = [];
  private control: QuickJSHandle | null = null;
  private hostCallDeadline: number | null = null;
  private uncaught: ThrownValue | null = null;

  /** A fresh realm with the harness installed, ready for `start`. */
  constructor(quickjs: QuickJSWASMModule, mode: 'run' | 'check') {
    this.mode = mode;
    this.options = {
      deadline: Date.now() + INSTALL_MS,
      write: () => undefined,
      readLine: () => null,
      onEvent: () => undefined,
      modules: new Map(),
      resolve: () => null,
    };
    this.runtime = quickjs.newRuntime();
    this.runtime.setMemoryLimit(MEMORY_LIMIT_BYTES);
    this.runtime.setMaxStackSize(STACK_LIMIT_BYTES);
    this.runtime.setInterruptHandler(() => this.shouldInterrupt());
    this.runtime.setModuleLoader(
      (name) => loadModule(name, this.options.modules),
      (importer, specifier) =>
        normalizeImport(importer, specifier, (spec, from) => this.options.resolve(spec, from)),
    );
    this.context = this.runtime.newContext();
    this.installError = this.install();
  }

  /** Binds the run's clock, console and files; the learner's time limit starts now. */
  start(options: SandboxOptions): void {
    this.options = options;
  }

  private install(): ThrownValue | null {
    const ctx = this.context;
    const fn = (name: string, impl: (...args: QuickJSHandle[]) => QuickJSHandle | undefined) => {
      const handle = ctx.newFunction(name, impl);
      this.handles.push(handle);
      return handle;
    };
    const host = ctx.newObject();
    this.handles.push(host);
    ctx.setProp(
      host,
      'write',
      fn('write', (stream, text) => {
        this.options.write(ctx.getString(stream!) === 'stderr' ? 'stderr' : 'stdout', ctx.getString(text!));
        return undefined;
      }),
    );
    ctx.setProp(
      host,
      'readLine',
      fn('readLine', (prompt) => {
        const line = this.options.readLine(ctx.getString(prompt!));
        return line === null ? ctx.null : ctx.newString(line);
      }),
    );
    ctx.setProp(
      host,
      'report',
      fn('report', (json) => {
        const event = JSON.parse(ctx.getString(json!)) as HarnessEvent;
        if (event.kind === 'uncaught' && this.uncaught === null) this.uncaught = event.error;
        this.options.onEvent(event);
        return undefined;
      }),
    );
    const script = this.mode === 'check' ? CHECK_HARNESS : RUN_HARNESS;
    const installer = this.guard(() => ctx.evalCode(script, 'lantern-harness.js', { type: 'global' }));
    if ('error' in installer) return installer.error;
    this.handles.push(installer.value);
    const control = this.guard(() => ctx.callFunction(installer.value, ctx.undefined, host, ctx.global));
    if ('error' in control) return control.error;
    this.control = control.value;
    this.handles.push(control.value);
    return this.mode === 'check' ? this.takeTestApi() : null;
  }

  /** Evaluates the test file's API module before any learner code (sandbox-modules.ts). */
  private takeTestApi(): ThrownValue | null {
    const taken = this.guard(() => takeTestApi(this.context, this.runtime));
    if ('error' in taken) return taken.error;
    return taken.value === 1 ? null : hostCrash(new Error('the test API was not taken'));
  }

  /**
   * Puts a host function on the realm's global object under `name`, deletable, for the code meant
   * to take it before any learner code runs (the visualiser's recorder: shared/runner/trace/).
   */
  exposeHostFunction(name: string, impl: (text: string) => boolean): void {
    const ctx = this.context;
    const handle = ctx.newFunction(name, (text) => (impl(ctx.getString(text!)) ? ctx.true : ctx.false));
    this.handles.push(handle);
    ctx.setProp(ctx.global, name, handle);
  }

  /** Evaluates a module (and what it imports), then runs its promises and timers to the end. */
  async evalModule(name: string): Promise<Outcome> {
    const source = this.options.modules.get(name) ?? '';
    const result = this.guard(() => this.context.evalCode(source, name, { type: 'module' }));
    if ('error' in result) return this.interruptedOutcome() ?? { kind: 'threw', error: result.error };
    return this.settle(result.value);
  }

  /** Runs the registered tests; events arrive through `onEvent` as each test starts and ends. */
  async runTests(): Promise<Outcome> {
    const control = this.control;
    if (control === null) throw new Error('harness not installed');
    const runTests = this.context.getProp(control, 'runTests');
    this.handles.push(runTests);
    const result = this.guard(() => this.context.callFunction(runTests, control));
    if ('error' in result) return this.interruptedOutcome() ?? { kind: 'threw', error: result.error };
    return this.settle(result.value);
  }

  dispose(): void {
    try {
      for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      this.broken = true;
    }
  }

  private shouldInterrupt(): boolean {
    if (this.hostCallDeadline !== null) return Date.now() > this.hostCallDeadline;
    if (this.interrupted !== null) return true;
    if (Date.now() > this.options.deadline) this.interrupted = 'timeout';
    else if (this.options.shouldStop?.()) this.interrupted = 'stopped';
    return this.interrupted !== null;
  }

  private interruptedOutcome(): Outcome | null {
    return this.interrupted ? { kind: 'interrupted', reason: this.interrupted } : null;
  }

  /** Drives the job queue and the harness's timers until `promise` settles. Consumes `promise`. */
  private async settle(promise: QuickJSHandle): Promise<Outcome> {
    this.handles.push(promise);
    for (;;) {
      // In batches: QuickJS checks its interrupt handler in loops, not between jobs, so an endless
      // promise chain (`const spin = () => Promise.resolve().then(spin)`) would never yield.
      const jobs = this.guard(() => this.runtime.executePendingJobs(JOB_BATCH));
      if ('error' in jobs) return this.interruptedOutcome() ?? { kind: 'threw', error: jobs.error };
      const stopped = this.interruptedOutcome();
      if (stopped) return stopped;
      if (this.uncaught) return { kind: 'threw', error: this.uncaught };
      const state = this.context.getPromiseState(promise);
      if (state.type === 'rejected') {
        const error = this.describe(state.error);
        state.error.dispose();
        return { kind: 'threw', error };
      }
      // Node's moment for unhandled rejections: the microtask queue has just drained.
      if (!this.runtime.hasPendingJob()) {
        const reported = this.callControl('reportUnhandled');
        if (typeof reported !== 'number')
          return this.interruptedOutcome() ?? { kind: 'threw', error: reported };
        if (this.uncaught) {
          if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose();
          return { kind: 'threw', error: this.uncaught };
        }
      }
      if (state.type === 'fulfilled' && !state.notAPromise) state.value.dispose();
      const delay = this.callControl('nextTimerDelay');
      if (typeof delay !== 'number') return this.interruptedOutcome() ?? { kind: 'threw', error: delay };
      // A program (Run) ends when its timers have fired, as in Node; tests end when they settle.
      const jobsLeft = this.runtime.hasPendingJob();
      if (state.type === 'fulfilled' && (this.mode === 'check' || (delay < 0 && !jobsLeft)))
        return { kind: 'settled' };
      if (delay < 0 && !jobsLeft) return { kind: 'stuck' };
      const remaining = this.options.deadline - Date.now();
      if (remaining <= 0 || this.options.shouldStop?.()) {
        this.interrupted = remaining <= 0 ? 'timeout' : 'stopped';
        return { kind: 'interrupted', reason: this.interrupted };
      }
      if (delay > 0 && !jobsLeft) await sleep(Math.min(delay, remaining, 50));
      const ran = this.callControl('runDueTimers');
      if (typeof ran !== 'number') return this.interruptedOutcome() ?? { kind: 'threw', error: ran };
    }
  }

  /** Calls a no-argument control method; a number result, or what it threw. */
  private callControl(method: 'nextTimerDelay' | 'runDueTimers' | 'reportUnhandled'): number | ThrownValue {
    const control = this.control;
    if (control === null) return -1;
    const fn = this.context.getProp(control, method);
    try {
      const result = this.guard(() => this.context.callFunction(fn, control));
      if ('error' in result) return result.error;
      const value: unknown = this.context.dump(result.value);
      result.value.dispose();
      return typeof value === 'number' ? value : 0;
    } finally {
      fn.dispose();
    }
  }

  /** Reads a thrown value through the harness, with a short budget of its own. Consumes nothing. */
  describe(handle: QuickJSHandle): ThrownValue {
    const fallback: ThrownValue = {
      name: 'Error',
      message: '(the error could not be read)',
      stack: '',
      assertion: false,
    };
    if (this.control === null || this.broken) {
      const dumped: unknown = this.broken ? null : this.context.dump(handle);
      const record = (typeof dumped === 'object' && dumped !== null ? dumped : {}) as Record<string, unknown>;
      return {
        name: typeof record.name === 'string' ? record.name : fallback.name,
        message: typeof record.message === 'string' ? record.message : String(dumped ?? fallback.message),
        stack: typeof record.stack === 'string' ? record.stack : '',
        assertion: false,
      };
    }
    this.hostCallDeadline = Date.now() + HOST_CALL_MS;
    const fn = this.context.getProp(this.control, 'describe');
    try {
      const result = this.context.callFunction(fn, this.context.undefined, handle);
      if (result.error) {
        result.error.dispose();
        return fallback;
      }
      const json = this.context.getString(result.value);
      result.value.dispose();
      return JSON.parse(json) as ThrownValue;
    } catch (error) {
      this.broken = true;
      return hostCrash(error);
    } finally {
      fn.dispose();
      this.hostCallDeadline = null;
    }
  }

  /**
   * Runs a call into the wasm. A thrown handle becomes a ThrownValue; a failure of the wasm
   * itself (the host's native stack overflowing) marks the whole engine broken.
   */
  private guard<T extends QuickJSHandle | number>(
    call: () => { error?: QuickJSHandle; value?: T } | { error: QuickJSHandle } | { value: T },
  ): { value: T } | { error: ThrownValue } {
    let result: { error?: QuickJSHandle; value?: T };
    try {
      result = call() as { error?: QuickJSHandle; value?: T };
    } catch (error) {
      this.broken = true;
      return { error: hostCrash(error) };
    }
    if (result.error) {
      const described = this.describe(result.error);
      result.error.dispose();
      return { error: described };
    }
    return { value: result.value as T };
  }
}
