/**
 * The engine behaviour sandbox/lockdown.ts relies on, tried on a bare QuickJS realm (no harness),
 * and the guarantee it gives, tried through Check: if this QuickJS build ever starts (or stops)
 * enforcing what these tests find, the lockdown must be looked at again (decision 0025).
 */
import { describe, expect, it } from 'vitest';
import { loadQuickJS } from '../../../shared/runner/javascript/engine.ts';
import { check, statuses } from './helpers.ts';

async function evaluate(code: string): Promise<unknown> {
  const quickjs = await loadQuickJS();
  const context = quickjs.newContext();
  try {
    const result = context.evalCode(code, 'probe.js', { type: 'global' });
    const handle = result.error ?? result.value;
    const value: unknown = context.dump(handle);
    handle.dispose();
    return value;
  } finally {
    context.dispose();
  }
}

const attempts = (name: string) => `
  const tries = [
    () => Object.defineProperty(globalThis, '${name}', { value: 2 }),
    () => Reflect.defineProperty(globalThis, '${name}', { value: 2 }),
    () => Object.defineProperties(globalThis, { ${name}: { value: 2 } }),
    () => delete globalThis.${name},
    () => (0, eval)('var ${name} = 2'),
  ];
  for (const t of tries) { try { t(); } catch {} }
  typeof ${name} === 'number' ? ${name} : 'kept';
`;

describe('the engine under the lockdown', () => {
  it('lets a non-configurable, non-writable data property of the global object be redefined', async () => {
    const value = await evaluate(
      `Object.defineProperty(globalThis, 'probe', { value: 1, writable: false, configurable: false });
       Object.freeze(globalThis);${attempts('probe')}`,
    );
    expect(value).toBe(2);
  });

  it('refuses every redefinition of a non-configurable accessor of the global object', async () => {
    const value = await evaluate(
      `Object.defineProperty(globalThis, 'probe', { get: () => 'kept', configurable: false });${attempts('probe')}`,
    );
    expect(value).toBe('kept');
  });

  it('lets undefined be redefined, which no lockdown can prevent', async () => {
    expect(await evaluate(`Object.defineProperty(globalThis, 'undefined', { value: 1 }); undefined`)).toBe(1);
  });
});

describe('the lockdown, tried from learner code in Check', () => {
  const TESTS = `import { value } from './leap';
test('value', () => expect(value()).toBe(undefined));
test('json', () => expect(JSON.stringify([1])).toBe('[1]'));`;

  it('keeps the test file’s globals and constants whatever learner code redefines', async () => {
    const code = `const fake = () => ({ toBe() {}, stringify: () => '[1]' });
export const value = () => fake;
for (const name of ['JSON', 'expect', 'test', 'undefined', '__lanternTrackAsync']) {
  try { Object.defineProperty(globalThis, name, { value: fake }); } catch {}
}`;
    const result = await check(code, TESTS);
    expect(statuses(result)).toEqual({ value: 'fail', json: 'pass' });
  });
});
