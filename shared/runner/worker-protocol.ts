/**
 * The message protocol between a host and a language runner, the same for the browser's module
 * workers (renderer/workers/python.worker.ts, renderer/workers/javascript.worker.ts) and the Node
 * sandbox child (electron/core/runner-host/child.ts). A worker for another language speaks exactly
 * this: answer `attach` once, then each `run` with `output`/`input` (and, for a trace,
 * `trace-steps`) messages and one `result`
 * echoing the run's `id` and `nonce`.
 *
 * The nonce is why a result cannot be forged: the host makes a fresh random one per run and
 * accepts a `result` only when it matches. The runner keeps it in a module-scope variable that
 * learner code cannot name (no eval: the worker's CSP and the child's
 * --disallow-code-generation-from-strings), so even learner code that reached the runner's
 * JavaScript could only post a result the host throws away.
 */
import type { RunnerErrorCode } from './codes.ts';
import type { RunRequest, RunResult } from './protocol.ts';
import type { TraceStep } from './trace/format.ts';

export type HostToRunner =
  /** Browser only, once: shared memory for Stop (Pyodide's interrupt buffer) and for input(). */
  | { type: 'attach'; interrupt: SharedArrayBuffer; input: SharedArrayBuffer }
  | { type: 'run'; id: number; nonce: string; request: RunRequest };

export type RunnerToHost =
  /** Loading the runtime; `fraction` from 0 to 1. */
  | { type: 'progress'; fraction: number; message: string }
  /** `python`: whether Python was restored from its start-up snapshot or started anew. */
  | { type: 'ready'; loadMs: number; python?: 'snapshot' | 'start' }
  | { type: 'output'; id: number; stream: 'stdout' | 'stderr'; text: string }
  /** The program waits for a line: the host answers through the input buffer. */
  | { type: 'input'; id: number; prompt: string }
  /** Steps of a trace recorded so far (RunnerIO.traceSteps); the result carries them all again. */
  | { type: 'trace-steps'; id: number; steps: TraceStep[] }
  | { type: 'result'; id: number; nonce: string; result: RunResult }
  /** The runtime is unusable (load failed, interpreter crashed): the host replaces the runner. */
  | {
      type: 'fatal';
      /** English, for the log. */
      message: string;
      /** What the page says (shared/runner/codes.ts): runnerUnavailable, runnerCrashed, recursion. */
      code?: RunnerErrorCode;
      params?: Record<string, string>;
    };

/** Pyodide's interrupt buffer: one byte; the host writes SIGINT (2) to stop the program. */
export const INTERRUPT_SIGINT = 2;

/**
 * Input buffer layout: Int32 state, Int32 length (UTF-16 code units), then the text as UTF-16.
 * UTF-16 keeps this free of TextEncoder so it works the same in every realm.
 */
export const INPUT_WAITING = 0;
export const INPUT_ANSWERED = 1;
export const INPUT_EOF = 2;
export const INPUT_MAX_CHARS = 16_384;
export const INPUT_BUFFER_BYTES = 8 + INPUT_MAX_CHARS * 2;

/** Host side: hand the waiting program a line (or end of input) and wake it. */
export function answerInput(buffer: SharedArrayBuffer, line: string | null): void {
  const header = new Int32Array(buffer, 0, 2);
  if (line === null) {
    Atomics.store(header, 0, INPUT_EOF);
  } else {
    const text = line.slice(0, INPUT_MAX_CHARS);
    const chars = new Uint16Array(buffer, 8, INPUT_MAX_CHARS);
    for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);
    Atomics.store(header, 1, text.length);
    Atomics.store(header, 0, INPUT_ANSWERED);
  }
  Atomics.notify(header, 0);
}

/**
 * Runner side, before it asks for a line: forget any answer left from an earlier run. Stop and
 * the time limit answer "end of input" in case the program was waiting; when it was not (a Check
 * stuck in a loop), that answer stayed in the buffer and the next run's first input() read it as
 * EOFError. The host's stop raises the interrupt before it answers, so a run being stopped right
 * now is seen by the caller's interrupt check after this reset.
 */
export function resetInput(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer, 0, 2), 0, INPUT_WAITING);
}

/** Runner side: block until the host answers; null means end of input. */
export function waitForInput(buffer: SharedArrayBuffer): string | null {
  const header = new Int32Array(buffer, 0, 2);
  Atomics.wait(header, 0, INPUT_WAITING);
  const state = Atomics.load(header, 0);
  const length = Atomics.load(header, 1);
  Atomics.store(header, 0, INPUT_WAITING);
  if (state !== INPUT_ANSWERED) return null;
  const chars = new Uint16Array(buffer, 8, length);
  let text = '';
  for (let i = 0; i < chars.length; i += 4096) {
    text += String.fromCharCode(...chars.subarray(i, i + 4096));
  }
  return text;
}
