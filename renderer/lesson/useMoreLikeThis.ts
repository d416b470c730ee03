/**
 * "More like this": asks for a practice problem on the concepts of an exercise (a lesson's or a
 * practice problem's) and opens it. A ready one is usually waiting (prefetched), so it opens at
 * once; otherwise the button says it is preparing one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { failureText } from '../i18n/failure.ts';

export function useMoreLikeThis(trackId: string, exerciseId: string) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale } = useLocale();
  // Busy and failed for the exercise it was asked on: the page stays mounted when it opens the
  // next problem.
  const [busyFor, setBusyFor] = useState<string | null>(null);
  const [error, setError] = useState<{ on: string; message: string } | null>(null);
  const go = async () => {
    setBusyFor(exerciseId);
    setError(null);
    try {
      const next = await api.morePractice({ trackId, exerciseId, locale });
      location.hash = href('practice', next.id);
    } catch (err) {
      setError({ on: exerciseId, message: failureText(t, err) });
      setBusyFor(null);
    }
  };
  return { go, busy: busyFor === exerciseId, error: error?.on === exerciseId ? error.message : null };
}
