/**
 * A parsons Check through the real API and the real Node sandbox, in Python and JavaScript: the
 * page gets the lines shuffled and without the solution, the backend runs the assembled program
 * against the step's tests (or cases) and records its own verdict, and code that is not made of
 * the given lines does not pass whatever the page claims.
 */
import { describe, expect, test } from 'vitest';
import { useBackend } from '../backend-fixture.ts';
import type { OpenedLesson, RecordedAttempt } from '../../../shared/api/calls/lessons.ts';
import { assembleProgram } from '../../../shared/content/parsons.ts';
import { solutionLines } from '../../../shared/content/schema.ts';

const live = useBackend('lantern-parsons-');
const { call } = live;

/** The program the page assembles when the learner places the solution's lines in its order. */
async function rightProgram(trackId: string, exerciseId: string, language: 'python' | 'javascript') {
  const view = await live.backend.curriculum.exercise(trackId, exerciseId);
  const placed = solutionLines(view!.exercise.solution!).map((line) => ({
    text: line.trim(),
    indent: Math.floor(/^ */.exec(line)![0].length / 4),
  }));
  return { placed, program: assembleProgram(placed, language) };
}

const check = (trackId: string, exerciseId: string, code: string, claim: object = {}) =>
  call<RecordedAttempt>('recordAttempt', {
    trackId,
    exerciseId,
    kind: 'check',
    code,
    timeTakenMs: 500,
    ...claim,
  });

describe.each([
  ['python', 'parsons-times-table', 'python'],
  ['javascript', 'js-parsons-grade-function', 'javascript'],
] as const)('a parsons step in the %s track', (trackId, exerciseId, language) => {
  test('the page gets the given lines shuffled, and neither the solution nor the distractors apart', async () => {
    const opened = await call<OpenedLesson>('openLesson', { trackId, exerciseId });
    const { placed } = await rightProgram(trackId, exerciseId, language);
    const shown = opened.exercise.parsons!.lines;
    expect(shown).toHaveLength(placed.length + 2);
    expect(shown.filter((l) => placed.some((p) => p.text === l))).not.toEqual(placed.map((p) => p.text));
    expect(opened.exercise).not.toHaveProperty('solution');
    expect(opened.exercise).not.toHaveProperty('distractors');
  });

  test('the lines in the right order pass, by the backend’s own run', async () => {
    const { program } = await rightProgram(trackId, exerciseId, language);
    const recorded = await check(trackId, exerciseId, program);
    expect(recorded.verdict).toMatchObject({ status: 'pass', verified: true });
    expect(recorded.verdict.testsTotal).toBeGreaterThan(1);
    expect(recorded.completed).toBe(true);
  });

  test('a wrong order fails, naming the failing test', async () => {
    const { placed } = await rightProgram(trackId, exerciseId, language);
    // The last two lines swapped: for Python the loop's end moves, for JavaScript a return before its brace.
    const wrong = [...placed.slice(0, -3), placed.at(-2)!, placed.at(-3)!, placed.at(-1)!];
    const recorded = await check(trackId, exerciseId, assembleProgram(wrong, language), {
      status: 'pass',
      testsPassed: 3,
      testsTotal: 3,
    });
    expect(recorded.verdict.status).not.toBe('pass');
    expect(recorded.verdict.agreed).toBe(false);
    expect(recorded.verdict.failures?.length ?? 0).toBeGreaterThan(0);
  });

  test('code that is not made of the given lines does not pass, whatever the page claims', async () => {
    const forged =
      language === 'python' ? 'print("2 x 1 = 2")\n' : "export const result = () => 'x passed';\n";
    const recorded = await check(trackId, exerciseId, forged, {
      status: 'pass',
      testsPassed: 3,
      testsTotal: 3,
    });
    expect(recorded.verdict).toMatchObject({ status: 'fail', agreed: false });
    expect(recorded.verdict.message).toBe(
      'not an arrangement of the given lines: line 1 is not one of the given lines',
    );
  });
});
