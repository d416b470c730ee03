/**
 * Settings → Tutor: provider, credentials, models, monthly budget, "Test connection", and what the
 * tutor has spent. A key is typed in once and sent to the backend; the page only ever learns
 * whether a key is set.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConnectionResult,
  SecretName,
  TutorSettingsShape,
  TutorSetup,
} from '../../shared/api/calls/tutor.ts';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import { SecretField } from './SecretField.tsx';
import { TutorUsagePanel } from './TutorUsage.tsx';
import './tutor-settings.css';
import { failureText } from '../i18n/failure.ts';

const SECRETS_OF: Record<TutorSettingsShape['provider'], SecretName[]> = {
  anthropic: ['anthropicApiKey'],
  bedrock: ['bedrockApiKey', 'awsAccessKeyId', 'awsSecretAccessKey', 'awsSessionToken'],
  vertex: ['googleAccessToken'],
};

type Save = (patch: Partial<TutorSettingsShape>) => Promise<void>;

export function TutorSettings() {
  const { t } = useTranslation();
  const { api } = useApp();
  const setup = useData('tutor-settings', () => api.getTutorSettings({}));
  const usage = useData('tutor-usage', () => api.getTutorUsage({}));
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const [connection, setConnection] = useState<ConnectionResult | null>(null);
  const failed = (err: unknown) =>
    setStatus({ kind: 'error', text: t('tutor.settings.saveFailed', { message: failureText(t, err) }) });

  const save: Save = async (patch) => {
    try {
      setup.set(await api.updateTutorSettings(patch));
      setConnection(null);
      setStatus({ kind: 'saved', text: t('tutor.settings.saved') });
      void usage.reload();
    } catch (err) {
      failed(err);
    }
  };

  const saveSecret = async (name: SecretName, value: string) => {
    try {
      const secrets = await api.setTutorSecret({ name, value });
      if (setup.value) setup.set({ ...setup.value, secrets });
      setConnection(null);
      setStatus({
        kind: 'saved',
        text: value ? t('tutor.settings.keySaved') : t('tutor.settings.keyRemoved'),
      });
    } catch (err) {
      failed(err);
    }
  };

  if (!setup.value) {
    const loadFailed =
      setup.error && t('tutor.settings.loadFailed', { message: failureText(t, setup.error) });
    return (
      <fieldset className="card tutor-settings">
        <legend>{t('tutor.settings.title')}</legend>
        <p className={`status ${loadFailed ? 'error' : ''}`} role="status">
          {loadFailed || t('tutor.settings.loading')}
        </p>
      </fieldset>
    );
  }

  return (
    <>
      <fieldset className="card tutor-settings" data-testid="tutor-settings">
        <legend>{t('tutor.settings.title')}</legend>
        <p className="lead">{t('tutor.settings.intro')}</p>
        <ProviderFields setup={setup.value} save={save} saveSecret={saveSecret} />
        <ModelFields setup={setup.value} save={save} />
        <ConnectionTest
          connection={connection}
          onResult={setConnection}
          onFailed={failed}
          onTested={() => void usage.reload()}
        />
        <p role="status" className={`status ${status?.kind ?? ''}`}>
          {status?.text ?? ''}
        </p>
      </fieldset>
      {usage.value && <TutorUsagePanel usage={usage.value} />}
    </>
  );
}

/** Where the tutor's model runs: the provider, its region or project, and its credentials. */
function ProviderFields({
  setup: { settings, secrets },
  save,
  saveSecret,
}: {
  setup: TutorSetup;
  save: Save;
  saveSecret: (name: SecretName, value: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const ids = { provider: useId(), region: useId(), project: useId(), profile: useId() };
  return (
    <>
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
    </>
  );
}

/** Which models answer (first and on escalation), and the monthly budget they may spend. */
function ModelFields({ setup: { settings, models }, save }: { setup: TutorSetup; save: Save }) {
  const { t } = useTranslation();
  const ids = { model: useId(), escalation: useId(), budget: useId() };
  const modelOptions = models.map((m) => (
    <option key={m.key} value={m.key}>
      {m.label}
    </option>
  ));
  return (
    <>
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
            // A budget out of range is sent too: the backend's refusal says what the limits are.
            const typed = e.target.value.trim();
            const usd = Number(typed);
            if (typed !== '' && Number.isFinite(usd) && usd !== settings.monthlyBudgetUsd)
              void save({ monthlyBudgetUsd: usd });
          }}
        />
      </div>
    </>
  );
}

/** "Test connection" and what it found. */
function ConnectionTest({
  connection,
  onResult,
  onFailed,
  onTested,
}: {
  connection: ConnectionResult | null;
  onResult: (result: ConnectionResult | null) => void;
  onFailed: (err: unknown) => void;
  onTested: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [testing, setTesting] = useState(false);
  const test = async () => {
    setTesting(true);
    onResult(null);
    try {
      onResult(await api.testTutorConnection({}));
    } catch (err) {
      onFailed(err);
    } finally {
      setTesting(false);
      onTested();
    }
  };
  return (
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
            : t(`tutor.settings.testFailed.${TEST_KINDS.has(connection.kind) ? connection.kind : 'other'}`, {
                status: connection.status ?? '',
              })}
        </p>
      )}
    </div>
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
