/**
 * Mastery per concept of one track: a bar chart for the eye (hidden from screen readers) and
 * the same figures as a table right after it, which screen readers read and print keeps.
 */
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard } from '../../../shared/api/contract.ts';
import { percent, titleOf, uiLocale } from './format.ts';

const MASTERED = 0.8;
const ROW_PX = 30;

export function MasteryChart({ track, concepts }: { track: string; concepts: Dashboard['mastery'] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const trackName = titleOf(concepts[0]?.trackTitle, track, locale);
  const rows = concepts.map((c) => ({
    id: c.concept,
    label: titleOf(c.title, c.concept, locale),
    value: percent(c.mastery),
    evidence: c.evidence,
    mastered: c.mastery >= MASTERED,
  }));
  return (
    <div className="mastery-track">
      <h3>{trackName}</h3>
      <figure className="chart" aria-label={t('dashboard.masteryChartLabel', { track: trackName })}>
        <div aria-hidden="true" style={{ height: rows.length * ROW_PX + 40 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ left: 8, right: 32 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} className="chart-grid" />
              <XAxis type="number" domain={[0, 100]} unit="%" tickCount={6} />
              <YAxis type="category" dataKey="label" width={170} interval={0} />
              <ReferenceLine x={MASTERED * 100} className="chart-goal" strokeDasharray="4 3" />
              <Bar
                dataKey="value"
                isAnimationActive={false}
                label={{ position: 'right', formatter: (v: unknown) => `${String(v)}%` }}
              >
                {rows.map((r) => (
                  <Cell key={r.id} className={r.mastered ? 'bar-mastered' : 'bar-learning'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <table className="data-table" data-testid={`mastery-table-${track}`}>
        <caption>{t('dashboard.masteryTableCaption', { track: trackName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.concept')}</th>
            <th scope="col">{t('dashboard.mastery')}</th>
            <th scope="col">{t('dashboard.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>
                {r.value}
                {r.mastered ? ` · ${t('dashboard.mastered')}` : ''}
              </td>
              <td>{r.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
