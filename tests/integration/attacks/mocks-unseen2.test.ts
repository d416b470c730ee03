/**
 * The second round of unseen attempts on the test file's mocks
 * (tests/fixtures/attacks-unseen/javascript-mocks2.ts) through Check in the Node sandbox host:
 * none may end with a passing test. Each test file is first run against an honest module, so a
 * case cannot hold only because its test file is broken.
 */
import { describe, expect, it } from 'vitest';
import { JS_MOCK_ATTACKS2 } from '../../fixtures/attacks-unseen/javascript-mocks2.ts';
import { useSandbox } from '../runner-host/helpers.ts';

const sandbox = useSandbox();

/** A module that does what every test file in the fixture asks: never logs, never calls back. */
const HONEST = `export const api = { get: (x) => x };
export function isLeap(y) {
  api.get(y);
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}
`;

describe('unseen attempts on the test file’s mocks, second round (Node sandbox host)', () => {
  it.each(JS_MOCK_ATTACKS2.map((c) => [c.name, c] as const))('stays failing: %s', async (_name, c) => {
    const honest = await sandbox.javascriptCheck(HONEST, c.tests);
    expect(honest.status, honest.message).toBe('pass');
    const result = await sandbox.javascriptCheck(c.code, c.tests);
    expect(result.status, result.message).not.toBe('pass');
    expect(result.tests.filter((t) => t.status === 'pass')).toEqual([]);
  });
});
