/**
 * Fixtures for bench/storage.ts: a temp database with the real services, a realistic track
 * (12 concepts in a chain, 5 exercises each), and learners' code snapshots of realistic size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../electron/core/store/database.ts';
import { SettingsStore } from '../electron/core/store/settings.ts';
import { Profiles } from '../electron/core/learner/profiles.ts';
import { ProgressStore } from '../electron/core/learner/progress-store.ts';
import { LearnerModel, type RecordAttemptInput } from '../electron/core/learner/learner-model.ts';
import { ModelRecords } from '../electron/core/learner/model-records.ts';
import { buildCourseMap, type CourseExercise, type CourseMap } from '../electron/core/learner/course-map.ts';
import type { Track } from '../shared/content/schema.ts';

const text = (en: string) => ({ en, zh: en });
const CONCEPTS = Array.from({ length: 12 }, (_, i) => `concept-${i + 1}`);
export const EXERCISES: CourseExercise[] = CONCEPTS.flatMap((concept, c) =>
  Array.from({ length: 5 }, (_, i) => ({
    id: `${concept}-ex${i + 1}`,
    type: 'exercise' as const,
    concepts: [concept],
    difficulty: Math.min(10, 1 + Math.floor(c / 2) + i),
    title: text(`Exercise ${c + 1}.${i + 1}`),
  })),
);
const TRACK: Track = {
  id: 'python',
  title: text('Python'),
  description: text('Bench track'),
  language: 'python',
  concepts: CONCEPTS.map((id, i) => ({
    id,
    title: text(id),
    prerequisites: i === 0 ? [] : [CONCEPTS[i - 1]!],
  })),
  units: [{ id: 'all', title: text('All'), lessons: EXERCISES.map((e) => e.id) }],
};
export const COURSE: CourseMap = buildCourseMap(TRACK, EXERCISES);

export interface BenchStore {
  dir: string;
  file: string;
  db: Db;
  profiles: Profiles;
  progress: ProgressStore;
  model: LearnerModel;
  close(): void;
}

export function benchStore(name: string): BenchStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lantern-bench-${name}-`));
  const file = path.join(dir, 'lantern.db');
  const { db } = openDatabase(file);
  const profiles = new Profiles(db, new SettingsStore(db));
  const progress = new ProgressStore(db);
  const model = new LearnerModel(progress, new ModelRecords(db), (t) =>
    t === 'python' ? COURSE : undefined,
  );
  return {
    dir,
    file,
    db,
    profiles,
    progress,
    model,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A learner's program as they might check it: 15–40 lines, a little different each time. */
export function codeSnapshot(n: number): string {
  const lines = [
    `def solve(items, limit=${n % 97}):`,
    '    """Return the running totals below the limit."""',
  ];
  const body = 12 + (n % 28);
  for (let i = 0; i < body; i++) {
    const v = `value_${(n + i) % 13}`;
    lines.push(
      i % 4 === 0
        ? `    for ${v} in items[${i}:]:`
        : i % 4 === 1
          ? `        if ${v} > limit - ${(n * 7 + i) % 50}:`
          : i % 4 === 2
            ? `            total = total + ${v} * ${(n + i) % 9}`
            : `    print("step ${i}", total)  # attempt ${n}`,
    );
  }
  lines.push('    return total', '', `print(solve([${n % 10}, ${n % 7}, 3, 4]))`);
  return `${lines.join('\n')}\n`;
}

/** The n-th attempt of a learner working through the track, about one check every few minutes. */
export function attemptOf(profileId: number, n: number, start: number): RecordAttemptInput {
  const exercise = EXERCISES[Math.floor(n / 25) % EXERCISES.length]!;
  const pass = n % 5 === 4;
  return {
    profileId,
    track: 'python',
    exercise: exercise.id,
    kind: n % 3 === 0 ? 'run' : 'check',
    status: pass ? 'pass' : n % 7 === 0 ? 'error' : 'fail',
    code: codeSnapshot(n),
    testsPassed: pass ? 4 : n % 4,
    testsTotal: 4,
    timeTakenMs: 40 + (n % 200),
    hintsShown: n % 11 === 0 ? 1 : 0,
    at: start + n * 180_000,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))]!;
}

export function timeMs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
