/**
 * Freezes the sandbox realm's built-ins before any learner code runs (a small cousin of SES's
 * `lockdown()`). Runs INSIDE QuickJS, as part of the harness bundle.
 *
 * Why: the assertion library and the test runner live in the same realm as the learner's code
 * (tests call the learner's functions directly). If the learner could replace `Object.is`,
 * `Array.prototype.some` or `Error`, they could make a failing `expect` pass. After lockdown every
 * built-in object is frozen and every global binding that names one is read-only, so the harness
 * keeps running on the built-ins it started with.
 *
 * Freezing prototypes has one well-known side effect, the "override mistake": in strict code,
 * `this.name = 'MyError'` or `obj.toString = …` would throw because the inherited property is
 * read-only. As SES does, the commonly overridden properties become accessors whose setter
 * defines an own property on the object being assigned to, so ordinary learner code keeps working
 * while the built-in itself stays untouched.
 */

/** Properties learners routinely assign on their own objects (custom errors, toString…). */
const OVERRIDABLE = new Set<PropertyKey>([
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'toJSON',
  'name',
  'message',
  'stack',
  'cause',
]);

/** Globals that are realm state, not shared machinery: left writable for learner programs. */
const MUTABLE_GLOBALS = new Set<PropertyKey>(['console', 'globalThis']);

function tameOverrides(proto: object): void {
  for (const key of Reflect.ownKeys(proto)) {
    const all = proto === Object.prototype || isErrorPrototype(proto);
    if (!all && !OVERRIDABLE.has(key)) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc || !('value' in desc) || !desc.configurable) continue;
    const value: unknown = desc.value;
    const getter = function (this: unknown): unknown {
      return value;
    };
    const setter = function (this: unknown, next: unknown): void {
      if (this === proto || this === null || this === undefined) {
        throw new TypeError(`Cannot change the built-in ${String(key)}: built-ins are read-only here`);
      }
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    };
    Object.defineProperty(proto, key, {
      get: getter,
      set: setter,
      enumerable: desc.enumerable,
      configurable: false,
    });
  }
}

function isErrorPrototype(proto: object): boolean {
  try {
    return proto === Error.prototype || Object.getPrototypeOf(proto) === Error.prototype;
  } catch {
    return false;
  }
}

/** Freezes `root` and everything reachable from it through properties and prototypes. */
export function harden(root: unknown): void {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const value = stack.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
      continue;
    seen.add(value);
    Object.freeze(value);
    stack.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const desc = Object.getOwnPropertyDescriptor(value, key);
      if (!desc) continue;
      if ('value' in desc) stack.push(desc.value);
      else stack.push(desc.get, desc.set);
    }
  }
}

/** Prototypes that no global names directly but every program reaches. */
function hiddenIntrinsics(): unknown[] {
  const gen = function* () {};
  const asyncFn = async function () {};
  const asyncGen = async function* () {};
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]());
  return [
    arrayIterator,
    Object.getPrototypeOf(arrayIterator),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(''[Symbol.iterator]()),
    Object.getPrototypeOf('a'.matchAll(/a/g)),
    Object.getPrototypeOf(gen),
    Object.getPrototypeOf(gen.prototype),
    Object.getPrototypeOf(asyncFn),
    Object.getPrototypeOf(asyncGen),
    Object.getPrototypeOf(asyncGen.prototype),
    Object.getPrototypeOf(Object.getPrototypeOf(asyncGen.prototype)),
    Object.getPrototypeOf(Int8Array),
  ];
}

/**
 * Freezes every built-in reachable from the global object, tames the override mistake and
 * makes the global bindings of built-ins read-only. `realm` is the sandbox's global object.
 *
 * Each global becomes a non-configurable accessor with no way to set it. Not a read-only data
 * property: this QuickJS build lets `Object.defineProperty(globalThis, 'JSON', { value })` replace
 * a non-writable, non-configurable data property of the global object (even a frozen one), while
 * it does refuse to redefine a non-configurable accessor (tests/unit/runner-js/lockdown.test.ts
 * tries both). `undefined`, `NaN` and `Infinity` are born non-configurable data properties and stay
 * replaceable: the harness and the test file bind their own (decision 0025).
 */
export function lockdown(realm: typeof globalThis): void {
  const roots: unknown[] = hiddenIntrinsics();
  for (const key of Reflect.ownKeys(realm)) {
    if (MUTABLE_GLOBALS.has(key)) continue;
    const desc = Object.getOwnPropertyDescriptor(realm, key);
    if (!desc) continue;
    roots.push('value' in desc ? desc.value : desc.get);
    if (!desc.configurable) continue;
    if ('value' in desc) {
      const value: unknown = desc.value;
      const name = String(key);
      const get = () => value;
      const set = () => {
        throw new TypeError(`Cannot change the built-in ${name}: built-ins are read-only here`);
      };
      roots.push(get, set);
      Object.defineProperty(realm, key, { get, set, enumerable: desc.enumerable, configurable: false });
    } else {
      Object.defineProperty(realm, key, { ...desc, configurable: false });
    }
  }
  // Tame before freezing: a frozen property can no longer become an accessor.
  const prototypes = new Set<object>();
  for (const root of roots) {
    if (typeof root === 'function' && typeof root.prototype === 'object' && root.prototype !== null) {
      prototypes.add(root.prototype as object);
    }
  }
  prototypes.add(Object.prototype);
  for (const proto of prototypes) tameOverrides(proto);
  for (const root of roots) harden(root);
}
