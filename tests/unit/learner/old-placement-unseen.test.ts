/**
 * A database from before placement stopped writing evidence: the old applyPlacement gave every
 * concept it moved an evidence count of 2 (and a first review) without any checked attempt.
 * Opened by this Lantern, such a concept must read "not yet assessed", like one placed today.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';
import { COURSE, addProfile, tempDir } from './fixtures.ts';

const T0 = Date.UTC(2026, 1, 1, 9);
// The schema of the last Lantern whose databases can hold the old placement's rows.
const FIX = MIGRATIONS.find((m) => m.name === 'placement-evidence')!.version;
const BEFORE_FIX = MIGRATIONS.filter((m) => m.version < FIX);

it('reads a concept the old placement gave evidence 2, with no checked attempt, as not yet assessed', () => {
  const file = path.join(tempDir(), 'lantern.db');
  const old = openDatabase(file, BEFORE_FIX).db;
  const id = addProfile(old, 'Ada');
  // What the old placement wrote for 'variables': mastery 83 %, evidence 2, a history point
  // without an attempt, and a first review, and nothing else.
  old
    .prepare(
      'INSERT INTO mastery (profile_id, track, concept, ability, mastery, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, 'py', 'variables', 0.6, 0.83, 2, T0);
  old
    .prepare(
      'INSERT INTO mastery_history (profile_id, track, concept, mastery, attempt_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
    )
    .run(id, 'py', 'variables', 0.83, T0);
  old.close();

  const { db } = openDatabase(file);
  const model = new LearnerModel(new ProgressStore(db), new ModelRecords(db), () => COURSE);
  const variables = model.mastery(id, 'py').find((m) => m.concept === 'variables')!;
  expect(masteryFigure(variables)).toMatchObject({ mastery: null, evidence: 0, confidence: 'none' });
  db.close();
});
