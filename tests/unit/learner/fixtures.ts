/** Small, real-shaped fixtures for the learner tests: a temp database and a three-concept track. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import {
  buildCourseMap,
  type CourseExercise,
  type CourseMap,
} from '../../../electron/core/learner/course-map.ts';
import type { Track } from '../../../shared/content/schema.ts';

export function tempDir(prefix = 'lantern-learner-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDatabase(): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'lantern.db');
  return { db: openDatabase(file).db, file, dir };
}

export function addProfile(db: Db, name: string): number {
  return Number(db.prepare('INSERT INTO profile (name) VALUES (?)').run(name).lastInsertRowid);
}

const text = (en: string) => ({ en, zh: en });

export const TRACK: Track = {
  id: 'py',
  title: text('Python'),
  description: text('A small track'),
  language: 'python',
  concepts: [
    { id: 'variables', title: { en: 'Variables', zh: '变量' }, prerequisites: [] },
    { id: 'loops', title: { en: 'Loops', zh: '循环' }, prerequisites: ['variables'] },
    { id: 'functions', title: { en: 'Functions', zh: '函数' }, prerequisites: ['loops'] },
  ],
  units: [
    { id: 'basics', title: text('Basics'), lessons: ['intro', 'hello', 'sum', 'swap'] },
    { id: 'more', title: text('More'), lessons: ['count', 'while-sum', 'fizz', 'def-add', 'recursive'] },
  ],
};

export const EXERCISES: CourseExercise[] = [
  { id: 'intro', type: 'explanation', concepts: ['variables'], difficulty: 1 },
  { id: 'hello', type: 'exercise', concepts: ['variables'], difficulty: 1 },
  { id: 'sum', type: 'exercise', concepts: ['variables'], difficulty: 2 },
  { id: 'swap', type: 'predict', concepts: ['variables'], difficulty: 3 },
  { id: 'count', type: 'exercise', concepts: ['loops'], difficulty: 3 },
  { id: 'while-sum', type: 'exercise', concepts: ['loops'], difficulty: 5 },
  { id: 'fizz', type: 'exercise', concepts: ['loops', 'variables'], difficulty: 6 },
  { id: 'def-add', type: 'exercise', concepts: ['functions'], difficulty: 5 },
  { id: 'recursive', type: 'exercise', concepts: ['functions'], difficulty: 8 },
];

export const COURSE: CourseMap = buildCourseMap(TRACK, EXERCISES);
