import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { SettingsStore } from '../../../electron/core/store/settings.ts';
import { Profiles } from '../../../electron/core/learner/profiles.ts';
import { ProgressStore } from '../../../electron/core/learner/progress-store.ts';
import { verifyReport } from '../../../electron/core/reports/signing.ts';
import { reportCommand } from '../../../electron/cli/commands/report.ts';
import { tempDir } from '../learner/fixtures.ts';

/** A data folder holding one learner who solved one exercise of the built-in Python track. */
function dataFolder(name: string): string {
  const dir = tempDir('lantern-cli-');
  const { db } = openDatabase(path.join(dir, 'lantern.db'));
  const id = new Profiles(db, new SettingsStore(db)).create(name).id;
  new ProgressStore(db).insertAttempt({
    profileId: id,
    track: 'python',
    exercise: 'count-vowels',
    kind: 'check',
    status: 'pass',
    testsPassed: 3,
    testsTotal: 3,
  });
  db.close();
  return dir;
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await reportCommand(env).run(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd: tempDir('lantern-cwd-'),
  });
  return { code, out, err };
}

describe('lantern report', () => {
  it('export writes the signed JSON, the two CSVs and the printable HTML of a profile', async () => {
    const data = dataFolder('Ada');
    const out = tempDir('lantern-out-');
    const result = await run(['export', '--profile', 'ada', '--out', out], { LANTERN_DATA_DIR: data });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const names = fs.readdirSync(out).sort();
    expect(names.map((n) => n.replace(/\d{4}-\d{2}-\d{2}/, 'DAY'))).toEqual([
      'lantern-report-Ada-DAY-concepts.csv',
      'lantern-report-Ada-DAY-exercises.csv',
      'lantern-report-Ada-DAY.html',
      'lantern-report-Ada-DAY.json',
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(out, names[3]!), 'utf8'));
    expect(verifyReport(json)).toBe('verified');
    expect(json.tracks[0].exercises[0].title.en).toBe('Count the vowels');
    expect(fs.readFileSync(path.join(out, names[1]!), 'utf8')).toMatch(/^\uFEFFTrack,Exercise,/);
    expect(fs.readFileSync(path.join(out, names[2]!), 'utf8')).toContain('Progress report: Ada');
  });

  it('export names the profiles there are when the one asked for is missing', async () => {
    const data = dataFolder('Ada');
    const result = await run(['export', '--profile', 'Zoe', '--out', tempDir()], { LANTERN_DATA_DIR: data });
    expect(result.code).toBe(1);
    expect(result.err).toContain('There is no profile called “Zoe”');
    expect(result.err).toContain('Profiles: Ada');
  });

  it('class writes a gradebook from a folder of reports and names each file it refused', async () => {
    const reports = tempDir('lantern-reports-');
    for (const name of ['Ada', '李雷']) {
      const out = tempDir('lantern-out-');
      await run(['export', '--profile', name, '--out', out], { LANTERN_DATA_DIR: dataFolder(name) });
      const json = fs.readdirSync(out).find((n) => n.endsWith('.json'))!;
      fs.copyFileSync(path.join(out, json), path.join(reports, `${name}.json`));
    }
    const edited = JSON.parse(fs.readFileSync(path.join(reports, 'Ada.json'), 'utf8'));
    edited.learner.name = 'Someone else';
    fs.writeFileSync(path.join(reports, 'edited.json'), JSON.stringify(edited));
    const csv = path.join(tempDir(), 'gradebook.csv');

    const result = await run(['class', reports, '--out', csv]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/edited\.json: not imported \(Someone else\): edited after export/);
    expect(result.out).toContain('2 of 3 reports in the gradebook');
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(csv, 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.Learner, r['Exercises completed'], r.Signature])).toEqual([
      ['Ada', '1', 'verified'],
      ['李雷', '1', 'verified'],
    ]);
  });

  it('says what is missing from a wrong invocation', async () => {
    const result = await run(['class', 'a.json']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--out is required');
  });
});
