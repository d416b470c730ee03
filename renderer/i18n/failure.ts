/**
 * A failed call in the person's language. The backend sends every failure as a code with its
 * parameters (a ReasonedError's refusal, or one of API_FAULTS: a bad payload, a fault nobody
 * coded, a lost connection); each family of codes is worded by one namespace of the catalogs.
 * The English message an error carries is for the log and the command line: it is never shown.
 */
import type { TFunction } from 'i18next';
import {
  API_FAULTS,
  ApiError,
  BACKUP_REFUSALS,
  CLASS_REFUSALS,
  CONTENT_REFUSALS,
  PRACTICE_REFUSALS,
  PROFILE_REFUSALS,
  REPORT_REFUSALS,
  STEP_REFUSALS,
  type ErrorReason,
} from '../../shared/api/contract.ts';
import type { FieldIssue } from '../../shared/api/field-issues.ts';
import { fieldIssueText } from './file-problems.ts';

/** Which catalog namespace words each family of codes (a code belongs to one family only). */
export const REFUSAL_FAMILIES: readonly { codes: readonly string[]; namespace: string }[] = [
  { codes: BACKUP_REFUSALS, namespace: 'data.errors' },
  { codes: PROFILE_REFUSALS, namespace: 'profiles.errors' },
  { codes: CLASS_REFUSALS, namespace: 'classroom.errors' },
  { codes: REPORT_REFUSALS, namespace: 'dashboard.errors' },
  { codes: CONTENT_REFUSALS, namespace: 'contentErrors' },
  { codes: STEP_REFUSALS, namespace: 'stepErrors' },
  { codes: PRACTICE_REFUSALS, namespace: 'practiceErrors' },
  { codes: API_FAULTS, namespace: 'apiErrors' },
];

/** Where Lantern's log is, inside the data folder the About page shows. */
export const LOG_FILE = 'logs/lantern.log';

export function reasonText(t: TFunction, reason: ErrorReason): string | undefined {
  const family = REFUSAL_FAMILIES.find((f) => f.codes.includes(reason.code));
  if (!family) return undefined;
  const params: Record<string, string | number> = { log: LOG_FILE, issues: '', ...reason.params };
  // Some parameters are words too: the kind of schema object (table, index, trigger, view),
  // what stopped a backup, what is wrong with a name.
  if (typeof params.type === 'string') params.type = t(`data.objectType.${params.type}`, params.type);
  if (typeof params.cause === 'string') params.cause = t(`data.causes.${params.cause}`);
  if (typeof params.problem === 'string')
    params.problem = t(`profiles.nameProblem.${params.problem}`, {
      ...params,
      field: t('profiles.nameField'),
    });
  return t(`${family.namespace}.${reason.code}`, params);
}

/**
 * What is wrong with a call's payload, field by field: a field a person fills in is named as the
 * page names it (`apiErrors.fields.<call>.<field>`), any other by its path.
 */
export function badInputText(t: TFunction, call: string, issues: readonly FieldIssue[]): string {
  const worded = issues.map((issue) => {
    const name =
      issue.field
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .at(-1) ?? '';
    const label = name ? t(`apiErrors.fields.${call}.${name}`, { defaultValue: '' }) : '';
    return fieldIssueText(t, { ...issue, field: label || issue.field });
  });
  return t('apiErrors.bad-input', { issues: worded.join(t('fieldIssue.separator')) });
}

/**
 * The words for any failure a page catches. An error from the API always has a code; anything
 * else is a fault in the page itself, said as such (its English message is not shown).
 */
export function failureText(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return t('apiErrors.page-fault');
  const reason = err.reason ?? { code: err.code === 'failed' ? 'internal-fault' : err.code };
  if (reason.code === 'bad-input' && err.fieldIssues?.length)
    return badInputText(t, String(reason.params?.call ?? ''), err.fieldIssues);
  return reasonText(t, reason) ?? t('apiErrors.internal-fault', { log: LOG_FILE });
}
