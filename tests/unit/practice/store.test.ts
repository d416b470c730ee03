import { afterEach, describe, expect, test } from 'vitest';
import { GeneratedExerciseStore } from '../../../electron/core/practice/store.ts';
import { exerciseFromTemplate } from '../../../electron/core/practice/offline.ts';
import { schemaVersion } from '../../../electron/core/store/database.ts';
import { BUILTIN_TEMPLATES, tempDb } from './helpers.ts';

let cleanup = () => {};
afterEach(() => cleanup());

function setup() {
  const t = tempDb();
  cleanup = t.cleanup;
  return { db: t.db, store: new GeneratedExerciseStore(t.db) };
}

const make = (concept: string, seed: number) =>
  exerciseFromTemplate(BUILTIN_TEMPLATES.for('python', concept)[0]!, seed, 'python', 'python');

describe('stored generated exercises', () => {
  test('the migration brings the schema to version 4 or later', () => {
    const { db } = setup();
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
  });

  test('a stored exercise comes back in the same Exercise shape', () => {
    const { store } = setup();
    const exercise = make('loops', 1);
    store.save({
      exercise,
      track: 'python',
      concept: 'loops',
      locale: 'en',
      source: 'template',
      origin: 't',
    });
    expect(store.get(exercise.id)?.exercise).toEqual(exercise);
  });

  test('a ready exercise is served once, then no longer ready', () => {
    const { store } = setup();
    const exercise = make('loops', 1);
    store.save({
      exercise,
      track: 'python',
      concept: 'loops',
      locale: 'en',
      source: 'template',
      origin: 't',
    });
    expect(store.readyCount('python', 'loops', 'en')).toBe(1);
    expect(store.takeReady('python', ['loops'], 'en')?.servedAt).toBeTruthy();
    expect(store.takeReady('python', ['loops'], 'en')).toBeUndefined();
  });

  test('the weakest concept listed first is served first', () => {
    const { store } = setup();
    store.save({
      exercise: make('loops', 1),
      track: 'python',
      concept: 'loops',
      locale: 'en',
      source: 'template',
      origin: 't',
    });
    store.save({
      exercise: make('lists', 1),
      track: 'python',
      concept: 'lists',
      locale: 'en',
      source: 'template',
      origin: 't',
    });
    expect(store.takeReady('python', ['lists', 'loops'], 'en')?.concept).toBe('lists');
  });

  test('exercises asked in one language are not served in the other', () => {
    const { store } = setup();
    store.save({
      exercise: make('loops', 1),
      track: 'python',
      concept: 'loops',
      locale: 'zh',
      source: 'model',
      origin: 'm',
    });
    expect(store.takeReady('python', ['loops'], 'en')).toBeUndefined();
  });

  test('saving the same exercise twice keeps one row', () => {
    const { store } = setup();
    const exercise = make('loops', 1);
    const entry = {
      exercise,
      track: 'python',
      concept: 'loops',
      locale: 'en' as const,
      source: 'template' as const,
      origin: 't',
    };
    expect(store.save(entry)).toBe(true);
    expect(store.save(entry)).toBe(false);
  });
});
