/** The guard finds code in every dress a hint can put it in. */
import { describe, expect, it } from 'vitest';
import { codeInProse, extract, normalise, parseDiff } from '../../../electron/core/tutor/guard/extract.ts';
import { lineEdits, tokenEdits } from '../../../electron/core/tutor/guard/edits.ts';

const vocab = new Set(['clamp', 'value', 'low', 'high', 'word', 'text', 'count']);
const codes = (text: string) => extract(text, vocab).pieces.map((p) => [p.dress, p.code.trim()]);

describe('fences', () => {
  it('finds a fence with any info string, or none', () => {
    for (const info of ['python', 'py3', 'text', 'pseudo', '']) {
      expect(codes(`See:\n\`\`\`${info}\nreturn high\n\`\`\`\nok`)).toContainEqual(['fence', 'return high']);
    }
  });
  it('finds a fence opened in the middle of a line, and a tilde fence', () => {
    expect(codes('Like this: ```python\nif value > high:\n    return high\n``` done')).toContainEqual([
      'fence',
      'if value > high:\n    return high',
    ]);
    expect(codes('~~~\nreturn high\n~~~')).toContainEqual(['fence', 'return high']);
  });
  it('finds a one-line fence and an unclosed one', () => {
    expect(codes('Just ```return high``` there')).toContainEqual(['fence', 'return high']);
    expect(codes('Here:\n```\nreturn high')).toContainEqual(['fence', 'return high']);
  });
});

describe('other dresses', () => {
  it('unwraps quotes, including a fence inside a quote', () => {
    expect(normalise('> ```\n> return high\n> ```')).toBe('```\nreturn high\n```');
    expect(codes('> ```\n> return high\n> ```')).toContainEqual(['fence', 'return high']);
  });
  it('reads <pre> and <code> with entities decoded', () => {
    expect(codes('<pre><code>if value &gt; high:\n    return high</code></pre>')).toContainEqual([
      'html',
      'if value > high:\n    return high',
    ]);
  });
  it('finds indented and bare code lines', () => {
    expect(codes('Try\n\n    if value > high:\n        return high\n\nthen run it.')).toContainEqual([
      'indented',
      'if value > high:\n        return high',
    ]);
    expect(codes('def clamp(value, low, high):\n    return max(low, min(value, high))')).toContainEqual([
      'bare',
      'def clamp(value, low, high):\n    return max(low, min(value, high))',
    ]);
  });
  it('finds inline spans', () => {
    expect(codes('Use `value > high` there')).toContainEqual(['inline', 'value > high']);
  });
  it('finds numbered steps that are code, in English and Chinese numbering', () => {
    expect(codes('1. def clamp(value, low, high):\n2. if value > high:\n3. return high')).toContainEqual([
      'numbered',
      'def clamp(value, low, high):\nif value > high:\nreturn high',
    ]);
    expect(codes('第1步：if value > high:\n第2步：return high')).toContainEqual([
      'numbered',
      'if value > high:\nreturn high',
    ]);
  });
  it('leaves numbered prose alone', () => {
    expect(codes('1. Look at the last line.\n2. Think about the upper edge.')).toEqual([]);
  });
  it('finds code written inside a sentence, in English and Chinese', () => {
    expect(codeInProse('You could write return max(low, min(value, high)) and be done.', vocab)).toContain(
      'return max(low, min(value, high))',
    );
    expect(codeInProse('在最后加上 if value > high: return high 就可以了', vocab)).toContain(
      'if value > high: return high',
    );
  });
  it('drops zero-width characters a hostile answer hides code with', () => {
    expect(codes('```\nre\u200bturn high\n```')).toContainEqual(['fence', 'return high']);
  });
});

describe('diffs', () => {
  it('reads a unified diff, with or without headers, fenced or not', () => {
    const diff =
      '@@ -2,3 +2,5 @@\n     if value < low:\n         return low\n+    if value > high:\n+        return high\n     return value';
    const [hunk] = parseDiff(diff.split('\n'));
    expect(hunk?.added).toEqual(['    if value > high:', '        return high']);
    expect(hunk?.before).toEqual(['    if value < low:', '        return low']);
    expect(extract(`\`\`\`diff\n${diff}\n\`\`\``).diffs).toHaveLength(1);
    expect(extract('-    return 0\n+    return 1').diffs[0]).toMatchObject({
      removed: ['    return 0'],
      added: ['    return 1'],
    });
  });
  it('does not take a bullet list for a diff', () => {
    expect(parseDiff(['- look at line 3', '- and line 4'])).toEqual([]);
  });
});

describe('edits told in words', () => {
  it('reads "replace line N with …" in its English forms', () => {
    expect(lineEdits('Replace line 3 with `return 1`.')).toContainEqual({ line: 3, text: 'return 1' });
    expect(lineEdits('Line 4 should be: return value if value < high else high')).toContainEqual({
      line: 4,
      text: 'return value if value < high else high',
    });
    expect(lineEdits('Change line 2 to:\n```\nreturn 1\n```')).toContainEqual({
      line: 2,
      text: 'return 1\n',
    });
  });
  it('reads line edits in Chinese, with and without the old text', () => {
    expect(lineEdits('把第 3 行的 return 0 改成 return 1。')).toContainEqual({
      line: 3,
      text: 'return 1',
      from: 'return 0',
    });
    expect(lineEdits('第3行改为 `return 1`')).toContainEqual({ line: 3, text: 'return 1' });
  });
  it('reads token swaps: change X to Y, Y instead of X, and the Chinese forms', () => {
    expect(tokenEdits('Change `<` to `<=`.')).toContainEqual({ from: '<', to: '<=' });
    expect(tokenEdits('It should return 1 instead of 0.')).toContainEqual({
      from: 'return 0',
      to: 'return 1',
    });
    expect(tokenEdits('把 == 改成 in')).toContainEqual({ from: '==', to: 'in' });
    expect(tokenEdits('用 <= 代替 <')).toContainEqual({ from: '<', to: '<=' });
    expect(tokenEdits('返回 1 而不是 0')).toContainEqual({ from: '0', to: '1' });
  });
});

describe('code in the dress of something else', () => {
  it('reads code out of the cells of a table', () => {
    const table = '| step | code |\n|---|---|\n| 1 | if value > high: |\n| 2 | `return high` |';
    expect(codes(table)).toContainEqual(['bare', 'if value > high:']);
    expect(codes(table)).toContainEqual(['inline', 'return high']);
  });
  it('reads code after a label, in English and Chinese', () => {
    expect(codes('Before: return value\nAfter: return min(value, high)')).toContainEqual([
      'bare',
      'return min(value, high)',
    ]);
    expect(codes('答案：return min(value, high)')).toContainEqual(['bare', 'return min(value, high)']);
    expect(codes('Note: the upper edge matters too.')).toEqual([]);
  });
  it('takes code out of comments, inside a fence or outside one', () => {
    expect(codes('```python\n# if value > high:\n#     return high\n```')).toContainEqual([
      'fence',
      'if value > high:\n    return high',
    ]);
    expect(codes('```js\n// return text.trim();\n```')).toContainEqual(['fence', 'return text.trim();']);
    expect(codes('```python\n# the upper edge is missing\nreturn value\n```')).toEqual([
      ['fence', '# the upper edge is missing\nreturn value'],
    ]);
  });
  it('reads a statement in plain quotes, and a statement inside a sentence that looks like code', () => {
    expect(codes('The answer is simply "return min(value, high)".')).toContainEqual([
      'bare',
      'return min(value, high)',
    ]);
    expect(codeInProse('Instead of that, return word.upper() + "!" and stop.', vocab)).toContain(
      'return word.upper() + "!"',
    );
  });
  it('reads typographic quotes and no-break spaces as a learner who retypes the code would', () => {
    expect(normalise('if c in \u201caeiou\u201d:\n\u00a0\u00a0\u00a0\u00a0count += 1')).toBe(
      'if c in "aeiou":\n    count += 1',
    );
  });
  it('reads "instead of X, use Y" and "不要用 X，要用 Y" as swaps', () => {
    expect(tokenEdits('Instead of `<`, use `<=`.')).toContainEqual({ from: '<', to: '<=' });
    expect(tokenEdits('不要用 <，要用 <=')).toContainEqual({ from: '<', to: '<=' });
  });
});

describe('line edits that put in, take out, or name the line in words', () => {
  it('reads insertions before or after a line, in English and Chinese', () => {
    expect(lineEdits('After line 3, add:\n```\nreturn high\n```')).toContainEqual({
      line: 3,
      text: 'return high\n',
      mode: 'after',
    });
    expect(lineEdits('Add `return high` before line 4.')).toContainEqual({
      line: 4,
      text: 'return high',
      mode: 'before',
    });
    expect(lineEdits('在第 3 行后面加上 return high。')).toContainEqual({
      line: 3,
      text: 'return high',
      mode: 'after',
    });
  });
  it('reads deletions, in English and Chinese', () => {
    expect(lineEdits('Delete line 9.')).toContainEqual({ line: 9, text: '', mode: 'delete' });
    expect(lineEdits('把第 9 行删掉。')).toContainEqual({ line: 9, text: '', mode: 'delete' });
  });
  it('reads line numbers written as words or Chinese numerals', () => {
    expect(lineEdits('The third line should be return 1.')).toContainEqual({ line: 3, text: 'return 1' });
    expect(lineEdits('把第十二行改成 return 1')).toContainEqual({ line: 12, text: 'return 1' });
  });
  it('reads Cyrillic and Greek look-alike letters as the Latin ones they pass for', () => {
    expect(normalise('r\u0435turn high')).toBe('return high');
    expect(normalise('你好，世界')).toBe('你好，世界');
  });
});
