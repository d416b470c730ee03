/**
 * Exporting the class gradebook: the format an LMS imports (generic CSV, Canvas, Moodle, xAPI),
 * scores per exercise or per unit, and the learners the file could not place, named under the
 * button so that nobody is dropped silently.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useLocale } from '../i18n/useLocale.ts';
import type { GradebookFormat, GradebookScores, GradebookWarning } from '../../shared/api/contract.ts';
import { downloadFile } from '../components/download.ts';
import { failureText } from '../i18n/failure.ts';

const FORMATS: readonly GradebookFormat[] = ['generic', 'canvas', 'moodle', 'xapi'];

export function GradebookExport({ classId, disabled }: { classId: number; disabled: boolean }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { locale } = useLocale();
  const [format, setFormat] = useState<GradebookFormat>('generic');
  const [scores, setScores] = useState<GradebookScores>('exercises');
  const [homePage, setHomePage] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [warnings, setWarnings] = useState<GradebookWarning[]>([]);
  const helpId = useId();

  async function exportFile() {
    setBusy(true);
    try {
      const file = await api.exportGradebook({
        classId,
        format,
        scores,
        locale,
        ...(format === 'xapi' && homePage.trim() && { homePage: homePage.trim() }),
      });
      downloadFile(file);
      setWarnings(file.warnings);
      setStatus({ error: false, text: t('classroom.gradebookDone', { name: file.name }) });
    } catch (err) {
      setWarnings([]);
      setStatus({ error: true, text: t('classroom.actionFailed', { message: failureText(t, err) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card gradebook" aria-labelledby="gradebook-title" data-testid="gradebook-export">
      <h2 id="gradebook-title">{t('gradebook.title')}</h2>
      <p className="muted" id={helpId}>
        {t('gradebook.scoring')}
      </p>
      <form
        className="gradebook-form"
        aria-describedby={helpId}
        onSubmit={(e) => {
          e.preventDefault();
          void exportFile();
        }}
      >
        <label>
          <span>{t('gradebook.format')}</span>
          <select
            data-testid="gradebook-format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as GradebookFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`gradebook.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {format === 'xapi' ? (
          <label>
            <span>{t('gradebook.homePage')}</span>
            <input
              type="url"
              data-testid="gradebook-home-page"
              value={homePage}
              placeholder="https://school.example"
              onChange={(e) => setHomePage(e.currentTarget.value)}
            />
          </label>
        ) : (
          <label>
            <span>{t('gradebook.scores')}</span>
            <select
              data-testid="gradebook-scores"
              value={scores}
              onChange={(e) => setScores(e.currentTarget.value as GradebookScores)}
            >
              <option value="exercises">{t('gradebook.perExercise')}</option>
              <option value="units">{t('gradebook.perUnit')}</option>
            </select>
          </label>
        )}
        <button type="submit" className="primary" disabled={disabled || busy}>
          {t('classroom.gradebook')}
        </button>
      </form>
      <p className="muted">{t(`gradebook.formatHelp.${format}`)}</p>
      <p className={`status${status?.error ? ' error' : ''}`} role="status" data-testid="gradebook-status">
        {status?.text}
      </p>
      <GradebookWarnings warnings={warnings} />
    </section>
  );
}

/** The learners the file could not place, or placed by a guess, each named. */
function GradebookWarnings({ warnings }: { warnings: GradebookWarning[] }) {
  const { t } = useTranslation();
  const names = (list: readonly string[]) => list.join(t('gradebook.nameSeparator'));
  const warningText = (w: GradebookWarning): string => {
    switch (w.code) {
      case 'no-student-id':
        return w.leftOut
          ? t('gradebook.warnings.noStudentIdLeftOut', { names: names(w.names) })
          : t('gradebook.warnings.noStudentIdBlank', { names: names(w.names) });
      case 'duplicate-student-id':
        return t('gradebook.warnings.duplicateStudentId', { names: names(w.names), id: w.studentId });
      case 'moodle-other-identifier':
        return w.matchBy === 'email'
          ? t('gradebook.warnings.moodleGaveId', { names: names(w.names) })
          : t('gradebook.warnings.moodleGaveEmail', { names: names(w.names) });
      case 'unsigned':
        return t('gradebook.warnings.unsigned', { names: names(w.names) });
      case 'course-missing':
        return t('gradebook.warnings.courseMissing', { track: w.track });
      case 'default-home-page':
        return t('gradebook.warnings.defaultHomePage', { homePage: w.homePage });
    }
  };
  if (warnings.length === 0) return null;
  return (
    <div className="gradebook-warnings" role="alert">
      <h3>{t('gradebook.warningsTitle')}</h3>
      <ul data-testid="gradebook-warnings">
        {warnings.map((w, i) => (
          <li key={i}>{warningText(w)}</li>
        ))}
      </ul>
    </div>
  );
}
