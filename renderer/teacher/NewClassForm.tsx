/** Naming a new class. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { failureText } from '../i18n/failure.ts';

export function NewClassForm({ onCreated }: { onCreated: (classId: number) => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function create() {
    try {
      const created = await api.createClass({ name });
      setName('');
      setError(null);
      onCreated(created.id);
    } catch (err) {
      setError(t('classroom.actionFailed', { message: failureText(t, err) }));
    }
  }

  return (
    <form
      className="new-class"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label>
        <span>{t('classroom.newClassLabel')}</span>
        <input
          value={name}
          placeholder={t('classroom.newClassPlaceholder')}
          maxLength={80}
          data-testid="new-class-name"
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={!name.trim()}>
        {t('classroom.createClass')}
      </button>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
