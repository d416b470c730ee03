/** Deleting a class asks once, in the page (no browser dialog), naming what goes with it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import type { ClassSummary } from '../../shared/api/contract.ts';
import { failureText } from '../i18n/failure.ts';

export function DeleteClassButton({ cls, onDeleted }: { cls: ClassSummary; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    try {
      await api.deleteClass({ classId: cls.id });
      setAsking(false);
      onDeleted();
    } catch (err) {
      setError(t('classroom.actionFailed', { message: failureText(t, err) }));
    }
  }

  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('classroom.deleteClass')}
      </button>
    );
  return (
    <div className="delete-class" role="group" aria-labelledby={`delete-class-${cls.id}`}>
      <p id={`delete-class-${cls.id}`}>
        {t('classroom.deleteConfirm', { name: cls.name, count: cls.learners })}
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('classroom.deleteYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('classroom.deleteNo')}
        </button>
      </div>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
