/**
 * Words for what is wrong with a file a person chose (a learner's report, an enrolment): the
 * backend sends codes with the field's path and the limit (shared/api/field-issues.ts); the
 * catalogs word them (`fieldIssue.*`, `classroom.reportProblem.*`).
 */
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../shared/api/field-issues.ts';
import type { ReportFileProblem } from '../../shared/api/calls/teacher.ts';

export function fieldIssueText(t: TFunction, issue: FieldIssue): string {
  const expected = issue.expected ? t(`fieldIssue.kinds.${issue.expected}`, issue.expected) : '';
  const text = t(`fieldIssue.codes.${issue.code}`, {
    max: issue.max ?? 0,
    min: issue.min ?? 0,
    expected,
    values: issue.values ?? '',
    format: issue.format ? t(`fieldIssue.formats.${issue.format}`, issue.format) : '',
  });
  return issue.field ? t('fieldIssue.at', { field: issue.field, text }) : text;
}

export function fieldIssuesText(t: TFunction, issues: readonly FieldIssue[]): string {
  return issues.map((i) => fieldIssueText(t, i)).join(t('fieldIssue.separator'));
}

export function reportProblemText(t: TFunction, problem: ReportFileProblem): string {
  if (problem.code === 'fields') return fieldIssuesText(t, problem.issues);
  return t(`classroom.reportProblem.${problem.code}`, problem);
}
