/** A learner's report as the files they save: signed JSON, two CSVs, printable HTML. */
import type { ExportedFile, ReportFormat } from '../../../shared/api/calls/progress.ts';
import { buildSignedReport, type ReportSources } from './build-report.ts';
import { conceptsCsv, exercisesCsv, type ReportLocale } from './csv.ts';
import { reportToHtml } from './html.ts';
import { safeFileName } from './gradebook.ts';

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'html'];

export function reportFiles(
  src: ReportSources,
  profileId: number,
  formats: readonly ReportFormat[],
  locale: ReportLocale = 'en',
  now?: number,
): ExportedFile[] {
  const report = buildSignedReport(src, profileId, now, locale);
  const base = `lantern-report-${safeFileName(report.learner.name)}-${report.exportedAt.slice(0, 10)}`;
  return formats.flatMap((format): ExportedFile[] => {
    switch (format) {
      case 'json':
        return [
          {
            name: `${base}.json`,
            mimeType: 'application/json',
            content: `${JSON.stringify(report, null, 2)}\n`,
          },
        ];
      case 'csv':
        return [
          { name: `${base}-exercises.csv`, mimeType: 'text/csv', content: exercisesCsv(report, locale) },
          { name: `${base}-concepts.csv`, mimeType: 'text/csv', content: conceptsCsv(report, locale) },
        ];
      case 'html':
        return [{ name: `${base}.html`, mimeType: 'text/html', content: reportToHtml(report, { locale }) }];
    }
  });
}
