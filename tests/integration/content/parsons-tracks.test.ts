/**
 * Parsons problems in the built-in tracks (issue 13, item 6): at least six in each, each with
 * distractors to leave out. Their code runs in builtin-tracks.test.ts with the rest of the track.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { validatePack } from '../../../electron/core/curriculum/validate.ts';
import type { LoadResult } from '../../../shared/content/load.ts';

const EXERCISES = fileURLToPath(new URL('../../../exercises/', import.meta.url));

describe.each(['python', 'javascript', 'typescript'])('the %s track', (track) => {
  test('has at least six Parsons problems, each with distractors to leave out', async () => {
    const report = await validatePack(EXERCISES + track, { strict: true, noRun: true });
    expect(report.errors).toEqual([]);
    const loaded = report.loaded as LoadResult;
    const parsons = [...loaded.exercises.values()].filter((l) => l.exercise.type === 'parsons');
    expect(parsons.length).toBeGreaterThanOrEqual(6);
    for (const { exercise, file } of parsons) expect(exercise.distractors?.length, file).toBeGreaterThan(0);
  });
});
