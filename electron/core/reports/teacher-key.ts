/**
 * The teacher's own Ed25519 key: its public half goes into every enrolment (and so into the
 * reports of the learners who joined), its private half signs enrolment files. Kept like a
 * learner's key (decision 0028): the public key in a setting, the private key in the
 * signing-key store, never in the database. Made on first use.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SettingsStore } from '../store/settings.ts';
import type { SigningKeys } from './signing-keys.ts';
import { keyFingerprint } from './signing.ts';

const SETTING = 'teacher.publicKey';

export interface TeacherKey {
  /** SPKI DER, base64. */
  publicKey(): string;
  fingerprint(): string;
  privateKey(): KeyObject;
}

export function teacherKey(settings: SettingsStore, keys: SigningKeys): TeacherKey {
  const ensure = (): { pub: string; priv: KeyObject } => {
    const pub = settings.get<string>(SETTING);
    const priv = pub ? keys.get(Buffer.from(pub, 'base64')) : undefined;
    if (pub && priv) return { pub, priv };
    // A key this install lacks (a database restored elsewhere) is replaced: enrolments made
    // before then still name the old key, and reports made for them say so when imported.
    const pair = generateKeyPairSync('ed25519');
    const der = pair.publicKey.export({ format: 'der', type: 'spki' });
    keys.put(der, pair.privateKey.export({ format: 'der', type: 'pkcs8' }));
    settings.set(SETTING, der.toString('base64'));
    return { pub: der.toString('base64'), priv: pair.privateKey };
  };
  return {
    publicKey: () => ensure().pub,
    fingerprint: () => keyFingerprint(ensure().pub),
    privateKey: () => ensure().priv,
  };
}
