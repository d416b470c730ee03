/**
 * The class view a teacher reads in a minute (decision 0040): one track at a time, a summary of
 * who is stuck, what is most missed and which kinds of failure are most common (with an example
 * of a learner's code), and the learners × exercises matrix. Built from the stored reports; what
 * it needs of the attempt lists is digested once, at import.
 */
import type { ClassView, ErrorKind, MatrixCell } from '../../../shared/api/calls/classes.ts';
import type { LocalizedText } from '../../../shared/content/schema.ts';
import type { ReportAttempt } from './report-schema.ts';
import type { StoredReport } from './class-merge.ts';

/**
 * "Stuck": at least this many failed checks since the learner's last pass in the track, all in
 * this many days before the report.
 */
export const STUCK_FAILED_CHECKS = 3;
export const STUCK_WINDOW_DAYS = 7;
const MOST_MISSED = 5;

export interface TrackDigest {
  track: string;
  /** Failed checks after the last pass, within the window. */
  recentFails: number;
  recentPasses: number;
  /** The exercise with the most of those failed checks. */
  stuckOn: string | null;
  /** Failed checks per kind, over all the report's attempts. */
  errors: Record<ErrorKind, number>;
}
export interface AttemptDigest {
  tracks: TrackDigest[];
}

export function digestAttempts(attempts: readonly ReportAttempt[], exportedAt: number): AttemptDigest {
  const since = exportedAt - STUCK_WINDOW_DAYS * 86_400_000;
  const tracks = new Map<string, TrackDigest & { fails: Map<string, number> }>();
  // In time order: a report's own order is not trusted for "since the last pass".
  const timed = attempts.map((a) => ({ a, t: Date.parse(a.at) })).sort((x, y) => x.t - y.t);
  for (const { a, t: at } of timed) {
    if (a.kind === 'run') continue;
    let t = tracks.get(a.track);
    if (!t)
      tracks.set(
        a.track,
        (t = {
          track: a.track,
          recentFails: 0,
          recentPasses: 0,
          stuckOn: null,
          errors: { error: 0, timeout: 0, fail: 0 },
          fails: new Map(),
        }),
      );
    if (a.status !== 'pass') t.errors[a.status]++;
    if (at < since) continue;
    if (a.status === 'pass') {
      t.recentPasses++;
      t.recentFails = 0;
      t.fails.clear();
    } else {
      t.recentFails++;
      t.fails.set(a.exercise, (t.fails.get(a.exercise) ?? 0) + 1);
    }
  }
  return {
    tracks: [...tracks.values()].map(({ fails, ...t }) => ({
      ...t,
      stuckOn: [...fails].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    })),
  };
}

/** What the class view reads of one learner's report for one track (table class_track_row). */
export interface TrackRow {
  lastActiveAt: string | null;
  total: number;
  /** [id, done, checks, failed checks, hints, solution shown, active ms] */
  exercises: [string, 0 | 1, number, number, number, 0 | 1, number][];
  /** [id, mastery or null] */
  concepts: [string, number | null][];
  /** Absent for reports stored before attempts were digested. */
  digest?: TrackDigest;
  /** The newest failed code of each kind in this track. */
  examples: { kind: ErrorKind; exercise: string; at: string; code: string }[];
}

/** One track's row of a stored report, and the titles it carries. */
export function trackRows(report: StoredReport): {
  track: string;
  row: TrackRow;
  titles: { item: string; title: LocalizedText }[];
}[] {
  return report.tracks.map((t) => {
    const examples = new Map<ErrorKind, TrackRow['examples'][number]>();
    for (const x of report.errorExamples ?? []) {
      const known = examples.get(x.kind);
      if (x.track === t.id && (!known || x.at > known.at))
        examples.set(x.kind, { kind: x.kind, exercise: x.exercise, at: x.at, code: x.code });
    }
    const digest = report.digest?.tracks.find((d) => d.track === t.id);
    return {
      track: t.id,
      row: {
        lastActiveAt: report.summary.lastActiveAt,
        total: t.exercisesTotal,
        exercises: t.exercises.map((e) => [
          e.id,
          e.completedAt !== null ? 1 : 0,
          e.checks,
          Math.max(0, e.checks - e.passes),
          e.hintsShown,
          e.solutionRevealed ? 1 : 0,
          e.activeMs,
        ]),
        concepts: t.concepts.map((c) => [c.id, c.mastery]),
        ...(digest && { digest }),
        examples: [...examples.values()],
      },
      titles: [
        ...(t.title ? [{ item: '', title: t.title }] : []),
        ...t.exercises.flatMap((e) => (e.title ? [{ item: `e:${e.id}`, title: e.title }] : [])),
        ...t.concepts.flatMap((c) => (c.title ? [{ item: `c:${c.id}`, title: c.title }] : [])),
      ],
    };
  });
}

export interface ViewOrder {
  /** The course's exercise and concept order, when the track is installed on this computer. */
  exercises?: readonly string[];
  concepts?: readonly string[];
}

const byOrder = (order: readonly string[] | undefined) => {
  const index = new Map(order?.map((id, i) => [id, i]));
  return (a: string, b: string) => (index.get(a) ?? Infinity) - (index.get(b) ?? Infinity);
};

export interface ViewLearner {
  key: string;
  name: string;
  studentId: string | null;
  verification: 'verified' | 'unsigned';
  exportedAt: number;
  row: TrackRow;
}

/** The view of one track: its learners' rows, the class's tracks (for the tabs) and titles. */
export function buildTrackView(input: {
  cls: { id: number; name: string };
  tracks: ClassView['tracks'];
  track: string | null;
  learners: readonly ViewLearner[];
  titles: ReadonlyMap<string, LocalizedText>;
  held: number;
  order?: ViewOrder | undefined;
}): ClassView {
  const { cls, tracks, track: shown, learners, titles, held, order } = input;
  const empty = { stuck: [], mostMissed: [], errorKinds: [], withoutAttempts: 0 };
  if (shown === null)
    return {
      ...cls,
      tracks: [],
      track: null,
      exercises: [],
      concepts: [],
      learners: [],
      summary: empty,
      held,
    };

  // Columns in the course's order; anything the course lacks (generated practice) after it.
  const exerciseIds: string[] = [];
  const conceptIds: string[] = [];
  const seenE = new Set<string>();
  const seenC = new Set<string>();
  for (const { row } of learners) {
    for (const [id] of row.exercises)
      if (!seenE.has(id)) {
        seenE.add(id);
        exerciseIds.push(id);
      }
    for (const [id] of row.concepts)
      if (!seenC.has(id)) {
        seenC.add(id);
        conceptIds.push(id);
      }
  }
  exerciseIds.sort(byOrder(order?.exercises));
  conceptIds.sort(byOrder(order?.concepts));
  const column = new Map(exerciseIds.map((id, i) => [id, i]));
  const conceptColumn = new Map(conceptIds.map((id, i) => [id, i]));

  const missed = exerciseIds.map((exercise) => ({ exercise, learners: 0, failedChecks: 0, done: 0 }));
  const kinds = new Map<
    ErrorKind,
    { checks: number; learners: number; example?: TrackRow['examples'][number] & { learner: string } }
  >();
  const stuck: ClassView['summary']['stuck'] = [];
  let withoutAttempts = 0;

  const rows = learners.map((l): ClassView['learners'][number] => {
    const cells: (MatrixCell | null)[] = new Array<MatrixCell | null>(exerciseIds.length).fill(null);
    let completed = 0;
    let activeMs = 0;
    let hints = 0;
    let revealed = 0;
    for (const [id, done, checks, failedChecks, h, shownSolution, ms] of l.row.exercises) {
      const i = column.get(id)!;
      cells[i] = [done, checks, failedChecks, h, shownSolution, ms];
      completed += done;
      activeMs += ms;
      hints += h;
      revealed += shownSolution;
      const m = missed[i]!;
      if (done) m.done++;
      else if (failedChecks > 0) m.learners++;
      m.failedChecks += failedChecks;
    }
    const mastery: (number | null)[] = new Array<number | null>(conceptIds.length).fill(null);
    for (const [id, m] of l.row.concepts) mastery[conceptColumn.get(id)!] = m;
    const digest = l.row.digest;
    let isStuck = false;
    if (!digest) withoutAttempts++;
    else {
      isStuck = digest.recentFails >= STUCK_FAILED_CHECKS;
      if (isStuck)
        stuck.push({ key: l.key, name: l.name, exercise: digest.stuckOn, failedChecks: digest.recentFails });
      for (const kind of ['error', 'timeout', 'fail'] as const)
        if (digest.errors[kind] > 0) {
          const k = kinds.get(kind) ?? { checks: 0, learners: 0 };
          k.checks += digest.errors[kind];
          k.learners++;
          kinds.set(kind, k);
        }
    }
    for (const x of l.row.examples) {
      const k = kinds.get(x.kind);
      if (k && (!k.example || x.at > k.example.at)) k.example = { ...x, learner: l.name };
    }
    return {
      key: l.key,
      name: l.name,
      studentId: l.studentId,
      verification: l.verification,
      exportedAt: new Date(l.exportedAt).toISOString(),
      lastActiveAt: l.row.lastActiveAt,
      completed,
      total: l.row.total,
      activeMs,
      hints,
      revealed,
      stuck: isStuck,
      cells,
      mastery,
    };
  });

  const titled = (prefix: string) => (id: string) => {
    const title = titles.get(`${prefix}${id}`);
    return { id, ...(title && { title }) };
  };
  return {
    ...cls,
    tracks,
    track: shown,
    exercises: exerciseIds.map(titled('e:')),
    concepts: conceptIds.map(titled('c:')),
    learners: rows,
    summary: {
      stuck: stuck.sort((a, b) => b.failedChecks - a.failedChecks || a.name.localeCompare(b.name)),
      mostMissed: missed
        .filter((m) => m.learners > 0)
        .sort((a, b) => b.learners - a.learners || b.failedChecks - a.failedChecks)
        .slice(0, MOST_MISSED),
      errorKinds: [...kinds]
        .map(([kind, { example, ...k }]) => ({
          kind,
          ...k,
          ...(example && {
            example: {
              learner: example.learner,
              exercise: example.exercise,
              at: example.at,
              code: example.code,
            },
          }),
        }))
        .sort((a, b) => b.checks - a.checks),
      withoutAttempts,
    },
    held,
  };
}
