/**
 * What the page gets for a parsons step (the lines, shuffled for the learner, never in order), how
 * it assembles a program from them, and how the backend tells an arrangement from other code.
 */
import { describe, expect, test } from 'vitest';
import { toLessonExercise } from '../../../electron/core/api/lesson-exercise.ts';
import { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import {
  arrangementProblem,
  assembleProgram,
  braceIndents,
  parsonsPuzzle,
} from '../../../shared/content/parsons.ts';
import { Exercise, type ExerciseInput } from '../../../shared/content/schema.ts';

const solution = 'total = 0\nfor n in range(4):\n    total = total + n\nprint(total)\n';
const exercise = Exercise.parse({
  id: 'order-me',
  title: { en: 'Put in order', zh: '排列顺序' },
  type: 'parsons',
  concepts: ['loops'],
  difficulty: 2,
  language: 'python',
  solution,
  distractors: ['total = n'],
  cases: [{ output: '6\n' }],
  body: { en: 'Put the lines in order.', zh: '把这些行排好顺序。' },
} satisfies ExerciseInput);
const needed = ['total = 0', 'for n in range(4):', 'total = total + n', 'print(total)'];

describe('what the page is sent', () => {
  test('the lines without their indentation, the distractor among them, and no solution', () => {
    const shown = toLessonExercise(exercise, 'learner-1');
    expect(LessonExercise.parse(shown)).toEqual(shown);
    expect(shown).not.toHaveProperty('solution');
    expect(shown).not.toHaveProperty('distractors');
    expect([...shown.parsons!.lines].sort()).toEqual([...needed, 'total = n'].sort());
    expect(shown.parsons!.indented).toBe(true);
    const sent = JSON.stringify(shown);
    expect(sent).not.toContain('    total = total + n');
    expect(sent).not.toContain(JSON.stringify(solution).slice(1, 30));
  });

  test('never in the solution order, for any of a hundred learners', () => {
    for (let learner = 0; learner < 100; learner++) {
      const { lines } = parsonsPuzzle(exercise, `learner-${learner}`);
      expect(lines.filter((l) => needed.includes(l))).not.toEqual(needed);
    }
  });

  test('the same order every time for one learner, and not the same for every learner', () => {
    const once = parsonsPuzzle(exercise, 'learner-7').lines;
    expect(parsonsPuzzle(exercise, 'learner-7').lines).toEqual(once);
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) => parsonsPuzzle(exercise, `learner-${i}`).lines.join('|')),
    );
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe('assembling the program', () => {
  test('Python lines are indented four spaces a level, as the learner placed them', () => {
    const placed = needed.map((text, i) => ({ text, indent: i === 2 ? 1 : 0 }));
    expect(assembleProgram(placed, 'python')).toBe(solution);
  });

  test('JavaScript lines are indented by their braces, whatever indent they were given', () => {
    const lines = ['if (n > 0) {', "console.log('yes');", '} else {', "console.log('{no');", '}'];
    expect(braceIndents(lines)).toEqual([0, 1, 0, 1, 0]);
    expect(
      assembleProgram(
        lines.map((text) => ({ text, indent: 3 })),
        'javascript',
      ),
    ).toBe(
      "if (n > 0) {\n  console.log('yes');\n} else {\n  console.log('{no');\n}\n".replace(/^ {2}/gm, '    '),
    );
  });
});

describe('the backend tells an arrangement from other code', () => {
  test('the given lines in any order and indentation, some left out, are an arrangement', () => {
    expect(arrangementProblem(exercise, 'print(total)\n\ntotal = 0\n        total = n\n')).toBeUndefined();
  });

  test('a line that was not given, or a line used twice, is not', () => {
    expect(arrangementProblem(exercise, 'total = 0\nprint(6)\n')).toBe(
      'line 2 is not one of the given lines',
    );
    expect(arrangementProblem(exercise, 'total = 0\ntotal = 0\n')).toBe(
      'line 2 is not one of the given lines',
    );
  });
});
