/**
 * One secret in Settings → Tutor: typed once, sent to the backend, then cleared from the page.
 * What the page shows afterwards is only whether a key is set (and whether the environment set it).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName } from '../../shared/api/calls/tutor.ts';

export function SecretField(props: {
  name: SecretName;
  isSet: boolean;
  fromEnvironment: boolean;
  onSave: (value: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const label = t(`tutor.settings.secrets.${props.name}`);

  const submit = async (next: string) => {
    setBusy(true);
    try {
      await props.onSave(next);
      setValue('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="field secret-field"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) void submit(value);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={props.isSet ? t('tutor.settings.keyReplace') : ''}
        onChange={(e) => setValue(e.target.value)}
        data-testid={`secret-${props.name}`}
      />
      <div className="secret-actions">
        <button
          type="submit"
          disabled={busy || !value.trim()}
          aria-label={t('tutor.settings.saveKey', { name: label })}
        >
          {t('tutor.settings.save')}
        </button>
        {props.isSet && !props.fromEnvironment && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void submit('')}
            aria-label={t('tutor.settings.removeKey', { name: label })}
          >
            {t('tutor.settings.remove')}
          </button>
        )}
        <span
          className={`secret-state ${props.isSet ? 'is-set' : ''}`}
          data-testid={`secret-state-${props.name}`}
        >
          {props.fromEnvironment
            ? t('tutor.settings.keyFromEnv')
            : props.isSet
              ? t('tutor.settings.keySet')
              : t('tutor.settings.keyNotSet')}
        </span>
      </div>
    </form>
  );
}
