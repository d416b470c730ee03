/**
 * The runner the validator uses outside unit tests: the Node sandbox host (permission-limited
 * child processes). A validation opens its own pool, one warm child per parallel run, and closes
 * it when done, so the CLI exits and the app keeps no idle Pyodide processes around.
 */
import { SandboxPool } from '../runner-host/index.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export interface SandboxRunner {
  runner: RunCode;
  close(): Promise<void>;
}

export function openSandboxRunner(size: number): SandboxRunner {
  let pool: SandboxPool | undefined;
  return {
    runner: (request) => {
      pool ??= new SandboxPool({ size });
      return pool.run(request);
    },
    close: async () => {
      await pool?.close();
    },
  };
}
