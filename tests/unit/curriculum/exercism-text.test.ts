import { describe, expect, test } from 'vitest';
import { exerciseBody, ladderOfHints } from '../../../electron/core/curriculum/exercism-text.ts';

const solution = 'def area(w, h):\n    return w * h\n';
const starter = 'def area(w, h):\n    pass\n';

describe('the words of an imported Exercism exercise', () => {
  test('without a hints.md, the ladder is three general first steps in both languages', () => {
    const hints = ladderOfHints(undefined, solution, starter);
    expect(hints).toHaveLength(3);
    for (const hint of hints) expect(hint.zh).toMatch(/\p{Script=Han}/u);
  });

  test('with enough points in hints.md, those are the ladder; a wrapped point is one hint', () => {
    const md =
      '# Hints\n\n## General\n\n- First point.\n- Second point,\n  wrapped.\n\n## More\n\n* Third point.\n';
    expect(ladderOfHints(md, solution, starter).map((h) => h.en)).toEqual([
      'First point.',
      'Second point, wrapped.',
      'Third point.',
    ]);
  });

  test('a point that spells out a line of the solution is left out, and first steps fill the gap', () => {
    const md = '- Multiply the sides.\n- Write `return w * h`.\n';
    const hints = ladderOfHints(md, solution, starter).map((h) => h.en);
    expect(hints).toHaveLength(3);
    expect(hints.at(-1)).toBe('Multiply the sides.');
    expect(hints.join(' ')).not.toContain('return w * h');
  });

  test('the prose joins introduction, instructions and appendix without their titles', () => {
    expect(
      exerciseBody(
        '# Instructions\n\nDo it.\n',
        '# Instructions append\n\nIn Python.\n',
        '# Introduction\n\nOnce.\n',
      ),
    ).toBe('Once.\n\nDo it.\n\nIn Python.');
  });
});
