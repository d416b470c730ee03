/**
 * The runner the validator uses outside unit tests: the Node sandbox host (permission-limited
 * child processes). A validation opens its own pool, one warm child per parallel run, and closes
 * it when done, so the CLI exits and the app keeps no idle Pyodide processes around. TypeScript is
 * type-checked in front of it, as a learner's Check is.
 */
import { SandboxPool } from '../runner-host/index.ts';
import { TypeChecker, withTypeCheck } from '../runner-host/type-checker.ts';
import type { RunCode } from '../../../shared/runner/protocol.ts';

export interface SandboxRunner {
  runner: RunCode;
  close(): Promise<void>;
}

export function openSandboxRunner(size: number): SandboxRunner {
  let pool: SandboxPool | undefined;
  // TypeScript solutions must type-check as a learner's Check does (decision 0048); the checker
  // starts only when a TypeScript check comes.
  const types = new TypeChecker();
  return {
    runner: withTypeCheck((request) => {
      pool ??= new SandboxPool({ size });
      return pool.run(request);
    }, types),
    close: async () => {
      await Promise.all([pool?.close(), types.close()]);
    },
  };
}
