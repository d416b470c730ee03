/**
 * Building blocks for the template generator: literals in each language, test files from cases,
 * stubs. Expected values come from a template's expressions and are written into the tests; the
 * validation pipeline then proves the reference solution agrees, so a slip is caught, never shown.
 */
import type { LocalizedText } from '../../../../shared/content/schema.ts';
import type { Rng } from './rng.ts';

/** A Python tuple (JavaScript has none: it is written as an array there). */
export class Tuple {
  readonly items: readonly unknown[];
  constructor(items: readonly unknown[]) {
    this.items = items;
  }
}
export const tuple = (...items: unknown[]) => new Tuple(items);

export function py(value: unknown): string {
  if (value instanceof Tuple) {
    const inner = value.items.map(py).join(', ');
    return value.items.length === 1 ? `(${inner},)` : `(${inner})`;
  }
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${JSON.stringify(k)}: ${py(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  throw new Error(`no Python literal for ${typeof value}`);
}

export function js(value: unknown): string {
  if (value instanceof Tuple) return js([...value.items]);
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(js).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) =>
      /^[A-Za-z_$][\w$]*$/.test(k) ? `${k}: ${js(v)}` : `${js(k)}: ${js(v)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

export interface Case {
  args: unknown[];
  expected: unknown;
}

/** A unittest file with one test method per body (each body is indented for a method). */
export function pyTestCase(module: string, imports: string, bodies: string[], names?: string[]): string {
  const methods = bodies.map((body, i) => `    def ${names?.[i] ?? `test_${i + 1}`}(self):\n${body}\n`);
  return `import unittest\nfrom ${module} import ${imports}\n\n\nclass PracticeTest(unittest.TestCase):\n${methods.join('\n')}`;
}

export function pyCallTests(module: string, fn: string, cases: Case[]): string {
  return pyTestCase(
    module,
    fn,
    cases.map((c) => `        self.assertEqual(${fn}(${c.args.map(py).join(', ')}), ${py(c.expected)})`),
    uniqueNames(
      cases.map((c) => `test_${fn}_of_${slug(c.args.map(py).join(' '))}_is_${slug(py(c.expected))}`),
    ),
  );
}

/** A value as part of an identifier: `[1, -2]` → `1_minus_2`; long ones are cut. */
function slug(text: string): string {
  const s = text
    .replace(/-(?=\d)/g, 'minus ')
    .replace(/\W+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return (s || 'empty').slice(0, 24).replace(/_+$/, '');
}

/** Test names say what each case checks; a cut name that repeats gets its case number. */
function uniqueNames(names: string[]): string[] {
  return names.map((n, i) => (names.indexOf(n) === i ? n : `${n}_case_${i + 1}`));
}

function jsDescribe(module: string, name: string, tests: string[]): string {
  return `import { ${name} } from './${module}';\n\ndescribe('${name}', () => {\n${tests.join('\n')}});\n`;
}

export function jsCallTests(module: string, fn: string, cases: Case[]): string {
  const tests = cases.map((c, i) => {
    const call = `${fn}(${c.args.map(js).join(', ')})`;
    // The name says what the case checks: the call and the answer it should give.
    const said = `${call} gives ${js(c.expected)}`;
    const title = (said.length > 70 ? `${said.slice(0, 64)}… (${i + 1})` : said)
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'");
    return `  test('${title}', () => {\n    expect(${call}).toEqual(${js(c.expected)});\n  });\n`;
  });
  return jsDescribe(module, fn, tests);
}

/** Written-out tests, one per `[title, body]`; each runs as an async test, so a body may await. */
export function jsTestFile(module: string, name: string, specs: [string, string][]): string {
  const tests = specs.map(([title, body]) => `  test('${title}', async () => {\n${body}\n  });\n`);
  return jsDescribe(module, name, tests);
}

export function pyStub(signature: string, todo: LocalizedText): string {
  return `def ${signature}:\n    # ${todo.en}\n    pass\n`;
}

export function jsStub(signature: string, todo: LocalizedText): string {
  return `export function ${signature} {\n  // ${todo.en}\n}\n`;
}

export function text(en: string, zh: string): LocalizedText {
  return { en, zh };
}

/** The statement in both languages, each followed by the same example block. */
export function statement(
  task: LocalizedText,
  example: string,
  lang: 'python' | 'javascript',
): LocalizedText {
  const block = `\n\n\`\`\`${lang}\n${example.trim()}\n\`\`\`\n`;
  return { en: task.en + block, zh: task.zh + block };
}

/** Test inputs: distinct values so each case checks something new. */
export function distinctInts(rng: Rng, count: number, low: number, high: number): number[] {
  const seen = new Set<number>();
  while (seen.size < count) seen.add(rng.int(low, high));
  return [...seen];
}
