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
  DEFAULT_LEARNER_NAMES,
  describeNameProblem,
  learnerNameProblem,
} from '../../../shared/api/learner-name.ts';
import { MACHINE_SETTINGS } from './learner-settings.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { ProfileRefusal } from '../../../shared/api/calls/profiles.ts';

export const CURRENT_PROFILE_SETTING = 'currentProfileId';

export interface Profile {
  id: number;
  /**
   * The name the learner chose, or null when nobody did (the profile made on first use): whatever
   * shows it words it in its own language with `learnerNameIn` (decision 0055).
   */
  name: string | null;
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
  name_chosen: number;
  created_at: string;
  placed_at: number | null;
}

/**
 * The columns a Profile is read from. A database not yet migrated to 0011 (the command line reads
 * one read-only, without migrating) reads `name_chosen` as that migration would set it.
 */
const COLUMNS = 'id, name, name_chosen, created_at, placed_at';
const COLUMNS_BEFORE_0011 = `id, name, CASE WHEN name IN ('Learner', '学习者')
  AND (SELECT count(*) FROM profile WHERE name IN ('Learner', '学习者')) = 1 THEN 0 ELSE 1 END AS name_chosen,
  created_at, placed_at`;

/** Whether `name` is a word the app calls a learner whose name nobody chose, in any language. */
const isDefaultName = (name: string) =>
  Object.values(DEFAULT_LEARNER_NAMES).some((word) => word.toLowerCase() === name.toLowerCase());

export class Profiles {
  private readonly db: Db;
  private readonly settings: SettingsStore;
  private readonly keys: SigningKeys;
  private readonly deletedListeners = new Set<(id: number) => void>();
  private readonly columns: string;

  /** `keys`: where private signing keys live (the app and CLI pass the data folder's store). */
  constructor(db: Db, settings: SettingsStore, keys: SigningKeys = new MemorySigningKeys()) {
    this.db = db;
    this.settings = settings;
    this.keys = keys;
    const migrated = db
      .prepare("SELECT 1 FROM pragma_table_info('profile') WHERE name = 'name_chosen'")
      .get();
    this.columns = migrated ? COLUMNS : COLUMNS_BEFORE_0011;
  }

  list(): Profile[] {
    const rows = this.db.prepare(`SELECT ${this.columns} FROM profile ORDER BY name COLLATE NOCASE`).all();
    return (rows as ProfileRow[]).map(toProfile);
  }

  get(id: number): Profile | undefined {
    const row = this.db.prepare(`SELECT ${this.columns} FROM profile WHERE id = ?`).get(id);
    return row ? toProfile(row as ProfileRow) : undefined;
  }

  /**
   * The profile called `name`: a name chosen, or, for the learner whose name nobody chose, the word
   * for "learner" in any language it may have been shown in ("Learner", "学习者").
   */
  byName(name: string): Profile | undefined {
    const clean = name.trim();
    const row =
      this.db
        .prepare(`SELECT ${this.columns} FROM profile WHERE name_chosen = 1 AND name = ? COLLATE NOCASE`)
        .get(clean) ??
      (isDefaultName(clean)
        ? this.db
            .prepare(`SELECT ${this.columns} FROM profile WHERE name_chosen = 0 ORDER BY id LIMIT 1`)
            .get()
        : undefined);
    return row ? toProfile(row as ProfileRow) : undefined;
  }

  /**
   * Creates a profile; the first one created becomes the current one. The new learner starts
   * with the settings on screen: the current learner's, or, with none, the machine's last ones.
   */
  create(name: string): Profile {
    return this.insert(this.checkName(name), true);
  }

  /**
   * Creates the learner no one has named yet (the app makes one on first use): shown as the word
   * for "learner" in the language it is shown in, until the learner renames it. `locale` only picks
   * the word stored, which keeps names unique and is what an older Lantern would show.
   */
  createUnnamed(locale: keyof typeof DEFAULT_LEARNER_NAMES = 'en'): Profile {
    const words = [DEFAULT_LEARNER_NAMES[locale], ...Object.values(DEFAULT_LEARNER_NAMES)];
    const free = words.find((word) => !this.db.prepare('SELECT 1 FROM profile WHERE name = ?').get(word));
    if (free === undefined) return this.insert(this.checkName(DEFAULT_LEARNER_NAMES[locale]), true);
    return this.insert(free, false);
  }

  private insert(name: string, chosen: boolean): Profile {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO profile (name, name_chosen, settings) VALUES (?, ?, coalesce(
             (SELECT settings FROM profile WHERE id = ?),
             (SELECT value FROM setting WHERE key = ?),
             '{}'))`,
        )
        .run(name, chosen ? 1 : 0, this.current()?.id ?? null, MACHINE_SETTINGS).lastInsertRowid,
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

  /** Renames a profile: the name is then the learner's choice, and never follows the language. */
  rename(id: number, name: string): Profile {
    this.require(id);
    const clean = this.checkName(name, id);
    this.db.prepare('UPDATE profile SET name = ?, name_chosen = 1 WHERE id = ?').run(clean, id);
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
    // The unnamed learner is called by the word for "learner" in every language, so no one else can be.
    const taken = this.byName(clean);
    if (taken && taken.id !== exceptId) {
      const called = taken.name ?? clean;
      throw new ProfileError(
        'profile-name-taken',
        { name: called },
        `There is already a profile called “${called}”. Choose another name.`,
      );
    }
    return clean;
  }
}

function toProfile(r: ProfileRow): Profile {
  return {
    id: r.id,
    name: r.name_chosen ? r.name : null,
    createdAt: r.created_at,
    placedAt: r.placed_at,
  };
}
