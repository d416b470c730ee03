/**
 * The Node sandbox host: runs learner code, exercise tests and generated exercises outside the
 * UI (validation, CLI, tests). `runInSandbox(request)` always resolves with a RunResult; it
 * never hangs and never throws for anything the code does.
 *
 * A small pool keeps warm children (loading Pyodide takes seconds) and reuses one between runs;
 * a child killed at the time limit, over the memory cap or after a crash is replaced at once.
 * Why a child process with Node's permission model: docs/decisions/0003-node-sandbox-host.md.
 */
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { runnerErrorResult } from '../../../shared/runner/results.ts';
import { DEFAULT_LIMITS, SandboxChild, type RunCallbacks, type SandboxLimits } from './sandbox-child.ts';

export { childArguments, DEFAULT_LIMITS, type RunCallbacks, type SandboxLimits } from './sandbox-child.ts';

export interface SandboxPoolOptions extends Partial<SandboxLimits> {
  /** Warm children kept; each can run one request at a time. Default 1. */
  size?: number;
}

interface Job {
  request: RunRequest;
  callbacks: RunCallbacks;
  resolve(result: RunResult): void;
}

export class SandboxPool {
  private readonly limits: SandboxLimits;
  private readonly size: number;
  private readonly children: SandboxChild[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Children started so far (the first ones plus replacements); the bench reports it. */
  started = 0;

  constructor(options: SandboxPoolOptions = {}) {
    const { size = 1, ...limits } = options;
    this.size = size;
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Starts the children now, so the first run does not wait for Pyodide. Resolves when ready. */
  async warm(): Promise<void> {
    this.fill();
    await Promise.allSettled(this.children.map((child) => child.ready));
  }

  run(request: RunRequest, callbacks: RunCallbacks = {}): Promise<RunResult> {
    if (this.closed) return Promise.resolve(closedResult());
    return new Promise((resolve) => {
      this.queue.push({ request, callbacks, resolve });
      this.fill();
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const child of this.children.splice(0)) child.kill();
    for (const job of this.queue.splice(0)) job.resolve(closedResult());
  }

  private fill(): void {
    for (let i = this.children.length - 1; i >= 0; i--)
      if (!this.children[i]?.alive) this.children.splice(i, 1);
    while (!this.closed && this.children.length < this.size) {
      const child = new SandboxChild(this.limits);
      this.started++;
      this.children.push(child);
      child.ready.then(
        () => this.dispatch(),
        (error: Error) => {
          child.kill();
          // A runtime that cannot start will not start on retry either: fail the waiting jobs.
          for (const job of this.queue.splice(0)) {
            job.resolve(
              runnerErrorResult(
                'RunnerUnavailable',
                `The sandbox could not start: ${error.message}`,
                {},
                { code: 'runnerUnavailable' },
              ),
            );
          }
        },
      );
    }
  }

  private dispatch(): void {
    for (const child of this.children) {
      if (!this.queue.length) return;
      if (!child.alive || child.busy || !child.isReady) continue;
      const job = this.queue.shift();
      if (!job) return;
      child.run(job.request, job.callbacks).then((result) => {
        job.resolve(result);
        this.fill();
        this.dispatch();
      });
    }
  }
}

function closedResult(): RunResult {
  return runnerErrorResult('RunnerClosed', 'The sandbox has been shut down.', {}, { code: 'runnerClosed' });
}

let shared: SandboxPool | undefined;

/** Runs one request in the shared warm pool. */
export function runInSandbox(request: RunRequest, callbacks: RunCallbacks = {}): Promise<RunResult> {
  shared ??= new SandboxPool();
  return shared.run(request, callbacks);
}

/** Stops the shared pool's children (app shutdown, end of a test file). */
export async function closeSandbox(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
