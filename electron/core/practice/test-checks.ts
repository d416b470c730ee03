/**
 * What a generated test file says about itself, read without running it: each test, whether its
 * body asserts anything (directly or through a helper of the same file), and whether its name
 * says what it checks in the learner's language. Running it (mutation-run.ts) tells the rest.
 */
import { tokenize, type CodeLanguage, type Token } from '../../../shared/content/code-tokens.ts';
import type { UiLocale } from '../../../shared/content/schema.ts';

export interface StaticTest {
  /** The name as the runner reports its last part: `test_sum_of_empty_list`, `adds two numbers`. */
  name: string;
  asserts: boolean;
  /** The body's code, token by token: two tests with the same body check the same thing. */
  body: string;
  /** Every assertion looks only at the answer's length or type, never at its values. */
  shapeOnly?: boolean;
}

const JS_SHAPE =
  /^\s*(?:typeof\b|Array \. isArray\b|[^;]*\. length \))|\)\s*\.\s*(?:not\s*\.\s*)?(?:toHaveLength|toBeInstanceOf|toBeTypeOf|toBeDefined|toBeUndefined|toBeNull|toBeTruthy|toBeFalsy)\b/;
const PY_SHAPE =
  /^\s*\.\s*(?:assertIsInstance|assertNotIsInstance|assertIsNotNone|assertIsNone)\b|^\s*\.\s*assert(?:Equal|Equals|GreaterEqual|LessEqual|Greater|Less|True)\s*\(\s*(?:len|isinstance|type)\s*\(/;

/** Whether a test's assertions (in its token signature) all look only at length or type. */
export function shapeOnly(body: string, language: CodeLanguage): boolean {
  if (language === 'python') {
    const calls = body.split(/\bself(?=\s*\.\s*assert)/).slice(1);
    return calls.length > 0 && calls.every((c) => PY_SHAPE.test(c));
  }
  const calls = body.split(/\bexpect\s*\(/).slice(1);
  return calls.length > 0 && calls.every((c) => JS_SHAPE.test(c));
}

const PY_ASSERT = /^(assert\w*|fail|fail\w+)$/;
const JS_ASSERT = new Set(['expect', 'assert']);

export function staticTests(tests: string, language: CodeLanguage): StaticTest[] {
  const tokens = tokenize(tests, language).filter((t) => t.kind !== 'comment');
  const found = language === 'python' ? pythonTests(tests, tokens) : javascriptTests(tokens);
  return found.map((t) => ({ ...t, shapeOnly: shapeOnly(t.body, language) }));
}

function pythonTests(source: string, tokens: Token[]): StaticTest[] {
  // Every def with its body's tokens (the lines indented deeper than the def).
  const defs: { name: string; body: Token[] }[] = [];
  tokens.forEach((t, i) => {
    if (t.text !== 'def' || t.kind !== 'name') return;
    const name = tokens[i + 1]?.text ?? '';
    const indent = t.start - (source.lastIndexOf('\n', t.start - 1) + 1);
    const body: Token[] = [];
    let k = i + 2;
    while (k < tokens.length && tokens[k]?.kind !== 'newline') k += 1;
    for (k += 1; k < tokens.length; k++) {
      const b = tokens[k] as Token;
      const column = b.start - (source.lastIndexOf('\n', b.start - 1) + 1);
      const lineStart = tokens[k - 1]?.kind === 'newline';
      if (lineStart && b.kind !== 'newline' && column <= indent) break;
      body.push(b);
    }
    defs.push({ name, body });
  });
  const direct = (body: Token[]) => body.some((b) => b.kind === 'name' && PY_ASSERT.test(b.text));
  const helpers = new Set(
    defs.filter((d) => !d.name.startsWith('test') && direct(d.body)).map((d) => d.name),
  );
  return defs
    .filter((d) => d.name.startsWith('test'))
    .map((d) => ({
      name: d.name,
      asserts: direct(d.body) || d.body.some((b) => b.kind === 'name' && helpers.has(b.text)),
      body: signature(d.body),
    }));
}

function javascriptTests(tokens: Token[]): StaticTest[] {
  const out: StaticTest[] = [];
  const helpers = new Set<string>();
  tokens.forEach((t, i) => {
    // function check(a, b) { expect(…) } — a helper that asserts.
    if (t.text === 'function' && tokens[i + 1]?.kind === 'name') {
      const open = tokens.findIndex((b, k) => k > i && b.text === '{');
      if (open > 0 && asserts(tokens.slice(open, closing(tokens, open)), helpers))
        helpers.add(tokens[i + 1]?.text ?? '');
    }
    if (t.kind === 'name' && (t.text === 'const' || t.text === 'let') && tokens[i + 2]?.text === '=') {
      const end = closing(
        tokens,
        tokens.findIndex((b, k) => k > i && (b.text === '{' || b.text === '(')),
      );
      if (
        end > 0 &&
        asserts(tokens.slice(i, end), helpers) &&
        tokens.slice(i, end).some((b) => b.text === '=>')
      )
        helpers.add(tokens[i + 1]?.text ?? '');
    }
  });
  tokens.forEach((t, i) => {
    if (t.kind !== 'name' || (t.text !== 'test' && t.text !== 'it')) return;
    if (tokens[i - 1]?.text === '.') return;
    let k = i + 1;
    if (tokens[k]?.text === '.' && tokens[k + 1]?.text === 'each') {
      k = closing(tokens, k + 2) + 1;
    } else if (tokens[k]?.text === '.') k += 2;
    if (tokens[k]?.text !== '(' || tokens[k + 1]?.kind !== 'string') return;
    const end = closing(tokens, k);
    const body = tokens.slice(k + 2, end);
    out.push({
      name: unquote(tokens[k + 1]?.text ?? ''),
      asserts: asserts(body, helpers),
      body: signature(body),
    });
  });
  return out;
}

function signature(body: Token[]): string {
  return body
    .filter((t) => t.kind !== 'newline')
    .map((t) => t.text)
    .join(' ');
}

const PY_CHANCE = new Set(['random', 'time', 'datetime', 'uuid', 'secrets']);

/**
 * What makes code give another answer on another run, or undefined: randomness, the clock, fresh
 * ids. Generated problems must not use them (the prompt says so; two runs may agree by chance).
 */
export function chanceIn(code: string, language: CodeLanguage): string | undefined {
  const tokens = tokenize(code, language).filter((t) => t.kind !== 'comment');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1]?.text;
    const after = tokens[i + 2]?.text ?? '';
    if (language === 'python') {
      if ((t.text === 'import' || t.text === 'from') && PY_CHANCE.has(next ?? '')) return next;
    } else if (t.text === 'Math' && next === '.' && after === 'random') return 'Math.random';
    else if (t.text === 'Date' && (next === '.' || tokens[i - 1]?.text === 'new')) return 'Date';
    else if ((t.text === 'performance' || t.text === 'crypto') && next === '.') return t.text;
  }
  return undefined;
}

function asserts(body: Token[], helpers: Set<string>): boolean {
  return body.some((b) => b.kind === 'name' && (JS_ASSERT.has(b.text) || helpers.has(b.text)));
}

/** Index of the bracket closing the one at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'op') continue;
    if ('([{'.includes(t.text)) depth += 1;
    else if (')]}'.includes(t.text) && --depth === 0) return i;
  }
  return tokens.length;
}

function unquote(literal: string): string {
  return literal.slice(1, -1);
}

/** The part of a reported test name that names the test itself. */
export function leafName(reported: string): string {
  const last = reported.split(' > ').pop() ?? reported;
  return last.includes('.') && /^\w+\.test/.test(last) ? last.slice(last.indexOf('.') + 1) : last;
}

const GENERIC = new Set(
  'test tests case cases example examples sample basic simple works work it should check checks ok okay function func result results input output value values one two three four five six seven eight nine ten first second third fourth fifth more another other extra new default normal general misc a an the'.split(
    ' ',
  ),
);
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/gu;
const ZH_GENERIC =
  /测试|用例|案例|例子|示例|样例|检查|检验|情况|情形|场景|基本|简单|正常|其他|其它|另一|更多|第|个|号|次|组|[零一二三四五六七八九十百两]/g;

/**
 * Why a test name does not say what it checks in the learner's language, or undefined when it
 * does: "test_1", "case 2", "works" say nothing; a Chinese learner reads Chinese names (Python
 * allows them in identifiers: `def test_空列表返回零(self)`).
 */
export function nameProblem(reported: string, locale: UiLocale): string | undefined {
  const leaf = leafName(reported);
  const words = leaf
    .replace(/^test_?/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_\-:,.()]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 0);
  if (locale === 'zh') {
    if ((leaf.match(CJK) ?? []).length < 2)
      return `test "${reported}" must be named in Simplified Chinese, saying what it checks`;
    // "测试一", "用例 2", "第三个例子" number the tests; they do not say what each one checks.
    const said = leaf.replace(ZH_GENERIC, '').match(CJK) ?? [];
    const named = words.some((w) => /[a-z]{3,}/.test(w) && !GENERIC.has(w));
    if (said.length < 2 && !named)
      return `test "${reported}" must say what it checks (the input and the expected behaviour), not only number the test`;
    return undefined;
  }
  // "four gives eight" says what it checks; "case 1", "basic example" and "double" do not.
  const meaningful = words.filter((w) => /[a-z]/.test(w) && !GENERIC.has(w) && !/^\d+$/.test(w));
  if (meaningful.length < 2 && !(meaningful.length === 1 && words.length >= 3))
    return `test "${reported}" must be named for what it checks (e.g. test_empty_list_gives_zero), not "${leaf}"`;
  return undefined;
}
