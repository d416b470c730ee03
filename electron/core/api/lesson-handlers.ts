/**
 * Lessons: the track picker and overview, the lesson view (without the solution), drafts,
 * attempts, the authored hint ladder, revealing a solution, and content packs.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HandlersFor } from '../../../shared/api/dispatch.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { lessonCalls, LessonState } from '../../../shared/api/calls/lessons.ts';
import type { Curriculum } from '../curriculum/index.ts';
import type { ProgressStore } from '../learner/progress-store.ts';
import type { Logger } from '../logger.ts';
import type { NextStep } from '../learner/learner-model.ts';
import { toRecommendation } from './recommendation.ts';
import type { Verifier } from '../learner/verifier.ts';
import { toLessonExercise } from './lesson-exercise.ts';

export interface LessonDeps {
  curriculum: Curriculum;
  progress: ProgressStore;
  /** The profile whose records these are (created on first use). */
  profileId: () => number;
  /** Records a graded attempt through the learner model (mastery update) when there is one. */
  recordAttempt: (input: Parameters<ProgressStore['insertAttempt']>[0]) => void;
  /** Reaches the verdict an attempt is recorded with; the page's own result is only a claim. */
  verifier: Pick<Verifier, 'verify' | 'warm'>;
  log: Logger;
  choosePackPath?: () => Promise<string | null>;
  /** The learner model's next best step in a track; undefined when it does not know the track. */
  nextStep?: (trackId: string) => Promise<NextStep | undefined>;
}

/** Three failed checks, or every hint seen, and the solution is offered. */
export const FAILED_CHECKS_BEFORE_SOLUTION = 3;

export class LessonNotFoundError extends ReasonedError {
  constructor(trackId: string, exerciseId?: string) {
    super(
      exerciseId
        ? `There is no lesson "${exerciseId}" in the track "${trackId}".`
        : `There is no track "${trackId}".`,
      exerciseId
        ? { code: 'no-lesson', params: { track: trackId, lesson: exerciseId } }
        : { code: 'no-track', params: { track: trackId } },
    );
    this.name = 'LessonNotFoundError';
  }
}

export function lessonHandlers(deps: LessonDeps): HandlersFor<typeof lessonCalls> {
  const { curriculum, progress } = deps;

  async function lesson(trackId: string, exerciseId: string) {
    const view = await curriculum.exercise(trackId, exerciseId);
    if (!view) throw new LessonNotFoundError(trackId, exerciseId);
    return view;
  }

  function stateOf(
    trackId: string,
    exerciseId: string,
    hintCount: number,
    profileId = deps.profileId(),
  ): LessonState {
    const p = progress.exerciseProgress(profileId, trackId, exerciseId);
    const checks = p?.checks ?? 0;
    const failedChecks = checks - (p?.passes ?? 0);
    const hintsShown = p?.hintsShown ?? 0;
    return {
      checks,
      failedChecks,
      hintsShown,
      solutionRevealed: p?.solutionRevealed ?? false,
      completed: p?.completedAt != null,
      solutionAvailable:
        failedChecks >= FAILED_CHECKS_BEFORE_SOLUTION || (hintCount > 0 && hintsShown >= hintCount),
    };
  }

  return {
    async listTracks() {
      const tracks = await curriculum.tracks();
      return tracks.map((t) => ({
        ...t,
        completed: progress.completedExercises(deps.profileId(), t.id).length,
      }));
    },

    async getTrack({ trackId }) {
      const outline = await curriculum.track(trackId);
      if (!outline) throw new LessonNotFoundError(trackId);
      const done = new Set(progress.completedExercises(deps.profileId(), trackId));
      const units = outline.units.map((u) => ({
        ...u,
        lessons: u.lessons.map((l) => ({ ...l, done: done.has(l.id) })),
      }));
      const step = await deps.nextStep?.(trackId);
      const recommendation = step && toRecommendation(step, outline);
      const nextUp = recommendation
        ? recommendation.exercise
        : units.flatMap((u) => u.lessons).find((l) => !l.done)?.id;
      return {
        ...outline,
        completed: done.size,
        units,
        ...(nextUp ? { nextUp } : {}),
        ...(recommendation && { recommendation }),
      };
    },

    async openLesson({ trackId, exerciseId }) {
      const view = await lesson(trackId, exerciseId);
      const outline = await curriculum.track(trackId);
      const exercise = toLessonExercise(view.exercise, `learner-${deps.profileId()}`);
      const state = stateOf(trackId, exerciseId, exercise.hintCount);
      // Its first Check is re-run in the backend's sandbox: have that runtime loaded by then.
      if (exercise.type === 'exercise' || exercise.type === 'parsons')
        void deps.verifier.warm(exercise.language);
      const draft = progress.loadDraft(deps.profileId(), trackId, exerciseId);
      return {
        trackId,
        trackTitle: outline!.title,
        unitTitle: outline!.units.find((u) => u.id === view.unitId)?.title ?? outline!.title,
        exercise,
        ...(view.previous ? { previous: view.previous } : {}),
        ...(view.next ? { next: view.next } : {}),
        ...(draft !== undefined ? { draft } : {}),
        hints: view.exercise.hints.slice(0, state.hintsShown),
        state,
        ...(outline!.untranslated?.length ? { untranslated: outline!.untranslated } : {}),
      };
    },

    async getLessonState({ trackId, exerciseId }) {
      const { exercise } = await lesson(trackId, exerciseId);
      return stateOf(trackId, exerciseId, exercise.hints.length);
    },

    saveDraft({ trackId, exerciseId, code }) {
      progress.saveDraft(deps.profileId(), trackId, exerciseId, code);
      return { saved: true };
    },

    async recordAttempt(report) {
      const view = await lesson(report.trackId, report.exerciseId);
      // The learner who submitted it, even if another is chosen while it is being verified.
      const profileId = deps.profileId();
      const hintCount = view.exercise.hints.length;
      const before = stateOf(report.trackId, report.exerciseId, hintCount, profileId);
      const verdict = await deps.verifier.verify({
        profileId,
        track: report.trackId,
        exercise: view.exercise,
        kind: report.kind,
        code: report.code,
        claim: {
          ...(report.status ? { status: report.status } : {}),
          testsPassed: report.testsPassed,
          testsTotal: report.testsTotal,
        },
      });
      deps.recordAttempt({
        profileId,
        track: report.trackId,
        exercise: report.exerciseId,
        kind: report.kind,
        code: report.code,
        status: verdict.status,
        testsPassed: verdict.testsPassed,
        testsTotal: verdict.testsTotal,
        timeTakenMs: report.timeTakenMs,
        hintsShown: before.hintsShown,
        solutionRevealed: before.solutionRevealed,
      });
      // A predict/trace answer shown after a wrong one is a revealed solution: pasting it back
      // must count as a pass after the answer was shown, not an unaided one.
      if (verdict.reveal && verdict.status !== 'pass' && !before.solutionRevealed)
        progress.recordSolutionReveal(profileId, report.trackId, report.exerciseId);
      return { ...stateOf(report.trackId, report.exerciseId, hintCount, profileId), verdict };
    },

    async nextHint({ trackId, exerciseId }) {
      const { hints } = (await lesson(trackId, exerciseId)).exercise;
      const before = stateOf(trackId, exerciseId, hints.length);
      const hint = hints[before.hintsShown];
      if (hint)
        progress.recordHint(deps.profileId(), trackId, exerciseId, {
          level: before.hintsShown + 1,
          source: 'authored',
        });
      const state = stateOf(trackId, exerciseId, hints.length);
      return { ...(hint ? { hint } : {}), level: state.hintsShown, state };
    },

    async revealSolution({ trackId, exerciseId }) {
      const { exercise } = await lesson(trackId, exerciseId);
      const before = stateOf(trackId, exerciseId, exercise.hints.length);
      if (!before.solutionAvailable && !before.solutionRevealed) {
        throw new ReasonedError(
          `The solution is offered after ${FAILED_CHECKS_BEFORE_SOLUTION} failed checks or once every hint has been shown.`,
          { code: 'solution-not-yet', params: { count: FAILED_CHECKS_BEFORE_SOLUTION } },
        );
      }
      if (!exercise.solution)
        throw new ReasonedError('This step has no reference solution.', { code: 'no-solution' });
      if (!before.solutionRevealed) progress.recordSolutionReveal(deps.profileId(), trackId, exerciseId);
      return { solution: exercise.solution, state: stateOf(trackId, exerciseId, exercise.hints.length) };
    },

    async revealQuizAnswer({ trackId, exerciseId }) {
      const { exercise } = await lesson(trackId, exerciseId);
      if (exercise.type !== 'quiz')
        throw new ReasonedError(`"${exerciseId}" is not a quiz.`, {
          code: 'not-a-quiz',
          params: { lesson: exerciseId },
        });
      const before = stateOf(trackId, exerciseId, exercise.hints.length);
      // Offered after a wrong pick: a learner who has not tried yet is not given the answer.
      if (before.failedChecks === 0 && !before.completed)
        throw new ReasonedError('The right answer is shown after a wrong one has been picked.', {
          code: 'quiz-answer-not-yet',
        });
      if (!before.solutionRevealed && !before.completed)
        progress.recordSolutionReveal(deps.profileId(), trackId, exerciseId);
      const right = (exercise.choices ?? []).flatMap((choice, index) =>
        choice.correct ? [{ index, explanation: choice.explanation }] : [],
      );
      return { right, state: stateOf(trackId, exerciseId, exercise.hints.length) };
    },

    async markRead({ trackId, exerciseId }) {
      const { exercise } = await lesson(trackId, exerciseId);
      // Reading completes an explanation only; every other step is done by a verified pass.
      if (exercise.type !== 'explanation')
        throw new ReasonedError(`"${exerciseId}" is not an explanation: it is done when it is solved.`, {
          code: 'not-an-explanation',
          params: { lesson: exerciseId },
        });
      progress.markCompleted(deps.profileId(), trackId, exerciseId);
      return stateOf(trackId, exerciseId, exercise.hints.length);
    },

    heartbeat({ trackId, exerciseId }) {
      progress.heartbeat(deps.profileId(), {
        ...(trackId ? { track: trackId } : {}),
        ...(exerciseId ? { exercise: exerciseId } : {}),
      });
      return {};
    },

    async installPack({ source }) {
      if (source.kind === 'path') {
        const result = await curriculum.installPack(source.path);
        deps.log.info({ path: source.path, ok: result.ok }, 'pack install');
        return result;
      }
      // A zip picked in the browser: write it to a private temp file, install from there.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lantern-pack-'));
      const file = path.join(dir, path.basename(source.name).replace(/[^\w.-]/g, '_') || 'pack.zip');
      try {
        await fs.writeFile(file, Buffer.from(source.base64, 'base64'));
        const result = await curriculum.installPack(file);
        deps.log.info({ zip: source.name, ok: result.ok }, 'pack install');
        return result;
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },

    async removePack({ trackId }) {
      return { removed: await curriculum.removePack(trackId) };
    },

    async choosePackPath() {
      return { path: deps.choosePackPath ? await deps.choosePackPath() : null };
    },
  };
}
