/**
 * The backend is the authority on results: an attempt is recorded with the verdict the backend
 * reached itself (its own sandbox re-runs a check; predict and quiz answers are judged from the
 * content), whatever status and counts the page claims. Through the real API and the real Node
 * sandbox, as web mode serves them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBackend } from '../backend-fixture.ts';
import { GeneratedExerciseStore } from '../../../electron/core/practice/index.ts';
import type { OpenedLesson, RecordedAttempt } from '../../../shared/api/calls/lessons.ts';
import type { PracticeProblemView } from '../../../shared/api/calls/practice.ts';
import type { Exercise } from '../../../shared/content/schema.ts';

const live = useBackend('lantern-verdict-');
const { call } = live;

async function exercise(trackId: string, exerciseId: string): Promise<Exercise> {
  const view = await live.backend.curriculum.exercise(trackId, exerciseId);
  if (!view) throw new Error(`no ${trackId}/${exerciseId}`);
  return view.exercise;
}

/** What the page would send for a pass: status pass and every test passing. */
const claimedPass = { status: 'pass', testsPassed: 4, testsTotal: 4, timeTakenMs: 900 } as const;

const attempt = (trackId: string, exerciseId: string, kind: string, code: string, claim: object) =>
  call<RecordedAttempt>('recordAttempt', { trackId, exerciseId, kind, code, ...claim });

/** The stored attempts of the current learner on one exercise, newest first. */
const stored = (track: string, exercise: string) =>
  live.backend.progress.attempts(live.backend.profiles.current()!.id, { track, exercise });

/** The disagreement lines in the backend's log file (the log writes asynchronously). */
function loggedDisagreements(): { exercise: string; kind: string; claimed: { status: string } }[] {
  const file = path.join(live.dataDir, 'logs', 'lantern.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes('attempt verdict disagrees with the page'))
    .map((line) => JSON.parse(line));
}

describe('a check', () => {
  test('a forged pass (the code `pass`, status pass) is stored as failing, and logged', async () => {
    const before = live.backend.verifier.disagreements;
    const recorded = await attempt('python', 'average-of-three', 'check', 'pass', claimedPass);
    expect(recorded.verdict).toMatchObject({ agreed: false, verified: true });
    expect(recorded.verdict.status).not.toBe('pass');
    expect(recorded).toMatchObject({ completed: false, checks: 1, failedChecks: 1 });
    expect(stored('python', 'average-of-three')[0]).toMatchObject({ kind: 'check', code: 'pass' });
    expect(stored('python', 'average-of-three')[0]!.status).not.toBe('pass');
    expect(live.backend.verifier.disagreements).toBe(before + 1);
    await expect
      .poll(() => loggedDisagreements().map((l) => [l.exercise, l.kind, l.claimed.status]))
      .toContainEqual(['average-of-three', 'check', 'pass']);
    const track = await call<{ units: { lessons: { id: string; done: boolean }[] }[] }>('getTrack', {
      trackId: 'python',
    });
    const lesson = track.units.flatMap((u) => u.lessons).find((l) => l.id === 'average-of-three');
    expect(lesson?.done).toBe(false);
  });

  test('wrong code claimed as passing every test is stored with the counts the backend found', async () => {
    const { starter } = await exercise('python', 'average-of-three');
    const recorded = await attempt('python', 'average-of-three', 'check', starter, claimedPass);
    expect(recorded.verdict).toMatchObject({ status: 'fail', testsPassed: 1, testsTotal: 4, agreed: false });
    expect(recorded.verdict.failures?.map((f) => f.name)).toHaveLength(3);
    expect(stored('python', 'average-of-three')[0]).toMatchObject({
      status: 'fail',
      testsPassed: 1,
      testsTotal: 4,
    });
    expect(recorded.completed).toBe(false);
  });

  test('a real pass is stored as passing and completes the lesson, with no disagreement', async () => {
    const before = live.backend.verifier.disagreements;
    const { solution } = await exercise('python', 'average-of-three');
    const recorded = await attempt('python', 'average-of-three', 'check', solution!, claimedPass);
    expect(recorded.verdict).toMatchObject({ status: 'pass', testsPassed: 4, testsTotal: 4, agreed: true });
    expect(recorded.completed).toBe(true);
    expect(stored('python', 'average-of-three')[0]).toMatchObject({ status: 'pass', testsPassed: 4 });
    expect(live.backend.verifier.disagreements).toBe(before);
  });

  test('a real pass the page reported as failing is stored as passing (the backend decides both ways)', async () => {
    const { solution } = await exercise('python', 'clamp');
    const recorded = await attempt('python', 'clamp', 'check', solution!, {
      status: 'fail',
      testsPassed: 0,
      testsTotal: 3,
    });
    expect(recorded.verdict).toMatchObject({ status: 'pass', agreed: false });
    expect(recorded.completed).toBe(true);
  });

  test('JavaScript: a forged pass fails and the reference solution passes', async () => {
    const { solution } = await exercise('javascript', 'js-average');
    const forged = await attempt('javascript', 'js-average', 'check', 'export const x = 1;', claimedPass);
    expect(forged.verdict.status).not.toBe('pass');
    expect(forged.completed).toBe(false);
    const real = await attempt('javascript', 'js-average', 'check', solution!, claimedPass);
    expect(real.verdict).toMatchObject({ status: 'pass', agreed: true });
    expect(real.completed).toBe(true);
  });

  test('a program-output exercise is re-run by its cases: wrong output fails, the right one passes', async () => {
    const wrong = await attempt('python', 'print-hello', 'check', 'print("Hello World")', claimedPass);
    expect(wrong.verdict).toMatchObject({ status: 'fail', testsPassed: 0, testsTotal: 1, agreed: false });
    expect(wrong.completed).toBe(false);
    const right = await attempt('python', 'print-hello', 'check', 'print("Hello, World!")', claimedPass);
    expect(right.verdict).toMatchObject({ status: 'pass', testsPassed: 1, testsTotal: 1, agreed: true });
    expect(right.completed).toBe(true);
  });

  test('a check claimed on a step that has no tests (an explanation) is not a pass', async () => {
    const recorded = await attempt('python', 'classes-intro', 'check', 'pass', claimedPass);
    expect(recorded.verdict.status).toBe('fail');
    expect(recorded.completed).toBe(false);
  });

  test('an explanation is marked read; an exercise cannot be completed that way', async () => {
    await expect(call('markRead', { trackId: 'python', exerciseId: 'count-vowels' })).rejects.toThrow(
      'is not an explanation',
    );
    expect(await call('getLessonState', { trackId: 'python', exerciseId: 'count-vowels' })).toMatchObject({
      completed: false,
    });
    expect(await call('markRead', { trackId: 'python', exerciseId: 'classes-intro' })).toMatchObject({
      completed: true,
    });
  });
});

describe('predict and quiz answers are judged from the content', () => {
  test('a wrong prediction claimed right is stored as failing; the real output passes', async () => {
    const { expectedOutput } = await exercise('python', 'predict-division');
    const forged = await attempt('python', 'predict-division', 'predict', 'pass', { status: 'pass' });
    expect(forged.verdict).toMatchObject({ status: 'fail', agreed: false });
    expect(forged.completed).toBe(false);
    expect(stored('python', 'predict-division')[0]?.status).toBe('fail');
    const real = await attempt('python', 'predict-division', 'predict', `${expectedOutput!}\n\n`, {
      status: 'pass',
    });
    expect(real.verdict).toMatchObject({ status: 'pass', agreed: true });
    expect(real.completed).toBe(true);
  });

  test('a trace step: a wrong value claimed right fails; the value at the marked step passes', async () => {
    const { trace } = await exercise('python', 'trace-list-alias');
    const forged = await attempt('python', 'trace-list-alias', 'predict', 'not it', { status: 'pass' });
    expect(forged.verdict).toMatchObject({ status: 'fail', agreed: false });
    expect(forged.completed).toBe(false);
    const real = await attempt('python', 'trace-list-alias', 'predict', ` ${trace!.answer} `, {
      status: 'pass',
    });
    expect(real.verdict).toMatchObject({ status: 'pass', agreed: true });
    expect(real.completed).toBe(true);
  });

  test('a wrong choice claimed right is stored as failing; the correct choice passes', async () => {
    const { choices } = await exercise('python', 'quiz-elif');
    const right = choices!.findIndex((c) => c.correct);
    const wrong = choices!.findIndex((c) => !c.correct);
    for (const answer of [String(wrong), '', 'pass', '99', `${right}; drop table`]) {
      const forged = await attempt('python', 'quiz-elif', 'quiz', answer, { status: 'pass' });
      expect(forged.verdict, answer).toMatchObject({ status: 'fail', agreed: false });
    }
    expect(await call('getLessonState', { trackId: 'python', exerciseId: 'quiz-elif' })).toMatchObject({
      completed: false,
    });
    const real = await attempt('python', 'quiz-elif', 'quiz', String(right), { status: 'pass' });
    expect(real.verdict).toMatchObject({ status: 'pass', agreed: true });
    expect(real.completed).toBe(true);
  });

  test('a kind that does not fit the step (a quiz answer sent as a prediction) is not a pass', async () => {
    const { choices } = await exercise('python', 'quiz-comprehension');
    const right = String(choices!.findIndex((c) => c.correct));
    const recorded = await attempt('python', 'quiz-comprehension', 'predict', right, { status: 'pass' });
    expect(recorded.verdict.status).toBe('fail');
  });
});

describe('the page is not sent the answers it could read', () => {
  const opened = (exerciseId: string) =>
    call<OpenedLesson>('openLesson', { trackId: 'python', exerciseId }).then((o) => o.exercise);

  test('a quiz, a predict step and a trace step open without their answers', async () => {
    const quiz = await exercise('python', 'quiz-return-print');
    const predict = await exercise('python', 'predict-while');
    const trace = await exercise('python', 'trace-list-alias');
    const sent = JSON.stringify([
      await opened('quiz-return-print'),
      await opened('predict-while'),
      await opened('trace-list-alias'),
    ]);
    expect(sent).not.toContain('"correct"');
    expect(sent).not.toContain('expectedOutput');
    expect(sent).not.toContain(JSON.stringify(predict.expectedOutput));
    expect(sent).not.toContain('"answer"');
    // What the learner needs is still there: the choices to pick from, the step to stop at.
    expect((await opened('quiz-return-print')).choices).toEqual(quiz.choices!.map((c) => ({ text: c.text })));
    expect((await opened('trace-list-alias')).trace).toEqual({
      line: trace.trace!.line,
      hit: trace.trace!.hit,
      variable: trace.trace!.variable,
    });
  });

  test('an answer sent without a claim gets the verdict, and what to show after it', async () => {
    const { expectedOutput } = await exercise('python', 'predict-while');
    const wrong = await attempt('python', 'predict-while', 'predict', 'no idea', {});
    expect(wrong.verdict).toMatchObject({ status: 'fail', agreed: true, reveal: { output: expectedOutput } });
    const right = await attempt('python', 'predict-while', 'predict', expectedOutput!, {});
    expect(right.verdict).toMatchObject({ status: 'pass', agreed: true });
    expect(right.completed).toBe(true);

    const { trace } = await exercise('python', 'trace-list-alias');
    const traced = await attempt('python', 'trace-list-alias', 'predict', 'no idea', {});
    expect(traced.verdict).toMatchObject({ status: 'fail', reveal: { value: trace!.answer } });

    const { choices } = await exercise('python', 'quiz-return-print');
    const wrongChoice = await attempt(
      'python',
      'quiz-return-print',
      'quiz',
      String(choices!.findIndex((c) => !c.correct)),
      {},
    );
    expect(wrongChoice.verdict).toMatchObject({ status: 'fail', agreed: true });
    // A wrong choice does not give the right one away.
    expect(wrongChoice.verdict.reveal).toBeUndefined();
  });

  test('the diagnostics of a placement check come without answers too', async () => {
    const check = await call<{ exercises: object[] }>('getPlacement', { trackId: 'python' });
    const sent = JSON.stringify(check.exercises);
    expect(sent).not.toContain('"correct"');
    expect(sent).not.toContain('expectedOutput');
    expect(sent).not.toContain('"solution":');
  });
});

describe('a quiz answer comes back with its choice’s explanation', () => {
  test('each pick gets the explanation of that choice alone; the right one waits for a wrong pick', async () => {
    await call('createProfile', { name: 'Reads explanations', switchTo: true });
    const { choices } = await exercise('python', 'quiz-binary-steps');
    const right = choices!.findIndex((c) => c.correct);
    const wrong = choices!.findIndex((c) => !c.correct);
    const ref = { trackId: 'python', exerciseId: 'quiz-binary-steps' };
    // Before any answer the right choice is not given out.
    await expect(call('revealQuizAnswer', ref)).rejects.toThrow(/after a wrong one/);

    const missed = await attempt('python', 'quiz-binary-steps', 'quiz', String(wrong), {});
    expect(missed.verdict).toMatchObject({ status: 'fail', explanation: choices![wrong]!.explanation });
    expect(missed.verdict.reveal).toBeUndefined();
    expect(JSON.stringify(missed.verdict)).not.toContain(choices![right]!.explanation.en);
    expect(missed.solutionRevealed).toBe(false);

    const shown = await call<{ right: unknown[]; state: { solutionRevealed: boolean } }>(
      'revealQuizAnswer',
      ref,
    );
    expect(shown.right).toEqual([{ index: right, explanation: choices![right]!.explanation }]);
    // Seeing the right answer counts as a revealed answer, as a shown solution does.
    expect(shown.state.solutionRevealed).toBe(true);

    const solved = await attempt('python', 'quiz-binary-steps', 'quiz', String(right), {});
    expect(solved.verdict).toMatchObject({ status: 'pass', explanation: choices![right]!.explanation });
    expect(solved.completed).toBe(true);
  });

  test('an answer that chooses nothing gets no explanation', async () => {
    const recorded = await attempt('python', 'quiz-binary-steps', 'quiz', '99', {});
    expect(recorded.verdict.status).toBe('fail');
    expect(recorded.verdict.explanation).toBeUndefined();
  });
});

describe('practice', () => {
  test('a forged pass on a practice problem is stored as failing; its real solution solves it', async () => {
    const problem = await call<PracticeProblemView>('morePractice', {
      trackId: 'python',
      exerciseId: 'count-vowels',
      locale: 'en',
    });
    const { solution } = new GeneratedExerciseStore(live.backend.db).get(problem.id)!.exercise;
    const send = (code: string) =>
      call<{ solved: boolean; verdict: RecordedAttempt['verdict'] }>('recordPracticeAttempt', {
        id: problem.id,
        kind: 'check',
        code,
        ...claimedPass,
      });
    const forged = await send('pass');
    expect(forged).toMatchObject({ solved: false, verdict: { agreed: false } });
    expect(forged.verdict.status).not.toBe('pass');
    expect(stored('python', problem.id)[0]!.status).not.toBe('pass');
    const real = await send(solution!);
    expect(real).toMatchObject({ solved: true, verdict: { status: 'pass', agreed: true } });
    expect(stored('python', problem.id)[0]).toMatchObject({ status: 'pass', generated: true });
  }, 120_000);
});

describe('placement', () => {
  /** The concepts' mastery after placement, by concept, for a new learner. */
  async function placedAs(
    name: string,
    work: (ids: string[]) => Promise<{ exerciseId: string; passed: boolean }[]>,
  ) {
    // Exercise difficulty is learned from every learner's first checks: start each comparison
    // from the authored difficulties, so the learners differ only in what they did.
    live.backend.db.exec('DELETE FROM exercise_difficulty');
    await call('createProfile', { name, switchTo: true });
    const check = await call<{ exercises: { id: string }[] }>('getPlacement', { trackId: 'python' });
    const results = await work(check.exercises.map((e) => e.id));
    await call('applyPlacement', { trackId: 'python', results });
    const { mastery } = await call<{ mastery: { track: string; concept: string; mastery: number | null }[] }>(
      'getDashboard',
      {},
    );
    return Object.fromEntries(mastery.filter((m) => m.track === 'python').map((m) => [m.concept, m.mastery]));
  }

  test('diagnostics claimed solved without a verified pass count as not solved', async () => {
    // Both send the same forged checks; only what they claim at the end differs.
    const skipped = await placedAs('Owns up', async (ids) => {
      for (const id of ids) await attempt('python', id, 'check', 'pass', claimedPass);
      return ids.map((exerciseId) => ({ exerciseId, passed: false }));
    });
    const forged = await placedAs('Claims everything', async (ids) => {
      for (const id of ids) await attempt('python', id, 'check', 'pass', claimedPass);
      return ids.map((exerciseId) => ({ exerciseId, passed: true }));
    });
    expect(forged).toEqual(skipped);
    const first = (await call<{ exercises: { id: string }[] }>('getPlacement', { trackId: 'python' }))
      .exercises[0]!.id;
    expect(await call('getLessonState', { trackId: 'python', exerciseId: first })).toMatchObject({
      completed: false,
    });
  });

  test('a diagnostic solved for real gives its concepts a figure; a skip neither adds nor takes away', async () => {
    let solvedConcepts: string[] = [];
    // Two solve the first diagnostic; one says so, the other skips it. A third skips them all.
    const solveFirst = (claim: boolean) => async (ids: string[]) => {
      const first = await exercise('python', ids[0]!);
      solvedConcepts = first.concepts;
      const recorded = await attempt('python', first.id, 'check', first.solution!, claimedPass);
      expect(recorded.verdict.status).toBe('pass');
      return ids.map((exerciseId, i) => ({ exerciseId, passed: claim && i === 0 }));
    };
    const skipped = await placedAs('Solves but skips', solveFirst(false));
    const solved = await placedAs('Solves the first', solveFirst(true));
    const never = await placedAs('Skips them all', async (ids) =>
      ids.map((exerciseId) => ({ exerciseId, passed: false })),
    );
    // Never checked, claimed solved: the page's word is no evidence either.
    const forged = await placedAs('Claims the first, never checks it', async (ids) =>
      ids.map((exerciseId, i) => ({ exerciseId, passed: i === 0 })),
    );
    expect(forged).toEqual(never);
    for (const concept of solvedConcepts) {
      expect(solved[concept]!).toBeGreaterThan(0.5);
      // A skip is no evidence: it does not undo the verified pass the learner made.
      expect(skipped[concept]).toBe(solved[concept]);
      expect(never[concept]).toBeNull();
    }
  });
});
