/**
 * Many variants of a solution checked in one sandbox run: a test file that loads each variant as
 * the learner's module in turn and runs the problem's own tests against it, reporting one result
 * per variant (Python) or per variant and test (JavaScript). Starting a run costs more than
 * running a small problem's tests, so forty variants in one run take about as long as two runs.
 * A variant that never ends is cut by the run's time limit; the caller resumes after it.
 */
import vm from 'node:vm';
import { transform } from 'sucrase';
import { tokenize, type CodeLanguage, type Token } from '../../../shared/content/code-tokens.ts';

/** Outcome of one variant: the names of the tests that failed, or that it did not compile. */
export type VariantOutcome = { invalid: true } | { invalid: false; failed: string[] | 'all' };

export const PY_BATCH_CLASS = 'LanternVariants';

/** A Python test file running `tests` against each of `sources` as module `module`. */
export function pythonBatch(module: string, tests: string, sources: string[]): string {
  const lit = (s: string) => JSON.stringify(s);
  return `import sys as _sys, types as _types, unittest as _unittest

_MODULE = ${lit(module)}
_TESTS = ${lit(tests)}
_SOURCES = [${sources.map(lit).join(', ')}]

def _load(i):
    mod = _types.ModuleType(_MODULE)
    mod.__file__ = _MODULE + '.py'
    code = compile(_SOURCES[i], _MODULE + '.py', 'exec')
    _sys.modules[_MODULE] = mod
    exec(code, mod.__dict__)
    ns = {'__name__': _MODULE + '_test'}
    exec(compile(_TESTS, _MODULE + '_test.py', 'exec'), ns)
    return ns

def _inner(ns):
    out = []
    for name, value in list(ns.items()):
        if isinstance(value, type) and issubclass(value, _unittest.TestCase) and value is not _unittest.TestCase:
            for klass in reversed(value.__mro__):
                for attr, member in list(klass.__dict__.items()):
                    if attr.startswith('test') and type(member) is _types.FunctionType and (value.__name__ + '.' + attr) not in [o[0] for o in out]:
                        out.append((value.__name__ + '.' + attr, value, attr))
        elif type(value) is _types.FunctionType and name.startswith('test'):
            out.append((name, None, value))
    return out

def _passes(cls, target):
    if cls is None:
        try:
            target()
            return True
        except (Exception, SystemExit):
            return False
    # Run by hand, not through unittest's TestResult: formatting its tracebacks reads frames,
    # which the sandbox refuses.
    instance = cls(target)
    try:
        instance.setUp()
        try:
            getattr(instance, target)()
        finally:
            instance.tearDown()
            instance.doCleanups()
        return True
    except (Exception, SystemExit):
        return False

def _variant(i):
    def test(self):
        try:
            ns = _load(i)
        except SyntaxError:
            raise AssertionError('invalid')
        except (Exception, SystemExit):
            raise AssertionError('killed:*')
        failed = [name for name, cls, target in _inner(ns) if not _passes(cls, target)]
        if failed:
            raise AssertionError('killed:' + '|'.join(failed))
    return test

class ${PY_BATCH_CLASS}(_unittest.TestCase):
    pass

for _i in range(len(_SOURCES)):
    setattr(${PY_BATCH_CLASS}, 'test_v%03d' % _i, _variant(_i))
`;
}

/** Variant index of a Python batch test name (`LanternVariants.test_v007` → 7). */
export function pythonVariantIndex(name: string): number | undefined {
  const m = /\.test_v(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

export function pythonOutcome(status: string, message: string | undefined): VariantOutcome {
  if (status === 'pass') return { invalid: false, failed: [] };
  if (message?.includes('invalid') && !message.includes('killed:')) return { invalid: true };
  const m = /killed:(.*)$/s.exec(message ?? '');
  const list = m?.[1]?.trim();
  return { invalid: false, failed: !list || list === '*' ? 'all' : list.split('|') };
}

const JS_PREFIX = 'lantern-v';

/**
 * A JavaScript test file running `tests` against each variant. Each variant becomes a function
 * returning its exports; the tests' imports of the module become reads of those exports. Returns
 * undefined when a file cannot be rewritten this way (the caller checks variants one by one).
 */
export function javascriptBatch(
  module: string,
  tests: string,
  sources: string[],
  language: CodeLanguage,
): string | undefined {
  const split = splitImports(tests, module, language);
  if (!split) return undefined;
  const factories: string[] = [];
  for (const source of sources) {
    const factory = moduleFactory(source, language);
    if (!factory) return undefined;
    factories.push(factory);
  }
  return `${split.hoisted.join('\n')}
const __lanternVariants = [
${factories.join(',\n')}
];
for (let __lanternI = 0; __lanternI < __lanternVariants.length; __lanternI++) {
  describe('${JS_PREFIX}' + String(__lanternI).padStart(3, '0'), () => {
    let __lanternModule;
    try {
      __lanternModule = __lanternVariants[__lanternI]();
    } catch (__lanternError) {
      test('loads', () => { throw __lanternError; });
      return;
    }
    ((__lanternModule) => {
${split.bindings.join('\n')}
${split.body}
    })(__lanternModule);
  });
}
`;
}

/** `lantern-v007 > suite > name` → [7, 'suite > name']. */
export function javascriptVariantOf(name: string): [number, string] | undefined {
  const m = new RegExp(`^${JS_PREFIX}(\\d+)(?: > (.*))?$`, 's').exec(name);
  return m ? [Number(m[1]), m[2] ?? ''] : undefined;
}

/** Does the code parse (JavaScript or TypeScript)? Compiled, never run. */
export function parsesAsJavaScript(code: string, language: CodeLanguage): boolean {
  try {
    const out = transform(code, {
      transforms: language === 'typescript' ? ['typescript', 'imports'] : ['imports'],
      disableESTransforms: true,
    });
    new vm.Script(`(function (exports, require) {\n${out.code}\n})`);
    return true;
  } catch {
    return false;
  }
}

interface Statement {
  tokens: Token[];
  start: number;
  end: number;
}

/** Top-level `import … ;` statements of a file. */
function importStatements(source: string, language: CodeLanguage): Statement[] {
  const tokens = tokenize(source, language).filter((t) => t.kind !== 'comment');
  const out: Statement[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth += 1;
    if (t.kind === 'op' && ')]}'.includes(t.text)) depth -= 1;
    if (depth !== 0 || t.text !== 'import' || t.kind !== 'name' || tokens[i + 1]?.text === '(') continue;
    let j = i;
    while (j < tokens.length && tokens[j]?.kind !== 'string') j += 1;
    const spec = tokens[j];
    if (!spec) break;
    const end = tokens[j + 1]?.text === ';' ? (tokens[j + 1] as Token).end : spec.end;
    out.push({ tokens: tokens.slice(i, j + 1), start: t.start, end });
    i = j;
  }
  return out;
}

function splitImports(tests: string, module: string, language: CodeLanguage) {
  const hoisted: string[] = [];
  const bindings: string[] = [];
  let body = '';
  let at = 0;
  for (const st of importStatements(tests, language)) {
    body += tests.slice(at, st.start);
    at = st.end;
    const spec = (st.tokens.at(-1)?.text ?? '').slice(1, -1);
    const own = spec.replace(/^\.\//, '').replace(/\.(js|ts|mjs)$/, '') === module && spec.startsWith('./');
    if (!own) {
      hoisted.push(tests.slice(st.start, st.end));
      continue;
    }
    const binding = ownBindings(st.tokens);
    if (binding === undefined) return undefined;
    if (binding) bindings.push(binding);
  }
  body += tests.slice(at);
  return { hoisted, bindings, body };
}

/** `import d, { a, b as c } from './m'` → `const d = __lanternModule.default; const { a, b: c } = …`. */
function ownBindings(tokens: Token[]): string | undefined {
  const parts: string[] = [];
  const from = tokens.findIndex((t) => t.text === 'from');
  if (from < 0) return '';
  const clause = tokens.slice(1, from).filter((t) => t.text !== 'type' || tokens.length < 4);
  let i = 0;
  while (i < clause.length) {
    const t = clause[i] as Token;
    if (t.text === ',') i += 1;
    else if (t.text === '*' && clause[i + 1]?.text === 'as') {
      parts.push(`const ${clause[i + 2]?.text} = __lanternModule;`);
      i += 3;
    } else if (t.text === '{') {
      const close = clause.findIndex((c, k) => k > i && c.text === '}');
      if (close < 0) return undefined;
      const names = clause
        .slice(i + 1, close)
        .map((c) => (c.text === 'as' ? ':' : c.text))
        .join(' ')
        .replace(/ ,/g, ',');
      parts.push(`const { ${names} } = __lanternModule;`);
      i = close + 1;
    } else if (t.kind === 'name') {
      parts.push(`const ${t.text} = __lanternModule.default;`);
      i += 1;
    } else return undefined;
  }
  return parts.join(' ');
}

/** A solution module as `function () { …; return exports; }`, or undefined when it imports. */
function moduleFactory(source: string, language: CodeLanguage): string | undefined {
  if (importStatements(source, language).length > 0) return undefined;
  const tokens = tokenize(source, language).filter((t) => t.kind !== 'comment');
  const exported: string[] = [];
  const edits: [number, number, string][] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'name' || t.text !== 'export') return;
    const next = tokens[i + 1];
    if (!next) return;
    if (next.text === 'default') {
      const what = tokens[i + 2];
      const named = (what?.text === 'function' || what?.text === 'class') && tokens[i + 3]?.kind === 'name';
      if (named) {
        edits.push([t.start, next.end, '']);
        exported.push(`default: ${tokens[i + 3]?.text}`);
      } else {
        edits.push([t.start, next.end, 'const __lanternDefault =']);
        exported.push('default: __lanternDefault');
      }
    } else if (next.text === '{') {
      const close = tokens.findIndex((c, k) => k > i && c.text === '}');
      const names = tokens.slice(i + 2, close).filter((c) => c.kind === 'name');
      const end =
        tokens[close + 1]?.text === ';' ? (tokens[close + 1] as Token).end : (tokens[close] as Token).end;
      edits.push([t.start, end, '']);
      for (let k = 0; k < names.length; k++) {
        const name = names[k] as Token;
        if (names[k + 1]?.text === 'as') {
          exported.push(`${names[k + 2]?.text}: ${name.text}`);
          k += 2;
        } else exported.push(name.text);
      }
    } else {
      edits.push([t.start, next.start, '']);
      let k = i + 1;
      while (
        ['async', 'function', 'class', 'const', 'let', 'var', 'abstract', '*'].includes(tokens[k]?.text ?? '')
      )
        k += 1;
      const name = tokens[k];
      if (name?.kind === 'name' && !['interface', 'type', 'enum'].includes(tokens[i + 1]?.text ?? ''))
        exported.push(name.text);
    }
  });
  let body = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    body = body.slice(0, start) + text + body.slice(end);
  return `function () {\n${body}\nreturn { ${exported.join(', ')} };\n}`;
}
