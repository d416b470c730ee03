/**
 * Tutor secrets in the desktop app: one file in the data folder holding the secrets as JSON,
 * encrypted with Electron safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux). When Linux offers only safeStorage's "basic_text" backend the file is barely
 * protected, so the store says so (Settings shows it) and the log warns once.
 * Without any encryption the secrets stay in memory and are never written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { TutorSecrets } from '../core/tutor/client.ts';
import type { SecretStore } from '../core/tutor/secret-store.ts';
import type { Logger } from '../core/logger.ts';
import { UNSEALED, type KeySealer } from '../core/reports/signing-keys.ts';

/**
 * Report signing keys sealed with safeStorage, like the tutor's keys. Without any encryption a
 * signing key must still outlive the app (a new key each launch would make every report look
 * like another learner's), so it is then kept as web mode keeps it: in a file only its owner can
 * read (decision 0028).
 */
export function safeStorageKeySealer(): KeySealer {
  if (!safeStorage.isEncryptionAvailable()) return UNSEALED;
  return {
    protection: 'safeStorage',
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

export class SafeStorageSecretStore implements SecretStore {
  readonly storage: SecretStore['storage'];
  private readonly file: string;
  private readonly log: Logger;
  private memory: TutorSecrets = {};

  constructor(dataDir: string, log: Logger) {
    this.file = path.join(dataDir, 'tutor-secrets.bin');
    this.log = log;
    const available = safeStorage.isEncryptionAvailable();
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
    this.storage = !available ? 'memory' : backend === 'basic_text' ? 'basic' : 'os';
    if (this.storage === 'basic')
      log.warn(
        'The system offers only basic text encryption for saved keys (no keyring found); install a keyring such as GNOME Keyring or KWallet for proper protection.',
      );
    if (this.storage === 'memory')
      log.warn('No encryption is available for saved keys: they are kept only until the app closes.');
  }

  load(): TutorSecrets {
    if (this.storage === 'memory') return { ...this.memory };
    try {
      if (!fs.existsSync(this.file)) return {};
      return JSON.parse(safeStorage.decryptString(fs.readFileSync(this.file))) as TutorSecrets;
    } catch (err) {
      // Never the content: only that it could not be read.
      this.log.warn({ file: this.file, err: (err as Error).name }, 'saved tutor keys could not be read');
      return {};
    }
  }

  save(secrets: TutorSecrets): void {
    if (this.storage === 'memory') {
      this.memory = { ...secrets };
      return;
    }
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, safeStorage.encryptString(JSON.stringify(secrets)), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
