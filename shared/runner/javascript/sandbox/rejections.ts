/**
 * Unhandled promise rejections, found the way Node finds them: a promise that is rejected and
 * still has no handler when the microtask queue has drained is the program's uncaught error.
 * Runs INSIDE QuickJS, installed before lockdown, so learner code cannot undo it.
 *
 * Why in the realm and not in the host: QuickJS reports rejections to a C callback
 * (JS_SetHostPromiseRejectionTracker) that quickjs-emscripten does not expose. So the harness
 * watches every promise learner code can hold:
 * - `new Promise`, `Promise.reject`, `Promise.all`… through a `Promise` global that registers
 *   what it constructs (a Proxy of the built-in, so `instanceof` and subclassing still work);
 * - promises made by `then`/`catch`/`finally` (the latter two call `then`);
 * - promises returned by async functions, which the engine makes without asking `Promise`:
 *   compile.ts rewrites each async function to hand its promise to `trackAsync`.
 * A promise counts as handled once `then` is called on it or it is awaited (`await` reads its
 * `constructor`, as the spec says, and that getter is ours).
 *
 * The host asks after each drain of the job queue (sandbox-session.ts), which is when Node
 * decides too: a rejection handled later in the same tick is not reported. While a test runs,
 * the test runner asks instead, at the test's end, and fails that test (tests.ts).
 *
 * Known gaps, all in the learner's disfavour only (a miss, never a false report): promises of a
 * Promise subclass, async generators, and async functions made at run time with the
 * AsyncFunction constructor are not watched; `Promise.resolve(p)` or reading `p.constructor`
 * counts as handling `p`. One visible difference from Node: `p.constructor` is the built-in
 * Promise, not the `Promise` global (the Proxy), so `p.constructor === Promise` is false; it is
 * the built-in so that `await` takes its fast path and runs in the same order as in Node.
 */

/** The global name the rewritten async functions call; see ../async-tracking.ts. */
export const TRACK_ASYNC_GLOBAL = '__lanternTrackAsync';

export interface RejectionTracker {
  /** Calls an async function body and watches the promise it returns. */
  trackAsync(body: () => unknown): unknown;
  /** The reason of the oldest rejection nothing has handled yet, and forgets them all. */
  takeUnhandled(): { reason: unknown } | null;
}

export function trackRejections(realm: typeof globalThis): RejectionTracker {
  const { apply, construct, getPrototypeOf } = Reflect;
  const BuiltinPromise = Promise;
  const proto = BuiltinPromise.prototype;
  const then = proto.then;
  const builtinResolve = BuiltinPromise.resolve;
  const ownConstructor = Object.getOwnPropertyDescriptor(proto, 'constructor');
  const seen = new WeakSet<object>();
  const handled = new WeakSet<object>();
  const unhandled = new Map<object, unknown>();
  /** True while the tracker itself calls `then`, which must not count as handling. */
  let watching = false;

  const markHandled = (promise: unknown): void => {
    if (typeof promise !== 'object' || promise === null) return;
    handled.add(promise);
    unhandled.delete(promise);
  };

  /** Watches a plain promise (not a subclass: its own `constructor` would hide awaits from us). */
  const watch = (promise: unknown): void => {
    if (typeof promise !== 'object' || promise === null || seen.has(promise)) return;
    if (getPrototypeOf(promise) !== proto) return;
    seen.add(promise);
    watching = true;
    try {
      apply(then, promise, [
        undefined,
        (reason: unknown) => {
          if (!handled.has(promise)) unhandled.set(promise, reason);
        },
      ]);
    } finally {
      watching = false;
    }
  };

  const tracked = {
    then(this: unknown, onFulfilled?: unknown, onRejected?: unknown): unknown {
      markHandled(this);
      const derived: unknown = apply(then, this, [onFulfilled, onRejected]);
      watch(derived);
      return derived;
    },
    resolve(this: unknown, value?: unknown): unknown {
      // `Promise.resolve(p)` returns `p` itself, as in Node (through the Proxy it would wrap it).
      const promise: unknown = apply(builtinResolve, this === TrackedPromise ? BuiltinPromise : this, [
        value,
      ]);
      watch(promise);
      return promise;
    },
  };
  Object.defineProperty(proto, 'then', { value: tracked.then, writable: true, configurable: true });

  const TrackedPromise = new Proxy(BuiltinPromise, {
    construct(target, args, newTarget) {
      const promise = construct(target, args, newTarget) as object;
      if (newTarget === TrackedPromise) watch(promise);
      return promise;
    },
  });

  Object.defineProperty(BuiltinPromise, 'resolve', {
    value: tracked.resolve,
    writable: true,
    configurable: true,
  });

  Object.defineProperty(proto, 'constructor', {
    get(this: unknown): unknown {
      if (!watching) markHandled(this);
      return BuiltinPromise;
    },
    set(this: unknown, next: unknown) {
      if (this === proto || this === null || this === undefined) {
        throw new TypeError('Cannot change the built-in constructor: built-ins are read-only here');
      }
      Object.defineProperty(this, 'constructor', {
        value: next,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    },
    enumerable: ownConstructor?.enumerable ?? false,
    configurable: true,
  });

  Object.defineProperty(realm, 'Promise', { value: TrackedPromise, writable: true, configurable: true });

  return {
    trackAsync(body) {
      const promise = body();
      watch(promise);
      return promise;
    },
    takeUnhandled() {
      for (const reason of unhandled.values()) {
        unhandled.clear();
        return { reason };
      }
      return null;
    },
  };
}
