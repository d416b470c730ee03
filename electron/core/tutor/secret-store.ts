/**
 * Where the tutor's secrets (API keys, credentials) live. The desktop app stores them encrypted
 * with Electron safeStorage (electron/main/secret-store.ts); web mode and the CLI keep them in
 * memory only and otherwise rely on the standard environment variables. Secrets never go into
 * SQLite, the log, or any API answer: the UI only learns whether each one is set.
 */
import { SECRET_NAMES, type SecretName } from '../../../shared/api/calls/tutor.ts';
import type { TutorSecrets } from './client.ts';

/**
 * The environment variable that supplies each secret when the app holds none. Vertex has none:
 * without a token the SDK uses Google Application Default Credentials.
 */
export const SECRET_ENV: Partial<Record<SecretName, string>> = {
  anthropicApiKey: 'ANTHROPIC_API_KEY',
  bedrockApiKey: 'AWS_BEARER_TOKEN_BEDROCK',
  awsAccessKeyId: 'AWS_ACCESS_KEY_ID',
  awsSecretAccessKey: 'AWS_SECRET_ACCESS_KEY',
  awsSessionToken: 'AWS_SESSION_TOKEN',
};

export interface SecretStore {
  /** os: encrypted with the OS keychain; basic: the OS offers only basic text encryption; memory: not on disk. */
  readonly storage: 'os' | 'basic' | 'memory';
  load(): TutorSecrets;
  save(secrets: TutorSecrets): void;
}

/** Keeps secrets for the life of the process only (web mode, the CLI, tests). */
export class MemorySecretStore implements SecretStore {
  readonly storage = 'memory' as const;
  private secrets: TutorSecrets;
  constructor(initial: TutorSecrets = {}) {
    this.secrets = { ...initial };
  }
  load(): TutorSecrets {
    return { ...this.secrets };
  }
  save(secrets: TutorSecrets): void {
    this.secrets = { ...secrets };
  }
}

/**
 * Secrets the standard environment variables supply for the ones the store lacks. The Claude
 * client reads most of them itself; AWS static keys it takes only from here.
 */
export function withEnvironment(secrets: TutorSecrets, env: NodeJS.ProcessEnv): TutorSecrets {
  const out: TutorSecrets = { ...secrets };
  for (const key of SECRET_NAMES) {
    const name = SECRET_ENV[key];
    const value = name ? env[name] : undefined;
    if (!out[key] && value) out[key] = value;
  }
  return out;
}
