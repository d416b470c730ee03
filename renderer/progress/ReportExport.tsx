/** The learner's report for a teacher: signed JSON, CSV, printable HTML, print to PDF. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import type { ReportFormat } from '../../shared/api/contract.ts';
import { downloadFile, printHtml } from '../components/download.ts';
import { uiLocale } from '../i18n/format.ts';
import { failureText } from '../i18n/failure.ts';

type Status =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function ReportExport() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const locale = uiLocale(i18n.language);

  async function run(format: ReportFormat, print = false) {
    setStatus({ kind: 'busy' });
    try {
      const { files } = await api.exportReport({ format, locale });
      if (print) {
        printHtml(files[0]!.content, t('dashboard.printFrame'));
        setStatus({ kind: 'done', text: t('dashboard.printing') });
        return;
      }
      for (const f of files) downloadFile(f);
      setStatus({
        kind: 'done',
        text: t('dashboard.exported', { names: files.map((f) => f.name).join(', ') }),
      });
    } catch (err) {
      setStatus({ kind: 'error', text: t('dashboard.exportFailed', { message: failureText(t, err) }) });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <section className="card" aria-labelledby="report-export-title">
      <h2 id="report-export-title">{t('dashboard.exportTitle')}</h2>
      <p className="lead">{t('dashboard.exportIntro')}</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void run('json')}>
          {t('dashboard.exportJson')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('csv')}>
          {t('dashboard.exportCsv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('html')}>
          {t('dashboard.exportHtml')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('html', true)}>
          {t('dashboard.print')}
        </button>
      </div>
      <p
        className={`status${status.kind === 'error' ? ' error' : status.kind === 'done' ? ' saved' : ''}`}
        role="status"
        data-testid="export-status"
      >
        {status.kind === 'busy' ? t('dashboard.exporting') : status.kind === 'idle' ? '' : status.text}
      </p>
    </section>
  );
}
