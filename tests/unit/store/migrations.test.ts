/**
 * Upgrading keeps the data: for every migration, a database is made at the version before it,
 * filled with the records each earlier version could hold (written as that version's SQL), then
 * opened by this Lantern; every record must still be there and readable by today's code.
 *
 * A new migration needs a seed here too (the last test says so), so that the next one is tested
 * against data in the shape this one leaves.
 */
import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, schemaVersion, type Db } from '../../../electron/core/store/database.ts';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { LearnerSettings } from '../../../electron/core/learner/learner-settings.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { compressCode } from '../../../electron/core/learner/progress-records.ts';

const LATEST = MIGRATIONS.at(-1)!.version;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

interface Seed {
  /** Written right after this migration ran, in that version's schema. */
  afterVersion: number;
  write(db: Db): void;
  /** Checked on the fully upgraded database. */
  check(db: Db): void;
}

const T = 1_764_000_000_000;

const SEEDS: Seed[] = [
  {
    afterVersion: 1,
    write(db) {
      db.prepare(
        "INSERT INTO profile (id, name, created_at) VALUES (1, 'Ana', '2025-01-02T03:04:05.000Z')",
      ).run();
      db.prepare("INSERT INTO profile (id, name) VALUES (2, '小明')").run();
      db.prepare("INSERT INTO setting (key, value) VALUES ('app.settings', ?)").run(
        JSON.stringify({ language: 'zh', theme: 'dark', editorFontSize: 16 }),
      );
      db.prepare("INSERT INTO setting (key, value) VALUES ('currentProfileId', '2')").run();
    },
    check(db) {
      const settings = new SettingsStore(db);
      const profiles = new Profiles(db, settings);
      expect(profiles.list().map((p) => [p.id, p.name])).toEqual([
        [1, 'Ana'],
        [2, '小明'],
      ]);
      expect(profiles.get(1)?.createdAt).toBe('2025-01-02T03:04:05.000Z');
      expect(profiles.current()?.name).toBe('小明');
      expect(settings.get('app.settings')).toEqual({ language: 'zh', theme: 'dark', editorFontSize: 16 });
      // Migration 10: the machine's settings became each learner's own.
      const learners = new LearnerSettings(db, settings);
      for (const id of [1, 2])
        expect(learners.of(id)).toMatchObject({ language: 'zh', theme: 'dark', editorFontSize: 16 });
    },
  },
  {
    afterVersion: 2,
    write(db) {
      const attempt = db
        .prepare(
          `INSERT INTO attempt (profile_id, track, exercise, kind, code, status, tests_passed, tests_total,
             time_taken_ms, hints_shown, solution_revealed, generated, created_at)
           VALUES (2, 'python', 'hello', 'check', ?, 'pass', 3, 3, 120, 1, 0, 0, ?)`,
        )
        .run(compressCode('print("你好")\n'), T).lastInsertRowid;
      db.prepare(
        `INSERT INTO exercise_progress (profile_id, track, exercise, runs, checks, passes, hints_shown,
           solution_revealed, active_ms, first_at, last_at, completed_at)
         VALUES (2, 'python', 'hello', 2, 1, 1, 1, 0, 90000, ?, ?, ?)`,
      ).run(T - 60_000, T, T);
      db.prepare("INSERT INTO draft VALUES (2, 'python', 'loops', 'for i in range(3):', ?)").run(T);
      db.prepare(
        "INSERT INTO hint (profile_id, track, exercise, level, source, created_at) VALUES (2, 'python', 'hello', 1, 'authored', ?)",
      ).run(T);
      db.prepare("INSERT INTO activity_day VALUES (2, '2025-11-24', 90000, 3)").run();
      db.prepare("INSERT INTO mastery VALUES (2, 'python', 'output', 0.8, 0.69, 1, ?)").run(T);
      // The model writes a history point with the attempt for each concept it updates.
      db.prepare(
        "INSERT INTO mastery_history (profile_id, track, concept, mastery, attempt_id, created_at) VALUES (2, 'python', 'output', 0.69, ?, ?)",
      ).run(attempt, T);
      db.prepare("INSERT INTO review VALUES (2, 'python', 'output', 1.0, ?, 0, 0)").run(T + 86_400_000);
      db.prepare("INSERT INTO exercise_difficulty VALUES ('python', 'hello', -1.2, 4)").run();
    },
    check(db) {
      const progress = new ProgressStore(db);
      const [attempt] = progress.attempts(2);
      expect(attempt).toMatchObject({
        exercise: 'hello',
        code: 'print("你好")\n',
        status: 'pass',
        testsPassed: 3,
      });
      expect(progress.exerciseProgress(2, 'python', 'hello')).toMatchObject({
        runs: 2,
        passes: 1,
        activeMs: 90000,
        completedAt: T,
      });
      expect(progress.completedExercises(2, 'python')).toEqual(['hello']);
      expect(progress.loadDraft(2, 'python', 'loops')).toBe('for i in range(3):');
      expect(db.prepare('SELECT mastery FROM mastery WHERE profile_id = 2').pluck().get()).toBe(0.69);
      expect(db.prepare('SELECT due_at FROM review WHERE profile_id = 2').pluck().get()).toBe(T + 86_400_000);
      expect(db.prepare("SELECT attempts FROM activity_day WHERE day = '2025-11-24'").pluck().get()).toBe(3);
      expect(
        db.prepare("SELECT rating FROM exercise_difficulty WHERE exercise = 'hello'").pluck().get(),
      ).toBe(-1.2);
    },
  },
  {
    afterVersion: 3,
    write(db) {
      db.prepare(
        `INSERT INTO model_call (at, provider, model, purpose, input_tokens, output_tokens, latency_ms, outcome, cost_usd)
         VALUES ('2025-11-24T10:00:00.000Z', 'anthropic', 'claude-haiku-4-5', 'hint', 900, 120, 850, 'ok', 0.0015)`,
      ).run();
    },
    check(db) {
      expect(db.prepare('SELECT model, input_tokens, cost_usd FROM model_call').all()).toEqual([
        { model: 'claude-haiku-4-5', input_tokens: 900, cost_usd: 0.0015 },
      ]);
    },
  },
  {
    afterVersion: 4,
    write(db) {
      db.prepare(
        `INSERT INTO generated_exercise (id, track, concept, difficulty, locale, exercise, source, origin)
         VALUES ('gen-1', 'python', 'loops', 4, 'en', '{"id":"gen-1"}', 'template', 'sum-range')`,
      ).run();
    },
    check(db) {
      expect(db.prepare('SELECT id, concept, exercise, served_at FROM generated_exercise').all()).toEqual([
        { id: 'gen-1', concept: 'loops', exercise: '{"id":"gen-1"}', served_at: null },
      ]);
    },
  },
  {
    afterVersion: 5,
    write(db) {
      db.prepare(
        "UPDATE profile SET signing_private_key = x'0102', signing_public_key = x'0304', placed_at = ? WHERE id = 2",
      ).run(T);
      const given = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
      given.run('practice.given.2', JSON.stringify(['gen-1', 'gen-2']));
      // A deleted learner's list, and one that is not a list.
      given.run('practice.given.7', JSON.stringify(['gen-9']));
      given.run('practice.given.1', JSON.stringify({ not: 'a list' }));
    },
    check(db) {
      expect(
        db.prepare('SELECT signing_private_key AS k, placed_at AS p FROM profile WHERE id = 2').get(),
      ).toEqual({ k: Buffer.from([1, 2]), p: T });
      expect(db.prepare('SELECT profile_id, exercise FROM practice_given ORDER BY seq DESC').all()).toEqual([
        { profile_id: 2, exercise: 'gen-1' },
        { profile_id: 2, exercise: 'gen-2' },
      ]);
      expect(db.prepare("SELECT count(*) FROM setting WHERE key LIKE 'practice.given.%'").pluck().get()).toBe(
        0,
      );
      // Ids are never used twice: the newest learner deleted, the next one gets a new id.
      const profiles = new Profiles(db, new SettingsStore(db));
      profiles.delete(2);
      expect(db.prepare('SELECT count(*) FROM attempt WHERE profile_id = 2').pluck().get()).toBe(0);
      expect(profiles.create('Next learner').id).toBe(3);
    },
  },
  {
    afterVersion: 6,
    write(db) {
      const mastery = db.prepare('INSERT INTO mastery VALUES (1, ?, ?, ?, ?, ?, ?)');
      mastery.run('python', 'output', 1.0, 0.7, 3, T);
      mastery.run('python', 'loops', -1.0, 0.3, 1, T + 1);
      // The checked attempts that evidence rests on, each with its history point.
      const attempt = db.prepare(
        "INSERT INTO attempt (profile_id, track, exercise, kind, status, created_at) VALUES (1, 'python', ?, 'check', 'pass', ?)",
      );
      const history = db.prepare(
        "INSERT INTO mastery_history (profile_id, track, concept, mastery, attempt_id, created_at) VALUES (1, 'python', ?, 0.5, ?, ?)",
      );
      for (const [exercise, concept, at] of [
        ['hello', 'output', T - 2],
        ['hello', 'output', T - 1],
        ['greet', 'output', T],
        ['count', 'loops', T + 1],
      ] as const)
        history.run(concept, attempt.run(exercise, at).lastInsertRowid, at);
    },
    check(db) {
      // The general ability starts from the concepts: (1 × 3 − 1 × 1) / (3 + 1 + 1).
      const row = db
        .prepare(
          "SELECT ability, evidence, updated_at FROM learner_ability WHERE profile_id = 1 AND track = 'python'",
        )
        .get() as { ability: number; evidence: number; updated_at: number };
      expect(row.ability).toBeCloseTo(0.4, 12);
      // Migration 9 then counts its evidence again: three distinct exercises (hello was checked twice).
      expect(row).toMatchObject({ evidence: 3, updated_at: T + 1 });
      expect(
        db.prepare("SELECT count(*) FROM mastery WHERE profile_id = 1 AND track = 'python'").pluck().get(),
      ).toBe(2);
    },
  },
  {
    afterVersion: 7,
    write(db) {
      db.prepare("INSERT INTO class (id, name, created_at) VALUES (1, '7B Python', ?)").run(T);
      const learner = db.prepare(
        `INSERT INTO class_learner (class_id, learner_key, name, exported_at, verification, exercises_completed,
           exercises_total, active_ms, hints, last_active, report, imported_at)
         VALUES (1, ?, ?, ?, ?, 1, 9, 1000, 0, NULL, x'00', ?)`,
      );
      learner.run('key:0123456789abcdef', 'Ada', T, 'verified', T + 1);
      learner.run('name:bo', 'Bo', T, 'unsigned', T + 2);
    },
    check(db) {
      // The key each signed learner was recognised by becomes the key pinned for them.
      expect(db.prepare('SELECT learner_key, key, accepted_at FROM class_learner_key').all()).toEqual([
        { learner_key: 'key:0123456789abcdef', key: '0123456789abcdef', accepted_at: T + 1 },
      ]);
      expect(db.prepare('SELECT code, units FROM class WHERE id = 1').get()).toEqual({
        code: null,
        units: '[]',
      });
      expect(db.prepare('SELECT count(*) FROM class_learner WHERE student_id IS NULL').pluck().get()).toBe(2);
    },
  },
  {
    afterVersion: 8,
    write(db) {
      // What the placement before decision 0029 left: evidence 2 with no attempt behind it
      // ('variables'), or raised to 2 over one checked attempt ('functions'); a history point
      // without an attempt, a first review; and 0007's general ability summed from that evidence.
      const placed = T + 10_000;
      const attempt = db
        .prepare(
          "INSERT INTO attempt (profile_id, track, exercise, kind, status, created_at) VALUES (1, 'javascript', 'add', 'check', 'pass', ?)",
        )
        .run(T + 5_000).lastInsertRowid;
      const history = db.prepare(
        "INSERT INTO mastery_history (profile_id, track, concept, mastery, attempt_id, created_at) VALUES (1, 'javascript', ?, ?, ?, ?)",
      );
      history.run('functions', 0.6, attempt, T + 5_000);
      const mastery = db.prepare("INSERT INTO mastery VALUES (1, 'javascript', ?, 1.6, 0.83, 2, ?)");
      const review = db.prepare("INSERT INTO review VALUES (1, 'javascript', ?, 1.0, ?, 0, 0)");
      for (const concept of ['variables', 'functions']) {
        mastery.run(concept, placed);
        history.run(concept, 0.83, null, placed);
        review.run(concept, placed + 86_400_000);
      }
      db.prepare("INSERT INTO learner_ability VALUES (1, 'javascript', 1.28, 4, ?)").run(placed);
      db.prepare(
        "INSERT INTO enrolment VALUES (1, 'c0de', '7B Python', 'MCowBQYDK2VwAyEA', '[]', 's-042', ?)",
      ).run(T);
    },
    check(db) {
      expect(
        db
          .prepare(
            "SELECT concept, ability, evidence, updated_at FROM mastery WHERE profile_id = 1 AND track = 'javascript' ORDER BY concept",
          )
          .all(),
      ).toEqual([
        { concept: 'functions', ability: 1.6, evidence: 1, updated_at: T + 5_000 },
        { concept: 'variables', ability: 1.6, evidence: 0, updated_at: 0 },
      ]);
      expect(
        db.prepare("SELECT concept FROM review WHERE profile_id = 1 AND track = 'javascript'").pluck().all(),
      ).toEqual(['functions']);
      expect(
        db
          .prepare("SELECT evidence FROM learner_ability WHERE profile_id = 1 AND track = 'javascript'")
          .pluck()
          .get(),
      ).toBe(1);
      expect(
        db.prepare("SELECT count(*) FROM mastery_history WHERE track = 'javascript'").pluck().get(),
      ).toBe(3);
      expect(db.prepare('SELECT class_code, student_id FROM enrolment WHERE profile_id = 1').get()).toEqual({
        class_code: 'c0de',
        student_id: 's-042',
      });
    },
  },
  {
    afterVersion: 9,
    write(db) {
      // A machine-wide setting: the tutor's provider and budget are the machine's, not a learner's.
      db.prepare("INSERT INTO setting (key, value) VALUES ('tutor.settings', ?)").run(
        JSON.stringify({ provider: 'bedrock', region: 'eu-west-1', monthlyBudgetUsd: 3 }),
      );
    },
    check(db) {
      const settings = new SettingsStore(db);
      expect(settings.get('tutor.settings')).toEqual({
        provider: 'bedrock',
        region: 'eu-west-1',
        monthlyBudgetUsd: 3,
      });
      expect(Object.keys(new LearnerSettings(db, settings).of(1)).sort()).toEqual([
        'editorFontSize',
        'language',
        'lessonLayout',
        'theme',
      ]);
    },
  },
  {
    afterVersion: 10,
    write(db) {
      // Ana's own lesson layout, after migration 10 made settings each learner's.
      const lessonLayout = { prose: 30, editor: 60 };
      db.prepare('UPDATE profile SET settings = ? WHERE id = 1').run(
        JSON.stringify({ language: 'zh', theme: 'dark', editorFontSize: 16, lessonLayout }),
      );
    },
    check(db) {
      const settings = new SettingsStore(db);
      expect(new LearnerSettings(db, settings).of(1).lessonLayout).toEqual({ prose: 30, editor: 60 });
      // Migration 11: names someone typed stay theirs.
      expect(new Profiles(db, settings).get(1)?.name).toBe('Ana');
    },
  },
];

function databaseAt(version: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-migrate-'));
  dirs.push(dir);
  const file = path.join(dir, 'lantern.db');
  // Step through the versions as successive releases would, seeding what each could hold.
  for (let v = 1; v <= version; v++) {
    const { db } = openDatabase(file, MIGRATIONS.slice(0, v));
    for (const seed of SEEDS.filter((s) => s.afterVersion === v)) seed.write(db);
    db.close();
  }
  return file;
}

describe('upgrading keeps the data', () => {
  for (const m of MIGRATIONS.filter((m) => m.version > 1)) {
    test(`from version ${m.version - 1} through migration ${m.version} (${m.name}) to ${LATEST}`, () => {
      const file = databaseAt(m.version - 1);
      const { db } = openDatabase(file);
      try {
        expect(schemaVersion(db)).toBe(LATEST);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        for (const seed of SEEDS.filter((s) => s.afterVersion < m.version)) seed.check(db);
      } finally {
        db.close();
      }
    });
  }

  test('opening an up-to-date database again changes nothing', () => {
    const file = databaseAt(LATEST);
    const { db } = openDatabase(file);
    try {
      for (const seed of SEEDS) seed.check(db);
    } finally {
      db.close();
    }
  });

  test('every migration but the newest has seed data, so the next upgrade is tested with it', () => {
    const seeded = new Set(SEEDS.map((s) => s.afterVersion));
    const unseeded = MIGRATIONS.filter((m) => m.version < LATEST && !seeded.has(m.version)).map(
      (m) => m.version,
    );
    expect(unseeded, 'add a seed for these versions to tests/unit/store/migrations.test.ts').toEqual([]);
  });
});
