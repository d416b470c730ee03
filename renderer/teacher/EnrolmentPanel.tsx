/**
 * How learners join the class: its enrolment code and file, and the units assigned to it with
 * their due dates (decision 0040).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { AssignedUnit, ClassEnrolment, LanternApi } from '../../shared/api/contract.ts';
import type { LocalizedText } from '../../shared/content/schema.ts';
import { downloadFile } from '../components/download.ts';
import { titleOf, uiLocale } from '../i18n/format.ts';
import { failureText } from '../i18n/failure.ts';

interface UnitChoice {
  track: string;
  unit: string;
  trackTitle: LocalizedText;
  title: LocalizedText;
}

/** Every unit of every track, for the "assign a unit" list. */
async function unitChoices(api: LanternApi): Promise<UnitChoice[]> {
  const all: UnitChoice[] = [];
  for (const track of await api.listTracks({})) {
    const overview = await api.getTrack({ trackId: track.id });
    for (const u of overview.units)
      all.push({ track: track.id, unit: u.id, trackTitle: overview.title, title: u.title });
  }
  return all;
}

type Status = { error: boolean; key: string; params?: Record<string, string> };

const key = (u: { track: string; unit: string }) => `${u.track}/${u.unit}`;

export function EnrolmentPanel({ classId }: { classId: number }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const locale = uiLocale(i18n.language);
  const loaded = useData(`enrolment-${classId}`, () => api.getEnrolment({ classId }));
  const enrolment = loaded.value ?? null;
  // The units as the teacher is editing them; the saved ones until they change one.
  const [edited, setUnits] = useState<AssignedUnit[] | null>(null);
  const units = edited ?? enrolment?.units ?? [];
  const choices = useData('unit-choices', () => unitChoices(api)).value ?? [];
  const [adding, setAdding] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const addId = useId();

  const shownStatus =
    status ??
    (loaded.error && {
      error: true,
      key: 'classEnrolment.failed',
      params: { message: failureText(t, loaded.error) },
    });

  const choiceOf = new Map(choices.map((c) => [key(c), c]));
  const label = (u: { track: string; unit: string }) => {
    const c = choiceOf.get(key(u));
    return c ? `${titleOf(c.trackTitle, u.track, locale)} · ${titleOf(c.title, u.unit, locale)}` : key(u);
  };
  const dirty = enrolment !== null && JSON.stringify(units) !== JSON.stringify(enrolment.units);

  async function save() {
    try {
      await api.setClassUnits({ classId, units });
      setStatus({ error: false, key: 'classEnrolment.saved' });
      await loaded.reload();
      setUnits(null);
    } catch (err) {
      setStatus({ error: true, key: 'classEnrolment.failed', params: { message: failureText(t, err) } });
    }
  }

  return (
    <section className="card enrolment" aria-labelledby="enrolment-title" data-testid="enrolment">
      <h2 id="enrolment-title">{t('classEnrolment.title')}</h2>
      <p className="muted">{t('classEnrolment.intro')}</p>
      {enrolment && <EnrolmentCode enrolment={enrolment} onStatus={setStatus} />}
      <h3>{t('classEnrolment.unitsTitle')}</h3>
      <p className="muted">{t('classEnrolment.unitsIntro')}</p>
      <AssignedUnitList units={units} label={label} onChange={setUnits} />
      <div className="assign-row">
        <label htmlFor={addId}>{t('classEnrolment.addUnit')}</label>
        <select
          id={addId}
          data-testid="add-unit"
          value={adding}
          onChange={(e) => {
            const chosen = choiceOf.get(e.currentTarget.value);
            if (chosen && !units.some((u) => key(u) === key(chosen)))
              setUnits([...units, { track: chosen.track, unit: chosen.unit, due: null }]);
            setAdding('');
          }}
        >
          <option value="">{t('classEnrolment.chooseUnit')}</option>
          {choices.map((c) => (
            <option key={key(c)} value={key(c)}>
              {label(c)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!dirty} onClick={() => void save()} data-testid="save-units">
          {t('classEnrolment.save')}
        </button>
      </div>
      <p className={`status${shownStatus?.error ? ' error' : ''}`} role="status">
        {shownStatus && t(shownStatus.key, shownStatus.params ?? {})}
      </p>
    </section>
  );
}

/** The class's enrolment code, to copy, and its enrolment file, to download and hand out. */
function EnrolmentCode({
  enrolment,
  onStatus,
}: {
  enrolment: ClassEnrolment;
  onStatus: (status: Status) => void;
}) {
  const { t } = useTranslation();
  const codeId = useId();
  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      onStatus({ error: false, key: 'classEnrolment.copied' });
    } catch (err) {
      onStatus({ error: true, key: 'classEnrolment.failed', params: { message: failureText(t, err) } });
    }
  }
  return (
    <div className="enrolment-code">
      <label htmlFor={codeId}>{t('classEnrolment.codeLabel')}</label>
      <output id={codeId} className="code-text" data-testid="enrolment-code">
        {enrolment.enrolmentCode}
      </output>
      <div className="enrolment-actions">
        <button type="button" onClick={() => void copy(enrolment.enrolmentCode)}>
          {t('classEnrolment.copy')}
        </button>
        <button
          type="button"
          data-testid="enrolment-download"
          onClick={() => {
            downloadFile(enrolment.file);
            onStatus({
              error: false,
              key: 'classEnrolment.downloaded',
              params: { name: enrolment.file.name },
            });
          }}
        >
          {t('classEnrolment.download')}
        </button>
      </div>
    </div>
  );
}

/** The units assigned so far, each with its due date and a way to take it off. */
function AssignedUnitList({
  units,
  label,
  onChange,
}: {
  units: AssignedUnit[];
  label: (u: AssignedUnit) => string;
  onChange: (units: AssignedUnit[]) => void;
}) {
  const { t } = useTranslation();
  if (!units.length) return <p>{t('classEnrolment.noUnits')}</p>;
  return (
    <ul className="assigned-list" data-testid="assigned-units">
      {units.map((u, i) => (
        <li key={key(u)}>
          <span className="assigned-name">{label(u)}</span>
          <label>
            <span className="visually-hidden">{`${t('classEnrolment.due')}: ${label(u)}`}</span>
            <input
              type="date"
              value={u.due ?? ''}
              onChange={(e) => {
                const due = e.currentTarget.value || null;
                onChange(units.map((x, j) => (j === i ? { ...x, due } : x)));
              }}
            />
          </label>
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(units.filter((_, j) => j !== i))}
          >
            {t('classEnrolment.removeUnit', { unit: label(u) })}
          </button>
        </li>
      ))}
    </ul>
  );
}
