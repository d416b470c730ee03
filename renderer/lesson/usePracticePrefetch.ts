/**
 * Has a practice problem like this exercise ready for "More like this" (and, once a session per
 * track, one per weak spot for the Practice page); after the lesson's runner is up, so the work
 * does not slow its load.
 */
import { useEffect } from 'react';
import type { Language } from '../../shared/content/schema.ts';
import type { LanternApi } from '../../shared/api/contract.ts';
import { useApp } from '../app/context.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { runnerHost, runtimeOf } from '../runner/host.ts';

/**
 * Tracks whose weak spots were prefetched for the current learner in this session (the Practice
 * page refreshes them). Weak spots are a learner's own: another learner starts with none done.
 */
const weakSpotsPrefetched = new Set<string>();
let forgetsOnLearnerChange = false;

/** Empties the set whenever the learner changes, for the rest of the session. */
function forgetOnLearnerChange(api: LanternApi): void {
  if (forgetsOnLearnerChange) return;
  forgetsOnLearnerChange = true;
  api.on('profileChanged', () => weakSpotsPrefetched.clear());
}

/** `isExercise`: only an exercise in the editor has problems like it. */
export function usePracticePrefetch(
  trackId: string,
  exerciseId: string,
  language: Language,
  isExercise: boolean,
): void {
  const { api } = useApp();
  const { locale } = useLocale();
  const runtime = runtimeOf(language);
  useEffect(() => {
    forgetOnLearnerChange(api);
    if (!isExercise) return;
    let live = true;
    void runnerHost()
      .whenReady(runtime)
      .then(() => {
        if (!live) return;
        const weakSpots = !weakSpotsPrefetched.has(trackId);
        weakSpotsPrefetched.add(trackId);
        return api.prefetchPractice({ trackId, locale, exerciseId, weakSpots });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [api, trackId, locale, exerciseId, runtime, isExercise]);
}
