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
import type { RunCode, RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { fileName } from '../../../shared/runner/javascript/compile.ts';
import {
  SANDBOX_GLOBALS_DTS,
  TYPE_CHECK_SETTINGS,
  typeErrorResult,
  type TypeDiagnostic,
} from '../../../shared/runner/javascript/type-check.ts';

/** Long enough for a cold start on a busy machine; a checker past it is stopped. */
export const TYPE_CHECK_TIME_LIMIT_MS = 10_000;

/**
 * The worker's program, as plain CommonJS (an `eval` worker needs no build step and works in the
 * packaged app, where the compiler is a dependency like any other).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ts = require(workerData.typescript);
const path = require('node:path');
const options = {
  strict: workerData.strict,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: workerData.lib.map((l) => 'lib.' + l + '.d.ts'),
  types: [],
  noEmit: true,
  skipLibCheck: true,
};
const GLOBALS = '/lantern/sandbox-globals.d.ts';
const libs = new Map();
const base = ts.createCompilerHost(options, true);
let old;
function check({ file, code }) {
  const learner = '/lantern/' + file;
  const texts = new Map([[learner, code], [GLOBALS, workerData.globals]]);
  const host = {
    ...base,
    fileExists: (f) => texts.has(f) || base.fileExists(f),
    readFile: (f) => texts.get(f) ?? base.readFile(f),
    getSourceFile(f, language) {
      if (texts.has(f)) return ts.createSourceFile(f, texts.get(f), language, true);
      let sf = libs.get(f);
      if (!sf) {
        sf = base.getSourceFile(f, language);
        if (sf) libs.set(f, sf);
      }
      return sf;
    },
  };
  const program = ts.createProgram([learner, GLOBALS], options, host, old);
  old = program;
  const sf = program.getSourceFile(learner);
  const found = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
  return found
    .filter((d) => d.category === ts.DiagnosticCategory.Error && d.file && d.start !== undefined)
    .map((d) => {
      const at = d.file.getLineAndCharacterOfPosition(d.start);
      return {
        line: at.line + 1,
        column: at.character + 1,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\\n'),
      };
    });
}
// Load the compiler and the standard library's declarations before the first check is timed.
check({ file: 'warm.ts', code: 'export {};' });
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, file, code }) => {
  try {
    parentPort.postMessage({ id, diagnostics: check({ file, code }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

export type TypeCheckOutcome =
  | { kind: 'checked'; diagnostics: TypeDiagnostic[]; durationMs: number }
  | { kind: 'slow'; durationMs: number };

interface Pending {
  resolve: (outcome: TypeCheckOutcome) => void;
  reject: (error: Error) => void;
  started: number;
  file: string;
  code: string;
  /** Set once the worker is ready: loading the compiler is not the learner's code's time. */
  timer?: NodeJS.Timeout;
}

export class TypeChecker {
  private worker: Worker | undefined;
  private ready = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly timeLimitMs: number;

  constructor(options: { timeLimitMs?: number } = {}) {
    this.timeLimitMs = options.timeLimitMs ?? TYPE_CHECK_TIME_LIMIT_MS;
  }

  /** The errors the compiler finds in one learner file (`total.ts`), or `slow` past the limit. */
  check(file: string, code: string): Promise<TypeCheckOutcome> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const waiting: Pending = { resolve, reject, started: performance.now(), file, code };
      this.pending.set(id, waiting);
      if (this.ready) this.time(id, waiting);
      // Waiting for an answer keeps the process alive; an idle checker does not.
      worker.ref();
      worker.postMessage({ id, file, code });
    });
  }

  /** Starts the compiler now, so the first Check does not wait for it to load. */
  warm(): void {
    this.start();
  }

  private time(id: number, waiting: Pending): void {
    waiting.started = performance.now();
    waiting.timer = setTimeout(() => {
      // The checker is stuck in this file: stop it (the next check starts a fresh one).
      this.pending.delete(id);
      waiting.resolve({ kind: 'slow', durationMs: performance.now() - waiting.started });
      this.restart();
    }, this.timeLimitMs);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    this.fail(new Error('the type checker was shut down'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        typescript: require.resolve('typescript'),
        globals: SANDBOX_GLOBALS_DTS,
        strict: TYPE_CHECK_SETTINGS.strict,
        lib: TYPE_CHECK_SETTINGS.lib,
      },
    });
    worker.unref();
    worker.on('message', (m: { id: number; ready?: true; diagnostics?: TypeDiagnostic[]; error?: string }) => {
      if (m.ready) {
        if (this.worker !== worker) return;
        this.ready = true;
        for (const [id, waiting] of this.pending) this.time(id, waiting);
        return;
      }
      const waiting = this.pending.get(m.id);
      if (!waiting) return;
      this.pending.delete(m.id);
      if (waiting.timer) clearTimeout(waiting.timer);
      if (this.pending.size === 0) worker.unref();
      if (m.error !== undefined) waiting.reject(new Error(`the type checker failed: ${m.error}`));
      else
        waiting.resolve({
          kind: 'checked',
          diagnostics: m.diagnostics ?? [],
          durationMs: performance.now() - waiting.started,
        });
    });
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = false;
      this.fail(error);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.ready = false;
      this.fail(new Error('the type checker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  /** A fresh worker; the checks queued behind the stuck one go to it. */
  private restart(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    void worker?.terminate();
    if (this.pending.size === 0) return;
    const fresh = this.start();
    for (const [id, waiting] of this.pending) {
      if (waiting.timer) clearTimeout(waiting.timer);
      delete waiting.timer;
      fresh.ref();
      fresh.postMessage({ id, file: waiting.file, code: waiting.code });
    }
  }

  private fail(error: Error): void {
    for (const [id, waiting] of this.pending) {
      if (waiting.timer) clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.reject(error);
    }
  }
}

/** The result of a Check the checker could not finish in time: an error, and no test run. */
function slowResult(file: string, durationMs: number): RunResult {
  return {
    status: 'error',
    stdout: '',
    stderr: '',
    truncated: false,
    tests: [],
    durationMs,
    error: {
      type: 'TypeScriptSlow',
      message: `TypeScript could not finish checking ${file} in ${TYPE_CHECK_TIME_LIMIT_MS / 1000} s`,
      file,
      explanation: 'javascript.TypeScriptSlow',
    },
  };
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
    if (outcome.kind === 'slow') return slowResult(file, outcome.durationMs);
    if (outcome.diagnostics.length > 0) return typeErrorResult(file, outcome.diagnostics, outcome.durationMs);
    return run(request);
  };
}
