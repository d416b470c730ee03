/**
 * Attempts on the test file's mocks that still win (tests/fixtures/attacks-unseen/
 * javascript-mocks2-breaks.ts), through Check in the Node sandbox host. Each asserts the honest
 * outcome, so these fail until the gap is closed.
 */
import { describe, expect, it } from 'vitest';
import { JS_MOCK_BREAKS2 } from '../../fixtures/attacks-unseen/javascript-mocks2-breaks.ts';
import { useSandbox } from '../runner-host/helpers.ts';

const sandbox = useSandbox();

describe('attempts on the test file’s mocks that must fail (Node sandbox host)', () => {
  it.each(JS_MOCK_BREAKS2.map((c) => [c.name, c] as const))('the wrong test fails: %s', async (_name, c) => {
    const result = await sandbox.javascriptCheck(c.code, c.tests);
    // The callback was called for 1900: that test must not pass, whatever the module did after.
    expect(result.tests.find((t) => t.name === 'no callback for 1900')?.status).not.toBe('pass');
    expect(result.status).not.toBe('pass');
  });

  it('without the caught key, the same callback call fails the test', async () => {
    const c = JS_MOCK_BREAKS2[0]!;
    const result = await sandbox.javascriptCheck(c.code.replace('cb.mockClear(key)', 'void key'), c.tests);
    expect(result.tests.find((t) => t.name === 'no callback for 1900')?.status).toBe('fail');
  });
});
