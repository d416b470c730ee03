/**
 * A restore killed at any step (SIGKILL, a real child process) leaves the live database as it
 * was: sound, with every learner and attempt it had. Killed while the backup's pages are being
 * written into the live file, SQLite discards the uncommitted write on the next open.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { writeBackup } from '../../../electron/core/store/backup.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';

const CHILD = path.join(import.meta.dirname, 'restore-killed.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-restore-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database with `name` and `attempts` attempts (enough pages that copying takes many steps). */
function makeDatabase(file: string, name: string, attempts: number): void {
  const { db } = openDatabase(file);
  const profiles = new Profiles(db, new SettingsStore(db));
  const progress = new ProgressStore(db);
  const id = profiles.create(name).id;
  db.transaction(() => {
    for (let i = 0; i < attempts; i++)
      progress.insertAttempt({
        profileId: id,
        track: 'py',
        exercise: `e${i % 20}`,
        kind: 'check',
        status: i % 2 ? 'pass' : 'fail',
        // Code that does not compress: a backup of some megabytes, copied in many steps.
        code: `print(${i}) # ${name} ${randomBytes(3000).toString('hex')}`,
      });
  })();
  db.close();
}

function run(live: string, backup: string, killAt: string) {
  const child = spawn(process.execPath, [CHILD, live, backup, killAt], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
}

function contents(file: string) {
  const db = new Database(file); // opening recovers the WAL, as the next app start would
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      names: db.prepare('SELECT name FROM profile ORDER BY name').pluck().all(),
      attempts: db.prepare('SELECT count(*) FROM attempt').pluck().get(),
    };
  } finally {
    db.close();
  }
}

const backup = path.join(dir, 'backup.db');
const source = path.join(dir, 'source.db');
makeDatabase(source, 'Ana', 800);
{
  const { db } = openDatabase(source);
  writeBackup(db, backup);
  db.close();
}

describe('a restore killed part-way', () => {
  test.each(['copied', 'checked', 'rebuilt', 'migrated', 'kept-aside', 'replacing', 'replaced'])(
    'killed after “%s”: the live database is sound and the old data is all there (or, once replaced, the new)',
    async (killAt) => {
      const live = path.join(dir, `live-${killAt}`, 'lantern.db');
      makeDatabase(live, 'Ben', 300);
      const result = await run(live, backup, killAt);
      expect(result.signal, result.out).toBe('SIGKILL');
      const after = contents(live);
      expect(after.integrity).toBe('ok');
      if (killAt === 'replaced') expect(after).toMatchObject({ names: ['Ana'], attempts: 800 });
      else expect(after).toMatchObject({ names: ['Ben'], attempts: 300 });
    },
    30_000,
  );

  test('left alone, the same restore completes', async () => {
    const live = path.join(dir, 'live-none', 'lantern.db');
    makeDatabase(live, 'Ben', 300);
    const result = await run(live, backup, 'none');
    expect(result.out).toContain('restored');
    expect(contents(live)).toMatchObject({ integrity: 'ok', names: ['Ana'], attempts: 800 });
  }, 30_000);
});
