/** The moves a learner makes on a parsons step, by mouse or keyboard, as pure state changes. */
import { describe, expect, test } from 'vitest';
import {
  arrangementFrom,
  indent,
  move,
  place,
  programOf,
  startArrangement,
  unplace,
} from '../../../renderer/lesson/parsons/arrangement.ts';

const lines = ['print(total)', 'total = 0', 'total = n', 'for n in range(4):', 'total = total + n'];

describe('arranging the lines', () => {
  test('every line starts in the pool; placing one takes it out of the pool', () => {
    const a = place(startArrangement(lines.length), 3);
    expect(a.pool).toEqual([0, 1, 2, 4]);
    expect(a.program).toEqual([{ id: 3, indent: 0 }]);
  });

  test('moving, indenting and taking a line back out', () => {
    let a = startArrangement(lines.length);
    for (const id of [3, 1, 4, 0]) a = place(a, id);
    a = move(a, 1, 0);
    a = indent(a, 2, 1);
    expect(programOf(a, lines, 'python')).toBe(
      'total = 0\nfor n in range(4):\n    total = total + n\nprint(total)\n',
    );
    a = indent(a, 2, -5);
    expect(a.program[2]).toEqual({ id: 4, indent: 0 });
    a = unplace(a, 1);
    expect(a.pool).toEqual([1, 2]);
  });

  test('a saved program is read back into the same arrangement', () => {
    const saved = 'total = 0\nfor n in range(4):\n    total = total + n\nprint(total)\nnot a given line\n';
    const a = arrangementFrom(saved, lines);
    expect(programOf(a, lines, 'python')).toBe(saved.replace('not a given line\n', ''));
    expect(a.pool).toEqual([2]);
  });
});
