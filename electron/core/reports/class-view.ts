/**
 * The class view a teacher reads in a minute (decision 0040): one track at a time, a summary of
 * who is stuck, what is most missed and which kinds of failure are most common (with an example
 * of a learner's code), and the learners × exercises matrix. Built from the stored reports; what
 * it needs of the attempt lists is digested once, at import.
 */
import type { ClassView, ErrorKind, MatrixCell } from '../../../shared/api/calls/classes.ts';
import type { ReportAttempt } from './report-schema.ts';
import type { LearnerRow, StoredReport } from './classes.ts';

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

export interface ViewOrder {
  /** The course's exercise and concept order, when the track is installed on this computer. */
  exercises?: readonly string[];
  concepts?: readonly string[];
}

const byOrder = (order: readonly string[] | undefined) => {
  const index = new Map(order?.map((id, i) => [id, i]));
  return (a: string, b: string) => (index.get(a) ?? Infinity) - (index.get(b) ?? Infinity);
};

export function buildClassView(
  cls: { id: number; name: string },
  learners: readonly { row: LearnerRow; report: StoredReport }[],
  held: number,
  track: string | undefined,
  orderOf: (track: string) => ViewOrder | undefined = () => undefined,
): ClassView {
  const tracks = new Map<string, ClassView['tracks'][number]>();
  for (const { report } of learners)
    for (const t of report.tracks) {
      const known = tracks.get(t.id);
      if (known) known.learners++;
      else tracks.set(t.id, { id: t.id, ...(t.title && { title: t.title }), learners: 1 });
    }
  const trackList = [...tracks.values()].sort((a, b) => a.id.localeCompare(b.id));
  const shown = track && tracks.has(track) ? track : (trackList[0]?.id ?? null);
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

  const inTrack = learners.flatMap(({ row, report }) => {
    const t = report.tracks.find((x) => x.id === shown);
    return t ? [{ row, report, t, digest: report.digest?.tracks.find((d) => d.track === shown) }] : [];
  });
  const order = orderOf(shown);
  // Columns in the course's order; anything the course lacks (generated practice) after it.
  const exerciseIds: string[] = [];
  const exerciseTitle = new Map<string, ClassView['exercises'][number]>();
  const conceptIds: string[] = [];
  const conceptTitle = new Map<string, ClassView['concepts'][number]>();
  for (const { t } of inTrack) {
    for (const e of t.exercises)
      if (!exerciseTitle.has(e.id)) {
        exerciseIds.push(e.id);
        exerciseTitle.set(e.id, { id: e.id, ...(e.title && { title: e.title }) });
      }
    for (const c of t.concepts)
      if (!conceptTitle.has(c.id)) {
        conceptIds.push(c.id);
        conceptTitle.set(c.id, { id: c.id, ...(c.title && { title: c.title }) });
      }
  }
  exerciseIds.sort(byOrder(order?.exercises));
  conceptIds.sort(byOrder(order?.concepts));
  const column = new Map(exerciseIds.map((id, i) => [id, i]));
  const conceptColumn = new Map(conceptIds.map((id, i) => [id, i]));

  const missed = exerciseIds.map((exercise) => ({ exercise, learners: 0, failedChecks: 0, done: 0 }));
  const kinds = new Map<ErrorKind, { checks: number; learners: number }>();
  const stuck: ClassView['summary']['stuck'] = [];
  let withoutAttempts = 0;

  const rows = inTrack.map(({ row, report, t, digest }) => {
    const cells: (MatrixCell | null)[] = exerciseIds.map(() => null);
    let completed = 0;
    let activeMs = 0;
    let hints = 0;
    let revealed = 0;
    for (const e of t.exercises) {
      const i = column.get(e.id)!;
      const done = e.completedAt !== null;
      const failedChecks = Math.max(0, e.checks - e.passes);
      cells[i] = {
        done,
        checks: e.checks,
        failedChecks,
        hints: e.hintsShown,
        revealed: e.solutionRevealed,
        activeMs: e.activeMs,
      };
      completed += done ? 1 : 0;
      activeMs += e.activeMs;
      hints += e.hintsShown;
      revealed += e.solutionRevealed ? 1 : 0;
      const m = missed[i]!;
      if (done) m.done++;
      else if (failedChecks > 0) m.learners++;
      m.failedChecks += failedChecks;
    }
    const mastery: (number | null)[] = conceptIds.map(() => null);
    for (const c of t.concepts) mastery[conceptColumn.get(c.id)!] = c.mastery;
    let isStuck = false;
    if (!digest) withoutAttempts++;
    else {
      isStuck = digest.recentFails >= STUCK_FAILED_CHECKS;
      if (isStuck)
        stuck.push({
          key: row.learner_key,
          name: row.name,
          exercise: digest.stuckOn,
          failedChecks: digest.recentFails,
        });
      for (const kind of ['error', 'timeout', 'fail'] as const)
        if (digest.errors[kind] > 0) {
          const k = kinds.get(kind) ?? { checks: 0, learners: 0 };
          k.checks += digest.errors[kind];
          k.learners++;
          kinds.set(kind, k);
        }
    }
    return {
      key: row.learner_key,
      name: row.name,
      studentId: row.student_id,
      verification: row.verification,
      exportedAt: new Date(row.exported_at).toISOString(),
      lastActiveAt: report.summary.lastActiveAt,
      completed,
      total: t.exercisesTotal,
      activeMs,
      hints,
      revealed,
      stuck: isStuck,
      cells,
      mastery,
    };
  });

  const errorKinds = [...kinds].map(([kind, k]) => {
    let example: ClassView['summary']['errorKinds'][number]['example'];
    for (const { row, report } of inTrack)
      for (const x of report.errorExamples ?? [])
        if (x.track === shown && x.kind === kind && (!example || x.at > example.at))
          example = { learner: row.name, exercise: x.exercise, at: x.at, code: x.code };
    return { kind, ...k, ...(example && { example }) };
  });

  return {
    ...cls,
    tracks: trackList,
    track: shown,
    exercises: exerciseIds.map((id) => exerciseTitle.get(id)!),
    concepts: conceptIds.map((id) => conceptTitle.get(id)!),
    learners: rows,
    summary: {
      stuck: stuck.sort((a, b) => b.failedChecks - a.failedChecks || a.name.localeCompare(b.name)),
      mostMissed: missed
        .filter((m) => m.learners > 0)
        .sort((a, b) => b.learners - a.learners || b.failedChecks - a.failedChecks)
        .slice(0, MOST_MISSED),
      errorKinds: errorKinds.sort((a, b) => b.checks - a.checks),
      withoutAttempts,
    },
    held,
  };
}
