/**
 * The attack corpus (tests/fixtures/attacks/) through Check in the browser worker host, in real
 * Chromium: the desktop app's sandbox page (as tests/e2e/sandbox-page.e2e.test.ts drives it)
 * runs each attack with the real workers, QuickJS and Pyodide, and every one stays failing.
 */
import { describe, expect, test } from 'vitest';
import { ATTACK_TIME_LIMIT_MS, attackVerdict, loadAttacks } from '../fixtures/attacks/load.ts';
import { JS_ATTACKS } from '../fixtures/attacks-unseen/javascript.ts';
import { useSandboxStand } from './sandbox-stand.ts';

const { run } = useSandboxStand(150_000);

const attacks = [...loadAttacks('javascript'), ...loadAttacks('python')];

describe('the attack corpus in the browser worker host', () => {
  test.each(attacks.map((attack) => [attack.name, attack] as const))(
    '%s stays failing',
    async (_name, attack) => {
      const result = await run(attack.request);
      expect(attackVerdict(result), JSON.stringify(result.tests)).toBeNull();
    },
  );

  test('a correct solution still passes after the corpus', async () => {
    const leap = attacks.find((attack) => attack.name === 'focus-test-only.js')!;
    const result = await run({
      ...leap.request,
      code: 'export function isLeap(y) {\n  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);\n}\n',
    });
    expect(result).toMatchObject({ status: 'pass', message: '4 of 4 tests passed.' });
    // The mock attacks' target: its tests spy, clear and restore as in Jest, and a right answer passes.
    const quiet = attacks.find((attack) => attack.name === 'mock-clear-spy.js')!;
    const mocked = await run({
      ...quiet.request,
      code: 'export function isLeapQuietly(year) {\n  return year % 4 === 0;\n}\nexport function forEachName(names, cb) {\n  for (const name of names) cb(name);\n}\n',
    });
    expect(mocked).toMatchObject({ status: 'pass', message: '4 of 4 tests passed.' });
  });
});

// The unseen JavaScript cases (tests/integration/attacks/javascript-unseen.test.ts runs them in the
// Node host), mock records among them, through the browser worker host too.
describe('the unseen JavaScript attacks in the browser worker host', () => {
  test.each(JS_ATTACKS.map((c) => [c.name, c] as const))('stays failing: %s', async (_name, c) => {
    const result = await run({
      mode: 'check',
      language: 'javascript',
      module: 'leap',
      code: c.code,
      tests: c.tests,
      timeLimitMs: ATTACK_TIME_LIMIT_MS,
    });
    expect(result.status, result.message).not.toBe('pass');
    expect(result.tests.filter((t) => t.status === 'pass')).toEqual([]);
  });
});
