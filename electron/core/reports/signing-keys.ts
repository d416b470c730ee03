/**
 * Where the private keys that sign learners' reports live: never in lantern.db (decision 0028).
 * One file in the data folder, `signing-keys.json` (mode 0600, written via a temp file and
 * rename), maps each public key (its SHA-256) to its private key, sealed by a `KeySealer`:
 *
 * - the desktop app seals with Electron safeStorage (the OS keychain: Keychain, DPAPI, the Secret
 *   Service or KWallet), as it does the tutor's API keys (decision 0016);
 * - web mode and the CLI have no keychain: the key is stored as it is, protected only by the
 *   file's permissions (owner read/write) — anyone who can read the data folder as this user can
 *   read it. Documented in docs/report-schema.md and README.
 *
 * The public key stays in the profile row: it is not secret, and it is how a profile finds its
 * private key. Keyed by public key rather than profile id, a restored backup whose profile 3 is
 * someone else never picks up another learner's key.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database.ts';
import { ReasonedError } from '../../../shared/api/reasoned-error.ts';
import type { ReportRefusal } from '../../../shared/api/calls/progress.ts';

export const SIGNING_KEYS_FILE = 'signing-keys.json';

/** How a private key is kept at rest. */
export interface KeySealer {
  /** safeStorage: sealed with the OS keychain; none: stored as it is, in a 0600 file. */
  readonly protection: 'safeStorage' | 'none';
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

export const UNSEALED: KeySealer = { protection: 'none', seal: (b) => b, open: (b) => b };

/** A report that cannot be signed: a code for the page (`dashboard.errors.<code>`), English for logs. */
export class SigningKeyError extends ReasonedError {
  constructor(code: ReportRefusal, file: string, message: string) {
    super(message, { code, params: { file } });
    this.name = 'SigningKeyError';
  }
}

export class SigningKeyUnavailableError extends SigningKeyError {
  constructor(file: string) {
    super(
      'signing-key-sealed',
      file,
      `This learner's signing key in ${file} is protected by the desktop app's system keychain, which web mode and the command line cannot open. Export the report from the desktop app.`,
    );
    this.name = 'SigningKeyUnavailableError';
  }
}

export interface SigningKeys {
  /** The private key for `publicKeyDer`, or undefined when this install has none. */
  get(publicKeyDer: Buffer): KeyObject | undefined;
  put(publicKeyDer: Buffer, privateKeyDer: Buffer): void;
  delete(publicKeyDer: Buffer): void;
}

interface KeyFile {
  format: 'lantern-signing-keys';
  version: 1;
  keys: Record<string, { protection: KeySealer['protection']; privateKey: string }>;
}

const idOf = (publicKeyDer: Buffer) => createHash('sha256').update(publicKeyDer).digest('hex');

export class FileSigningKeys implements SigningKeys {
  readonly file: string;
  private readonly sealer: KeySealer;

  constructor(dataDir: string, sealer: KeySealer = UNSEALED) {
    this.file = path.join(dataDir, SIGNING_KEYS_FILE);
    this.sealer = sealer;
  }

  get protection(): KeySealer['protection'] {
    return this.sealer.protection;
  }

  get(publicKeyDer: Buffer): KeyObject | undefined {
    const entry = this.read().keys[idOf(publicKeyDer)];
    if (!entry) return undefined;
    if (entry.protection !== this.sealer.protection && entry.protection !== 'none')
      throw new SigningKeyUnavailableError(this.file);
    const sealed = Buffer.from(entry.privateKey, 'base64');
    const der = entry.protection === 'none' ? sealed : this.sealer.open(sealed);
    // A key web mode stored as it is gets the keychain's protection once the desktop app reads it.
    if (entry.protection !== this.sealer.protection) this.put(publicKeyDer, der);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }

  put(publicKeyDer: Buffer, privateKeyDer: Buffer): void {
    const data = this.read();
    data.keys[idOf(publicKeyDer)] = {
      protection: this.sealer.protection,
      privateKey: this.sealer.seal(privateKeyDer).toString('base64'),
    };
    this.write(data);
  }

  delete(publicKeyDer: Buffer): void {
    const data = this.read();
    if (!(idOf(publicKeyDer) in data.keys)) return;
    delete data.keys[idOf(publicKeyDer)];
    this.write(data);
  }

  private read(): KeyFile {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return { format: 'lantern-signing-keys', version: 1, keys: {} };
    }
    let data: KeyFile | undefined;
    try {
      data = JSON.parse(text) as KeyFile;
    } catch {
      data = undefined;
    }
    if (data?.format !== 'lantern-signing-keys' || typeof data.keys !== 'object' || data.keys === null)
      throw new SigningKeyError(
        'signing-keys-not-lantern',
        this.file,
        `${this.file} is not Lantern's signing-key file; move it away and start again.`,
      );
    return data;
  }

  private write(data: KeyFile): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    // writeFileSync's mode applies only to a new file; an older one keeps whatever it had.
    fs.chmodSync(this.file, 0o600);
  }
}

/** Keys for the life of the process (tests, and stand-alone uses that export nothing). */
export class MemorySigningKeys implements SigningKeys {
  private readonly keys = new Map<string, Buffer>();
  get(publicKeyDer: Buffer): KeyObject | undefined {
    const der = this.keys.get(idOf(publicKeyDer));
    return der ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) : undefined;
  }
  put(publicKeyDer: Buffer, privateKeyDer: Buffer): void {
    this.keys.set(idOf(publicKeyDer), Buffer.from(privateKeyDer));
  }
  delete(publicKeyDer: Buffer): void {
    this.keys.delete(idOf(publicKeyDer));
  }
}

/**
 * Moves private keys that older Lanterns kept in the profile table into `keys`, then erases
 * them from the database: the column is emptied with secure_delete on, and the WAL is
 * checkpointed and truncated, so the key's bytes are left in no page of lantern.db or its WAL.
 * Runs at start-up and on a restored backup. Answers how many keys moved.
 */
export function moveSigningKeysOutOfDatabase(db: Db, keys: SigningKeys): number {
  const hasColumn = (db.prepare('PRAGMA table_info(profile)').all() as { name: string }[]).some(
    (c) => c.name === 'signing_private_key',
  );
  if (!hasColumn) return 0;
  const rows = db
    .prepare(
      'SELECT id, signing_private_key AS priv, signing_public_key AS pub FROM profile WHERE signing_private_key IS NOT NULL',
    )
    .all() as { id: number; priv: Buffer; pub: Buffer | null }[];
  if (rows.length === 0) return 0;
  for (const r of rows) {
    // Keys first: a crash between the two steps leaves the key in both places, never in none.
    const pub =
      r.pub ??
      createPublicKey(createPrivateKey({ key: r.priv, format: 'der', type: 'pkcs8' })).export({
        format: 'der',
        type: 'spki',
      });
    keys.put(pub, r.priv);
    r.pub = pub;
  }
  const secureDelete = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    const clear = db.prepare(
      'UPDATE profile SET signing_private_key = NULL, signing_public_key = ? WHERE id = ?',
    );
    db.transaction(() => {
      for (const r of rows) clear.run(r.pub, r.id);
    })();
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`secure_delete = ${Number(secureDelete)}`);
  }
  return rows.length;
}
