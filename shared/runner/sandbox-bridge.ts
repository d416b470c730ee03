/**
 * What the sandbox page (renderer/sandbox/main.ts) and the desktop app's sandbox preload (electron/preload/sandbox.ts) agree
 * on: `window.lanternSandbox`, three functions and nothing else.
 */
import type { RunRequest, RunResult } from './protocol.ts';

export interface SandboxBridge {
  /** The app's requests, one call per request. */
  onRun(listener: (id: number, request: RunRequest) => void): void;
  /** The result of request `id`. */
  result(id: number, result: RunResult): void;
  /** The page listens: the app may send requests now. */
  ready(): void;
}

export const SANDBOX_CHANNELS = {
  run: 'lantern-sandbox:run',
  result: 'lantern-sandbox:result',
  ready: 'lantern-sandbox:ready',
} as const;
