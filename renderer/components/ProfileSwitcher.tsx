/**
 * Who is learning: the current learner at the foot of the sidebar, and a dialog to switch to
 * another learner, add, rename or delete one. Deleting asks first and offers a backup of
 * everything before anything is lost.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { LearnerProfile } from '../../shared/api/contract.ts';
import type { ProfileList } from '../../shared/api/calls/profiles.ts';
import { downloadBackup, formatSize } from './backup-transfer.ts';
import { failureText } from '../i18n/failure.ts';
import { ProfileRow } from './ProfileRow.tsx';
import { shownName } from '../i18n/learner-name.ts';
import { learnerNameProblem } from '../../shared/api/learner-name.ts';
import './profile-switcher.css';

type Status = { kind: 'saved' | 'error'; text: string } | null;
/** Runs one change to the learners and says how it went; answers whether it worked. */
type Run = (action: () => Promise<string>) => Promise<boolean>;

export function ProfileSwitcher() {
  const { t } = useTranslation();
  const { api } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirming, setConfirming] = useState<LearnerProfile | null>(null);
  // Kept here, so a name half typed survives a look at "Delete…" and back.
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), status: useId() };

  const profiles = useData('profiles', () => api.listProfiles({}), { refetchOn: { profileChanged: true } });
  const list = profiles.value;

  const current = list?.profiles.find((p) => p.id === list.currentId);

  /** What is wrong with a name typed into a field, in the learner's language; null when fine. */
  const nameError = (name: string, field: string): string | null => {
    const problem = learnerNameProblem(name);
    return problem && t(`profiles.nameProblem.${problem.code}`, { ...problem, field });
  };
  const refuse = (text: string) => {
    setStatus({ kind: 'error', text });
    return Promise.resolve(false);
  };

  const run: Run = async (action) => {
    setBusy(true);
    try {
      const text = await action();
      await profiles.reload();
      setStatus({ kind: 'saved', text });
      return true;
    } catch (err) {
      setStatus({ kind: 'error', text: t('profiles.failed', { message: failureText(t, err) }) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const open = () => {
    setStatus(null);
    setConfirming(null);
    dialog.current?.showModal();
  };

  return (
    <section className="profile-switcher" aria-label={t('profiles.region')}>
      <span className="profile-caption">{t('profiles.learning')}</span>
      <CurrentLearner name={current && shownName(t, current.name)} onOpen={open} />

      <dialog
        ref={dialog}
        className="profile-dialog"
        aria-labelledby={ids.title}
        onClose={() => setConfirming(null)}
      >
        {confirming ? (
          <DeleteConfirm
            learner={confirming}
            busy={busy}
            run={run}
            onDeleted={() => setConfirming(null)}
            onCancel={() => setConfirming(null)}
          />
        ) : (
          <>
            <h2 id={ids.title}>{t('profiles.title')}</h2>
            <p className="profile-hint">{t('profiles.intro')}</p>
            <LearnerList
              list={list}
              busy={busy}
              run={run}
              renameError={(p, name) =>
                nameError(name, t('profiles.renameField', { name: shownName(t, p.name) }))
              }
              refuse={refuse}
              onDelete={(p) => {
                setStatus(null);
                setConfirming(p);
              }}
            />
            <NewLearnerForm
              name={newName}
              onName={setNewName}
              busy={busy}
              run={run}
              nameError={(name) => nameError(name, t('profiles.nameField'))}
              refuse={refuse}
              invalid={status?.kind === 'error'}
              statusId={ids.status}
            />
          </>
        )}
        <p
          role="status"
          id={ids.status}
          className={`status ${status?.kind ?? ''}`}
          data-testid="profile-status"
        >
          {status?.text ?? ''}
        </p>
        <div className="profile-close">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('profiles.close')}
          </button>
        </div>
      </dialog>
    </section>
  );
}

/** The current learner's initial and name, which open the dialog. */
function CurrentLearner({ name, onOpen }: { name: string | undefined; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="profile-current"
      aria-haspopup="dialog"
      data-testid="profile-open"
      aria-label={t('profiles.open', { name: name ?? '' })}
      onClick={onOpen}
    >
      <span className="profile-avatar" aria-hidden="true">
        {name?.slice(0, 1).toUpperCase() ?? '·'}
      </span>
      <span className="profile-name">{name ?? '…'}</span>
    </button>
  );
}

/** The learners, each with Switch, Rename and Delete. */
function LearnerList({
  list,
  busy,
  run,
  renameError,
  refuse,
  onDelete,
}: {
  list: ProfileList | undefined;
  busy: boolean;
  run: Run;
  /** What is wrong with a new name for this learner; null when fine. */
  renameError: (learner: LearnerProfile, name: string) => string | null;
  refuse: (text: string) => Promise<boolean>;
  onDelete: (learner: LearnerProfile) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  return (
    <ul className="profile-list" aria-label={t('profiles.listLabel')}>
      {list?.profiles.map((p) => (
        <ProfileRow
          key={p.id}
          profile={p}
          isCurrent={p.id === list.currentId}
          busy={busy}
          onSwitch={() =>
            void run(async () => {
              const now = await api.switchProfile({ id: p.id });
              return t('profiles.switched', { name: shownName(t, now.name) });
            })
          }
          onRename={(name) => {
            const bad = renameError(p, name);
            if (bad) return refuse(bad);
            return run(async () => {
              const renamed = await api.renameProfile({ id: p.id, name });
              return t('profiles.renamed', { name: shownName(t, renamed.name) });
            });
          }}
          onDelete={() => onDelete(p)}
        />
      ))}
    </ul>
  );
}

/** "Delete <name>?": offers a backup of everything first, then deletes or cancels. */
function DeleteConfirm({
  learner,
  busy,
  run,
  onDeleted,
  onCancel,
}: {
  learner: LearnerProfile;
  busy: boolean;
  run: Run;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const titleId = useId();
  const name = shownName(t, learner.name);
  return (
    <div role="alertdialog" aria-labelledby={titleId} className="profile-confirm">
      <h2 id={titleId}>{t('profiles.confirmTitle', { name })}</h2>
      <p>{t('profiles.confirmText', { name })}</p>
      <p className="profile-hint">{t('profiles.confirmBackup')}</p>
      <div className="profile-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const saved = await downloadBackup(api);
              return t('data.backedUp', {
                file: saved.fileName,
                size: formatSize(saved.sizeBytes, i18n.language),
              });
            })
          }
        >
          {t('profiles.backupFirst')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await api.deleteProfile({ id: learner.id });
              onDeleted();
              return t('profiles.deleted', { name });
            })
          }
        >
          {t('profiles.confirmDelete', { name })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('profiles.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A new learner's name, made and switched to on submit. */
function NewLearnerForm({
  name: newName,
  onName: setNewName,
  busy,
  run,
  nameError,
  refuse,
  invalid,
  statusId,
}: {
  name: string;
  onName: (name: string) => void;
  busy: boolean;
  run: Run;
  nameError: (name: string) => string | null;
  refuse: (text: string) => Promise<boolean>;
  invalid: boolean;
  statusId: string;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const inputId = useId();
  return (
    <form
      className="profile-new"
      onSubmit={(e) => {
        e.preventDefault();
        const bad = nameError(newName);
        if (bad) return void refuse(bad);
        void run(async () => {
          const made = await api.createProfile({ name: newName, switchTo: true });
          setNewName('');
          return t('profiles.created', { name: shownName(t, made.name) });
        });
      }}
    >
      <label htmlFor={inputId}>{t('profiles.nameField')}</label>
      <input
        id={inputId}
        data-testid="profile-new-name"
        value={newName}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={statusId}
        onChange={(e) => setNewName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !newName.trim()}>
        {t('profiles.create')}
      </button>
    </form>
  );
}
