/**
 * The few equality decisions the assertion library would otherwise ask the compared values
 * themselves. Runs INSIDE QuickJS; scripts/harness/javascript.ts patches @vitest/expect and chai to call these
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

const setHas = Set.prototype.has;
const mapHas = Map.prototype.has;
const setValues = Set.prototype.values;
const mapEntries = Map.prototype.entries;
const iteratorNext = Object.getPrototypeOf(new Set().values()).next as (
  this: object,
) => IteratorResult<unknown>;
const mapIteratorNext = Object.getPrototypeOf(new Map().entries()).next as (
  this: object,
) => IteratorResult<unknown>;
const objectToString = Object.prototype.toString;
const getPrototypeOf = Object.getPrototypeOf;
const TrustedSet = Set;
const TrustedMap = Map;
const TrustedPromise = Promise;
const IMMUTABLE_SENTINELS = ['@@__IMMUTABLE_SET__@@', '@@__IMMUTABLE_KEYED__@@'];

function genuineKind(value: unknown): 'Set' | 'Map' | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [kind, has] of [
    ['Set', setHas],
    ['Map', mapHas],
  ] as const) {
    try {
      apply(has, value, [undefined]);
      return kind;
    } catch {
      // not this kind
    }
  }
  return null;
}

/** Whether a value that is no genuine Set or Map says it is one (its tag, Immutable.js's markers). */
function claimsCollection(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const tag = apply(objectToString, value, []);
    if (tag === '[object Set]' || tag === '[object Map]') return true;
    return IMMUTABLE_SENTINELS.some((key) => Boolean((value as Record<string, unknown>)[key]));
  } catch {
    return true;
  }
}

/** A fresh collection with what a genuine one holds, read through the built-ins' own iterators. */
function rebuilt(value: object, kind: 'Set' | 'Map'): object {
  const iterator = apply(kind === 'Set' ? setValues : mapEntries, value, []) as object;
  const next = kind === 'Set' ? iteratorNext : mapIteratorNext;
  const items: unknown[] = [];
  for (;;) {
    const step = apply(next, iterator, []);
    if (step.done) break;
    items[items.length] = step.value;
  }
  return kind === 'Set' ? new TrustedSet(items) : new TrustedMap(items as [unknown, unknown][]);
}

/**
 * Replaces @vitest/expect's reading of Sets and Maps by their own `size`, `has`, `get`,
 * iterator and `constructor`, all of which an instance can shadow and a look-alike can fake
 * (`Symbol.toStringTag = 'Set'`, a `size` getter, `has: () => true`). Returns null when neither
 * value is or claims to be a Set or Map; false when one only pretends or the two differ in kind
 * or prototype; otherwise honest copies of both for the library's own comparison.
 */
export function honestCollections(a: unknown, b: unknown): [object, object] | false | null {
  const kindA = genuineKind(a);
  const kindB = genuineKind(b);
  if (kindA === null && kindB === null && !claimsCollection(a) && !claimsCollection(b)) return null;
  if (kindA === null || kindB === null || kindA !== kindB) return false;
  if (getPrototypeOf(a) !== getPrototypeOf(b)) return false;
  return [rebuilt(a as object, kindA), rebuilt(b as object, kindB)];
}

/**
 * A promise that settles as `value` does, without asking `value` for anything but through the
 * resolving functions: `Promise.resolve(promise)` hands back the same promise, whose own `then`
 * property could report success without ever calling back.
 */
export function settled(value: unknown): Promise<unknown> {
  return new TrustedPromise((resolve) => resolve(value));
}

/** A thrown value's message, only when it is a genuine string (`toThrow('…')` compares it). */
export function thrownMessage(thrown: unknown): string | undefined {
  if (typeof thrown === 'string') return thrown;
  if ((typeof thrown !== 'object' && typeof thrown !== 'function') || thrown === null) return undefined;
  const message = (thrown as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}
