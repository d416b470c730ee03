/**
 * A learner's own checked attempts as an attempts CSV (docs/attempts-csv.md), so
 * `lantern model evaluate` can replay them. Exercises and concepts are named `<track>/<id>`:
 * tracks may share ids, and the model keeps them apart (and keeps a general ability per track).
 * Generated practice is named `<track>/<id>#difficulty=<d>`: the app starts such a problem at the
 * difficulty it was generated at, and the replay reads it from the name (difficultyInId).
 */
import type { Db } from '../store/database.ts';
import type { CourseMap } from './course-map.ts';
import { attemptCsvLine, attemptsCsvHeader } from './attempts-csv.ts';

interface Row {
  track: string;
  exercise: string;
  status: string;
  tests_passed: number;
  tests_total: number;
  hints_shown: number;
  solution_revealed: number;
  created_at: number;
  generated_concept: string | null;
  generated_difficulty: number | null;
  generated_exercise: string | null;
}

export interface AttemptsExport {
  csv: string;
  written: number;
  /** Attempts whose exercise is no longer known (a removed pack): their concepts are unknown. */
  skipped: number;
}

export function exportAttemptsCsv(
  db: Db,
  profile: { id: number; name: string },
  courseOf: (track: string) => CourseMap | undefined,
): AttemptsExport {
  const rows = db
    .prepare(
      `SELECT a.track, a.exercise, a.status, a.tests_passed, a.tests_total, a.hints_shown,
              a.solution_revealed, a.created_at, g.concept AS generated_concept,
              g.difficulty AS generated_difficulty, g.exercise AS generated_exercise
       FROM attempt a LEFT JOIN generated_exercise g ON g.id = a.exercise AND g.track = a.track
       WHERE a.profile_id = ? AND a.kind IN ('check', 'predict', 'quiz')
       ORDER BY a.created_at, a.id`,
    )
    .all(profile.id) as Row[];
  const lines = [attemptsCsvHeader(true)];
  let skipped = 0;
  const generated = new Map<string, { concepts: string[]; difficulty: number | undefined }>();
  for (const r of rows) {
    const known = courseOf(r.track)?.byId.get(r.exercise);
    let name = `${r.track}/${r.exercise}`;
    let concepts = known?.concepts ?? [];
    if (!known && r.generated_concept !== null) {
      const key = `${r.track}\u0000${r.exercise}`;
      let g = generated.get(key);
      if (!g) generated.set(key, (g = generatedProblem(r)));
      concepts = g.concepts;
      if (g.difficulty !== undefined) name += `#difficulty=${g.difficulty}`;
    }
    if (!concepts.length) {
      skipped++;
      continue;
    }
    lines.push(
      attemptCsvLine(
        {
          learner: profile.name,
          exercise: name,
          concepts: concepts.map((c) => `${r.track}/${c}`),
          at: r.created_at,
          // Outcome 1 means a pass; a failed check whose tests all passed (an error after them) is not one.
          outcome:
            r.status === 'pass' ? 1 : r.tests_total > 0 ? Math.min(0.99, r.tests_passed / r.tests_total) : 0,
          hints: r.hints_shown,
          revealed: r.solution_revealed === 1,
        },
        true,
      ),
    );
  }
  return { csv: `${lines.join('\n')}\n`, written: lines.length - 1, skipped };
}

/**
 * A generated problem's concepts and difficulty as the app recorded its attempts with: those of
 * the stored exercise (practice-handlers.ts), else the concept and difficulty it was asked for.
 */
function generatedProblem(r: Row): { concepts: string[]; difficulty: number | undefined } {
  let stored: { concepts?: unknown; difficulty?: unknown } = {};
  try {
    stored = JSON.parse(r.generated_exercise ?? '{}') as typeof stored;
  } catch {
    // A damaged row: fall back to what was asked for.
  }
  const concepts =
    Array.isArray(stored.concepts) &&
    stored.concepts.length &&
    stored.concepts.every((c) => typeof c === 'string')
      ? (stored.concepts as string[])
      : [r.generated_concept!];
  const difficulty =
    typeof stored.difficulty === 'number' && Number.isFinite(stored.difficulty)
      ? stored.difficulty
      : (r.generated_difficulty ?? undefined);
  return { concepts, difficulty };
}
