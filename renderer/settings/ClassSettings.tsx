/**
 * Settings → Your class: join a class with the enrolment file or code the teacher gave and a
 * student ID or e-mail; see the class joined; leave it (decision 0040).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { EnrolmentError } from '../../shared/api/contract.ts';
import { failureText } from '../i18n/failure.ts';
import { fieldIssuesText } from '../i18n/file-problems.ts';
import type { MyClass } from '../../shared/api/calls/classes.ts';

type Status = { error: boolean; text: string } | null;

export function ClassSettings() {
  const { t } = useTranslation();
  const { api } = useApp();
  const myClass = useData('my-class', () => api.getMyClass({}));
  // A class that could not be read shows as none: the learner can still join one.
  const mine = myClass.error ? null : myClass.value;
  const [status, setStatus] = useState<Status>(null);
  const form = useJoinClass((joined) => myClass.set(joined), setStatus);

  async function leave() {
    try {
      await api.leaveClass({});
      myClass.set(null);
      setStatus({ error: false, text: t('myClass.left') });
    } catch (err) {
      setStatus({ error: true, text: t('myClass.failed', { message: failureText(t, err) }) });
    }
  }

  return (
    <fieldset className="card class-settings" data-testid="class-settings">
      <legend>{t('myClass.title')}</legend>
      {mine ? (
        <>
          <p data-testid="my-class">{t('myClass.member', { name: mine.className, id: mine.studentId })}</p>
          {mine.missingUnits > 0 && (
            <p className="muted">{t('myClass.missing', { count: mine.missingUnits })}</p>
          )}
          <p className="muted">{t('myClass.privacy')}</p>
          <button type="button" onClick={() => void leave()}>
            {t('myClass.leave')}
          </button>
        </>
      ) : (
        <JoinClassForm form={form} />
      )}
      <p className={`status${status?.error ? ' error' : ''}`} role="status" data-testid="class-status">
        {status?.text}
      </p>
    </fieldset>
  );
}

/** The join form's fields (kept while the form is hidden) and joining with them. */
function useJoinClass(onJoined: (joined: MyClass) => void, setStatus: (status: Status) => void) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [code, setCode] = useState('');
  const [studentId, setStudentId] = useState('');

  const explain = (e: EnrolmentError) =>
    t(`myClass.errors.${e.code}`, {
      detail: e.issues ? fieldIssuesText(t, e.issues) : (e.detail ?? ''),
      line: e.line ?? 0,
      column: e.column ?? 0,
    });

  async function join() {
    try {
      const source = file
        ? { kind: 'file' as const, text: file.text }
        : { kind: 'code' as const, text: code };
      const result = await api.joinClass({ source, studentId });
      if (!result.ok) {
        setStatus({ error: true, text: explain(result.error) });
        return;
      }
      onJoined(result.myClass);
      setFile(null);
      setCode('');
      setStatus({ error: false, text: t('myClass.joined', { name: result.myClass.className }) });
    } catch (err) {
      setStatus({ error: true, text: t('myClass.failed', { message: failureText(t, err) }) });
    }
  }
  return { file, setFile, code, setCode, studentId, setStudentId, join };
}

/** Join a class: the enrolment file or code, and the learner's student ID or e-mail. */
function JoinClassForm({ form }: { form: ReturnType<typeof useJoinClass> }) {
  const { t } = useTranslation();
  const { file, setFile, code, setCode, studentId, setStudentId } = form;
  const ids = { file: useId(), code: useId(), student: useId() };
  return (
    <form
      className="join-class"
      onSubmit={(e) => {
        e.preventDefault();
        void form.join();
      }}
    >
      <p className="muted">{t('myClass.intro')}</p>
      <div className="field">
        <label className="file-button" htmlFor={ids.file}>
          <span>{t('myClass.chooseFile')}</span>
        </label>
        <input
          id={ids.file}
          type="file"
          className="visually-hidden"
          accept=".json,application/json"
          data-testid="enrolment-file"
          aria-label={t('myClass.chooseFile')}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!f) return;
            void f.text().then((text) => {
              setFile({ name: f.name, text });
              setCode('');
            });
          }}
        />
        {file && <span className="muted">{t('myClass.chosen', { name: file.name })}</span>}
      </div>
      <div className="field">
        <label htmlFor={ids.code}>{t('myClass.fromCode')}</label>
        <input
          id={ids.code}
          value={code}
          placeholder={t('myClass.codePlaceholder')}
          autoComplete="off"
          spellCheck={false}
          data-testid="enrolment-code-input"
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setFile(null);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.student}>{t('myClass.studentId')}</label>
        <input
          id={ids.student}
          value={studentId}
          maxLength={100}
          autoComplete="off"
          data-testid="student-id"
          onChange={(e) => setStudentId(e.currentTarget.value)}
        />
      </div>
      <p className="muted">{t('myClass.privacy')}</p>
      <button type="submit" className="primary" disabled={!(file || code.trim()) || !studentId.trim()}>
        {t('myClass.join')}
      </button>
    </form>
  );
}
