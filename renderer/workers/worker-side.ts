/**
 * What both runner workers do the same way: post protocol messages, keep the shared buffers the
 * host attaches, and give the runner a console that streams output and blocks in input().
 */
import type { RunnerIO } from '../../shared/runner/io.ts';
import {
  resetInput,
  waitForInput,
  type HostToRunner,
  type RunnerToHost,
} from '../../shared/runner/worker-protocol.ts';
import { interruptReason, viewOf, type InterruptView } from '../runner/interrupt.ts';

export const post = (message: RunnerToHost) => self.postMessage(message);

export interface Attached {
  interrupt?: InterruptView;
  input?: SharedArrayBuffer;
}

/** Keeps the buffers of an `attach` message; true when the message was one. */
export function takeAttach(message: HostToRunner, into: Attached): boolean {
  if (message.type !== 'attach') return false;
  into.interrupt = viewOf(message.interrupt);
  into.input = message.input;
  return true;
}

export function consoleFor(id: number, attached: Attached): RunnerIO {
  return {
    write: (stream, text) => post({ type: 'output', id, stream, text }),
    readLine: (prompt) => {
      if (!attached.input) return null;
      resetInput(attached.input);
      if (attached.interrupt && interruptReason(attached.interrupt)) return null;
      post({ type: 'input', id, prompt });
      return waitForInput(attached.input);
    },
    traceSteps: (steps) => post({ type: 'trace-steps', id, steps }),
    stopReason: () => (attached.interrupt ? interruptReason(attached.interrupt) : undefined),
  };
}
