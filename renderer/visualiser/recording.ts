/**
 * Recording a trace in the page's runner. A `TraceRecording` is one Visualise: started at the
 * click, before React renders anything, so the request reaches the runner first; it holds the
 * steps the runner sends while it records (JavaScript's does), what the program has printed by
 * then, and at the end the result. It is a store for useSyncExternalStore, so steps streaming in
 * re-render the dialog and not the workspace around it.
 */
import type { Language } from '../../shared/content/schema.ts';
import type { RunRequest, RunResult } from '../../shared/runner/protocol.ts';
import type { TraceStep } from '../../shared/runner/trace/format.ts';
import { runnerHost } from '../runner/host.ts';

export interface VisualiseTarget {
  language: Language;
  module: string;
  code: string;
  /** The exercise's tests, to visualise one of them. */
  tests?: string;
  timeLimitMs?: number;
}

export interface RecordingProgress {
  steps(steps: TraceStep[]): void;
  output(text: string): void;
}

/**
 * Runs a trace in the page's runner, answering input() from the given lines; `progress` hears
 * the steps recorded so far and the program's output while it runs.
 */
export async function recordTrace(
  target: VisualiseTarget,
  stdin: string[],
  test?: string,
  progress?: RecordingProgress,
): Promise<RunResult> {
  const host = runnerHost();
  const lines = [...stdin];
  const request: RunRequest = {
    mode: test ? 'check' : 'run',
    language: target.language,
    module: target.module,
    code: target.code,
    ...(test ? { tests: target.tests ?? '' } : {}),
    ...(target.timeLimitMs ? { timeLimitMs: target.timeLimitMs } : {}),
    stdin,
    trace: test ? { test } : {},
  };
  return host.run(request, {
    onInput: () => host.answer(target.language, lines.shift() ?? null),
    ...(progress
      ? {
          onTraceSteps: progress.steps,
          onOutput: (stream, text) => {
            if (stream === 'stdout') progress.output(text);
          },
        }
      : {}),
  });
}

export interface RecordingState {
  /** The steps recorded so far, while the runner is still recording. */
  steps: TraceStep[];
  /** What the program has printed by the last of `steps`. */
  output: string;
  result: RunResult | null;
  error?: string;
}

export class TraceRecording {
  private state: RecordingState = { steps: [], output: '', result: null };
  private readonly listeners = new Set<() => void>();
  private live = true;
  /** Printed so far; shown with the next steps (each step counts what was printed before it). */
  private printed = '';

  constructor(target: VisualiseTarget, stdin: string[], test?: string) {
    recordTrace(target, stdin, test, {
      steps: (steps) => this.update({ steps: [...this.state.steps, ...steps], output: this.printed }),
      // A test's steps count that test's output, which only its result carries.
      output: (text) => {
        if (test === undefined) this.printed += text;
      },
    }).then(
      (result) => this.update({ result }),
      (error: unknown) => this.update({ error: String((error as Error).message ?? error) }),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): RecordingState => this.state;

  readonly finished = (): boolean => this.state.result !== null || this.state.error !== undefined;

  /** The dialog closed or started another recording: what still arrives is not shown. */
  abandon(): void {
    this.live = false;
    this.listeners.clear();
  }

  private update(change: Partial<RecordingState>): void {
    if (!this.live || this.finished()) return;
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
