/**
 * The records a mock keeps (`jest.fn()`, `jest.spyOn()`): which calls it saw, what it returned.
 * Runs INSIDE QuickJS; bundle-harness.ts patches @vitest/spy to call `registerMock`, `isMock` and
 * `recordView` (a patch that no longer applies fails the build).
 *
 * The test file hands its mocks to learner code (a callback) or puts them where learner code
 * calls them (a spied `console.log`), so learner code holds the same objects the matchers read.
 * Left as @vitest/spy makes them, learner code could empty the record the test then asserts on
 * (`cb.mockClear()`, `cb.mock.calls.length = 0`, `jest.clearAllMocks()`), or undo a spy before
 * it calls it (`console.log.mockRestore()`). Here:
 * - `mock.mock` is a frozen copy of the record, made on each read: changing it changes nothing.
 *   The record itself lives in @vitest/spy's closure.
 * - A mock the test file made clears, resets or restores only through `callMock`, which only
 *   the test file can reach: test-file.ts rewrites the test file's own `x.mockClear()`,
 *   `x.mockReset()` and `x.mockRestore()` to `callMock(x, 'mockClear')`. `callMock` acts itself
 *   on a mock it guarded (a WeakSet learner code cannot add to) and hands nothing to anything
 *   else: given anything other than such a mock (a `console.log` learner code swapped in), it
 *   calls that thing's method with no arguments, as written. The mock's own methods refuse
 *   learner code and are non-writable, non-configurable own properties.
 * - Only mocks @vitest/spy made count as mocks; a learner function with `_isMockFunction` and a
 *   made-up `mock` is an ordinary function to the matchers.
 * - Learner code gets no mock factory at all (check-entry.ts): a mock it made before the test
 *   file's `spyOn` would be the one the test file asserts on, with calls of its choosing.
 *
 * Every built-in used here is captured when the harness loads, before learner code exists.
 */
const { apply, defineProperty } = Reflect;
const { freeze } = Object;
const weakSetAdd = WeakSet.prototype.add;
const weakSetHas = WeakSet.prototype.has;
const arrayPush = Array.prototype.push;
const disposeSymbol: symbol | undefined = (Symbol as unknown as { dispose?: symbol }).dispose;

/** What learner code is told when it tries to clear, reset or restore the test file's mock. */
export const MOCK_RECORDS_MESSAGE =
  "This mock belongs to the exercise's test file: your code cannot clear, reset or restore it.";

/** What learner code is told when it asks for a mock helper. */
export const LEARNER_MOCKS_MESSAGE =
  "jest.fn(), jest.spyOn() and the other mock helpers belong to the exercise's test file.";

const made = new WeakSet<object>();
const guarded = new WeakSet<object>();
/** Each guarded mock's own clear/reset/restore, as @vitest/spy made them. */
const originals = new WeakMap<object, Record<string, Method>>();
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
/** Mocks in the middle of a keyed clear/reset/restore: @vitest/spy calls the next one by name. */
const busy = new WeakSet<object>();
const busyDelete = WeakSet.prototype.delete;
/** Every mock the test file made, in order, for its `clearAllMocks()` and `resetAllMocks()`. */
const testMocks: object[] = [];

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Called by @vitest/spy as it makes each mock. */
export function registerMock(mock: object): void {
  apply(weakSetAdd, made, [mock]);
}

/** Replaces @vitest/spy's `isMockFunction`: only a mock it made. */
export function isMock(value: unknown): boolean {
  return typeof value === 'function' && apply(weakSetHas, made, [value]);
}

type Entry = { type: unknown; value: unknown };
const copyArray = (list: unknown[], each?: (item: unknown) => unknown): readonly unknown[] => {
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) apply(arrayPush, out, [each ? each(list[i]) : list[i]]);
  return freeze(out);
};
const copyEntry = (entry: unknown): unknown => {
  const { type, value } = entry as Entry;
  return freeze({ type, value });
};

interface Record_ {
  calls: unknown[][];
  contexts: unknown[];
  instances: unknown[];
  invocationCallOrder: number[];
  results: Entry[];
  settledResults: Entry[];
}

/** `mock.mock` as anyone reads it: a frozen copy of the record as it is now. */
export function recordView(state: Record_): unknown {
  const calls = copyArray(state.calls, (args) => copyArray(args as unknown[]));
  return freeze({
    calls,
    contexts: copyArray(state.contexts),
    instances: copyArray(state.instances),
    invocationCallOrder: copyArray(state.invocationCallOrder),
    results: copyArray(state.results, copyEntry),
    settledResults: copyArray(state.settledResults, copyEntry),
    lastCall: calls.length > 0 ? calls[calls.length - 1] : undefined,
  });
}

const LOCKED = ['mockClear', 'mockReset', 'mockRestore'] as const;

type Locked = (typeof LOCKED)[number];

/** Runs a guarded mock's own method; @vitest/spy's calls the next by name, so those pass. */
function runGuarded(mock: object, name: Locked): unknown {
  const kept = apply(weakMapGet, originals, [mock]) as Record<string, Method>;
  const inside = apply(weakSetHas, busy, [mock]);
  apply(weakSetAdd, busy, [mock]);
  try {
    return apply(kept[name]!, mock, []);
  } finally {
    if (!inside) apply(busyDelete, busy, [mock]);
  }
}

/**
 * Makes a mock the test file's: its clear/reset/restore methods act only from inside
 * `callMock` or the mock's own methods. Throws when it cannot (learner code got there first and
 * fixed the methods in place).
 */
export function guardMock<T>(mock: T): T {
  const target = mock as unknown as Record<PropertyKey, Method>;
  if (!isMock(mock) || apply(weakSetHas, guarded, [mock])) return mock;
  const kept: Record<string, Method> = {};
  for (const name of LOCKED) kept[name] = target[name]!;
  const refusing = (name: Locked) => (): unknown => {
    if (!apply(weakSetHas, busy, [mock])) throw new Error(MOCK_RECORDS_MESSAGE);
    return runGuarded(target, name);
  };
  for (const name of LOCKED) {
    if (!defineProperty(target, name, { value: refusing(name), writable: false, configurable: false }))
      throw new Error(MOCK_RECORDS_MESSAGE);
  }
  if (disposeSymbol !== undefined && disposeSymbol in target) {
    const restore = refusing('mockRestore');
    if (
      !defineProperty(target, disposeSymbol, { value: () => restore(), writable: false, configurable: false })
    )
      throw new Error(MOCK_RECORDS_MESSAGE);
  }
  apply(weakMapSet, originals, [mock, kept]);
  apply(weakSetAdd, guarded, [mock]);
  apply(arrayPush, testMocks, [mock]);
  return mock;
}

const isLocked = (name: unknown): name is Locked =>
  name === 'mockClear' || name === 'mockReset' || name === 'mockRestore';

/**
 * The test file's `target.mockClear()` (`mockReset`, `mockRestore`; `optional` for `?.`), as
 * test-file.ts rewrites it. A mock the test file made is acted on here; anything else gets the
 * plain call it was written as, with no arguments and nothing of the harness's.
 */
export function callMock(target: unknown, name: unknown, optional?: unknown): unknown {
  if (optional === true && (target === null || target === undefined)) return undefined;
  if (!isLocked(name)) throw new Error(MOCK_RECORDS_MESSAGE);
  if ((typeof target === 'function' || typeof target === 'object') && target !== null) {
    if (apply(weakSetHas, guarded, [target])) return runGuarded(target, name);
  }
  return (target as Record<string, () => unknown>)[name]!();
}

/** The test file's `jest.clearAllMocks()` / `resetAllMocks()`: every mock it made. */
export function forEachTestMock(name: 'mockClear' | 'mockReset'): void {
  for (let i = 0; i < testMocks.length; i++) runGuarded(testMocks[i]!, name);
}
