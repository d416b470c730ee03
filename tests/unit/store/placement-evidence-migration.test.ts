/**
 * Migration 0009 on a real database file at schema 8: attempts recorded by the learner model,
 * then the rows the old placement wrote over them (evidence at least 2, dated to the placement, a
 * history point without an attempt, a first review), and 0007's general ability summed from that
 * evidence. Opened by this Lantern, each concept rests on its graded attempts only.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';
import { COURSE, addProfile, tempDir } from '../learner/fixtures.ts';

const BEFORE_FIX = MIGRATIONS.filter((m) => m.version < 9);
const T0 = Date.UTC(2026, 1, 1, 9);
const MIN = 60_000;
const PLACED = T0 + 60 * MIN;

interface MasteryRow {
  concept: string;
  ability: number;
  mastery: number;
  evidence: number;
  updated_at: number;
}

function model(db: Db, now: () => number) {
  return new LearnerModel(
    new ProgressStore(db, { now, dayOf: (ms) => new Date(ms).toISOString().slice(0, 10) }),
    new ModelRecords(db),
    () => COURSE,
  );
}

const masteryRows = (db: Db, profile: number, track = 'py') =>
  db
    .prepare(
      'SELECT concept, ability, mastery, evidence, updated_at FROM mastery WHERE profile_id = ? AND track = ? ORDER BY concept',
    )
    .all(profile, track) as MasteryRow[];

/** What the placement before decision 0029 wrote for a concept it moved (learner-model.ts then). */
function oldPlacement(db: Db, profile: number, track: string, concept: string, ability: number): void {
  const current = db
    .prepare('SELECT evidence FROM mastery WHERE profile_id = ? AND track = ? AND concept = ?')
    .pluck()
    .get(profile, track, concept) as number | undefined;
  const mastery = 1 / (1 + Math.exp(-ability));
  db.prepare(
    `INSERT INTO mastery (profile_id, track, concept, ability, mastery, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, track, concept) DO UPDATE SET ability = excluded.ability, mastery = excluded.mastery,
       evidence = excluded.evidence, updated_at = excluded.updated_at`,
  ).run(profile, track, concept, ability, mastery, Math.max(current ?? 0, 2), PLACED);
  db.prepare(
    'INSERT INTO mastery_history (profile_id, track, concept, mastery, attempt_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
  ).run(profile, track, concept, mastery, PLACED);
  db.prepare(
    `INSERT OR IGNORE INTO review (profile_id, track, concept, interval_days, due_at, reviews, lapses)
     VALUES (?, ?, ?, 1, ?, 0, 0)`,
  ).run(profile, track, concept, PLACED + 86_400_000);
}

/** Migration 0007's general ability: the evidence-weighted mean over the concepts, as it summed it. */
function abilityAsMigration0007Left(db: Db, profile: number, track: string): void {
  db.prepare('DELETE FROM learner_ability WHERE profile_id = ? AND track = ?').run(profile, track);
  db.prepare(
    `INSERT INTO learner_ability (profile_id, track, ability, evidence, updated_at)
     SELECT profile_id, track, sum(ability * evidence) / (sum(evidence) + 1), sum(evidence), max(updated_at)
     FROM mastery WHERE profile_id = ? AND track = ? GROUP BY profile_id, track`,
  ).run(profile, track);
}

function oldDatabase() {
  const file = path.join(tempDir('lantern-migrate-'), 'lantern.db');
  const db = openDatabase(file, BEFORE_FIX).db;
  let now = T0;
  const learner = model(db, () => now);
  const ada = addProfile(db, 'Ada');
  const bo = addProfile(db, 'Bo');
  const cy = addProfile(db, 'Cy');
  const attempt = (
    profileId: number,
    exercise: string,
    kind: 'check' | 'run' | 'predict',
    status: 'pass' | 'fail',
    extra: { concepts?: string[]; difficulty?: number } = {},
  ) => {
    now += MIN;
    learner.recordAttempt({
      profileId,
      track: 'py',
      exercise,
      kind,
      status,
      testsPassed: 1,
      testsTotal: 2,
      ...extra,
    });
  };
  // Ada: variables on four graded attempts (two checks, a predict, and fizz, which is loops too);
  // a run of count, which is no evidence.
  attempt(ada, 'hello', 'check', 'fail');
  attempt(ada, 'hello', 'check', 'pass');
  attempt(ada, 'count', 'run', 'pass');
  attempt(ada, 'swap', 'predict', 'pass');
  attempt(ada, 'fizz', 'check', 'pass');
  const adaLastAttempt = now;
  // Cy: one generated practice problem on loops (not in the track: its concepts come with it).
  attempt(cy, 'gen-7', 'check', 'pass', { concepts: ['loops'], difficulty: 4 });
  const cyLastAttempt = now;
  const recorded = {
    ada: masteryRows(db, ada),
    adaAbility: new ModelRecords(db).learnerAbility(ada, 'py'),
    cy: masteryRows(db, cy),
    cyAbility: new ModelRecords(db).learnerAbility(cy, 'py'),
  };

  // Then the old placement: Ada placed above everything, Bo (no attempt at all) too, and Cy in
  // a second track whose concepts share ids with the first.
  for (const concept of ['variables', 'loops', 'functions']) oldPlacement(db, ada, 'py', concept, 1.6);
  oldPlacement(db, bo, 'py', 'variables', 1.6);
  oldPlacement(db, cy, 'js', 'loops', 1.6);
  abilityAsMigration0007Left(db, ada, 'py');
  abilityAsMigration0007Left(db, bo, 'py');
  abilityAsMigration0007Left(db, cy, 'js');
  db.close();
  return { file, ada, bo, cy, recorded, adaLastAttempt, cyLastAttempt };
}

describe('migration 0009 counts evidence from the attempts that exist', () => {
  it('the old rows claim evidence no attempt gave (the break this migration repairs)', () => {
    const old = oldDatabase();
    const db = openDatabase(old.file, BEFORE_FIX).db;
    const functions = masteryRows(db, old.ada).find((m) => m.concept === 'functions')!;
    expect(masteryFigure({ ...functions, updatedAt: functions.updated_at })).toMatchObject({
      evidence: 2,
      confidence: 'low',
    });
    expect(masteryFigure({ ...functions, updatedAt: functions.updated_at }).mastery).toBeGreaterThan(0.8);
    db.close();
  });

  it('gives each concept the evidence and last attempt the learner model recorded, and no more', () => {
    const old = oldDatabase();
    const { db } = openDatabase(old.file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const ada = masteryRows(db, old.ada);
    const recorded = new Map(old.recorded.ada.map((m) => [m.concept, m]));
    // As recorded before placement: variables on hello (checked twice), swap and fizz; loops on fizz.
    expect(ada.map((m) => [m.concept, m.evidence])).toEqual([
      ['functions', 0],
      ['loops', 1],
      ['variables', 3],
    ]);
    for (const m of ada.filter((m) => m.concept !== 'functions'))
      expect(m).toMatchObject({
        evidence: recorded.get(m.concept)!.evidence,
        updated_at: old.adaLastAttempt,
      });
    // What the placement did to the abilities stays, as today's placement leaves it.
    for (const m of ada) expect(m.ability).toBe(1.6);
    const functions = ada.find((m) => m.concept === 'functions')!;
    expect(functions.updated_at).toBe(0);

    // Reviews: only of concepts with evidence.
    const reviews = (profile: number) =>
      db
        .prepare('SELECT track, concept FROM review WHERE profile_id = ? ORDER BY track, concept')
        .all(profile);
    expect(reviews(old.ada)).toEqual([
      { track: 'py', concept: 'loops' },
      { track: 'py', concept: 'variables' },
    ]);
    expect(reviews(old.bo)).toEqual([]);
    expect(reviews(old.cy)).toEqual([]);

    // The general ability counts distinct exercises again (three for Ada, not 0007's sum of ten).
    const ability = new ModelRecords(db);
    expect(ability.learnerAbility(old.ada, 'py')?.evidence).toBe(old.recorded.adaAbility?.evidence);
    expect(ability.learnerAbility(old.ada, 'py')?.evidence).toBe(3);
    // A learner with no graded attempt in a track stands there as a new learner does.
    expect(ability.learnerAbility(old.bo, 'py')).toBeUndefined();
    expect(ability.learnerAbility(old.cy, 'js')).toBeUndefined();
    expect(ability.learnerAbility(old.cy, 'py')).toEqual(old.recorded.cyAbility);

    // Generated practice counts for its concept, in its own track only.
    expect(masteryRows(db, old.cy, 'py')).toEqual(old.recorded.cy);
    expect(masteryRows(db, old.cy, 'py')[0]).toMatchObject({ evidence: 1, updated_at: old.cyLastAttempt });
    expect(masteryRows(db, old.cy, 'js')[0]).toMatchObject({ concept: 'loops', evidence: 0, updated_at: 0 });

    // History is kept whole: every point the learner's chart drew is still there.
    expect(
      db
        .prepare('SELECT count(*) FROM mastery_history WHERE profile_id = ? AND attempt_id IS NULL')
        .pluck()
        .get(old.ada),
    ).toBe(3);
    db.close();
  });

  it('what the learner then sees: figures only where there are attempts, "not yet assessed" elsewhere', () => {
    const old = oldDatabase();
    const { db } = openDatabase(old.file);
    const learner = model(db, () => PLACED);
    const figures = new Map(learner.mastery(old.ada, 'py').map((m) => [m.concept, masteryFigure(m)]));
    expect(figures.get('functions')).toEqual({
      mastery: null,
      evidence: 0,
      lastSeen: null,
      confidence: 'none',
    });
    expect(figures.get('variables')).toMatchObject({ evidence: 3, lastSeen: old.adaLastAttempt });
    expect(figures.get('variables')?.mastery).toBeGreaterThan(0);
    for (const m of learner.mastery(old.bo, 'py'))
      expect(masteryFigure(m)).toMatchObject({ mastery: null, evidence: 0, confidence: 'none' });
    db.close();
  });

  it('a database that already counts evidence honestly is left as it was', () => {
    const old = oldDatabase();
    const db = openDatabase(old.file, BEFORE_FIX).db;
    // Undo the old placement's claims by hand: what is left is what the model recorded.
    db.exec('DELETE FROM mastery; DELETE FROM review; DELETE FROM learner_ability;');
    const insert = db.prepare(
      'INSERT INTO mastery (profile_id, track, concept, ability, mastery, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const m of old.recorded.ada)
      insert.run(old.ada, 'py', m.concept, m.ability, m.mastery, m.evidence, m.updated_at);
    db.close();
    const upgraded = openDatabase(old.file).db;
    expect(masteryRows(upgraded, old.ada)).toEqual(old.recorded.ada);
    upgraded.close();
  });
});
