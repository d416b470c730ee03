/**
 * Test doubles for practice: a runner that decides pass or fail from markers in the code (so tests
 * need no sandbox), a catalog with a small track, and a fresh database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import type { PracticeCatalog, PracticeTrack } from '../../../electron/core/practice/catalog.ts';
import type { Exercise } from '../../../shared/content/schema.ts';
import { practiceTemplates } from '../../../electron/core/practice/templates/index.ts';

/**
 * Code containing "Write your code here" (every template starter) or "BROKEN" fails; "FLAKY"
 * passes on odd runs and fails on even ones; "SLOW" times out; anything else passes.
 */
export function markerRunner(): { run: (r: RunRequest) => Promise<RunResult>; requests: RunRequest[] } {
  const requests: RunRequest[] = [];
  let flaky = 0;
  const run = async (request: RunRequest): Promise<RunResult> => {
    requests.push(request);
    const code = request.code;
    let status: RunResult['status'] = 'pass';
    if (code.includes('SLOW')) status = 'timeout';
    else if (code.includes('Write your code here') || code.includes('BROKEN')) status = 'fail';
    else if (code.includes('FLAKY')) status = flaky++ % 2 === 0 ? 'pass' : 'fail';
    const test = {
      name: 'test_1',
      status: status === 'pass' ? ('pass' as const) : ('fail' as const),
      ...(status === 'pass' ? {} : { message: 'values differ', expected: '3', actual: 'None' }),
    };
    return {
      status,
      stdout: '',
      stderr: '',
      truncated: false,
      tests: status === 'timeout' ? [] : [test],
      durationMs: status === 'timeout' ? (request.timeLimitMs ?? 5000) : 12,
    };
  };
  return { run, requests };
}

export const PYTHON_CONCEPTS = [
  'output-variables',
  'numbers',
  'strings',
  'conditionals',
  'loops',
  'functions',
  'lists',
  'dictionaries',
  'tuples-sets',
  'comprehensions',
  'exceptions',
  'classes',
  'recursion',
  'searching-sorting',
];
export const JAVASCRIPT_CONCEPTS = [
  'values-types',
  'strings',
  'conditionals',
  'loops',
  'functions',
  'arrays',
  'objects',
  'destructuring',
  'classes',
  'errors',
  'closures',
  'async',
];

export function smallTrack(id: 'python' | 'javascript', exercises: Exercise[] = []): PracticeTrack {
  const concepts = id === 'python' ? PYTHON_CONCEPTS : JAVASCRIPT_CONCEPTS;
  return {
    id,
    language: id,
    concepts: concepts.map((c) => ({ id: c, title: { en: c, zh: c } })),
    exercises,
  };
}

export function catalogOf(...tracks: PracticeTrack[]): PracticeCatalog {
  return { track: async (id) => tracks.find((t) => t.id === id) };
}

export function tempDb(): { db: Db; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-practice-'));
  const { db } = openDatabase(path.join(dir, 'lantern.db'));
  return { db, cleanup: () => (db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** The built-in practice templates, read from the repository's exercises/practice-templates/. */
export const BUILTIN_TEMPLATES = practiceTemplates(
  path.resolve(import.meta.dirname, '../../../exercises/practice-templates'),
);
