/**
 * The rules built for classes of hint nobody showed the guard (decision 0044): a fix dictated in
 * words, the same fix with commuted operands or as another formula, other-language expressions,
 * and text read as the renderer shows it. Cases here are new examples of each class, not the
 * breaker's.
 */
import { describe, expect, it } from 'vitest';
import { commuted, minimalFix, sameFormula } from '../../../electron/core/tutor/guard/compare.ts';
import { INLINE_SPAN, normalise } from '../../../electron/core/tutor/guard/extract.ts';
import { bagCoverage, bagOf, plainNamesOf, spokenTokens } from '../../../electron/core/tutor/guard/prose.ts';
import { detectLanguage } from '../../../electron/core/tutor/guard/language.ts';
import { tokenize } from '../../../electron/core/tutor/guard/tokens.ts';

const learner = 'def area(width, height):\n    return width + height\n';
const solution = 'def area(width, height):\n    return width * height / 2\n';

function cover(text: string): number {
  const fix = minimalFix(learner, solution);
  return bagCoverage(
    bagOf(fix.added),
    bagOf(commuted(spokenTokens(text, ['area']))),
    new Set(),
    plainNamesOf(fix.learnerTokens, fix.missingLines.flat()),
  );
}

describe('a fix dictated in words', () => {
  it('names the fix in English words, in any order', () => {
    expect(
      cover('Divide by two at the end, and use a star between width and height.'),
    ).toBeGreaterThanOrEqual(0.6);
  });

  it('names the fix in Chinese words', () => {
    expect(cover('把加号换成乘号，最后除以 2。')).toBeGreaterThanOrEqual(0.6);
  });

  it('does not count a hint that only talks about the idea', () => {
    expect(cover('A triangle is half of a rectangle. What does your return line compute?')).toBeLessThan(0.5);
  });
});

describe('the same fix in another spelling', () => {
  it('puts commutative operands in one order and turns > into <', () => {
    expect(commuted(tokenize('low = 1 + middle'))).toEqual(commuted(tokenize('low = middle + 1')));
    expect(commuted(tokenize('if limit > items[k]:'))).toEqual(commuted(tokenize('if items[k] < limit:')));
    expect(commuted(tokenize('x = -1 + y'))).toEqual(tokenize('x = y - 1'));
  });

  it('keeps string concatenation in its order', () => {
    expect(commuted(tokenize('"." + name'))).toEqual(tokenize('"." + name'));
  });

  it('finds a formula written another way, and not a different one', () => {
    expect(sameFormula(['    return width * height / 2'], 'return 0.5 * height * width')).toBeDefined();
    expect(sameFormula(['    return width * height / 2'], 'return width * height / 3')).toBeUndefined();
  });

  it('never evaluates calls or attributes', () => {
    expect(
      sameFormula(['    return width * height / 2'], 'return width.constructor(height) / 2'),
    ).toBeUndefined();
  });

  it('keeps a string with a space as one token of the fix', () => {
    const fix = minimalFix('def f(s):\n    return s\n', 'def f(s):\n    return s.replace(" ", "-")\n');
    expect(fix.added).toContain('" "');
  });
});

describe('short expressions in the other language', () => {
  it.each([
    ['[...letters].sort().join("")', 'javascript'],
    ['total.length > 3', 'javascript'],
    ['items.map((x) => x * 2)', 'javascript'],
    ['[c for c in text if c != " "]', 'python'],
    ['len(text) - 1', 'python'],
    ['text[::-2]', 'python'],
  ] as const)('%s is %s', (code, language) => {
    expect(detectLanguage(code)).toBe(language);
  });

  it('leaves expressions both languages share undecided', () => {
    expect(detectLanguage('a % 2 == 0')).toBeUndefined();
  });
});

describe('text as the renderer shows it', () => {
  it('decodes every named entity', () => {
    expect(normalise('x &equals; y &ast; 2&semi;')).toBe('x = y * 2;');
  });

  it('reads a double-backtick span holding backticks', () => {
    const spans = [...'Use `` `${n}` `` here.'.matchAll(INLINE_SPAN)].map((m) => m[2]?.trim());
    expect(spans).toEqual(['`${n}`']);
  });
});
