/**
 * The runner the validator uses outside tests: the Node sandbox host (a permission-limited child
 * process). It is loaded on first use so that loading and browsing content never pays for it.
 */
import type { Runner } from './verify.ts';

// Kept as a variable while electron/core/runner-host is being written, so this file type-checks
// before it exists; becomes a static import once it lands.
const RUNNER_HOST = '../runner-host/index.ts';

export const sandboxRunner: Runner = async (request) => {
  const host = (await import(RUNNER_HOST)) as { runInSandbox?: Runner };
  if (typeof host.runInSandbox !== 'function') throw new Error('the Node sandbox host has no runInSandbox()');
  return host.runInSandbox(request);
};
