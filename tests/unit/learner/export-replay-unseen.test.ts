/**
 * `lantern model export-attempts` then `lantern model evaluate`: the replay of a learner's own
 * export must reach the abilities the app computed from the same attempts, for a learner who
 * works in two tracks and does generated practice, as real learners do.
 */
import { expect, it } from 'vitest';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildCourseMap, type CourseMap } from '../../../electron/core/learner/course-map.ts';
import { exportAttemptsCsv } from '../../../electron/core/learner/attempts-export.ts';
import { parseAttemptsCsv } from '../../../electron/core/learner/attempts-csv.ts';
import { LanternPredictor } from '../../../electron/core/learner/model-evaluation.ts';
import { COURSE, EXERCISES, TRACK, addProfile, tempDatabase } from './fixtures.ts';

const JS: CourseMap = buildCourseMap({ ...TRACK, id: 'js' }, EXERCISES);
const courses: Record<string, CourseMap> = { py: COURSE, js: JS };

it('replays a two-track learner’s export, generated practice included, to the abilities the app holds', () => {
  const { db } = tempDatabase();
  let now = Date.UTC(2026, 0, 5, 9);
  const progress = new ProgressStore(db, { now: () => now });
  const records = new ModelRecords(db);
  const model = new LearnerModel(progress, records, (t) => courses[t]);
  const ada = addProfile(db, 'Ada');
  const check = (track: string, exercise: string, status: 'pass' | 'fail', extra = {}) =>
    model.recordAttempt({
      profileId: ada,
      track,
      exercise,
      kind: 'check',
      status,
      at: (now += 60_000),
      ...extra,
    });

  // Strong in Python, then new to the JavaScript track.
  for (const e of ['hello', 'sum', 'count', 'while-sum', 'fizz']) check('py', e, 'pass');
  check('js', 'hello', 'fail');
  check('js', 'count', 'pass');
  // Generated practice on functions, asked for at difficulty 8 (stored with the problem).
  db.prepare(
    `INSERT INTO generated_exercise (id, track, concept, difficulty, locale, exercise, source, origin)
     VALUES ('gen-1', 'py', 'functions', 8, 'en', '{}', 'template', 'test')`,
  ).run();
  check('py', 'gen-1', 'pass', { concepts: ['functions'], difficulty: 8, generated: true });

  const exported = exportAttemptsCsv(db, { id: ada, name: 'Ada' }, (t) => courses[t]);
  expect(exported.skipped).toBe(0);
  const authored = (name: string) => {
    const [track, id] = name.split('/');
    return courses[track!]?.byId.get(id!)?.difficulty;
  };
  const replay = new LanternPredictor(authored);
  for (const a of parseAttemptsCsv(exported.csv)) replay.observe(a);
  const replayed = replay.abilitiesOf('Ada');
  for (const track of ['py', 'js'])
    for (const m of records.mastery(ada, track))
      expect(replayed.get(`${track}/${m.concept}`)?.ability, `${track}/${m.concept}`).toBeCloseTo(
        m.ability,
        9,
      );
});
