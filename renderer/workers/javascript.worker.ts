/**
 * The JavaScript/TypeScript runner's module worker: QuickJS (wasm from /runtimes/) with the
 * shared runner core (shared/runner/javascript). Learner code runs inside QuickJS, inside this
 * worker, under the worker's own CSP: it has no DOM, no fetch, no Worker, no importScripts.
 * Stop and the time limit arrive through the interrupt buffer, which the sandbox polls.
 */
import { prepareJavaScriptRunner, runJavaScript } from '../../shared/runner/javascript/index.ts';
import { setQuickJSWasmLocation } from '../../shared/runner/javascript/engine.ts';
import { waitForInput, type HostToRunner, type RunnerToHost } from '../../shared/runner/worker-protocol.ts';
import { interruptReason, type InterruptView } from '../runner/interrupt.ts';

const post = (message: RunnerToHost) => self.postMessage(message);
let interrupt: InterruptView | undefined;
let input: SharedArrayBuffer | undefined;

setQuickJSWasmLocation(`${self.location.origin}/runtimes/quickjs.wasm`);
const started = performance.now();
const ready = prepareJavaScriptRunner().then(
  () => post({ type: 'ready', loadMs: Math.round(performance.now() - started) }),
  (error: unknown) => {
    post({
      type: 'fatal',
      message: `JavaScript could not start: ${(error as Error).message ?? String(error)}`,
    });
    throw error;
  },
);

self.onmessage = (event: MessageEvent<HostToRunner>) => {
  const message = event.data;
  if (message.type === 'attach') {
    interrupt = {
      signal: new Int32Array(message.interrupt, 0, 1),
      reason: new Int32Array(message.interrupt, 4, 1),
    };
    input = message.input;
    return;
  }
  const { id, nonce, request } = message;
  void ready.then(async () => {
    try {
      const result = await runJavaScript(
        request,
        {
          write: (stream, text) => post({ type: 'output', id, stream, text }),
          readLine: (prompt) => {
            if (!input) return null;
            post({ type: 'input', id, prompt });
            return waitForInput(input);
          },
        },
        { shouldStop: () => (interrupt ? interruptReason(interrupt) === 'stopped' : false) },
      );
      post({ type: 'result', id, nonce, result });
    } catch (error) {
      post({ type: 'fatal', message: `The JavaScript runner failed: ${String(error)}` });
    }
  });
};
