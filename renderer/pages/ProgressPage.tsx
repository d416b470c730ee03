/**
 * The learner's progress: mastery per concept, exercises solved, active time, streak, hints,
 * recent activity and due reviews, and the report they export for their teacher.
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { Dashboard } from '../../shared/api/contract.ts';
import { MasteryChart } from '../progress/MasteryChart.tsx';
import { ActivityChart } from '../progress/ActivityChart.tsx';
import { DueReviews, HintsPerExercise, RecentActivity } from '../progress/ActivityLists.tsx';
import { ReportExport } from '../progress/ReportExport.tsx';
import { duration } from '../i18n/format.ts';
import '../progress/progress.css';
import { failureText } from '../i18n/failure.ts';
import { shownName } from '../i18n/learner-name.ts';

const isEmpty = (d: Dashboard) => d.recent.length === 0 && d.exercisesSolved === 0 && d.activeMs === 0;

export function ProgressPage() {
  const { t } = useTranslation();
  const { api } = useApp();
  // Another learner picked in the switcher (or data restored): show their progress instead.
  const dashboard = useData('dashboard', () => api.getDashboard({}), { refetchOn: { profileChanged: true } });
  const d = dashboard.value;

  return (
    <section className="page progress-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('progress.title')}</h1>
      {dashboard.error ? (
        <div className="status error" role="alert">
          {t('dashboard.loadFailed', { message: failureText(t, dashboard.error) })}{' '}
          <button type="button" onClick={() => void dashboard.reload()}>
            {t('dashboard.retry')}
          </button>
        </div>
      ) : !d ? (
        <p className="status" role="status">
          {t('dashboard.loading')}
        </p>
      ) : isEmpty(d) ? (
        <>
          <div className="card empty-state" data-testid="progress-empty">
            <h2>{t('dashboard.emptyTitle')}</h2>
            <p>{t('dashboard.emptyBody')}</p>
            <a className="button primary" href="#/learn">
              {t('dashboard.emptyAction')}
            </a>
          </div>
          {d.mastery.length > 0 ? <MasterySection d={d} /> : null}
        </>
      ) : (
        <Filled d={d} />
      )}
    </section>
  );
}

function Filled({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const hints = d.hintsPerExercise.reduce((s, h) => s + h.hints, 0);
  const stats: [string, string, string][] = [
    [t('dashboard.solved'), String(d.exercisesSolved), 'stat-solved'],
    [t('dashboard.activeTime'), duration(d.activeMs, t), 'stat-time'],
    [t('dashboard.streak'), String(d.streakDays), 'stat-streak'],
    [t('dashboard.hintsUsed'), String(hints), 'stat-hints'],
  ];
  return (
    <>
      <p className="lead">{t('dashboard.learnerLine', { name: shownName(t, d.learner) })}</p>
      <dl className="stat-cards" aria-label={t('dashboard.summaryLabel')}>
        {stats.map(([label, value, id]) => (
          <div key={id} className="stat-card">
            <dt>{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="progress-grid">
        <MasterySection d={d} />
        <section className="card wide" aria-labelledby="activity-title">
          <h2 id="activity-title">{t('dashboard.activityTitle')}</h2>
          <ActivityChart activity={d.activity} />
        </section>
        <section className="card" aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t('dashboard.reviewsTitle')}</h2>
          <DueReviews reviews={d.dueReviews} />
        </section>
        <section className="card" aria-labelledby="hints-title">
          <h2 id="hints-title">{t('dashboard.hintsTitle')}</h2>
          <HintsPerExercise hints={d.hintsPerExercise} />
        </section>
        <section className="card wide" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('dashboard.recentTitle')}</h2>
          <RecentActivity recent={d.recent} />
        </section>
      </div>
      <ReportExport />
    </>
  );
}

/** Mastery per concept of every track; concepts without evidence say "not yet assessed". */
function MasterySection({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const tracks = [...new Set(d.mastery.map((m) => m.track))];
  return (
    <section className="card wide" aria-labelledby="mastery-title">
      <h2 id="mastery-title">{t('dashboard.masteryTitle')}</h2>
      <p className="muted">{t('dashboard.masteryHint')}</p>
      <p className="muted">{t('learner.confidenceHelp')}</p>
      {tracks.map((track) => (
        <MasteryChart key={track} track={track} concepts={d.mastery.filter((m) => m.track === track)} />
      ))}
    </section>
  );
}
