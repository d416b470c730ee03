/**
 * One sandbox child process seen from the host: spawn it with the permission flags, wait until
 * its runtimes are loaded, run one request at a time, and kill it at the time limit (plus grace),
 * when its memory passes the cap, or when it crashes. A killed child is never reused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CappedOutput } from '../../../shared/runner/output.ts';
import { DEFAULT_TIME_LIMIT_MS, type RunRequest, type RunResult } from '../../../shared/runner/protocol.ts';
import { withExplanations } from '../../../shared/runner/explain.ts';
import { crashResult, runnerErrorResult, timeoutResult } from '../../../shared/runner/results.ts';
import type { HostToRunner, RunnerToHost } from '../../../shared/runner/worker-protocol.ts';
import { checkRunResult } from './result-check.ts';
import { pythonSnapshotPath } from './python-snapshot.ts';
import { permissionFlags } from './sandbox-flags.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD_SCRIPT = path.join(here, 'child.ts');

export interface SandboxLimits {
  /** V8 heap cap of the child (--max-old-space-size), MB. */
  heapMb: number;
  /** Resident memory (heap + WebAssembly) above which a run is killed, MB. */
  memoryLimitMb: number;
  /** Added to the request's time limit before the child is killed, ms. */
  graceMs: number;
  /** How long the child may take to load its runtimes, ms. */
  loadTimeoutMs: number;
  /** Node binary for the child; the packaged app must supply one (see docs/decisions/0003). */
  nodePath: string;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  heapMb: 256,
  memoryLimitMb: 1024,
  graceMs: 500,
  loadTimeoutMs: 60_000,
  nodePath: process.execPath,
};

export interface RunCallbacks {
  onOutput?(stream: 'stdout' | 'stderr', text: string): void;
}

/**
 * The exact command line of a sandbox child (exported so tests can assert the flags). The Python
 * snapshot, when there is one, is the script's argument; it lies inside the readable node_modules.
 */
export function childArguments(limits: SandboxLimits, snapshot?: string): string[] {
  return [
    ...permissionFlags(),
    `--max-old-space-size=${limits.heapMb}`,
    CHILD_SCRIPT,
    ...(snapshot ? [snapshot] : []),
  ];
}

export class SandboxChild {
  readonly ready: Promise<number>;
  /** False once the child exited or was killed; the pool drops it. */
  alive = true;
  busy = false;
  isReady = false;
  /** How its Python started: restored from the snapshot or anew (known once ready). */
  python: 'snapshot' | 'start' | undefined;
  private readonly process: ChildProcess;
  private readonly limits: SandboxLimits;
  private stderrTail = '';
  private nextId = 1;
  private listener: ((message: RunnerToHost) => void) | undefined;
  private exitListener: ((reason: string) => void) | undefined;

  constructor(limits: SandboxLimits) {
    this.limits = limits;
    this.process = spawn(limits.nodePath, childArguments(limits, pythonSnapshotPath(limits.nodePath)), {
      env: {},
      cwd: here,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.process.stderr?.setEncoding('utf8');
    this.process.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.process.on('message', (message: RunnerToHost) => this.listener?.(message));
    this.process.on('exit', (code, signal) => {
      this.alive = false;
      this.exitListener?.(`the sandbox process exited (${signal ?? `code ${code}`})`);
    });
    this.process.on('error', (error) => {
      this.alive = false;
      this.exitListener?.(`the sandbox process could not start: ${error.message}`);
    });
    this.ready = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        reject(new Error(`The sandbox did not start within ${limits.loadTimeoutMs} ms.`));
      }, limits.loadTimeoutMs);
      this.listener = (message) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.listener = undefined;
          this.exitListener = undefined;
          this.isReady = true;
          this.python = message.python;
          resolve(message.loadMs);
        } else if (message.type === 'fatal') {
          clearTimeout(timer);
          this.kill();
          reject(new Error(message.message));
        }
      };
      this.exitListener = (reason) => {
        clearTimeout(timer);
        reject(new Error(`${reason}${this.stderrTail ? `\n${this.stderrTail}` : ''}`));
      };
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  kill(): void {
    this.alive = false;
    this.process.kill('SIGKILL');
  }

  /** Runs one request. Resolves with a result in every case; afterwards check `alive`. */
  run(request: RunRequest, callbacks: RunCallbacks = {}): Promise<RunResult> {
    const id = this.nextId++;
    const nonce = randomUUID();
    const limit = request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    const output = new CappedOutput();
    const started = performance.now();
    this.busy = true;

    return new Promise<RunResult>((resolve) => {
      let settled = false;
      const partial = (): Partial<RunResult> => ({
        stdout: output.stdout,
        stderr: output.stderr,
        truncated: output.truncated,
        durationMs: performance.now() - started,
      });
      const finish = (result: RunResult, kill = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        this.listener = undefined;
        this.exitListener = undefined;
        this.busy = false;
        if (kill) {
          this.kill();
          result.restarted = true;
        }
        resolve(withExplanations(result, request.language));
      };
      const timer = setTimeout(
        () => finish(timeoutResult(limit, partial()), true),
        limit + this.limits.graceMs,
      );
      const memoryWatch = setInterval(() => {
        const mb = residentMb(this.process.pid);
        if (mb !== undefined && mb > this.limits.memoryLimitMb) {
          const message = `The program used more than ${this.limits.memoryLimitMb} MB of memory and was stopped.`;
          const params = { limitMb: String(this.limits.memoryLimitMb) };
          finish(runnerErrorResult('MemoryError', message, partial(), { code: 'memory', params }), true);
        }
      }, 100);
      this.exitListener = (reason) => {
        const message = `The runner stopped unexpectedly (${reason}). It has been restarted; run again.`;
        finish({
          ...runnerErrorResult('RunnerCrashed', message, partial(), { code: 'runnerCrashed' }),
          restarted: true,
        });
      };
      this.listener = (message) => {
        if (message.type === 'output' && message.id === id) {
          const kept = output.write(message.stream, String(message.text));
          if (kept) callbacks.onOutput?.(message.stream, kept);
        } else if (message.type === 'result' && message.id === id && message.nonce === nonce) {
          const result = checkRunResult(message.result);
          finish(
            result ??
              runnerErrorResult('RunnerError', 'The runner sent a malformed result.', partial(), {
                code: 'runnerMalformed',
              }),
            !result,
          );
        } else if (message.type === 'fatal') {
          finish(crashResult(message.message, partial()), true);
        }
      };
      const run: HostToRunner = { type: 'run', id, nonce, request };
      this.process.send(run);
    });
  }
}

function residentMb(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
