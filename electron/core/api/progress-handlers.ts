/** The learner's progress dashboard and report export, for the current profile. */
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import type { Dashboard, progressCalls } from '../../../shared/api/calls/progress.ts';
import { DashboardQueries } from '../learner/dashboard.ts';
import type { ReportSources } from '../reports/build-report.ts';
import { reportFiles } from '../reports/report-files.ts';
import { GeneratedExerciseStore } from '../practice/store.ts';
import { masteryFigure } from '../../../shared/api/calls/learner.ts';

export interface ProgressDeps {
  /** The records, the learner model and the course maps a report is built from. */
  reports: ReportSources;
  /** Resolves once the course maps (concept titles, every concept of a track) have loaded. */
  contentReady: Promise<unknown>;
  profileId: () => number;
  /** Every installed track, so a learner sees the concepts they have not started as not yet assessed. */
  installedTracks?: () => Promise<string[]>;
}

export function progressHandlers(deps: ProgressDeps): HandlersFor<typeof progressCalls> {
  const src = deps.reports;
  const queries = new DashboardQueries(src.db, src.progress);
  const startedTracks = src.db.prepare(
    `SELECT track FROM exercise_progress WHERE profile_id = ?
     UNION SELECT track FROM mastery WHERE profile_id = ? ORDER BY track`,
  );

  /**
   * Every concept of each started track, then of every other installed track, from the model,
   * with titles from the content. A concept without evidence carries no percentage.
   */
  async function mastery(profileId: number): Promise<Dashboard['mastery']> {
    const stored = queries.dashboard(profileId).mastery;
    const started = (startedTracks.all(profileId, profileId) as { track: string }[]).map((r) => r.track);
    const installed = (await deps.installedTracks?.()) ?? [];
    const tracks = [...new Set([...started, ...installed])];
    return tracks.flatMap((track) => {
      const course = src.courseOf(track);
      if (!course) return stored.filter((m) => m.track === track);
      return src.model.mastery(profileId, track).map((m) => ({
        track,
        trackTitle: course.track.title,
        concept: m.concept,
        ...conceptTitle(track, m.concept),
        ...masteryFigure(m),
      }));
    });
  }

  const generated = new GeneratedExerciseStore(src.db);
  const exerciseTitle = (track: string, exercise: string) => {
    // A generated practice problem is not in the course; its title is stored with it.
    const title = src.courseOf(track)?.byId.get(exercise)?.title ?? generated.title(exercise);
    return title ? { title } : {};
  };
  const conceptTitle = (track: string, concept: string) => {
    const title = src.courseOf(track)?.track.concepts.find((c) => c.id === concept)?.title;
    return title ? { title } : {};
  };

  return {
    async getDashboard() {
      await deps.contentReady;
      const profileId = deps.profileId();
      const d = queries.dashboard(profileId, { mastery: await mastery(profileId) });
      return {
        learner: src.profiles.get(profileId)?.name ?? null,
        mastery: d.mastery,
        exercisesSolved: d.exercisesSolved,
        activeMs: d.activeMs,
        streakDays: d.streakDays,
        activity: d.activity,
        hintsPerExercise: d.hintsPerExercise.map((h) => ({ ...h, ...exerciseTitle(h.track, h.exercise) })),
        recent: d.recent.map((r) => ({ ...r, ...exerciseTitle(r.track, r.exercise) })),
        dueReviews: d.dueReviews.map((r) => ({ ...r, ...conceptTitle(r.track, r.concept) })),
      };
    },

    async exportReport({ format, locale }) {
      await deps.contentReady;
      return { files: reportFiles(src, deps.profileId(), [format], locale) };
    },
  };
}
