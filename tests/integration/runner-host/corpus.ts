/**
 * The escape corpus's table format and its one verdict: each case must end as the status it
 * names (never a pass that should fail), say what happened, leak nothing of the host, and leave
 * the runner usable for the next run.
 */
import { expect } from 'vitest';
import type { RunRequest } from '../../../shared/runner/protocol.ts';
import type { Ran, Sandbox } from './helpers.ts';

export interface EscapeCase {
  name: string;
  request: Partial<RunRequest> & { code: string };
  /** `pass` only where the attempt is harmless inside the sandbox (it reached nothing real). */
  status: 'error' | 'timeout' | 'fail' | 'pass';
  /** The error type the learner sees, when the status is error or timeout. */
  type?: string;
  /** Anything else the learner must (not) see. */
  check?: (result: Ran) => void;
}

/** Set in the test process only: the sandbox's empty environment must never show it. */
export const CANARY = `lantern-canary-${Math.random().toString(36).slice(2)}`;
process.env.LANTERN_TEST_SECRET = CANARY;

const HOST_PATH = process.cwd();

export async function expectContained(sandbox: Sandbox, c: EscapeCase, language: RunRequest['language']) {
  const result = await sandbox.run({
    mode: 'run',
    module: c.request.mode === 'check' ? 'leap' : 'main',
    language,
    // Generous for the cases that end by themselves (a loaded machine is slow); the cases that
    // must time out set 1000 ms themselves.
    timeLimitMs: 5000,
    ...c.request,
  });
  expect(result.status, `${c.name}: ${result.message ?? ''}`).toBe(c.status);
  if (c.status !== 'pass') expect(result.message?.trim()).toBeTruthy();
  if (c.type) expect(result.error?.type).toBe(c.type);
  const printed = `${result.stdout}\n${result.stderr}`;
  expect(`${printed}\n${JSON.stringify(result.error ?? {})}`).not.toContain(CANARY);
  // Only output: an error may quote the learner's own line, which can name any path.
  expect(printed).not.toContain(HOST_PATH);
  c.check?.(result);

  const probe = language === 'python' ? 'print("still here")' : 'console.log("still here")';
  const next = await sandbox.run({ mode: 'run', module: 'main', language, code: probe, timeLimitMs: 5000 });
  expect(next, `the run after ${c.name}`).toMatchObject({ status: 'pass', stdout: 'still here\n' });
}
