/**
 * The interrupt buffer shared by the page and a runner worker: Int32 [0] is the signal Pyodide
 * polls (SIGINT = 2), Int32 [1] says why the host raised it, so the result can say "you stopped
 * it" or "it ran out of time".
 */
import { INTERRUPT_SIGINT } from '../../shared/runner/worker-protocol.ts';

export interface InterruptView {
  signal: Int32Array;
  reason: Int32Array;
}

const REASONS = { stopped: 1, timeout: 2 } as const;
export type InterruptReason = keyof typeof REASONS;

export const INTERRUPT_BUFFER_BYTES = 8;

export function viewOf(buffer: SharedArrayBuffer): InterruptView {
  return { signal: new Int32Array(buffer, 0, 1), reason: new Int32Array(buffer, 4, 1) };
}

export function raise(view: InterruptView, reason: InterruptReason): void {
  Atomics.store(view.reason, 0, REASONS[reason]);
  Atomics.store(view.signal, 0, INTERRUPT_SIGINT);
}

export function clear(view: InterruptView): void {
  Atomics.store(view.signal, 0, 0);
  Atomics.store(view.reason, 0, 0);
}

export function interruptReason(view: InterruptView): InterruptReason | undefined {
  const code = Atomics.load(view.reason, 0);
  return code === REASONS.stopped ? 'stopped' : code === REASONS.timeout ? 'timeout' : undefined;
}
