/**
 * Learner profiles on one machine (a shared classroom computer): create, list, switch, rename,
 * delete. Every record hangs off a profile with ON DELETE CASCADE, so data stays separate and a
 * deleted profile leaves nothing behind. The caller offers an export before deleting.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db } from '../store/database.ts';
import type { SettingsStore } from '../store/settings.ts';
import { MemorySigningKeys, type SigningKeys } from '../reports/signing-keys.ts';
import {
  cleanLearnerName,
  describeNameProblem,
  learnerNameProblem,
} from '../../../shared/api/learner-name.ts';
import { MACHINE_SETTINGS } from './learner-settings.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { ProfileRefusal } from '../../../shared/api/calls/profiles.ts';

export const CURRENT_PROFILE_SETTING = 'currentProfileId';

export interface Profile {
  id: number;
  name: string;
  createdAt: string;
  /** When the placement check was applied (epoch ms), if it was. */
  placedAt: number | null;
}

/** A profile action refused: a code for the page (`profiles.errors.<code>`), English for logs. */
export class ProfileError extends ReasonedError {
  constructor(code: ProfileRefusal, params: Record<string, string | number>, message: string) {
    super(message, { code, params });
    this.name = 'ProfileError';
  }
}

interface ProfileRow {
  id: number;
  name: string;
  created_at: string;
  placed_at: number | null;
}

export class Profiles {
  private readonly db: Db;
  private readonly settings: SettingsStore;
  private readonly keys: SigningKeys;
  private readonly deletedListeners = new Set<(id: number) => void>();

  /** `keys`: where private signing keys live (the app and CLI pass the data folder's store). */
  constructor(db: Db, settings: SettingsStore, keys: SigningKeys = new MemorySigningKeys()) {
    this.db = db;
    this.settings = settings;
    this.keys = keys;
  }

  list(): Profile[] {
    const rows = this.db
      .prepare('SELECT id, name, created_at, placed_at FROM profile ORDER BY name COLLATE NOCASE')
      .all();
    return (rows as ProfileRow[]).map(toProfile);
  }

  get(id: number): Profile | undefined {
    const row = this.db.prepare('SELECT id, name, created_at, placed_at FROM profile WHERE id = ?').get(id);
    return row ? toProfile(row as ProfileRow) : undefined;
  }

  byName(name: string): Profile | undefined {
    const row = this.db
      .prepare('SELECT id, name, created_at, placed_at FROM profile WHERE name = ? COLLATE NOCASE')
      .get(name.trim());
    return row ? toProfile(row as ProfileRow) : undefined;
  }

  /**
   * Creates a profile; the first one created becomes the current one. The new learner starts
   * with the settings on screen: the current learner's, or, with none, the machine's last ones.
   */
  create(name: string): Profile {
    const clean = this.checkName(name);
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO profile (name, settings) VALUES (?, coalesce(
             (SELECT settings FROM profile WHERE id = ?),
             (SELECT value FROM setting WHERE key = ?),
             '{}'))`,
        )
        .run(clean, this.current()?.id ?? null, MACHINE_SETTINGS).lastInsertRowid,
    );
    if (this.current() === undefined) this.switchTo(id);
    return this.require(id);
  }

  /** The profile in use, or undefined before anyone has made one. */
  current(): Profile | undefined {
    const id = this.settings.get<number>(CURRENT_PROFILE_SETTING);
    return id === undefined ? undefined : this.get(id);
  }

  switchTo(id: number): Profile {
    const profile = this.require(id);
    this.settings.set(CURRENT_PROFILE_SETTING, id);
    return profile;
  }

  rename(id: number, name: string): Profile {
    this.require(id);
    const clean = this.checkName(name, id);
    this.db.prepare('UPDATE profile SET name = ? WHERE id = ?').run(clean, id);
    return this.require(id);
  }

  /**
   * Tells `listener` the id of each learner deleted from now on, so that whatever is kept for them
   * outside the database (in memory) goes with them. Answers a function that stops it.
   */
  onDeleted(listener: (id: number) => void): () => void {
    this.deletedListeners.add(listener);
    return () => this.deletedListeners.delete(listener);
  }

  /** Deletes a profile and all its records. Offer an export first: this cannot be undone. */
  delete(id: number): void {
    this.require(id);
    const pub = (
      this.db.prepare('SELECT signing_public_key AS pub FROM profile WHERE id = ?').get(id) as {
        pub: Buffer | null;
      }
    ).pub;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM profile WHERE id = ?').run(id);
      if (this.settings.get<number>(CURRENT_PROFILE_SETTING) === id) {
        const next = this.db.prepare('SELECT id FROM profile ORDER BY id LIMIT 1').get() as
          { id: number } | undefined;
        if (next) this.settings.set(CURRENT_PROFILE_SETTING, next.id);
        else this.db.prepare('DELETE FROM setting WHERE key = ?').run(CURRENT_PROFILE_SETTING);
      }
    })();
    // The learner's signing key goes with them: nothing could sign as them again.
    if (pub) this.keys.delete(pub);
    for (const listener of this.deletedListeners) listener(id);
  }

  /**
   * The profile's Ed25519 key for signing reports, made on first use. The public key is kept with
   * the profile; the private key only in the signing-key store, never in the database. A profile
   * whose private key this install does not have (restored from another computer's backup) gets
   * a new pair: its reports then carry a new key, which a teacher sees.
   */
  signingKey(id: number): { privateKey: KeyObject; publicKeyDer: Buffer } {
    this.require(id);
    const row = this.db.prepare('SELECT signing_public_key AS pub FROM profile WHERE id = ?').get(id) as {
      pub: Buffer | null;
    };
    const known = row.pub ? this.keys.get(row.pub) : undefined;
    if (row.pub && known) return { privateKey: known, publicKeyDer: row.pub };
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const priv = privateKey.export({ format: 'der', type: 'pkcs8' });
    const pub = publicKey.export({ format: 'der', type: 'spki' });
    this.keys.put(pub, priv);
    this.db
      .prepare('UPDATE profile SET signing_private_key = NULL, signing_public_key = ? WHERE id = ?')
      .run(pub, id);
    return { privateKey, publicKeyDer: pub };
  }

  private require(id: number): Profile {
    const profile = this.get(id);
    if (!profile)
      throw new ProfileError(
        'profile-missing',
        { id },
        `There is no learner profile with id ${id}. It may have been deleted.`,
      );
    return profile;
  }

  private checkName(name: string, exceptId?: number): string {
    const clean = cleanLearnerName(name);
    if (!clean)
      throw new ProfileError(
        'profile-name-empty',
        {},
        'A profile needs a name. Type the learner’s name or a nickname.',
      );
    const problem = learnerNameProblem(clean);
    if (problem) {
      const { code, ...where } = problem;
      throw new ProfileError(
        'profile-name-problem',
        { problem: code, ...where },
        `That profile name cannot be used: ${describeNameProblem(problem)}.`,
      );
    }
    const taken = this.byName(clean);
    if (taken && taken.id !== exceptId)
      throw new ProfileError(
        'profile-name-taken',
        { name: taken.name },
        `There is already a profile called “${taken.name}”. Choose another name.`,
      );
    return clean;
  }
}

function toProfile(r: ProfileRow): Profile {
  return { id: r.id, name: r.name, createdAt: r.created_at, placedAt: r.placed_at };
}
