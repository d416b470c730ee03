/** The words for a recommendation's reason code, from the catalogs, in the interface language. */
import { useTranslation } from 'react-i18next';
import type { StepReason } from '../../../shared/api/contract.ts';
import { useLocale } from '../../i18n/useLocale.ts';

export function useReasonText(): (reason: StepReason) => string {
  const { t } = useTranslation();
  const { text } = useLocale();
  return (reason) =>
    t(`learner.reason.${reason.code}`, {
      concept: reason.conceptTitle ? text(reason.conceptTitle) : (reason.concept ?? ''),
      count: reason.count ?? 0,
      percent: reason.percent ?? 0,
      days: reason.overdueDays ?? 0,
    });
}
