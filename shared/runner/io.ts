/**
 * What a language runner needs from its host: somewhere to write output and a way to read a
 * line of input. The browser worker answers readLine by blocking on a SharedArrayBuffer until
 * the learner types; the Node sandbox answers from `RunRequest.stdin`.
 *
 * Language runners (shared/runner/python, shared/runner/javascript) import RunnerIO from here.
 */
import type { TraceStep } from './trace/format.ts';

export interface RunnerIO {
  /** Output as the program produces it; the host applies the caps of protocol.ts. */
  write(stream: 'stdout' | 'stderr', text: string): void;
  /**
   * One line of input without its newline, or null at end of input (Python raises EOFError).
   * `prompt` is the text already printed on the current line (shown beside the input field).
   */
  readLine(prompt: string): string | null;
  /** Why the host interrupted this run, if it did: the learner pressed Stop, or the time limit. */
  stopReason?(): 'stopped' | 'timeout' | undefined;
  /**
   * A trace's steps as they are recorded, in order, while the program still runs, so the step
   * view can open before the whole trace is in. The whole trace is in `RunResult.trace` either way.
   */
  traceSteps?(steps: TraceStep[]): void;
}
