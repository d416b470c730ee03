/**
 * The unseen Python attack cases (tests/fixtures/attacks-unseen/python.ts) through Check in the
 * Node sandbox host: none may end with a passing test, and the runner stays usable.
 */
import { describe, expect, it } from 'vitest';
import { PY_ATTACKS } from '../../fixtures/attacks-unseen/python.ts';
import { useSandbox } from '../runner-host/helpers.ts';

const sandbox = useSandbox();

describe('unseen Python attempts to fake a pass (Node sandbox host)', () => {
  it.each(PY_ATTACKS.filter((c) => !c.byDesign).map((c) => [c.name, c] as const))(
    'stays failing: %s',
    async (_name, c) => {
      const result = await sandbox.pythonCheck(c.code, c.tests);
      expect(result.status, result.message).not.toBe('pass');
      expect(result.tests.filter((t) => t.status === 'pass')).toEqual([]);
      expect(result.message?.trim()).toBeTruthy();
    },
  );

  it.each(PY_ATTACKS.filter((c) => c.byDesign).map((c) => [c.name, c] as const))(
    'by design, the learner’s own class decides: %s',
    async (_name, c) => {
      const result = await sandbox.pythonCheck(c.code, c.tests);
      expect(result.status).toBe('pass');
    },
  );

  it('the runner still runs a program after the attempts', async () => {
    const result = await sandbox.python('print("still here")');
    expect(result).toMatchObject({ status: 'pass', stdout: 'still here\n' });
  });
});
