/** One learner in the "Who is learning?" dialog: switch to them, rename them, or ask to delete. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerProfile } from '../../shared/api/contract.ts';
import { shownName } from '../i18n/learner-name.ts';

interface Props {
  profile: LearnerProfile;
  isCurrent: boolean;
  busy: boolean;
  onSwitch(): void;
  /** Answers whether the rename worked (on failure the field stays open to correct). */
  onRename(name: string): Promise<boolean>;
  onDelete(): void;
}

export function ProfileRow({ profile, isCurrent, busy, onSwitch, onRename, onDelete }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const fieldId = useId();
  const name = shownName(t, profile.name);

  if (editing !== null)
    return (
      <li className="profile-row">
        <form
          className="profile-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void onRename(editing).then((ok) => ok && setEditing(null));
          }}
        >
          <label htmlFor={fieldId} className="visually-hidden">
            {t('profiles.renameField', { name })}
          </label>
          <input
            id={fieldId}
            value={editing}
            required
            autoFocus
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              // Escape leaves the rename, not the whole dialog.
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(null);
              }
            }}
          />
          <button type="submit" className="primary" disabled={busy || !editing.trim()}>
            {t('profiles.save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('profiles.cancel')}
          </button>
        </form>
      </li>
    );

  return (
    <li className="profile-row" aria-current={isCurrent ? 'true' : undefined}>
      <span className="profile-avatar" aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="profile-row-name">
        {name}
        {isCurrent && <span className="profile-badge">{t('profiles.current')}</span>}
      </span>
      <span className="profile-row-actions">
        {!isCurrent && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            aria-label={t('profiles.switchLabel', { name })}
            onClick={onSwitch}
          >
            {t('profiles.switch')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          aria-label={t('profiles.renameLabel', { name })}
          onClick={() => setEditing(name)}
        >
          {t('profiles.rename')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          aria-label={t('profiles.deleteLabel', { name })}
          onClick={onDelete}
        >
          {t('profiles.delete')}
        </button>
      </span>
    </li>
  );
}
