/**
 * Mastery per concept as a table, for the learner's Progress page and the teacher's drill-down
 * alike: each figure with its confidence, the checked attempts behind it and when the concept was
 * last checked; a concept without evidence says "not yet assessed" instead of a percentage.
 */
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../../shared/api/contract.ts';
import { dateOnly, percent, uiLocale } from '../../i18n/format.ts';

export const MASTERED = 0.8;

export interface MasteryRow {
  id: string;
  label: string;
  mastery: number | null;
  evidence: number;
  /** Epoch ms or an ISO time (reports), or null. */
  lastSeen: number | string | null;
  confidence: Confidence;
}

export function MasteryTable({
  caption,
  rows,
  testId,
}: {
  caption: string;
  rows: MasteryRow[];
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  return (
    <table className="data-table mastery-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.concept')}</th>
          <th scope="col">{t('dashboard.mastery')}</th>
          <th scope="col" title={t('learner.confidenceHelp')}>
            {t('learner.confidenceColumn')}
          </th>
          <th scope="col">{t('dashboard.evidence')}</th>
          <th scope="col">{t('learner.lastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-concept={r.id} data-assessed={r.mastery !== null}>
            <th scope="row">{r.label}</th>
            {r.mastery === null ? (
              <td className="not-assessed">{t('learner.notAssessed')}</td>
            ) : (
              <td>
                {percent(r.mastery)}
                {r.mastery >= MASTERED ? ` · ${t('dashboard.mastered')}` : ''}
              </td>
            )}
            <td className={`confidence confidence-${r.confidence}`}>
              {t(`learner.confidence.${r.confidence}`)}
            </td>
            <td>{r.evidence}</td>
            <td>{r.lastSeen === null ? t('learner.never') : dateOnly(r.lastSeen, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
