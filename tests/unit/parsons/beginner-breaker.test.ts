/**
 * Issue 13, item 6, checked on the built-in tracks as a beginner meets them: each has at least six
 * Parsons problems, and each sits where it scaffolds a construct — before the unit's first
 * exercise that asks the learner to write that construct from nothing.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { Curriculum, type TrackOutline } from '../../../electron/core/curriculum/index.ts';

const outlines = new Map<string, TrackOutline>();

beforeAll(async () => {
  const curriculum = new Curriculum({
    builtinDir: path.resolve(import.meta.dirname, '../../../exercises'),
    packsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-breaker-packs-')),
  });
  for (const id of ['python', 'javascript', 'typescript']) outlines.set(id, (await curriculum.track(id))!);
});

const parsonsIn = (track: string) =>
  outlines
    .get(track)!
    .units.flatMap((unit) => unit.lessons.filter((l) => l.type === 'parsons').map((l) => l.id));

describe('Parsons problems in the built-in tracks', () => {
  test.each(['python', 'javascript', 'typescript'])('the %s track has at least six', (track) => {
    expect(parsonsIn(track).length).toBeGreaterThanOrEqual(6);
  });

  /** Whether the unit's Parsons step comes before the unit's first exercise to write from nothing. */
  const beforeFirstExercise = (track: string, unitId: string) => {
    const unit = outlines.get(track)!.units.find((u) => u.id === unitId)!;
    const kinds = unit.lessons.map((l) => l.type);
    const firstToWrite = kinds.indexOf('exercise');
    return kinds.indexOf('parsons') < firstToWrite || firstToWrite < 0;
  };
  const unitsWithParsons = (track: string) =>
    outlines
      .get(track)!
      .units.filter((u) => u.lessons.some((l) => l.type === 'parsons'))
      .map((u) => u.id);

  test.each(['python', 'javascript'])(
    'in the %s track, past the first steps, each comes before its unit’s first exercise to write',
    (track) => {
      const units = unitsWithParsons(track).filter((id) => id !== 'first-steps');
      expect(units.length).toBeGreaterThanOrEqual(5);
      expect(units.filter((id) => !beforeFirstExercise(track, id))).toEqual([]);
    },
  );

  // The first-steps Parsons ("a full name": read two names into variables, join them, print)
  // comes before the first exercise that asks the learner to write a variable read with input()
  // (greet-input / js-greet-input), so it scaffolds that construct; it used to come after it.
  test.each(['python', 'javascript'])(
    'in the %s track the first-steps one comes before the first exercise that reads input',
    (track) => {
      const lessons = outlines.get(track)!.units.find((u) => u.id === 'first-steps')!.lessons;
      const ids = lessons.map((l) => l.id);
      const parsons = lessons.findIndex((l) => l.type === 'parsons');
      const greet = ids.findIndex((id) => /(^|-)greet-input$/.test(id));
      expect(greet).toBeGreaterThanOrEqual(0);
      expect(parsons).toBeLessThan(greet);
    },
  );
});
