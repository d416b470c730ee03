import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { progressHandlers } from '../../../electron/core/api/progress-handlers.ts';
import { Dashboard } from '../../../shared/api/calls/progress.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';

const ctx = { emit: () => {} };
const T0 = Date.UTC(2026, 2, 10, 12, 0, 0);

function setup() {
  const { db } = tempDatabase();
  const progress = new ProgressStore(db, {
    now: () => T0,
    dayOf: (ms) => new Date(ms).toISOString().slice(0, 10),
  });
  const profiles = new Profiles(db, new SettingsStore(db));
  const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
  const id = profiles.create('Ada').id;
  const handlers = progressHandlers({
    reports: {
      db,
      profiles,
      progress,
      model,
      courseOf: (t) => (t === 'py' ? COURSE : undefined),
      appVersion: '0.1.0',
    },
    contentReady: Promise.resolve(),
    profileId: () => id,
  });
  return { handlers, model, progress, id };
}

describe('the dashboard call', () => {
  it('is empty for a new learner', async () => {
    const d = await setup().handlers.getDashboard({}, ctx);
    expect(d).toMatchObject({ learner: 'Ada', mastery: [], exercisesSolved: 0, recent: [], dueReviews: [] });
  });

  it('shows every concept of a started track with its title, and exercises by their titles', async () => {
    const { handlers, model, progress, id } = setup();
    model.recordAttempt({
      profileId: id,
      track: 'py',
      exercise: 'hello',
      kind: 'check',
      status: 'pass',
      at: T0 - 1000,
    });
    progress.recordHint(id, 'py', 'count', { level: 1, source: 'authored', at: T0 - 500 });
    const d = Dashboard.parse(await handlers.getDashboard({}, ctx));
    expect(d.mastery.map((m) => [m.concept, m.title?.zh])).toEqual([
      ['variables', '变量'],
      ['loops', '循环'],
      ['functions', '函数'],
    ]);
    // Only the practised concept has a figure (rounded as the report rounds it); the others have none.
    expect(d.mastery.map((m) => [m.concept, m.evidence, m.confidence])).toEqual([
      ['variables', 1, 'low'],
      ['loops', 0, 'none'],
      ['functions', 0, 'none'],
    ]);
    const figure = d.mastery[0]!.mastery!;
    expect(Math.round(figure * 1000)).toBe(figure * 1000);
    expect(d.mastery.slice(1).map((m) => m.mastery)).toEqual([null, null]);
    expect(d.mastery[0]!.lastSeen).toBe(T0 - 1000);
    expect(d.exercisesSolved).toBe(1);
    expect(d.recent[0]).toMatchObject({ exercise: 'hello', status: 'pass' });
    expect(d.hintsPerExercise).toEqual([{ track: 'py', exercise: 'count', hints: 1 }]);
  });

  it('exports the report as signed JSON, two CSVs or printable HTML', async () => {
    const { handlers } = setup();
    const json = (await handlers.exportReport({ format: 'json', locale: 'en' }, ctx)).files;
    expect(json.map((f) => f.mimeType)).toEqual(['application/json']);
    expect(JSON.parse(json[0]!.content).signature.algorithm).toBe('Ed25519');
    const csv = (await handlers.exportReport({ format: 'csv', locale: 'zh' }, ctx)).files;
    expect(csv.map((f) => f.name.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'))).toEqual([
      'lantern-report-Ada-DAY-exercises.csv',
      'lantern-report-Ada-DAY-concepts.csv',
    ]);
    const html = (await handlers.exportReport({ format: 'html', locale: 'zh' }, ctx)).files[0]!;
    expect(html.content).toContain('学习进度报告: Ada');
  });
});
