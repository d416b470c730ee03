/**
 * The Practice page: pick a track, "Practise my weak spots", and the problems already given.
 * Problems are prepared in the background; `jobDone` events refresh what is waiting.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeList } from '../../shared/api/calls/practice.ts';
import type { TrackCard } from '../../shared/api/calls/lessons.ts';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useReasonText } from '../components/learner/reason.ts';
import './practice.css';

const TRACK_KEY = 'lantern.practice.track';

export function PracticeHome() {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale, text } = useLocale();
  const reasonText = useReasonText();
  const trackSelect = useId();
  const [tracks, setTracks] = useState<TrackCard[]>([]);
  const [trackId, setTrackId] = useState<string>(() => localStorage.getItem(TRACK_KEY) ?? '');
  // Each track's latest list, and only the selected track's is shown: an answer for a track left
  // meanwhile (it may arrive after the new one's) put another track's weak spots under this one.
  const [lists, setLists] = useState<Record<string, PracticeList>>({});
  const list = lists[trackId] ?? null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.listTracks({}).then(
      (all) => {
        setTracks(all);
        setTrackId((id) => (all.some((tr) => tr.id === id) ? id : (all[0]?.id ?? '')));
      },
      (err: Error) => setError(err.message),
    );
  }, [api]);

  const refresh = useCallback(() => {
    if (!trackId) return;
    const asked = trackId;
    void api.listPractice({ trackId: asked, locale }).then(
      (answer) => setLists((all) => ({ ...all, [asked]: answer })),
      (err: Error) => setError(err.message),
    );
  }, [api, trackId, locale]);

  useEffect(() => {
    if (!trackId) return;
    localStorage.setItem(TRACK_KEY, trackId);
    refresh();
    // Have one problem ready per weak spot before the learner asks.
    void api.prefetchPractice({ trackId, locale }).catch(() => {});
  }, [api, trackId, locale, refresh]);

  // Another learner's list when the learner changes.
  useEffect(() => api.on('profileChanged', refresh), [api, refresh]);
  useEffect(
    () =>
      api.on('jobDone', ({ job }) => {
        if (job.startsWith(`practice:${trackId}:`)) refresh();
      }),
    [api, trackId, refresh],
  );

  const practise = async () => {
    setBusy(true);
    setError(null);
    try {
      const problem = await api.nextPractice({ trackId, locale });
      location.hash = href('practice', problem.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const waiting = list?.waiting.reduce((n, w) => n + w.count, 0) ?? 0;

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
            {tracks.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {text(tr.title)}
              </option>
            ))}
          </select>
        </div>
        {list && list.weakSpots.length > 0 && (
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
        )}
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
      {list && list.problems.length === 0 && <p className="muted">{t('practicePage.noProblems')}</p>}
      {list && list.problems.length > 0 && (
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
      )}
    </section>
  );
}
