import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { DashboardQueries, addDays, streak } from '../../../electron/core/learner/dashboard.ts';
import { COURSE, addProfile, tempDatabase } from './fixtures.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function setup() {
  const { db } = tempDatabase();
  const progress = new ProgressStore(db, { now: () => T0, dayOf: utcDay });
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const dashboard = new DashboardQueries(db, progress);
  const ada = addProfile(db, 'Ada');
  return { db, progress, model, dashboard, ada };
}

describe('dashboard', () => {
  it('shows exercises solved, hints per exercise and the newest attempts first', () => {
    const { progress, model, dashboard, ada } = setup();
    model.recordAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'fail',
      at: T0 - 2000,
    });
    progress.recordHint(ada, 'py', 'hello', { level: 1, source: 'authored', at: T0 - 1500 });
    model.recordAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      at: T0 - 1000,
      hintsShown: 1,
    });
    model.recordAttempt({
      profileId: ada,
      track: 'py',
      exercise: 'sum',
      kind: 'run',
      status: 'pass',
      at: T0,
    });
    const d = dashboard.dashboard(ada);
    expect(d.exercisesSolved).toBe(1);
    expect(d.solvedByTrack).toEqual({ py: 1 });
    expect(d.hintsPerExercise).toEqual([{ track: 'py', exercise: 'hello', hints: 1 }]);
    expect(d.recent.map((r) => [r.exercise, r.kind, r.status])).toEqual([
      ['sum', 'run', 'pass'],
      ['hello', 'check', 'pass'],
      ['hello', 'check', 'fail'],
    ]);
    expect(d.mastery.map((m) => m.concept)).toEqual(['variables']);
  });

  it('counts a streak of consecutive active days and breaks it on a missed day', () => {
    const days = new Set(['2026-03-10', '2026-03-09', '2026-03-08', '2026-03-06']);
    expect(streak(days, '2026-03-10')).toBe(3);
    expect(streak(days, '2026-03-11')).toBe(3); // today not started yet
    expect(streak(days, '2026-03-12')).toBe(0);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('charts the last 30 days of active time with empty days included', () => {
    const { progress, dashboard, ada } = setup();
    for (const at of [T0 - 2 * DAY, T0 - 2 * DAY + 60_000, T0, T0 + 30_000]) progress.heartbeat(ada, { at });
    const d = dashboard.dashboard(ada);
    expect(d.activity).toHaveLength(30);
    expect(d.activity.at(-1)).toEqual({ day: '2026-03-10', activeMs: 30_000, attempts: 0 });
    expect(d.activity.at(-3)).toEqual({ day: '2026-03-08', activeMs: 60_000, attempts: 0 });
    expect(d.activeMs).toBe(90_000);
    expect(d.streakDays).toBe(1);
  });

  it('lists reviews that are due', () => {
    const { model, dashboard, ada } = setup();
    for (const exercise of ['hello', 'sum', 'swap'])
      model.recordAttempt({ profileId: ada, track: 'py', exercise, kind: 'check', status: 'pass', at: T0 });
    expect(dashboard.dashboard(ada, { now: T0 }).dueReviews).toEqual([]);
    expect(dashboard.dashboard(ada, { now: T0 + 2 * DAY }).dueReviews.map((r) => r.concept)).toEqual([
      'variables',
    ]);
  });
});
