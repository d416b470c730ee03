/**
 * The private keys that sign reports are never in lantern.db: checked on the database file's
 * own bytes (and its WAL), for a new key, for one an older Lantern kept in the profile table,
 * and for one inside a restored backup.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../../electron/core/app-services.ts';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { writeBackup } from '../../../electron/core/store/backup.ts';
import { verifyReport } from '../../../electron/core/reports/signing.ts';
import {
  FileSigningKeys,
  SIGNING_KEYS_FILE,
  SigningKeyUnavailableError,
  type KeySealer,
} from '../../../electron/core/reports/signing-keys.ts';

const dirs: string[] = [];
const backends: Backend[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function start(dataDir: string): Backend {
  const backend = createBackend({
    dataDir,
    exercisesDir: path.join(dataDir, 'no-exercises'),
    mode: 'web',
    version: '0.0.0-test',
    prefetchPractice: false,
  });
  backends.push(backend);
  return backend;
}
function stop(backend: Backend) {
  backends.splice(backends.indexOf(backend), 1);
  backend.close();
}

const ctx = { emit: () => undefined };

async function exportJson(backend: Backend) {
  const { files } = await backend.handlers.exportReport({ format: 'json', locale: 'en' }, ctx);
  return JSON.parse(files[0]!.content) as { signature: { publicKey: string } };
}

/** Every byte Lantern's database holds on disk: the file and, if there is one, its WAL. */
function databaseBytes(dataDir: string): Buffer {
  const file = path.join(dataDir, 'lantern.db');
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
  );
}

/** An Ed25519 PKCS#8 key ends with the 32-byte seed: found alone, the key is there. */
const seedOf = (pkcs8: Buffer) => pkcs8.subarray(pkcs8.length - 32);

/** A database as an older Lantern left it: the private key in the profile row. */
function legacyDatabase(file: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const priv = privateKey.export({ format: 'der', type: 'pkcs8' });
  const pub = publicKey.export({ format: 'der', type: 'spki' });
  const { db } = openDatabase(file);
  db.prepare("INSERT INTO profile (id, name) VALUES (1, 'Ana')").run();
  db.prepare("INSERT INTO setting (key, value) VALUES ('currentProfileId', '1')").run();
  db.prepare('UPDATE profile SET signing_private_key = ?, signing_public_key = ? WHERE id = 1').run(
    priv,
    pub,
  );
  return { db, priv, pub };
}

describe('report signing keys are kept out of the database', () => {
  test('a new learner’s key is made in the key file (0600), and its bytes are nowhere in lantern.db', async () => {
    const dataDir = tempDir();
    const backend = start(dataDir);
    const report = await exportJson(backend);
    expect(verifyReport(report)).toBe('verified');
    stop(backend);

    const keyFile = path.join(dataDir, SIGNING_KEYS_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const stored = new FileSigningKeys(dataDir).get(Buffer.from(report.signature.publicKey, 'base64'))!;
    const priv = stored.export({ format: 'der', type: 'pkcs8' });
    expect(databaseBytes(dataDir).includes(seedOf(priv))).toBe(false);

    // The same key signs the next report, after a restart.
    const again = start(dataDir);
    expect((await exportJson(again)).signature.publicKey).toBe(report.signature.publicKey);
  });

  test('a key an older Lantern kept in the profile table is moved out at start-up and erased from the file', async () => {
    const dataDir = tempDir();
    const { db, priv, pub } = legacyDatabase(path.join(dataDir, 'lantern.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // The test can see a key in the bytes: it is there before the move.
    expect(databaseBytes(dataDir).includes(seedOf(priv))).toBe(true);

    const backend = start(dataDir);
    expect(databaseBytes(dataDir).includes(seedOf(priv))).toBe(false);
    const column = backend.db.prepare('SELECT signing_private_key FROM profile').pluck().all();
    expect(column).toEqual([null]);
    // Reports are still signed with the learner's own key, so a teacher still recognises them.
    const report = await exportJson(backend);
    expect(report.signature.publicKey).toBe(pub.toString('base64'));
    expect(verifyReport(report)).toBe('verified');
    stop(backend);
    expect(databaseBytes(dataDir).includes(seedOf(priv))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, SIGNING_KEYS_FILE), 'utf8')).toContain(priv.toString('base64'));
  });

  test('restoring a backup that holds a key moves the key to the key file, not into lantern.db', async () => {
    const old = tempDir();
    const { db, priv, pub } = legacyDatabase(path.join(old, 'lantern.db'));
    const backupFile = path.join(old, 'backup.db');
    writeBackup(db, backupFile);
    db.close();
    const bytes = fs.readFileSync(backupFile);
    expect(bytes.includes(seedOf(priv))).toBe(true);

    const dataDir = tempDir();
    const backend = start(dataDir);
    const { uploadId } = await backend.handlers.startRestore(
      { sizeBytes: bytes.length, fileName: 'b.db' },
      ctx,
    );
    await backend.handlers.uploadRestoreChunk({ uploadId, offset: 0, data: bytes.toString('base64') }, ctx);
    await backend.handlers.finishRestore({ uploadId }, ctx);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(databaseBytes(dataDir).includes(seedOf(priv))).toBe(false);
    expect((await exportJson(backend)).signature.publicKey).toBe(pub.toString('base64'));
  });

  test('deleting a learner deletes their signing key', async () => {
    const dataDir = tempDir();
    const backend = start(dataDir);
    const ana = await backend.handlers.createProfile({ name: 'Ana', switchTo: true }, ctx);
    const { signature } = await exportJson(backend);
    const keys = new FileSigningKeys(dataDir);
    const pub = Buffer.from(signature.publicKey, 'base64');
    expect(keys.get(pub)).toBeDefined();
    await backend.handlers.createProfile({ name: 'Ben', switchTo: true }, ctx);
    await backend.handlers.deleteProfile({ id: ana.id }, ctx);
    expect(keys.get(pub)).toBeUndefined();
  });
});

describe('the key file', () => {
  // Stands in for safeStorage (the binary cannot run here): anything that is not the plain key.
  const sealer: KeySealer = {
    protection: 'safeStorage',
    seal: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
    open: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
  };
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      priv: privateKey.export({ format: 'der', type: 'pkcs8' }),
      pub: publicKey.export({ format: 'der', type: 'spki' }),
    };
  };

  test('sealed by the desktop app, a key is not in the file as it is, and web mode says it cannot open it', () => {
    const dir = tempDir();
    const { priv, pub } = pair();
    new FileSigningKeys(dir, sealer).put(pub, priv);
    const text = fs.readFileSync(path.join(dir, SIGNING_KEYS_FILE), 'utf8');
    expect(text).not.toContain(priv.toString('base64'));
    expect(text).toContain('"protection": "safeStorage"');
    expect(new FileSigningKeys(dir, sealer).get(pub)!.export({ format: 'der', type: 'pkcs8' })).toEqual(priv);
    expect(() => new FileSigningKeys(dir).get(pub)).toThrow(SigningKeyUnavailableError);
    expect(() => new FileSigningKeys(dir).get(pub)).toThrow(/Export the report from the desktop app/);
  });

  test('a key web mode stored as it is gets sealed once the desktop app reads it', () => {
    const dir = tempDir();
    const { priv, pub } = pair();
    new FileSigningKeys(dir).put(pub, priv);
    expect(fs.readFileSync(path.join(dir, SIGNING_KEYS_FILE), 'utf8')).toContain(priv.toString('base64'));
    expect(new FileSigningKeys(dir, sealer).get(pub)).toBeDefined();
    const text = fs.readFileSync(path.join(dir, SIGNING_KEYS_FILE), 'utf8');
    expect(text).not.toContain(priv.toString('base64'));
    expect(text).toContain('"protection": "safeStorage"');
  });
});
