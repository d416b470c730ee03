/**
 * The few equality decisions the assertion library would otherwise ask the compared values
 * themselves. Runs INSIDE QuickJS; bundle-harness.ts patches @vitest/expect and chai to call these
 * (and fails the build when a patch no longer applies).
 *
 * - An asymmetric matcher (`expect.any(Number)`, `expect.objectContaining(…)`) counts only when
 *   the test file's own `expect` made it. The library takes any object with an `asymmetricMatch`
 *   method for one, so a learner function could return `{ asymmetricMatch: () => true }` (or
 *   `expect.anything()` from the `expect` learner code sees) and pass `toEqual`. Here such a value
 *   is compared like any other object.
 * - A wrapper object (`new Number(1)`), a Date or a RegExp is read through the built-in's own
 *   method, which throws for anything else: a look-alike with `Symbol.toStringTag` and a lying
 *   `valueOf`, `Symbol.toPrimitive`, `source` or `flags` is not equal to the real thing.
 *
 * Every built-in used here is captured when the harness loads, before learner code exists.
 */
const { apply } = Reflect;
const { getOwnPropertyDescriptor } = Object;
const objectIs = Object.is;
const trustedMatchers = new WeakSet<object>();
const weakSetAdd = WeakSet.prototype.add;
const weakSetHas = WeakSet.prototype.has;

/** Marks a matcher the test file's `expect` made; returns it. */
export function trustMatcher<T>(value: T): T {
  if ((typeof value === 'object' || typeof value === 'function') && value !== null)
    apply(weakSetAdd, trustedMatchers, [value]);
  return value;
}

/** Replaces @vitest/expect's `isAsymmetric`: true only for matchers the test file made. */
export function isTrustedMatcher(value: unknown): boolean {
  return typeof value === 'object' && value !== null && apply(weakSetHas, trustedMatchers, [value]);
}

type Reader = (value: unknown) => unknown;
const method =
  (fn: unknown): Reader =>
  (value) =>
    apply(fn as (...args: unknown[]) => unknown, value, []);
const getter = (proto: object, key: string): Reader | null => {
  const get = getOwnPropertyDescriptor(proto, key)?.get;
  return get ? method(get) : null;
};

/** What a genuine box holds, by kind; each reader throws for a value of another kind. */
const BOXES: [string, Reader][] = [
  ['Number', method(Number.prototype.valueOf)],
  ['String', method(String.prototype.valueOf)],
  ['Boolean', method(Boolean.prototype.valueOf)],
  ['Date', method(Date.prototype.getTime)],
  ['BigInt', method(BigInt.prototype.valueOf)],
  ['Symbol', method(Symbol.prototype.valueOf)],
];

function unbox(value: unknown): [string, unknown] | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [kind, read] of BOXES) {
    try {
      return [kind, read(value)];
    } catch {
      // not this kind
    }
  }
  return null;
}

/** Two boxed primitives (or Dates): equal when both are genuine, of one kind, holding one value. */
export function sameBoxed(a: unknown, b: unknown): boolean {
  const left = unbox(a);
  const right = unbox(b);
  if (left === null || right === null || left[0] !== right[0]) return false;
  // Object.is, as the library: NaN equals NaN (so do two invalid Dates), 0 and -0 differ.
  return objectIs(left[1], right[1]);
}

const REGEXP_FLAGS = [
  'hasIndices',
  'global',
  'ignoreCase',
  'multiline',
  'dotAll',
  'unicode',
  'unicodeSets',
  'sticky',
]
  .map((key) => getter(RegExp.prototype, key))
  .filter((read): read is Reader => read !== null);
const regExpSource = getter(RegExp.prototype, 'source') as Reader;

function regExpParts(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null) return null;
  try {
    return [regExpSource(value), ...REGEXP_FLAGS.map((read) => read(value))];
  } catch {
    return null;
  }
}

/** Two regular expressions: equal when both are genuine with one source and the same flags. */
export function sameRegExp(a: unknown, b: unknown): boolean {
  const left = regExpParts(a);
  const right = regExpParts(b);
  if (left === null || right === null) return false;
  return left.every((part, i) => part === right[i]);
}
