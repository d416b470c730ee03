/**
 * Unseen hostile files: backups a learner (or anyone) hands to Restore, and reports a teacher
 * imports into a class. A hostile file may be refused or accepted, but never harms: the current
 * data stays whole when it is refused, nothing it carries becomes live markup, and a report
 * neither shuts out nor replaces a learner's real one.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { restoreBackup, writeBackup } from '../../../electron/core/store/backup.ts';
import { BackupError } from '../../../electron/core/store/backup-check.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { ModelRecords } from '../../../electron/core/learner/model-records.ts';
import { LearnerModel } from '../../../electron/core/learner/learner-model.ts';
import { buildSignedReport } from '../../../electron/core/reports/build-report.ts';
import { reportFiles } from '../../../electron/core/reports/report-files.ts';
import { Classes } from '../../../electron/core/reports/classes.ts';
import { describeOutcome } from '../../../electron/core/reports/class-import.ts';
import { signReport } from '../../../electron/core/reports/signing.ts';
import { renderMarkdown } from '../../../renderer/components/markdown.ts';
import { COURSE, tempDatabase, tempDir } from '../../unit/learner/fixtures.ts';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = tempDir('lantern-hostile-');
  dirs.push(d);
  return d;
}

/** A live data folder with Ben and one attempt. */
function live() {
  const folder = dir();
  const file = path.join(folder, 'lantern.db');
  const { db } = openDatabase(file);
  open.push(db);
  const profiles = new Profiles(db, new SettingsStore(db));
  const progress = new ProgressStore(db);
  const ben = profiles.create('Ben');
  progress.insertAttempt({
    profileId: ben.id,
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'fail',
    code: 'x',
  });
  return { folder, file, db, profiles, progress, ben };
}
type Live = ReturnType<typeof live>;

/** A genuine backup with Ana, then changed by `edit` with raw SQL. */
function backup(edit: (db: Database.Database) => void = () => undefined): string {
  const source = live();
  const ana = source.profiles.create('Ana');
  source.progress.insertAttempt({
    profileId: ana.id,
    track: 'py',
    exercise: 'hello',
    kind: 'check',
    status: 'pass',
    code: 'print(1)',
  });
  const file = path.join(dir(), 'backup.db');
  writeBackup(source.db, file);
  const db = new Database(file);
  edit(db);
  db.close();
  return file;
}

/** The live data is Ben's as before, and Restore left nothing behind. */
function untouched(l: Live) {
  expect(l.profiles.list().map((p) => p.name)).toEqual(['Ben']);
  expect(l.progress.attempts(l.ben.id)).toHaveLength(1);
  expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(fs.readdirSync(path.join(l.folder, 'restore'))).toEqual([]);
}

const sources = (l: Live) => ({
  db: l.db,
  profiles: l.profiles,
  progress: l.progress,
  model: new LearnerModel(l.progress, new ModelRecords(l.db), () => COURSE),
  courseOf: () => COURSE,
  appVersion: '0.1.0',
});

describe('hostile backups', () => {
  test('rows of the right schema holding markup where counts and days belong do not become live HTML', async () => {
    const file = backup((db) => {
      const ana = db.prepare("SELECT id FROM profile WHERE name = 'Ana'").pluck().get();
      db.prepare('INSERT INTO activity_day (profile_id, day, active_ms, attempts) VALUES (?, ?, ?, ?)').run(
        ana,
        '<img src=x onerror=alert(1)>',
        60_000,
        '<script>alert(2)</script>',
      );
      db.prepare(
        "UPDATE exercise_progress SET checks = '<b onmouseover=alert(3)>1</b>', hints_shown = '<svg onload=alert(4)>'",
      ).run();
      db.prepare("UPDATE profile SET name = 'Ana <iframe src=javascript:alert(5)>' WHERE id = ?").run(ana);
    });
    const l = live();
    await restoreBackup(l.db, l.file, file);
    const restored = l.profiles.list()[0]!;
    const [html] = reportFiles(sources(l), restored.id, ['html']);
    expect(html!.content).not.toMatch(/<img src=x|<script>alert|<b onmouseover|<svg onload|<iframe/i);
    expect(html!.content).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  test('a generated problem whose statement carries script renders as text', async () => {
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)> [link](javascript:alert(3))';
    const exercise = {
      id: 'gen-1',
      type: 'exercise',
      title: { en: '<img src=x onerror=alert(0)>', zh: 'x' },
      body: { en: body, zh: body },
    };
    const file = backup((db) =>
      db
        .prepare(
          "INSERT INTO generated_exercise (id, track, concept, difficulty, locale, exercise, source, origin) VALUES ('gen-1', 'py', 'loops', 3, 'en', ?, 'model', 'm')",
        )
        .run(JSON.stringify(exercise)),
    );
    const l = live();
    await restoreBackup(l.db, l.file, file);
    const stored = JSON.parse(
      l.db.prepare("SELECT exercise FROM generated_exercise WHERE id = 'gen-1'").pluck().get() as string,
    ) as typeof exercise;
    const rendered = renderMarkdown(stored.body.en);
    expect(rendered).not.toMatch(/<(script|img)\b/i);
    expect(rendered).not.toMatch(/href="javascript:/i);
  });

  test('a learner named with control, bidi and zero-width characters, 20 000 long, restores and exports safely', async () => {
    const name = `A\u0000\u0007\u001b[31m\u202egnp.exe\u200b${'x'.repeat(20_000)}\r\n=cmd|'/c calc'!A1`;
    const file = backup((db) => db.prepare("UPDATE profile SET name = ? WHERE name = 'Ana'").run(name));
    const l = live();
    await restoreBackup(l.db, l.file, file);
    const id = l.profiles.list()[0]!.id;
    const files = reportFiles(sources(l), id, ['json', 'csv', 'html']);
    for (const f of files) expect(f.name).not.toMatch(/[\p{Cc}\p{Cf}/\\]/u);
    expect(JSON.parse(files[0]!.content).learner.name).toBe(name);
  });

  test('a zip file, a truncated backup, a zip appended to a backup and an empty file leave the data as it was', async () => {
    const good = backup();
    const bytes = fs.readFileSync(good);
    const folder = dir();
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]);
    const variants: [string, Buffer][] = [
      ['a zip', zip],
      ['the first half of a backup', bytes.subarray(0, Math.floor(bytes.length / 2))],
      ['an empty file', Buffer.alloc(0)],
      ['a header and nothing else', bytes.subarray(0, 100)],
    ];
    for (const [what, content] of variants) {
      const file = path.join(folder, `${what}.db`);
      fs.writeFileSync(file, content);
      const l = live();
      const error = await restoreBackup(l.db, l.file, file).catch((e: unknown) => e);
      expect(error, what).toBeInstanceOf(BackupError);
      untouched(l);
    }
    // A zip after a whole backup: SQLite reads the backup's pages and ignores the rest, or it is
    // refused; either way nothing is lost.
    const polyglot = path.join(folder, 'polyglot.db');
    fs.writeFileSync(polyglot, Buffer.concat([bytes, zip]));
    const l = live();
    const outcome = await restoreBackup(l.db, l.file, polyglot).catch((e: unknown) => e);
    if (outcome instanceof Error) {
      expect(outcome).toBeInstanceOf(BackupError);
      untouched(l);
    } else {
      expect(l.profiles.list().map((p) => p.name)).toContain('Ana');
      expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  test('a WAL-mode backup without its -wal file restores what the main file holds, or is refused whole', async () => {
    const folder = dir();
    const walFile = path.join(folder, 'wal.db');
    const source = openDatabase(walFile).db;
    const profiles = new Profiles(source, new SettingsStore(source));
    profiles.create('In the main file');
    source.pragma('wal_checkpoint(TRUNCATE)');
    source.pragma('wal_autocheckpoint = 0');
    profiles.create('Only in the WAL');
    const copy = path.join(folder, 'copy.db');
    fs.copyFileSync(walFile, copy);
    source.close();
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    const l = live();
    const outcome = await restoreBackup(l.db, l.file, copy).catch((e: unknown) => e);
    if (outcome instanceof Error) {
      expect(outcome).toBeInstanceOf(BackupError);
      untouched(l);
    } else {
      expect(l.profiles.list().map((p) => p.name)).toEqual(['In the main file']);
      expect(l.db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  test('attempt code that is a deflate bomb, or not deflated at all, reads as empty code', async () => {
    const { deflateSync } = await import('node:zlib');
    // 300 MB of zeros deflated to about 300 KB; the app stores at most 1 000 000 characters.
    const bomb = deflateSync(Buffer.alloc(300_000_000));
    const file = backup((db) => {
      const ana = db.prepare("SELECT id FROM profile WHERE name = 'Ana'").pluck().get();
      db.prepare('UPDATE attempt SET code = ? WHERE profile_id = ?').run(bomb, ana);
      db.prepare(
        "INSERT INTO attempt (profile_id, track, exercise, kind, code, status, created_at) VALUES (?, 'py', 'hello', 'run', 'plain text, not deflated', 'fail', ?)",
      ).run(ana, Date.now());
    });
    const l = live();
    await restoreBackup(l.db, l.file, file);
    const ana = l.profiles.list()[0]!;
    const codes = l.progress.attempts(ana.id).map((a) => a.code);
    expect(codes).toEqual(['', '']);
  });
});

describe('hostile reports', () => {
  function report(name: string, at: number, edit?: (r: Record<string, unknown>) => void): string {
    const { db } = tempDatabase();
    open.push(db);
    const progress = new ProgressStore(db);
    const profiles = new Profiles(db, new SettingsStore(db));
    const model = new LearnerModel(progress, new ModelRecords(db), () => COURSE);
    const id = profiles.create(name).id;
    const built = buildSignedReport(
      { db, profiles, progress, model, courseOf: () => COURSE, appVersion: '0.1.0' },
      id,
      at,
    );
    if (!edit) return JSON.stringify(built);
    const raw = JSON.parse(JSON.stringify(built)) as Record<string, unknown>;
    edit(raw);
    return JSON.stringify(raw);
  }
  function importAll(files: { name: string; text: string }[]) {
    const { db } = tempDatabase();
    open.push(db);
    const classes = new Classes(db);
    const { id } = classes.create('9C');
    return { outcomes: classes.importReports(id, files), overview: () => classes.overview(id) };
  }

  test('four minutes fifty-nine seconds ahead is imported; five minutes and one second ahead is refused', () => {
    const now = Date.now();
    const { outcomes } = importAll([
      { name: 'near.json', text: report('Ada', now + 4 * 60_000 + 59_000) },
      { name: 'far.json', text: report('Bo', now + 5 * 60_000 + 1_000 + 2_000) },
    ]);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['near.json', 'verified'],
      ['far.json', 'future'],
    ]);
  });

  test('a report rewritten and re-signed with a new key is held for the teacher: it never replaces the real one', () => {
    const real = report('Ada', Date.now() - 120_000);
    const forged = JSON.parse(real) as Record<string, unknown> & { summary: { exercisesCompleted: number } };
    delete forged.signature;
    forged.summary.exercisesCompleted = 999;
    forged.exportedAt = new Date(Date.now() - 60_000).toISOString();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const resigned = signReport(forged, privateKey, publicKey.export({ format: 'der', type: 'spki' }));
    const { outcomes, overview } = importAll([
      { name: 'real.json', text: real },
      { name: 'resigned.json', text: JSON.stringify(resigned) },
    ]);
    // The class pinned Ada's key at the first import (issue 15): a report signed by another key
    // waits for the teacher to accept it as the same learner, and is not a second verified Ada.
    expect(outcomes.map((o) => o.result)).toEqual(['imported', 'held']);
    const ada = overview().learners.filter((x) => x.name === 'Ada');
    expect(ada).toHaveLength(1);
    expect(ada[0]).toMatchObject({ exercisesCompleted: JSON.parse(real).summary.exercisesCompleted });
  });

  test('the same report under two names, and unsigned namesakes, make one learner each', () => {
    const text = report('Ada', Date.now() - 60_000);
    const unsigned = (name: string, at: number) =>
      report(name, at, (r) => {
        delete r.signature;
      });
    const { outcomes, overview } = importAll([
      { name: 'a.json', text },
      { name: 'copy of a.json', text },
      { name: 'cy.json', text: unsigned('Cy', Date.now() - 90_000) },
      { name: 'cy2.json', text: unsigned('  CY ', Date.now() - 30_000) },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['verified', 'duplicate', 'unsigned', 'unsigned']);
    expect(overview().learners).toHaveLength(2);
  });

  test('schema versions of the wrong type or out of range are refused, each with a readable reason', () => {
    const at = Date.now() - 60_000;
    const versions: unknown[] = ['1', 0, -1, 1.5, null, [1], { v: 1 }];
    const files = versions.map((v, i) => ({
      name: `v${i}.json`,
      text: report('Ada', at, (r) => {
        r.schemaVersion = v;
      }),
    }));
    files.push({
      name: 'huge.json',
      text: report('Ada', at).replace(/"schemaVersion":\d+/, '"schemaVersion":1e999'),
    });
    const { outcomes, overview } = importAll(files);
    for (const o of outcomes) {
      expect(o.result, o.file).toBe('rejected');
      expect(describeOutcome(o)).toMatch(/not imported/);
    }
    expect(overview().learners).toEqual([]);
  });

  test('JSON nested 100 000 deep, a 30 MB field and a signature from another algorithm fail alone', () => {
    const at = Date.now() - 60_000;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const { outcomes, overview } = importAll([
      { name: 'deep.json', text: report('Ada', at).replace(/^\{/, `{"extra":${deep},`) },
      {
        name: 'deep-unsigned.json',
        text: report('Bo', at, (r) => delete r.signature).replace(/^\{/, `{"extra":${deep},`),
      },
      { name: 'big.json', text: report('Cy', at).replace(/^\{/, `{"extra":"${'x'.repeat(30_000_000)}",`) },
      {
        name: 'rsa.json',
        text: report('Di', at, (r) => {
          (r.signature as { publicKey: string }).publicKey = publicKey
            .export({ format: 'der', type: 'spki' })
            .toString('base64');
        }),
      },
      { name: 'fine.json', text: report('Ed', at) },
    ]);
    expect(Object.fromEntries(outcomes.map((o) => [o.file, o.status]))).toMatchObject({
      // Refused by the nesting limit, with the path, before the signature is checked.
      'deep.json': 'bad-file',
      // Over the 12 MB a report may have: refused by its size before it is parsed.
      'big.json': 'too-large',
      'rsa.json': 'edited',
      'fine.json': 'verified',
    });
    expect(overview().learners.map((x) => x.name)).toContain('Ed');
  });
});
