/**
 * The unseen JavaScript attack cases (tests/fixtures/attacks-unseen/javascript.ts) through Check
 * in the Node sandbox host: none may end with a passing test, and the runner stays usable.
 */
import { describe, expect, it } from 'vitest';
import { JS_ATTACKS } from '../../fixtures/attacks-unseen/javascript.ts';
import { useSandbox } from '../runner-host/helpers.ts';

const sandbox = useSandbox();

describe('unseen JavaScript attempts to fake a pass (Node sandbox host)', () => {
  it.each(JS_ATTACKS.map((c) => [c.name, c] as const))('stays failing: %s', async (_name, c) => {
    const result = await sandbox.javascriptCheck(c.code, c.tests);
    expect(result.status, result.message).not.toBe('pass');
    expect(result.tests.filter((t) => t.status === 'pass')).toEqual([]);
    expect(result.message?.trim()).toBeTruthy();
  });

  it('the runner still runs a program after the attempts', async () => {
    const result = await sandbox.javascript('console.log("still here")');
    expect(result).toMatchObject({ status: 'pass', stdout: 'still here\n' });
  });
});
