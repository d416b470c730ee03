/**
 * The backend's TypeScript type check (decision 0048): the TypeScript compiler, run in a worker
 * thread so that a learner's type that takes the checker forever (deep or self-referring types
 * can) ends at a time limit instead of stalling the app. The worker is kept warm: the compiler
 * and the standard library's declarations load once, and each check parses only the learner's
 * file. Learner code is only read here, never run.
 *
 * `withTypeCheck` puts the check in front of a sandbox: a TypeScript Check with a type error
 * gets the compiler's first error on the learner's line and runs no test, as the page does with
 * Monaco's worker, so the backend's verdict and what the page showed agree.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { RunCode, RunRequest } from '../../../shared/runner/protocol.ts';
import { fileName } from '../../../shared/runner/javascript/compile.ts';
import {
  SANDBOX_GLOBALS_DTS,
  suppressionComments,
  TYPE_CHECK_SETTINGS,
  TYPE_CHECK_TIME_LIMIT_MS,
  typeCheckFailedResult,
  typeCheckSlowResult,
  typeErrorResult,
  type TypeDiagnostic,
} from '../../../shared/runner/javascript/type-check.ts';
import { TYPE_CHECKER_WORKER } from './type-checker-worker.generated.ts';

export type TypeCheckOutcome =
  | { kind: 'checked'; diagnostics: TypeDiagnostic[]; durationMs: number }
  | { kind: 'slow'; durationMs: number }
  /** The compiler threw on this file (a very deeply nested one overflows its stack). */
  | { kind: 'failed'; reason: string; durationMs: number };

interface Pending {
  id: number;
  file: string;
  code: string;
  resolve: (outcome: TypeCheckOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * One compiler worker, one check at a time: a check is sent when the one before it has answered,
 * and its time limit starts then, so neither loading the compiler nor waiting behind other
 * checks counts against a learner's code.
 */
export class TypeChecker {
  private worker: Worker | undefined;
  private ready = false;
  private readonly queue: Pending[] = [];
  private current: { check: Pending; started: number; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  readonly timeLimitMs: number;

  constructor(options: { timeLimitMs?: number } = {}) {
    this.timeLimitMs = options.timeLimitMs ?? TYPE_CHECK_TIME_LIMIT_MS;
  }

  /** The errors the compiler finds in one learner file (`total.ts`), or `slow` past the limit. */
  check(file: string, code: string): Promise<TypeCheckOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, code, resolve, reject });
      this.next();
    });
  }

  /** Starts the compiler now, so the first Check does not wait for it to load. */
  warm(): void {
    this.start();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    this.fail(new Error('the type checker was shut down'));
    await worker?.terminate();
  }

  /** Sends the next check when the worker is ready and idle. */
  private next(): void {
    const worker = this.start();
    if (!this.ready || this.current) return;
    const check = this.queue.shift();
    if (!check) {
      // An idle checker does not keep the process alive; a check in progress does.
      worker.unref();
      return;
    }
    worker.ref();
    const timer = setTimeout(() => {
      // The compiler is stuck in this file: stop it; the checks behind go to a fresh worker.
      const stuck = this.current;
      this.current = undefined;
      this.stop();
      if (stuck) stuck.check.resolve({ kind: 'slow', durationMs: performance.now() - stuck.started });
      if (this.queue.length) this.next();
    }, this.timeLimitMs);
    this.current = { check, started: performance.now(), timer };
    worker.postMessage({ id: check.id, file: check.file, code: check.code });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const worker = new Worker(TYPE_CHECKER_WORKER, {
      eval: true,
      workerData: {
        typescript: require.resolve('typescript'),
        globals: SANDBOX_GLOBALS_DTS,
        strict: TYPE_CHECK_SETTINGS.strict,
        lib: TYPE_CHECK_SETTINGS.lib,
      },
    });
    if (!this.queue.length) worker.unref();
    worker.on(
      'message',
      (m: { id?: number; ready?: true; diagnostics?: TypeDiagnostic[]; error?: string }) => {
        if (this.worker !== worker) return;
        if (m.ready) {
          this.ready = true;
          this.next();
          return;
        }
        const done = this.current;
        if (!done || done.check.id !== m.id) return;
        clearTimeout(done.timer);
        this.current = undefined;
        const durationMs = performance.now() - done.started;
        if (m.error !== undefined)
          // The learner's file broke the compiler: theirs to simplify, not the app's failure.
          done.check.resolve({ kind: 'failed', reason: m.error.split('\n')[0]!, durationMs });
        else done.check.resolve({ kind: 'checked', diagnostics: m.diagnostics ?? [], durationMs });
        this.next();
      },
    );
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = false;
      this.fail(error);
    };
    worker.on('error', lost);
    worker.on('exit', () => lost(new Error('the type checker stopped')));
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    void worker?.terminate();
  }

  private fail(error: Error): void {
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.check.reject(error);
      this.current = undefined;
    }
    for (const check of this.queue.splice(0)) check.reject(error);
  }
}

/**
 * A sandbox with the type check in front: a TypeScript Check (not a Run, not a visualised test)
 * whose code has a type error gets that error as its result and never reaches the sandbox.
 */
export function withTypeCheck(run: RunCode, checker: TypeChecker): RunCode {
  return async (request: RunRequest) => {
    if (request.language !== 'typescript' || request.mode !== 'check' || request.trace) return run(request);
    const file = fileName(request.module, 'typescript');
    const outcome = await checker.check(file, request.code);
    if (outcome.kind === 'slow') return typeCheckSlowResult(file, checker.timeLimitMs, outcome.durationMs);
    if (outcome.kind === 'failed') return typeCheckFailedResult(file, outcome.reason, outcome.durationMs);
    const found = [...suppressionComments(request.code), ...outcome.diagnostics];
    if (found.length > 0) return typeErrorResult(file, found, outcome.durationMs);
    return run(request);
  };
}
