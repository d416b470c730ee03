import { describe, expect, it } from 'vitest';
import { ProgressStore, IDLE_AFTER_MS } from '../../../electron/core/learner/progress-store.ts';
import { addProfile, tempDatabase } from './fixtures.ts';

function setup() {
  const { db } = tempDatabase();
  const store = new ProgressStore(db, { dayOf: (ms) => new Date(ms).toISOString().slice(0, 10) });
  const ada = addProfile(db, 'Ada');
  return { db, store, ada };
}

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('ProgressStore', () => {
  it('keeps the code of an attempt and gives it back unchanged', () => {
    const { store, ada } = setup();
    const code = 'def greet():\n    return "你好, World!"\n';
    store.insertAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      code,
      status: 'fail',
      at: T0,
    });
    const [attempt] = store.attempts(ada, { track: 'py', exercise: 'hello' });
    expect(attempt?.code).toBe(code);
    expect(attempt?.status).toBe('fail');
  });

  it('marks an exercise completed only when a check passes, not when it merely runs', () => {
    const { store, ada } = setup();
    store.insertAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'hello',
      kind: 'run',
      status: 'pass',
      at: T0,
    });
    expect(store.completedExercises(ada, 'py')).toEqual([]);
    store.insertAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      at: T0 + 1,
    });
    expect(store.completedExercises(ada, 'py')).toEqual(['hello']);
    expect(store.exerciseProgress(ada, 'py', 'hello')).toMatchObject({ runs: 1, checks: 1, passes: 1 });
  });

  it('restores the autosaved draft and forgets it on reset', () => {
    const { store, ada } = setup();
    store.saveDraft(ada, 'py', 'hello', 'print(1)');
    store.saveDraft(ada, 'py', 'hello', 'print(2)');
    expect(store.loadDraft(ada, 'py', 'hello')).toBe('print(2)');
    store.clearDraft(ada, 'py', 'hello');
    expect(store.loadDraft(ada, 'py', 'hello')).toBeUndefined();
  });

  it('keeps one profile’s drafts and completions away from another', () => {
    const { db, store, ada } = setup();
    const bo = addProfile(db, 'Bo');
    store.saveDraft(ada, 'py', 'hello', 'mine');
    store.insertAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      at: T0,
    });
    expect(store.loadDraft(bo, 'py', 'hello')).toBeUndefined();
    expect(store.completedExercises(bo, 'py')).toEqual([]);
  });

  it('counts hints shown and records a revealed solution', () => {
    const { store, ada } = setup();
    store.recordHint(ada, 'py', 'hello', { level: 1, source: 'authored', at: T0 });
    expect(store.recordHint(ada, 'py', 'hello', { level: 2, source: 'model', at: T0 + 5 })).toBe(2);
    store.recordSolutionReveal(ada, 'py', 'hello', T0 + 10);
    expect(store.exerciseProgress(ada, 'py', 'hello')).toMatchObject({
      hintsShown: 2,
      solutionRevealed: true,
    });
  });

  it('counts active time between close heartbeats and not the time the learner was away', () => {
    const { db, store, ada } = setup();
    const where = { track: 'py', exercise: 'hello' };
    store.insertAttempt({ profileId: ada, ...where, kind: 'run', status: 'pass', at: T0 });
    store.heartbeat(ada, { ...where, at: T0 });
    store.heartbeat(ada, { ...where, at: T0 + 30_000 });
    store.heartbeat(ada, { ...where, at: T0 + 60_000 });
    // Away for ten minutes: that gap is not time on task, but the session continues.
    store.heartbeat(ada, { ...where, at: T0 + 60_000 + 10 * 60_000 });
    store.heartbeat(ada, { ...where, at: T0 + 60_000 + 10 * 60_000 + IDLE_AFTER_MS });
    const sessions = db.prepare('SELECT active_ms FROM session WHERE profile_id = ?').all(ada);
    expect(sessions).toEqual([{ active_ms: 60_000 + IDLE_AFTER_MS }]);
    expect(store.exerciseProgress(ada, 'py', 'hello')?.activeMs).toBe(60_000 + IDLE_AFTER_MS);
  });

  it('starts a new session after a long break', () => {
    const { db, store, ada } = setup();
    store.heartbeat(ada, { at: T0 });
    store.heartbeat(ada, { at: T0 + 3 * 3_600_000 });
    expect(db.prepare('SELECT count(*) AS n FROM session').get()).toEqual({ n: 2 });
  });
});
