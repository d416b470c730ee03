/**
 * Generated practice problems are not in any course, yet the dashboard, the exported report and
 * the teacher's view (which reads the report) must name them by title, never by their hash id.
 */
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { progressHandlers } from '../../../electron/core/api/progress-handlers.ts';
import { buildProgressReport } from '../../../electron/core/reports/build-report.ts';
import { GeneratedExerciseStore } from '../../../electron/core/practice/store.ts';
import { exerciseFromTemplate } from '../../../electron/core/practice/offline.ts';
import { COURSE, tempDatabase } from '../learner/fixtures.ts';
import { BUILTIN_TEMPLATES } from './helpers.ts';

describe('a practised generated problem', () => {
  it('appears by its title in the dashboard and the report', async () => {
    const { db } = tempDatabase();
    const progress = new ProgressStore(db);
    const profiles = new Profiles(db, new SettingsStore(db));
    const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
    const id = profiles.create('小明').id;
    const exercise = exerciseFromTemplate(
      BUILTIN_TEMPLATES.for('python', 'output-variables')[0]!,
      3,
      'py',
      'python',
    );
    new GeneratedExerciseStore(db).save({
      exercise,
      track: 'py',
      concept: exercise.concepts[0]!,
      locale: 'zh',
      source: 'template',
      origin: 'test',
    });
    model.recordAttempt({
      profileId: id,
      track: 'py',
      exercise: exercise.id,
      kind: 'check',
      status: 'fail',
      generated: true,
    });
    const src = { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' };

    const dashboard = await progressHandlers({
      reports: src,
      contentReady: Promise.resolve(),
      profileId: () => id,
    }).getDashboard({}, { emit: () => {} });
    expect(dashboard.recent[0]).toMatchObject({ exercise: exercise.id, title: exercise.title });

    const report = buildProgressReport(src, id);
    const row = report.tracks.flatMap((t) => t.exercises).find((e) => e.id === exercise.id);
    expect(row?.title).toEqual(exercise.title);
    expect(row?.title?.zh).not.toContain('gen-');
  });
});
