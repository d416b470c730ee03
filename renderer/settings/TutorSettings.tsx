/**
 * Settings → Tutor: provider, credentials, models, monthly budget, "Test connection", and what the
 * tutor has spent. A key is typed in once and sent to the backend; the page only ever learns
 * whether a key is set.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConnectionResult,
  SecretName,
  TutorSettingsShape,
  TutorSetup,
  TutorUsage,
} from '../../shared/api/calls/tutor.ts';
import { useApp } from '../app/context.ts';
import { SecretField } from './SecretField.tsx';
import { TutorUsagePanel } from './TutorUsage.tsx';
import './tutor-settings.css';

const SECRETS_OF: Record<TutorSettingsShape['provider'], SecretName[]> = {
  anthropic: ['anthropicApiKey'],
  bedrock: ['bedrockApiKey', 'awsAccessKeyId', 'awsSecretAccessKey', 'awsSessionToken'],
  vertex: ['googleAccessToken'],
};

export function TutorSettings() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [setup, setSetup] = useState<TutorSetup | null>(null);
  const [usage, setUsage] = useState<TutorUsage | null>(null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [connection, setConnection] = useState<ConnectionResult | null>(null);
  const ids = {
    provider: useId(),
    model: useId(),
    escalation: useId(),
    budget: useId(),
    region: useId(),
    project: useId(),
    profile: useId(),
  };

  const refreshUsage = useCallback(() => {
    void api.getTutorUsage({}).then(setUsage, () => {});
  }, [api]);

  useEffect(() => {
    void api
      .getTutorSettings({})
      .then(setSetup, (err: Error) =>
        setStatus({ kind: 'error', text: t('tutor.settings.loadFailed', { message: err.message }) }),
      );
    refreshUsage();
  }, [api, refreshUsage, t]);

  const save = async (patch: Partial<TutorSettingsShape>) => {
    try {
      setSetup(await api.updateTutorSettings(patch));
      setConnection(null);
      setStatus({ kind: 'saved', text: t('tutor.settings.saved') });
      refreshUsage();
    } catch (err) {
      setStatus({ kind: 'error', text: t('tutor.settings.saveFailed', { message: (err as Error).message }) });
    }
  };

  const saveSecret = async (name: SecretName, value: string) => {
    try {
      const secrets = await api.setTutorSecret({ name, value });
      setSetup((s) => (s ? { ...s, secrets } : s));
      setConnection(null);
      setStatus({
        kind: 'saved',
        text: value ? t('tutor.settings.keySaved') : t('tutor.settings.keyRemoved'),
      });
    } catch (err) {
      setStatus({ kind: 'error', text: t('tutor.settings.saveFailed', { message: (err as Error).message }) });
    }
  };

  const test = async () => {
    setTesting(true);
    setConnection(null);
    try {
      setConnection(await api.testTutorConnection({}));
    } catch (err) {
      setStatus({ kind: 'error', text: t('tutor.settings.saveFailed', { message: (err as Error).message }) });
    } finally {
      setTesting(false);
      refreshUsage();
    }
  };

  if (!setup) {
    return (
      <fieldset className="card tutor-settings">
        <legend>{t('tutor.settings.title')}</legend>
        <p className={`status ${status?.kind ?? ''}`} role="status">
          {status?.text ?? t('tutor.settings.loading')}
        </p>
      </fieldset>
    );
  }
  const { settings, secrets, models } = setup;
  const modelOptions = models.map((m) => (
    <option key={m.key} value={m.key}>
      {m.label}
    </option>
  ));

  return (
    <>
      <fieldset className="card tutor-settings" data-testid="tutor-settings">
        <legend>{t('tutor.settings.title')}</legend>
        <p className="lead">{t('tutor.settings.intro')}</p>
        <div className="field">
          <label htmlFor={ids.provider}>{t('tutor.settings.provider')}</label>
          <select
            id={ids.provider}
            data-testid="tutor-provider"
            value={settings.provider}
            onChange={(e) => void save({ provider: e.target.value as TutorSettingsShape['provider'] })}
          >
            <option value="anthropic">{t('tutor.settings.providers.anthropic')}</option>
            <option value="bedrock">{t('tutor.settings.providers.bedrock')}</option>
            <option value="vertex">{t('tutor.settings.providers.vertex')}</option>
          </select>
        </div>

        {settings.provider !== 'anthropic' && (
          <div className="field">
            <label htmlFor={ids.region}>{t('tutor.settings.region')}</label>
            <input
              id={ids.region}
              defaultValue={settings.region ?? ''}
              key={`region-${settings.provider}`}
              placeholder={settings.provider === 'bedrock' ? 'us-east-1' : 'global'}
              onBlur={(e) => {
                if (e.target.value.trim() !== (settings.region ?? ''))
                  void save({ region: e.target.value.trim() });
              }}
            />
          </div>
        )}
        {settings.provider === 'bedrock' && (
          <div className="field">
            <label htmlFor={ids.profile}>{t('tutor.settings.bedrockProfile')}</label>
            <select
              id={ids.profile}
              value={settings.bedrockProfile ?? 'global'}
              onChange={(e) =>
                void save({ bedrockProfile: e.target.value as TutorSettingsShape['bedrockProfile'] })
              }
            >
              {(['global', 'us', 'eu', 'regional'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`tutor.settings.profiles.${p}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {settings.provider === 'vertex' && (
          <div className="field">
            <label htmlFor={ids.project}>{t('tutor.settings.project')}</label>
            <input
              id={ids.project}
              defaultValue={settings.project ?? ''}
              onBlur={(e) => {
                if (e.target.value.trim() !== (settings.project ?? ''))
                  void save({ project: e.target.value.trim() });
              }}
            />
          </div>
        )}

        {SECRETS_OF[settings.provider].map((name) => (
          <SecretField
            key={name}
            name={name}
            isSet={secrets.set[name]}
            fromEnvironment={secrets.fromEnvironment[name]}
            onSave={(value) => saveSecret(name, value)}
          />
        ))}
        {settings.provider !== 'anthropic' && (
          <p className="tutor-note">{t(`tutor.settings.credentialsNote.${settings.provider}`)}</p>
        )}
        {secrets.storage !== 'os' && (
          <p className="tutor-note tutor-warning" role="note" data-testid="tutor-storage">
            {t(`tutor.settings.storage.${secrets.storage}`)}
          </p>
        )}

        <div className="field">
          <label htmlFor={ids.model}>{t('tutor.settings.model')}</label>
          <select
            id={ids.model}
            value={settings.model}
            onChange={(e) => void save({ model: e.target.value as TutorSettingsShape['model'] })}
          >
            {modelOptions}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.escalation}>{t('tutor.settings.escalationModel')}</label>
          <select
            id={ids.escalation}
            value={settings.escalationModel}
            onChange={(e) =>
              void save({ escalationModel: e.target.value as TutorSettingsShape['escalationModel'] })
            }
          >
            {modelOptions}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.budget}>{t('tutor.settings.budget')}</label>
          <input
            id={ids.budget}
            data-testid="tutor-budget"
            type="number"
            min={0}
            max={10000}
            step={0.5}
            key={`budget-${settings.monthlyBudgetUsd}`}
            defaultValue={settings.monthlyBudgetUsd}
            onBlur={(e) => {
              const usd = Number(e.target.value);
              if (Number.isFinite(usd) && usd >= 0 && usd <= 10000 && usd !== settings.monthlyBudgetUsd)
                void save({ monthlyBudgetUsd: usd });
            }}
          />
        </div>

        <div className="tutor-test">
          <button type="button" onClick={() => void test()} disabled={testing} data-testid="tutor-test">
            {testing ? t('tutor.settings.testing') : t('tutor.settings.test')}
          </button>
          {connection && (
            <p
              className={`status ${connection.ok ? 'saved' : 'error'}`}
              role="status"
              data-testid="tutor-test-result"
            >
              {connection.ok
                ? t('tutor.settings.testOk', {
                    model: connection.modelId,
                    ms: Math.round(connection.latencyMs),
                  })
                : t(
                    `tutor.settings.testFailed.${TEST_KINDS.has(connection.kind) ? connection.kind : 'other'}`,
                    {
                      status: connection.status ?? '',
                    },
                  )}
            </p>
          )}
        </div>
        <p role="status" className={`status ${status?.kind ?? ''}`}>
          {status?.text ?? ''}
        </p>
      </fieldset>
      {usage && <TutorUsagePanel usage={usage} />}
    </>
  );
}

/** Connection failures with their own explanation in the catalogs; the rest read "other". */
const TEST_KINDS = new Set([
  'no-key',
  'key-refused',
  'rate-limited',
  'overloaded',
  'api-error',
  'bad-request',
  'offline',
  'timeout',
]);
