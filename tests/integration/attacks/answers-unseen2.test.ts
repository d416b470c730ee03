/**
 * Unseen attempts to learn a quiz, predict or trace answer from the API before answering, or to
 * guess one without it showing, through the real API handlers as web mode serves them.
 */
import { describe, expect, test } from 'vitest';
import { useBackend } from '../backend-fixture.ts';
import type { RecordedAttempt } from '../../../shared/api/calls/lessons.ts';
import type { Exercise } from '../../../shared/content/schema.ts';

const live = useBackend('lantern-answers-attacks-');
const { call } = live;
async function exercise(exerciseId: string): Promise<Exercise> {
  const view = await live.backend.curriculum.exercise('python', exerciseId);
  if (!view) throw new Error(`no python/${exerciseId}`);
  return view.exercise;
}
const answer = (exerciseId: string, kind: 'quiz' | 'predict', code: string) =>
  call<RecordedAttempt>('recordAttempt', { trackId: 'python', exerciseId, kind, code, status: 'pass' });
async function mastery(concept: string): Promise<number | null> {
  const { mastery } = await call<{ mastery: { track: string; concept: string; mastery: number | null }[] }>(
    'getDashboard',
    {},
  );
  return mastery.find((m) => m.track === 'python' && m.concept === concept)?.mastery ?? null;
}

describe('before answering', () => {
  test('no read call of a fresh learner carries a quiz, predict or trace answer', async () => {
    await call('createProfile', { name: 'Reader', switchTo: true });
    const steps = ['quiz-elif', 'predict-division', 'trace-loop-total'];
    const responses: unknown[] = [
      await call('listTracks', {}),
      await call('getTrack', { trackId: 'python' }),
      await call('getDashboard', {}),
      await call('getPlacement', { trackId: 'python' }),
    ];
    for (const exerciseId of steps) {
      responses.push(await call('openLesson', { trackId: 'python', exerciseId }));
      responses.push(await call('getLessonState', { trackId: 'python', exerciseId }));
    }
    const text = JSON.stringify(responses);
    expect(text).not.toMatch(/"(correct|answer|expectedOutput|solution|explanation)"\s*:/);
    const predict = await exercise('predict-division');
    expect(text).not.toContain(JSON.stringify(predict.expectedOutput).slice(1, -1));
    // The quiz's choices arrive as text alone, in the authored order.
    const quiz = await exercise('quiz-elif');
    const opened = responses[4] as { exercise: { choices: object[] } };
    expect(opened.exercise.choices).toEqual(quiz.choices!.map(({ text }) => ({ text })));
  });

  test('a wrong quiz answer’s verdict names no choice', async () => {
    await call('createProfile', { name: 'Wrong once', switchTo: true });
    const { choices } = await exercise('quiz-elif');
    const wrong = choices!.findIndex((c) => !c.correct);
    const { verdict } = await answer('quiz-elif', 'quiz', String(wrong));
    expect(verdict.status).toBe('fail');
    expect(verdict).not.toHaveProperty('reveal');
    expect(JSON.stringify(verdict)).not.toMatch(/"(correct|choice|answer)"/);
  });
});

describe('guessing', () => {
  test('trying every quiz choice is recorded as guessing and earns less than knowing', async () => {
    const { choices } = await exercise('quiz-elif');
    const right = choices!.findIndex((c) => c.correct);
    await call('createProfile', { name: 'Knows', switchTo: true });
    await answer('quiz-elif', 'quiz', String(right));
    const knows = (await mastery('conditionals'))!;

    const guesser = await call<{ id: number }>('createProfile', { name: 'Guesses', switchTo: true });
    const order = [...choices!.keys()].filter((i) => i !== right);
    for (const i of order) expect((await answer('quiz-elif', 'quiz', String(i))).verdict.status).toBe('fail');
    const last = await answer('quiz-elif', 'quiz', String(right));
    expect(last).toMatchObject({ checks: order.length + 1, failedChecks: order.length });
    const stored = live.backend.progress.attempts(guesser.id, { track: 'python', exercise: 'quiz-elif' });
    expect(stored.map((a) => a.status).sort()).toEqual([...order.map(() => 'fail'), 'pass'].sort());
    expect(await mastery('conditionals')).toBeLessThan(knows);
  });
});
