/**
 * The JavaScript/TypeScript runner's module worker: QuickJS (wasm from /runtimes/) with the
 * shared runner core (shared/runner/javascript). Learner code runs inside QuickJS, inside this
 * worker, under the worker's own CSP: it has no DOM, no fetch, no Worker, no importScripts.
 * Stop and the time limit arrive through the interrupt buffer, which the sandbox polls.
 */
import { prepareJavaScriptRunner, runJavaScript } from '../../shared/runner/javascript/index.ts';
import { setQuickJSWasmLocation } from '../../shared/runner/javascript/engine.ts';
import type { HostToRunner } from '../../shared/runner/worker-protocol.ts';
import { interruptReason } from '../runner/interrupt.ts';
import { consoleFor, post, takeAttach, type Attached } from './worker-side.ts';

const attached: Attached = {};

setQuickJSWasmLocation(`${self.location.origin}/runtimes/quickjs.wasm`);
const started = performance.now();
const ready = prepareJavaScriptRunner().then(
  () => post({ type: 'ready', loadMs: Math.round(performance.now() - started) }),
  (error: unknown) => {
    post({
      type: 'fatal',
      message: `JavaScript could not start: ${(error as Error).message ?? String(error)}`,
      code: 'runnerUnavailable',
    });
    throw error;
  },
);

self.onmessage = (event: MessageEvent<HostToRunner>) => {
  const message = event.data;
  if (takeAttach(message, attached) || message.type !== 'run') return;
  const { id, nonce, request } = message;
  void ready.then(async () => {
    try {
      const { stopReason: _ignored, ...io } = consoleFor(id, attached);
      const result = await runJavaScript(request, io, {
        // The sandbox keeps its own time limit; only the learner's Stop comes from the host.
        shouldStop: () => (attached.interrupt ? interruptReason(attached.interrupt) === 'stopped' : false),
      });
      post({ type: 'result', id, nonce, result });
    } catch (error) {
      post({
        type: 'fatal',
        message: `The JavaScript runner failed: ${String(error)}`,
        code: 'runnerCrashed',
      });
    }
  });
};
