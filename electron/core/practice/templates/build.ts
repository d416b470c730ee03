/**
 * Building blocks for offline templates: literals in each language, test files from cases, stubs.
 * Expected values are computed in TypeScript and written into the tests; the validation pipeline
 * then proves the reference solution agrees, so a slip here is caught, never shown.
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

export function pyCallTests(module: string, fn: string, cases: Case[]): string {
  const methods = cases.map(
    (c, i) =>
      `    def test_${i + 1}(self):\n        self.assertEqual(${fn}(${c.args.map(py).join(', ')}), ${py(c.expected)})\n`,
  );
  return `import unittest\nfrom ${module} import ${fn}\n\n\nclass PracticeTest(unittest.TestCase):\n${methods.join('\n')}`;
}

export function jsCallTests(
  module: string,
  fn: string,
  cases: Case[],
  opts: { async?: boolean } = {},
): string {
  const specs = cases.map((c, i) => {
    const call = `${fn}(${c.args.map(js).join(', ')})`;
    return opts.async
      ? `  test('case ${i + 1}', async () => {\n    expect(await ${call}).toEqual(${js(c.expected)});\n  });\n`
      : `  test('case ${i + 1}', () => {\n    expect(${call}).toEqual(${js(c.expected)});\n  });\n`;
  });
  return `import { ${fn} } from './${module}';\n\ndescribe('${fn}', () => {\n${specs.join('\n')}});\n`;
}

export function pyStub(signature: string, todo: LocalizedText): string {
  return `def ${signature}:\n    # ${todo.en}\n    pass\n`;
}

export function jsStub(signature: string, todo: LocalizedText, opts: { async?: boolean } = {}): string {
  return `export ${opts.async ? 'async ' : ''}function ${signature} {\n  // ${todo.en}\n}\n`;
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

export function fourHints(
  a: LocalizedText,
  b: LocalizedText,
  c: LocalizedText,
  d: LocalizedText,
): [LocalizedText, LocalizedText, LocalizedText, LocalizedText] {
  return [a, b, c, d];
}
