/**
 * The desktop app's backend runner: a hidden window (electron/main/browser-sandbox.ts) that runs
 * pack validation, generated practice and the hint leak guard in the same module workers, under
 * the same CSP, as the learner's own code. Electron's binary cannot start the Node sandbox child
 * (its `runAsNode` fuse is off, and `utilityProcess` ignores Node's permission flags), so in the
 * desktop app the backend's untrusted code runs here, behind Chromium's renderer sandbox.
 *
 * Requests arrive through `window.lanternSandbox` (the sandbox preload) once both runtimes have
 * loaded. The app sends one run per runtime at a time; the page queues them too, since a new run
 * on a runtime stops the one before. `stdin` lines answer input().
 */
import type { RunRequest, RunResult } from '../../shared/runner/protocol.ts';
import { runnerErrorResult } from '../../shared/runner/results.ts';
import { runnerHost, runtimeOf, type Runtime } from '../runner/host.ts';
import type { SandboxBridge } from '../../shared/runner/sandbox-bridge.ts';

declare global {
  interface Window {
    lanternSandbox?: SandboxBridge;
  }
}

const host = runnerHost();
host.warm('python');
/** Both runtimes loaded (or failed to): the app times each run from when it sends it. */
const loaded = host.whenReady('python').then(() => {
  host.warm('javascript');
  return host.whenReady('javascript');
});

const queues = new Map<Runtime, Promise<unknown>>();

/** Runs one request after the ones before it on the same runtime. */
function runQueued(request: RunRequest): Promise<RunResult> {
  const runtime = runtimeOf(request.language);
  const lines = [...(request.stdin ?? [])];
  const run = (queues.get(runtime) ?? Promise.resolve()).then(() =>
    host.run(request, { onInput: () => host.answer(request.language, lines.shift() ?? null) }),
  );
  queues.set(
    runtime,
    run.catch(() => {}),
  );
  return run;
}

const bridge = window.lanternSandbox;
if (bridge) {
  bridge.onRun((id, request) => {
    void runQueued(request).then(
      (result) => bridge.result(id, result),
      (error: unknown) =>
        bridge.result(
          id,
          runnerErrorResult(
            'RunnerError',
            `The sandbox could not run the code: ${String(error)}`,
            {},
            { code: 'runnerFailed' },
          ),
        ),
    );
  });
  void loaded.then(() => bridge.ready());
}
