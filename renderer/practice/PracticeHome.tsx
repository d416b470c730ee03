/**
 * The Practice page: pick a track, "Practise my weak spots", and the problems already given.
 * Problems are prepared in the background; `jobDone` events refresh what is waiting.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeList } from '../../shared/api/calls/practice.ts';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useReasonText } from '../components/learner/reason.ts';
import './practice.css';
import { failureText } from '../i18n/failure.ts';

const TRACK_KEY = 'lantern.practice.track';

export function PracticeHome() {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale, text } = useLocale();
  const trackSelect = useId();
  const tracks = useData('tracks', () => api.listTracks({}));
  const [chosen, setTrackId] = useState<string>(() => localStorage.getItem(TRACK_KEY) ?? '');
  // The track last chosen while it still exists, else the first.
  const all = tracks.value;
  const trackId = !all || all.some((tr) => tr.id === chosen) ? chosen : (all[0]?.id ?? '');
  // The chosen track's list alone: another track's weak spots are never shown under this one.
  const list = useData(trackId ? `practice-${trackId}` : null, () => api.listPractice({ trackId, locale }), {
    revision: locale,
    // Another learner's list when the learner changes; what is waiting when a problem is ready.
    refetchOn: { profileChanged: true, jobDone: ({ job }) => job.startsWith(`practice:${trackId}:`) },
  });
  const [busy, setBusy] = useState(false);
  const [actionError, setError] = useState<string | null>(null);
  const failed = list.error ?? tracks.error;
  const error = actionError ?? (failed ? failureText(t, failed) : undefined);

  useEffect(() => {
    if (!trackId) return;
    localStorage.setItem(TRACK_KEY, trackId);
    // Have one problem ready per weak spot before the learner asks.
    void api.prefetchPractice({ trackId, locale }).catch(() => {});
  }, [api, trackId, locale]);

  const practise = async () => {
    setBusy(true);
    setError(null);
    try {
      const problem = await api.nextPractice({ trackId, locale });
      location.hash = href('practice', problem.id);
    } catch (err) {
      setError(failureText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const waiting = list.value?.waiting.reduce((n, w) => n + w.count, 0) ?? 0;

  return (
    <section className="page practice-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('practice.title')}</h1>
      <p className="lead">{t('practice.intro')}</p>

      <div className="card practice-start">
        <div className="field">
          <label htmlFor={trackSelect}>{t('practicePage.track')}</label>
          <select
            id={trackSelect}
            value={trackId}
            onChange={(e) => setTrackId(e.target.value)}
            data-testid="practice-track"
          >
            {(all ?? []).map((tr) => (
              <option key={tr.id} value={tr.id}>
                {text(tr.title)}
              </option>
            ))}
          </select>
        </div>
        {list.value && <WeakSpots list={list.value} trackId={trackId} />}
        <div className="practice-go">
          <button
            type="button"
            className="primary"
            onClick={() => void practise()}
            disabled={busy || !trackId}
            data-testid="practice-weak"
          >
            {busy ? t('practicePage.preparing') : t('practicePage.practiseWeakSpots')}
          </button>
          <span className="practice-waiting" role="status" data-testid="practice-waiting">
            {waiting > 0 ? t('practicePage.waiting', { count: waiting }) : t('practicePage.noneWaiting')}
          </span>
        </div>
        {error && (
          <p className="status error" role="alert">
            {t('practicePage.failed', { message: error })}
          </p>
        )}
      </div>

      <h2 className="practice-list-title">{t('practicePage.yourProblems')}</h2>
      {list.value && <ProblemList list={list.value} />}
    </section>
  );
}

/** The concepts the learner is weakest in on this track, each with why it was picked. */
function WeakSpots({ list, trackId }: { list: PracticeList; trackId: string }) {
  const { t } = useTranslation();
  const { text } = useLocale();
  const reasonText = useReasonText();
  if (list.weakSpots.length === 0) return null;
  return (
    <div className="practice-weak" data-testid="practice-weak-spots" data-track={trackId}>
      <p>{t('learner.weakSpotsTitle')}</p>
      <ul>
        {list.weakSpots.map((w) => (
          <li key={w.concept} data-concept={w.concept} data-difficulty={w.difficulty}>
            <strong>
              {t('learner.weakSpotLine', {
                concept: w.conceptTitle ? text(w.conceptTitle) : w.concept,
                n: w.difficulty,
              })}
            </strong>
            <span className="muted"> — {reasonText(w.reason)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The problems already given on this track, solved ones marked. */
function ProblemList({ list }: { list: PracticeList }) {
  const { t } = useTranslation();
  const { text } = useLocale();
  if (list.problems.length === 0) return <p className="muted">{t('practicePage.noProblems')}</p>;
  return (
    <ul className="practice-list" data-testid="practice-list">
      {list.problems.map((p) => (
        <li key={p.id}>
          <a href={href('practice', p.id)}>{text(p.title)}</a>
          <span className="practice-meta">
            {p.conceptTitle ? text(p.conceptTitle) : p.concept} ·{' '}
            {t('practicePage.difficulty', { n: p.difficulty })}
          </span>
          {p.solved && <span className="badge done">{t('practicePage.solved')}</span>}
        </li>
      ))}
    </ul>
  );
}
