/**
 * `lantern model export-attempts --out` given what a hurried user types: the database's own name
 * in the data folder, a folder, an unknown profile. The learner's history must survive every one,
 * and each is said in a sentence, not a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { modelCommand } from '../../../electron/cli/commands/model.ts';
import { tempDir } from './fixtures.ts';

async function run(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  let out = '';
  let err = '';
  const code = await modelCommand(env).run(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd,
  });
  return { code, out, err };
}

function dataFolder(): string {
  const data = tempDir('lantern-data-');
  const { db } = openDatabase(path.join(data, 'lantern.db'));
  const ada = new Profiles(db, new SettingsStore(db)).create('Ada').id;
  new ProgressStore(db).insertAttempt({
    profileId: ada,
    track: 'python',
    exercise: 'count-vowels',
    kind: 'check',
    status: 'pass',
    at: Date.UTC(2026, 2, 1, 9),
  });
  db.close();
  return data;
}

describe('export-attempts --out', () => {
  it('refuses to write over the database it reads, or its write-ahead log, by any name', async () => {
    const data = dataFolder();
    const env = { LANTERN_DATA_DIR: data };
    const before = fs.readFileSync(path.join(data, 'lantern.db'));
    for (const out of ['lantern.db', 'lantern.db-wal', './lantern.db']) {
      const r = await run(['export-attempts', '--profile', 'Ada', '--out', out], env, data);
      expect(r.code).toBe(1);
      expect(r.err).toContain('is a database, not a CSV file; it was left as it was.');
    }
    const link = path.join(tempDir('lantern-cwd-'), 'backup.db');
    fs.symlinkSync(path.join(data, 'lantern.db'), link);
    expect((await run(['export-attempts', '--profile', 'Ada', '--out', link], env, data)).code).toBe(1);
    expect(fs.readFileSync(path.join(data, 'lantern.db')).equals(before)).toBe(true);
    // The history is still there to export.
    const ok = await run(['export-attempts', '--profile', 'Ada'], env, data);
    expect(ok.code).toBe(0);
    expect(ok.out.trimEnd().split('\n')).toHaveLength(2);
  });

  it('says a folder is a folder instead of throwing', async () => {
    const data = dataFolder();
    const cwd = tempDir('lantern-cwd-');
    fs.mkdirSync(path.join(cwd, 'exports'));
    const r = await run(
      ['export-attempts', '--profile', 'Ada', '--out', 'exports'],
      { LANTERN_DATA_DIR: data },
      cwd,
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('exports is a folder: give the file to write');
  });

  it('names the profiles there are when the one asked for is not', async () => {
    const data = dataFolder();
    const r = await run(['export-attempts', '--profile', 'Bob'], { LANTERN_DATA_DIR: data }, data);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('There is no profile called “Bob”');
    expect(r.err).toContain('Profiles: Ada');
  });
});
