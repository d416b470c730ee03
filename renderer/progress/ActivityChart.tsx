/** Active minutes per day over the last 30 days: a chart, then the same figures as a table. */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../shared/api/contract.ts';
import { dayLabel, minutes, uiLocale } from '../i18n/format.ts';

export function ActivityChart({ activity }: { activity: Dashboard['activity'] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const rows = activity.map((d) => ({
    day: d.day,
    label: dayLabel(d.day, locale),
    minutes: minutes(d.activeMs),
    attempts: d.attempts,
  }));
  const active = rows.filter((r) => r.minutes > 0 || r.attempts > 0);
  return (
    <>
      <figure className="chart" aria-label={t('dashboard.activityChartLabel')}>
        <div aria-hidden="true" style={{ height: 220 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ left: 0, right: 8, top: 8 }} accessibilityLayer={false}>
              <CartesianGrid vertical={false} className="chart-grid" />
              <XAxis dataKey="label" interval={4} />
              <YAxis allowDecimals={false} width={36} />
              <Legend />
              <Bar
                dataKey="minutes"
                name={t('dashboard.minutes')}
                className="bar-minutes"
                isAnimationActive={false}
              />
              <Bar
                dataKey="attempts"
                name={t('dashboard.attempts')}
                className="bar-attempts"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      {/* For screen readers, only the days with activity: thirty rows of zeros hide what matters. */}
      <table className="data-table visually-hidden" data-testid="activity-table">
        <caption>{t('dashboard.activityTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.day')}</th>
            <th scope="col">{t('dashboard.minutes')}</th>
            <th scope="col">{t('dashboard.attempts')}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((r) => (
            <tr key={r.day}>
              <th scope="row">{r.label}</th>
              <td>{r.minutes}</td>
              <td>{r.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
