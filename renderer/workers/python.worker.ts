/**
 * The Python runner's module worker: Pyodide loaded from the app's own /pyodide/ files, the shared
 * runner core (shared/runner/python) on top. Learner code runs here, off the page, under this
 * script's own CSP (no network beyond the runtime's files; see shared/security/headers.ts).
 *
 * Stop and the time limit: the host writes SIGINT into the interrupt buffer, which Pyodide checks
 * while Python runs (KeyboardInterrupt). input(): the worker posts `input` and blocks on the input
 * buffer (Atomics.wait) until the host answers.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import {
  createPythonRunner,
  PythonRuntimeCrashed,
  type PythonRunner,
} from '../../shared/runner/python/index.ts';
import { bootPython, SNAPSHOT_PATH } from '../../shared/runner/python/boot.ts';
import { capWasmMemory, PYTHON_MEMORY_LIMIT_BYTES } from '../../shared/runner/memory-cap.ts';
import type { HostToRunner } from '../../shared/runner/worker-protocol.ts';
import type { InterruptView } from '../runner/interrupt.ts';
import { consoleFor, post, takeAttach, type Attached } from './worker-side.ts';

const attached: Attached = {};

/** The interpreter's memory after start-up, shipped by the build; undefined when there is none. */
async function fetchSnapshot(): Promise<Uint8Array | undefined> {
  const response = await fetch(`${self.location.origin}${SNAPSHOT_PATH}`);
  if (!response.ok) return undefined;
  return new Uint8Array(await response.arrayBuffer());
}

async function load(): Promise<PythonRunner> {
  const started = performance.now();
  capWasmMemory(PYTHON_MEMORY_LIMIT_BYTES);
  post({ type: 'progress', fraction: 0.1, message: 'python' });
  const snapshot = fetchSnapshot();
  // Pyodide's own loader, exactly as shipped: bundling it breaks the names its wasm glue
  // looks up at run time.
  const indexURL = `${self.location.origin}/pyodide/`;
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
    loadPyodide: typeof LoadPyodide;
  };
  const { pyodide, snapshotError, from } = await bootPython(loadPyodide, indexURL, snapshot);
  if (snapshotError) console.warn(`Python started without its snapshot: ${snapshotError}`);
  post({ type: 'progress', fraction: 0.9, message: 'python' });
  const runner = createPythonRunner(pyodide);
  if (attached.interrupt) pyodide.setInterruptBuffer(attached.interrupt.signal);
  attachTo = (view) => pyodide.setInterruptBuffer(view.signal);
  post({ type: 'ready', loadMs: Math.round(performance.now() - started), python: from });
  return runner;
}

let attachTo: ((view: InterruptView) => void) | undefined;
const ready = load().catch((error: unknown) => {
  post({
    type: 'fatal',
    message: `Python could not start: ${(error as Error).message ?? String(error)}`,
    code: 'runnerUnavailable',
  });
  throw error;
});

self.onmessage = (event: MessageEvent<HostToRunner>) => {
  const message = event.data;
  if (takeAttach(message, attached)) {
    if (attached.interrupt) attachTo?.(attached.interrupt);
    return;
  }
  if (message.type !== 'run') return;
  const { id, nonce, request } = message;
  void ready.then((runner) => {
    try {
      const result = runner.run(request, consoleFor(id, attached));
      post({ type: 'result', id, nonce, result });
    } catch (error) {
      const text = error instanceof PythonRuntimeCrashed ? error.message : String(error);
      post({ type: 'fatal', message: text, code: 'runnerCrashed' });
    }
  });
};
