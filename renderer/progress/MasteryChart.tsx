/**
 * Mastery per concept of one track: a bar chart for the eye (hidden from screen readers) and
 * the same figures as a table right after it, which screen readers read and print keeps. A
 * concept without evidence has no bar and says "not yet assessed".
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
import type { Dashboard } from '../../shared/api/contract.ts';
import { percent, titleOf, uiLocale } from '../i18n/format.ts';
import { MASTERED, MasteryTable } from '../components/learner/MasteryTable.tsx';

const ROW_PX = 30;

export function MasteryChart({ track, concepts }: { track: string; concepts: Dashboard['mastery'] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const trackName = titleOf(concepts[0]?.trackTitle, track, locale);
  // Only figures with evidence are drawn; the concepts without are named once, below the chart.
  const rows = concepts.flatMap((c) =>
    c.mastery === null
      ? []
      : [
          {
            id: c.concept,
            label: titleOf(c.title, c.concept, locale),
            value: percent(c.mastery),
            mastered: c.mastery >= MASTERED,
          },
        ],
  );
  const unassessed = concepts
    .filter((c) => c.mastery === null)
    .map((c) => titleOf(c.title, c.concept, locale));
  return (
    <div className="mastery-track">
      <h3>{trackName}</h3>
      {rows.length > 0 ? (
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
      ) : null}
      {unassessed.length > 0 ? (
        <p className="muted not-assessed-list" aria-hidden="true" data-testid={`not-assessed-${track}`}>
          {t('learner.notAssessedList', {
            concepts: unassessed.join(t('practicePage.listSeparator')),
          })}
        </p>
      ) : null}
      <MasteryTable
        caption={t('dashboard.masteryTableCaption', { track: trackName })}
        testId={`mastery-table-${track}`}
        rows={concepts.map((c) => ({
          id: c.concept,
          label: titleOf(c.title, c.concept, locale),
          mastery: c.mastery,
          evidence: c.evidence,
          lastSeen: c.lastSeen,
          confidence: c.confidence,
        }))}
      />
    </div>
  );
}
