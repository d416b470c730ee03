/**
 * Builds shared/runner/javascript/harness-bundle.generated.ts: the in-sandbox harness
 * (shared/runner/javascript/sandbox/) with @vitest/expect, @vitest/spy and chai, as one script
 * string evaluated inside QuickJS. Both hosts import the generated module, so neither the browser
 * nor the Node host needs a bundler at run time.
 *
 *   node scripts/build-harness.ts          # regenerate (with the Python harness)
 *   node scripts/build-harness.ts --check  # exit 1 when a committed file is stale (npm test runs it)
 *
 * The bundle is wrapped so that its `globalThis` is a private null-prototype object: the state
 * @vitest/expect keeps on well-known global symbols never lands on the learner's global object.
 * The wrapper also binds every built-in the realm has (`Object`, `Array`, `JSON`, `Promise`…,
 * and `undefined`, `NaN`, `Infinity`) as parameters, read when the bundle is evaluated, before any
 * learner code: the harness's own code never looks a built-in up on the global object, whatever
 * learner code later does to it. And the few equality decisions @vitest/expect and chai would
 * ask the compared values themselves go to sandbox/trusted-equality.ts (PATCHES below).
 */
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sandbox = `${root}shared/runner/javascript/sandbox/`;
export const GENERATED = `${root}shared/runner/javascript/harness-bundle.generated.ts`;

/**
 * QuickJS as embedded by quickjs-emscripten has no WeakRef/FinalizationRegistry, which
 * @vitest/spy captures at load time. A strong-reference stand-in is enough inside a realm that
 * lives for one run.
 */
const PRELUDE = [
  'if(typeof WeakRef==="undefined"){globalThis.WeakRef=class WeakRef{#t;constructor(t){this.#t=t}deref(){return this.#t}}}',
  'if(typeof FinalizationRegistry==="undefined"){globalThis.FinalizationRegistry=class FinalizationRegistry{register(){}unregister(){return false}}}',
].join('');

/** chai 6 announces plugins through EventTarget/Event, which a bare realm lacks; bundle-local. */
const LOCAL_SHIMS = [
  'var Event=class Event{constructor(type){this.type=String(type)}};',
  'var EventTarget=class EventTarget{#l=new Map();',
  'addEventListener(t,f){const a=this.#l.get(t)??[];a.push(f);this.#l.set(t,a)}',
  'removeEventListener(t,f){const a=this.#l.get(t);if(a)this.#l.set(t,a.filter(g=>g!==f))}',
  'dispatchEvent(e){for(const f of this.#l.get(e.type)??[])f.call(this,e);return true}};',
].join('');

/** The realm's built-ins (QuickJS's global object, less `globalThis` and `eval`). */
const INTRINSICS = [
  ...['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'],
  ...['InternalError', 'AggregateError', 'Array', 'Object', 'Function', 'Iterator', 'parseInt'],
  ...['parseFloat', 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent', 'encodeURI'],
  ...['encodeURIComponent', 'escape', 'unescape', 'Number', 'Boolean', 'String', 'Math', 'Reflect'],
  ...['Symbol', 'BigInt', 'Date', 'RegExp', 'JSON', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet'],
  ...['ArrayBuffer', 'SharedArrayBuffer', 'Uint8ClampedArray', 'Int8Array', 'Uint8Array'],
  ...['Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'],
  ...['Float16Array', 'Float32Array', 'Float64Array', 'DataView', 'Promise', 'WeakRef'],
  'FinalizationRegistry',
];
/** Read from the real global object at evaluation time; the three constants computed. */
const INTRINSIC_VALUES = [...INTRINSICS.map((name) => `globalThis.${name}`), 'void 0', '0/0', '1/0'];
const INTRINSIC_PARAMS = [...INTRINSICS, 'undefined', 'NaN', 'Infinity'];

const TRUSTED = `${sandbox}trusted-equality.ts`;
const IMPORT_TRUSTED = `import * as __lanternTrusted from ${JSON.stringify(TRUSTED)};\n`;
const MOCKS = `${sandbox}trusted-mocks.ts`;
const IMPORT_MOCKS = `import * as __lanternMocks from ${JSON.stringify(MOCKS)};\n`;
/** What a patched module imports, by module path suffix. */
const PATCH_IMPORTS: Record<string, string> = {
  '@vitest/expect/dist/index.js': IMPORT_TRUSTED,
  'chai/index.js': IMPORT_TRUSTED,
  '@vitest/spy/dist/index.js': IMPORT_MOCKS,
};

/** [module path suffix, what to find, what it becomes]; a find that no longer matches fails the build. */
const PATCHES: [string, RegExp, string][] = [
  [
    '@vitest/expect/dist/index.js',
    /(function isAsymmetric\(obj\) \{\s*)return [^;]*;/,
    '$1return __lanternTrusted.isTrustedMatcher(obj);',
  ],
  [
    '@vitest/expect/dist/index.js',
    /return Object\.is\(a\.valueOf\(\), b\.valueOf\(\)\);/,
    'return __lanternTrusted.sameBoxed(a, b);',
  ],
  [
    '@vitest/expect/dist/index.js',
    /case "\[object Date\]": \{[^}]*?return numA === numB[^;]*;\s*\}/,
    'case "[object Date]": return __lanternTrusted.sameBoxed(a, b);',
  ],
  [
    '@vitest/expect/dist/index.js',
    /case "\[object RegExp\]": return a\.source === b\.source && a\.flags === b\.flags;/,
    'case "[object RegExp]": return __lanternTrusted.sameRegExp(a, b);',
  ],
  [
    '@vitest/expect/dist/index.js',
    /typeof expected === "object" && "asymmetricMatch" in expected && typeof expected\.asymmetricMatch === "function"/,
    '__lanternTrusted.isTrustedMatcher(expected)',
  ],
  [
    '@vitest/expect/dist/index.js',
    /(function iterableEquality\(a, b, customTesters = \[\], aStack = \[\], bStack = \[\]\) \{)/,
    '$1\nconst honest = __lanternTrusted.honestCollections(a, b);\nif (honest === false) return false;\nif (honest) [a, b] = honest;',
  ],
  ['@vitest/expect/dist/index.js', /Promise\.resolve\(obj\)\.then\(/, '__lanternTrusted.settled(obj).then('],
  [
    '@vitest/expect/dist/index.js',
    /Promise\.resolve\(wrapper\)\.then\(/,
    '__lanternTrusted.settled(wrapper).then(',
  ],
  [
    'chai/index.js',
    /const comparisonString = typeof thrown === "string" \? thrown : thrown\.message;/,
    'const comparisonString = __lanternTrusted.thrownMessage(thrown);',
  ],
  [
    'chai/index.js',
    /return deepEqual\(leftHandOperand\.valueOf\(\), rightHandOperand\.valueOf\(\)\);/,
    'return __lanternTrusted.sameBoxed(leftHandOperand, rightHandOperand);',
  ],
  [
    'chai/index.js',
    /return leftHandOperand\.toString\(\) === rightHandOperand\.toString\(\);/,
    'return __lanternTrusted.sameRegExp(leftHandOperand, rightHandOperand);',
  ],
  // A mock's record is read through a frozen copy, and only @vitest/spy's own mocks are mocks
  // (sandbox/trusted-mocks.ts).
  [
    '@vitest/spy/dist/index.js',
    /(function isMockFunction\(fn\) \{\s*)return [^;]*;/,
    '$1return __lanternMocks.isMock(fn);',
  ],
  [
    '@vitest/spy/dist/index.js',
    /mock\._isMockFunction = true;/,
    'mock._isMockFunction = true;\n__lanternMocks.registerMock(mock);',
  ],
  [
    '@vitest/spy/dist/index.js',
    /ObjectDefineProperty\(mock, "mock", \{[^}]*value: state\s*\}\);/,
    'ObjectDefineProperty(mock, "mock", { configurable: false, enumerable: true, get: () => __lanternMocks.recordView(state) });',
  ],
];

const trustedEquality = {
  name: 'lantern-trusted-equality',
  transform(code: string, id: string) {
    const patches = PATCHES.filter(([suffix]) =>
      id.replaceAll('\\', '/').endsWith(`/node_modules/${suffix}`),
    );
    if (patches.length === 0) return null;
    let out = code;
    for (const [suffix, find, replace] of patches) {
      if (!find.test(out)) throw new Error(`bundle-harness: ${suffix} no longer contains ${String(find)}`);
      out = out.replace(find, replace);
    }
    return { code: PATCH_IMPORTS[patches[0]![0]]! + out };
  },
};

async function bundleEntry(entry: string): Promise<string> {
  const result = await build({
    input: `${sandbox}${entry}`,
    write: false,
    platform: 'neutral',
    treeshake: true,
    plugins: [trustedEquality],
    output: { format: 'iife', name: 'lanternHarness', minify: !process.env.HARNESS_DEBUG, comments: false },
    logLevel: 'silent',
  });
  const chunk = result.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`rolldown produced no chunk for ${entry}`);
  const privateGlobal =
    'var globalThis=Object.create(null);globalThis.WeakRef=WeakRef;globalThis.FinalizationRegistry=FinalizationRegistry;';
  const body = `${privateGlobal}${LOCAL_SHIMS}${chunk.code}\nreturn lanternHarness.install;`;
  const unbound = hostGlobals(`(function(${INTRINSIC_PARAMS.join(',')}){${body}})`);
  const params = [...INTRINSIC_PARAMS, ...unbound].join(',');
  const values = [...INTRINSIC_VALUES, ...unbound.map(() => 'void 0')].join(',');
  return `${PRELUDE}(function(${params}){${body}})(${values})`;
}

/** What the bundle may still read from the realm's global object: output only (see harness.ts). */
const REALM_GLOBALS = new Set(['console']);

/**
 * Every other global name the bundled libraries read (`URL`, `Node`, `DOMTokenList`, `Buffer`,
 * `process`, `window`…: browser and Node globals the realm lacks) would be looked up on the
 * global object when a matcher runs, where learner code can define it: a `URL` whose
 * `Symbol.hasInstance` says yes made `toEqual` compare two `undefined` hrefs. Each is bound to
 * `undefined` instead, as the bare realm has it.
 */
function hostGlobals(code: string): string[] {
  const messages = new Linter({ configType: 'flat' }).verify(code, [
    {
      languageOptions: { ecmaVersion: 'latest', sourceType: 'script', globals: {} },
      rules: { 'no-undef': ['error', { typeof: true }] },
    },
  ]);
  const names = new Set<string>();
  for (const message of messages) {
    const name = /^'([\w$]+)' is not defined\.$/.exec(message.message)?.[1];
    if (!name) throw new Error(`bundle-harness: cannot read the bundle's global names: ${message.message}`);
    if (!REALM_GLOBALS.has(name)) names.add(name);
  }
  return [...names].sort();
}

export async function bundleHarness(): Promise<string> {
  const run = await bundleEntry('run-entry.ts');
  const check = await bundleEntry('check-entry.ts');
  return [
    '// GENERATED by scripts/build-harness.ts from shared/runner/javascript/sandbox/.',
    '// Do not edit: change the sandbox sources and run `node scripts/build-harness.ts`.',
    '// prettier-ignore',
    `export const RUN_HARNESS: string = ${JSON.stringify(run)};`,
    '// prettier-ignore',
    `export const CHECK_HARNESS: string = ${JSON.stringify(check)};`,
    '',
  ].join('\n');
}
